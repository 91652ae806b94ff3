//! The municipality's own services: the strict validator and its published schema.
use ilmastoaskeleet::local_services::{
    parse, validate, Problem, FIELDS, LANGS, MAX_LINK, MAX_SERVICES, MAX_TEXT, TEXT_FIELDS,
};
use serde_json::{json, Value};

fn good() -> Value {
    json!({
        "name": {"fi": "Yritysneuvonta", "sv": "Företagsrådgivning"},
        "offer": {"fi": "Maksuton energianeuvonta yrityksille"},
        "for": {"fi": "Kunnan pienet yritykset"},
        "contact": {"fi": "yritys@kunta.example, 040 000 0000"},
        "link": "https://www.kunta.example/yritykset",
        "checked": "2026-11-30"
    })
}

fn problems(v: Value) -> Vec<(String, Problem)> {
    validate(&v)
        .expect_err("refused")
        .into_iter()
        .map(|i| (i.path, i.problem))
        .collect()
}

#[test]
fn a_valid_list_is_taken_with_fallback_to_finnish() {
    let list = validate(&json!([good()])).expect("valid");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].name.get("sv"), "Företagsrådgivning");
    assert_eq!(list[0].name.get("en"), "Yritysneuvonta");
    assert_eq!(list[0].link, "https://www.kunta.example/yritykset");
}

#[test]
fn hostile_and_malformed_services_are_refused_field_by_field() {
    let mut js = good();
    js["link"] = json!("javascript:alert(1)");
    assert_eq!(
        problems(json!([js])),
        vec![("0.link".into(), Problem::NotHttps)]
    );
    for bad in [
        "http://kunta.example",
        "https://",
        "https://a b",
        "https://user@evil.example",
        "data:text/html,x",
    ] {
        let mut s = good();
        s["link"] = json!(bad);
        assert!(validate(&json!([s])).is_err(), "{bad}");
    }
    let mut wrong = good();
    wrong["name"] = json!(42);
    wrong["checked"] = json!("30.11.2026");
    wrong["offer"] = json!({"fi": "x".repeat(MAX_TEXT + 1)});
    wrong["for"] = json!({"de": "Firmen"});
    wrong["extra"] = json!("<script>alert(1)</script>");
    let p = problems(json!([wrong]));
    for want in [
        ("0.name", Problem::WrongType),
        ("0.checked", Problem::BadDate),
        ("0.offer.fi", Problem::TooLong),
        ("0.for.de", Problem::UnknownLanguage),
        ("0.for.fi", Problem::Missing),
        ("0.extra", Problem::UnknownField),
    ] {
        assert!(
            p.contains(&(want.0.to_string(), want.1)),
            "{want:?} in {p:?}"
        );
    }
    let mut missing = good();
    missing.as_object_mut().expect("object").remove("contact");
    assert_eq!(
        problems(json!([missing])),
        vec![("0.contact".into(), Problem::Missing)]
    );
    // Too many, not a list, not JSON, too large.
    let many: Vec<Value> = (0..10_000).map(|_| good()).collect();
    assert_eq!(
        problems(json!(many)),
        vec![(String::new(), Problem::TooMany)]
    );
    assert_eq!(
        problems(json!({"services": []})),
        vec![(String::new(), Problem::NotAList)]
    );
    assert!(parse("[{").is_err());
    assert!(parse(&format!("[{}]", " ".repeat(200_000))).is_err());
    // A script string is only text: it is taken as such, never as markup.
    let mut script = good();
    script["name"] = json!({"fi": "<script>alert(1)</script>"});
    assert_eq!(
        validate(&json!([script])).expect("text")[0].name.fi,
        "<script>alert(1)</script>"
    );
}

#[test]
fn the_published_schema_matches_the_validator() {
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/local-services.schema.json"
    ))
    .expect("schema file");
    let s: Value = serde_json::from_str(&raw).expect("schema is JSON");
    assert_eq!(s["type"], "array");
    assert_eq!(s["maxItems"], json!(MAX_SERVICES));
    let item = &s["items"];
    assert_eq!(item["additionalProperties"], json!(false));
    let required: Vec<&str> = item["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(required, FIELDS.to_vec());
    let props: Vec<&String> = item["properties"]
        .as_object()
        .expect("props")
        .keys()
        .collect();
    assert_eq!(props.len(), FIELDS.len());
    for f in TEXT_FIELDS {
        assert_eq!(item["properties"][f]["$ref"], "#/$defs/texts", "{f}");
    }
    assert_eq!(item["properties"]["link"]["maxLength"], json!(MAX_LINK));
    assert_eq!(item["properties"]["link"]["pattern"], "^https://");
    let texts = &s["$defs"]["texts"];
    assert_eq!(texts["required"], json!(["fi"]));
    assert_eq!(texts["additionalProperties"], json!(false));
    let langs: Vec<&String> = texts["properties"]
        .as_object()
        .expect("langs")
        .keys()
        .collect();
    assert_eq!(langs.len(), LANGS.len());
    for l in LANGS {
        assert_eq!(texts["properties"][l]["maxLength"], json!(MAX_TEXT), "{l}");
    }
}
