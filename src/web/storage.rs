//! The one place that touches the browser's localStorage.
//!
//! `gloo_storage::LocalStorage::raw()` throws when storage is denied (private mode, a blocked
//! third-party iframe), so availability is checked first with web-sys, and every error comes back
//! as a value: nothing here panics.
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

/// The key of the saved workspace.
pub const KEY: &str = "ilmastoaskeleet";
/// The key of the chosen language.
pub const LANG_KEY: &str = "ilmastoaskeleet.lang";
/// The prefix of unreadable data kept aside (with a timestamp).
pub const CORRUPT_PREFIX: &str = "ilmastoaskeleet.corrupt.";
/// The copy of the data taken before an import replaces it.
pub const BACKUP_KEY: &str = "ilmastoaskeleet.backup";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage cannot be used at all.
    Unavailable,
    /// The browser's quota is full (`QuotaExceededError`).
    Full,
    Other,
}

/// Whether localStorage can be used: it exists, does not throw, and takes a write.
pub fn available() -> bool {
    if memory_only() {
        return false;
    }
    let Some(w) = web_sys::window() else {
        return false;
    };
    let Ok(Some(s)) = w.local_storage() else {
        return false;
    };
    let probe = "ilmastoaskeleet.probe";
    let ok = s.set_item(probe, "1").is_ok();
    let _ = s.remove_item(probe);
    ok
}

pub fn read(key: &str) -> Result<Option<String>, StoreError> {
    if memory_only() {
        return Ok(None);
    }
    if !available() {
        return Err(StoreError::Unavailable);
    }
    LocalStorage::raw()
        .get_item(key)
        .map_err(|_| StoreError::Other)
}

pub fn write(key: &str, value: &str) -> Result<(), StoreError> {
    if memory_only() {
        return Ok(());
    }
    if !available() {
        return Err(StoreError::Unavailable);
    }
    LocalStorage::raw().set_item(key, value).map_err(|e| {
        let name = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| d.name())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            StoreError::Full
        } else {
            StoreError::Other
        }
    })
}

pub fn remove(key: &str) {
    if memory_only() {
        return;
    }
    if available() {
        let _ = LocalStorage::raw().remove_item(key);
    }
}

/// Memory only (`?preview=1`, the /kunnille preview): from now on nothing is read from or written
/// to localStorage, so the data of the person looking at the preview stays byte-for-byte as it is.
static MEMORY_ONLY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Switches to memory only for the rest of the page's life.
pub fn set_memory_only() {
    MEMORY_ONLY.store(true, std::sync::atomic::Ordering::SeqCst);
}

fn memory_only() -> bool {
    MEMORY_ONLY.load(std::sync::atomic::Ordering::SeqCst)
}
