//! The support catalogue: true (sourced, dated, the 2026 reform), actionable (links by kind,
//! how to get started) and eligible-only (matching never recommends what a company cannot get).
use ilmastoaskeleet::content::{build_date, content, months_before, LinkKind, Status, Support};
use ilmastoaskeleet::i18n::Lang;
use ilmastoaskeleet::matching::{fit, local_contacts, recommend, recommend_on, Fit, MatchReason};
use ilmastoaskeleet::model::*;
use std::collections::{BTreeMap, HashSet};

fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    d.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && d.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&d[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&d[8..10].parse::<u8>().unwrap_or(0))
}

fn https(u: &str) -> bool {
    u.strip_prefix("https://")
        .and_then(|r| r.split(['/', '?', '#']).next())
        .is_some_and(|h| h.contains('.') && !u.contains(' '))
}

fn texts(s: &Support) -> Vec<String> {
    let mut out = Vec::new();
    for l in Lang::ALL {
        out.push(s.name.get(l).to_string());
        out.push(s.description.get(l).to_string());
        out.push(s.organiser_name(l).to_string());
        if let Some(h) = s.how {
            out.push(h.get(l).to_string());
        }
        if let Some(n) = s.eligibility.as_ref().and_then(|e| e.note) {
            out.push(n.get(l).to_string());
        }
    }
    out
}

fn sup(id: &str) -> &'static Support {
    content()
        .supports
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no support {id}"))
}

#[test]
fn every_support_is_dated_sourced_and_linked_by_kind() {
    let today = build_date();
    assert!(valid_date(today), "build date {today}");
    for s in content().supports {
        assert!(valid_date(s.reviewed_at), "{}: reviewed_at", s.id);
        assert!(s.reviewed_at <= today, "{}: reviewed in the future", s.id);
        // verified_at and source go together: where and when the facts were seen.
        assert_eq!(
            s.verified_at.is_some(),
            s.source.is_some_and(|x| !x.trim().is_empty()),
            "{}: verified_at needs a source and vice versa",
            s.id
        );
        if let Some(v) = s.verified_at {
            assert!(valid_date(v) && v <= today, "{}: verified_at {v}", s.id);
        }
        assert!(
            !s.urls.is_empty() && s.urls.iter().all(|u| https(u)),
            "{}: sources",
            s.id
        );
        if let Some(t) = s.organiser_text {
            for l in Lang::ALL {
                assert!(!t.get(l).trim().is_empty(), "{}: organiser", s.id);
            }
            assert_eq!(t.get(Lang::Fi), s.organiser, "{}: organiser fi", s.id);
        }
        if let Some(e) = &s.eligibility {
            for m in e.not_municipalities.iter().chain(e.area_uncertain) {
                assert!(content().municipality(m).is_some(), "{}: {m}", s.id);
            }
            for r in e.not_regions {
                assert!(content().region(r).is_some(), "{}: {r}", s.id);
            }
            for m in e.area_uncertain {
                assert!(
                    s.municipalities.contains(m),
                    "{}: {m} not in its area",
                    s.id
                );
            }
            if let Some(d) = e.ends {
                assert!(valid_date(d), "{}: ends {d}", s.id);
            }
            if !e.requires_any.is_empty()
                || e.min_project_eur.is_some()
                || e.min_energy_mwh.is_some()
            {
                assert!(
                    e.note.is_some(),
                    "{}: a condition needs a note in words",
                    s.id
                );
            }
        }
        if s.status == Status::Ended {
            continue;
        }
        assert!(!s.links.is_empty(), "{}: no link for the user", s.id);
        assert!(
            s.how.is_some(),
            "{}: says nothing about how to get started",
            s.id
        );
        let mut kinds = HashSet::new();
        let mut urls = HashSet::new();
        for k in s.links {
            assert!(kinds.insert(k.kind), "{}: two links of one kind", s.id);
            for u in [Some(k.url), k.url_sv, k.url_en].into_iter().flatten() {
                assert!(https(u), "{}: link {u}", s.id);
                assert!(
                    !u.contains("sttinfo.fi"),
                    "{}: a press release is no link",
                    s.id
                );
            }
            assert!(urls.insert(k.url), "{}: the same link twice", s.id);
        }
        assert!(
            !s.links.iter().any(|k| k.url.contains("ely-keskus.fi")),
            "{}: the ELY centres ended on 31.12.2025",
            s.id
        );
    }
}

