//! The language: which one to start in, downloading its texts, switching.
use super::Ctx;
use crate::content::content;
use crate::i18n::{part_loaded, Lang, Part};
use crate::params::parse_query;
use crate::web::storage;
use leptos::prelude::*;

impl Ctx {
    /// Remembers the chosen language and marks the page with it.
    pub(super) fn start_lang_sync(self) {
        Effect::new(move |_| {
            let lang = self.lang.get();
            let _ = storage::write(storage::LANG_KEY, lang.code());
            if let Some(el) = document().document_element() {
                let _ = el.set_attribute("lang", lang.code());
            }
        });
    }

    /// Switches the language once both its packs are in (downloaded on first use).
    /// The last choice wins: a download that ends after a later click changes nothing.
    pub fn switch_lang(self, lang: Lang) {
        self.lang_wanted.set_value(lang);
        if part_loaded(lang, Part::First) && part_loaded(lang, Part::More) {
            self.lang_failed.set(None);
            self.more_texts.set(MoreTexts::Ready);
            self.lang.set(lang);
            return;
        }
        leptos::task::spawn_local(async move {
            let result = match load_pack(lang, Part::First).await {
                Ok(()) => load_pack(lang, Part::More).await,
                Err(e) => Err(e),
            };
            if self.lang_wanted.get_value() != lang {
                return;
            }
            match result {
                Ok(()) => {
                    self.lang_failed.set(None);
                    self.more_texts.set(MoreTexts::Ready);
                    self.lang.set(lang);
                }
                Err(e) => {
                    web_sys::console::warn_1(&format!("Ilmastoaskeleet: {e}").into());
                    self.lang_failed.set(Some(lang));
                }
            }
        });
    }
}

impl Ctx {
    /// Downloads the second pack of the current language (the app has painted with the first):
    /// the pages that need it wait on `more_texts`. Also the retry after a failure.
    pub fn load_more_texts(self) {
        let lang = self.lang.get_untracked();
        if part_loaded(lang, Part::More) {
            self.more_texts.set(MoreTexts::Ready);
            return;
        }
        self.more_texts.set(MoreTexts::Loading);
        leptos::task::spawn_local(async move {
            let result = load_pack(lang, Part::More).await;
            if self.lang.get_untracked() != lang {
                return; // a language switch loaded both packs of another language
            }
            match result {
                Ok(()) => self.more_texts.set(MoreTexts::Ready),
                Err(e) => {
                    web_sys::console::warn_1(&format!("Ilmastoaskeleet: {e}").into());
                    self.more_texts.set(MoreTexts::Failed);
                }
            }
        });
    }
}

/// Where the second text pack of the current language stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoreTexts {
    Loading,
    Ready,
    Failed,
}

/// The language to start in: `?lang=` if given, else the one chosen last time, else Finnish.
fn choose_lang(from_url: Option<Lang>) -> Lang {
    let stored = storage::read(storage::LANG_KEY)
        .ok()
        .flatten()
        .and_then(|s| Lang::parse(&s));
    from_url.or(stored).unwrap_or_default()
}

/// The language the app will start in (read before mounting, to load its texts first).
pub fn initial_lang() -> Lang {
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    choose_lang(parse_query(&query, content()).lang)
}

/// Downloads the texts of `lang` from the app's own origin (the service worker answers offline)
/// and installs them. A failed download or a pack from another version is an error, never a
/// half-translated page.
pub async fn load_pack(lang: Lang, part: Part) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    if part_loaded(lang, part) {
        return Ok(());
    }
    let file = crate::i18n::pack_file(lang, part);
    let failed = |e: wasm_bindgen::JsValue| format!("could not load /{file}: {e:?}");
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&format!("/{file}")))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    if !response.ok() {
        return Err(format!(
            "could not load /{file}: HTTP {}",
            response.status()
        ));
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?
        .as_string()
        .ok_or_else(|| format!("/{file} is not text"))?;
    crate::i18n::install_pack(lang, part, &text)
}

/// The language to start the app in: the one the boot loaded (`start` tried the reader's
/// language, then Finnish); should that have failed, whichever pack is in.
pub(super) fn start_lang(from_url: Option<Lang>) -> Lang {
    let lang = choose_lang(from_url);
    if crate::i18n::pack_loaded(lang) {
        lang
    } else {
        Lang::ALL
            .into_iter()
            .find(|l| crate::i18n::pack_loaded(*l))
            .unwrap_or_default()
    }
}

/// Loads the texts to start with (the first pack): the reader's language, or Finnish if that
/// fails.
pub async fn load_start_pack() -> Result<(), String> {
    let lang = initial_lang();
    let mut result = load_pack(lang, Part::First).await;
    if result.is_err() && lang != Lang::Fi {
        result = load_pack(Lang::Fi, Part::First).await;
    }
    result
}
