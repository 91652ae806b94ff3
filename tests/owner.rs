//! "The answer a busy owner acts on" (issue #14): a rough footprint from the quick path alone,
//! refined source by source by the bills; actions that fit the company's facts; the three next
//! actions with their first step. Pinned on the personas of docs/personas.md and new cases.
use ilmastoaskeleet::content::{content, Action};
use ilmastoaskeleet::footprint::{
    estimate, fmt_t, honest, overlapping, round_sig2, set_entry, SAME_VEHICLES,
};
use ilmastoaskeleet::i18n::Lang;
use ilmastoaskeleet::model::*;
use ilmastoaskeleet::ranking::{
    action_category_for_source, next_actions, rank, suggestions_for, Reason, Suggestion,
};
use ilmastoaskeleet::rough::{estimate_for, source_of, typical, Rough, SOURCES};
use std::collections::BTreeMap;

const YEAR: &str = "2026";

fn choice(s: &str) -> Answer {
    Answer::Choice(s.into())
}
fn multi(v: &[&str]) -> Answer {
    Answer::Multi(v.iter().map(|s| s.to_string()).collect())
}
fn company(list: &[(&str, Answer)]) -> Company {
    Company {
        id: "c1".into(),
        answers: list
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
        ..Company::default()
    }
}
fn entry(amount: f64, unit: &str) -> FootprintEntry {
    FootprintEntry {
        amount,
        unit: unit.into(),
    }
}

// ------------------------------------------------------------------ the cases (quick path only)

fn cafe_kerava() -> Company {
    company(&[
        ("profile.sector", choice("i")),
        ("profile.flags", multi(&["food"])),
        ("profile.size", choice("micro")),
        ("profile.municipality", Answer::Municipality("245".into())),
        ("profile.premises", choice("rented")),
        ("profile.vehicles", multi(&["none"])),
        ("profile.customers", multi(&["consumers"])),
        ("why.customers-ask", choice("yes-hard")),
        ("current.heating", choice("district")),
        ("current.electricity", choice("in-rent")),
        ("current.waste", choice("some")),
        ("footprint.calculated", Answer::Ypn(Ypn::No)),
        // A café that also sells packaged goods and sees a handprint: the "low-carbon version of
        // your product" action is applicable, but must not outrank food waste and the landlord.
        ("renewal.offering", multi(&["food", "physical"])),
        ("renewal.handprint", Answer::Ypn(Ypn::Yes)),
        ("support.interest", multi(&["visibility", "peers"])),
    ])
}

fn farm_kalajoki() -> Company {
    company(&[
        ("profile.sector", choice("a")),
        ("profile.flags", multi(&["farm"])),
        ("profile.size", choice("solo")),
        ("profile.municipality", Answer::Municipality("208".into())),
        ("profile.premises", choice("own")),
        ("profile.vehicles", multi(&["machines"])),
        ("current.heating", choice("oil")),
        ("current.fuel", choice("fossil")),
        ("support.interest", multi(&["energy", "funding"])),
    ])
}

fn machine_shop_lappeenranta() -> Company {
    company(&[
        ("profile.sector", choice("c")),
        ("profile.size", choice("small")),
        ("profile.municipality", Answer::Municipality("405".into())),
        ("profile.premises", choice("own")),
        ("profile.vehicles", multi(&["vans-trucks"])),
        ("current.heating", choice("oil")),
        ("current.electricity", choice("grid")),
        ("current.fuel", choice("fossil")),
        ("support.interest", multi(&["energy", "funding"])),
    ])
}

fn design_studio_helsinki() -> Company {
    company(&[
        ("profile.sector", choice("m")),
        ("profile.flags", multi(&["creative", "office"])),
        ("profile.size", choice("micro")),
        ("profile.municipality", Answer::Municipality("091".into())),
        ("profile.premises", choice("rented")),
        ("profile.vehicles", multi(&["none"])),
        ("current.heating", choice("district")),
        ("current.electricity", choice("in-rent")),
    ])
}

