//! The model's verbs (every change of a company goes through one) and the route table, natively.
use ilmastoaskeleet::content::content;
use ilmastoaskeleet::model::*;
use ilmastoaskeleet::router::Route;

fn multi(ids: &[&str]) -> Answer {
    Answer::Multi(ids.iter().map(|s| s.to_string()).collect())
}

#[test]
fn toggling_an_exclusive_option_clears_the_others_and_back() {
    let q = content().question("profile.flags").expect("present");
    assert!(q.option("none").expect("present").exclusive);
    let food = toggle_option(q, None, "food", true);
    assert_eq!(food, Some(multi(&["food"])));
    let both = toggle_option(q, food.as_ref(), "office", true);
    assert_eq!(both, Some(multi(&["food", "office"])));
    // Choosing the same option again changes nothing.
    assert_eq!(toggle_option(q, both.as_ref(), "office", true), both);
    // "None of these" clears the rest; any other option clears "none of these".
    let none = toggle_option(q, both.as_ref(), "none", true);
    assert_eq!(none, Some(multi(&["none"])));
    assert_eq!(
        toggle_option(q, none.as_ref(), "farm", true),
        Some(multi(&["farm"]))
    );
    // The last option off leaves no answer.
    assert_eq!(toggle_option(q, none.as_ref(), "none", false), None);
    assert_eq!(
        toggle_option(q, both.as_ref(), "food", false),
        Some(multi(&["office"]))
    );
}

#[test]
fn check_answer_holds_an_answer_to_its_question() {
    let c = content();
    let count = c.question("current.vehicle-count").expect("present");
    assert_eq!(check_answer(c, count, &Answer::Number(2.0)), None);
    assert_eq!(
        check_answer(c, count, &Answer::Number(2.5)),
        Some(AnswerProblem::OutOfRange)
    );
    assert_eq!(
        check_answer(c, count, &Answer::Number(501.0)),
        Some(AnswerProblem::OutOfRange)
    );
    assert_eq!(
        check_answer(c, count, &Answer::Text("2".into())),
        Some(AnswerProblem::WrongType)
    );
    let flags = c.question("profile.flags").expect("present");
    assert_eq!(check_answer(c, flags, &multi(&["food"])), None);
    assert_eq!(
        check_answer(c, flags, &multi(&["food", "food"])),
        Some(AnswerProblem::UnknownValue)
    );
    let place = c.question("profile.municipality").expect("present");
    assert_eq!(
        check_answer(c, place, &Answer::Municipality("999".into())),
        Some(AnswerProblem::UnknownValue)
    );
    let name = c.question("profile.name").expect("present");
    let long = "x".repeat(name.max_len() + 1);
    assert_eq!(
        check_answer(c, name, &Answer::Text(long)),
        Some(AnswerProblem::TooLong(name.max_len()))
    );
}

#[test]
fn own_plan_items_are_trimmed_cut_and_never_empty() {
    let mut company = Company::default();
    assert_eq!(company.add_own_item("   ", "2026-03-01"), None);
    assert!(company.plan.is_empty());
    let id = company
        .add_own_item("  Led-valot  ", "2026-03-01")
        .expect("present");
    let item = company.plan.iter().find(|p| p.id == id).expect("present");
    assert_eq!(item.title, "Led-valot");
    assert_eq!(item.added, "2026-03-01");
    assert_eq!(item.action, None);
    let long = "ä".repeat(MAX_SHORT_TEXT + 50);
    let id2 = company.add_own_item(&long, "2026-03-01").expect("present");
    assert_ne!(id, id2);
    let item = company.plan.iter().find(|p| p.id == id2).expect("present");
    assert_eq!(item.title.chars().count(), MAX_SHORT_TEXT);
    company.update_item(&id, |p| p.owner = "Anna".into());
    assert_eq!(company.plan[0].owner, "Anna");
    company.remove_item(&id);
    assert_eq!(company.plan.len(), 1);
}

#[test]
fn a_footprint_year_without_entries_disappears() {
    let mut company = Company::default();
    let entry = FootprintEntry {
        amount: 100.0,
        unit: "kWh".into(),
    };
    company.set_footprint_entry("2025", "electricity.grid", Some(entry.clone()));
    assert_eq!(
        company.footprint_entry("2025", "electricity.grid"),
        Some(&entry)
    );
    company.set_footprint_entry("2025", "electricity.grid", None);
    assert!(company.footprints.is_empty());
    // Clearing what is not there leaves no empty year behind either.
    company.set_footprint_entry("2024", "electricity.grid", None);
    assert!(company.footprints.is_empty());
}

