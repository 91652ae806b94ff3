//! Messages to the page that embeds the app (municipal sites): its origin, scroll and height.
use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// The embedding page's origin from `?origin=`, validated; it must agree with the parent's real
/// origin (see `message_target`).
static EMBED_ORIGIN: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Remembers the embedding page's origin (from `?origin=`, already validated).
pub fn set_host_origin(origin: String) {
    let _ = EMBED_ORIGIN.set(origin);
}

/// Sends `{type: "ilmastoaskeleet:<kind>", height}` to the embedding page: only in embed mode,
/// only inside a frame, and only to the parent's real origin (never `*`, see `message_target`).
pub fn post_to_parent(kind: &str, height: Option<i32>) {
    if !EMBED_ACTIVE.load(std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    let Some(target) = message_target(&w) else {
        return;
    };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &msg,
        &"type".into(),
        &format!("ilmastoaskeleet:{kind}").into(),
    );
    if let Some(h) = height {
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &h.into());
    }
    let _ = parent.post_message(&msg, &target);
}

/// Set by `start_resize_messages`, which only embed mode calls: nothing is posted otherwise.
static EMBED_ACTIVE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The parent's origin as the browser reports it (`location.ancestorOrigins[0]`, where the
/// browser has it, else the origin of `document.referrer`), checked against `?origin=`.
fn message_target(w: &web_sys::Window) -> Option<String> {
    let ancestor = js_sys::Reflect::get(&w.location(), &"ancestorOrigins".into())
        .ok()
        .filter(|list| list.is_object())
        .and_then(|list| js_sys::Reflect::get(&list, &0.into()).ok())
        .and_then(|o| o.as_string());
    let reported = ancestor.or_else(|| {
        w.document()
            .and_then(|d| crate::params::url_origin(&d.referrer()))
    });
    crate::params::message_target(reported.as_deref(), EMBED_ORIGIN.get().map(String::as_str))
}

/// In embed mode, reports the content height to the parent whenever it changes.
pub fn start_resize_messages() {
    EMBED_ACTIVE.store(true, std::sync::atomic::Ordering::SeqCst);
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

/// The embed entry written by the build (scripts/post-build.mjs): the one document of the app
/// that may be framed.
pub const EMBED_ENTRY: &str = "/embed.html";

/// The iframe sandbox of the embedded app (the same as `public/embed.js`, which explains each
/// token).
pub const EMBED_SANDBOX: &str = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals";

/// `(src, integrity)` of the content-hashed host script, from the `<meta>` the build writes
/// (scripts/post-build.mjs); `None` in a development build without it.
pub fn pinned_host_script() -> Option<(String, String)> {
    let meta = document()
        .query_selector("meta[name='ilmastoaskeleet:embed-script']")
        .ok()??;
    let src = meta.get_attribute("content")?;
    let integrity = meta.get_attribute("data-integrity")?;
    let ok = src.starts_with("/embed-")
        && src.ends_with(".js")
        && integrity.starts_with("sha384-")
        && !src.contains(['"', '<', '>'])
        && !integrity.contains(['"', '<', '>']);
    ok.then_some((src, integrity))
}