fn builder_inkoo(vehicles: &[&str]) -> Company {
    company(&[
        ("profile.sector", choice("f")),
        ("profile.size", choice("micro")),
        ("profile.municipality", Answer::Municipality("149".into())),
        ("profile.premises", choice("none")),
        ("profile.vehicles", multi(vehicles)),
        ("profile.customers", multi(&["companies", "public"])),
        ("current.fuel", choice("fossil")),
        (
            "support.interest",
            multi(&["certificate", "public-tenders"]),
        ),
    ])
}

fn consultant_sastamala() -> Company {
    company(&[
        ("profile.sector", choice("m")),
        ("profile.size", choice("solo")),
        ("profile.municipality", Answer::Municipality("790".into())),
        ("profile.premises", choice("home")),
        ("profile.vehicles", multi(&["none"])),
        ("support.interest", multi(&["peers", "training"])),
    ])
}

/// An accounting firm with no vehicles, but with an answer about fuel left over from before it
/// changed its vehicle answer (a stale answer), and staff who drive to customers in their own cars.
fn firm_without_vehicles() -> Company {
    company(&[
        ("profile.sector", choice("m")),
        ("profile.flags", multi(&["office"])),
        ("profile.size", choice("small")),
        ("profile.municipality", Answer::Municipality("837".into())),
        ("profile.premises", choice("rented")),
        ("profile.vehicles", multi(&["none"])),
        ("current.fuel", choice("fossil")),
        ("footprint.travel", multi(&["car"])),
        ("current.heating", choice("district")),
    ])
}

fn aland_shop() -> Company {
    company(&[
        ("profile.sector", choice("g")),
        ("profile.size", choice("micro")),
        ("profile.municipality", Answer::Municipality("478".into())),
        ("profile.premises", choice("rented")),
        ("profile.vehicles", multi(&["none"])),
        ("profile.customers", multi(&["consumers"])),
        ("current.heating", choice("electric")),
        ("current.waste", choice("some")),
    ])
}

fn all_cases() -> Vec<(&'static str, Company)> {
    vec![
        ("café Kerava", cafe_kerava()),
        ("farm Kalajoki", farm_kalajoki()),
        ("machine shop Lappeenranta", machine_shop_lappeenranta()),
        ("design studio Helsinki", design_studio_helsinki()),
        ("builder Inkoo with vans", builder_inkoo(&["vans-trucks"])),
        ("builder Inkoo without vehicles", builder_inkoo(&["none"])),
        ("consultant Sastamala", consultant_sastamala()),
        ("firm without vehicles", firm_without_vehicles()),
        ("Åland shop", aland_shop()),
    ]
}

fn ids(s: &[Suggestion]) -> Vec<&'static str> {
    s.iter().map(|x| x.action.id).collect()
}

fn is_vehicle_action(a: &Action) -> bool {
    a.requires_any.iter().any(|f| f.starts_with("vehicles:"))
}

// ------------------------------------------------------------------ rough footprint

#[test]
fn every_case_has_a_rough_footprint_with_a_range_after_the_quick_path() {
    for (name, c) in all_cases() {
        let r = estimate_for(content(), &c, YEAR);
        assert!(r.total_kg > 0.0, "{name}: no footprint");
        assert!(r.is_rough(), "{name}: must be labelled a rough estimate");
        assert!(r.sources.iter().all(|s| !s.own), "{name}: nothing entered");
        assert!(
            r.low_kg < r.total_kg && r.total_kg < r.high_kg,
            "{name}: {} not inside {}–{}",
            r.total_kg,
            r.low_kg,
            r.high_kg
        );
        let h = honest(r.total_kg, r.low_kg, r.high_kg, Lang::Fi);
        assert!(h.range.is_some(), "{name}: a rough estimate shows a range");
        assert!(
            r.sources.windows(2).all(|w| w[0].kg >= w[1].kg),
            "{name}: sources largest first"
        );
        assert!(r.sources.iter().all(|s| SOURCES.contains(&s.source)));
        assert!(
            r.sources.iter().all(|s| !s.defaults.is_empty()),
            "{name}: every default names its typical figures"
        );
        let total: f64 = r.sources.iter().map(|s| s.kg).sum();
        assert!((total - r.total_kg).abs() < 1e-6);
    }
}

