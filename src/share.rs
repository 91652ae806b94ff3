//! Share links: the answers in the URL fragment (`#a=…`), never sent to any server.
//!
//! Compact encoding: question and option ids become their positions in the content, the result
//! is JSON in base64url. Decoding applies the same checks as an import. Pure.
use crate::content::{Content, Kind};
use crate::model::{check_answer, Answer, Ypn};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The longest fragment accepted.
pub const MAX_FRAGMENT: usize = 16_000;
const VERSION: u64 = 1;

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
