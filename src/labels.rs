//! Words for the app's enums and ids in a language: maturity levels, plan statuses, support
//! kinds, cost/effort/impact, units, footprint categories, the reasons behind a suggestion or a
//! recommendation, answers and import problems. Pure: tested natively.
use crate::content::{content, Action, Cost, Level, Question, SupportKind};
use crate::i18n::{format_number, t, tf, Lang, Msg};
use crate::matching::MatchReason;
use crate::model::{Answer, PlanItem, PlanStatus, Ypn};
use crate::persist::{Dropped, Part, Problem, StorageFault};
use crate::ranking::Reason;
use crate::scoring::Maturity;

pub fn level_msg(level: Maturity) -> Msg {
    match level {
        Maturity::NotYet => Msg::LevelNotYet,
        Maturity::OnTheWay => Msg::LevelOnTheWay,
        Maturity::Forerunner => Msg::LevelForerunner,
    }
}

pub fn level_explain_msg(level: Maturity) -> Msg {
    match level {
        Maturity::NotYet => Msg::LevelNotYetExplain,
        Maturity::OnTheWay => Msg::LevelOnTheWayExplain,
        Maturity::Forerunner => Msg::LevelForerunnerExplain,
    }
}

pub fn unit_label(lang: Lang, unit: &str) -> String {
    let msg = match unit {
        "eur" => Msg::UnitEur,
        "pcs" => Msg::UnitPcs,
        "persons" => Msg::UnitPersons,
        "pct" => return "%".into(),
        "l" => Msg::UnitLitres,
        "m3" => return "m³".into(),
        "m2" => return "m²".into(),
        other => return other.to_string(),
    };
    t(lang, msg).to_string()
}

/// The words of a yes/partly/no/don't know answer.
pub fn ypn_msg(answer: Ypn) -> Msg {
    match answer {
        Ypn::Yes => Msg::Yes,
        Ypn::Partly => Msg::Partly,
        Ypn::No => Msg::No,
        Ypn::DontKnow => Msg::DontKnow,
    }
}

pub fn fp_category_label(l: Lang, cat: &str) -> String {
    let msg = match cat {
        "electricity" => Msg::FpElectricity,
        "heating" => Msg::FpHeating,
        "fuels" => Msg::FpFuels,
        "vehicles" => Msg::FpVehicles,
        "travel" => Msg::FpTravel,
        "commuting" => Msg::FpCommuting,
        "purchases" => Msg::FpPurchases,
        "waste" => Msg::FpWaste,
        other => return other.to_string(),
    };
    t(l, msg).to_string()
}

pub fn reason_text(l: Lang, r: &Reason) -> String {
    match r {
        Reason::Fact(f) => content()
            .fact_label(f)
            .map(|x| x.get(l).to_string())
            .unwrap_or_default(),
        Reason::Need(n) => content()
            .need_label(n)
            .map(|x| x.get(l).to_string())
            .unwrap_or_default(),
        Reason::LargestSource(cat) => tf(
            l,
            Msg::ReasonLargestSource,
            &[(
                "category",
                content()
                    .category_label(cat)
                    .map(|x| x.get(l))
                    .unwrap_or(cat),
            )],
        ),
    }
}

/// The reasons for a suggestion, one after another.
pub fn reasons_text(l: Lang, reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|r| reason_text(l, r))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn status_msg(s: PlanStatus) -> Msg {
    match s {
        PlanStatus::Idea => Msg::StatusIdea,
        PlanStatus::Planned => Msg::StatusPlanned,
        PlanStatus::InProgress => Msg::StatusInProgress,
        PlanStatus::Done => Msg::StatusDone,
    }
}

pub fn item_title(l: Lang, p: &PlanItem) -> String {
    match p.action.as_deref().and_then(|a| content().action(a)) {
        Some(a) => a.title.get(l).to_string(),
        None => p.title.clone(),
    }
}

/// Impact, effort and cost in one short line (no note): the next actions on Results.
pub fn action_levels(l: Lang, a: &Action) -> String {
    let full = action_meta(l, a);
    let note = a.impact_note.get(l);
    full.strip_suffix(note)
        .map(|s| s.trim_end_matches(" — ").to_string())
        .unwrap_or(full.clone())
}