#[test]
fn the_rough_footprint_follows_the_answers() {
    // Working from home: no premises energy and no commuting.
    let r = estimate_for(content(), &consultant_sastamala(), YEAR);
    for s in ["electricity", "heating", "commuting", "vehicles"] {
        assert!(r.line(s).is_none(), "consultant at home has no {s} line");
    }
    // Vehicles only for companies that have them.
    let with = estimate_for(content(), &builder_inkoo(&["vans-trucks"]), YEAR);
    let without = estimate_for(content(), &builder_inkoo(&["none"]), YEAR);
    assert!(with.line("vehicles").is_some_and(|l| l.kg > 0.0));
    assert!(without.line("vehicles").is_none());
    // Electric heating is on the electricity bill, not a heating line of its own.
    let shop = estimate_for(content(), &aland_shop(), YEAR);
    assert!(shop.line("heating").is_none());
    assert!(shop
        .line("electricity")
        .is_some_and(|l| l.defaults.contains(&"heating.per-m2")));
    // Oil heating is counted in litres of oil, district heat in kWh of district heat.
    let farm = estimate_for(content(), &farm_kalajoki(), YEAR);
    let heat = farm.line("heating").expect("farm heating");
    assert!(heat.defaults.contains(&"oil-energy.light-fuel-oil"));
    // A renewable electricity contract counts as zero.
    let mut c = design_studio_helsinki();
    c.answers
        .insert("current.electricity".into(), choice("renewable"));
    let r = estimate_for(content(), &c, YEAR);
    assert_eq!(r.line("electricity").map(|l| l.kg), Some(0.0));
}

#[test]
fn filling_one_bill_replaces_only_that_sources_default() {
    let before_c = cafe_kerava();
    let before = estimate_for(content(), &before_c, YEAR);
    let mut c = before_c.clone();
    let mut year = FootprintYear::new();
    set_entry(&mut year, "electricity.grid", entry(20_000.0, "kWh"));
    c.footprints.insert(YEAR.into(), year);
    let after = estimate_for(content(), &c, YEAR);
    let grid = content().factor("electricity.grid").expect("f").kg_per_unit;
    let el = after.line("electricity").expect("electricity");
    assert!(el.own, "the user's own figure");
    assert!((el.kg - 20_000.0 * grid).abs() < 1e-6);
    assert!(el.defaults.is_empty());
    for s in &before.sources {
        if s.source == "electricity" {
            continue;
        }
        let a = after.line(s.source).expect("still there");
        assert!(!a.own, "{}: still a default", s.source);
        assert_eq!(a, s, "{}: unchanged", s.source);
    }
    assert!(after.is_rough(), "other sources are still defaults");
    // Another year is not touched.
    assert_eq!(estimate_for(content(), &c, "2025"), before);
    // A source entered as 0 ("we have none") replaces the default too.
    let mut year = FootprintYear::new();
    set_entry(&mut year, "waste.mixed", entry(0.0, "kg"));
    c.footprints.insert(YEAR.into(), year);
    let r = estimate_for(content(), &c, YEAR);
    assert!(r.line("waste").is_some_and(|l| l.own && l.kg == 0.0));
    assert!(r.line("electricity").is_some_and(|l| !l.own));
}

#[test]
fn every_source_filled_gives_the_detailed_estimate_and_no_default() {
    let mut c = machine_shop_lappeenranta();
    let mut y = FootprintYear::new();
    for (id, a, u) in [
        ("electricity.grid", 120_000.0, "kWh"),
        ("heating.oil", 4000.0, "l"),
        ("fuel.diesel", 6000.0, "l"),
        ("purchases.materials-metal", 50_000.0, "eur"),
        ("commuting.car", 40_000.0, "km"),
        ("waste.mixed", 3000.0, "kg"),
    ] {
        set_entry(&mut y, id, entry(a, u));
    }
    c.footprints.insert(YEAR.into(), y.clone());
    let r = estimate_for(content(), &c, YEAR);
    assert!(!r.is_rough());
    assert!((r.total_kg - estimate(content(), &y).total_kg).abs() < 1e-6);
    assert_eq!(r.largest().map(|l| l.source), Some("purchases"));
}

