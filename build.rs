//! Compiles the content files under `content/` into the binary.
//!
//! * `content/ui.toml` becomes a typed catalogue: one `Msg` variant per key and a table of the
//!   Finnish, Swedish and English texts. A key without all three languages fails the build, so a
//!   missing translation can never reach a user.
//! * The other TOML files are checked for syntax here (with the file and position of any error)
//!   and stored as compact JSON, which the app parses once at start-up. Their meaning (ids,
//!   references, languages) is checked by the tests in `tests/content.rs`.
use std::{collections::BTreeMap, env, fs, path::Path};

const LANGS: [&str; 3] = ["fi", "sv", "en"];
const DATA_FILES: [&str; 5] = ["vocabulary", "steps", "actions", "supports", "factors"];

fn main() {
    println!("cargo:rerun-if-changed=content");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);

    for name in DATA_FILES {
        let path = format!("content/{name}.toml");
        let text = read(&path);
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| fail(&path, &e.to_string()));
        let json = serde_json::to_string(&value).expect("TOML values are valid JSON");
        write(&out.join(format!("{name}.json")), &json);
    }
    let munis = read("content/municipalities.json");
    let value: serde_json::Value = serde_json::from_str(&munis)
        .unwrap_or_else(|e| fail("content/municipalities.json", &e.to_string()));
    write(&out.join("municipalities.json"), &value.to_string());

    write(&out.join("ui_gen.rs"), &ui_catalogue());
}

fn ui_catalogue() -> String {
    let path = "content/ui.toml";
    let table: BTreeMap<String, BTreeMap<String, String>> =
        toml::from_str(&read(path)).unwrap_or_else(|e| fail(path, &e.to_string()));
    let mut variants = String::new();
    let mut rows = String::new();
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
        let mut row = Vec::new();
        for lang in LANGS {
            match texts.get(lang) {
                Some(t) if !t.trim().is_empty() => row.push(format!("{t:?}")),
                _ => fail(path, &format!("key `{key}` has no `{lang}` text")),
            }
        }
        if let Some(extra) = texts.keys().find(|k| !LANGS.contains(&k.as_str())) {
            fail(
                path,
                &format!("key `{key}` has an unknown language `{extra}`"),
            );
        }
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
        rows.push_str(&format!("    [{}],\n", row.join(", ")));
        keys.push_str(&format!("    {key:?},\n"));
    }
    format!(
        "/// Every user-visible text of the app, generated from `content/ui.toml`.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n\
         #[allow(dead_code)]\n\
         pub enum Msg {{\n{variants}}}\n\n\
         /// Texts in the order fi, sv, en; indexed by `Msg as usize`.\n\
         pub(crate) static TEXTS: &[[&str; 3]] = &[\n{rows}];\n\n\
         /// The keys of `content/ui.toml`, in the same order.\n\
         #[allow(dead_code)]\n\
         pub(crate) static KEYS: &[&str] = &[\n{keys}];\n"
    )
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
