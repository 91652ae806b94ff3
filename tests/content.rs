//! Validates the content files: ids, references, languages, reachability, sources.
use ilmastoaskeleet::content::{content, Kind, Status, Text, PROFILE};
use ilmastoaskeleet::footprint::conversions;
use ilmastoaskeleet::i18n::Lang;
use ilmastoaskeleet::persist::valid_date;
use std::collections::{BTreeSet, HashSet};

fn texts_ok(what: &str, t: &Text) {
    for lang in Lang::ALL {
        let s = t.get(lang);
        assert!(!s.trim().is_empty(), "{what}: empty {} text", lang.code());
    }
}

fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for id in ids {
        assert!(seen.insert(id), "{what}: duplicate id `{id}`");
    }
}

fn facts() -> BTreeSet<&'static str> {
    content().vocabulary.facts.iter().map(|f| f.id).collect()
}
fn needs() -> BTreeSet<&'static str> {
    content().vocabulary.needs.iter().map(|f| f.id).collect()
}

/// Facts and needs that some answer option (or ypn answer) can emit.
fn emitted() -> BTreeSet<&'static str> {
    let mut out = BTreeSet::new();
    for q in content().steps.iter().flat_map(|s| s.questions) {
        for o in q.options {
            out.extend(o.facts.iter().chain(o.needs).copied());
        }
        for e in [&q.on_yes, &q.on_partly, &q.on_no, &q.on_dontknow]
            .into_iter()
            .flatten()
        {
            out.extend(e.facts.iter().chain(e.needs).copied());
        }
    }
    out
}

fn is_https_url(u: &str) -> bool {
    let Some(rest) = u.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.contains('.')
        && !host.starts_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && !u.contains(' ')
}

#[test]
fn content_is_compiled_in_whole() {
    // build.rs checks every field against the types; here: nothing was lost on the way.
    let c = content();
    assert_eq!(c.steps.len(), 10, "the profile and the nine steps");
    assert_eq!(c.steps[0].id, PROFILE);
    assert!(c.steps.iter().all(|s| !s.questions.is_empty()));
    assert_eq!(c.actions.len(), 101);
    assert_eq!(c.supports.len(), 95);
    assert_eq!(c.factors.len(), 35);
    assert_eq!(c.geo.municipalities.len(), 308);
    assert_eq!(c.geo.regions.len(), 19);
}

#[test]
fn vocabulary_is_unique_and_translated() {
    let v = &content().vocabulary;
    unique("category", v.categories.iter().map(|x| x.id));
    unique("need", v.needs.iter().map(|x| x.id));
    unique("fact", v.facts.iter().map(|x| x.id));
    for l in v.categories.iter().chain(v.needs).chain(v.facts) {
        texts_ok(l.id, &l.label);
    }
}

#[test]
fn steps_follow_the_workbook_order() {
    let ids: Vec<&str> = content().steps.iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            PROFILE,
            "why",
            "current",
            "footprint",
            "goals",
            "actions",
            "renewal",
            "monitoring",
            "communication",
            "support"
        ]
    );
    for s in content().workbook_steps() {
        assert!(
            (4..=10).contains(&s.questions.len()),
            "step {} has {} questions",
            s.id,
            s.questions.len()
        );
    }
}

