//! The one place that touches the browser's localStorage.
//!
//! `gloo_storage::LocalStorage::raw()` throws when storage is denied (private mode, a blocked
//! third-party iframe), so availability is checked first with web-sys, and every error comes back
//! as a value: nothing here panics. A failure is told by its true cause (`StorageFault`): the
//! facts are gathered here, the rule is `persist::classify_fault`.
use crate::persist::{classify_fault, FaultFacts, StorageFault};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

/// The key of the saved workspace.
pub const KEY: &str = "ilmastoaskeleet";
/// The key of the chosen language.
pub const LANG_KEY: &str = "ilmastoaskeleet.lang";
/// The prefix of unreadable data kept aside (with a timestamp).
pub const CORRUPT_PREFIX: &str = "ilmastoaskeleet.corrupt.";
/// The copy of the data taken before an import replaces it.
pub const BACKUP_KEY: &str = "ilmastoaskeleet.backup";

pub type StoreError = StorageFault;

/// Whether the app runs inside a frame of another page.
fn in_frame() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    match w.top() {
        Ok(Some(top)) => top != w,
        // Reading `top` failed: only a cross-origin frame does that.
        _ => true,
    }
}

/// The characters stored under this app's keys and under other keys, if storage can be read.
fn usage(s: &web_sys::Storage) -> (usize, usize) {
    let (mut ours, mut other) = (0, 0);
    let n = s.length().unwrap_or(0);
    for i in 0..n {
        let Ok(Some(k)) = s.key(i) else { continue };
        let len = k.len() + s.get_item(&k).ok().flatten().map_or(0, |v| v.len());
        if k.starts_with(KEY) {
            ours += len;
        } else {
            other += len;
        }
    }
    (ours, other)
}

/// Classifies an error thrown by the storage API.
fn fault(err: &JsValue, store: Option<&web_sys::Storage>) -> StorageFault {
    let (name, code) = err
        .dyn_ref::<web_sys::DomException>()
        .map(|d| (d.name(), d.code()))
        .unwrap_or_default();
    let (used_ours, used_other) = store.map(usage).unwrap_or((0, 1));
    let probe = "ilmastoaskeleet.probe";
    let small_write_ok = store.is_some_and(|s| {
        let ok = s.set_item(probe, "1").is_ok();
        let _ = s.remove_item(probe);
        ok
    });
    classify_fault(&FaultFacts {
        name,
        code,
        in_frame: in_frame(),
        used_ours,
        used_other,
        small_write_ok,
    })
}

/// The storage object, or why it cannot be used: it exists, does not throw, and takes a write.
fn storage() -> Result<web_sys::Storage, StorageFault> {
    let Some(w) = web_sys::window() else {
        return Err(StorageFault::Blocked);
    };
    match w.local_storage() {
        Ok(Some(_)) => {}
        Ok(None) => return Err(fault(&JsValue::NULL, None)),
        Err(e) => return Err(fault(&e, None)),
    }
    // Checked above: gloo's accessor does not throw now.
    let s = LocalStorage::raw();
    let probe = "ilmastoaskeleet.probe";
    if let Err(e) = s.set_item(probe, "1") {
        return Err(fault(&e, Some(&s)));
    }
    let _ = s.remove_item(probe);
    Ok(s)
}

/// Whether localStorage can be used at all; `Err` tells why not. In memory-only mode (the
/// /kunnille preview) "saving" works: it only goes nowhere.
pub fn check() -> Result<(), StorageFault> {
    if memory_only() {
        return Ok(());
    }
    storage().map(|_| ())
}

/// Whether localStorage can be used: it exists, does not throw, and takes a write.
pub fn available() -> bool {
    memory_only() || storage().is_ok()
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

pub fn read(key: &str) -> Result<Option<String>, StoreError> {
    if memory_only() {
        return Ok(None);
    }
    let s = storage_for_read()?;
    s.get_item(key).map_err(|e| fault(&e, Some(&s)))
}

/// Reading needs no free space: a full store can still be read.
fn storage_for_read() -> Result<web_sys::Storage, StorageFault> {
    match storage() {
        Ok(s) => Ok(s),
        Err(f) if f.is_full() => Ok(LocalStorage::raw()),
        Err(f) => Err(f),
    }
}

pub fn write(key: &str, value: &str) -> Result<(), StoreError> {
    if memory_only() {
        return Ok(());
    }
    let s = match storage() {
        Ok(s) => s,
        // Full: the write itself may still fit (it replaces an older value of the same key).
        Err(f) if f.is_full() => storage_for_read()?,
        Err(f) => return Err(f),
    };
    s.set_item(key, value).map_err(|e| fault(&e, Some(&s)))
}

pub fn remove(key: &str) {
    if memory_only() {
        return;
    }
    if let Ok(s) = storage_for_read() {
        let _ = s.remove_item(key);
    }
}

/// Every key under `prefix` with the length of its value, in key order.
pub fn keys_with_prefix(prefix: &str) -> Vec<(String, usize)> {
    if memory_only() {
        return Vec::new();
    }
    let Ok(s) = storage_for_read() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for i in 0..s.length().unwrap_or(0) {
        if let Ok(Some(k)) = s.key(i) {
            if k.starts_with(prefix) {
                let len = s.get_item(&k).ok().flatten().map_or(0, |v| v.len());
                out.push((k, len));
            }
        }
    }
    out.sort();
    out
}
