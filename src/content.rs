//! The app's content (steps, questions, actions, supports, emission factors, municipalities),
//! compiled into the binary from the files under `content/` as static data by `build.rs`, which
//! checks every field against the types below. Texts are indices into the language packs (see
//! `build.rs` and `i18n`). Plain Rust with no browser APIs: tested natively in `tests/content.rs`.
use crate::i18n::Lang;

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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

    /// The kind's code in the supports filter (`<option value>`), written out rather than built
    /// with `{:?}`, so that no Debug formatting is needed for it.
    pub fn code(self) -> &'static str {
        match self {
            SupportKind::Network => "network",
            SupportKind::Municipal => "municipal",
            SupportKind::Funding => "funding",
            SupportKind::Advice => "advice",
            SupportKind::Commitment => "commitment",
            SupportKind::Visibility => "visibility",
            SupportKind::Learning => "learning",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupportCost {
    Free,
    Paid,
    Varies,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Active,
    Unverified,
    Ended,
}

/// What a link on a support card leads to; the card labels it by its kind ("Hae tukea",
/// "Liity verkostoon", "Yhteystiedot", "Lisätietoa"), never by a bare domain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkKind {
    /// Where a company applies for the funding or service.
    Apply,
    /// Where a company joins the network or commitment.
    Join,
    /// The organisation's contact page (people, phone, e-mail, form).
    Contact,
    /// A page that explains the service.
    Info,
}

/// A link for the user (not a source): its kind and the page in Finnish, with the organisation's
/// Swedish and English page where it has one.
#[derive(Clone, Debug)]
pub struct Link {
    pub kind: LinkKind,
    pub url: &'static str,
    pub url_sv: Option<&'static str>,
    pub url_en: Option<&'static str>,
}

impl Link {
    /// The page in the reader's language where the organisation has one, else the Finnish one.
    pub fn url_for(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.url_sv.unwrap_or(self.url),
            Lang::En => self.url_en.unwrap_or(self.url),
            Lang::Fi => self.url,
        }
    }
}

/// Who can get a support, as far as the app can tell from the answers. See `matching`.
#[derive(Clone, Debug, Default)]
pub struct Eligibility {
    /// The company must have at least one of these facts…
    pub requires_any: &'static [&'static str],
    /// …and the answer is known to be "no" once it has a fact starting with one of these prefixes
    /// (e.g. `premises:`); before that, eligibility is uncertain.
    pub decided_by: &'static [&'static str],
    /// Never for a company with any of these facts.
    pub excludes: &'static [&'static str],
    /// Not in these regions / municipalities (e.g. cities outside every Leader area).
    pub not_regions: &'static [&'static str],
    pub not_municipalities: &'static [&'static str],
    /// Municipalities (codes) listed in the area whose membership is not confirmed: shown there
    /// as uncertain.
    pub area_uncertain: &'static [&'static str],
    /// Whether it depends on where in the municipality the company is (e.g. rural areas only):
    /// then never certain from the municipality alone.
    pub by_location: bool,
    /// The smallest project the funder accepts, in euros (shown; the app cannot check it).
    pub min_project_eur: Option<u32>,
    /// The energy use from which it applies, MWh a year (shown; the app cannot check it).
    pub min_energy_mwh: Option<u32>,
    /// The last day of the period (YYYY-MM-DD): the entry counts as ended after it.
    pub ends: Option<&'static str>,
    /// Who can get it, in words (shown on the card when eligibility is uncertain).
    pub note: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Support {
    pub id: &'static str,
    pub kind: SupportKind,
    pub name: Text,
    pub description: Text,
    /// The organiser's name in Finnish, or its one name where it has no official translation.
    pub organiser: &'static str,
    /// The organiser's name in fi/sv/en where it has official translations.
    pub organiser_text: Option<Text>,
    /// How to use it: whom to contact, what to ask for, what it costs.
    pub how: Option<Text>,
    pub phone: Option<&'static str>,
    pub email: Option<&'static str>,
    /// Where one applies, joins, gets in touch or reads more (at most one link per kind).
    pub links: &'static [Link],
    pub municipalities: &'static [&'static str],
    pub regions: &'static [&'static str],
    pub national: bool,
    /// A national entry is for mainland Finland only unless this is set (Åland has its own
    /// authorities and schemes).
    pub aland: bool,
    /// A local or sub-regional business-advice contact (a person a company can call).
    pub business_advice: bool,
    pub offers: &'static [&'static str],
    pub needs: &'static [&'static str],
    pub sizes: &'static [&'static str],
    pub sectors: &'static [&'static str],
    pub eligibility: Option<Eligibility>,
    pub cost: SupportCost,
    /// What it costs the company, in words.
    pub cost_note: Option<Text>,
    pub commitment: bool,
    pub status: Status,
    pub last_evidence: &'static str,
    /// When the entry was last reviewed against the project's research (not the live page).
    pub reviewed_at: &'static str,
    /// When its facts were last seen on the organisation's own page (live or archived copy)…
    pub verified_at: Option<&'static str>,
    /// …and where (the page seen).
    pub source: Option<&'static str>,
    /// Sources (https).
    pub urls: &'static [&'static str],
}

