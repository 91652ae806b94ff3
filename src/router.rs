//! A small client-side router for the app's fixed set of pages: the History API, one signal
//! with the current path, and a click handler for same-origin links. It replaces
//! `leptos_router`, which brought route matching, nested routes and data loaders the app does not
//! use, at about a tenth of the wasm (see README "Size").
//!
//! `Route::parse` and `is_active` are plain Rust, tested natively (`tests/domain.rs`).
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The pages of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Landing,
    /// `/vaihe/<step id>`; whether the id exists is for the page to decide.
    Step(String),
    Results,
    Plan,
    Supports,
    Report,
    Data,
    About,
    Accessibility,
    Municipalities,
    Content,
    NotFound,
}

/// The one route table: every fixed page and its path. `Route::parse` reads it one way and
/// `Route::href` the other; no page writes a path by hand.
const PAGES: [(&str, Route); 11] = [
    ("/", Route::Landing),
    ("/tulokset", Route::Results),
    ("/suunnitelma", Route::Plan),
    ("/tuki", Route::Supports),
    ("/raportti", Route::Report),
    ("/tiedot", Route::Data),
    ("/tietoa", Route::About),
    ("/saavutettavuus", Route::Accessibility),
    ("/kunnille", Route::Municipalities),
    ("/sisalto", Route::Content),
    // Not a page of its own: any unknown path shows it; this one stands for all of them.
    ("/404", Route::NotFound),
];

/// The path prefix of a step: `/vaihe/<step id>`.
const STEP_PREFIX: &str = "/vaihe/";

impl Route {
    /// Every route but `Step`, in the order of the table.
    pub fn fixed() -> impl Iterator<Item = Route> {
        PAGES.into_iter().map(|(_, route)| route)
    }

    /// The route of a path (without query or fragment). A trailing slash is ignored.
    pub fn parse(path: &str) -> Route {
        let p = path.strip_suffix('/').unwrap_or(path);
        let same = |page: &str| page.strip_suffix('/').unwrap_or(page) == p;
        if let Some((_, route)) = PAGES.iter().find(|(page, _)| same(page)) {
            return route.clone();
        }
        match p.strip_prefix(STEP_PREFIX) {
            Some(id) if !id.is_empty() && !id.contains('/') => Route::Step(id.to_string()),
            _ => Route::NotFound,
        }
    }

    /// The path of the route: `Route::parse(&route.href()) == route`.
    pub fn href(&self) -> String {
        match self {
            Route::Step(id) => format!("{STEP_PREFIX}{id}"),
            fixed => PAGES
                .iter()
                .find(|(_, route)| route == fixed)
                .map_or("/", |(path, _)| path)
                .to_string(),
        }
    }

    /// A step's route.
    pub fn step(id: &str) -> Route {
        Route::Step(id.to_string())
    }
}

/// Whether a link to `href` points at the page at `path` or at a page below it (`/` only
/// matches itself): such a link gets `aria-current="page"`.
pub fn is_active(href: &str, path: &str) -> bool {
    let path = if path.len() > 1 {
        path.strip_suffix('/').unwrap_or(path)
    } else {
        path
    };
    path == href
        || (href != "/"
            && path
                .strip_prefix(href)
                .is_some_and(|rest| rest.starts_with('/')))
}

/// The current path, as a signal. Provided by `start_router`.
#[derive(Clone, Copy)]
pub struct Location {
    pub path: RwSignal<String>,
}

pub fn location() -> Location {
    expect_context::<Location>()
}

fn current_path() -> String {
    window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".into())
}

/// Creates the location signal and follows the browser's back and forward buttons. Call once,
/// in the root component; `intercept_links` is started after the first render.
pub fn start_router() -> Location {
    let loc = Location {
        path: RwSignal::new(current_path()),
    };
    provide_context(loc);
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        loc.path.set(current_path());
    });
    std::mem::forget(popstate);
    // After the first render, so that the app's own click handlers (delegated to the window when
    // the views mount) run first and can prevent the default.
    Effect::new(move |_| {
        let click = window_event_listener(leptos::ev::click, move |ev| on_click(loc, ev));
        std::mem::forget(click);
    });
    loc
}

/// Goes to `to` (a same-origin path with an optional query and fragment) without reloading.
pub fn navigate(loc: Location, to: &str, replace: bool) {
    let Ok(history) = window().history() else {
        return;
    };
    let done = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
    };
    if done.is_ok() {
        loc.path.set(current_path());
        if !to.contains('#') {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// A plain left click on a same-origin link to a page of the app navigates in place. Links with
/// a target, a download, `rel="external"`, a modifier key, to a file or to a fragment of the same
/// page are left to the browser.
fn on_click(loc: Location, ev: web_sys::MouseEvent) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return;
    }
    let Some(a) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    let rel = a.rel();
    if !a.target().is_empty()
        || a.has_attribute("download")
        || rel.split_ascii_whitespace().any(|r| r == "external")
    {
        return;
    }
    let Ok(here) = window().location().origin() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&a.href()) else {
        return;
    };
    let path = url.pathname();
    let is_file = path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    let same_page_fragment = !url.hash().is_empty() && path == loc.path.get_untracked();
    if url.origin() != here || is_file || same_page_fragment {
        return;
    }
    ev.prevent_default();
    navigate(loc, &format!("{path}{}{}", url.search(), url.hash()), false);
}

/// A link to a page of the app, marked `aria-current="page"` while that page is shown.
#[component]
pub fn Link(#[prop(into)] href: String, children: Children) -> impl IntoView {
    let loc = location();
    let target = href.clone();
    view! {
        <a
            href=href
            aria-current=move || loc.path.with(|p| is_active(&target, p)).then_some("page")
        >
            {children()}
        </a>
    }
}

/// The id of the method section of the About page (`/tietoa#menetelma`): the footprint step
/// links there.
pub const METHOD_ID: &str = "menetelma";
