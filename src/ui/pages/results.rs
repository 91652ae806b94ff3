//! Results: maturity per step, strengths, the suggested next actions, the last year compared.
use crate::content::{content, PROFILE};
use crate::drafts::ranked_actions;
use crate::i18n::{t, tf, Msg};
use crate::labels::{level_explain_msg, level_msg};
use crate::router::{Link, Route};
use crate::scoring::{overall, score_all};
use crate::state::ctx;
use crate::ui::components::action_card::ActionCard;
use crate::ui::components::charts::MaturityChart;
use crate::ui::{page_title, tr};
use leptos::prelude::*;

#[component]
pub fn Results() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::ResultsTitle).to_string());
    let scores = Memo::new(move |_| {
        c.ws.with(|w| score_all(content(), &w.active().answers, w.active().path))
    });
    let suggestions = move || {
        c.ws.with(|w| ranked_actions(w.active()))
            .into_iter()
            .take(5)
            .collect::<Vec<_>>()
    };
    let comparison = move || {
        let co = c.company();
        let snap = co.snapshots.last()?.clone();
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
    view! {
        <h1>{tr(Msg::ResultsTitle)}</h1>
        {move || {
            let s = scores.get();
            let l = c.lang.get();
            match overall(&s) {
                Some(level) => view! {
                    <section class="overall" aria-labelledby="overall-title">
                        <h2 id="overall-title">{t(l, Msg::OverallLevel)}": " {t(l, level_msg(level))}</h2>
                        <p>{t(l, level_explain_msg(level))}</p>
                    </section>
                }.into_any(),
                None => view! {
                    <p>{t(l, Msg::NoResultsYet)}" " <a href=Route::step(PROFILE).href()>{t(l, Msg::Start)}</a></p>
                }.into_any(),
            }
        }}
        <section aria-labelledby="levels-title">
            <h2 id="levels-title">{tr(Msg::MaturityPerStep)}</h2>
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
        <section aria-labelledby="next-title">
            <h2 id="next-title">{tr(Msg::TopActions)}</h2>
            <ol class="cards">
                {move || {
                    let l = c.lang.get();
                    suggestions()
                        .into_iter()
                        .map(|s| view! { <ActionCard lang=l action=s.action reasons=s.reasons in_plan=s.in_plan /> })
                        .collect_view()
                }}
            </ol>
            <p><Link href=Route::Plan.href()>{tr(Msg::ToPlan)}</Link></p>
        </section>
        {comparison}
    }
}
