//! Ilmastoaskeleet: a step-by-step climate work guide for small Finnish companies.
//!
//! The crate has two halves and four layers. From the ground up:
//!
//! 1. **Pure** (`i18n`, `content`, `model`, `scoring`, `ranking`, `footprint`, `matching`,
//!    `params`, `share`, `persist`, `labels`, `local_services`, `drafts`, `rough`, `site`, `site_rules`): data, rules, words and generated texts;
//!    no browser APIs, tested natively.
//! 2. **Browser edges** (`web::*`, `router`): small leaves over web APIs.
//! 3. **State** (`state`): the signals of the app, saving and the language.
//! 4. **Views** (`ui`): the shell, one module per page, shared components.
//!
//! Architecture invariant: the pure modules use no `leptos`, `web_sys`, `js_sys`, `gloo` or
//! `wasm_bindgen`, and import nothing of `web`, `router`, `state` or `ui`.
//! Architecture invariant: `web::*` and `router` never import `state` or `ui`; what they need
//! from the app comes in as a parameter or a callback.
//! Architecture invariant: `state` never imports `ui`.
//! Architecture invariant: a page (`ui::pages::<page>`) never imports another page; the shell
//! is the only view that imports pages.
//!
//! `tests/layers.rs` checks these lines against the source.
pub mod content;
pub mod drafts;
pub mod footprint;
pub mod i18n;
pub mod labels;
pub mod local_services;
pub mod matching;
pub mod model;
pub mod params;
pub mod persist;
pub mod ranking;
pub mod rough;
pub mod scoring;
pub mod share;
pub mod site;
pub mod site_rules;

pub mod router;
pub mod web;

pub mod state;

mod ui;

pub use ui::shell::app::App;

/// Starts the app: loads the texts of the user's language, then mounts in place of the loading
/// line of `index.html`. If the texts cannot be loaded (offline on the very first visit), shows
/// the trilingual notice kept there.
pub fn start() {
    console_error_panic_hook::set_once();
    // The /kunnille preview (`?preview=1`) runs in memory only: set before anything is read.
    let query = leptos::prelude::window()
        .location()
        .search()
        .unwrap_or_default();
    if params::parse_query(&query, content::content()).preview {
        web::storage::set_memory_only();
    }
    // Leptos's executor starts with the mount, so the loading runs on wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async move {
        let result = state::lang::load_start_pack().await;
        let doc = leptos::prelude::document();
        if let Some(el) = doc.get_element_by_id("boot-loading") {
            el.remove();
        }
        match result {
            Ok(()) => leptos::mount::mount_to_body(App),
            Err(e) => {
                web_sys::console::error_1(&format!("Ilmastoaskeleet: {e}").into());
                if let Some(el) = doc.get_element_by_id("boot-error") {
                    let _ = el.remove_attribute("hidden");
                }
            }
        }
    });
}
