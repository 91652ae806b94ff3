//! URL parameters (`?kunta=…&lang=…&embed=1&theme=…&accent=…&step=…&preview=1`), each validated against an
//! allow-list. An invalid value is ignored with a warning and never breaks the app. Pure.
use crate::content::Content;
use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Default,
    Sea,
    Heather,
    Contrast,
}

impl Theme {
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "default" => Some(Theme::Default),
            "sea" => Some(Theme::Sea),
            "heather" => Some(Theme::Heather),
            "contrast" => Some(Theme::Contrast),
            _ => None,
        }
    }

    /// The CSS class on the app's root element.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Default => "theme-default",
            Theme::Sea => "theme-sea",
            Theme::Heather => "theme-heather",
            Theme::Contrast => "theme-contrast",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    pub lang: Option<Lang>,
    /// Statistics Finland code of the preselected municipality.
    pub kunta: Option<String>,
    pub embed: bool,
    pub theme: Option<Theme>,
    /// A validated `#rrggbb` accent with at least 4.5:1 contrast against white.
    pub accent: Option<String>,
    /// A route to start at: "profile" or a workbook step id.
    pub step: Option<String>,
    /// The embedding page's origin (set by embed.js): resize messages go only there.
    pub origin: Option<String>,
    /// `preview=1` (the /kunnille preview): the app runs in memory only, localStorage is neither
    /// read nor written and storage events are ignored.
    pub preview: bool,
    /// One line per ignored parameter, for the console.
    pub warnings: Vec<String>,
}

/// Decodes `%XX` and `+` in a query value; `None` for invalid encoding.
pub fn url_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Relative luminance of an sRGB colour (WCAG 2.x).
fn luminance(r: u8, g: u8, b: u8) -> f64 {
    let c = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b)
}

/// The contrast ratio of a `#rrggbb` colour against white, or `None` if it is not such a colour.
pub fn contrast_with_white(hex: &str) -> Option<f64> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    let l = luminance(p(0)?, p(2)?, p(4)?);
    Some(1.05 / (l + 0.05))
}

/// `http(s)://host[:port]` with nothing after it, or `None`.
pub fn valid_origin(s: &str) -> Option<String> {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))?;
    let (host, port) = rest.split_once(':').unwrap_or((rest, ""));
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let port_ok = port.is_empty() || (port.len() <= 5 && port.parse::<u16>().is_ok());
    (host_ok && port_ok).then(|| s.to_ascii_lowercase())
}

pub fn parse_query(query: &str, content: &Content) -> Params {
    let mut p = Params::default();
    let q = query.strip_prefix('?').unwrap_or(query);
    if q.len() > 2000 {
        p.warnings.push("query string too long: ignored".into());
        return p;
    }
    for pair in q.split('&').filter(|s| !s.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(v) = url_decode(v) else {
            p.warnings.push(format!("{k}: invalid encoding, ignored"));
            continue;
        };
        let v = v.trim();
        let ok = match k {
            "lang" => Lang::parse(v).map(|l| p.lang = Some(l)).is_some(),
            "kunta" => content
                .find_municipality(v)
                .map(|m| p.kunta = Some(m.code.to_string()))
                .is_some(),
            "embed" => match v {
                "1" | "true" => {
                    p.embed = true;
                    true
                }
                "0" | "false" => true,
                _ => false,
            },
            "preview" => match v {
                "1" | "true" => {
                    p.preview = true;
                    true
                }
                "0" | "false" => true,
                _ => false,
            },
            "theme" => Theme::parse(v).map(|t| p.theme = Some(t)).is_some(),
            "accent" => {
                let hex = if v.starts_with('#') {
                    v.to_string()
                } else {
                    format!("#{v}")
                };
                match contrast_with_white(&hex) {
                    Some(c) if c >= 4.5 => {
                        p.accent = Some(hex.to_ascii_lowercase());
                        true
                    }
                    _ => false,
                }
            }
            "origin" => valid_origin(v).map(|o| p.origin = Some(o)).is_some(),
            "step" => {
                let known = v == "profile" || content.workbook_steps().any(|s| s.id == v);
                if known {
                    p.step = Some(v.to_string());
                }
                known
            }
            _ => {
                p.warnings.push(format!(
                    "unknown parameter `{}` ignored",
                    k.chars().take(30).collect::<String>()
                ));
                continue;
            }
        };
        if !ok {
            p.warnings.push(format!("{k}: value not allowed, ignored"));
        }
    }
    p
}

