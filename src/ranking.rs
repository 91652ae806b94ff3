//! Ranks the action library for a company: most impact for least effort first, actions already
//! done left out, each with the reasons it is suggested. Pure.
use crate::content::{Action, Content, Cost};
use crate::model::{profile, Company, PlanItem, PlanStatus, Profile};
use crate::rough::{estimate_for, source_of};

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

/// Whether the company's facts make the action applicable: at least one fact of `requires_any`
/// (when given) and none of `excludes`. A vehicle action needs vehicles, a building action needs
/// premises the company controls.
pub fn applicable(action: &Action, profile: &Profile) -> bool {
    (action.requires_any.is_empty() || action.requires_any.iter().any(|f| profile.has(f)))
        && !action.excludes.iter().any(|f| profile.has(f))
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

/// Ranks the relevant actions. `largest_sources` are footprint categories or sources
/// (`rough::SOURCES`), largest first; only the first counts as "your largest source", so the
/// reason is always true.
pub fn rank<'a>(
    content: &'a Content,
    profile: &Profile,
    plan: &[PlanItem],
    largest_sources: &[String],
) -> Vec<Suggestion<'a>> {
    let largest: Option<&str> = largest_sources.first().map(|c| source_of(c));
    let hot = largest.map(action_category_for_source).unwrap_or("");
    let mut out: Vec<Suggestion> = content
        .actions
        .iter()
        .filter(|a| fits_sector(a, profile))
        .filter(|a| applicable(a, profile))
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
            let matches = reasons.len().min(3) as i32;
            let source_hit = !hot.is_empty()
                && (a.category == hot || largest.is_some_and(|l| a.reduces.contains(&l)));
            // Answers make an action relevant; the largest source also does for actions of its
            // own category (a builder whose purchases dominate gets purchasing actions).
            if reasons.is_empty() && !(source_hit && a.category == hot) {
                return None;
            }
            if source_hit {
                reasons.push(Reason::LargestSource(hot.to_string()));
            }
            let boosted = a.boost_when.iter().any(|t| profile.has(t));
            let cost = match a.cost {
                Cost::None => 0,
                Cost::Low => 1,
                Cost::Medium => 2,
                Cost::High => 3,
            };
            // Impact first, then effort and cost: a heat pump for an oil-heated company outranks
            // turning the thermostat down, which outranks a newsletter. What the company's own
            // situation makes central (`boost_when`: food waste for a café, the landlord for a
            // tenant) and what cuts its largest source come clearly higher.
            let score = a.impact.weight() * 15 - a.effort.weight() * 3 - cost * 2
                + matches * 3
                + if source_hit { 12 } else { 0 }
                + if boosted { 20 } else { 0 };
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

/// All suggestions for a company, raised by the largest source of its footprint for `year`
/// (the rough estimate when no bills are entered): what the Results page and the plan's library
/// should list.
pub fn suggestions_for<'a>(
    content: &'a Content,
    company: &Company,
    year: &str,
) -> Vec<Suggestion<'a>> {
    let prof = profile(content, &company.answers);
    let largest = estimate_for(content, company, year).largest_sources();
    rank(content, &prof, &company.plan, &largest)
}

/// The `n` next actions for the top of the Results page: the best-ranked suggestions not yet in
/// the plan, at most two of one category so that one source does not crowd out the rest. Each
/// has impact, effort, cost and (`action.first_step`) the first concrete step.
pub fn next_actions<'a>(
    content: &'a Content,
    company: &Company,
    year: &str,
    n: usize,
) -> Vec<Suggestion<'a>> {
    let all: Vec<Suggestion> = suggestions_for(content, company, year)
        .into_iter()
        .filter(|s| !s.in_plan)
        .collect();
    let mut picked: Vec<Suggestion> = Vec::new();
    for s in &all {
        if picked.len() == n {
            break;
        }
        let same = picked
            .iter()
            .filter(|p| p.action.category == s.action.category)
            .count();
        if same < 2 {
            picked.push(s.clone());
        }
    }
    for s in all {
        if picked.len() >= n {
            break;
        }
        if !picked.iter().any(|p| p.action.id == s.action.id) {
            picked.push(s);
        }
    }
    picked.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.action.id.cmp(b.action.id))
    });
    picked
}
