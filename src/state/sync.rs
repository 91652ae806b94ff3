//! Saving: every change of the workspace is written to localStorage at once, and a change
//! saved by another tab is taken in.
use super::{Ctx, ReadOnlyWhy, SaveState};
use crate::model::Workspace;
use crate::persist::{check_size, decode_stored, encode_workspace, Loaded};
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
        if matches!(state, SaveState::ReadOnly(_)) {
            return;
        }
        if self.saved.with_value(|s| s.as_ref() == Some(ws)) {
            return;
        }
        let text = encode_workspace(ws, &now_iso());
        // Never write what could not be read back.
        let next = match check_size(text.len()) {
            Err(_) => SaveState::TooLarge,
            Ok(near) => match storage::write(storage::KEY, &text) {
                Ok(()) => match &state {
                    SaveState::Corrupt(_) | SaveState::Salvaged(..) => state.clone(),
                    _ if near => SaveState::NearLimit,
                    _ => SaveState::Saved,
                },
                Err(fault) => SaveState::Unsaved(fault),
            },
        };
        if matches!(
            next,
            SaveState::Saved
                | SaveState::Corrupt(_)
                | SaveState::Salvaged(..)
                | SaveState::NearLimit
        ) {
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

/// One piece of data kept aside: its key, when it was set aside (ISO time) and its size.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptAside {
    pub key: String,
    pub when: String,
    pub size: usize,
}

/// Every piece of data kept aside, oldest first: shown until the user deletes it.
pub fn kept_aside_list() -> Vec<KeptAside> {
    storage::keys_with_prefix(storage::CORRUPT_PREFIX)
        .into_iter()
        .map(|(key, size)| KeptAside {
            when: key
                .strip_prefix(storage::CORRUPT_PREFIX)
                .unwrap_or("")
                .to_string(),
            key,
            size,
        })
        .collect()
}

/// Deletes one piece of data kept aside (the user chose to).
pub fn forget_kept_aside(key: &str) {
    if key.starts_with(storage::CORRUPT_PREFIX) {
        storage::remove(key);
    }
}

/// Reads the saved workspace. Data from a newer version is shown read-only; unreadable data is
/// kept aside under a key of its own (and the app starts afresh), or, if that fails, left where
/// it is with the app read-only.
pub(super) fn load() -> (Workspace, SaveState) {
    match storage::read(storage::KEY) {
        Err(fault) => (Workspace::default(), SaveState::Unsaved(fault)),
        Ok(raw) => {
            match decode_stored(raw.as_deref()) {
                Loaded::Empty => (Workspace::default(), SaveState::Saved),
                Loaded::Ok(ws) => (ws, SaveState::Saved),
                Loaded::Newer { workspace, .. } => (
                    workspace.unwrap_or_default(),
                    SaveState::ReadOnly(ReadOnlyWhy::Newer),
                ),
                Loaded::Unknown { workspace } => (
                    workspace.unwrap_or_default(),
                    SaveState::ReadOnly(ReadOnlyWhy::Unknown),
                ),
                // Kept where it is, untouched: offered as a download.
                Loaded::TooLarge { .. } => (
                    Workspace::default(),
                    SaveState::ReadOnly(ReadOnlyWhy::TooLarge),
                ),
                Loaded::Salvaged { workspace, dropped } => {
                    // The original is kept aside first; without room for it, nothing is written.
                    match keep_aside(raw.as_deref().unwrap_or_default(), "partly unreadable") {
                        Some(key) => {
                            // What was read is saved at once, so a reload does not salvage
                            // (and keep aside) the same data again.
                            let text = encode_workspace(&workspace, &now_iso());
                            let _ = storage::write(storage::KEY, &text);
                            (workspace, SaveState::Salvaged(key, dropped))
                        }
                        None => (workspace, SaveState::ReadOnly(ReadOnlyWhy::NotKeptAside)),
                    }
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
                            SaveState::ReadOnly(ReadOnlyWhy::NotKeptAside)
                        },
                    )
                }
            }
        }
    }
}

/// Copies `raw` under a key of its own (`CORRUPT_PREFIX` + now); the key, if it could.
fn keep_aside(raw: &str, reason: &str) -> Option<String> {
    let key = format!("{}{}", storage::CORRUPT_PREFIX, now_iso());
    web_sys::console::warn_1(
        &format!("Ilmastoaskeleet: saved data {reason}; kept under {key}").into(),
    );
    storage::write(&key, raw).ok()?;
    Some(key)
}
