//! App state: the workspace in a signal, saved to localStorage on every change, synchronised
//! with other tabs, and kept in memory (with a notice) when storage fails.
use crate::content::content;
use crate::i18n::Lang;
use crate::model::{Answer, Company, Workspace};
use crate::params::{parse_query, Params};
use crate::persist::{decode_stored, encode_workspace, Loaded};
use crate::storage::{self, StoreError};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Where saving stands; shown as a notice when it is not `Saved`.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    /// Storage is blocked: answers live in memory only until exported.
    Blocked,
    /// The quota is full: the last change is in memory only.
    Full,
    /// Saved data is from a newer app version: shown read-only, never overwritten.
    ReadOnly,
    /// Saved data could not be read; it was kept aside under this key.
    Corrupt(String),
}

#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    pub ws: RwSignal<Workspace>,
    pub save: RwSignal<SaveState>,
    /// Set when another tab changed the data and this tab took the change.
    pub other_tab: RwSignal<bool>,
    /// A new version of the app is waiting (service worker).
    pub update_ready: RwSignal<bool>,
    /// The texts of this language could not be downloaded (offline before the first visit).
    pub lang_failed: RwSignal<Option<Lang>>,
    pub params: StoredValue<Params>,
    /// The workspace as last written to (or read from) storage: a change that only echoes it is
    /// not written again (another tab's update taken in, the state loaded at start).
    saved: StoredValue<Option<Workspace>>,
    /// The language chosen last (its texts may still be downloading).
    lang_wanted: StoredValue<Lang>,
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// A reactive text of the catalogue. Every call returns the same closure type, so the view code
/// for a text node is compiled once, not once per text: a large share of the wasm size.
pub fn tr(msg: crate::i18n::Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = ctx().lang;
    move || crate::i18n::t(lang.get(), msg)
}

/// A reactive content text (a question, a step title…), with one closure type for all of them.
pub fn txt(
    text: &'static crate::content::Text,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = ctx().lang;
    move || text.get(lang.get())
}

/// Today as "YYYY-MM-DD" and now as an ISO timestamp, from the browser's clock.
pub fn today() -> String {
    now_iso().chars().take(10).collect()
}

pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

pub fn current_year() -> u16 {
    js_sys::Date::new_0().get_full_year() as u16
}

impl Ctx {
    /// Creates the state from the URL and localStorage, and starts saving and tab sync.
    pub fn init() -> Ctx {
        let query = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let params = parse_query(&query, content());
        for w in &params.warnings {
            web_sys::console::warn_1(&format!("Ilmastoaskeleet: {w}").into());
        }
        // The boot loaded the pack of `choose_lang`; should that have failed, use what loaded.
        let lang = choose_lang(params.lang);
        let lang = if crate::i18n::pack_loaded(lang) {
            lang
        } else {
            Lang::ALL
                .into_iter()
                .find(|l| crate::i18n::pack_loaded(*l))
                .unwrap_or_default()
        };

        let (ws, save) = match storage::read(storage::KEY) {
            Err(_) => (Workspace::default(), SaveState::Blocked),
            Ok(raw) => {
                match decode_stored(raw.as_deref()) {
                    Loaded::Empty => (Workspace::default(), SaveState::Saved),
                    Loaded::Ok(ws) => (ws, SaveState::Saved),
                    Loaded::Newer { workspace, .. } => {
                        (workspace.unwrap_or_default(), SaveState::ReadOnly)
                    }
                    Loaded::Corrupt { reason } => {
                        let key = format!("{}{}", storage::CORRUPT_PREFIX, now_iso());
                        web_sys::console::warn_1(&format!("Ilmastoaskeleet: saved data unreadable ({reason}); kept under {key}").into());
                        let kept = raw
                            .as_deref()
                            .map(|r| storage::write(&key, r).is_ok())
                            .unwrap_or(false);
                        if kept {
                            storage::remove(storage::KEY);
                        }
                        // If it could not be kept aside, the original stays where it is and nothing
                        // is written over it: the app runs in read-only mode.
                        (
                            Workspace::default(),
                            if kept {
                                SaveState::Corrupt(key)
                            } else {
                                SaveState::ReadOnly
                            },
                        )
                    }
                }
            }
        };
        let mut ws = ws;
        let mut preselected = false;
        if let Some(code) = &params.kunta {
            let c = ws.active_mut();
            if !c.answers.contains_key("profile.municipality") {
                c.answers.insert(
                    "profile.municipality".into(),
                    Answer::Municipality(code.clone()),
                );
                preselected = true;
            }
        }
        let ctx = Ctx {
            lang: RwSignal::new(lang),
            ws: RwSignal::new(ws),
            save: RwSignal::new(save),
            other_tab: RwSignal::new(false),
            update_ready: RwSignal::new(false),
            lang_failed: RwSignal::new(None),
            params: StoredValue::new(params),
            saved: StoredValue::new(None),
            lang_wanted: StoredValue::new(lang),
        };
        ctx.start_sync(!preselected);
        ctx
    }

