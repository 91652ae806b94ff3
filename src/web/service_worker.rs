//! The service worker: registration, and taking a waiting new version into use.
use wasm_bindgen::JsCast;

/// Set when the user asked for the new version: the page then reloads when it takes over.
pub static UPDATE_REQUESTED: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Asks the waiting service worker to take over; the page reloads when it has. Answers are
/// already saved (every change is written at once), so the reload loses nothing.
pub fn apply_update() {
    UPDATE_REQUESTED.store(true, std::sync::atomic::Ordering::SeqCst);
    let Some(sw) = web_sys::window().map(|w| w.navigator().service_worker()) else {
        return;
    };
    let promise = sw.get_registration();
    leptos::task::spawn_local(async move {
        if let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await {
            if let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() {
                if let Some(waiting) = reg.waiting() {
                    let msg = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"SKIP_WAITING".into());
                    let _ = waiting.post_message(&msg);
                }
            }
        }
    });
}

/// Registers `/sw.js` and calls `on_ready` when a new version is waiting (the app then shows
/// its update notice). `embed`: the app runs in the embed entry (`/embed.html`), the one document
/// that may be framed, so an update reloads that entry with the query it started with
/// (municipality, theme, origin) instead of the app's own address.
pub fn register(embed: bool, on_ready: impl Fn() + Clone + 'static) {
    let Some(w) = web_sys::window() else { return };
    if !js_sys::Reflect::has(&w.navigator(), &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let sw = w.navigator().service_worker();
    let start_query = w.location().search().unwrap_or_default();
    // Reload only when the user chose the update: the first install also changes the controller
    // (clients.claim), and that must not reload the page under the user's hands.
    let on_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if UPDATE_REQUESTED.load(std::sync::atomic::Ordering::SeqCst) {
            let _ = web_sys::window().map(|w| {
                if embed {
                    w.location()
                        .replace(&format!("{}{start_query}", super::embed::EMBED_ENTRY))
                } else {
                    w.location().reload()
                }
            });
        }
    });
    sw.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    // The app's pages are paths from "/" (the router's table), so "/" is the narrowest scope that
    // covers them all; the worker answers only its own precached files and navigations.
    // updateViaCache "none": the browser always asks the server for sw.js.
    let Some(promise) = register_sw(&sw, "/sw.js", "/") else {
        return;
    };
    leptos::task::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        let check = {
            let reg = reg.clone();
            move || {
                if reg.waiting().is_some()
                    && web_sys::window()
                        .is_some_and(|w| w.navigator().service_worker().controller().is_some())
                {
                    on_ready();
                }
            }
        };
        check();
        let reg2 = reg.clone();
        let on_found = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = reg2.installing() {
                let check = check.clone();
                let on_state = wasm_bindgen::closure::Closure::<dyn Fn()>::new(check);
                installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            }
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// `navigator.serviceWorker.register(url, {scope, updateViaCache: "none"})`.
fn register_sw(
    sw: &web_sys::ServiceWorkerContainer,
    url: &str,
    scope: &str,
) -> Option<js_sys::Promise> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"scope".into(), &scope.into()).ok()?;
    js_sys::Reflect::set(&options, &"updateViaCache".into(), &"none".into()).ok()?;
    let register = js_sys::Reflect::get(sw, &"register".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    register
        .call2(sw, &url.into(), &options)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}