#[test]
fn litres_and_kilometres_for_the_same_vehicles_cannot_both_count() {
    let mut y = FootprintYear::new();
    set_entry(&mut y, "vehicle.van-diesel-km", entry(30_000.0, "km"));
    let removed = set_entry(&mut y, "fuel.diesel", entry(2500.0, "l"));
    assert_eq!(removed, vec!["vehicle.van-diesel-km".to_string()]);
    assert!(!y.contains_key("vehicle.van-diesel-km"));
    // And the other way round: kilometres replace the litres of the same fuel.
    let removed = set_entry(&mut y, "vehicle.car-diesel-km", entry(10_000.0, "km"));
    assert_eq!(removed, vec!["fuel.diesel".to_string()]);
    assert_eq!(y.len(), 1);
    // Petrol litres and diesel-van kilometres are different vehicles: both stay.
    let mut y = FootprintYear::new();
    set_entry(&mut y, "fuel.petrol", entry(1000.0, "l"));
    assert!(set_entry(&mut y, "vehicle.van-diesel-km", entry(20_000.0, "km")).is_empty());
    assert_eq!(y.len(), 2);
    // Data holding both (saved before the rule, or imported): the litres count, the km do not.
    let both: FootprintYear = [
        ("fuel.diesel".to_string(), entry(2500.0, "l")),
        ("vehicle.van-diesel-km".to_string(), entry(30_000.0, "km")),
    ]
    .into_iter()
    .collect();
    let e = estimate(content(), &both);
    let diesel = content().factor("fuel.diesel").expect("f").kg_per_unit;
    assert!((e.total_kg - 2500.0 * diesel).abs() < 1e-6);
    assert_eq!(
        e.replaced,
        vec![(
            "vehicle.van-diesel-km".to_string(),
            "fuel.diesel".to_string()
        )]
    );
    assert_eq!(overlapping(&both), e.replaced);
    // Every pair names real factors of the right units.
    for (litres, kms) in SAME_VEHICLES {
        assert_eq!(content().factor(litres).expect(litres).unit, "l");
        for km in *kms {
            assert_eq!(content().factor(km).expect(km).unit, "km");
        }
    }
}

#[test]
fn figures_are_rounded_honestly() {
    assert_eq!(round_sig2(82.31), 82.0);
    assert_eq!(fmt_t(82.31, Lang::Fi), "82");
    assert_eq!(fmt_t(3.151, Lang::Fi), "3,2");
    assert_eq!(fmt_t(3.151, Lang::Sv), "3,2");
    assert_eq!(fmt_t(3.151, Lang::En), "3.2");
    assert_eq!(fmt_t(0.04363, Lang::Fi), "0,044");
    assert_eq!(fmt_t(1234.0, Lang::Fi), "1\u{a0}200");
    assert_eq!(fmt_t(1234.0, Lang::En), "1,200");
    assert_eq!(fmt_t(0.0, Lang::En), "0");
    assert_eq!(fmt_t(9.96, Lang::En), "10");
    // ±50 %: a range, never two decimals.
    let h = honest(82_310.0, 41_155.0, 123_465.0, Lang::Fi);
    assert_eq!(h.t, "82");
    assert_eq!(h.range, Some(("41".to_string(), "120".to_string())));
    // ±10 %: the figure alone.
    let h = honest(3151.0, 2836.0, 3466.0, Lang::En);
    assert_eq!((h.t.as_str(), h.range), ("3.2", None));
    // The detailed estimate carries its range too.
    let e = estimate(
        content(),
        &[("purchases.services".to_string(), entry(10_000.0, "eur"))]
            .into_iter()
            .collect(),
    );
    assert!((e.low_kg - e.total_kg * 0.5).abs() < 1e-6);
    assert!((e.high_kg - e.total_kg * 1.5).abs() < 1e-6);
}

// ------------------------------------------------------------------ relevance of actions

