//! The app shell: the root component with the route switch, the header, footer and embed bar,
//! and the notices above every page.
pub mod app;
pub mod chrome;
pub mod notices;
