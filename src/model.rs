//! The user's own data: answers, action plan, footprint entries, snapshots and companies.
//! Plain data (serialised into localStorage and export files), no browser APIs.
use crate::content::{Content, Kind, Question, MUNICIPALITY_QUESTION, NAME_QUESTION};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Yes / partly / no / don't know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ypn {
    Yes,
    Partly,
    No,
    DontKnow,
}

impl Ypn {
    pub const ALL: [Ypn; 4] = [Ypn::Yes, Ypn::Partly, Ypn::No, Ypn::DontKnow];
}

/// One answer. The variant must fit the question's kind (checked on import).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "lowercase")]
pub enum Answer {
    Choice(String),
    Multi(Vec<String>),
    Ypn(Ypn),
    Number(f64),
    Text(String),
    Municipality(String),
}

/// The quick path asks only the most telling questions; the full path asks everything.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PathKind {
    #[default]
    Quick,
    Full,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum PlanStatus {
    #[default]
    Idea,
    Planned,
    InProgress,
    Done,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 4] = [
        PlanStatus::Idea,
        PlanStatus::Planned,
        PlanStatus::InProgress,
        PlanStatus::Done,
    ];
}

/// An action the user owns: from the library (`action`) or written by the user (`title`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanItem {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default)]
    pub status: PlanStatus,
    #[serde(default)]
    pub owner: String,
    /// Due month, "YYYY-MM", or empty.
    #[serde(default)]
    pub due: String,
    #[serde(default)]
    pub note: String,
    /// The date ("YYYY-MM-DD") the item was marked done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<String>,
    #[serde(default)]
    pub added: String,
}

/// One footprint input: an amount in a unit (converted to the factor's unit when calculating).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FootprintEntry {
    pub amount: f64,
    pub unit: String,
}

/// The footprint inputs of one year, keyed by emission-factor id.
pub type FootprintYear = BTreeMap<String, FootprintEntry>;

/// "Close this year's assessment": a dated copy of the answers and footprint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub id: String,
    pub year: u16,
    pub closed_on: String,
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub footprint: Option<FootprintYear>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Company {
    pub id: String,
    #[serde(default)]
    pub path: PathKind,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub plan: Vec<PlanItem>,
    /// Footprint inputs by year ("2025").
    #[serde(default)]
    pub footprints: BTreeMap<String, FootprintYear>,
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub updated: String,
}

/// Everything stored on one device: one or more companies (an advisor may hold several).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub companies: Vec<Company>,
    pub active: String,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            companies: vec![Company {
                id: "c1".into(),
                ..Company::default()
            }],
            active: "c1".into(),
        }
    }
}

impl Workspace {
    pub fn active(&self) -> &Company {
        self.companies
            .iter()
            .find(|c| c.id == self.active)
            .unwrap_or(&self.companies[0])
    }

    pub fn active_mut(&mut self) -> &mut Company {
        let i = self
            .companies
            .iter()
            .position(|c| c.id == self.active)
            .unwrap_or(0);
        &mut self.companies[i]
    }

    /// Adds an empty company, makes it active and returns its id.
    pub fn add_company(&mut self, now: &str) -> String {
        let id = next_id("c", self.companies.iter().map(|c| c.id.as_str()));
        self.companies.push(Company {
            id: id.clone(),
            created: now.into(),
            updated: now.into(),
            ..Company::default()
        });
        self.active = id.clone();
        id
    }

    /// Removes a company; the last one is never removed (it is emptied instead).
    pub fn remove_company(&mut self, id: &str) {
        if self.companies.len() <= 1 {
            self.companies[0] = Company {
                id: self.companies[0].id.clone(),
                ..Company::default()
            };
            return;
        }
        self.companies.retain(|c| c.id != id);
        if !self.companies.iter().any(|c| c.id == self.active) {
            self.active = self.companies[0].id.clone();
        }
    }
}