#[test]
fn no_support_names_a_body_that_ended_in_2025() {
    // ELY centres, NTM-centraler and the regional state administrative agencies ceased on
    // 31.12.2025; only an ended entry (kept for the record) may mention them.
    let gone = [
        "ELY-keskus",
        "ELY-keskuks",
        "ELY Centre",
        "NTM-central",
        "aluehallintovirasto",
        "Regionförvaltningsverk",
    ];
    for s in content()
        .supports
        .iter()
        .filter(|s| s.status != Status::Ended)
    {
        for t in texts(s) {
            for g in gone {
                assert!(!t.contains(g), "{}: mentions {g}: {t}", s.id);
            }
        }
    }
    // The ten elinvoimakeskukset, one for every mainland region and none for Åland.
    let centres: Vec<_> = content()
        .supports
        .iter()
        .filter(|s| s.id.starts_with("elinvoimakeskus-development-aid-"))
        .collect();
    assert_eq!(centres.len(), 10);
    for r in content().geo.regions {
        let n = centres
            .iter()
            .filter(|s| s.regions.contains(&r.code))
            .count();
        assert_eq!(n, usize::from(r.code != "21"), "region {}", r.fi);
    }
    for (centre, regions) in [
        ("lounais-suomi", &["02", "04"][..]),
        ("kaakkois-suomi", &["07", "08", "09"]),
        ("sisa-suomi", &["05", "06"]),
        ("pohjanmaa", &["15", "16"]),
    ] {
        let s = sup(&format!("elinvoimakeskus-development-aid-{centre}"));
        assert_eq!(s.regions, regions, "{centre}");
    }
}

fn answers(list: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn choice(s: &str) -> Answer {
    Answer::Choice(s.into())
}

fn multi(v: &[&str]) -> Answer {
    Answer::Multi(v.iter().map(|s| s.to_string()).collect())
}

fn persona(muni: &str, sector: &str, size: &str, extra: &[(&str, Answer)]) -> Profile {
    let mut a = answers(&[
        ("profile.municipality", Answer::Municipality(muni.into())),
        ("profile.sector", choice(sector)),
        ("profile.size", choice(size)),
    ]);
    for (k, v) in extra {
        a.insert(k.to_string(), v.clone());
    }
    profile(content(), &a)
}

fn ids(p: &Profile) -> Vec<&'static str> {
    recommend(content(), p)
        .into_iter()
        .map(|r| r.support.id)
        .collect()
}

/// A micro café in rented premises in Kerava (245) that wants energy advice and funding.
fn cafe() -> Profile {
    persona(
        "245",
        "i",
        "micro",
        &[
            ("profile.flags", multi(&["food"])),
            ("profile.premises", choice("rented")),
            (
                "support.interest",
                multi(&["energy", "funding", "visibility"]),
            ),
        ],
    )
}

