//! Results: the page the owner prints and acts on. At the top, within two phone screens: the
//! overall level, the (rough) footprint, the three next actions with their first step and the one
//! or two nearest contacts. Below, collapsed: maturity per step, strengths, every suggestion, the
//! last year compared.
use crate::content::{content, Support, PROFILE};
use crate::i18n::{t, tf, Msg};
use crate::labels::{action_levels, level_explain_msg, level_msg};
use crate::matching::{recommend, Tier};
use crate::model::{profile, Company};
use crate::ranking::{next_actions, suggestions_for};
use crate::rough::{current_year, estimate_for};
use crate::router::{Link, Route};
use crate::scoring::{overall, score_all};
use crate::state::ctx;
use crate::ui::components::action_card::ActionCard;
use crate::ui::components::charts::MaturityChart;
use crate::ui::components::footprint_summary::RoughSummary;
use crate::ui::components::support_card::{ContactDetails, SupportLinks};
use crate::ui::{page_title, tr};
use crate::web::clock::today;
use leptos::prelude::*;

/// The one or two best local or regional contacts of the current recommendation (kept small:
/// the support cards are another page's business).
fn local_contacts(company: &Company) -> Vec<&'static Support> {
    recommend(content(), &profile(content(), &company.answers))
        .into_iter()
        .filter(|r| matches!(r.tier, Tier::Local | Tier::Regional))
        .take(2)
        .map(|r| r.support)
        .collect()
}

