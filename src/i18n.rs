//! Languages, the typed text catalogue and the language packs.
//!
//! `Msg` is generated at build time from `content/ui.toml` (see `build.rs`): a key without a
//! Finnish, Swedish or English text fails the build. The texts themselves, with every content
//! text, are in two packs per language (JSON arrays of strings; see `Part`). In the browser the app
//! loads the first pack of the user's language before it mounts and the second right after (both
//! of another language on a switch); natively (tests, tools) all six are compiled in and load on
//! first use.
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

mod number;
pub use number::*;

include!(concat!(env!("OUT_DIR"), "/ui_gen.rs"));

/// The languages of the app. Finnish is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// The BCP 47 code used in `<html lang>` and in `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Parses a language code from an allow-list; anything else is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fi" => Some(Lang::Fi),
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fi => "Suomi",
            Lang::Sv => "Svenska",
            Lang::En => "English",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// The two packs of a language: `First` (the catalogue and the step texts: texts
/// `0..FIRST_COUNT`, loaded before the app paints) and `More` (the rest, loaded right after).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    First,
    More,
}

impl Part {
    fn index(self) -> usize {
        self as usize
    }

    /// How many texts the pack holds.
    pub fn count(self) -> usize {
        match self {
            Part::First => FIRST_COUNT,
            Part::More => TEXT_COUNT - FIRST_COUNT,
        }
    }

    /// The text numbers the pack holds.
    pub fn range(self) -> std::ops::Range<usize> {
        match self {
            Part::First => 0..FIRST_COUNT,
            Part::More => FIRST_COUNT..TEXT_COUNT,
        }
    }

    /// The pack that holds text number `index`.
    pub fn of(index: usize) -> Part {
        if index < FIRST_COUNT {
            Part::First
        } else {
            Part::More
        }
    }
}

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: [OnceLock<Vec<String>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
/// The packs, by part and language.
static PACKS: [[OnceLock<Vec<String>>; 3]; 2] = [EMPTY, EMPTY];

/// Reads a language pack (the JSON array of strings that `build.rs` writes) and makes it the
/// texts of `lang`. A pack from another build (wrong length) or a damaged one is refused with a
/// message, so that no text can be shown from the wrong place. Loading a pack twice is a no-op.
pub fn install_pack(lang: Lang, part: Part, json: &str) -> Result<(), String> {
    let slot = &PACKS[part.index()][lang.index()];
    if slot.get().is_some() {
        return Ok(());
    }
    let _ = slot.set(parse_pack(lang, part, json)?);
    Ok(())
}

/// Checks and reads a language pack.
pub fn parse_pack(lang: Lang, part: Part, json: &str) -> Result<Vec<String>, String> {
    let texts: Vec<String> = serde_json::from_str(json)
        .map_err(|e| format!("the {} texts are damaged: {e}", lang.code()))?;
    if texts.len() != part.count() {
        return Err(format!(
            "the {} texts are from another version ({} texts, expected {})",
            lang.code(),
            texts.len(),
            part.count()
        ));
    }
    Ok(texts)
}

/// Whether the first pack of `lang` is in (the app can show the language).
pub fn pack_loaded(lang: Lang) -> bool {
    part_loaded(lang, Part::First)
}

/// Whether the pack `part` of `lang` is in.
pub fn part_loaded(lang: Lang, part: Part) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    builtin_pack(lang, part);
    PACKS[part.index()][lang.index()].get().is_some()
}

