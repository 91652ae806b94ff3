//! App state: the workspace in a signal, saved to localStorage on every change (`sync`),
//! synchronised with other tabs, and kept in memory (with a notice) when storage fails; the
//! language and its texts (`lang`).
use crate::content::content;
use crate::i18n::Lang;
use crate::model::{Answer, Company, Workspace};
use crate::params::{parse_query, Params};
use crate::web::clock::now_iso;
use crate::web::perf::mark_answer;
use leptos::prelude::*;
use std::collections::BTreeMap;

pub mod lang;
pub mod sync;

/// Where saving stands; shown as a notice when it is not `Saved`.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    /// Storage failed for this cause (blocked, in a frame, private window, full): the answers
    /// (or the last change, when full) live in memory only until exported.
    Unsaved(crate::persist::StorageFault),
    /// Saved data is shown read-only and never overwritten, for this reason.
    ReadOnly(ReadOnlyWhy),
    /// The workspace has grown past what the app reads back: the last change is not written.
    TooLarge,
    /// Saved, but the stored data nears the largest size the app reads back.
    NearLimit,
    /// Saved data could not be read; it was kept aside under this key.
    Corrupt(String),
    /// Saved data was partly unreadable: what could be read is shown, these parts were dropped,
    /// and the original was kept aside under this key.
    Salvaged(String, Vec<crate::persist::Dropped>),
}

/// Why the saved data is shown read-only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadOnlyWhy {
    /// Written by a newer version of the app.
    Newer,
    /// Not an envelope this version knows (its schema number or kind).
    Unknown,
    /// Larger than the app reads back.
    TooLarge,
    /// Unreadable, and there was no room to keep it aside: left where it is.
    NotKeptAside,
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
    /// Whether the second text pack of the language is in (see `Ctx::load_more_texts`).
    pub more_texts: RwSignal<lang::MoreTexts>,
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
        let lang = lang::start_lang(params.lang);

        let (mut ws, save) = sync::load();
        let preselected = params
            .kunta
            .as_ref()
            .is_some_and(|code| ws.active_mut().preselect_municipality(code));
        let ctx = Ctx {
            lang: RwSignal::new(lang),
            ws: RwSignal::new(ws),
            save: RwSignal::new(save),
            other_tab: RwSignal::new(false),
            update_ready: RwSignal::new(false),
            lang_failed: RwSignal::new(None),
            more_texts: RwSignal::new(lang::MoreTexts::Loading),
            params: StoredValue::new(params),
            saved: StoredValue::new(None),
            lang_wanted: StoredValue::new(lang),
        };
        ctx.start_sync(!preselected);
        ctx.start_lang_sync();
        ctx.load_more_texts();
        ctx
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

    /// Changes the workspace as a whole (which company is active, adding, removing, importing):
    /// the one door for changes above a single company, as `update_company` is for one.
    pub fn update_workspace(self, f: impl FnOnce(&mut Workspace)) {
        self.ws.update(f);
    }

    pub fn read_only(self) -> bool {
        matches!(self.save.get(), SaveState::ReadOnly(_))
    }
}
