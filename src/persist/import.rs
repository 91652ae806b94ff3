//! Strict validation of an imported file: every field checked against the schema and the
//! content, every problem reported with its place in the file.
use super::{
    migrate, APP_ID, MAX_BYTES, MAX_DEPTH, MAX_NOTE, MAX_PLAN_ITEMS, MAX_SHORT_TEXT, MAX_SNAPSHOTS,
    SCHEMA,
};
use crate::content::Content;
use crate::footprint::conversions;
use crate::model::{check_answer, Answer, AnswerProblem, Company, PathKind, PlanStatus};
use serde_json::{Map, Value};

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
        Some(code) if PathKind::ALL.iter().any(|k| k.code() == code) => {}
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
            issues.push(issue(&p, problem.into()));
        }
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
            Some(code) if PlanStatus::from_code(code).is_some() => {}
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

impl From<AnswerProblem> for Problem {
    fn from(problem: AnswerProblem) -> Problem {
        match problem {
            AnswerProblem::WrongType => Problem::WrongType,
            AnswerProblem::UnknownValue => Problem::UnknownValue,
            AnswerProblem::OutOfRange => Problem::OutOfRange,
            AnswerProblem::TooLong(n) => Problem::TooLong(n),
        }
    }
}
