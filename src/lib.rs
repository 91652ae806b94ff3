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
pub mod router;
pub mod scoring;
pub mod share;
pub mod site;
pub mod site_rules;

mod pages;
pub mod state;
pub mod storage;
mod widgets;

pub use pages::App;

/// Starts the app: loads the texts of the user's language, then mounts in place of the loading
/// line of `index.html`. If the texts cannot be loaded (offline on the very first visit), shows
/// the trilingual notice kept there.
pub fn start() {
    console_error_panic_hook::set_once();
    let lang = state::initial_lang();
    // Leptos's executor starts with the mount, so the loading runs on wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async move {
        let mut result = state::load_pack(lang).await;
        if result.is_err() && lang != i18n::Lang::Fi {
            result = state::load_pack(i18n::Lang::Fi).await;
        }
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
