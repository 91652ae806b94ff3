//! The changes of a company and of the workspace, each one verb, with the limits they keep.
use super::{next_id, Answer, Company, FootprintEntry, PlanItem, Workspace};
use crate::content::MUNICIPALITY_QUESTION;
use std::collections::BTreeMap;

/// The most companies a workspace holds.
pub const MAX_COMPANIES: usize = 100;
/// The most plan items of a company.
pub const MAX_PLAN_ITEMS: usize = 300;
/// The most year snapshots of a company.
pub const MAX_SNAPSHOTS: usize = 50;
/// The longest short text (a plan item's title or owner).
pub const MAX_SHORT_TEXT: usize = 200;
/// The longest note.
pub const MAX_NOTE: usize = 2000;

impl Workspace {
    /// Takes in an imported company: as a new company made active (`as_new`), or in place of the
    /// active one, keeping the active id. A new company beyond `MAX_COMPANIES` is refused
    /// (`false`, nothing changes).
    pub fn import_company(&mut self, mut company: Company, as_new: bool) -> bool {
        if as_new {
            if self.companies.len() >= MAX_COMPANIES {
                return false;
            }
            company.id = next_id("c", self.companies.iter().map(|c| c.id.as_str()));
            self.active = company.id.clone();
            self.companies.push(company);
        } else {
            company.id = self.active.clone();
            *self.active_mut() = company;
        }
        true
    }
}

impl Company {
    /// Adds the user's own action to the plan, its title trimmed and cut to `MAX_SHORT_TEXT`
    /// characters; returns the item id, or `None` for an empty title.
    pub fn add_own_item(&mut self, title: &str, today: &str) -> Option<String> {
        let title = title.trim();
        if title.is_empty() {
            return None;
        }
        let id = next_id("p", self.plan.iter().map(|p| p.id.as_str()));
        self.plan.push(PlanItem {
            id: id.clone(),
            title: title.chars().take(MAX_SHORT_TEXT).collect(),
            added: today.into(),
            ..PlanItem::default()
        });
        Some(id)
    }

    /// Changes one plan item, if it exists.
    pub fn update_item(&mut self, item: &str, change: impl FnOnce(&mut PlanItem)) {
        if let Some(p) = self.plan.iter_mut().find(|p| p.id == item) {
            change(p);
        }
    }

    /// Removes one plan item.
    pub fn remove_item(&mut self, item: &str) {
        self.plan.retain(|p| p.id != item);
    }

    /// The footprint input of one factor in one year.
    pub fn footprint_entry(&self, year: &str, factor: &str) -> Option<&FootprintEntry> {
        self.footprints.get(year)?.get(factor)
    }

    /// Sets (`Some`) or clears (`None`) the footprint input of one factor in one year; a year
    /// left without inputs disappears.
    pub fn set_footprint_entry(&mut self, year: &str, factor: &str, entry: Option<FootprintEntry>) {
        let inputs = self.footprints.entry(year.to_string()).or_default();
        match entry {
            Some(entry) => {
                inputs.insert(factor.to_string(), entry);
            }
            None => {
                inputs.remove(factor);
            }
        }
        if inputs.is_empty() {
            self.footprints.remove(year);
        }
    }
}

impl Workspace {
    /// Takes in the answers of a share link: into a new company made active (`as_new`), or in
    /// place of the active company's answers. The plan, footprint and snapshots stay.
    pub fn take_answers(&mut self, answers: BTreeMap<String, Answer>, as_new: bool, now: &str) {
        if as_new {
            self.add_company(now);
        }
        let company = self.active_mut();
        company.answers = answers;
        company.updated = now.into();
    }

    /// Makes the company with this id the active one, if there is one.
    pub fn switch_to(&mut self, id: &str) {
        if self.companies.iter().any(|c| c.id == id) {
            self.active = id.into();
        }
    }

    /// Forgets everything: one empty company, created now.
    pub fn reset(&mut self, now: &str) {
        *self = Workspace::default();
        self.companies[0].created = now.into();
    }
}

impl Company {
    /// Answers the municipality question with `code` unless it is answered already (`?kunta=`
    /// of an embedding municipality); whether it did.
    pub fn preselect_municipality(&mut self, code: &str) -> bool {
        if self.answers.contains_key(MUNICIPALITY_QUESTION) {
            return false;
        }
        self.answers.insert(
            MUNICIPALITY_QUESTION.into(),
            Answer::Municipality(code.into()),
        );
        true
    }
}
