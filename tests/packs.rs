//! The two text packs of each language (see `build.rs` and `i18n::Part`): the first holds what the
//! app shows before the second has arrived (the shell, the landing page, the steps), the second
//! the rest. Every text is in exactly one of them, and the views shown without waiting for the
//! second pack read texts of the first only.
use ilmastoaskeleet::content::content;
use ilmastoaskeleet::i18n::{text, Lang, Part, FIRST_COUNT, TEXT_COUNT};
use std::fs;

fn pack(name: &str) -> Vec<String> {
    let dir = concat!(env!("OUT_DIR"), "/packs/");
    let json = fs::read_to_string(format!("{dir}{name}")).expect("pack written by build.rs");
    serde_json::from_str(&json).expect("a JSON array of strings")
}

#[test]
fn every_text_is_in_exactly_one_pack() {
    for lang in Lang::ALL {
        let first = pack(&format!("{}-pack.json", lang.code()));
        let more = pack(&format!("{}-more-pack.json", lang.code()));
        assert_eq!(first.len(), Part::First.count());
        assert_eq!(more.len(), Part::More.count());
        assert_eq!(first.len() + more.len(), TEXT_COUNT);
        assert!(
            !first.is_empty() && !more.is_empty(),
            "two packs, neither empty"
        );
        for i in 0..TEXT_COUNT {
            let (expected, part) = if i < FIRST_COUNT {
                (&first[i], Part::First)
            } else {
                (&more[i - FIRST_COUNT], Part::More)
            };
            assert_eq!(Part::of(i), part);
            assert!(part.range().contains(&i));
            assert_eq!(text(lang, i), expected.as_str(), "text {i} in {lang:?}");
        }
    }
}

#[test]
fn the_step_texts_are_in_the_first_pack() {
    let mut n = 0;
    for step in content().steps {
        let mut texts = vec![step.title, step.intro];
        for q in step.questions {
            texts.push(q.text);
            texts.extend(q.help);
            texts.extend(q.options.iter().map(|o| o.label));
        }
        for t in texts {
            n += 1;
            assert_eq!(Part::of(t.0), Part::First, "step {}: text {}", step.id, t.0);
        }
    }
    assert!(n > 100, "only {n} step texts");
    // The rest of the content waits for the second pack.
    for a in content().actions {
        assert_eq!(Part::of(a.title.0), Part::More, "action {}", a.id);
    }
    for s in content().supports {
        assert_eq!(Part::of(s.name.0), Part::More, "support {}", s.id);
    }
}

/// The views the app shows without waiting for the second pack. They may read the catalogue
/// (`Msg`, all in the first pack) and the steps, nothing else of the content.
const FIRST_PACK_VIEWS: &[&str] = &[
    "src/ui/pages/landing.rs",
    "src/ui/pages/step.rs",
    "src/ui/pages/not_found.rs",
    "src/ui/components/question.rs",
    "src/ui/components/question/choice.rs",
    "src/ui/components/question/municipality.rs",
    "src/ui/components/question/number.rs",
    "src/ui/components/question/text.rs",
    "src/ui/shell/chrome.rs",
    "src/ui/shell/notices.rs",
];

#[test]
fn the_views_shown_before_the_second_pack_read_the_first_only() {
    let forbidden = [
        ".actions",
        ".supports",
        ".factors",
        ".defaults",
        ".vocabulary",
        ".geo.note",
        "geo.note",
        "action_card",
        "support_card",
        "reason_text",
        "match_reason_text",
        "item_title",
        "action_meta",
        "fp_category_label",
        "answer_text",
        "problem_text",
    ];
    for file in FIRST_PACK_VIEWS {
        let src = fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        for f in forbidden {
            assert!(
                !src.contains(f),
                "{file} uses `{f}`: second-pack texts before they are in"
            );
        }
    }
}

#[test]
fn the_route_switch_waits_for_the_second_pack_on_every_other_page() {
    let src = fs::read_to_string("src/ui/shell/app.rs").expect("app.rs");
    let first_pack_routes = ["Landing", "Accessibility", "NotFound", "Step(id)"];
    let mut seen = 0;
    for line in src.lines().map(str::trim) {
        let Some(route) = line
            .strip_prefix("Route::")
            .and_then(|r| r.split(" =>").next())
        else {
            continue;
        };
        seen += 1;
        if !first_pack_routes.contains(&route) {
            assert!(
                line.contains("<NeedsMoreTexts>"),
                "Route::{route} is shown before the second pack is in: {line}"
            );
        }
    }
    assert!(seen >= 12, "the route switch was not found ({seen} routes)");
    // The footprint step shows the factors' texts.
    assert!(src.contains("step.id == FOOTPRINT_STEP"));
    assert!(src.contains("<NeedsMoreTexts><StepView step /></NeedsMoreTexts>"));
}