#[test]
fn a_micro_cafe_in_rented_premises_in_kerava_gets_only_what_it_can_get() {
    let p = cafe();
    let all = ids(&p);
    for no in [
        "business-finland-energy-aid", // minimum project, new technology, own premises
        "energy-audit-aid",            // energy-use threshold
        "energy-efficiency-agreements", // large and mid-size energy users
        "leader-business-aid",         // Kerava is wholly outside Leader
        "wwf-green-office",            // offices only
        "novago-business-advice",      // ended
    ] {
        assert!(!all.contains(&no), "{no} recommended to the café: {all:?}");
    }
    for r in recommend(content(), &p) {
        assert_ne!(r.status, Status::Ended, "{}", r.support.id);
        assert_ne!(fit(r.support, &p), Fit::Ineligible, "{}", r.support.id);
    }
    // It still gets a person to talk to, and funding it can apply for.
    assert!(all.contains(&"business-advice-region-01"), "{all:?}");
    assert!(
        all.contains(&"elinvoimakeskus-development-aid-uusimaa"),
        "{all:?}"
    );
    // Reasons are specific: sector and size are named only where the support is limited to them.
    for r in recommend(content(), &p) {
        for reason in &r.reasons {
            match reason {
                MatchReason::Sector(_) => assert!(!r.support.sectors.is_empty()),
                MatchReason::Size(_) => assert!((1..4).contains(&r.support.sizes.len())),
                MatchReason::CheckEligibility => assert!(
                    r.support
                        .eligibility
                        .as_ref()
                        .is_some_and(|e| e.note.is_some())
                        || !r.support.sizes.is_empty(),
                    "{}: uncertain without saying why",
                    r.support.id
                ),
                _ => {}
            }
        }
    }
    let sector_reasons = recommend(content(), &p)
        .iter()
        .filter(|r| {
            r.reasons
                .iter()
                .any(|x| matches!(x, MatchReason::Sector(_)))
        })
        .count();
    assert!(
        sector_reasons <= 3,
        "the sector is not a reason on every card"
    );
}

#[test]
fn the_same_cafe_with_own_premises_sees_energy_aid_with_its_conditions() {
    let p = persona(
        "245",
        "i",
        "micro",
        &[
            ("profile.premises", choice("own")),
            ("support.interest", multi(&["energy", "funding"])),
        ],
    );
    let recs = recommend(content(), &p);
    let bf = recs
        .iter()
        .find(|r| r.support.id == "business-finland-energy-aid")
        .expect("with own premises it may qualify");
    assert!(bf.reasons.contains(&MatchReason::CheckEligibility));
    // Not answered at all: uncertain, shown with the condition, not silently dropped.
    let p = persona("245", "i", "micro", &[]);
    assert_eq!(fit(sup("energy-audit-aid"), &p), Fit::Uncertain);
}

#[test]
fn builder_in_inkoo_farm_in_kalajoki_and_shop_in_mariehamn() {
    // Builder (Inkoo 149, Uusimaa): Novago has ended; the regional business advice and the
    // Uusimaa centre remain; Leader is possible (rural) but uncertain.
    let p = persona("149", "f", "micro", &[("profile.premises", choice("own"))]);
    let recs = recommend(content(), &p);
    let all: Vec<_> = recs.iter().map(|r| r.support.id).collect();
    assert!(!all.contains(&"novago-business-advice"));
    assert!(all.contains(&"business-advice-region-01"));
    assert!(all.contains(&"elinvoimakeskus-development-aid-uusimaa"));
    let leader = recs
        .iter()
        .find(|r| r.support.id == "leader-business-aid")
        .expect("leader");
    assert!(leader.reasons.contains(&MatchReason::CheckEligibility));

    // Farm (Kalajoki 208): farm advice, no funding that excludes primary production.
    let p = persona("208", "a", "solo", &[("profile.flags", multi(&["farm"]))]);
    let all = ids(&p);
    assert!(all.contains(&"neuvo-farm-advice"), "{all:?}");
    assert!(all.contains(&"leader-business-aid"), "{all:?}");
    assert!(!all
        .iter()
        .any(|id| id.starts_with("elinvoimakeskus-development-aid")));
    assert!(!all.contains(&"business-finland-energy-aid"));
    assert!(!all.contains(&"energy-audit-aid"));

    // Shop in Mariehamn (478, Åland): Åland's own bodies, never a mainland-only service.
    let p = persona("478", "g", "micro", &[]);
    let recs = recommend(content(), &p);
    assert!(recs.iter().any(|r| r.support.id == "aland-business-advice"));
    for r in &recs {
        let s = r.support;
        assert!(
            s.regions.contains(&"21") || s.municipalities.contains(&"478") || s.aland,
            "{} is a mainland service",
            s.id
        );
        assert!(!s.id.starts_with("elinvoimakeskus-") && s.id != "leader-business-aid");
    }
}

