//! Ilmastoaskeleet: a step-by-step climate work guide for small Finnish companies.
//!
//! The domain is plain Rust with no browser APIs (`content`, `model`, `scoring`, `ranking`,
//! `footprint`, `matching`, `persist`, `params`, `share`), tested natively. The components in
//! `pages` and `widgets` only render and wire signals; `storage` and `state` talk to the browser.
pub mod content;
pub mod footprint;
pub mod i18n;
pub mod matching;
pub mod model;
pub mod params;
pub mod persist;
pub mod ranking;
pub mod scoring;
pub mod share;

mod pages;
pub mod state;
pub mod storage;
mod widgets;

pub use pages::App;
