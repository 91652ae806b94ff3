//! The views: the app shell (`shell`), one module per page (`pages`) and the pieces pages share
//! (`components`), plus the helpers every view uses. Views render and wire signals; rules live
//! in the model, words in `labels`, generated texts in `drafts`.
use crate::i18n::{t, Lang, Msg};
use crate::state::ctx;
use leptos::prelude::*;

pub mod components;
pub mod pages;
pub mod shell;

/// A reactive text of the catalogue. Every call returns the same closure type, so the view code
/// for a text node is compiled once, not once per text: a large share of the wasm size.
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = ctx().lang;
    move || t(lang.get(), msg)
}

/// A reactive content text (a question, a step title…), with one closure type for all of them.
pub fn txt(
    text: &'static crate::content::Text,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = ctx().lang;
    move || text.get(lang.get())
}

/// Sets the document title to "<page> – Ilmastoaskeleet" whenever the language changes.
pub fn page_title(msg_or_text: impl Fn(Lang) -> String + Send + Sync + 'static) {
    let c = ctx();
    Effect::new(move |_| {
        let l = c.lang.get();
        document().set_title(&format!("{} – {}", msg_or_text(l), t(l, Msg::AppName)));
    });
}

/// A DOM id from a content id ("current.heating" → "q-current-heating").
pub fn dom_id(prefix: &str, id: &str) -> String {
    let mut s = String::from(prefix);
    s.push('-');
    s.extend(
        id.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }),
    );
    s
}
