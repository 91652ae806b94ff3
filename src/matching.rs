//! Recommends supports, networks and services: local first, then regional, then national; within
//! each, what fits the company's needs, sector and size first, and unverified entries lower.
//! Ended entries are never recommended. Pure.
use crate::content::{Content, Status, Support};
use crate::model::Profile;

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
    /// It is meant for the company's sector or kind (a fact such as "farm").
    Sector(String),
    /// It is meant for companies of this size (a fact such as "size:micro").
    Size(String),
    /// Its current activity could not be verified.
    Unverified,
}

#[derive(Clone, Debug)]
pub struct Recommendation<'a> {
    pub support: &'a Support,
    pub tier: Tier,
    pub score: i32,
    pub reasons: Vec<MatchReason>,
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

pub fn recommend<'a>(content: &'a Content, profile: &Profile) -> Vec<Recommendation<'a>> {
    let (muni, region) = location(profile);
    let mut out: Vec<Recommendation> = content
        .supports
        .iter()
        .filter(|s| s.status != Status::Ended)
        .filter(|s| {
            s.sizes.is_empty()
                || s.sizes.iter().any(|z| profile.has(z))
                || !profile.facts.iter().any(|f| f.starts_with("size:"))
        })
        .filter(|s| s.sectors.is_empty() || s.sectors.iter().any(|z| profile.has(z)))
        .filter_map(|s| {
            let mut reasons = Vec::new();
            let tier = if let Some(m) = muni.filter(|m| s.municipalities.iter().any(|c| c == m)) {
                reasons.push(MatchReason::Municipality(m.to_string()));
                Tier::Local
            } else if let Some(r) = region.filter(|r| s.regions.iter().any(|c| c == r)) {
                reasons.push(MatchReason::Region(r.to_string()));
                Tier::Regional
            } else if s.national {
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
            if let Some(sec) = s.sectors.iter().find(|z| profile.has(z)) {
                score += 15;
                reasons.push(MatchReason::Sector(sec.to_string()));
            }
            if let Some(size) = s.sizes.iter().find(|z| profile.has(z)) {
                score += 5;
                reasons.push(MatchReason::Size(size.to_string()));
            }
            if s.status == Status::Unverified {
                score -= 30;
                reasons.push(MatchReason::Unverified);
            }
            Some(Recommendation {
                support: s,
                tier,
                score,
                reasons,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.tier
            .cmp(&b.tier)
            .then_with(|| {
                (a.support.status == Status::Unverified)
                    .cmp(&(b.support.status == Status::Unverified))
            })
            .then_with(|| b.score.cmp(&a.score))
            .then_with(|| a.support.id.cmp(b.support.id))
    });
    out
}