/// Natively every pack is compiled in, for the tests and tools.
#[cfg(not(target_arch = "wasm32"))]
fn builtin_pack(lang: Lang, part: Part) {
    let json = match (lang, part) {
        (Lang::Fi, Part::First) => include_str!(concat!(env!("OUT_DIR"), "/packs/fi-pack.json")),
        (Lang::Sv, Part::First) => include_str!(concat!(env!("OUT_DIR"), "/packs/sv-pack.json")),
        (Lang::En, Part::First) => include_str!(concat!(env!("OUT_DIR"), "/packs/en-pack.json")),
        (Lang::Fi, Part::More) => {
            include_str!(concat!(env!("OUT_DIR"), "/packs/fi-more-pack.json"))
        }
        (Lang::Sv, Part::More) => {
            include_str!(concat!(env!("OUT_DIR"), "/packs/sv-more-pack.json"))
        }
        (Lang::En, Part::More) => {
            include_str!(concat!(env!("OUT_DIR"), "/packs/en-more-pack.json"))
        }
    };
    if let Err(e) = install_pack(lang, part, json) {
        panic!("built-in texts: {e}");
    }
}

/// The text number `index` of the packs in `lang`. Falls back to another loaded language if
/// `lang`'s pack is not loaded (which the app avoids: it switches language only once both packs
/// are in, and shows the pages that need the second pack only once it is), else "".
pub fn text(lang: Lang, index: usize) -> &'static str {
    let part = Part::of(index);
    let packs = &PACKS[part.index()];
    let pack = if part_loaded(lang, part) {
        packs[lang.index()].get()
    } else {
        packs.iter().find_map(OnceLock::get)
    };
    let at = index - part.range().start;
    pack.and_then(|p| p.get(at)).map_or("", String::as_str)
}

/// The file name of `lang`'s pack `part`, served next to the wasm.
pub fn pack_file(lang: Lang, part: Part) -> &'static str {
    match part {
        Part::First => PACK_FILES[lang.index()],
        Part::More => MORE_PACK_FILES[lang.index()],
    }
}

/// The text of `msg` in `lang`.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    text(lang, msg as usize)
}