#[test]
fn questions_are_valid_and_translated() {
    let (facts, needs) = (facts(), needs());
    unique(
        "question",
        content()
            .steps
            .iter()
            .flat_map(|s| s.questions)
            .map(|q| q.id),
    );
    let mut kinds = BTreeSet::new();
    for s in content().steps {
        texts_ok(s.id, &s.title);
        texts_ok(s.id, &s.intro);
        for q in s.questions {
            kinds.insert(format!("{:?}", q.kind));
            assert!(
                q.id.starts_with(&format!("{}.", s.id)),
                "{} is not in step {}",
                q.id,
                s.id
            );
            texts_ok(q.id, &q.text);
            if let Some(h) = &q.help {
                texts_ok(q.id, h);
            }
            unique(q.id, q.options.iter().map(|o| o.id));
            match q.kind {
                Kind::Single | Kind::Multi => {
                    assert!(q.options.len() >= 2, "{} needs options", q.id)
                }
                _ => assert!(q.options.is_empty(), "{} has options it cannot use", q.id),
            }
            if q.kind == Kind::Number {
                let unit = q.unit.unwrap_or("");
                assert!(
                    ["kWh", "MWh", "l", "km", "eur", "kg", "t", "pcs", "persons", "pct", "m2"]
                        .contains(&unit),
                    "{}: unit `{unit}`",
                    q.id
                );
            }
            if q.kind == Kind::Municipality {
                assert_eq!(
                    s.id, PROFILE,
                    "the municipality picker belongs to the profile"
                );
            }
            for o in q.options {
                texts_ok(&format!("{}.{}", q.id, o.id), &o.label);
                assert!(o.points <= 2, "{}.{}: points over 2", q.id, o.id);
                for f in o.facts {
                    assert!(facts.contains(f), "{}.{}: unknown fact {f}", q.id, o.id);
                }
                for n in o.needs {
                    assert!(needs.contains(n), "{}.{}: unknown need {n}", q.id, o.id);
                }
            }
            for e in [&q.on_yes, &q.on_partly, &q.on_no, &q.on_dontknow]
                .into_iter()
                .flatten()
            {
                assert!(
                    e.facts.iter().all(|f| facts.contains(f)),
                    "{}: unknown fact",
                    q.id
                );
                assert!(
                    e.needs.iter().all(|n| needs.contains(n)),
                    "{}: unknown need",
                    q.id
                );
            }
            if s.id != PROFILE && matches!(q.kind, Kind::Single | Kind::Multi | Kind::Ypn) {
                assert!(
                    q.max_points() >= 1,
                    "{}: a scored question must be able to earn points",
                    q.id
                );
            }
        }
    }
    assert_eq!(kinds.len(), 6, "all question kinds are used: {kinds:?}");
}

#[test]
fn every_question_is_reachable_by_some_profile() {
    let profile_facts: BTreeSet<&str> = content()
        .step(PROFILE)
        .expect("profile")
        .questions
        .iter()
        .flat_map(|q| q.options.iter().flat_map(|o| o.facts.iter().copied()))
        .collect();
    for q in content().steps.iter().flat_map(|s| s.questions) {
        for t in q.when.iter().chain(q.unless) {
            assert!(
                profile_facts.contains(t),
                "{}: when/unless `{t}` is not a profile fact",
                q.id
            );
        }
        // Some profile without any `unless` fact and with one `when` fact exists, because a
        // when-fact and an unless-fact of the same question must differ.
        assert!(
            q.when.iter().all(|w| !q.unless.contains(w)),
            "{} can never be shown",
            q.id
        );
    }
}

#[test]
fn every_fact_and_need_of_the_vocabulary_can_be_emitted() {
    let emitted = emitted();
    for f in content().vocabulary.facts {
        assert!(
            emitted.contains(&f.id),
            "fact {} is never emitted by any answer",
            f.id
        );
    }
    for n in content().vocabulary.needs {
        assert!(
            emitted.contains(&n.id),
            "need {} is never emitted by any answer",
            n.id
        );
    }
}

#[test]
fn quick_path_is_short_and_full_path_fits_in_forty_minutes() {
    let all: Vec<_> = content().steps.iter().flat_map(|s| s.questions).collect();
    let quick = all.iter().filter(|q| q.quick).count();
    // About 20 seconds a quick question: under 10 minutes means at most 30.
    assert!(quick <= 30, "{quick} quick questions");
    // About 30 seconds a question on the full path: under 40 minutes means at most 80.
    assert!(all.len() <= 80, "{} questions", all.len());
    for s in content().workbook_steps() {
        assert!(
            s.questions.iter().any(|q| q.quick),
            "step {} has no quick question",
            s.id
        );
    }
}