/// An entry not verified for this long before the build date is shown as "to be checked".
pub const FRESH_MONTHS: u32 = 12;

/// The date `months` months before `date` (YYYY-MM-DD; the day is kept, which is fine for
/// comparing dates as text).
pub fn months_before(date: &str, months: u32) -> String {
    let y: i32 = date.get(0..4).and_then(|x| x.parse().ok()).unwrap_or(0);
    let m: i32 = date.get(5..7).and_then(|x| x.parse().ok()).unwrap_or(1);
    let total = y * 12 + (m - 1) - months as i32;
    format!(
        "{:04}-{:02}{}",
        total.div_euclid(12),
        total.rem_euclid(12) + 1,
        date.get(7..).unwrap_or("")
    )
}

impl Support {
    /// The organiser's name in the reader's language.
    pub fn organiser_name(&self, lang: Lang) -> &'static str {
        self.organiser_text.map_or(self.organiser, |t| t.get(lang))
    }

    /// Whether its facts were verified within `FRESH_MONTHS` before `today` (YYYY-MM-DD).
    pub fn verified_recently(&self, today: &str) -> bool {
        self.verified_at
            .is_some_and(|v| v >= months_before(today, FRESH_MONTHS).as_str())
    }

    /// The status on `today`: ended once its period is over; unverified when the data says so
    /// or when it has not been verified in the last `FRESH_MONTHS` (time passing never fails a
    /// build, it only moves entries to "to be checked").
    pub fn status_on(&self, today: &str) -> Status {
        let over = self
            .eligibility
            .as_ref()
            .and_then(|e| e.ends)
            .is_some_and(|end| end < today);
        match self.status {
            Status::Ended => Status::Ended,
            _ if over => Status::Ended,
            Status::Active if self.verified_recently(today) => Status::Active,
            _ => Status::Unverified,
        }
    }

    /// The link of a kind, if any.
    pub fn link(&self, kind: LinkKind) -> Option<&'static Link> {
        self.links.iter().find(|l| l.kind == kind)
    }
}

#[derive(Clone, Debug)]
pub struct Factor {
    pub id: &'static str,
    pub category: &'static str,
    pub scope: u8,
    pub unit: &'static str,
    pub kg_per_unit: f64,
    pub label: Text,
    pub where_to_find: Text,
    pub year: u16,
    pub source: &'static str,
    pub url: &'static str,
    pub checked: &'static str,
    /// Who publishes the number (shown to users in their language, with `url`).
    pub basis: Basis,
    /// How far the number could be checked (shown to users next to the source).
    pub verification: Verification,
}

/// The publisher a factor's number comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Statistics Finland.
    Statfi,
    /// The Energy Authority (residual mix).
    Energiavirasto,
    /// GHG Protocol rules (a zero by definition).
    Ghgp,
    /// Motiva / Energiateollisuus (district heat).
    Motiva,
    /// VTT LIPASTO unit emissions.
    Lipasto,
    /// UK DESNZ conversion factors.
    Desnz,
    /// US EPA USEEIO supply-chain factors.
    Useeio,
    /// Computed from other factors of this file.
    Derived,
}

/// How far a factor's number could be checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verification {
    /// Seen in a stored copy of the publisher's own page.
    Publisher,
    /// Read from a public copy of the official table; to be checked against the original.
    Copy,
    /// Not seen in any source: could not be verified.
    Unverified,
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
