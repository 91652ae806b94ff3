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
    pub params: StoredValue<Params>,
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
        let stored_lang = storage::read(storage::LANG_KEY)
            .ok()
            .flatten()
            .and_then(|s| Lang::parse(&s));
        let lang = params.lang.or(stored_lang).unwrap_or_default();

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
            params: StoredValue::new(params),
        };
        ctx.start_sync(!preselected);
        ctx
    }

    fn start_sync(self, loaded_as_stored: bool) {
        // Persist every change. The first run only records the loaded state, unless the start
        // changed it (a preselected municipality), which is saved at once.
        let skip_first = StoredValue::new(loaded_as_stored);
        Effect::new(move |_| {
            let ws = self.ws.get();
            if skip_first.get_value() {
                skip_first.set_value(false);
                return;
            }
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
        let text = encode_workspace(ws, &now_iso());
        // Skip the write when it would only echo what another tab just saved.
        if storage::read(storage::KEY)
            .ok()
            .flatten()
            .is_some_and(|cur| same_data(&cur, &text))
        {
            return;
        }
        let next = match storage::write(storage::KEY, &text) {
            Ok(()) => match &state {
                SaveState::Corrupt(k) => SaveState::Corrupt(k.clone()),
                _ => SaveState::Saved,
            },
            Err(StoreError::Full) => SaveState::Full,
            Err(_) => SaveState::Blocked,
        };
        if next != state {
            self.save.set(next);
        }
        measure_answer();
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

/// Equal apart from the `saved_at` time.
fn same_data(a: &str, b: &str) -> bool {
    let strip = |s: &str| -> Option<serde_json::Value> {
        let mut v: serde_json::Value = serde_json::from_str(s).ok()?;
        v.as_object_mut()?.remove("saved_at");
        Some(v)
    };
    strip(a).is_some() && strip(a) == strip(b)
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
