//! One support card, as the supports page and the results page show it: what it is, who runs
//! it, why it was recommended, who can get it, how to get started (whom to contact, what it
//! costs), its links by kind (never a bare domain) and how fresh its facts are.
use crate::content::{Support, SupportCost};
use crate::i18n::{format_number, t, tf, Lang, Msg};
use crate::labels::{link_kind_msg, match_reason_text, support_kind_msg};
use crate::matching::{MatchReason, Recommendation};
use leptos::prelude::*;

/// One support card: what it is, who runs it, why it was recommended, who can get it, how to get
/// started (whom to contact, what it costs), its links by kind and how fresh its facts are.
#[component]
pub fn SupportCard(lang: Lang, rec: Recommendation<'static>) -> impl IntoView {
    let (l, r) = (lang, &rec);
    use crate::content::Status;
    let s = r.support;
    let reasons = r
        .reasons
        .iter()
        .map(|x| match_reason_text(l, x))
        .collect::<Vec<_>>()
        .join("; ");
    let uncertain = r.reasons.contains(&MatchReason::CheckEligibility);
    let e = s.eligibility.as_ref();
    let who = e.filter(|_| uncertain).map(|e| {
        let mut parts: Vec<String> = e.note.map(|n| n.get(l).to_string()).into_iter().collect();
        if let Some(eur) = e.min_project_eur {
            parts.push(tf(
                l,
                Msg::SupportMinProject,
                &[("eur", &format_number(l, f64::from(eur), 0))],
            ));
        }
        if let Some(mwh) = e.min_energy_mwh {
            parts.push(tf(
                l,
                Msg::SupportMinEnergy,
                &[("mwh", &format_number(l, f64::from(mwh), 0))],
            ));
        }
        parts.join(" ")
    });
    let ends = e
        .and_then(|e| e.ends)
        .map(|d| tf(l, Msg::SupportEnds, &[("date", d)]));
    let cost = match s.cost {
        SupportCost::Free => t(l, Msg::CostFree),
        SupportCost::Paid => t(l, Msg::CostPaid),
        SupportCost::Varies => t(l, Msg::CostVaries),
    };
    let cost_note = s.cost_note.map(|n| n.get(l).to_string());
    let fresh = if r.status == Status::Active {
        s.verified_at
            .map(|d| tf(l, Msg::SupportVerified, &[("date", d)]))
            .unwrap_or_default()
    } else {
        t(l, Msg::SupportToCheck).to_string()
    };
    view! {
        <li class="card" data-support=s.id>
            <p class="kind">{t(l, support_kind_msg(s.kind))}</p>
            <h2 class="h3">{s.name.get(l).to_string()}</h2>
            <p class="organiser">{s.organiser_name(l)}</p>
            <p>{s.description.get(l).to_string()}</p>
            <p class="reasons"><strong>{t(l, Msg::WhyRecommended)}</strong>" " {reasons}</p>
            {who.filter(|w| !w.is_empty()).map(|w| view! { <p class="eligibility"><strong>{t(l, Msg::SupportWho)}</strong>" " {w}</p> })}
            {s.how.map(|h| view! { <p class="how"><strong>{t(l, Msg::SupportHow)}</strong>" " {h.get(l).to_string()}</p> })}
            <ContactDetails lang=l support=s />
            <p class="meta">
                {cost}
                {cost_note.map(|n| format!(" ({n})"))}
                {s.commitment.then(|| format!(" · {}", t(l, Msg::AsksCommitment)))}
                {ends.map(|d| format!(" · {d}"))}
                " · " <span class=if r.status == Status::Active { "fresh" } else { "to-check" }>{fresh}</span>
            </p>
            <SupportLinks lang=l support=s />
        </li>
    }
}

/// The phone number and e-mail of a support, where public.
#[component]
pub fn ContactDetails(lang: Lang, support: &'static Support) -> impl IntoView {
    let (l, s) = (lang, support);
    (s.phone.is_some() || s.email.is_some()).then(|| {
        view! {
            <p class="contact-details">
                {s.phone.map(|p| view! { {t(l, Msg::SupportPhone)}": " <a href=format!("tel:{}", p.replace(' ', ""))>{p}</a>" " })}
                {s.email.map(|m| view! { {t(l, Msg::SupportEmail)}": " <a href=format!("mailto:{m}")>{m}</a> })}
            </p>
        }
    })
}

/// A support's links, each labelled by what it opens ("Hae tukea", "Yhteystiedot"…), in the
/// reader's language where the organisation has a page in it; never a bare domain.
#[component]
pub fn SupportLinks(lang: Lang, support: &'static Support) -> impl IntoView {
    let (l, s) = (lang, support);
    view! {
        <ul class="links">
            {s.links.iter().map(|k| view! {
                <li><a href=k.url_for(l) target="_blank" rel="noopener noreferrer" class="external">{t(l, link_kind_msg(k.kind))}<span class="visually-hidden">": " {s.name.get(l).to_string()} {t(l, Msg::ExternalNewTab)}</span></a></li>
            }).collect_view()}
        </ul>
    }
}
