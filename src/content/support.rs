//! Supports as the content describes them: kinds, costs, statuses, links by kind, eligibility,
//! and the freshness of their facts (verified within `FRESH_MONTHS` of the build date).
use super::Text;
use crate::i18n::Lang;

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