/// The origin of an absolute `http(s)` URL (`https://host[:port]`, lower case), e.g. of
/// `document.referrer`; `None` for anything else (empty, `about:`, a path…).
pub fn url_origin(url: &str) -> Option<String> {
    let scheme_end = url.find("://")?;
    let after = &url[scheme_end + 3..];
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let authority = &after[..end];
    if authority.contains('@') {
        return None;
    }
    valid_origin(&format!("{}://{}", &url[..scheme_end], authority))
}

/// Where the embedded app may post its messages: the parent's origin as the browser reports it
/// (`reported`: `location.ancestorOrigins[0]`, else the referrer's origin), which must equal
/// `?origin=` (`claimed`) when that is given. When the browser reports nothing, `?origin=` itself
/// (the browser then delivers only if the parent really has that origin). Never `*`: `None` means
/// post nothing.
pub fn message_target(reported: Option<&str>, claimed: Option<&str>) -> Option<String> {
    let reported = reported.and_then(valid_origin);
    let claimed = claimed.and_then(valid_origin);
    match (reported, claimed) {
        (Some(r), Some(c)) => (r == c).then_some(r),
        (Some(r), None) => Some(r),
        (None, c) => c,
    }
}

#[cfg(test)]
mod message_tests {
    use super::{message_target, url_origin};

    #[test]
    fn the_target_is_the_reported_parent_and_must_match_the_claim() {
        let kerava = Some("https://www.kerava.fi");
        assert_eq!(
            message_target(kerava, None).as_deref(),
            Some("https://www.kerava.fi")
        );
        assert_eq!(
            message_target(kerava, kerava).as_deref(),
            Some("https://www.kerava.fi")
        );
        assert_eq!(
            message_target(Some("HTTPS://WWW.KERAVA.FI"), kerava).as_deref(),
            Some("https://www.kerava.fi"),
            "origins compare case-insensitively"
        );
        // ?origin= names another site than the real parent: nothing is posted.
        assert_eq!(message_target(kerava, Some("https://evil.example")), None);
        // The browser reports nothing: only the claimed origin (delivery is checked by the browser).
        assert_eq!(
            message_target(None, Some("http://127.0.0.1:8081")).as_deref(),
            Some("http://127.0.0.1:8081")
        );
        // Nothing known, or nothing valid: no message, never "*".
        assert_eq!(message_target(None, None), None);
        assert_eq!(message_target(Some("null"), None), None);
        assert_eq!(message_target(Some("*"), Some("*")), None);
        assert_eq!(message_target(Some(""), None), None);
        assert_eq!(
            message_target(Some("https://www.kerava.fi/path"), None),
            None
        );
    }

    #[test]
    fn url_origin_takes_scheme_host_and_port_only() {
        assert_eq!(
            url_origin("https://www.kerava.fi/yrityksille/ilmasto?x=1#y").as_deref(),
            Some("https://www.kerava.fi")
        );
        assert_eq!(
            url_origin("http://127.0.0.1:8081/").as_deref(),
            Some("http://127.0.0.1:8081")
        );
        assert_eq!(
            url_origin("https://a.example?q").as_deref(),
            Some("https://a.example")
        );
        assert_eq!(url_origin(""), None);
        assert_eq!(url_origin("about:blank"), None);
        assert_eq!(url_origin("/relative/path"), None);
        assert_eq!(url_origin("https://user@evil.example/"), None);
        assert_eq!(url_origin("javascript://x"), None);
        assert_eq!(url_origin("ftp://files.example/"), None);
    }
}