/// Every "largest source" reason names the actual largest source of the company's footprint.
fn largest_source_reasons_are_true(name: &str, c: &Company, r: &Rough, s: &[Suggestion]) {
    let largest = r.largest().expect("a largest source").source;
    for x in s {
        for reason in &x.reasons {
            if let Reason::LargestSource(cat) = reason {
                assert_eq!(
                    cat,
                    action_category_for_source(largest),
                    "{name}: {} says the largest source is {cat}, it is {largest}",
                    x.action.id
                );
            }
        }
    }
    let _ = c;
}

/// Every other reason is one of this company's own facts or needs.
fn reasons_are_the_companys_own(name: &str, c: &Company, s: &[Suggestion]) {
    let p = profile(content(), &c.answers);
    for x in s {
        assert!(
            !x.reasons.is_empty(),
            "{name}: {} has no reason",
            x.action.id
        );
        for reason in &x.reasons {
            match reason {
                Reason::Fact(f) => assert!(p.facts.contains(f), "{name}: {f}"),
                Reason::Need(n) => assert!(p.needs.contains(n), "{name}: {n}"),
                Reason::LargestSource(_) => {}
            }
        }
    }
}

#[test]
fn every_case_gets_fitting_actions_with_true_reasons_and_three_first_steps() {
    for (name, c) in all_cases() {
        let r = estimate_for(content(), &c, YEAR);
        let s = suggestions_for(content(), &c, YEAR);
        assert!(!s.is_empty(), "{name}: no suggestions");
        largest_source_reasons_are_true(name, &c, &r, &s);
        reasons_are_the_companys_own(name, &c, &s);
        let p = profile(content(), &c.answers);
        for x in &s {
            assert!(
                ilmastoaskeleet::ranking::applicable(x.action, &p),
                "{name}: {} does not apply",
                x.action.id
            );
        }
        let top = next_actions(content(), &c, YEAR, 3);
        assert_eq!(top.len(), 3, "{name}: three next actions");
        for x in &top {
            let step = x
                .action
                .first_step
                .unwrap_or_else(|| panic!("{name}: {} has no first step", x.action.id));
            for lang in Lang::ALL {
                assert!(!step.get(lang).trim().is_empty());
            }
        }
        assert!(
            top.windows(2).all(|w| w[0].score >= w[1].score),
            "{name}: best first"
        );
        let per_category = |cat: &str| top.iter().filter(|x| x.action.category == cat).count();
        assert!(
            top.iter().all(|x| per_category(x.action.category) <= 2),
            "{name}: one category does not take all three"
        );
    }
}

#[test]
fn cafe_gets_food_waste_and_the_landlord_talk_first() {
    let c = cafe_kerava();
    let top = next_actions(content(), &c, YEAR, 3);
    let top_ids = ids(&top);
    assert!(top_ids.contains(&"waste.food-waste"), "{top_ids:?}");
    assert!(top_ids.contains(&"heating.talk-to-landlord"), "{top_ids:?}");
    let all = suggestions_for(content(), &c, YEAR);
    let pos = |id: &str| all.iter().position(|s| s.action.id == id);
    let product = pos("products.low-carbon-product").expect("applicable, but lower");
    assert!(product > pos("waste.food-waste").expect("food waste"));
    assert!(product > pos("heating.talk-to-landlord").expect("landlord"));
    // A café in rented premises is not told to renovate or replace a boiler it does not own.
    for id in [
        "heating.insulation",
        "heating.replace-oil-heating",
        "heating.ventilation-timers",
        "energy.own-solar",
    ] {
        assert!(pos(id).is_none(), "{id} is for owned premises");
    }
    // Its largest source is purchases (food), and food waste says so truthfully.
    let r = estimate_for(content(), &c, YEAR);
    assert_eq!(r.largest().map(|l| l.source), Some("purchases"));
    let fw = &all[pos("waste.food-waste").expect("fw")];
    assert!(fw
        .reasons
        .contains(&Reason::LargestSource("procurement".into())));
    assert!(fw.reasons.contains(&Reason::Fact("food-service".into())));
    // No vehicle action for a café without vehicles.
    assert!(all.iter().all(|s| !is_vehicle_action(s.action)));
}