#[test]
fn an_import_replaces_in_place_or_adds_within_the_limit() {
    let mut workspace = Workspace::default();
    let active = workspace.active.clone();
    let imported = Company {
        id: "elsewhere".into(),
        updated: "2026-01-01".into(),
        ..Company::default()
    };
    assert!(workspace.import_company(imported.clone(), false));
    assert_eq!(workspace.companies.len(), 1);
    assert_eq!(workspace.active().id, active);
    assert_eq!(workspace.active().updated, "2026-01-01");
    assert!(workspace.import_company(imported.clone(), true));
    assert_eq!(workspace.companies.len(), 2);
    assert_ne!(workspace.active, active);
    assert_eq!(workspace.active().updated, "2026-01-01");
    while workspace.companies.len() < MAX_COMPANIES {
        workspace.add_company("2026-01-01");
    }
    assert!(!workspace.import_company(imported, true));
    assert_eq!(workspace.companies.len(), MAX_COMPANIES);
}

#[test]
fn ypn_codes_match_serde() {
    for answer in Ypn::ALL {
        let json = serde_json::to_value(answer).expect("present");
        assert_eq!(json, answer.code());
        assert_eq!(Ypn::from_code(answer.code()), Some(answer));
    }
    assert_eq!(Ypn::from_code("maybe"), None);
}

#[test]
fn every_route_round_trips_through_its_path() {
    let mut routes: Vec<Route> = Route::fixed().collect();
    routes.push(Route::step("profile"));
    routes.push(Route::step("footprint"));
    for route in routes {
        let href = route.href();
        assert!(href.starts_with('/'), "{href}");
        assert_eq!(Route::parse(&href), route, "{href}");
        if route != Route::Landing {
            assert_eq!(Route::parse(&format!("{href}/")), route, "{href}/");
        }
    }
    assert_eq!(Route::Landing.href(), "/");
    assert_eq!(Route::step("profile").href(), "/vaihe/profile");
    // Paths are unique.
    let mut hrefs: Vec<String> = Route::fixed().map(|r| r.href()).collect();
    hrefs.sort();
    hrefs.dedup();
    assert_eq!(hrefs.len(), Route::fixed().count());
}

#[test]
fn shared_answers_switching_and_reset_change_the_workspace_as_a_whole() {
    let mut workspace = Workspace::default();
    let first = workspace.active.clone();
    workspace.active_mut().plan.push(PlanItem::default());
    let mut answers = std::collections::BTreeMap::new();
    answers.insert("profile.size".to_string(), Answer::Choice("micro".into()));
    // In place: the answers change, the plan stays.
    workspace.take_answers(answers.clone(), false, "2026-04-01T00:00:00Z");
    assert_eq!(workspace.active, first);
    assert_eq!(workspace.active().answers, answers);
    assert_eq!(workspace.active().plan.len(), 1);
    assert_eq!(workspace.active().updated, "2026-04-01T00:00:00Z");
    // As new: a second company, made active.
    workspace.take_answers(answers.clone(), true, "2026-04-02T00:00:00Z");
    assert_eq!(workspace.companies.len(), 2);
    assert_ne!(workspace.active, first);
    assert!(workspace.active().plan.is_empty());
    workspace.switch_to(&first);
    assert_eq!(workspace.active, first);
    workspace.switch_to("no-such-company");
    assert_eq!(workspace.active, first);
    workspace.reset("2026-04-03T00:00:00Z");
    assert_eq!(workspace.companies.len(), 1);
    assert!(workspace.active().answers.is_empty());
    assert_eq!(workspace.active().created, "2026-04-03T00:00:00Z");
}

#[test]
fn a_preselected_municipality_never_overrides_the_users_answer() {
    let mut company = Company::default();
    assert!(company.preselect_municipality("245"));
    assert_eq!(company.municipality(), Some("245"));
    assert!(!company.preselect_municipality("091"));
    assert_eq!(company.municipality(), Some("245"));
}

#[test]
fn plan_status_and_path_codes_match_serde() {
    for status in PlanStatus::ALL {
        assert_eq!(serde_json::to_value(status).expect("json"), status.code());
        assert_eq!(PlanStatus::from_code(status.code()), Some(status));
    }
    assert_eq!(PlanStatus::from_code("all"), None);
    for path in PathKind::ALL {
        assert_eq!(serde_json::to_value(path).expect("json"), path.code());
    }
}
