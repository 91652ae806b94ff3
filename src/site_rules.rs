//! The rules for the deploy-time settings file (`deploy/site.toml`: who publishes this copy of
//! the app, how to reach them and where accessibility feedback goes). Plain `std` only: the same
//! file is compiled into `build.rs`, which refuses to build with settings that break these rules,
//! and into the library, where `tests/site.rs` tests the rules and the settings compiled in.

/// The settings as written in the file, before they are compiled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteInput<'a> {
    /// The shipped template: its details are placeholders, and the app says so.
    pub example: bool,
    /// The publisher's name in fi, sv and en (repeat the name where it has no translation).
    pub name: [&'a str; 3],
    /// The publisher's contact e-mail address.
    pub email: &'a str,
    /// Where accessibility feedback goes: an e-mail address or the https address of a form.
    pub accessibility_feedback: &'a str,
    /// The publisher's own web page (optional), https only.
    pub url: Option<&'a str>,
}

/// Domains reserved for examples and tests (RFC 2606, RFC 6761): allowed only in the template.
const EXAMPLE_DOMAINS: [&str; 7] = [
    "example",
    "example.com",
    "example.net",
    "example.org",
    "example.fi",
    "invalid",
    "test",
];

/// The longest name the pages can show on one line of the footer and the statement.
pub const MAX_NAME: usize = 120;

/// Checks the settings; the error names the setting and what is wrong with it, in English (it is
/// read by whoever builds the app).
pub fn validate(s: &SiteInput) -> Result<(), String> {
    for (lang, name) in ["fi", "sv", "en"].iter().zip(s.name) {
        let n = name.trim();
        if n.is_empty() {
            return Err(format!("name.{lang}: the publisher's name is empty"));
        }
        if n.chars().count() > MAX_NAME {
            return Err(format!("name.{lang}: longer than {MAX_NAME} characters"));
        }
        if n.chars().any(char::is_control) {
            return Err(format!("name.{lang}: contains a control character"));
        }
    }
    if !is_email(s.email) {
        return Err(format!(
            "email: `{}` is not an e-mail address (name@domain.tld)",
            s.email
        ));
    }
    let fb = s.accessibility_feedback;
    if !is_email(fb) && !is_https_url(fb) {
        return Err(format!(
            "accessibility_feedback: `{fb}` is neither an e-mail address nor an https:// address"
        ));
    }
    if let Some(u) = s.url {
        if !is_https_url(u) {
            return Err(format!(
                "url: `{u}` is not an https:// address with a host name"
            ));
        }
    }
    if !s.example {
        let hosts = [
            Some(domain_of(s.email)),
            Some(domain_of(fb)),
            s.url.map(domain_of),
        ];
        if let Some(h) = hosts.into_iter().flatten().find(|h| is_example_domain(h)) {
            return Err(format!(
                "`{h}` is a placeholder domain: give the publisher's real details, or set example = true"
            ));
        }
    }
    Ok(())
}

/// A plain e-mail address: one `@`, a local part of the usual characters, a domain name with a
/// top-level domain of letters. No spaces, no display name, no `mailto:`.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    local_ok && s.len() <= 254 && is_domain(domain)
}

/// An `https://` address with a host name (an optional port, path, query or fragment after it),
/// without spaces or characters that would need escaping in HTML.
pub fn is_https_url(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://") else {
        return false;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let host = match authority.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()) => h,
        Some(_) => return false,
        None => authority,
    };
    is_domain(host)
        && tail
            .chars()
            .all(|c| c.is_ascii_graphic() && !"\"'<>\\`{}|^".contains(c))
}

/// A domain name: dot-separated labels of letters, digits and inner hyphens, ending in a
/// top-level domain of at least two letters.
fn is_domain(d: &str) -> bool {
    let labels: Vec<&str> = d.split('.').collect();
    labels.len() >= 2
        && d.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// The host of an e-mail address or an https address, in lower case.
fn domain_of(s: &str) -> String {
    let host = match s.split_once('@') {
        Some((_, d)) if !s.starts_with("https://") => d,
        _ => {
            let rest = s.strip_prefix("https://").unwrap_or(s);
            let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
            &rest[..end]
        }
    };
    host.to_ascii_lowercase()
}

/// Whether a host is (under) a domain reserved for examples and tests.
pub fn is_example_domain(host: &str) -> bool {
    let h = host.to_ascii_lowercase();
    EXAMPLE_DOMAINS
        .iter()
        .any(|d| h == *d || h.ends_with(&format!(".{d}")))
}

/// The link for the accessibility feedback channel: `mailto:` for an e-mail address, else the
/// https address itself.
pub fn feedback_href(channel: &str) -> String {
    if is_email(channel) {
        format!("mailto:{channel}")
    } else {
        channel.to_string()
    }
}