#[test]
fn builder_whose_largest_source_is_purchases_is_told_so_truthfully() {
    let c = builder_inkoo(&["vans-trucks"]);
    let r = estimate_for(content(), &c, YEAR);
    assert_eq!(r.largest().map(|l| l.source), Some("purchases"));
    let all = suggestions_for(content(), &c, YEAR);
    let top5: Vec<_> = all.iter().take(5).collect();
    assert!(
        top5.iter().any(|s| s.action.category == "procurement"),
        "purchases lead, so purchasing actions are near the top: {:?}",
        ids(&all)
    );
    assert!(
        !top5.iter().all(|s| s.action.category == "transport"),
        "not all about vehicles"
    );
    // "Your largest source: transport" never appears: vans are not the largest.
    assert!(all.iter().all(|s| !s
        .reasons
        .contains(&Reason::LargestSource("transport".into()))));
    // With vans, vehicle actions may appear, but only those for vans.
    assert!(all.iter().all(|s| s.action.id != "transport.electric-car"));
    // The same builder without vehicles gets no vehicle action at all.
    let c = builder_inkoo(&["none"]);
    let all = suggestions_for(content(), &c, YEAR);
    assert!(
        all.iter().all(|s| !is_vehicle_action(s.action)),
        "{:?}",
        ids(&all)
    );
    assert_eq!(
        estimate_for(content(), &c, YEAR)
            .largest()
            .map(|l| l.source),
        Some("purchases")
    );
}

#[test]
fn a_firm_without_vehicles_gets_no_vehicle_action_anywhere() {
    let c = firm_without_vehicles();
    let p = profile(content(), &c.answers);
    assert!(
        p.facts.contains("transport:fossil-fleet"),
        "the stale fuel answer is still in the profile"
    );
    // Whatever the largest source given, no vehicle action.
    for largest in [vec![], vec!["vehicles".to_string()], vec!["fuels".into()]] {
        let all = rank(content(), &p, &[], &largest);
        assert!(
            all.iter().all(|s| !is_vehicle_action(s.action)),
            "{:?}",
            ids(&all)
        );
        for id in [
            "transport.electric-car",
            "transport.electric-van",
            "transport.charging-points",
            "transport.eco-driving",
            "transport.renewable-diesel",
        ] {
            assert!(all.iter().all(|s| s.action.id != id), "{id}");
        }
    }
    assert!(suggestions_for(content(), &c, YEAR)
        .iter()
        .all(|s| !is_vehicle_action(s.action)));
}

#[test]
fn the_farm_gets_machine_actions_and_no_car_actions() {
    let c = farm_kalajoki();
    let all = suggestions_for(content(), &c, YEAR);
    let all_ids = ids(&all);
    assert!(all_ids.contains(&"transport.farm-machinery-fuel"));
    assert!(all_ids.contains(&"transport.renewable-diesel"));
    assert!(all_ids.contains(&"heating.replace-oil-heating"));
    for id in ["transport.electric-car", "transport.electric-van"] {
        assert!(!all_ids.contains(&id), "{id}: the farm has no cars or vans");
    }
    let r = estimate_for(content(), &c, YEAR);
    assert!(r.line("vehicles").is_some_and(|l| l.kg > 0.0));
}

#[test]
fn the_aland_shop_gets_a_footprint_and_swedish_first_steps() {
    let c = aland_shop();
    let p = profile(content(), &c.answers);
    assert!(p.facts.contains("region:21"));
    let r = estimate_for(content(), &c, YEAR);
    assert!(r.total_kg > 0.0);
    let top = next_actions(content(), &c, YEAR, 3);
    assert!(
        ids(&top).contains(&"heating.talk-to-landlord"),
        "{:?}",
        ids(&top)
    );
    for x in &top {
        let sv = x.action.first_step.expect("first step").get(Lang::Sv);
        assert!(!sv.is_empty());
    }
    assert!(suggestions_for(content(), &c, YEAR)
        .iter()
        .all(|s| !is_vehicle_action(s.action)));
}

