//! Why storage failed, told from what the browser reports (the `DOMException` name and code),
//! where the app runs and how much is stored: the rule is here, the browser side only gathers
//! the facts (`web::storage`).

/// The true cause of a failed read or write of localStorage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageFault {
    /// The browser's settings deny this site storage (`SecurityError` in a page of its own).
    Blocked,
    /// Storage is denied because the app runs inside another site's page (a partitioned or
    /// blocked third-party iframe).
    Frame,
    /// Storage takes nothing at all: a private window whose quota is zero.
    Private,
    /// The quota is full, mostly with this app's own data.
    Full,
    /// The quota is full, mostly with other data of this site (not this app's).
    FullOther,
}

/// What the browser reported about one failure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FaultFacts {
    /// `DOMException.name` ("" when the error was no `DOMException`).
    pub name: String,
    /// `DOMException.code` (0 when unknown).
    pub code: u16,
    /// The app runs inside a frame of another page.
    pub in_frame: bool,
    /// Characters stored under this app's keys (`ilmastoaskeleet*`), if storage could be read.
    pub used_ours: usize,
    /// Characters stored under other keys of this origin.
    pub used_other: usize,
    /// A one-character write still succeeds: the quota is not zero, so a refused write means the
    /// value did not fit, not a private window.
    pub small_write_ok: bool,
}

/// The cause of a storage failure. A quota error is never called blocked, and a denial is never
/// called full: `QuotaExceededError` (code 22, Firefox `NS_ERROR_DOM_QUOTA_REACHED` 1014) means
/// full, or a private window when nothing is stored and not even one character can be written;
/// anything else is a denial, told apart by whether the app runs in a frame.
pub fn classify_fault(f: &FaultFacts) -> StorageFault {
    let quota = matches!(
        f.name.as_str(),
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
    ) || matches!(f.code, 22 | 1014);
    if quota {
        if f.used_ours + f.used_other == 0 && !f.small_write_ok {
            StorageFault::Private
        } else if f.used_other > f.used_ours {
            StorageFault::FullOther
        } else {
            StorageFault::Full
        }
    } else if f.in_frame {
        StorageFault::Frame
    } else {
        StorageFault::Blocked
    }
}

impl StorageFault {
    /// A full store stops the last change from being saved (an alert); the others mean nothing
    /// is saved at all from the start (a status).
    pub fn is_full(self) -> bool {
        matches!(self, StorageFault::Full | StorageFault::FullOther)
    }
}