/// A new id with `prefix` not used by any of `existing`: "c1", "c2", ….
pub fn next_id<'a>(prefix: &str, existing: impl Iterator<Item = &'a str>) -> String {
    let max = existing
        .filter_map(|id| id.strip_prefix(prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", max + 1)
}

impl Company {
    /// The company name from the profile, if given.
    pub fn name(&self) -> Option<&str> {
        match self.answers.get(NAME_QUESTION) {
            Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim()),
            _ => None,
        }
    }

    pub fn municipality(&self) -> Option<&str> {
        match self.answers.get(MUNICIPALITY_QUESTION) {
            Some(Answer::Municipality(code)) => Some(code),
            _ => None,
        }
    }

    /// Adds a library action to the plan unless it is there already; returns the item id.
    pub fn add_to_plan(&mut self, action: &str, today: &str) -> String {
        if let Some(item) = self
            .plan
            .iter()
            .find(|p| p.action.as_deref() == Some(action))
        {
            return item.id.clone();
        }
        let id = next_id("p", self.plan.iter().map(|p| p.id.as_str()));
        self.plan.push(PlanItem {
            id: id.clone(),
            action: Some(action.into()),
            added: today.into(),
            ..PlanItem::default()
        });
        id
    }

    /// Sets an item's status; marking it done records today's date, reopening clears it.
    pub fn set_status(&mut self, item: &str, status: PlanStatus, today: &str) {
        if let Some(p) = self.plan.iter_mut().find(|p| p.id == item) {
            if status == PlanStatus::Done && p.status != PlanStatus::Done {
                p.done_on = Some(today.into());
            } else if status != PlanStatus::Done {
                p.done_on = None;
            }
            p.status = status;
        }
    }

    /// Stores a dated snapshot of this year's answers and footprint.
    pub fn close_year(&mut self, year: u16, today: &str) -> String {
        let id = next_id("s", self.snapshots.iter().map(|s| s.id.as_str()));
        self.snapshots.push(Snapshot {
            id: id.clone(),
            year,
            closed_on: today.into(),
            answers: self.answers.clone(),
            footprint: self.footprints.get(&year.to_string()).cloned(),
        });
        id
    }
}

impl Company {
    /// The snapshots in the order of their year, then the day each was closed, then the order
    /// they were made in: the same list whatever the device clock did when they were made.
    pub fn snapshots_in_order(&self) -> Vec<&Snapshot> {
        let mut list: Vec<&Snapshot> = self.snapshots.iter().collect();
        list.sort_by(|a, b| {
            a.year
                .cmp(&b.year)
                .then_with(|| a.closed_on.cmp(&b.closed_on))
                .then_with(|| id_number(&a.id).cmp(&id_number(&b.id)))
                .then_with(|| a.id.cmp(&b.id))
        });
        list
    }

    /// The snapshot of the latest year (the last of `snapshots_in_order`).
    pub fn latest_snapshot(&self) -> Option<&Snapshot> {
        self.snapshots_in_order().pop()
    }
}

/// The number of an id such as "s12" (0 when it has none).
fn id_number(id: &str) -> u32 {
    id.trim_start_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .unwrap_or(0)
}

/// Facts and needs that the answers imply, plus `municipality:<code>` and `region:<code>`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    pub facts: BTreeSet<String>,
    pub needs: BTreeSet<String>,
}

impl Profile {
    pub fn has(&self, tag: &str) -> bool {
        self.facts.contains(tag) || self.needs.contains(tag)
    }
}

/// Derives the facts and needs implied by a set of answers.
pub fn profile(content: &Content, answers: &BTreeMap<String, Answer>) -> Profile {
    let mut p = Profile::default();
    for step in content.steps {
        for q in step.questions {
            let Some(a) = answers.get(q.id) else {
                continue;
            };
            match (q.kind, a) {
                (Kind::Single, Answer::Choice(id)) => add_option(&mut p, q, id),
                (Kind::Multi, Answer::Multi(ids)) => {
                    ids.iter().for_each(|id| add_option(&mut p, q, id))
                }
                (Kind::Ypn, Answer::Ypn(v)) => {
                    let e = match v {
                        Ypn::Yes => &q.on_yes,
                        Ypn::Partly => &q.on_partly,
                        Ypn::No => &q.on_no,
                        Ypn::DontKnow => &q.on_dontknow,
                    };
                    if let Some(e) = e {
                        p.facts.extend(e.facts.iter().map(|s| s.to_string()));
                        p.needs.extend(e.needs.iter().map(|s| s.to_string()));
                    }
                }
                (Kind::Municipality, Answer::Municipality(code)) => {
                    if let Some(m) = content.municipality(code) {
                        p.facts.insert(format!("municipality:{}", m.code));
                        p.facts.insert(format!("region:{}", m.region));
                    }
                }
                _ => {}
            }
        }
    }
    p
}

fn add_option(p: &mut Profile, q: &Question, id: &str) {
    if let Some(o) = q.option(id) {
        p.facts.extend(o.facts.iter().map(|s| s.to_string()));
        p.needs.extend(o.needs.iter().map(|s| s.to_string()));
    }
}

/// Whether a question is shown for this profile on this path.
pub fn visible(q: &Question, profile: &Profile, path: PathKind) -> bool {
    (path == PathKind::Full || q.quick)
        && (q.when.is_empty() || q.when.iter().any(|t| profile.has(t)))
        && !q.unless.iter().any(|t| profile.has(t))
}

/// Progress over the visible questions: (answered, visible) for one step.
pub fn step_progress(
    content: &Content,
    step_id: &str,
    answers: &BTreeMap<String, Answer>,
    path: PathKind,
) -> (usize, usize) {
    let prof = profile(content, answers);
    let Some(step) = content.step(step_id) else {
        return (0, 0);
    };
    let vis: Vec<_> = step
        .questions
        .iter()
        .filter(|q| visible(q, &prof, path))
        .collect();
    (
        vis.iter().filter(|q| answers.contains_key(q.id)).count(),
        vis.len(),
    )
}

/// Progress over the profile and all steps.
pub fn total_progress(
    content: &Content,
    answers: &BTreeMap<String, Answer>,
    path: PathKind,
) -> (usize, usize) {
    content
        .steps
        .iter()
        .map(|s| step_progress(content, s.id, answers, path))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
}

mod answer;
mod changes;

pub use answer::{check_answer, toggle_option, AnswerProblem};
pub use changes::{MAX_COMPANIES, MAX_NOTE, MAX_PLAN_ITEMS, MAX_SHORT_TEXT, MAX_SNAPSHOTS};