pub fn action_meta(l: Lang, a: &Action) -> String {
    let lv = |x: Level| match x {
        Level::Low => t(l, Msg::Low),
        Level::Medium => t(l, Msg::Medium),
        Level::High => t(l, Msg::High),
    };
    let cost = match a.cost {
        Cost::None => t(l, Msg::CostNone),
        Cost::Low => t(l, Msg::Low),
        Cost::Medium => t(l, Msg::Medium),
        Cost::High => t(l, Msg::High),
    };
    format!(
        "{}: {} · {}: {} · {}: {} — {}",
        t(l, Msg::Impact),
        lv(a.impact),
        t(l, Msg::Effort),
        lv(a.effort),
        t(l, Msg::Cost),
        cost,
        a.impact_note.get(l)
    )
}

pub fn support_kind_msg(k: SupportKind) -> Msg {
    match k {
        SupportKind::Network => Msg::KindNetwork,
        SupportKind::Municipal => Msg::KindMunicipal,
        SupportKind::Funding => Msg::KindFunding,
        SupportKind::Advice => Msg::KindAdvice,
        SupportKind::Commitment => Msg::KindCommitment,
        SupportKind::Visibility => Msg::KindVisibility,
        SupportKind::Learning => Msg::KindLearning,
    }
}

/// The label of a support link by its kind: never a bare domain.
pub fn link_kind_msg(k: crate::content::LinkKind) -> Msg {
    use crate::content::LinkKind;
    match k {
        LinkKind::Apply => Msg::LinkApply,
        LinkKind::Join => Msg::LinkJoin,
        LinkKind::Contact => Msg::LinkContact,
        LinkKind::Info => Msg::LinkInfo,
    }
}

pub fn match_reason_text(l: Lang, r: &MatchReason) -> String {
    match r {
        MatchReason::Municipality(code) => tf(
            l,
            Msg::ReasonMunicipality,
            &[(
                "name",
                content()
                    .municipality(code)
                    .map(|m| m.name(l))
                    .unwrap_or(code),
            )],
        ),
        MatchReason::Region(code) => {
            let name = content()
                .region(code)
                .map(|r| if l == Lang::Sv { r.sv } else { r.fi })
                .unwrap_or(code);
            tf(l, Msg::ReasonRegion, &[("name", name)])
        }
        MatchReason::National => t(l, Msg::ReasonNational).to_string(),
        MatchReason::Need(n) => content()
            .need_label(n)
            .map(|x| x.get(l).to_string())
            .unwrap_or_default(),
        MatchReason::Sector(f) => tf(
            l,
            Msg::ReasonSectorOnly,
            &[(
                "what",
                content().fact_label(f).map(|x| x.get(l)).unwrap_or(f),
            )],
        ),
        MatchReason::Size(f) => tf(
            l,
            Msg::ReasonSizeOnly,
            &[(
                "what",
                content().fact_label(f).map(|x| x.get(l)).unwrap_or(f),
            )],
        ),
        MatchReason::Unverified => t(l, Msg::ReasonUnverified).to_string(),
        MatchReason::CheckEligibility => t(l, Msg::ReasonCheckEligibility).to_string(),
    }
}