#[test]
fn every_municipality_sector_and_size_has_a_local_human_contact_with_a_source() {
    let sectors: Vec<&str> = content()
        .question("profile.sector")
        .expect("q")
        .options
        .iter()
        .map(|o| o.id)
        .collect();
    for m in content().geo.municipalities {
        for s in &sectors {
            for size in ["solo", "micro", "small", "medium"] {
                let p = persona(m.code, s, size, &[]);
                let local = local_contacts(content(), &p);
                assert!(
                    local.iter().any(|r| !r.support.urls.is_empty()
                        && r.support.links.iter().any(|k| k.kind == LinkKind::Contact)),
                    "{} ({}) {s} {size}: no local business-advice contact",
                    m.fi,
                    m.code
                );
            }
        }
    }
}

#[test]
fn time_passing_moves_entries_to_be_checked_and_ends_periods() {
    assert_eq!(months_before("2026-12-02", 12), "2025-12-02");
    assert_eq!(months_before("2026-01-15", 1), "2025-12-15");
    let s = sup("leader-business-aid");
    let v = s.verified_at.expect("verified this round");
    assert_eq!(s.status_on(v), Status::Active);
    assert_eq!(
        s.status_on("2028-01-01"),
        Status::Ended,
        "the CAP period ends 2027"
    );
    let e = sup("elinvoimakeskus-development-aid-uusimaa");
    let v = e.verified_at.expect("verified");
    let year: u16 = v[..4].parse().expect("year");
    let in_a_year = format!("{}{}", year + 1, &v[4..]);
    assert_eq!(e.status_on(v), Status::Active);
    assert_eq!(
        e.status_on(&in_a_year),
        Status::Active,
        "12 months is still fresh"
    );
    // Later than 12 months after it was verified: "to be checked", nothing fails.
    assert_eq!(
        e.status_on(&format!("{}-12-31", year + 1)),
        Status::Unverified
    );
    // Entries never verified are "to be checked" even if the research calls them active.
    for s in content()
        .supports
        .iter()
        .filter(|s| s.verified_at.is_none())
    {
        assert_ne!(s.status_on(build_date()), Status::Active, "{}", s.id);
    }
    // After 2027 the Business Finland energy aid budget period is over: never recommended.
    let p = persona("405", "c", "small", &[("profile.premises", choice("own"))]);
    let on = |d: &str| {
        recommend_on(content(), &p, d)
            .iter()
            .any(|r| r.support.id == "business-finland-energy-aid")
    };
    assert!(!on("2028-01-01"));
}

#[test]
fn the_other_personas_get_eligible_entries_only() {
    // Design studio in Helsinki (091): a city wholly outside Leader; offices get Green Office.
    let p = persona(
        "091",
        "m",
        "micro",
        &[("profile.flags", multi(&["creative", "office"]))],
    );
    let all = ids(&p);
    assert!(!all.contains(&"leader-business-aid"), "{all:?}");
    assert!(all.contains(&"wwf-green-office"));
    assert!(all.contains(&"elinvoimakeskus-development-aid-uusimaa"));
    // Machine shop in Lappeenranta (405) with its own hall: energy aid is possible, with its
    // conditions on the card; the region's own centre is Kaakkois-Suomi.
    let p = persona(
        "405",
        "c",
        "small",
        &[
            ("profile.premises", choice("own")),
            ("support.interest", multi(&["energy", "funding"])),
        ],
    );
    let recs = recommend(content(), &p);
    let bf = recs
        .iter()
        .find(|r| r.support.id == "business-finland-energy-aid")
        .expect("energy aid");
    assert!(bf.reasons.contains(&MatchReason::CheckEligibility));
    assert!(recs
        .iter()
        .any(|r| r.support.id == "elinvoimakeskus-development-aid-kaakkois-suomi"));
    assert!(!recs.iter().any(|r| r.support.id == "ilmastorahasto"));
    // Consultant working from home in Sastamala (790): no building-energy funding.
    let p = persona("790", "m", "solo", &[("profile.premises", choice("home"))]);
    let all = ids(&p);
    assert!(!all.contains(&"business-finland-energy-aid"));
    assert!(!all.contains(&"energy-audit-aid"));
    assert!(all.contains(&"south-pirkanmaa-climate-network"));
    assert!(all.contains(&"business-advice-region-06"));
}
