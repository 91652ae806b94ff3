//! The app's content (steps, questions, actions, supports, emission factors, municipalities),
//! compiled into the binary from the files under `content/` as static data by `build.rs`, which
//! checks every field against the types below. Texts are indices into the language packs (see
//! `build.rs` and `i18n`). Plain Rust with no browser APIs: tested natively in `tests/content.rs`.
use crate::i18n::Lang;

mod factor;
mod support;
pub use factor::*;
pub use support::*;

/// A text in the three languages of the app: its index in the language packs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Text(pub usize);

impl Text {
    /// The text in `lang` (the pack of `lang` must be loaded; see `i18n::install_pack`).
    pub fn get(&self, lang: Lang) -> &'static str {
        crate::i18n::text(lang, self.0)
    }
}

#[derive(Clone, Debug)]
pub struct Labelled {
    pub id: &'static str,
    pub label: Text,
}

#[derive(Clone, Debug)]
pub struct Vocabulary {
    pub categories: &'static [Labelled],
    pub needs: &'static [Labelled],
    pub facts: &'static [Labelled],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Single,
    Multi,
    Ypn,
    Number,
    Text,
    Municipality,
}

#[derive(Clone, Debug, Default)]
pub struct Effects {
    pub facts: &'static [&'static str],
    pub needs: &'static [&'static str],
}

#[derive(Clone, Debug)]
pub struct Choice {
    pub id: &'static str,
    pub label: Text,
    pub points: u32,
    pub facts: &'static [&'static str],
    pub needs: &'static [&'static str],
    pub exclusive: bool,
}

#[derive(Clone, Debug)]
pub struct Question {
    pub id: &'static str,
    pub kind: Kind,
    pub quick: bool,
    pub text: Text,
    pub help: Option<Text>,
    pub when: &'static [&'static str],
    pub unless: &'static [&'static str],
    pub max_points: Option<u32>,
    pub options: &'static [Choice],
    pub unit: Option<&'static str>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub integer: bool,
    pub max_len: Option<usize>,
    pub on_yes: Option<Effects>,
    pub on_partly: Option<Effects>,
    pub on_no: Option<Effects>,
    pub on_dontknow: Option<Effects>,
}

/// Default and upper bound for the length of a free-text answer.
pub const TEXT_MAX_LEN: usize = 500;

impl Question {
    pub fn option(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.id == id)
    }

    pub fn max_len(&self) -> usize {
        self.max_len.unwrap_or(TEXT_MAX_LEN).min(2000)
    }

    /// The most maturity points an answer to this question can earn.
    pub fn max_points(&self) -> u32 {
        match self.kind {
            Kind::Single => self.options.iter().map(|o| o.points).max().unwrap_or(0),
            Kind::Multi => {
                let sum: u32 = self.options.iter().map(|o| o.points).sum();
                self.max_points.map_or(sum, |cap| cap.min(sum))
            }
            Kind::Ypn => 2,
            Kind::Number | Kind::Text | Kind::Municipality => 0,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Step {
    pub id: &'static str,
    pub title: Text,
    pub intro: Text,
    pub questions: &'static [Question],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cost {
    None,
    Low,
    Medium,
    High,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Low,
    Medium,
    High,
}

impl Level {
    pub fn weight(self) -> i32 {
        match self {
            Level::Low => 1,
            Level::Medium => 2,
            Level::High => 3,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Action {
    pub id: &'static str,
    pub category: &'static str,
    pub title: Text,
    pub what: Text,
    pub why: Text,
    pub cost: Cost,
    pub effort: Level,
    pub impact: Level,
    pub impact_note: Text,
    pub sectors: &'static [&'static str],
    pub when: &'static [&'static str],
    pub done_when: &'static [&'static str],
    pub source: Option<&'static str>,
    /// Shown only when the company has at least one of these facts (empty: no condition).
    pub requires_any: &'static [&'static str],
    /// Never shown when the company has any of these facts.
    pub excludes: &'static [&'static str],
    /// Ranked clearly higher when the company has any of these facts or needs.
    pub boost_when: &'static [&'static str],
    /// Footprint sources (`crate::rough::SOURCES`) the action reduces, besides its own category.
    pub reduces: &'static [&'static str],
    /// The first concrete step, for the three next actions on the Results page.
    pub first_step: Option<Text>,
}

/// A sourced typical figure for the rough footprint (`content/defaults.toml`): the value of a
/// quantity for companies with all the facts of `when` (empty: any company), with a range.
#[derive(Clone, Debug)]
pub struct Typical {
    pub id: &'static str,
    pub quantity: &'static str,
    pub when: &'static [&'static str],
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub unit: &'static str,
    /// The emission factor the figure feeds, where the quantity chooses between several.
    pub factor: Option<&'static str>,
    /// Whether the figure was seen in the cited source; `false`: an assumption to check.
    pub verified: bool,
    pub year: u16,
    pub source: &'static str,
    pub url: &'static str,
    pub checked: &'static str,
}

#[derive(Clone, Debug)]
pub struct Region {
    pub code: &'static str,
    pub fi: &'static str,
    pub sv: &'static str,
}

#[derive(Clone, Debug)]
pub struct Municipality {
    pub code: &'static str,
    pub fi: &'static str,
    pub sv: &'static str,
    pub region: &'static str,
}

