//! Recommends supports, networks and services: local first, then regional, then national; within
//! each, what fits the company's needs, sector and size first, and unverified entries lower.
//!
//! Only what the company can get is recommended. A support is left out when the answers show
//! that the company is not eligible (size, sector, area, Åland, a requirement it does not meet)
//! or when its period has ended on the build date. Where the answers cannot tell (a requirement
//! the company has not answered, a minimum project size or energy use the app cannot check), it
//! is shown with the reason `CheckEligibility`, so the card can say what decides it. Pure.
use crate::content::{build_date, Content, Eligibility, Status, Support};
use crate::model::Profile;

/// The region code of Åland, which has its own authorities and schemes.
pub const ALAND: &str = "21";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Local,
    Regional,
    National,
}

#[derive(Clone, Debug, PartialEq)]
pub enum MatchReason {
    /// The support serves the company's municipality (code).
    Municipality(String),
    /// The support serves the company's region (code).
    Region(String),
    /// Available everywhere in Finland.
    National,
    /// It answers a need the company stated.
    Need(String),
    /// It is meant only for the company's sector or kind (a fact such as "farm").
    Sector(String),
    /// It is meant only for companies of this size (a fact such as "size:micro").
    Size(String),
    /// Its current activity, or its details, have not been verified in the last 12 months.
    Unverified,
    /// The answers cannot tell whether the company is eligible: the card shows the support's
    /// eligibility note (and its minimum project size or energy use).
    CheckEligibility,
}

#[derive(Clone, Debug)]
pub struct Recommendation<'a> {
    pub support: &'a Support,
    pub tier: Tier,
    pub score: i32,
    /// The effective status on the date used (see `Support::status_on`): never `Ended`.
    pub status: Status,
    pub reasons: Vec<MatchReason>,
}

/// Whether a company can get a support, as far as its answers tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    Eligible,
    Uncertain,
    Ineligible,
}

/// The company's municipality and region codes from its facts.
fn location(profile: &Profile) -> (Option<&str>, Option<&str>) {
    let m = profile
        .facts
        .iter()
        .find_map(|f| f.strip_prefix("municipality:"));
    let r = profile.facts.iter().find_map(|f| f.strip_prefix("region:"));
    (m, r)
}

/// The eligibility rules of one support (`eligibility` in `content/supports.toml`).
fn rules_fit(e: &Eligibility, profile: &Profile, muni: Option<&str>, region: Option<&str>) -> Fit {
    if e.excludes.iter().any(|f| profile.has(f))
        || muni.is_some_and(|m| e.not_municipalities.contains(&m))
        || region.is_some_and(|r| e.not_regions.contains(&r))
    {
        return Fit::Ineligible;
    }
    let mut fit = Fit::Eligible;
    if !e.requires_any.is_empty() && !e.requires_any.iter().any(|f| profile.has(f)) {
        let decided = profile
            .facts
            .iter()
            .any(|f| e.decided_by.iter().any(|p| f.starts_with(p)));
        if decided {
            return Fit::Ineligible;
        }
        fit = Fit::Uncertain;
    }
    if e.min_project_eur.is_some() || e.min_energy_mwh.is_some() {
        fit = Fit::Uncertain;
    }
    if e.by_location || muni.is_some_and(|m| e.area_uncertain.contains(&m)) {
        fit = Fit::Uncertain;
    }
    if muni.is_none() && (!e.not_municipalities.is_empty() || !e.not_regions.is_empty()) {
        fit = Fit::Uncertain;
    }
    fit
}

