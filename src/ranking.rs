//! Ranks the action library for a company: most impact for least effort first, actions already
//! done left out, each with the reasons it is suggested. Pure.
use crate::content::{Action, Content, Cost};
use crate::model::{PlanItem, PlanStatus, Profile};

#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// A fact about the company ("you heat with oil").
    Fact(String),
    /// A need the company stated.
    Need(String),
    /// The action's category is among the largest sources of the footprint.
    LargestSource(String),
}

#[derive(Clone, Debug)]
pub struct Suggestion<'a> {
    pub action: &'a Action,
    pub score: i32,
    pub reasons: Vec<Reason>,
    /// Already in the plan (but not done).
    pub in_plan: bool,
}

/// Whether an action fits the company's sector (an empty list fits everyone).
pub fn fits_sector(action: &Action, profile: &Profile) -> bool {
    action.sectors.is_empty() || action.sectors.iter().any(|s| profile.has(s))
}

/// The footprint category of emission factors mapped to the action categories.
pub fn action_category_for_source(source_category: &str) -> &'static str {
    match source_category {
        "electricity" => "energy",
        "heating" => "heating",
        "fuels" | "vehicles" => "transport",
        "travel" | "commuting" => "travel",
        "purchases" => "procurement",
        "waste" => "waste",
        _ => "",
    }
}

/// Ranks the relevant actions. `largest_sources` are footprint categories, largest first.
pub fn rank<'a>(
    content: &'a Content,
    profile: &Profile,
    plan: &[PlanItem],
    largest_sources: &[String],
) -> Vec<Suggestion<'a>> {
    let hot: Vec<&str> = largest_sources
        .iter()
        .take(2)
        .map(|c| action_category_for_source(c))
        .collect();
    let mut out: Vec<Suggestion> = content
        .actions
        .iter()
        .filter(|a| fits_sector(a, profile))
        .filter(|a| !a.done_when.iter().any(|f| profile.has(f)))
        .filter(|a| {
            !plan
                .iter()
                .any(|p| p.action.as_deref() == Some(a.id) && p.status == PlanStatus::Done)
        })
        .filter_map(|a| {
            let mut reasons: Vec<Reason> = a
                .when
                .iter()
                .filter_map(|t| {
                    if profile.facts.contains(*t) {
                        Some(Reason::Fact(t.to_string()))
                    } else if profile.needs.contains(*t) {
                        Some(Reason::Need(t.to_string()))
                    } else {
                        None
                    }
                })
                .collect();
            // Only answers make an action relevant; a large footprint source only raises it.
            if reasons.is_empty() {
                return None;
            }
            let source_hit = hot.contains(&a.category);
            if source_hit {
                reasons.push(Reason::LargestSource(a.category.to_string()));
            }
            let cost = match a.cost {
                Cost::None => 0,
                Cost::Low => 1,
                Cost::Medium => 2,
                Cost::High => 3,
            };
            let matches = reasons.len().min(3) as i32;
            // Impact first, then effort and cost: a heat pump for an oil-heated company outranks
            // turning the thermostat down, which outranks a newsletter.
            let score = a.impact.weight() * 15 - a.effort.weight() * 3 - cost * 2
                + matches * 3
                + if source_hit { 8 } else { 0 };
            let in_plan = plan.iter().any(|p| p.action.as_deref() == Some(a.id));
            Some(Suggestion {
                action: a,
                score,
                reasons,
                in_plan,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.action.id.cmp(b.action.id))
    });
    out
}
