//! Saving: every change of the workspace is written to localStorage at once, and a change
//! saved by another tab is taken in.
use super::{Ctx, SaveState};
use crate::model::Workspace;
use crate::persist::{decode_stored, encode_workspace, Loaded};
use crate::web::clock::now_iso;
use crate::web::perf::measure_answer;
use crate::web::storage::{self, StoreError};
use leptos::prelude::*;

impl Ctx {
    pub(super) fn start_sync(self, loaded_as_stored: bool) {
        // Persist every change. The state loaded at start is not written back, unless the start
        // changed it (a preselected municipality), which is saved at once.
        if loaded_as_stored {
            self.saved.set_value(Some(self.ws.get_untracked()));
        }
        Effect::new(move |_| {
            let ws = self.ws.get();
            self.persist(&ws);
        });
        // PREVIEW (`?preview=1`, /kunnille): in memory only, so another tab's saving is not ours
        // to take in (`web::storage` neither reads nor writes in this mode).
        if self.params.with_value(|p| p.preview) {
            return;
        }
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

    /// Writes the workspace unless it only echoes what storage holds; updates the save state.
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
}

impl Ctx {
    /// Keeps a copy of the whole workspace under `BACKUP_KEY`, before an import replaces data.
    pub fn keep_backup(self) -> Result<(), StoreError> {
        let backup = encode_workspace(&self.ws.get_untracked(), &now_iso());
        storage::write(storage::BACKUP_KEY, &backup)
    }
}

/// The raw text of unreadable data kept aside under `key` (for the user to download).
pub fn kept_aside(key: &str) -> Option<String> {
    storage::read(key).ok().flatten()
}

/// Reads the saved workspace. Data from a newer version is shown read-only; unreadable data is
/// kept aside under a key of its own (and the app starts afresh), or, if that fails, left where
/// it is with the app read-only.
pub(super) fn load() -> (Workspace, SaveState) {
    match storage::read(storage::KEY) {
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
                    web_sys::console::warn_1(
                        &format!(
                            "Ilmastoaskeleet: saved data unreadable ({reason}); kept under {key}"
                        )
                        .into(),
                    );
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
    }
}