impl Municipality {
    /// The name in the user's language: Swedish where one exists, else Finnish.
    pub fn name(&self, lang: Lang) -> &str {
        if lang == Lang::Sv {
            self.sv
        } else {
            self.fi
        }
    }
}

#[derive(Clone, Debug)]
pub struct Municipalities {
    pub source: &'static str,
    pub source_urls: &'static [&'static str],
    pub checked: &'static str,
    pub regions: &'static [Region],
    pub municipalities: &'static [Municipality],
}

/// All content of the app.
pub struct Content {
    pub vocabulary: Vocabulary,
    /// The profile first, then the nine workbook steps.
    pub steps: &'static [Step],
    pub actions: &'static [Action],
    pub supports: &'static [Support],
    pub factors: &'static [Factor],
    pub geo: Municipalities,
    /// Typical figures for the rough footprint, most specific first.
    pub defaults: &'static [Typical],
}

/// The id of the profile step, which comes before the nine workbook steps and is not scored.
pub const PROFILE: &str = "profile";

impl Content {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The nine workbook steps (everything but the profile).
    pub fn workbook_steps(&self) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(|s| s.id != PROFILE)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.steps
            .iter()
            .flat_map(|s| s.questions)
            .find(|q| q.id == id)
    }

    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    pub fn factor(&self, id: &str) -> Option<&Factor> {
        self.factors.iter().find(|f| f.id == id)
    }

    pub fn municipality(&self, code: &str) -> Option<&Municipality> {
        self.geo.municipalities.iter().find(|m| m.code == code)
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.geo.regions.iter().find(|r| r.code == code)
    }

    /// Finds a municipality by Statistics Finland code ("245", "91" is not accepted: codes have
    /// three digits) or by its Finnish or Swedish name, ignoring case.
    pub fn find_municipality(&self, query: &str) -> Option<&Municipality> {
        let q = query.trim();
        if q.is_empty() || q.len() > 60 {
            return None;
        }
        if q.len() == 3 && q.bytes().all(|b| b.is_ascii_digit()) {
            return self.municipality(q);
        }
        let q = q.to_lowercase();
        self.geo
            .municipalities
            .iter()
            .find(|m| m.fi.to_lowercase() == q || m.sv.to_lowercase() == q)
    }

    /// Municipalities whose Finnish or Swedish name contains `query` (case-insensitive), names
    /// starting with it first.
    pub fn search_municipalities(&self, query: &str) -> Vec<&Municipality> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(bool, &Municipality)> = self
            .geo
            .municipalities
            .iter()
            .filter_map(|m| {
                let (fi, sv) = (m.fi.to_lowercase(), m.sv.to_lowercase());
                if fi.starts_with(&q) || sv.starts_with(&q) {
                    Some((true, m))
                } else if fi.contains(&q) || sv.contains(&q) {
                    Some((false, m))
                } else {
                    None
                }
            })
            .collect();
        hits.sort_by_key(|(prefix, _)| !prefix);
        hits.into_iter().map(|(_, m)| m).collect()
    }

    pub fn fact_label(&self, id: &str) -> Option<&Text> {
        self.vocabulary
            .facts
            .iter()
            .find(|f| f.id == id)
            .map(|f| &f.label)
    }

    pub fn need_label(&self, id: &str) -> Option<&Text> {
        self.vocabulary
            .needs
            .iter()
            .find(|f| f.id == id)
            .map(|f| &f.label)
    }

    pub fn category_label(&self, id: &str) -> Option<&Text> {
        self.vocabulary
            .categories
            .iter()
            .find(|f| f.id == id)
            .map(|f| &f.label)
    }
}

include!(concat!(env!("OUT_DIR"), "/content_gen.rs"));

/// The date the content was built (YYYY-MM-DD, UTC; `SOURCE_DATE_EPOCH` if set): the "today"
/// against which support periods and verification dates are judged.
/// `build.rs` runs again when `content/` or `SOURCE_DATE_EPOCH` changes; a release build from a
/// fresh checkout (CI) always carries the day it was built.
pub fn build_date() -> &'static str {
    BUILD_DATE
}

static CONTENT: Content = Content {
    vocabulary: VOCABULARY,
    steps: STEPS,
    actions: ACTIONS,
    supports: SUPPORTS,
    factors: FACTORS,
    geo: GEO,
    defaults: DEFAULTS,
};

/// The app's content (static data: nothing to parse).
pub fn content() -> &'static Content {
    &CONTENT
}

/// The question of the company's name.
pub const NAME_QUESTION: &str = "profile.name";
/// The question of the company's municipality (preselected by `?kunta=`).
pub const MUNICIPALITY_QUESTION: &str = "profile.municipality";
/// The step that carries the footprint calculator.
pub const FOOTPRINT_STEP: &str = "footprint";
/// The option id "I don't know" of a choice question: counted apart, never scored.
pub const UNKNOWN_OPTION: &str = "unknown";

impl Content {
    /// The categories of the emission factors, in the order of `factors.toml`: the footprint
    /// calculator has one group for each.
    pub fn factor_categories(&self) -> Vec<&'static str> {
        let mut categories: Vec<&'static str> = Vec::new();
        for factor in self.factors {
            if !categories.contains(&factor.category) {
                categories.push(factor.category);
            }
        }
        categories
    }
}
