//! The app's content (steps, questions, actions, supports, emission factors, municipalities),
//! compiled into the binary from the files under `content/` and parsed once on first use. Texts
//! are indices into the language packs (see `build.rs` and `i18n`).
//! Plain Rust with no browser APIs: tested natively in `tests/content.rs`.
use crate::i18n::Lang;
use serde::Deserialize;
use std::sync::OnceLock;

/// A text in the three languages of the app: its index in the language packs.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct Text(pub usize);

impl Text {
    /// The text in `lang` (the pack of `lang` must be loaded; see `i18n::install_pack`).
    pub fn get(&self, lang: Lang) -> &'static str {
        crate::i18n::text(lang, self.0)
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct Labelled {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Vocabulary {
    #[serde(rename = "category")]
    pub categories: Vec<Labelled>,
    #[serde(rename = "need")]
    pub needs: Vec<Labelled>,
    #[serde(rename = "fact")]
    pub facts: Vec<Labelled>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Single,
    Multi,
    Ypn,
    Number,
    Text,
    Municipality,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct Effects {
    #[serde(default)]
    pub facts: Vec<String>,
    #[serde(default)]
    pub needs: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub points: u32,
    #[serde(default)]
    pub facts: Vec<String>,
    #[serde(default)]
    pub needs: Vec<String>,
    #[serde(default)]
    pub exclusive: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    #[serde(default)]
    pub quick: bool,
    pub text: Text,
    pub help: Option<Text>,
    #[serde(default)]
    pub when: Vec<String>,
    #[serde(default)]
    pub unless: Vec<String>,
    pub max_points: Option<u32>,
    #[serde(default, rename = "option")]
    pub options: Vec<Choice>,
    pub unit: Option<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    #[serde(default)]
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

#[derive(Clone, Debug, Deserialize)]
pub struct Step {
    pub id: String,
    pub title: Text,
    pub intro: Text,
    #[serde(default, rename = "question")]
    pub questions: Vec<Question>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Cost {
    None,
    Low,
    Medium,
    High,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
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

#[derive(Clone, Debug, Deserialize)]
pub struct Action {
    pub id: String,
    pub category: String,
    pub title: Text,
    pub what: Text,
    pub why: Text,
    pub cost: Cost,
    pub effort: Level,
    pub impact: Level,
    pub impact_note: Text,
    #[serde(default)]
    pub sectors: Vec<String>,
    #[serde(default)]
    pub when: Vec<String>,
    #[serde(default)]
    pub done_when: Vec<String>,
    pub source: Option<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum SupportKind {
    Network,
    Municipal,
    Funding,
    Advice,
    Commitment,
    Visibility,
    Learning,
}

impl SupportKind {
    pub const ALL: [SupportKind; 7] = [
        SupportKind::Network,
        SupportKind::Municipal,
        SupportKind::Funding,
        SupportKind::Advice,
        SupportKind::Commitment,
        SupportKind::Visibility,
        SupportKind::Learning,
    ];
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SupportCost {
    Free,
    Paid,
    Varies,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Unverified,
    Ended,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Support {
    pub id: String,
    pub kind: SupportKind,
    pub name: Text,
    pub description: Text,
    pub organiser: String,
    #[serde(default)]
    pub municipalities: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
    #[serde(default)]
    pub national: bool,
    #[serde(default)]
    pub offers: Vec<String>,
    #[serde(default)]
    pub needs: Vec<String>,
    #[serde(default)]
    pub sizes: Vec<String>,
    #[serde(default)]
    pub sectors: Vec<String>,
    pub cost: SupportCost,
    #[serde(default)]
    pub commitment: bool,
    pub status: Status,
    pub last_evidence: String,
    pub checked: String,
    pub urls: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Factor {
    pub id: String,
    pub category: String,
    pub scope: u8,
    pub unit: String,
    pub kg_per_unit: f64,
    pub label: Text,
    pub where_to_find: Text,
    pub year: u16,
    pub source: String,
    pub url: String,
    pub checked: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Region {
    pub code: String,
    pub fi: String,
    pub sv: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Municipality {
    pub code: String,
    pub fi: String,
    pub sv: String,
    pub region: String,
}

impl Municipality {
    /// The name in the user's language: Swedish where one exists, else Finnish.
    pub fn name(&self, lang: Lang) -> &str {
        if lang == Lang::Sv {
            &self.sv
        } else {
            &self.fi
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct Municipalities {
    pub source: String,
    pub source_urls: Vec<String>,
    pub checked: String,
    pub regions: Vec<Region>,
    pub municipalities: Vec<Municipality>,
}

#[derive(Deserialize)]
struct StepsFile {
    step: Vec<Step>,
}
#[derive(Deserialize)]
struct ActionsFile {
    action: Vec<Action>,
}
#[derive(Deserialize)]
struct SupportsFile {
    support: Vec<Support>,
}
#[derive(Deserialize)]
struct FactorsFile {
    factor: Vec<Factor>,
}

/// All content of the app.
pub struct Content {
    pub vocabulary: Vocabulary,
    /// The profile first, then the nine workbook steps.
    pub steps: Vec<Step>,
    pub actions: Vec<Action>,
    pub supports: Vec<Support>,
    pub factors: Vec<Factor>,
    pub geo: Municipalities,
}

/// The id of the profile step, which comes before the nine workbook steps and is not scored.
pub const PROFILE: &str = "profile";

impl Content {
    fn parse() -> Result<Content, String> {
        fn p<T: for<'de> Deserialize<'de>>(name: &str, json: &str) -> Result<T, String> {
            serde_json::from_str(json).map_err(|e| format!("content/{name}: {e}"))
        }
        Ok(Content {
            vocabulary: p(
                "vocabulary.toml",
                include_str!(concat!(env!("OUT_DIR"), "/vocabulary.json")),
            )?,
            steps: p::<StepsFile>(
                "steps.toml",
                include_str!(concat!(env!("OUT_DIR"), "/steps.json")),
            )?
            .step,
            actions: p::<ActionsFile>(
                "actions.toml",
                include_str!(concat!(env!("OUT_DIR"), "/actions.json")),
            )?
            .action,
            supports: p::<SupportsFile>(
                "supports.toml",
                include_str!(concat!(env!("OUT_DIR"), "/supports.json")),
            )?
            .support,
            factors: p::<FactorsFile>(
                "factors.toml",
                include_str!(concat!(env!("OUT_DIR"), "/factors.json")),
            )?
            .factor,
            geo: p(
                "municipalities.json",
                include_str!(concat!(env!("OUT_DIR"), "/municipalities.json")),
            )?,
        })
    }

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
            .flat_map(|s| &s.questions)
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

static CONTENT: OnceLock<Content> = OnceLock::new();

/// The app's content. Parsed on first use; the tests guarantee that the compiled-in files parse.
pub fn content() -> &'static Content {
    CONTENT.get_or_init(|| Content::parse().unwrap_or_else(|e| panic!("invalid content: {e}")))
}

/// Parses the content and reports the first error, for tests.
pub fn check() -> Result<(), String> {
    Content::parse().map(|_| ())
}