    fn start_sync(self, loaded_as_stored: bool) {
        // Persist every change. The state loaded at start is not written back, unless the start
        // changed it (a preselected municipality), which is saved at once.
        if loaded_as_stored {
            self.saved.set_value(Some(self.ws.get_untracked()));
        }
        Effect::new(move |_| {
            let ws = self.ws.get();
            self.persist(&ws);
        });
        Effect::new(move |_| {
            let lang = self.lang.get();
            let _ = storage::write(storage::LANG_KEY, lang.code());
            if let Some(el) = document().document_element() {
                let _ = el.set_attribute("lang", lang.code());
            }
        });
        // Another tab saved: take its data (this tab has nothing unsaved, since it saves at once).
        let handle =
            window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
                if ev.key().as_deref() != Some(storage::KEY) {
                    return;
                }
                if let Loaded::Ok(ws) = decode_stored(ev.new_value().as_deref()) {
                    if ws != self.ws.get_untracked() {
                        self.saved.set_value(Some(ws.clone()));
                        self.ws.set(ws);
                        self.other_tab.set(true);
                    }
                }
            });
        std::mem::forget(handle);
    }

    fn persist(self, ws: &Workspace) {
        let state = self.save.get_untracked();
        if matches!(state, SaveState::ReadOnly) {
            return;
        }
        if self.saved.with_value(|s| s.as_ref() == Some(ws)) {
            return;
        }
        let text = encode_workspace(ws, &now_iso());
        let next = match storage::write(storage::KEY, &text) {
            Ok(()) => match &state {
                SaveState::Corrupt(k) => SaveState::Corrupt(k.clone()),
                _ => SaveState::Saved,
            },
            Err(StoreError::Full) => SaveState::Full,
            Err(_) => SaveState::Blocked,
        };
        if matches!(next, SaveState::Saved | SaveState::Corrupt(_)) {
            self.saved.set_value(Some(ws.clone()));
        }
        if next != state {
            self.save.set(next);
        }
        measure_answer();
    }

    /// Switches the language once its texts are in (downloaded on first use).
    /// The last choice wins: a download that ends after a later click changes nothing.
    pub fn switch_lang(self, lang: Lang) {
        self.lang_wanted.set_value(lang);
        if crate::i18n::pack_loaded(lang) {
            self.lang_failed.set(None);
            self.lang.set(lang);
            return;
        }
        leptos::task::spawn_local(async move {
            let result = load_pack(lang).await;
            if self.lang_wanted.get_value() != lang {
                return;
            }
            match result {
                Ok(()) => {
                    self.lang_failed.set(None);
                    self.lang.set(lang);
                }
                Err(e) => {
                    web_sys::console::warn_1(&format!("Ilmastoaskeleet: {e}").into());
                    self.lang_failed.set(Some(lang));
                }
            }
        });
    }

    pub fn t(self, msg: crate::i18n::Msg) -> &'static str {
        crate::i18n::t(self.lang.get(), msg)
    }

    /// The active company's answers (reactive).
    pub fn answers(self) -> BTreeMap<String, Answer> {
        self.ws.with(|w| w.active().answers.clone())
    }

    pub fn company(self) -> Company {
        self.ws.with(|w| w.active().clone())
    }

    /// Changes the active company and records the time.
    pub fn update_company(self, f: impl FnOnce(&mut Company)) {
        let now = now_iso();
        self.ws.update(|w| {
            let c = w.active_mut();
            f(c);
            c.updated = now;
        });
    }

    pub fn set_answer(self, id: &str, answer: Option<Answer>) {
        mark_answer();
        let id = id.to_string();
        self.update_company(|c| match answer {
            Some(a) => {
                c.answers.insert(id, a);
            }
            None => {
                c.answers.remove(&id);
            }
        });
    }

    pub fn read_only(self) -> bool {
        matches!(self.save.get(), SaveState::ReadOnly)
    }
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
pub async fn load_pack(lang: Lang) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    if crate::i18n::pack_loaded(lang) {
        return Ok(());
    }
    let file = crate::i18n::pack_file(lang);
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
    crate::i18n::install_pack(lang, &text)
}

/// Performance marks for the benchmark: from answering a question to the answer saved.
fn mark_answer() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("answer-start");
    }
}

fn measure_answer() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        if p.get_entries_by_name("answer-start").length() == 0 {
            return;
        }
        let _ = p.measure_with_start_mark("answer", "answer-start");
        p.clear_marks_with_mark_name("answer-start");
    }
}

/// Offers `text` as a file download (export, raw corrupt data). Nothing leaves the device.
pub fn download(file_name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", file_name);
        if let Some(body) = document().body() {
            let _ = body.append_child(&a);
            if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&a) {
                el.click();
            }
            let _ = body.remove_child(&a);
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Copies text to the clipboard (best effort).
pub fn copy_text(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}
