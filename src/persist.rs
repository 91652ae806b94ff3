//! The storage schema: a versioned envelope around the workspace, migrations, and strict
//! validation of imported files. Pure: the browser side is in `storage.rs`.
//!
//! Envelope: `{"app":"ilmastoaskeleet","schema":1,"kind":"workspace"|"company","saved_at":"…","data":…}`.
//! The published JSON Schema of an export file is `docs/export.schema.json`.
use crate::content::{Content, Kind};
use crate::footprint::conversions;
use crate::model::{Answer, Company, Workspace};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub const APP_ID: &str = "ilmastoaskeleet";
/// The current schema. Schema 1 is the first released one, so there are no migrations yet:
/// when schema 2 comes, add `migrate_1_to_2` to `migrate` with a fixture test of a schema-1 file.
pub const SCHEMA: u64 = 1;
/// The largest file accepted for import, and the largest stored value read back.
pub const MAX_BYTES: usize = 1_000_000;
/// The deepest nesting of arrays and objects accepted in an import.
pub const MAX_DEPTH: usize = 10;
pub const MAX_PLAN_ITEMS: usize = 300;
pub const MAX_SNAPSHOTS: usize = 50;
pub const MAX_COMPANIES: usize = 100;
pub const MAX_SHORT_TEXT: usize = 200;
pub const MAX_NOTE: usize = 2000;

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
    /// Unreadable: kept aside by the caller, the user is told.
    Corrupt {
        reason: String,
    },
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

/// An export file of one company, pretty-printed for people who open it.
pub fn encode_company(c: &Company, saved_at: &str) -> String {
    let env = Envelope {
        app: APP_ID.into(),
        schema: SCHEMA,
        kind: "company".into(),
        saved_at: saved_at.into(),
        data: c,
    };
    serde_json::to_string_pretty(&env).unwrap_or_default()
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
    if raw.len() > MAX_BYTES * 5 {
        return Loaded::Corrupt {
            reason: "too large".into(),
        };
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
    let Some(schema) = v.get("schema").and_then(Value::as_u64) else {
        return Loaded::Corrupt {
            reason: "no schema number".into(),
        };
    };
    let data = v.get("data").cloned().unwrap_or(Value::Null);
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
    match serde_json::from_value::<Workspace>(data) {
        Ok(ws) if !ws.companies.is_empty() => Loaded::Ok(ws),
        Ok(_) => Loaded::Corrupt {
            reason: "no companies".into(),
        },
        Err(e) => Loaded::Corrupt {
            reason: format!("unexpected shape: {e}"),
        },
    }
}

/// What is wrong with one part of an imported file.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    TooLarge,
    TooDeep,
    NotJson,
    NotOurs,
    UnknownSchema(u64),
    Missing,
    WrongType,
    UnknownField,
    UnknownQuestion,
    UnknownValue,
    OutOfRange,
    TooLong(usize),
    TooMany(usize),
    BadDate,
    UnknownAction,
    UnknownFactor,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// Where in the file: "data.answers.current.heating", "data.plan[3].due".
    pub path: String,
    pub problem: Problem,
}

fn issue(path: impl Into<String>, problem: Problem) -> Issue {
    Issue {
        path: path.into(),
        problem,
    }
}

