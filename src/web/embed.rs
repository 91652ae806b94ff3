//! Messages to the page that embeds the app (municipal sites): its origin, scroll and height.
use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// The embedding page's origin from `?origin=`, validated; messages go only there when known.
static EMBED_ORIGIN: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Remembers the embedding page's origin (from `?origin=`, already validated).
pub fn set_host_origin(origin: String) {
    let _ = EMBED_ORIGIN.set(origin);
}

/// Sends `{type: "ilmastoaskeleet:<kind>", height}` to the embedding page.
pub fn post_to_parent(kind: &str, height: Option<i32>) {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &msg,
        &"type".into(),
        &format!("ilmastoaskeleet:{kind}").into(),
    );
    if let Some(h) = height {
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &h.into());
    }
    // The height is not secret, but when embed.js told us the host's origin, only it gets it.
    let target = EMBED_ORIGIN.get().map(String::as_str).unwrap_or("*");
    let _ = parent.post_message(&msg, target);
}

/// In embed mode, reports the content height to the parent whenever it changes.
pub fn start_resize_messages() {
    let last = std::cell::Cell::new(0);
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let h = document()
            .document_element()
            .map(|e| e.scroll_height())
            .unwrap_or(0);
        let body = document().body().map(|b| b.scroll_height()).unwrap_or(0);
        let h = h.max(body);
        if h != last.get() {
            last.set(h);
            post_to_parent("resize", Some(h));
        }
    });
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        if let Some(body) = document().body() {
            obs.observe(&body);
        }
        std::mem::forget(obs);
    }
    cb.forget();
}
