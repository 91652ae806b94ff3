//! `make content-report`: how fresh and how complete the support catalogue is, on the build date.
//!
//!   make content-report             the freshness table and the coverage per region
//!   make content-report MUNI=245    also what a company in that municipality (code or name) is
//!                                   shown, per size, with the reasons: the preview for a
//!                                   municipal business advisor
//!
//! It uses the app's own content and matching (`recommend`), so what it prints is what the app
//! shows. It prints and never fails: an old entry is a task, not an error.
#![allow(clippy::print_stdout)]
use ilmastoaskeleet::content::{build_date, content, Status, Support, SupportKind, FRESH_MONTHS};
use ilmastoaskeleet::matching::{local_contacts, recommend, MatchReason, Tier};
use ilmastoaskeleet::model::{profile, Answer};
use std::collections::BTreeMap;

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Active => "active (verified)",
        Status::Unverified => "to be checked",
        Status::Ended => "ended",
    }
}

/// Age of the last verification in whole months before `today`, or None if never verified.
fn age_months(s: &Support, today: &str) -> Option<i32> {
    let v = s.verified_at?;
    let m = |d: &str| -> i32 {
        d[..4].parse::<i32>().unwrap_or(0) * 12 + d[5..7].parse::<i32>().unwrap_or(1)
    };
    Some(m(today) - m(v))
}

fn company(muni: &str, size: &str) -> ilmastoaskeleet::model::Profile {
    let mut a = BTreeMap::new();
    a.insert(
        "profile.municipality".to_string(),
        Answer::Municipality(muni.into()),
    );
    a.insert("profile.size".to_string(), Answer::Choice(size.into()));
    profile(content(), &a)
}

fn main() {
    let c = content();
    let today = build_date();
    println!("Support catalogue on {today} (build date); an entry not verified in the last {FRESH_MONTHS} months is 'to be checked'.\n");

    // 1. Status in the data and effective status on the build date.
    let mut table: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut ages: BTreeMap<&str, usize> = BTreeMap::new();
    let mut verified_this_year = 0;
    for s in c.supports {
        let data = match s.status {
            Status::Active => "active",
            Status::Unverified => "unverified",
            Status::Ended => "ended",
        };
        *table
            .entry((data, status_name(s.status_on(today))))
            .or_default() += 1;
        let age = match age_months(s, today) {
            None => "never verified",
            Some(a) if a <= 0 => "verified this month",
            Some(a) if a <= 6 => "verified 1–6 months ago",
            Some(a) if a <= 12 => "verified 7–12 months ago",
            Some(_) => "verified over 12 months ago",
        };
        *ages.entry(age).or_default() += 1;
        if age_months(s, today).is_some_and(|a| a <= 12) {
            verified_this_year += 1;
        }
    }
    println!("Entries: {}", c.supports.len());
    println!("| status in the data | shown as on {today} | entries |");
    println!("|---|---|---|");
    for ((data, shown), n) in &table {
        println!("| {data} | {shown} | {n} |");
    }
    println!("\n| last verification against the organisation's page | entries |");
    println!("|---|---|");
    for (age, n) in &ages {
        println!("| {age} | {n} |");
    }
    println!(
        "\nVerified against a live or archived source within {FRESH_MONTHS} months: {verified_this_year}\n"
    );

    // 2. Coverage per region: municipalities with a local contact, a network, an energy advisor.
    println!("| region | municipalities | with a local business-advice contact | … verified | with a climate network | with an energy advisor (local/regional, not general business advice) |");
    println!("|---|---|---|---|---|---|");
    for r in c.geo.regions {
        let munis: Vec<_> = c
            .geo
            .municipalities
            .iter()
            .filter(|m| m.region == r.code)
            .collect();
        let (mut contact, mut contact_ok, mut network, mut energy) = (0, 0, 0, 0);
        for m in &munis {
            let p = company(m.code, "micro");
            let local = local_contacts(c, &p);
            contact += usize::from(!local.is_empty());
            contact_ok += usize::from(local.iter().any(|x| x.status == Status::Active));
            let recs = recommend(c, &p);
            let near = |x: &&ilmastoaskeleet::matching::Recommendation| x.tier != Tier::National;
            network += usize::from(
                recs.iter()
                    .filter(near)
                    .any(|x| x.support.kind == SupportKind::Network),
            );
            energy +=
                usize::from(recs.iter().filter(near).any(|x| {
                    !x.support.business_advice && x.support.needs.contains(&"energy-advice")
                }));
        }
        println!(
            "| {} | {} | {contact} | {contact_ok} | {network} | {energy} |",
            r.fi,
            munis.len()
        );
    }

    // 3. The preview for one municipality.
    if let Some(q) = std::env::var("MUNI").ok().filter(|q| !q.trim().is_empty()) {
        let Some(m) = c.find_municipality(&q) else {
            println!("\nNo municipality `{q}` (give a three-digit code or a name).");
            return;
        };
        println!("\n## What a company in {} ({}) is shown", m.fi, m.code);
        for size in ["solo", "micro", "small", "medium"] {
            println!("\n### size: {size}");
            for r in recommend(c, &company(m.code, size)) {
                let why: Vec<String> = r
                    .reasons
                    .iter()
                    .map(|x| match x {
                        MatchReason::Municipality(_) => "local".into(),
                        MatchReason::Region(_) => "regional".into(),
                        MatchReason::National => "national".into(),
                        MatchReason::Need(n) => format!("need {n}"),
                        MatchReason::Sector(f) => format!("only for {f}"),
                        MatchReason::Size(f) => format!("only for {f}"),
                        MatchReason::Unverified => "to be checked".into(),
                        MatchReason::CheckEligibility => "check eligibility".into(),
                    })
                    .collect();
                println!(
                    "- {} [{}] {}",
                    r.support.id,
                    status_name(r.status),
                    why.join(", ")
                );
            }
        }
    }
}