/// The text of `msg` with `{name}` placeholders replaced by the given values.
pub fn tf(lang: Lang, msg: Msg, args: &[(&str, &str)]) -> String {
    let mut s = t(lang, msg).to_string();
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_every_language() {
        assert!(KEYS.len() <= TEXT_COUNT);
        for lang in Lang::ALL {
            assert!(pack_loaded(lang));
            for i in 0..TEXT_COUNT {
                assert!(
                    !text(lang, i).trim().is_empty(),
                    "text {i} ({}) has no {} text",
                    KEYS.get(i).unwrap_or(&"content"),
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn the_catalogue_is_in_the_first_pack() {
        // `Msg as usize` is the text's index: the whole catalogue comes before `FIRST_COUNT`,
        // so the shell and the notices never wait for the second pack.
        assert!(KEYS.len() <= FIRST_COUNT);
        assert_eq!(Part::of(Msg::AppName as usize), Part::First);
        assert_eq!(Part::of(KEYS.len() - 1), Part::First);
        assert_eq!(Part::of(FIRST_COUNT), Part::More);
    }

    #[test]
    fn a_pack_of_another_build_or_a_damaged_one_is_refused() {
        let fi = include_str!(concat!(env!("OUT_DIR"), "/packs/fi-pack.json"));
        assert_eq!(
            parse_pack(Lang::Fi, Part::First, fi).map(|p| p.len()),
            Ok(FIRST_COUNT)
        );
        let more = include_str!(concat!(env!("OUT_DIR"), "/packs/fi-more-pack.json"));
        assert_eq!(
            parse_pack(Lang::Fi, Part::More, more).map(|p| p.len()),
            Ok(TEXT_COUNT - FIRST_COUNT)
        );
        // One pack is not the other.
        assert!(parse_pack(Lang::Fi, Part::More, fi).is_err());
        assert!(parse_pack(Lang::Fi, Part::First, more).is_err());
        let err = |json: &str| parse_pack(Lang::Sv, Part::First, json).expect_err(json);
        assert!(err("not json").contains("sv texts are damaged"));
        assert!(err(r#"["a", 1]"#).contains("damaged"));
        assert!(err("{}").contains("damaged"));
        let short = serde_json::to_string(&vec!["x"; FIRST_COUNT - 1]).unwrap_or_default();
        assert!(err(&short).contains("another version"));
        // Once loaded, a language keeps its texts: a later bad pack changes nothing.
        let before = t(Lang::Fi, Msg::AppName);
        assert_eq!(install_pack(Lang::Fi, Part::First, "not json"), Ok(()));
        assert_eq!(t(Lang::Fi, Msg::AppName), before);
        assert!(!before.is_empty());
    }

    #[test]
    fn pack_file_names_carry_a_content_hash() {
        for lang in Lang::ALL {
            for (part, prefix) in [(Part::First, ""), (Part::More, "more-")] {
                let name = pack_file(lang, part);
                let hash = name
                    .strip_prefix(&format!("texts-{}-{prefix}", lang.code()))
                    .and_then(|r| r.strip_suffix(".json"))
                    .unwrap_or("");
                assert_eq!(hash.len(), 16, "{name}");
                assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()), "{name}");
            }
        }
        assert_ne!(
            pack_file(Lang::Fi, Part::First),
            pack_file(Lang::Sv, Part::First)
        );
        assert_ne!(
            pack_file(Lang::Fi, Part::First),
            pack_file(Lang::Fi, Part::More)
        );
    }

    #[test]
    fn placeholders_are_the_same_in_every_language() {
        let names = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}'))
                .map(|(n, _)| n.to_string())
                .collect();
            v.sort();
            v
        };
        for (i, key) in KEYS.iter().enumerate() {
            let row = Lang::ALL.map(|l| text(l, i));
            assert_eq!(
                names(row[0]),
                names(row[1]),
                "{key}: fi and sv placeholders differ"
            );
            assert_eq!(
                names(row[0]),
                names(row[2]),
                "{key}: fi and en placeholders differ"
            );
        }
    }

    #[test]
    fn language_codes_parse_from_an_allow_list_only() {
        assert_eq!(Lang::parse("SV"), Some(Lang::Sv));
        assert_eq!(Lang::parse(" en "), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse("fi<script>"), None);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
        }
    }

    #[test]
    fn numbers_accept_finnish_and_english_notation() {
        assert_eq!(parse_number("12,5"), Some(12.5));
        assert_eq!(parse_number("12 500,25"), Some(12500.25));
        assert_eq!(parse_number("12500.25"), Some(12500.25));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number("1,2,3"), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("1e9"), None);
        assert_eq!(parse_number("NaN"), None);
    }

    #[test]
    fn input_numbers_round_trip_in_every_language() {
        for lang in Lang::ALL {
            for v in [0.0, 12.5, 20000.0, 1234567.125, 0.1 + 0.2, -3.0] {
                let shown = format_input(lang, v);
                let back = parse_number_in(lang, &shown).expect("parses");
                assert!(
                    (back - v).abs() < 1e-3,
                    "{lang:?}: {v} shown as {shown} read as {back}"
                );
            }
        }
        assert_eq!(format_input(Lang::Fi, 12.5), "12,5");
        assert_eq!(format_input(Lang::En, 20000.0), "20000");
        assert_eq!(parse_number_in(Lang::En, "20,000"), Some(20000.0));
        assert_eq!(parse_number_in(Lang::En, "12.5"), Some(12.5));
        assert_eq!(
            parse_number_in(Lang::En, "1,2"),
            None,
            "an English comma is not a decimal mark"
        );
        assert_eq!(parse_number_in(Lang::Fi, "20,5"), Some(20.5));
        assert_eq!(parse_number_in(Lang::Sv, "20 000,5"), Some(20000.5));
    }

    #[test]
    fn numbers_are_formatted_per_language() {
        assert_eq!(format_number(Lang::Fi, 12500.25, 2), "12\u{202f}500,25");
        assert_eq!(format_number(Lang::En, 12500.25, 2), "12,500.25");
        assert_eq!(format_number(Lang::Sv, 3.0, 1), "3");
        assert_eq!(format_number(Lang::Fi, -0.5, 1), "−0,5");
        assert_eq!(format_number(Lang::Fi, 999.0, 0), "999");
        assert_eq!(format_number(Lang::Fi, 1000.0, 0), "1\u{202f}000");
    }
}