#[test]
fn building_actions_need_premises_the_company_controls() {
    let rented = company(&[
        ("profile.premises", choice("rented")),
        ("current.heating", choice("oil")),
    ]);
    let owned = company(&[
        ("profile.premises", choice("own")),
        ("current.heating", choice("oil")),
    ]);
    let r = ids(&suggestions_for(content(), &rented, YEAR));
    let o = ids(&suggestions_for(content(), &owned, YEAR));
    assert!(!r.contains(&"heating.replace-oil-heating"), "{r:?}");
    assert!(r.contains(&"heating.talk-to-landlord"));
    assert!(o.contains(&"heating.replace-oil-heating"));
    assert!(!o.contains(&"heating.talk-to-landlord"));
}

#[test]
fn actions_in_the_plan_are_not_among_the_next_three() {
    let mut c = cafe_kerava();
    let first = next_actions(content(), &c, YEAR, 3)[0].action.id;
    c.add_to_plan(first, "2026-12-02");
    let top = next_actions(content(), &c, YEAR, 3);
    assert_eq!(top.len(), 3);
    assert!(!ids(&top).contains(&first));
}

// ------------------------------------------------------------------ the data

#[test]
fn typical_figures_are_complete_and_sourced() {
    let quantities = [
        "employees",
        "floor-area",
        "electricity",
        "heating",
        "oil-energy",
        "heat-pump-cop",
        "vehicles",
        "car-km",
        "van-km",
        "machine-fuel",
        "commuting",
        "flights",
        "purchases",
        "waste",
    ];
    let d = content().defaults;
    let mut seen = std::collections::BTreeSet::new();
    for t in d {
        assert!(seen.insert(t.id), "duplicate default {}", t.id);
        assert!(quantities.contains(&t.quantity), "{}: quantity", t.id);
        assert!(
            t.low <= t.value && t.value <= t.high && t.low >= 0.0,
            "{}: low ≤ value ≤ high",
            t.id
        );
        assert!(t.url.starts_with("https://"), "{}: url", t.id);
        assert!(
            ilmastoaskeleet::persist::valid_date(t.checked, false),
            "{}: checked",
            t.id
        );
        assert!(t.source.len() > 30, "{}: a real source text", t.id);
        if let Some(f) = t.factor {
            assert!(content().factor(f).is_some(), "{}: factor {f}", t.id);
        }
        if matches!(t.quantity, "purchases" | "waste") {
            assert!(t.factor.is_some(), "{}: which factor", t.id);
        }
    }
    // Every quantity has a fallback for any company, and it comes last.
    let empty = Profile::default();
    for q in quantities {
        let fallback = typical(content(), q, &empty).unwrap_or_else(|| panic!("{q}: fallback"));
        assert!(fallback.when.is_empty());
        let last = d.iter().rev().find(|t| t.quantity == q).expect(q);
        assert_eq!(last.id, fallback.id, "{q}: the fallback is the last entry");
    }
    // Unverified figures are marked: at least the purchases assumptions.
    assert!(d.iter().any(|t| !t.verified));
}

#[test]
fn applicability_conditions_name_real_facts_and_sources() {
    let c = content();
    let known = |t: &str| {
        c.vocabulary.facts.iter().any(|f| f.id == t) || c.vocabulary.needs.iter().any(|f| f.id == t)
    };
    for a in c.actions {
        for t in a.requires_any.iter().chain(a.excludes).chain(a.boost_when) {
            assert!(known(t), "{}: {t}", a.id);
        }
        for s in a.reduces {
            assert!(SOURCES.contains(s), "{}: reduces {s}", a.id);
        }
        if let Some(step) = a.first_step {
            for lang in Lang::ALL {
                let s = step.get(lang);
                assert!(
                    !s.trim().is_empty() && s.len() < 200,
                    "{}: first step",
                    a.id
                );
            }
        }
    }
    assert_eq!(source_of("fuels"), "vehicles");
    assert_eq!(source_of("heating"), "heating");
    let _: BTreeMap<String, Answer> = BTreeMap::new();
}
