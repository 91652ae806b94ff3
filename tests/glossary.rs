//! The glossary (`content/glossary.toml`): no text in the content files uses, in its language, a
//! word that the glossary marks as not to be used in that language (`avoid`). Reads the files
//! from disk, so it checks every `{ fi, sv, en }` table, whatever the app does with it.
use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;
use toml::Value;

const LANGS: [&str; 3] = ["fi", "sv", "en"];

/// Every TOML file under content/ that this test reads (a test below checks that none is missing).
const FILES: [&str; 7] = [
    "actions.toml",
    "factors.toml",
    "glossary.toml",
    "steps.toml",
    "supports.toml",
    "ui.toml",
    "vocabulary.toml",
];

/// Content files that hold no text a user reads in a language (figures and their sources only).
/// `files_without_texts_have_none` keeps this true: a file that gains fi/sv/en texts moves to
/// `FILES`.
const NO_TEXTS: [&str; 1] = ["defaults.toml"];

fn content_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content")
}

fn read(file: &str) -> Value {
    let path = content_dir().join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("content/{file} is not valid TOML: {e}"))
}

/// A word (or phrase) the glossary says not to use in one language.
struct Avoid {
    term: String,
    lang: &'static str,
    word: String,
}

/// The glossary's terms, checked for completeness, and their `avoid` words.
fn avoid_words() -> Vec<Avoid> {
    let glossary = read("glossary.toml");
    let terms = glossary
        .get("term")
        .and_then(Value::as_array)
        .expect("content/glossary.toml has [[term]] entries");
    assert!(terms.len() >= 20, "the glossary has its terms");
    let mut ids = HashSet::new();
    let mut out = Vec::new();
    for t in terms {
        let id = t.get("id").and_then(Value::as_str).unwrap_or("");
        assert!(
            !id.is_empty(),
            "content/glossary.toml: a [[term]] without an id"
        );
        assert!(
            ids.insert(id),
            "content/glossary.toml: duplicate term id `{id}`"
        );
        let table = t.as_table().expect("a term is a table");
        for key in table.keys() {
            assert!(
                ["id", "fi", "sv", "en", "source", "note", "avoid"].contains(&key.as_str()),
                "content/glossary.toml: term `{id}`: unknown field `{key}`"
            );
        }
        for field in ["fi", "sv", "en", "source"] {
            let s = t.get(field).and_then(Value::as_str).unwrap_or("");
            assert!(
                !s.trim().is_empty(),
                "content/glossary.toml: term `{id}` has no `{field}`"
            );
        }
        let Some(avoid) = t.get("avoid") else {
            continue;
        };
        let avoid = avoid
            .as_table()
            .unwrap_or_else(|| panic!("content/glossary.toml: term `{id}`: avoid is a table"));
        for (lang, words) in avoid {
            let lang = LANGS.into_iter().find(|l| l == lang).unwrap_or_else(|| {
                panic!("content/glossary.toml: term `{id}`: avoid.{lang} is not fi, sv or en")
            });
            let words = words.as_array().unwrap_or_else(|| {
                panic!("content/glossary.toml: term `{id}`: avoid.{lang} is a list")
            });
            assert!(
                !words.is_empty(),
                "content/glossary.toml: term `{id}`: avoid.{lang} is empty"
            );
            for w in words {
                let word = w.as_str().unwrap_or("");
                assert!(
                    word.trim_end_matches('*')
                        .chars()
                        .any(char::is_alphanumeric),
                    "content/glossary.toml: term `{id}`: an empty word in avoid.{lang}"
                );
                out.push(Avoid {
                    term: id.to_string(),
                    lang,
                    word: word.to_string(),
                });
            }
        }
    }
    out
}

