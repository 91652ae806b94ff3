//! Share links: the answers in the URL fragment (`#a=…`), never sent to any server.
//!
//! Compact encoding: question and option ids become their positions in the content, the result
//! is JSON in base64url. Decoding applies the same checks as an import. Pure.
//!
//! Versions: `{"v":1,"a":[…]}` carries the answers only (links made before version 2 still
//! decode); `{"v":2,"f":<export file of one company>}` carries the whole company (answers, plan,
//! footprint, snapshots) and is checked by `persist::parse_import`, with its caps, exactly as an
//! imported file.
use crate::content::{Content, Kind};
use crate::model::{check_answer, Answer, Company, Ypn};
use crate::persist::{encode_company_compact, parse_import, Issue};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The longest fragment accepted.
pub const MAX_FRAGMENT: usize = 16_000;
const VERSION: u64 = 1;
/// The version of a link carrying a whole company.
const COMPANY_VERSION: u64 = 2;
/// The longest fragment a whole-company link is made with ("open in the full app"); a company
/// that needs more is offered as an export file instead. Well under what browsers and servers
/// keep in an address, and under `MAX_FRAGMENT`.
pub const MAX_COMPANY_LINK: usize = 8_000;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn base64url_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

pub fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    let mut vals = Vec::with_capacity(s.len());
    for c in s.bytes() {
        vals.push(B64.iter().position(|&b| b == c)? as u32);
    }
    if vals.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(vals.len() * 3 / 4);
    for chunk in vals.chunks(4) {
        let mut n = 0u32;
        for (i, v) in chunk.iter().enumerate() {
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

fn question_index(content: &Content) -> Vec<&crate::content::Question> {
    content.steps.iter().flat_map(|s| s.questions).collect()
}

/// Encodes answers as a fragment value (without the leading `#a=`).
pub fn encode(content: &Content, answers: &BTreeMap<String, Answer>) -> String {
    let qs = question_index(content);
    let mut items = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        let Some(a) = answers.get(q.id) else {
            continue;
        };
        let pos = |id: &str| q.options.iter().position(|o| o.id == id);
        let v = match a {
            Answer::Choice(id) => pos(id).map(|p| json!(p)),
            Answer::Multi(ids) => Some(json!(ids
                .iter()
                .filter_map(|id| pos(id))
                .collect::<Vec<_>>())),
            Answer::Ypn(y) => Some(json!(match y {
                Ypn::Yes => "y",
                Ypn::Partly => "p",
                Ypn::No => "n",
                Ypn::DontKnow => "d",
            })),
            Answer::Number(n) => Some(json!(n)),
            Answer::Text(t) => Some(json!(t)),
            Answer::Municipality(c) => Some(json!(c)),
        };
        if let Some(v) = v {
            items.push(json!([i, v]));
        }
    }
    let payload = json!({ "v": VERSION, "a": items });
    base64url_encode(payload.to_string().as_bytes())
}

/// Decodes and validates a fragment value. Invalid answers are dropped and counted.
pub fn decode(
    content: &Content,
    fragment: &str,
) -> Result<(BTreeMap<String, Answer>, usize), &'static str> {
    if fragment.len() > MAX_FRAGMENT {
        return Err("too long");
    }
    let bytes = base64url_decode(fragment).ok_or("not base64url")?;
    let v: Value = serde_json::from_slice(&bytes).map_err(|_| "not JSON")?;
    if v.get("v").and_then(Value::as_u64) != Some(VERSION) {
        return Err("unknown version");
    }
    let items = v.get("a").and_then(Value::as_array).ok_or("no answers")?;
    let qs = question_index(content);
    let mut out = BTreeMap::new();
    let mut dropped = 0;
    for item in items {
        let parsed = (|| {
            let pair = item.as_array().filter(|p| p.len() == 2)?;
            let q = *qs.get(usize::try_from(pair[0].as_u64()?).ok()?)?;
            let opt = |v: &Value| {
                q.options
                    .get(usize::try_from(v.as_u64()?).ok()?)
                    .map(|o| o.id.to_string())
            };
            let a = match q.kind {
                Kind::Single => Answer::Choice(opt(&pair[1])?),
                Kind::Multi => Answer::Multi(
                    pair[1]
                        .as_array()?
                        .iter()
                        .map(opt)
                        .collect::<Option<Vec<_>>>()?,
                ),
                Kind::Ypn => Answer::Ypn(match pair[1].as_str()? {
                    "y" => Ypn::Yes,
                    "p" => Ypn::Partly,
                    "n" => Ypn::No,
                    "d" => Ypn::DontKnow,
                    _ => return None,
                }),
                Kind::Number => Answer::Number(pair[1].as_f64()?),
                Kind::Text => Answer::Text(pair[1].as_str()?.to_string()),
                Kind::Municipality => Answer::Municipality(pair[1].as_str()?.to_string()),
            };
            check_answer(content, q, &a)
                .is_none()
                .then(|| (q.id.to_string(), a))
        })();
        match parsed {
            Some((id, a)) => {
                out.insert(id, a);
            }
            None => dropped += 1,
        }
    }
    Ok((out, dropped))
}

/// What a share link carries.
#[derive(Clone, Debug, PartialEq)]
pub enum Shared {
    /// Version 1: answers, and how many invalid ones were dropped.
    Answers(BTreeMap<String, Answer>, usize),
    /// Version 2: a whole company, validated as an import.
    Company(Box<Company>),
}

/// Encodes a whole company (version 2) as a fragment value; `None` when it is longer than
/// `MAX_COMPANY_LINK`.
pub fn encode_company(company: &Company, saved_at: &str) -> Option<String> {
    let file = encode_company_compact(company, saved_at);
    let payload = format!("{{\"v\":{COMPANY_VERSION},\"f\":{file}}}");
    let frag = base64url_encode(payload.as_bytes());
    (frag.len() <= MAX_COMPANY_LINK).then_some(frag)
}

/// Why a link could not be decoded.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    Malformed(&'static str),
    /// A version-2 company that fails the import checks.
    Invalid(Vec<Issue>),
}

/// Decodes a fragment value of any version.
pub fn decode_any(content: &Content, fragment: &str) -> Result<Shared, LinkError> {
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::Malformed("too long"));
    }
    let bytes = base64url_decode(fragment).ok_or(LinkError::Malformed("not base64url"))?;
    let v: Value = serde_json::from_slice(&bytes).map_err(|_| LinkError::Malformed("not JSON"))?;
    match v.get("v").and_then(Value::as_u64) {
        Some(VERSION) => decode(content, fragment)
            .map(|(a, d)| Shared::Answers(a, d))
            .map_err(LinkError::Malformed),
        Some(COMPANY_VERSION) => {
            let file = v.get("f").ok_or(LinkError::Malformed("no company"))?;
            parse_import(&file.to_string(), content)
                .map(|c| Shared::Company(Box::new(c)))
                .map_err(LinkError::Invalid)
        }
        _ => Err(LinkError::Malformed("unknown version")),
    }
}
