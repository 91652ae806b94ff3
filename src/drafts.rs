//! Texts the app writes for the user from their data: a summary for contacting a service, a
//! draft climate commitment, a description of a completed action for Kestävyysloikka; and the
//! latest footprint they draw on. Pure functions of the company, the language and the year:
//! tested natively.
use crate::content::content;
use crate::footprint::{estimate, Estimate};
use crate::i18n::{format_number, t, tf, Lang, Msg};
use crate::labels::{item_title, level_msg};
use crate::model::{profile, Company, PlanItem, PlanStatus};
use crate::ranking::{rank, Suggestion};
use crate::scoring::{overall, score_all};

/// The library's actions ranked for the company: its profile, its plan and its largest
/// footprint categories (of the latest year).
pub fn ranked_actions(company: &Company) -> Vec<Suggestion<'static>> {
    let largest = latest_footprint(company)
        .map(|(_, e)| e.largest_categories())
        .unwrap_or_default();
    rank(
        content(),
        &profile(content(), &company.answers),
        &company.plan,
        &largest,
    )
}

/// The latest year with footprint entries, and its estimate.
pub fn latest_footprint(company: &Company) -> Option<(String, Estimate)> {
    company
        .footprints
        .iter()
        .next_back()
        .map(|(y, e)| (y.clone(), estimate(content(), e)))
}

/// A short summary of the company's situation and plan, for getting in touch with a service.
pub fn contact_summary(company: &Company, l: Lang) -> String {
    let co = company;
    let mut s = String::new();
    let name = co
        .name()
        .map(str::to_string)
        .unwrap_or_else(|| t(l, Msg::OurCompany).to_string());
    s.push_str(&tf(l, Msg::SummaryIntro, &[("name", &name)]));
    s.push('\n');
    if let Some(m) = co.municipality().and_then(|m| content().municipality(m)) {
        s.push_str(&format!("{}: {}\n", t(l, Msg::Municipality), m.name(l)));
    }
    if let Some(level) = overall(&score_all(content(), &co.answers, co.path)) {
        s.push_str(&format!(
            "{}: {}\n",
            t(l, Msg::OverallLevel),
            t(l, level_msg(level))
        ));
    }
    if let Some((y, e)) = latest_footprint(co) {
        s.push_str(&format!(
            "{} {y}: {} t CO2e\n",
            t(l, Msg::FootprintTitle),
            format_number(l, e.total_t(), 1)
        ));
    }
    let plan: Vec<String> = co
        .plan
        .iter()
        .filter(|p| p.status != PlanStatus::Done)
        .take(5)
        .map(|p| format!("- {}", item_title(l, p)))
        .collect();
    if !plan.is_empty() {
        s.push_str(&format!("{}:\n{}\n", t(l, Msg::PlanTitle), plan.join("\n")));
    }
    let needs: Vec<String> = profile(content(), &co.answers)
        .needs
        .iter()
        .filter_map(|n| content().need_label(n))
        .map(|x| format!("- {}", x.get(l)))
        .collect();
    if !needs.is_empty() {
        s.push_str(&format!(
            "{}:\n{}\n",
            t(l, Msg::SummaryNeeds),
            needs.join("\n")
        ));
    }
    s
}

/// A draft climate commitment with 2–4 goals from the user's own plan.
pub fn commitment_draft(company: &Company, l: Lang, year: u16) -> String {
    let co = company;
    let name = co
        .name()
        .map(str::to_string)
        .unwrap_or_else(|| t(l, Msg::OurCompany).to_string());
    let goals: Vec<String> = co
        .plan
        .iter()
        .filter(|p| p.status != PlanStatus::Done)
        .take(4)
        .enumerate()
        .map(|(i, p)| {
            let due = if p.due.is_empty() {
                String::new()
            } else {
                format!(" ({} {})", t(l, Msg::By), p.due)
            };
            format!("{}. {}{}", i + 1, item_title(l, p), due)
        })
        .collect();
    if goals.len() < 2 {
        return t(l, Msg::CommitmentNeedsPlan).to_string();
    }
    format!(
        "{}\n\n{}\n\n{}",
        tf(
            l,
            Msg::CommitmentHead,
            &[("name", &name), ("year", &year.to_string())]
        ),
        goals.join("\n"),
        t(l, Msg::CommitmentFoot)
    )
}

/// A description of a completed action, ready for Kestävyysloikka.
pub fn loikka_text(company: &Company, l: Lang, item: &PlanItem) -> String {
    let co = company;
    let name = co
        .name()
        .map(str::to_string)
        .unwrap_or_else(|| t(l, Msg::OurCompany).to_string());
    let what = item
        .action
        .as_deref()
        .and_then(|a| content().action(a))
        .map(|a| a.what.get(l).to_string())
        .unwrap_or_default();
    let place = co
        .municipality()
        .and_then(|m| content().municipality(m))
        .map(|m| m.name(l).to_string())
        .unwrap_or_default();
    tf(
        l,
        Msg::LoikkaTemplate,
        &[
            ("name", &name),
            ("title", &item_title(l, item)),
            ("when", item.done_on.as_deref().unwrap_or("")),
            ("place", &place),
            ("what", &what),
            ("note", &item.note),
        ],
    )
}
