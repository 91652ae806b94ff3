//! The texts the app writes from the user's data (`drafts`), checked natively in every language
//! against the built-in texts.
use ilmastoaskeleet::content::content;
use ilmastoaskeleet::drafts::{commitment_draft, contact_summary, latest_footprint, loikka_text};
use ilmastoaskeleet::i18n::{t, Lang, Msg};
use ilmastoaskeleet::model::{Answer, Company, FootprintEntry, PlanItem, PlanStatus};

fn own_item(id: &str, title: &str, due: &str) -> PlanItem {
    PlanItem {
        id: id.into(),
        title: title.into(),
        due: due.into(),
        ..PlanItem::default()
    }
}

/// Kahvila Kuppi in Kerava: one library action done, two own actions open, a 2025 footprint.
fn cafe() -> Company {
    let mut company = Company::default();
    company
        .answers
        .insert("profile.name".into(), Answer::Text("Kahvila Kuppi".into()));
    company.answers.insert(
        "profile.municipality".into(),
        Answer::Municipality("245".into()),
    );
    let done = company.add_to_plan("energy.renewable-electricity", "2026-01-02");
    company.set_status(&done, PlanStatus::Done, "2026-02-01");
    company
        .plan
        .push(own_item("p2", "Vaihdetaan led-valot", "2026-06"));
    company.plan.push(own_item("p3", "Lajitellaan biojäte", ""));
    let mut year = std::collections::BTreeMap::new();
    year.insert(
        "electricity.grid".to_string(),
        FootprintEntry {
            amount: 12_000.0,
            unit: "kWh".into(),
        },
    );
    company.footprints.insert("2025".into(), year);
    company
}

#[test]
fn latest_footprint_is_the_last_year_with_entries() {
    let company = cafe();
    let (year, estimate) = latest_footprint(&company).expect("a footprint");
    assert_eq!(year, "2025");
    assert!(estimate.total_t() > 0.0);
    assert!(latest_footprint(&Company::default()).is_none());
}

#[test]
fn contact_summary_names_the_company_place_and_open_actions() {
    let company = cafe();
    let text = contact_summary(&company, Lang::En);
    assert!(
        text.starts_with("Hello! Here is a short summary of our climate work (Kahvila Kuppi)."),
        "{text}"
    );
    assert!(text.contains("Municipality: Kerava\n"), "{text}");
    assert!(
        text.contains(&format!("{} 2025: ", t(Lang::En, Msg::FootprintTitle))),
        "{text}"
    );
    assert!(text.contains("- Vaihdetaan led-valot\n"), "{text}");
    assert!(text.contains("- Lajitellaan biojäte\n"), "{text}");
    // The done action is not among the plans.
    let done_title = content()
        .action("energy.renewable-electricity")
        .expect("present")
        .title
        .get(Lang::En);
    assert!(!text.contains(done_title), "{text}");
    // In Swedish the municipality has its Swedish name.
    assert!(contact_summary(&company, Lang::Sv).contains(": Kervo\n"));
    // Without a name, "Our company".
    let unnamed = contact_summary(&Company::default(), Lang::En);
    assert!(unnamed.contains("(Our company)"), "{unnamed}");
    assert!(!unnamed.contains("Municipality"), "{unnamed}");
}

#[test]
fn commitment_draft_takes_two_to_four_open_actions_and_the_year() {
    let company = cafe();
    let text = commitment_draft(&company, Lang::En, 2027);
    assert!(
        text.starts_with("Climate commitment 2027: Kahvila Kuppi\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "1. Vaihdetaan led-valot ({} 2026-06)\n",
            t(Lang::En, Msg::By)
        )),
        "{text}"
    );
    assert!(text.contains("2. Lajitellaan biojäte\n"), "{text}");
    assert!(text.ends_with(t(Lang::En, Msg::CommitmentFoot)), "{text}");
    // One open action is not enough for a commitment.
    let mut short = cafe();
    short.plan.retain(|p| p.id != "p3");
    assert_eq!(
        commitment_draft(&short, Lang::Fi, 2027),
        t(Lang::Fi, Msg::CommitmentNeedsPlan)
    );
    // At most four goals.
    let mut long = cafe();
    for i in 4..10 {
        long.plan
            .push(own_item(&format!("p{i}"), &format!("Toimi {i}"), ""));
    }
    let text = commitment_draft(&long, Lang::En, 2027);
    assert!(text.contains("\n4. "), "{text}");
    assert!(!text.contains("\n5. "), "{text}");
}

#[test]
fn loikka_text_describes_a_done_action() {
    let company = cafe();
    let done = company
        .plan
        .iter()
        .find(|p| p.status == PlanStatus::Done)
        .expect("present");
    let action = content()
        .action("energy.renewable-electricity")
        .expect("present");
    let text = loikka_text(&company, Lang::En, done);
    assert!(text.starts_with("Organisation: Kahvila Kuppi\n"), "{text}");
    assert!(
        text.contains(&format!("Action: {}\n", action.title.get(Lang::En))),
        "{text}"
    );
    assert!(text.contains("Completed: 2026-02-01\n"), "{text}");
    assert!(text.contains("Location: Kerava\n"), "{text}");
    assert!(text.contains(action.what.get(Lang::En)), "{text}");
    // Every language fills every placeholder.
    for lang in Lang::ALL {
        let text = loikka_text(&company, lang, done);
        assert!(!text.contains('{'), "{lang:?}: {text}");
    }
}