#[test]
fn actions_are_valid_and_each_can_be_suggested() {
    let (facts, needs) = (facts(), needs());
    let emitted = emitted();
    let cats: BTreeSet<&str> = content()
        .vocabulary
        .categories
        .iter()
        .map(|c| c.id)
        .collect();
    assert!(
        content().actions.len() >= 60,
        "{} actions",
        content().actions.len()
    );
    unique("action", content().actions.iter().map(|a| a.id));
    for a in content().actions {
        for t in [&a.title, &a.what, &a.why, &a.impact_note] {
            texts_ok(a.id, t);
        }
        assert!(cats.contains(a.category), "{}: unknown category", a.id);
        assert!(!a.when.is_empty(), "{}: no trigger", a.id);
        for t in a.when {
            assert!(
                facts.contains(t) || needs.contains(t),
                "{}: unknown trigger {t}",
                a.id
            );
        }
        assert!(
            a.when.iter().any(|t| emitted.contains(t)),
            "{}: no answer can trigger it",
            a.id
        );
        for t in a.done_when.iter().chain(a.sectors) {
            assert!(facts.contains(t), "{}: unknown fact {t}", a.id);
        }
        let quotes_figure = [&a.what, &a.why, &a.impact_note].iter().any(|t| {
            let s = t.get(Lang::Fi);
            s.contains('%') || s.contains("kWh")
        });
        if quotes_figure {
            assert!(
                a.source.is_some_and(is_https_url),
                "{}: quotes a figure without a source",
                a.id
            );
        }
        if let Some(s) = &a.source {
            assert!(
                is_https_url(s),
                "{}: source `{s}` is not an https URL",
                a.id
            );
        }
    }
    for c in &cats {
        assert!(
            content().actions.iter().any(|a| a.category == *c),
            "no action in category {c}"
        );
    }
}

#[test]
fn supports_are_sourced_dated_and_translated() {
    let (facts, needs) = (facts(), needs());
    assert!(content().supports.len() >= 45);
    unique("support", content().supports.iter().map(|s| s.id));
    for s in content().supports {
        texts_ok(s.id, &s.name);
        texts_ok(s.id, &s.description);
        assert!(!s.organiser.trim().is_empty(), "{}: no organiser", s.id);
        assert!(!s.urls.is_empty(), "{}: no source URL", s.id);
        for u in s.urls {
            assert!(is_https_url(u), "{}: `{u}` is not a valid https URL", s.id);
        }
        assert!(
            valid_date(s.reviewed_at, false),
            "{}: checked `{}`",
            s.id,
            s.reviewed_at
        );
        let ev = &s.last_evidence;
        assert!(
            ev.len() == 4 && ev.parse::<u16>().is_ok()
                || valid_date(ev, true)
                || valid_date(ev, false),
            "{}: last_evidence `{ev}`",
            s.id
        );
        assert!(
            s.national || !s.municipalities.is_empty() || !s.regions.is_empty(),
            "{}: no area",
            s.id
        );
        for m in s.municipalities {
            assert!(
                content().municipality(m).is_some(),
                "{}: unknown municipality {m}",
                s.id
            );
        }
        for r in s.regions {
            assert!(
                content().region(r).is_some(),
                "{}: unknown region {r}",
                s.id
            );
        }
        for n in s.needs {
            assert!(needs.contains(n), "{}: unknown need {n}", s.id);
        }
        for f in s.sizes.iter().chain(s.sectors) {
            assert!(facts.contains(f), "{}: unknown fact {f}", s.id);
        }
    }
    assert!(
        content().supports.iter().any(|s| s.status == Status::Ended),
        "ended entries are kept for the record"
    );
}

#[test]
fn factors_are_sourced_and_usable() {
    unique("factor", content().factors.iter().map(|f| f.id));
    for f in content().factors {
        texts_ok(f.id, &f.label);
        texts_ok(f.id, &f.where_to_find);
        assert!((1..=3).contains(&f.scope), "{}: scope", f.id);
        assert!(
            f.kg_per_unit >= 0.0 && f.kg_per_unit.is_finite(),
            "{}: factor",
            f.id
        );
        assert!(
            !conversions(f.unit).is_empty(),
            "{}: unit {} cannot be entered",
            f.id,
            f.unit
        );
        assert!(is_https_url(f.url), "{}: url", f.id);
        assert!(valid_date(f.checked, false), "{}: checked", f.id);
        assert!((1990..=2030).contains(&f.year), "{}: year", f.id);
        assert!(!f.source.trim().is_empty(), "{}: source", f.id);
    }
}

#[test]
fn municipalities_are_the_308_of_2025() {
    let g = &content().geo;
    assert_eq!(g.municipalities.len(), 308);
    assert_eq!(g.regions.len(), 19);
    unique("municipality", g.municipalities.iter().map(|m| m.code));
    for m in g.municipalities {
        assert!(
            m.code.len() == 3 && m.code.bytes().all(|b| b.is_ascii_digit()),
            "{}",
            m.code
        );
        assert!(
            content().region(m.region).is_some(),
            "{}: region {}",
            m.fi,
            m.region
        );
    }
    assert!(valid_date(g.checked, false));
    assert!(!g.source.is_empty() && g.source_urls.iter().all(|u| is_https_url(u)));
    let c = content();
    assert_eq!(c.find_municipality("091").map(|m| m.fi), Some("Helsinki"));
    assert_eq!(
        c.find_municipality("helsingfors").map(|m| m.code),
        Some("091")
    );
    assert_eq!(c.find_municipality("KERAVA").map(|m| m.code), Some("245"));
    assert_eq!(c.find_municipality("Ingå").map(|m| m.code), Some("149"));
    assert!(c.find_municipality("91").is_none());
    assert!(c.find_municipality("Atlantis").is_none());
    assert_eq!(
        c.search_municipalities("kera").first().map(|m| m.code),
        Some("245")
    );
}

