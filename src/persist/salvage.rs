//! Salvage of stored data that does not decode as a whole: every company, answer, plan item,
//! footprint entry and snapshot that decodes on its own is kept; only what does not is dropped,
//! and each drop is listed (the original is kept aside by the caller).
use crate::model::{Answer, Company, FootprintEntry, PathKind, PlanItem, Snapshot, Workspace};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// What kind of part was dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Company,
    Answer,
    PlanItem,
    FootprintEntry,
    Snapshot,
    /// A field of a company (its path choice or dates), reset to its default.
    Field,
}

/// One dropped part: which company (its id, or its place "#3" when it has none), what, and its
/// key (question id, plan item id or place, "year/factor", snapshot id or place, field name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    pub company: String,
    pub part: Part,
    pub key: String,
}

fn one<T: DeserializeOwned>(v: &Value) -> Option<T> {
    serde_json::from_value(v.clone()).ok()
}

/// The id of an object, or its place in its list ("#1" first).
fn key_of(v: &Value, i: usize) -> String {
    v.get("id")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| format!("#{}", i + 1))
}

/// Keeps every part of the workspace `data` that decodes; `None` when no company is left.
pub fn salvage_workspace(data: &Value) -> Option<(Workspace, Vec<Dropped>)> {
    let list = data.get("companies")?.as_array()?;
    let mut dropped = Vec::new();
    let mut companies: Vec<Company> = Vec::new();
    for (i, c) in list.iter().enumerate() {
        let name = key_of(c, i);
        let id = c
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| !id.is_empty() && !companies.iter().any(|k| k.id == *id));
        let (Some(obj), Some(id)) = (c.as_object(), id) else {
            dropped.push(Dropped {
                company: name,
                part: Part::Company,
                key: String::new(),
            });
            continue;
        };
        let mut co = Company {
            id: id.to_string(),
            ..Company::default()
        };
        let mut drop = |part: Part, key: String| {
            dropped.push(Dropped {
                company: id.to_string(),
                part,
                key,
            })
        };
        if let Some(p) = obj.get("path") {
            match one::<PathKind>(p) {
                Some(p) => co.path = p,
                None => drop(Part::Field, "path".into()),
            }
        }
        for field in ["created", "updated"] {
            match obj.get(field) {
                None | Some(Value::Null) => {}
                Some(Value::String(s)) => {
                    if field == "created" {
                        co.created = s.clone()
                    } else {
                        co.updated = s.clone()
                    }
                }
                Some(_) => drop(Part::Field, field.into()),
            }
        }
        match obj.get("answers") {
            None | Some(Value::Null) => {}
            Some(Value::Object(m)) => {
                for (q, a) in m {
                    match one::<Answer>(a) {
                        Some(a) => {
                            co.answers.insert(q.clone(), a);
                        }
                        None => drop(Part::Answer, q.clone()),
                    }
                }
            }
            Some(_) => drop(Part::Field, "answers".into()),
        }
        match obj.get("plan") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for (j, p) in items.iter().enumerate() {
                    match one::<PlanItem>(p).filter(|p| !co.plan.iter().any(|k| k.id == p.id)) {
                        Some(p) => co.plan.push(p),
                        None => drop(Part::PlanItem, key_of(p, j)),
                    }
                }
            }
            Some(_) => drop(Part::Field, "plan".into()),
        }
        match obj.get("footprints") {
            None | Some(Value::Null) => {}
            Some(Value::Object(years)) => {
                for (year, entries) in years {
                    let Some(entries) = entries.as_object() else {
                        drop(Part::FootprintEntry, year.clone());
                        continue;
                    };
                    for (factor, e) in entries {
                        match one::<FootprintEntry>(e) {
                            Some(e) => {
                                co.footprints
                                    .entry(year.clone())
                                    .or_default()
                                    .insert(factor.clone(), e);
                            }
                            None => drop(Part::FootprintEntry, format!("{year}/{factor}")),
                        }
                    }
                }
            }
            Some(_) => drop(Part::Field, "footprints".into()),
        }
        match obj.get("snapshots") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for (j, s) in items.iter().enumerate() {
                    match one::<Snapshot>(s) {
                        Some(s) => co.snapshots.push(s),
                        None => drop(Part::Snapshot, key_of(s, j)),
                    }
                }
            }
            Some(_) => drop(Part::Field, "snapshots".into()),
        }
        companies.push(co);
    }
    if companies.is_empty() {
        return None;
    }
    let active = data
        .get("active")
        .and_then(Value::as_str)
        .filter(|a| companies.iter().any(|c| c.id == *a))
        .unwrap_or(&companies[0].id)
        .to_string();
    Some((Workspace { companies, active }, dropped))
}