/// Nesting depth of a JSON text, counted without parsing (strings are skipped).
pub fn json_depth(raw: &str) -> usize {
    let (mut depth, mut max, mut in_str, mut esc) = (0usize, 0usize, false, false);
    for b in raw.bytes() {
        if in_str {
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Parses and strictly validates an export file of one company (or the first company of a
/// workspace file). Every problem is reported with its place in the file.
pub fn parse_import(raw: &str, content: &Content) -> Result<Company, Vec<Issue>> {
    if raw.len() > MAX_BYTES {
        return Err(vec![issue("", Problem::TooLarge)]);
    }
    if json_depth(raw) > MAX_DEPTH {
        return Err(vec![issue("", Problem::TooDeep)]);
    }
    let v: Value = serde_json::from_str(raw).map_err(|_| vec![issue("", Problem::NotJson)])?;
    let Some(obj) = v.as_object() else {
        return Err(vec![issue("", Problem::NotOurs)]);
    };
    if obj.get("app").and_then(Value::as_str) != Some(APP_ID) {
        return Err(vec![issue("app", Problem::NotOurs)]);
    }
    let schema = obj
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| vec![issue("schema", Problem::Missing)])?;
    if schema > SCHEMA || schema == 0 {
        return Err(vec![issue("schema", Problem::UnknownSchema(schema))]);
    }
    let data = migrate(obj.get("data").cloned().unwrap_or(Value::Null), schema)
        .map_err(|_| vec![issue("schema", Problem::UnknownSchema(schema))])?;
    let company = match obj.get("kind").and_then(Value::as_str) {
        Some("company") => data,
        Some("workspace") => {
            let first = data
                .get("companies")
                .and_then(Value::as_array)
                .and_then(|a| a.first())
                .cloned();
            first.ok_or_else(|| vec![issue("data.companies", Problem::Missing)])?
        }
        _ => return Err(vec![issue("kind", Problem::UnknownValue)]),
    };
    let mut issues = Vec::new();
    validate_company(&company, "data", content, &mut issues);
    if !issues.is_empty() {
        return Err(issues);
    }
    serde_json::from_value::<Company>(company).map_err(|_| vec![issue("data", Problem::WrongType)])
}

fn check_fields(obj: &Map<String, Value>, allowed: &[&str], path: &str, issues: &mut Vec<Issue>) {
    for k in obj.keys() {
        if !allowed.contains(&k.as_str()) {
            issues.push(issue(format!("{path}.{k}"), Problem::UnknownField));
        }
    }
}

fn check_str(v: Option<&Value>, path: &str, max: usize, required: bool, issues: &mut Vec<Issue>) {
    match v {
        None | Some(Value::Null) if !required => {}
        None | Some(Value::Null) => issues.push(issue(path, Problem::Missing)),
        Some(Value::String(s)) if s.chars().count() > max => {
            issues.push(issue(path, Problem::TooLong(max)))
        }
        Some(Value::String(_)) => {}
        Some(_) => issues.push(issue(path, Problem::WrongType)),
    }
}

/// "YYYY-MM-DD" (or "YYYY-MM" when `month` is set), with a plausible year.
pub fn valid_date(s: &str, month: bool) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let want = if month { 2 } else { 3 };
    if parts.len() != want || parts[0].len() != 4 || parts.iter().skip(1).any(|p| p.len() != 2) {
        return false;
    }
    let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    nums.len() == want
        && (1990..=2100).contains(&nums[0])
        && (1..=12).contains(&nums[1])
        && (month || (1..=31).contains(&nums[2]))
}

fn check_date(v: Option<&Value>, path: &str, month: bool, issues: &mut Vec<Issue>) {
    match v {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.is_empty() || valid_date(s, month) => {}
        Some(Value::String(_)) => issues.push(issue(path, Problem::BadDate)),
        Some(_) => issues.push(issue(path, Problem::WrongType)),
    }
}

fn validate_company(v: &Value, path: &str, content: &Content, issues: &mut Vec<Issue>) {
    let Some(obj) = v.as_object() else {
        issues.push(issue(path, Problem::WrongType));
        return;
    };
    check_fields(
        obj,
        &[
            "id",
            "path",
            "answers",
            "plan",
            "footprints",
            "snapshots",
            "created",
            "updated",
        ],
        path,
        issues,
    );
    check_str(obj.get("id"), &format!("{path}.id"), 20, true, issues);
    match obj.get("path").and_then(Value::as_str) {
        None if obj.get("path").is_none() => {}
        Some("quick" | "full") => {}
        _ => issues.push(issue(format!("{path}.path"), Problem::UnknownValue)),
    }
    check_date(
        obj.get("created").map(date_part).as_ref(),
        &format!("{path}.created"),
        false,
        issues,
    );
    check_date(
        obj.get("updated").map(date_part).as_ref(),
        &format!("{path}.updated"),
        false,
        issues,
    );
    if let Some(a) = obj.get("answers") {
        validate_answers(a, &format!("{path}.answers"), content, issues);
    }
    if let Some(plan) = obj.get("plan") {
        validate_plan(plan, &format!("{path}.plan"), content, issues);
    }
    if let Some(fp) = obj.get("footprints") {
        match fp.as_object() {
            Some(years) => {
                for (year, entries) in years {
                    let p = format!("{path}.footprints.{year}");
                    if !(year.len() == 4
                        && year
                            .parse::<u16>()
                            .is_ok_and(|y| (1990..=2100).contains(&y)))
                    {
                        issues.push(issue(&p, Problem::BadDate));
                    }
                    validate_footprint(entries, &p, content, issues);
                }
            }
            None => issues.push(issue(format!("{path}.footprints"), Problem::WrongType)),
        }
    }
    if let Some(snaps) = obj.get("snapshots") {
        let p = format!("{path}.snapshots");
        match snaps.as_array() {
            Some(list) if list.len() > MAX_SNAPSHOTS => {
                issues.push(issue(&p, Problem::TooMany(MAX_SNAPSHOTS)))
            }
            Some(list) => {
                for (i, s) in list.iter().enumerate() {
                    let sp = format!("{p}[{i}]");
                    let Some(so) = s.as_object() else {
                        issues.push(issue(&sp, Problem::WrongType));
                        continue;
                    };
                    check_fields(
                        so,
                        &["id", "year", "closed_on", "answers", "footprint"],
                        &sp,
                        issues,
                    );
                    check_str(so.get("id"), &format!("{sp}.id"), 20, true, issues);
                    if !so
                        .get("year")
                        .and_then(Value::as_u64)
                        .is_some_and(|y| (1990..=2100).contains(&y))
                    {
                        issues.push(issue(format!("{sp}.year"), Problem::OutOfRange));
                    }
                    check_date(
                        so.get("closed_on"),
                        &format!("{sp}.closed_on"),
                        false,
                        issues,
                    );
                    match so.get("answers") {
                        Some(a) => validate_answers(a, &format!("{sp}.answers"), content, issues),
                        None => issues.push(issue(format!("{sp}.answers"), Problem::Missing)),
                    }
                    if let Some(fp) = so.get("footprint").filter(|f| !f.is_null()) {
                        validate_footprint(fp, &format!("{sp}.footprint"), content, issues);
                    }
                }
            }
            None => issues.push(issue(&p, Problem::WrongType)),
        }
    }
}

/// Timestamps are stored as full ISO strings; their date part is what is checked.
fn date_part(v: &Value) -> Value {
    match v.as_str() {
        Some(s) => Value::String(s.get(..10).unwrap_or(s).to_string()),
        None => v.clone(),
    }
}

fn validate_answers(v: &Value, path: &str, content: &Content, issues: &mut Vec<Issue>) {
    let Some(map) = v.as_object() else {
        issues.push(issue(path, Problem::WrongType));
        return;
    };
    for (qid, a) in map {
        let p = format!("{path}.{qid}");
        let Some(q) = content.question(qid) else {
            issues.push(issue(&p, Problem::UnknownQuestion));
            continue;
        };
        let Ok(answer) = serde_json::from_value::<Answer>(a.clone()) else {
            issues.push(issue(&p, Problem::WrongType));
            continue;
        };
        if let Some(problem) = check_answer(content, q, &answer) {
            issues.push(issue(&p, problem));
        }
    }
}

/// Checks one answer against its question: the right kind, allow-listed options, numbers within
/// bounds, text within the length limit. `None` when the answer is valid.
pub fn check_answer(
    content: &Content,
    q: &crate::content::Question,
    answer: &Answer,
) -> Option<Problem> {
    match (q.kind, answer) {
        (Kind::Single, Answer::Choice(id)) => {
            (q.option(id).is_none()).then_some(Problem::UnknownValue)
        }
        (Kind::Multi, Answer::Multi(ids)) => {
            let mut seen = std::collections::BTreeSet::new();
            (ids.len() > q.options.len()
                || ids
                    .iter()
                    .any(|id| q.option(id).is_none() || !seen.insert(id)))
            .then_some(Problem::UnknownValue)
        }
        (Kind::Ypn, Answer::Ypn(_)) => None,
        (Kind::Number, Answer::Number(n)) => {
            let ok = n.is_finite()
                && q.min.is_none_or(|m| *n >= m)
                && q.max.is_none_or(|m| *n <= m)
                && (!q.integer || n.fract() == 0.0);
            (!ok).then_some(Problem::OutOfRange)
        }
        (Kind::Text, Answer::Text(t)) => {
            (t.chars().count() > q.max_len()).then(|| Problem::TooLong(q.max_len()))
        }
        (Kind::Municipality, Answer::Municipality(code)) => content
            .municipality(code)
            .is_none()
            .then_some(Problem::UnknownValue),
        _ => Some(Problem::WrongType),
    }
}

fn validate_plan(v: &Value, path: &str, content: &Content, issues: &mut Vec<Issue>) {
    let Some(list) = v.as_array() else {
        issues.push(issue(path, Problem::WrongType));
        return;
    };
    if list.len() > MAX_PLAN_ITEMS {
        issues.push(issue(path, Problem::TooMany(MAX_PLAN_ITEMS)));
        return;
    }
    for (i, item) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let Some(o) = item.as_object() else {
            issues.push(issue(&p, Problem::WrongType));
            continue;
        };
        check_fields(
            o,
            &[
                "id", "action", "title", "status", "owner", "due", "note", "done_on", "added",
            ],
            &p,
            issues,
        );
        check_str(o.get("id"), &format!("{p}.id"), 20, true, issues);
        match o.get("action") {
            None | Some(Value::Null) => {
                if o.get("title")
                    .and_then(Value::as_str)
                    .is_none_or(|t| t.trim().is_empty())
                {
                    issues.push(issue(format!("{p}.title"), Problem::Missing));
                }
            }
            Some(Value::String(a)) if content.action(a).is_some() => {}
            Some(Value::String(_)) => {
                issues.push(issue(format!("{p}.action"), Problem::UnknownAction))
            }
            Some(_) => issues.push(issue(format!("{p}.action"), Problem::WrongType)),
        }
        check_str(
            o.get("title"),
            &format!("{p}.title"),
            MAX_SHORT_TEXT,
            false,
            issues,
        );
        check_str(
            o.get("owner"),
            &format!("{p}.owner"),
            MAX_SHORT_TEXT,
            false,
            issues,
        );
        check_str(o.get("note"), &format!("{p}.note"), MAX_NOTE, false, issues);
        match o.get("status").and_then(Value::as_str) {
            None if o.get("status").is_none() => {}
            Some("idea" | "planned" | "in-progress" | "done") => {}
            _ => issues.push(issue(format!("{p}.status"), Problem::UnknownValue)),
        }
        check_date(o.get("due"), &format!("{p}.due"), true, issues);
        check_date(o.get("done_on"), &format!("{p}.done_on"), false, issues);
        check_date(o.get("added"), &format!("{p}.added"), false, issues);
    }
}

fn validate_footprint(v: &Value, path: &str, content: &Content, issues: &mut Vec<Issue>) {
    let Some(map) = v.as_object() else {
        issues.push(issue(path, Problem::WrongType));
        return;
    };
    for (fid, e) in map {
        let p = format!("{path}.{fid}");
        let Some(f) = content.factor(fid) else {
            issues.push(issue(&p, Problem::UnknownFactor));
            continue;
        };
        let Some(o) = e.as_object() else {
            issues.push(issue(&p, Problem::WrongType));
            continue;
        };
        check_fields(o, &["amount", "unit"], &p, issues);
        match o.get("amount").and_then(Value::as_f64) {
            Some(a) if a.is_finite() && (0.0..=1e12).contains(&a) => {}
            Some(_) => issues.push(issue(format!("{p}.amount"), Problem::OutOfRange)),
            None => issues.push(issue(format!("{p}.amount"), Problem::WrongType)),
        }
        match o.get("unit").and_then(Value::as_str) {
            Some(u) if conversions(f.unit).iter().any(|(c, _)| *c == u) => {}
            _ => issues.push(issue(format!("{p}.unit"), Problem::UnknownValue)),
        }
    }
}