#[test]
fn every_factor_category_is_in_the_calculator_and_has_words() {
    let categories = content().factor_categories();
    // The calculator shows one group per category: every factor is in one of them.
    for factor in content().factors {
        assert!(categories.contains(&factor.category), "{}", factor.id);
    }
    // A new category in factors.toml needs its words (Msg::Fp…) in `labels::fp_category_label`;
    // without them the group would be titled with the bare id.
    for category in categories {
        for lang in Lang::ALL {
            let label = ilmastoaskeleet::labels::fp_category_label(lang, category);
            assert_ne!(label, category, "{category} has no words in {lang:?}");
            assert!(!label.is_empty(), "{category} in {lang:?}");
        }
    }
}

#[test]
fn factor_sources_name_their_publisher_year_and_check() {
    use ilmastoaskeleet::content::{Basis, Verification};
    for f in content().factors {
        let domain = f
            .url
            .trim_start_matches("https://")
            .split('/')
            .next()
            .unwrap_or("");
        let expected: &[&str] = match f.basis {
            Basis::Statfi => &["stat.fi"],
            Basis::Energiavirasto => &["energiavirasto.fi"],
            Basis::Ghgp => &["ghgprotocol.org"],
            Basis::Motiva => &["motiva.fi"],
            Basis::Lipasto => &["lipasto.vtt.fi", "liikennefakta.fi"],
            Basis::Desnz => &["gov.uk"],
            Basis::Useeio => &["data.gov"],
            Basis::Derived => &["stat.fi", "lipasto.vtt.fi"],
        };
        assert!(
            expected.iter().any(|d| domain.ends_with(d)),
            "{}: the url {} is not the publisher's ({:?})",
            f.id,
            f.url,
            f.basis
        );
        let src = f.source.to_lowercase();
        match f.verification {
            Verification::Unverified => assert!(
                src.contains("could not verify") || src.contains("general knowledge"),
                "{}: an unverified factor must say so in its source",
                f.id
            ),
            Verification::Copy => assert!(
                src.contains("check"),
                "{}: a value read from a copy must say it is to be checked",
                f.id
            ),
            Verification::Publisher => assert!(
                !src.contains("general knowledge"),
                "{}: seen on the publisher's page, yet called general knowledge",
                f.id
            ),
        }
        if f.basis == Basis::Desnz {
            let year = f.year.to_string();
            assert!(
                f.source
                    .contains(&format!("DESNZ conversion factors {year}"))
                    && f.url.ends_with(&format!("conversion-factors-{year}")),
                "{}: the DESNZ set named in the source and url must be the factor's year {year}",
                f.id
            );
        }
        if f.basis == Basis::Derived {
            assert!(
                f.source.starts_with("Derived:"),
                "{}: say what it is derived from",
                f.id
            );
        }
    }
}

#[test]
fn business_travel_and_commuting_have_distinct_names() {
    let f = |id: &str| {
        content()
            .factors
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    for l in Lang::ALL {
        assert_ne!(
            f("travel.car").label.get(l),
            f("commuting.car").label.get(l),
            "{l:?}"
        );
    }
    for x in content().factors {
        let fi = x.label.get(Lang::Fi).to_lowercase();
        let sv = x.label.get(Lang::Sv).to_lowercase();
        match x.category {
            // Business travel: never the commuting words.
            "travel" => {
                assert!(!fi.contains("työmatk"), "{}: {fi}", x.id);
                assert!(!sv.contains("pendl"), "{}: {sv}", x.id);
            }
            // Commuting: never the business-trip words.
            "commuting" => {
                assert!(
                    !fi.contains("työasiamatk") && !fi.contains("liikematk"),
                    "{}: {fi}",
                    x.id
                );
                assert!(!sv.contains("tjänsteres"), "{}: {sv}", x.id);
            }
            _ => {}
        }
    }
}