/// Every text of a content file: (entry, language, text). A table with string `fi`, `sv` or `en`
/// keys is a text in those languages. Entries are named by their path, with the `id` of an array
/// item in brackets: `action[energy.energy-advice].title`, `due_month`.
fn texts(v: &Value, at: &str, out: &mut Vec<(String, &'static str, String)>) {
    match v {
        Value::Table(t) => {
            for (key, value) in t {
                match (LANGS.into_iter().find(|l| l == key), value) {
                    (Some(lang), Value::String(s)) => out.push((at.to_string(), lang, s.clone())),
                    _ => {
                        let next = if at.is_empty() {
                            key.clone()
                        } else {
                            format!("{at}.{key}")
                        };
                        texts(value, &next, out);
                    }
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let name = item
                    .get("id")
                    .and_then(Value::as_str)
                    .map_or_else(|| i.to_string(), str::to_string);
                texts(item, &format!("{at}[{name}]"), out);
            }
        }
        _ => {}
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Where `word` occurs in `text` as a word of its own (case-insensitive): it starts at the
/// beginning of a word and, unless it ends in `*` (any ending), ends at the end of one. A match
/// that is part of a web address (`materiaalitori.fi`, `…/revision`) does not count. Returns the
/// char index of the first match.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let (word, any_ending) = match word.strip_suffix('*') {
        Some(w) => (w, true),
        None => (word, false),
    };
    let text: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let word: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    if word.is_empty() || word.len() > text.len() {
        return None;
    }
    let first_is_word = is_word_char(word[0]);
    let last_is_word = is_word_char(word[word.len() - 1]);
    for start in 0..=text.len() - word.len() {
        if text[start..start + word.len()] != word[..] {
            continue;
        }
        let before = start.checked_sub(1).map(|i| text[i]);
        if first_is_word && before.is_some_and(is_word_char) {
            continue;
        }
        if before.is_some_and(|c| matches!(c, '.' | '/' | '@')) {
            continue; // inside an address
        }
        let mut end = start + word.len();
        if any_ending {
            while end < text.len() && is_word_char(text[end]) {
                end += 1;
            }
        } else if last_is_word && end < text.len() && is_word_char(text[end]) {
            continue;
        }
        let domain =
            text.get(end) == Some(&'.') && text.get(end + 1).is_some_and(|c| is_word_char(*c));
        if domain || text.get(end) == Some(&'/') {
            continue; // a host name or a path: materiaalitori.fi
        }
        return Some(start);
    }
    None
}

fn snippet(text: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let from = at.saturating_sub(30);
    let to = (at + 50).min(chars.len());
    let s: String = chars[from..to].iter().collect();
    format!(
        "{}{s}{}",
        if from > 0 { "…" } else { "" },
        if to < chars.len() { "…" } else { "" }
    )
}

/// Every use of an avoided word in `file`, one line each: file, entry, language, word, snippet.
fn offences(file: &str) -> Vec<String> {
    let avoid = avoid_words();
    let mut all = Vec::new();
    texts(&read(file), "", &mut all);
    assert!(!all.is_empty(), "content/{file}: no texts found");
    let mut out = Vec::new();
    for (entry, lang, text) in &all {
        for a in avoid.iter().filter(|a| a.lang == *lang) {
            if let Some(at) = find_word(text, &a.word) {
                out.push(format!(
                    "content/{file}: {entry} ({lang}): `{}` is not used in {lang} (glossary term `{}`): “{}”",
                    a.word,
                    a.term,
                    snippet(text, at)
                ));
            }
        }
    }
    out
}

fn assert_no_avoided_words(file: &str) {
    let found = offences(file);
    assert!(
        found.is_empty(),
        "{} text(s) use a word the glossary says not to use:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_word_matcher_matches_words_not_parts_of_words() {
    assert_eq!(find_word("stöd för energisyner", "energisyn*"), Some(9));
    assert_eq!(find_word("Energisyn", "energisyn*"), Some(0));
    assert_eq!(find_word("ett grovt koldioxidavtryck", "kolavtryck*"), None);
    assert_eq!(find_word("kolavtrycket", "kolavtryck*"), Some(0));
    assert_eq!(find_word("en arbetsresebiljett", "arbetsresor*"), None);
    assert_eq!(find_word("Arbetsresornas utsläpp", "arbetsresor*"), Some(0));
    assert_eq!(find_word("Måltid (månad)", "måltid"), Some(0));
    assert_eq!(find_word("måltider", "måltid"), None);
    assert_eq!(
        find_word("Materialtorget (materiaalitori.fi)", "Materiaalitori"),
        None
    );
    assert_eq!(
        find_word("tjänsten Materiaalitori.", "Materiaalitori"),
        Some(9)
    );
    assert_eq!(find_word("NTM-centralernas sida", "NTM-central*"), Some(0));
    assert_eq!(find_word("vägmätaren", "mätaren"), None);
    assert_eq!(
        find_word("Here are the supports, networks", "supports,"),
        Some(13)
    );
    assert_eq!(find_word("It supports sales", "supports and"), None);
}

#[test]
fn every_content_toml_file_is_checked() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(content_dir())
        .expect("content/ can be read")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    let listed: BTreeSet<String> = FILES
        .iter()
        .chain(NO_TEXTS.iter())
        .map(|f| f.to_string())
        .collect();
    assert_eq!(
        on_disk, listed,
        "add the new content file to FILES in tests/glossary.rs"
    );
}

#[test]
fn the_glossary_has_words_to_avoid_in_each_language() {
    let avoid = avoid_words();
    for lang in LANGS {
        assert!(
            avoid.iter().any(|a| a.lang == lang),
            "no avoided word for {lang}"
        );
    }
    // The ones issue #21 names.
    for (lang, word) in [
        ("sv", "energisyn*"),
        ("sv", "energikartläggning*"),
        ("sv", "NTM-central*"),
        ("sv", "måltid"),
    ] {
        assert!(
            avoid.iter().any(|a| a.lang == lang && a.word == word),
            "the glossary avoids `{word}` in {lang}"
        );
    }
}

#[test]
fn ui_texts_use_the_glossary_terms() {
    assert_no_avoided_words("ui.toml");
}

#[test]
fn step_texts_use_the_glossary_terms() {
    assert_no_avoided_words("steps.toml");
}

#[test]
fn action_texts_use_the_glossary_terms() {
    assert_no_avoided_words("actions.toml");
}

#[test]
fn support_texts_use_the_glossary_terms() {
    assert_no_avoided_words("supports.toml");
}

#[test]
fn factor_texts_use_the_glossary_terms() {
    assert_no_avoided_words("factors.toml");
}

#[test]
fn vocabulary_texts_use_the_glossary_terms() {
    assert_no_avoided_words("vocabulary.toml");
}

#[test]
fn glossary_texts_use_their_own_terms() {
    assert_no_avoided_words("glossary.toml");
}

#[test]
fn files_without_texts_have_none() {
    for file in NO_TEXTS {
        let mut all = Vec::new();
        texts(&read(file), "", &mut all);
        assert!(
            all.is_empty(),
            "content/{file} now has texts in a language: move it to FILES in tests/glossary.rs"
        );
    }
}
