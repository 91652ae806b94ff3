//! Browser tests (wasm-bindgen-test in headless Chromium) against the real localStorage and the
//! mounted app. Run by `make test` through `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use ilmastoaskeleet::persist::{decode_stored, encode_workspace, Loaded};
use ilmastoaskeleet::web::storage;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The app loads its texts before it mounts (`ilmastoaskeleet::start`); a test that mounts `App`
/// directly installs the two Finnish packs the same build produced.
fn finnish_texts() {
    use ilmastoaskeleet::i18n::{install_pack, Lang, Part};
    install_pack(
        Lang::Fi,
        Part::First,
        include_str!(concat!(env!("OUT_DIR"), "/packs/fi-pack.json")),
    )
    .expect("the first Finnish pack of this build");
    install_pack(
        Lang::Fi,
        Part::More,
        include_str!(concat!(env!("OUT_DIR"), "/packs/fi-more-pack.json")),
    )
    .expect("the second Finnish pack of this build");
}

fn clear() {
    if let Ok(Some(s)) = web_sys::window().expect("window").local_storage() {
        let _ = s.clear();
    }
}

#[wasm_bindgen_test]
fn storage_is_available_and_round_trips() {
    clear();
    assert!(storage::available());
    assert_eq!(storage::read("x"), Ok(None));
    storage::write("x", "ä-arvo").expect("write");
    assert_eq!(storage::read("x"), Ok(Some("ä-arvo".to_string())));
    storage::remove("x");
    assert_eq!(storage::read("x"), Ok(None));
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_full_and_nothing_panics() {
    clear();
    // Chromium's localStorage quota is about 5 MB per origin: 6 MB must fail with QuotaExceededError.
    let big = "x".repeat(6 * 1024 * 1024);
    assert_eq!(storage::write("big", &big), Err(storage::StoreError::Full));
    // What was stored before is untouched.
    storage::write("small", "1").expect("small write");
    assert_eq!(storage::read("small"), Ok(Some("1".into())));
    clear();
}

fn text(selector: &str) -> String {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_app_mounts_in_finnish_and_saves_an_answer_at_once() {
    clear();
    let _ = web_sys::window()
        .expect("w")
        .history()
        .expect("h")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/vaihe/profile"));
    finnish_texts();
    let body = document().body().expect("body");
    let root = document().create_element("div").expect("div");
    body.append_child(&root).expect("append");
    let _handle = leptos::mount::mount_to(root.clone().unchecked_into(), ilmastoaskeleet::App);
    tick().await;
    assert_eq!(
        document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .as_deref(),
        Some("fi")
    );
    assert!(!text("main h1").is_empty(), "the step has a heading");
    let solo: web_sys::HtmlInputElement = document()
        .get_element_by_id("q-profile-size-solo")
        .expect("solo option")
        .unchecked_into();
    solo.click();
    tick().await;
    let saved = storage::read(storage::KEY)
        .expect("readable")
        .expect("saved at once");
    match decode_stored(Some(&saved)) {
        Loaded::Ok(ws) => assert_eq!(
            ws.active().answers.get("profile.size"),
            Some(&ilmastoaskeleet::model::Answer::Choice("solo".into()))
        ),
        other => panic!("unexpected {other:?}"),
    }
    // A round trip of what was saved gives the same envelope data.
    if let Loaded::Ok(ws) = decode_stored(Some(&saved)) {
        assert_eq!(
            decode_stored(Some(&encode_workspace(&ws, "t"))),
            Loaded::Ok(ws)
        );
    }
    root.remove();
    clear();
}

use wasm_bindgen::JsCast;