/// Whether the company (its facts) can get the support: size, sector, Åland and the support's
/// own eligibility rules. The area (municipality, region, national) is decided in `recommend`.
pub fn fit(s: &Support, profile: &Profile) -> Fit {
    let (muni, region) = location(profile);
    let sized = profile.facts.iter().any(|f| f.starts_with("size:"));
    if !s.sizes.is_empty() && sized && !s.sizes.iter().any(|z| profile.has(z)) {
        return Fit::Ineligible;
    }
    if !s.sectors.is_empty() && !s.sectors.iter().any(|z| profile.has(z)) {
        return Fit::Ineligible;
    }
    let mut fit = if !s.sizes.is_empty() && !sized {
        Fit::Uncertain
    } else {
        Fit::Eligible
    };
    if let Some(e) = &s.eligibility {
        match rules_fit(e, profile, muni, region) {
            Fit::Ineligible => return Fit::Ineligible,
            Fit::Uncertain => fit = Fit::Uncertain,
            Fit::Eligible => {}
        }
    }
    fit
}

/// Recommendations on the build date.
pub fn recommend<'a>(content: &'a Content, profile: &Profile) -> Vec<Recommendation<'a>> {
    recommend_on(content, profile, build_date())
}

/// Recommendations on `today` (YYYY-MM-DD): periods that ended before it are left out, entries
/// not verified in the 12 months before it are ranked as unverified.
pub fn recommend_on<'a>(
    content: &'a Content,
    profile: &Profile,
    today: &str,
) -> Vec<Recommendation<'a>> {
    let (muni, region) = location(profile);
    let on_aland = region == Some(ALAND);
    let mut out: Vec<Recommendation> = content
        .supports
        .iter()
        .filter_map(|s| {
            let status = s.status_on(today);
            if status == Status::Ended {
                return None;
            }
            let fit = fit(s, profile);
            if fit == Fit::Ineligible {
                return None;
            }
            let mut reasons = Vec::new();
            let tier = if let Some(m) = muni.filter(|m| s.municipalities.contains(m)) {
                reasons.push(MatchReason::Municipality(m.to_string()));
                Tier::Local
            } else if let Some(r) = region.filter(|r| s.regions.contains(r)) {
                reasons.push(MatchReason::Region(r.to_string()));
                Tier::Regional
            } else if s.national && (!on_aland || s.aland) {
                reasons.push(MatchReason::National);
                Tier::National
            } else {
                return None;
            };
            let needs: Vec<_> = s
                .needs
                .iter()
                .filter(|n| profile.needs.contains(**n))
                .map(|n| n.to_string())
                .collect();
            let mut score = 10 * needs.len() as i32;
            reasons.extend(needs.into_iter().map(MatchReason::Need));
            // A sector or size is a reason only when the support is limited to it (then it is
            // specific to this company), never for a support open to everyone.
            if let Some(sec) = s.sectors.iter().find(|z| profile.has(z)) {
                score += 15;
                reasons.push(MatchReason::Sector(sec.to_string()));
            }
            if let Some(size) = s.sizes.iter().find(|z| profile.has(z)) {
                if s.sizes.len() < 4 {
                    score += 5;
                    reasons.push(MatchReason::Size(size.to_string()));
                }
            }
            if s.business_advice {
                score += 5;
            }
            if fit == Fit::Uncertain {
                score -= 10;
                reasons.push(MatchReason::CheckEligibility);
            }
            if status == Status::Unverified {
                score -= 30;
                reasons.push(MatchReason::Unverified);
            }
            Some(Recommendation {
                support: s,
                tier,
                score,
                status,
                reasons,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.tier
            .cmp(&b.tier)
            .then_with(|| (a.status == Status::Unverified).cmp(&(b.status == Status::Unverified)))
            .then_with(|| b.score.cmp(&a.score))
            .then_with(|| a.support.id.cmp(b.support.id))
    });
    out
}

/// The local human contacts for a company: business-advice entries for its municipality or
/// region that it can get (what the coverage test and the content report count).
pub fn local_contacts<'a>(content: &'a Content, profile: &Profile) -> Vec<Recommendation<'a>> {
    recommend(content, profile)
        .into_iter()
        .filter(|r| r.support.business_advice && r.tier != Tier::National)
        .collect()
}
