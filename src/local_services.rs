//! A municipality's own services, given by the host page to `embed.js` and passed to the
//! embedded app: strictly validated here, rendered as text only. Pure.
//!
//! Format (published as `docs/local-services.schema.json`, kept in step by a native test): a
//! JSON array of at most `MAX_SERVICES` objects, each with exactly the fields of `FIELDS`:
//! `name`, `offer`, `for`, `contact` (texts by language: `fi` required, `sv` and `en` optional,
//! each at most `MAX_TEXT` characters), `link` (an `https://` address of at most `MAX_LINK`
//! characters) and `checked` (the date the municipality checked the entry, `YYYY-MM-DD`).
use crate::persist::valid_date;
use serde_json::{Map, Value};

/// The most services accepted.
pub const MAX_SERVICES: usize = 30;
/// The longest text of one language.
pub const MAX_TEXT: usize = 600;
/// The longest link.
pub const MAX_LINK: usize = 500;
/// The largest services file accepted (bytes).
pub const MAX_BYTES: usize = 100_000;
/// The languages a text may be given in.
pub const LANGS: [&str; 3] = ["fi", "sv", "en"];
/// The text fields of a service, every one required.
pub const TEXT_FIELDS: [&str; 4] = ["name", "offer", "for", "contact"];
/// Every field of a service, every one required.
pub const FIELDS: [&str; 6] = ["name", "offer", "for", "contact", "link", "checked"];

/// One text in up to three languages; `fi` is always there.
#[derive(Clone, Debug, PartialEq)]
pub struct Texts {
    pub fi: String,
    pub sv: Option<String>,
    pub en: Option<String>,
}

impl Texts {
    /// The text in `lang` ("fi", "sv" or "en"), else the Finnish one.
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "sv" => self.sv.as_deref().unwrap_or(&self.fi),
            "en" => self.en.as_deref().unwrap_or(&self.fi),
            _ => &self.fi,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LocalService {
    pub name: Texts,
    pub offer: Texts,
    pub for_whom: Texts,
    pub contact: Texts,
    pub link: String,
    pub checked: String,
}

/// What is wrong with one place of a services file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    TooLarge,
    NotJson,
    NotAList,
    TooMany,
    Missing,
    WrongType,
    UnknownField,
    UnknownLanguage,
    Empty,
    TooLong,
    NotHttps,
    BadDate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// Where: "" (the whole file), "3", "3.name.fi", "3.link".
    pub path: String,
    pub problem: Problem,
}

fn issue(path: String, problem: Problem) -> Issue {
    Issue { path, problem }
}

/// Whether a text holds control characters other than line breaks and tabs.
fn has_control(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

fn texts(v: Option<&Value>, path: &str, issues: &mut Vec<Issue>) -> Option<Texts> {
    let Some(v) = v else {
        issues.push(issue(path.into(), Problem::Missing));
        return None;
    };
    let Some(obj) = v.as_object() else {
        issues.push(issue(path.into(), Problem::WrongType));
        return None;
    };
    let mut out = [None, None, None];
    for (k, v) in obj {
        let p = format!("{path}.{k}");
        let Some(i) = LANGS.iter().position(|l| l == k) else {
            issues.push(issue(p, Problem::UnknownLanguage));
            continue;
        };
        match v.as_str().map(str::trim) {
            None => issues.push(issue(p, Problem::WrongType)),
            Some("") => issues.push(issue(p, Problem::Empty)),
            Some(s) if s.chars().count() > MAX_TEXT || has_control(s) => {
                issues.push(issue(p, Problem::TooLong))
            }
            Some(s) => out[i] = Some(s.to_string()),
        }
    }
    if !obj.contains_key("fi") {
        issues.push(issue(format!("{path}.fi"), Problem::Missing));
    }
    let [fi, sv, en] = out;
    Some(Texts { fi: fi?, sv, en })
}

/// Whether `s` is an `https://` address with a host, without spaces or control characters.
pub fn valid_link(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !host.contains('@')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == ':')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && s.len() <= MAX_LINK
}

fn service(v: &Value, path: &str, issues: &mut Vec<Issue>) -> Option<LocalService> {
    let Some(obj) = v.as_object() else {
        issues.push(issue(path.into(), Problem::WrongType));
        return None;
    };
    check_fields(obj, path, issues);
    let before = issues.len();
    let t = |f: &str, issues: &mut Vec<Issue>| texts(obj.get(f), &format!("{path}.{f}"), issues);
    let (name, offer, for_whom, contact) = (
        t("name", issues),
        t("offer", issues),
        t("for", issues),
        t("contact", issues),
    );
    let link = match obj.get("link") {
        None => {
            issues.push(issue(format!("{path}.link"), Problem::Missing));
            None
        }
        Some(Value::String(s)) if valid_link(s) => Some(s.clone()),
        Some(Value::String(s)) if s.len() > MAX_LINK => {
            issues.push(issue(format!("{path}.link"), Problem::TooLong));
            None
        }
        Some(Value::String(_)) => {
            issues.push(issue(format!("{path}.link"), Problem::NotHttps));
            None
        }
        Some(_) => {
            issues.push(issue(format!("{path}.link"), Problem::WrongType));
            None
        }
    };
    let checked = match obj.get("checked") {
        None => {
            issues.push(issue(format!("{path}.checked"), Problem::Missing));
            None
        }
        Some(Value::String(s)) if valid_date(s, false) => Some(s.clone()),
        Some(Value::String(_)) => {
            issues.push(issue(format!("{path}.checked"), Problem::BadDate));
            None
        }
        Some(_) => {
            issues.push(issue(format!("{path}.checked"), Problem::WrongType));
            None
        }
    };
    if issues.len() > before {
        return None;
    }
    Some(LocalService {
        name: name?,
        offer: offer?,
        for_whom: for_whom?,
        contact: contact?,
        link: link?,
        checked: checked?,
    })
}

fn check_fields(obj: &Map<String, Value>, path: &str, issues: &mut Vec<Issue>) {
    for k in obj.keys() {
        if !FIELDS.contains(&k.as_str()) {
            let shown: String = k.chars().take(30).collect();
            issues.push(issue(format!("{path}.{shown}"), Problem::UnknownField));
        }
    }
}

/// Validates parsed JSON: every service valid, or every problem with its place.
pub fn validate(v: &Value) -> Result<Vec<LocalService>, Vec<Issue>> {
    let Some(list) = v.as_array() else {
        return Err(vec![issue(String::new(), Problem::NotAList)]);
    };
    if list.len() > MAX_SERVICES {
        return Err(vec![issue(String::new(), Problem::TooMany)]);
    }
    let mut issues = Vec::new();
    let out: Vec<_> = list
        .iter()
        .enumerate()
        .filter_map(|(i, s)| service(s, &i.to_string(), &mut issues))
        .collect();
    if issues.is_empty() {
        Ok(out)
    } else {
        Err(issues)
    }
}

/// Parses and validates a services file given as text (the /kunnille validator).
pub fn parse(raw: &str) -> Result<Vec<LocalService>, Vec<Issue>> {
    if raw.len() > MAX_BYTES {
        return Err(vec![issue(String::new(), Problem::TooLarge)]);
    }
    if crate::persist::json_depth(raw) > 4 {
        return Err(vec![issue(String::new(), Problem::WrongType)]);
    }
    let v: Value =
        serde_json::from_str(raw).map_err(|_| vec![issue(String::new(), Problem::NotJson)])?;
    validate(&v)
}
