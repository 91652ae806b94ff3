//! The architecture invariants written at the top of `src/lib.rs`, checked against the source:
//! the pure modules use no browser or reactive crate and nothing above them; browser edges
//! (`web`, `router`) never import state or views; state never imports views; a page never
//! imports another page, and only the shell imports pages.
use std::path::{Path, PathBuf};

/// The pure modules: files directly under `src/` and their child folders.
const PURE: [&str; 16] = [
    "content",
    "drafts",
    "footprint",
    "i18n",
    "labels",
    "local_services",
    "matching",
    "model",
    "params",
    "persist",
    "ranking",
    "rough",
    "scoring",
    "share",
    "site",
    "site_rules",
];
/// The layers above the pure ones, from the ground up.
const UPPER: [&str; 4] = ["web", "router", "state", "ui"];
const BROWSER_CRATES: [&str; 7] = [
    "leptos",
    "web_sys",
    "js_sys",
    "gloo_storage",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "console_error_panic_hook",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments (line comments and doc comments).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module path of a file under `src/`: `src/ui/pages/step/footprint.rs` → `ui/pages/step/footprint`.
fn module(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("present").with_extension("");
    rel.to_string_lossy().replace('\\', "/")
}

/// Whether `code` names `word` as a path segment (`word::…` or `use word`).
fn names(code: &str, word: &str) -> bool {
    code.match_indices(word).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = &code[i + word.len()..];
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && (after.starts_with("::") || after.starts_with(';') || after.starts_with(" as"))
    })
}

/// Every broken rule in one file, as readable lines.
fn violations(module: &str, code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let top = module.split('/').next().unwrap_or("");
    let forbid = |found: &mut Vec<String>, what: &str, why: &str| {
        if code.contains(what) {
            found.push(format!("{module}: {why} (`{what}`)"));
        }
    };
    if PURE.contains(&top) {
        for krate in BROWSER_CRATES {
            if names(code, krate) {
                found.push(format!("{module}: a pure module uses `{krate}`"));
            }
        }
        for upper in ["crate::web", "crate::router", "crate::state", "crate::ui"] {
            forbid(&mut found, upper, "a pure module imports a layer above it");
        }
    }
    if top == "web" || top == "router" {
        forbid(&mut found, "crate::state", "a browser edge imports state");
        forbid(&mut found, "crate::ui", "a browser edge imports a view");
    }
    if top == "state" {
        forbid(&mut found, "crate::ui", "state imports a view");
    }
    if let Some(page) = module.strip_prefix("ui/pages/") {
        let own = page.split('/').next().unwrap_or("");
        for (i, _) in code.match_indices("ui::pages::") {
            let other: String = code[i + "ui::pages::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if other != own {
                found.push(format!("{module}: a page imports another page ({other})"));
            }
        }
        if !page.contains('/') && code.contains("super::") {
            found.push(format!(
                "{module}: a page reaches its siblings through `super::`"
            ));
        }
    } else if !module.starts_with("ui/shell") && code.contains("ui::pages::") {
        found.push(format!("{module}: only the shell imports pages"));
    }
    found
}

#[test]
fn the_source_keeps_the_layer_rules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 20, "read {} files", files.len());
    let mut broken = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read file");
        broken.extend(violations(&module(&src, file), &code(&text)));
    }
    assert!(
        broken.is_empty(),
        "layer rules broken:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_checker_sees_each_kind_of_break() {
    assert_eq!(violations("model", "use leptos::prelude::*;").len(), 1);
    assert_eq!(
        violations("persist/import", "let x = web_sys::window();").len(),
        1
    );
    assert_eq!(violations("labels", "use crate::state::ctx;").len(), 1);
    assert_eq!(violations("web/embed", "use crate::state::Ctx;").len(), 1);
    assert_eq!(violations("router", "crate::ui::tr(m)").len(), 1);
    assert_eq!(violations("state/sync", "use crate::ui::tr;").len(), 1);
    assert_eq!(
        violations("ui/pages/plan", "use crate::ui::pages::results::X;").len(),
        1
    );
    assert_eq!(
        violations("ui/pages/plan", "use super::results::X;").len(),
        1
    );
    assert_eq!(
        violations("ui/components/charts", "use crate::ui::pages::plan::Plan;").len(),
        1
    );
    // Allowed: a page's own child, the shell importing pages, comments, similar words.
    assert!(violations("ui/pages/step", "use crate::ui::pages::step::footprint::F;").is_empty());
    assert!(violations("ui/pages/step/footprint", "use super::Step;").is_empty());
    assert!(violations("ui/shell/app", "use crate::ui::pages::plan::Plan;").is_empty());
    assert!(violations("model", &code("// leptos::prelude is not used here")).is_empty());
    assert!(violations("model", "let my_leptos_count = 1;").is_empty());
}

#[test]
fn every_module_of_the_crate_has_a_layer() {
    // A new top-level module that is in no list would escape every rule above.
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("read lib.rs");
    let modules: Vec<&str> = lib
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_prefix("pub mod ")
                .or_else(|| l.trim().strip_prefix("mod "))
        })
        .map(|m| m.trim_end_matches(';'))
        .collect();
    assert!(modules.len() > 10, "read {} modules", modules.len());
    for m in modules {
        assert!(
            PURE.contains(&m) || UPPER.contains(&m),
            "src/{m}: add it to PURE or UPPER in tests/layers.rs (and to the list in lib.rs)"
        );
    }
}