#[component]
pub fn Results() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::ResultsTitle).to_string());
    let scores = Memo::new(move |_| {
        c.ws.with(|w| score_all(content(), &w.active().answers, w.active().path))
    });
    let year = move || c.ws.with(|w| current_year(w.active(), &today()));
    let comparison = move || {
        let co = c.company();
        let snap = co.latest_snapshot()?.clone();
        let before = score_all(content(), &snap.answers, co.path);
        let now = score_all(content(), &co.answers, co.path);
        let l = c.lang.get();
        Some(view! {
            <section aria-labelledby="compare-title">
                <h2 id="compare-title">{tf(l, Msg::CompareTitle, &[("year", &snap.year.to_string())])}</h2>
                <div class="table-wrap" role="region" tabindex="0" aria-labelledby="compare-title">
                    <table>
                        <thead><tr><th scope="col">{t(l, Msg::Step)}</th><th scope="col">{snap.year.to_string()}</th><th scope="col">{t(l, Msg::Now)}</th></tr></thead>
                        <tbody>
                            {before.into_iter().zip(now).map(|(b, n)| {
                                let title = content().step(&b.step).map(|s| s.title.get(l).to_string()).unwrap_or_default();
                                let fmt = |s: &crate::scoring::StepScore| s.level.map(|lv| t(l, level_msg(lv))).unwrap_or(t(l, Msg::NotAnswered));
                                view! { <tr><th scope="row">{title}</th><td>{fmt(&b)}</td><td>{fmt(&n)}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        })
    };
    let footprint = move || {
        let l = c.lang.get();
        let r = c.ws.with(|w| estimate_for(content(), w.active(), &year()));
        view! { <RoughSummary lang=l rough=r sources=3 compact=true /> }
    };
    let next = move || {
        let l = c.lang.get();
        let top =
            c.ws.with(|w| next_actions(content(), w.active(), &year(), 3));
        top.into_iter()
            .map(|s| {
                let a = s.action;
                let id = a.id;
                let first = a.first_step.map(|f| tf(l, Msg::NextActionFirstStep, &[("step", f.get(l))]));
                view! {
                    <li class="card next-action" data-action=id>
                        <h3>{a.title.get(l).to_string()}</h3>
                        <p class="meta">{action_levels(l, a)}</p>
                        {first.map(|f| view! { <p class="first-step">{f}</p> })}
                        <button type="button" class="button secondary" aria-label=format!("{}: {}", t(l, Msg::AddToPlan), a.title.get(l)) disabled=move || c.read_only()
                            on:click=move |_| { let d = today(); c.update_company(|co| { co.add_to_plan(id, &d); }); }>
                            {t(l, Msg::AddToPlan)}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let contacts = move || {
        let l = c.lang.get();
        let list = c.ws.with(|w| local_contacts(w.active()));
        if list.is_empty() {
            return view! { <p>{t(l, Msg::LocalContactsNone)}</p> }.into_any();
        }
        view! {
            <ul class="contacts">
                {list.into_iter().map(|s| {
                    view! {
                        <li class="card contact-card" data-support=s.id>
                            <h3>{s.name.get(l).to_string()}</h3>
                            <p class="organiser">{s.organiser_name(l)}</p>
                            <ContactDetails lang=l support=s />
                            <SupportLinks lang=l support=s />
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let all_suggestions = move || {
        let l = c.lang.get();
        c.ws.with(|w| suggestions_for(content(), w.active(), &year()))
            .into_iter()
            .map(|s| view! { <ActionCard lang=l action=s.action reasons=s.reasons in_plan=s.in_plan with_meta=true /> })
            .collect_view()
    };
    view! {
        <h1>{tr(Msg::ResultsTitle)}</h1>
        {move || {
            let s = scores.get();
            let l = c.lang.get();
            match overall(&s) {
                Some(level) => view! {
                    <section class="overall" aria-labelledby="overall-title">
                        <h2 id="overall-title">{t(l, Msg::OverallLevel)}": " {t(l, level_msg(level))}</h2>
                    </section>
                }.into_any(),
                None => view! {
                    <p>{t(l, Msg::NoResultsYet)}" " <a href=Route::step(PROFILE).href()>{t(l, Msg::Start)}</a></p>
                }.into_any(),
            }
        }}
        <section class="results-footprint" aria-labelledby="rfp-title">
            <h2 id="rfp-title">{tr(Msg::FootprintTitle)}</h2>
            {footprint}
        </section>
        <section aria-labelledby="next-title">
            <h2 id="next-title">{tr(Msg::NextActionsTitle)}</h2>
            <ol class="cards next-actions">{next}</ol>
        </section>
        <section aria-labelledby="contacts-title">
            <h2 id="contacts-title">{tr(Msg::LocalContactsTitle)}</h2>
            {contacts}
            <p class="actions-row"><Link href=Route::Plan.href()>{tr(Msg::ToPlan)}</Link> <Link href=Route::Supports.href()>{tr(Msg::AllSupportsLink)}</Link></p>
        </section>
        <details class="more">
            <summary>{tr(Msg::AllSuggestions)}</summary>
            <section aria-labelledby="all-next-title">
                <h2 id="all-next-title">{tr(Msg::TopActions)}</h2>
                <ul class="cards">{all_suggestions}</ul>
            </section>
        </details>
        <details class="more">
            <summary>{tr(Msg::MoreResults)}</summary>
            <section aria-labelledby="levels-title">
                <h2 id="levels-title">{tr(Msg::MaturityPerStep)}</h2>
                {move || overall(&scores.get()).map(|level| view! { <p>{c.t(level_explain_msg(level))}</p> })}
                {move || view! { <MaturityChart scores=scores.get() /> }}
                <details class="help">
                    <summary>{tr(Msg::LevelsExplained)}</summary>
                    <dl>
                        <dt>{tr(Msg::LevelNotYet)}</dt><dd>{tr(Msg::LevelNotYetExplain)}</dd>
                        <dt>{tr(Msg::LevelOnTheWay)}</dt><dd>{tr(Msg::LevelOnTheWayExplain)}</dd>
                        <dt>{tr(Msg::LevelForerunner)}</dt><dd>{tr(Msg::LevelForerunnerExplain)}</dd>
                    </dl>
                    <p>{tr(Msg::LevelsSource)}</p>
                </details>
            </section>
            <section aria-labelledby="strengths-title">
                <h2 id="strengths-title">{tr(Msg::Strengths)}</h2>
                {move || {
                    let l = c.lang.get();
                    let strong: Vec<String> = scores.get()
                        .into_iter()
                        .filter(|s| s.share().is_some_and(|x| x >= 0.5))
                        .filter_map(|s| content().step(&s.step).map(|st| st.title.get(l).to_string()))
                        .collect();
                    if strong.is_empty() {
                        view! { <p>{t(l, Msg::NoStrengthsYet)}</p> }.into_any()
                    } else {
                        view! { <ul>{strong.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
                    }
                }}
            </section>
            {comparison}
        </details>
    }
}