pub fn answer_text(l: Lang, q: &Question, a: &Answer) -> String {
    match a {
        Answer::Choice(id) => q
            .option(id)
            .map(|o| o.label.get(l).to_string())
            .unwrap_or_default(),
        Answer::Multi(ids) => ids
            .iter()
            .filter_map(|id| q.option(id))
            .map(|o| o.label.get(l).to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Ypn(y) => t(l, ypn_msg(*y)).to_string(),
        Answer::Number(n) => format!(
            "{} {}",
            format_number(l, *n, 2),
            unit_label(l, q.unit.unwrap_or(""))
        ),
        Answer::Text(s) => s.clone(),
        Answer::Municipality(code) => content()
            .municipality(code)
            .map(|m| m.name(l).to_string())
            .unwrap_or_default(),
    }
}

pub fn problem_text(l: Lang, p: &Problem) -> String {
    match p {
        Problem::TooLarge => t(l, Msg::ImportTooLarge).to_string(),
        Problem::TooDeep => t(l, Msg::ImportTooDeep).to_string(),
        Problem::NotJson => t(l, Msg::ImportNotJson).to_string(),
        Problem::NotOurs => t(l, Msg::ImportNotOurs).to_string(),
        Problem::UnknownSchema(n) => tf(l, Msg::ImportUnknownSchema, &[("n", &n.to_string())]),
        Problem::Missing => t(l, Msg::ImportMissing).to_string(),
        Problem::WrongType => t(l, Msg::ImportWrongType).to_string(),
        Problem::UnknownField => t(l, Msg::ImportUnknownField).to_string(),
        Problem::UnknownQuestion => t(l, Msg::ImportUnknownQuestion).to_string(),
        Problem::UnknownValue => t(l, Msg::ImportUnknownValue).to_string(),
        Problem::OutOfRange => t(l, Msg::ImportOutOfRange).to_string(),
        Problem::TooLong(n) => tf(l, Msg::ImportTooLong, &[("n", &n.to_string())]),
        Problem::TooMany(n) => tf(l, Msg::ImportTooMany, &[("n", &n.to_string())]),
        Problem::BadDate => t(l, Msg::ImportBadDate).to_string(),
        Problem::UnknownAction => t(l, Msg::ImportUnknownAction).to_string(),
        Problem::UnknownFactor => t(l, Msg::ImportUnknownFactor).to_string(),
    }
}

/// The label of a factor's publisher, in the user's language.
pub fn basis_msg(b: crate::content::Basis) -> Msg {
    use crate::content::Basis::*;
    match b {
        Statfi => Msg::BasisStatfi,
        Energiavirasto => Msg::BasisEnergiavirasto,
        Ghgp => Msg::BasisGhgp,
        Motiva => Msg::BasisMotiva,
        Lipasto => Msg::BasisLipasto,
        Desnz => Msg::BasisDesnz,
        Useeio => Msg::BasisUseeio,
        Derived => Msg::BasisDerived,
    }
}

/// How far a factor could be checked, in the user's language.
pub fn verification_msg(v: crate::content::Verification) -> Msg {
    use crate::content::Verification::*;
    match v {
        Publisher => Msg::VerifPublisher,
        Copy => Msg::VerifCopy,
        Unverified => Msg::VerifUnverified,
    }
}

/// The words for a storage failure: its true cause and what the user can do.
pub fn storage_fault_msg(f: StorageFault) -> Msg {
    match f {
        StorageFault::Blocked => Msg::StorageBlocked,
        StorageFault::Frame => Msg::StorageFrame,
        StorageFault::Private => Msg::StoragePrivate,
        StorageFault::Full => Msg::StorageFull,
        StorageFault::FullOther => Msg::StorageFullOther,
    }
}

/// A stored size in the user's language: "812 t" / "12,5 kt" (fi), "812 B" / "12,5 kB" (sv, en).
pub fn size_text(l: Lang, bytes: usize) -> String {
    let (b, kb) = match l {
        Lang::Fi => ("t", "kt"),
        Lang::Sv | Lang::En => ("B", "kB"),
    };
    if bytes < 1000 {
        format!("{bytes}\u{a0}{b}")
    } else {
        format!("{}\u{a0}{kb}", format_number(l, bytes as f64 / 1000.0, 1))
    }
}

/// One piece of set-aside data: when it was set aside (date and time) and its size.
pub fn set_aside_text(l: Lang, when: &str, bytes: usize) -> String {
    let when = when.get(..16).unwrap_or(when).replace('T', " ");
    tf(
        l,
        Msg::SetAsideItem,
        &[("date", &when), ("size", &size_text(l, bytes))],
    )
}

/// One part dropped when saved data was salvaged, in the user's language.
pub fn dropped_text(l: Lang, d: &Dropped) -> String {
    let msg = match d.part {
        Part::Company => Msg::DroppedCompany,
        Part::Answer => Msg::DroppedAnswer,
        Part::PlanItem => Msg::DroppedPlanItem,
        Part::FootprintEntry => Msg::DroppedFootprintEntry,
        Part::Snapshot => Msg::DroppedSnapshot,
        Part::Field => Msg::DroppedField,
    };
    tf(l, msg, &[("company", &d.company), ("key", &d.key)])
}

/// An estimate in words, honestly rounded: "noin 82 t CO2e (todennäköisesti 41–120 t)" when the
/// range is wide, "noin 3,2 t CO2e" when it is not (`footprint::honest`).
pub fn about_text(l: Lang, total_kg: f64, low_kg: f64, high_kg: f64) -> String {
    let h = crate::footprint::honest(total_kg, low_kg, high_kg, l);
    match &h.range {
        Some((low, high)) => tf(
            l,
            Msg::FootprintAboutRange,
            &[("t", &h.t), ("low", low), ("high", high)],
        ),
        None => tf(l, Msg::FootprintAbout, &[("t", &h.t)]),
    }
}
