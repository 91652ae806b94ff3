//! The storage schema: a versioned envelope around the workspace and its migrations; the strict
//! validation of imported files is `import`. Pure: the browser side is `web::storage`.
//!
//! Envelope: `{"app":"ilmastoaskeleet","schema":1,"kind":"workspace"|"company","saved_at":"…","data":…}`.
//! The published JSON Schema of an export file is `docs/export.schema.json`.
use crate::model::{Company, Workspace};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const APP_ID: &str = "ilmastoaskeleet";
/// The current schema. Schema 1 is the first released one, so there are no migrations yet:
/// when schema 2 comes, add `migrate_1_to_2` to `migrate` with a fixture test of a schema-1 file.
pub const SCHEMA: u64 = 1;
/// The largest file accepted for import.
pub const MAX_BYTES: usize = 1_000_000;
/// The largest stored value read back (characters). The app never writes more (`check_size`).
pub const MAX_STORED: usize = MAX_BYTES * 5;
/// From this size on the user is told that the stored data nears `MAX_STORED`.
pub const WARN_STORED: usize = MAX_STORED / 10 * 8;
/// The deepest nesting of arrays and objects accepted in an import.
pub const MAX_DEPTH: usize = 10;
/// The limits of a company, which an import is held to.
pub use crate::model::{MAX_COMPANIES, MAX_NOTE, MAX_PLAN_ITEMS, MAX_SHORT_TEXT, MAX_SNAPSHOTS};

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    app: String,
    schema: u64,
    kind: String,
    saved_at: String,
    data: T,
}

/// The outcome of reading the stored workspace.
#[derive(Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    Ok(Workspace),
    /// Written by a newer version of the app: shown read-only, never overwritten.
    Newer {
        schema: u64,
        workspace: Option<Workspace>,
    },
    /// An envelope this version does not know (its schema is not a plain positive integer, or
    /// its kind is not "workspace"): kept untouched and shown read-only when its data decodes.
    Unknown {
        workspace: Option<Workspace>,
    },
    /// Larger than the app reads back (`MAX_STORED`): kept untouched and offered as a download.
    TooLarge {
        size: usize,
    },
    /// Partly unreadable: every part that decodes is kept, the rest is listed in `dropped`; the
    /// caller keeps the original aside.
    Salvaged {
        workspace: Workspace,
        dropped: Vec<Dropped>,
    },
    /// Unreadable: kept aside by the caller, the user is told.
    Corrupt {
        reason: String,
    },
}

/// Whether a stored text of `len` characters can be written: `Ok(true)` when it nears the limit
/// (the user is told before it is reached), `Err` when it would not be read back.
pub fn check_size(len: usize) -> Result<bool, usize> {
    if len > MAX_STORED {
        Err(len)
    } else {
        Ok(len >= WARN_STORED)
    }
}

pub fn encode_workspace(ws: &Workspace, saved_at: &str) -> String {
    let env = Envelope {
        app: APP_ID.into(),
        schema: SCHEMA,
        kind: "workspace".into(),
        saved_at: saved_at.into(),
        data: ws,
    };
    serde_json::to_string(&env).unwrap_or_default()
}

/// The envelope of an export file of one company.
fn company_envelope<'a>(c: &'a Company, saved_at: &str) -> Envelope<&'a Company> {
    Envelope {
        app: APP_ID.into(),
        schema: SCHEMA,
        kind: "company".into(),
        saved_at: saved_at.into(),
        data: c,
    }
}

/// An export file of one company, pretty-printed for people who open it.
pub fn encode_company(c: &Company, saved_at: &str) -> String {
    serde_json::to_string_pretty(&company_envelope(c, saved_at)).unwrap_or_default()
}

/// The same export file of one company, without spaces (a whole-company share link).
pub fn encode_company_compact(c: &Company, saved_at: &str) -> String {
    serde_json::to_string(&company_envelope(c, saved_at)).unwrap_or_default()
}

/// Upgrades data of an older schema to the current one. No older schema exists yet.
fn migrate(data: Value, from: u64) -> Result<Value, String> {
    match from {
        SCHEMA => Ok(data),
        other => Err(format!("no migration from schema {other}")),
    }
}

/// Reads the stored workspace. Never panics, whatever the input.
pub fn decode_stored(raw: Option<&str>) -> Loaded {
    let Some(raw) = raw else { return Loaded::Empty };
    if raw.len() > MAX_STORED {
        return Loaded::TooLarge { size: raw.len() };
    }
    let v: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => {
            return Loaded::Corrupt {
                reason: format!("not JSON: {e}"),
            }
        }
    };
    if v.get("app").and_then(Value::as_str) != Some(APP_ID) {
        return Loaded::Corrupt {
            reason: "not this app's data".into(),
        };
    }
    let data = v.get("data").cloned().unwrap_or(Value::Null);
    let decoded = |data: Value| {
        serde_json::from_value::<Workspace>(data)
            .ok()
            .filter(|w| !w.companies.is_empty())
    };
    let kind_ok = matches!(v.get("kind"), None | Some(Value::Null))
        || v.get("kind").and_then(Value::as_str) == Some("workspace");
    // Not a plain positive integer (a string, a negative or broken number, zero, nothing), or an
    // unknown kind: shown read-only if its data decodes, set aside if not.
    let Some(schema) = v
        .get("schema")
        .and_then(Value::as_u64)
        .filter(|s| *s > 0 && kind_ok)
    else {
        return match decoded(data) {
            Some(ws) => Loaded::Unknown {
                workspace: Some(ws),
            },
            None => Loaded::Corrupt {
                reason: "no known envelope".into(),
            },
        };
    };
    if schema > SCHEMA {
        let workspace = serde_json::from_value::<Workspace>(data)
            .ok()
            .filter(|w| !w.companies.is_empty());
        return Loaded::Newer { schema, workspace };
    }
    let data = match migrate(data, schema) {
        Ok(d) => d,
        Err(e) => return Loaded::Corrupt { reason: e },
    };
    match serde_json::from_value::<Workspace>(data.clone()) {
        Ok(ws) if !ws.companies.is_empty() => Loaded::Ok(ws),
        Ok(_) => Loaded::Corrupt {
            reason: "no companies".into(),
        },
        Err(e) => match salvage_workspace(&data) {
            Some((workspace, dropped)) => Loaded::Salvaged { workspace, dropped },
            None => Loaded::Corrupt {
                reason: format!("unexpected shape: {e}"),
            },
        },
    }
}

mod fault;
mod import;
mod salvage;

pub use fault::{classify_fault, FaultFacts, StorageFault};
pub use import::{json_depth, parse_import, valid_date, Issue, Problem};
pub use salvage::{salvage_workspace, Dropped, Part};
