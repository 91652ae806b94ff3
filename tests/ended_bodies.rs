//! No text a user reads names a public body that ended on or before 31.12.2025 (issue #15):
//! the ELY centres (sv NTM-centraler) and the regional state administrative agencies (AVI, sv
//! regionförvaltningsverk) ended on 31.12.2025, the TE offices on 31.12.2024. A text may still
//! name one in a dated historical note, i.e. when the same text gives the date it ended.
//!
//! The glossary test (`tests/glossary.rs`) steers the words of each language; this test is the
//! safety net across every content file and every string literal of the views, in all languages.
use std::path::{Path, PathBuf};

/// Names (or the start of names) of ended bodies, matched case-sensitively as written.
const ENDED: [&str; 14] = [
    "ELY-",
    "ELY:",
    "ELY ",
    "ELYn",
    "NTM-",
    "aluehallintoviras",
    "Aluehallintoviras",
    "AVI:",
    "Regionförvaltningsverk",
    "regionförvaltningsverk",
    "Regional State Administrative",
    "TE-toimisto",
    "TE-palvelu",
    "TE Office",
];

/// A dated historical note gives the day the body ended.
const DATED: [&str; 2] = ["31.12.2025", "31.12.2024"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Offending lines of `text` (comments skipped by `is_comment`), as "file:line: snippet".
fn offences(file: &str, text: &str, is_comment: impl Fn(&str) -> bool) -> Vec<String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !is_comment(line.trim_start()))
        .filter(|(_, line)| ENDED.iter().any(|name| line.contains(name)))
        .filter(|(_, line)| !DATED.iter().any(|d| line.contains(d)))
        .map(|(i, line)| {
            let short: String = line.trim().chars().take(160).collect();
            format!("{file}:{}: {short}", i + 1)
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_checker_sees_an_ended_body_and_lets_a_dated_note_pass() {
    let toml = |l: &str| l.starts_with('#');
    assert_eq!(
        offences("x", "fi = \"Kysy ELY-keskuksesta\"", toml).len(),
        1
    );
    assert_eq!(offences("x", "sv = \"NTM-centralen\"", toml).len(), 1);
    assert!(offences(
        "x",
        "fi = \"ELY-keskukset lakkasivat 31.12.2025; tilalle tulivat elinvoimakeskukset.\"",
        toml
    )
    .is_empty());
    assert!(offences("x", "# The ELY centres ended", toml).is_empty());
    assert!(offences("x", "fi = \"Uudenmaan elinvoimakeskus\"", toml).is_empty());
}

#[test]
fn no_content_text_names_an_ended_body() {
    let dir = root().join("content");
    let mut found = Vec::new();
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).expect("read content/") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        // The glossary lists the old names on purpose, as words not to use.
        if name == "glossary.toml" {
            continue;
        }
        if !(name.ends_with(".toml") || name.ends_with(".json")) {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&path).expect("read content file");
        found.extend(offences(&format!("content/{name}"), &text, |l| {
            l.starts_with('#')
        }));
    }
    assert!(files >= 7, "read {files} content files");
    assert!(
        found.is_empty(),
        "{} line(s) name a body that has ended (give the date it ended, or the body that took over):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn no_view_or_rule_writes_an_ended_body() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut found = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("read source");
        let rel = path
            .strip_prefix(root())
            .expect("under the root")
            .to_string_lossy()
            .into_owned();
        found.extend(offences(&rel, &text, |l| l.starts_with("//")));
    }
    for extra in [
        "index.html",
        "public/embed.js",
        "public/manifest.webmanifest",
    ] {
        if let Ok(text) = std::fs::read_to_string(root().join(extra)) {
            found.extend(offences(extra, &text, |l| l.starts_with("//")));
        }
    }
    assert!(
        found.is_empty(),
        "{} line(s) name a body that has ended:\n{}",
        found.len(),
        found.join("\n")
    );
}
