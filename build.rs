//! Compiles the content files under `content/` for the app.
//!
//! Every text of the app (the catalogue in `content/ui.toml` and every `{ fi, sv, en }` table in
//! the other files) goes into one *text pack* per language: a JSON array of strings, written to
//! `$OUT_DIR/packs/`. The app downloads only the pack of the language the user reads, so the two
//! others stay out of the first load; the service worker caches all three for offline use. The
//! packs' file names carry a hash of their contents (`texts-fi-<16 hex>.json`), so they can be
//! cached forever; `scripts/post-build.mjs` copies them next to the wasm.
//!
//! What remains (ids, answer options, points, conditions, factors, URLs, dates, municipalities)
//! is stored as compact JSON in which each text table is replaced by its index in the packs, and
//! is compiled into the binary.
//!
//! The build fails, naming the file and the place, when a text lacks a language or is empty, or
//! a `ui.toml` key is malformed: a missing translation can never reach a user. The meaning of
//! the content (ids, references, sources) is checked by the tests in `tests/content.rs`.
use serde_json::Value;
use std::{collections::BTreeMap, env, fs, path::Path};

const LANGS: [&str; 3] = ["fi", "sv", "en"];
const DATA_FILES: [&str; 5] = ["vocabulary", "steps", "actions", "supports", "factors"];

/// The texts of every language, in the same order.
#[derive(Default)]
struct Packs([Vec<String>; 3]);

impl Packs {
    fn push(&mut self, texts: [String; 3]) -> usize {
        for (pack, t) in self.0.iter_mut().zip(texts) {
            pack.push(t);
        }
        self.0[0].len() - 1
    }
}

fn main() {
    println!("cargo:rerun-if-changed=content");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let mut packs = Packs::default();

    // The catalogue comes first, so that `Msg as usize` is its index in the packs.
    let ui = ui_catalogue(&mut packs);

    for name in DATA_FILES {
        let path = format!("content/{name}.toml");
        let text = read(&path);
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| fail(&path, &e.to_string()));
        let mut json = serde_json::to_value(&value).expect("TOML values are valid JSON");
        extract_texts(&mut json, &mut packs, &path, "");
        write(&out.join(format!("{name}.json")), &json.to_string());
    }
    let munis = read("content/municipalities.json");
    let mut value: Value = serde_json::from_str(&munis)
        .unwrap_or_else(|e| fail("content/municipalities.json", &e.to_string()));
    extract_texts(&mut value, &mut packs, "content/municipalities.json", "");
    write(&out.join("municipalities.json"), &value.to_string());

    let dir = out.join("packs");
    fs::create_dir_all(&dir).unwrap_or_else(|e| fail(&dir.display().to_string(), &e.to_string()));
    let mut files = Vec::new();
    for (lang, texts) in LANGS.iter().zip(&packs.0) {
        let json = serde_json::to_string(texts).expect("strings serialise");
        let file = format!("texts-{lang}-{:016x}.json", fnv1a64(json.as_bytes()));
        // The hashed name is what the app fetches; the plain one is for `include_str!`.
        write(&dir.join(&file), &json);
        write(&dir.join(format!("{lang}.json")), &json);
        files.push(format!("{file:?}"));
    }
    let count = packs.0[0].len();
    write(
        &out.join("ui_gen.rs"),
        &format!(
            "{ui}\n\
             /// How many texts each language pack holds.\n\
             pub const TEXT_COUNT: usize = {count};\n\n\
             /// The packs' file names (fi, sv, en), served next to the wasm.\n\
             pub const PACK_FILES: [&str; 3] = [{}];\n",
            files.join(", ")
        ),
    );
}

/// Generates the `Msg` enum from `content/ui.toml` and puts its texts into the packs.
fn ui_catalogue(packs: &mut Packs) -> String {
    let path = "content/ui.toml";
    let table: BTreeMap<String, BTreeMap<String, String>> =
        toml::from_str(&read(path)).unwrap_or_else(|e| fail(path, &e.to_string()));
    let mut variants = String::new();
    let mut keys = String::new();
    for (key, texts) in &table {
        if !key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            fail(
                path,
                &format!("key `{key}`: use lower-case letters, digits and _ only"),
            );
        }
        let row = LANGS.map(|lang| match texts.get(lang) {
            Some(t) if !t.trim().is_empty() => t.clone(),
            _ => fail(path, &format!("key `{key}` has no `{lang}` text")),
        });
        if let Some(extra) = texts.keys().find(|k| !LANGS.contains(&k.as_str())) {
            fail(
                path,
                &format!("key `{key}` has an unknown language `{extra}`"),
            );
        }
        packs.push(row);
        let variant: String = key
            .split('_')
            .map(|part| {
                let mut c = part.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                    .unwrap_or_default()
            })
            .collect();
        variants.push_str(&format!("    {variant},\n"));
        keys.push_str(&format!("    {key:?},\n"));
    }
    format!(
        "/// Every user-visible text of the app, generated from `content/ui.toml`. `msg as usize`\n\
         /// is the text's index in the language packs.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n\
         #[allow(dead_code)]\n\
         pub enum Msg {{\n{variants}}}\n\n\
         /// The keys of `content/ui.toml`, in the order of `Msg`.\n\
         #[allow(dead_code)]\n\
         pub(crate) static KEYS: &[&str] = &[\n{keys}];\n"
    )
}

/// Replaces every text table (a table whose keys are languages) by its index in the packs.
fn extract_texts(value: &mut Value, packs: &mut Packs, file: &str, at: &str) {
    match value {
        Value::Object(map) => {
            if !map.is_empty() && map.keys().all(|k| LANGS.contains(&k.as_str())) {
                let row = LANGS.map(|lang| match map.get(lang) {
                    Some(Value::String(t)) if !t.trim().is_empty() => t.clone(),
                    Some(Value::String(_)) => {
                        fail(file, &format!("{at}: the `{lang}` text is empty"))
                    }
                    Some(_) => fail(file, &format!("{at}: `{lang}` must be a text")),
                    None => fail(file, &format!("{at}: the `{lang}` text is missing")),
                });
                *value = Value::from(packs.push(row));
                return;
            }
            for (k, v) in map.iter_mut() {
                extract_texts(v, packs, file, &format!("{at}.{k}"));
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                // Name an array item by its id where it has one: `action[led-lighting].title`.
                let id = v.get("id").and_then(Value::as_str).map(str::to_string);
                let here = match id {
                    Some(id) => format!("{at}[{id}]"),
                    None => format!("{at}[{i}]"),
                };
                extract_texts(v, packs, file, &here);
            }
        }
        _ => {}
    }
}

/// FNV-1a, 64 bits: a content hash for cache-busting file names (not for security).
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| fail(path, &e.to_string()))
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|e| fail(&path.display().to_string(), &e.to_string()));
}

fn fail(path: &str, msg: &str) -> ! {
    panic!("\n\n  Content error in {path}:\n  {msg}\n\n");
}
