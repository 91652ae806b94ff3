//! The printable report: profile, maturity, footprint, plan and supports on one page.
use crate::content::{content, PROFILE};
use crate::drafts::latest_footprint;
use crate::i18n::{t, tf, Msg};
use crate::labels::{
    answer_text, fp_category_label, item_title, level_explain_msg, level_msg, match_reason_text,
    status_msg,
};
use crate::matching::recommend;
use crate::model::profile;
use crate::scoring::{overall, score_all};
use crate::state::ctx;
use crate::ui::{page_title, tr};
use crate::web::clock::today;
use leptos::prelude::*;

#[component]
pub fn Report() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::ReportTitle).to_string());
    view! {
        <div class="report">
            <p class="no-print actions-row">
                <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{tr(Msg::Print)}</button>
            </p>
            {move || {
                let l = c.lang.get();
                let co = c.company();
                let prof_step = content().step(PROFILE);
                let scores = score_all(content(), &co.answers, co.path);
                let level = overall(&scores);
                let fp = latest_footprint(&co);
                let recs: Vec<_> = recommend(content(), &profile(content(), &co.answers)).into_iter().take(8).collect();
                let profile_rows = prof_step
                    .map(|s| {
                        s.questions
                            .iter()
                            .filter_map(|q| {
                                let a = co.answers.get(q.id)?;
                                Some(view! { <tr><th scope="row">{q.text.get(l).to_string()}</th><td>{answer_text(l, q, a)}</td></tr> })
                            })
                            .collect_view()
                    });
                view! {
                    <h1>{tf(l, Msg::ReportHeading, &[("name", co.name().unwrap_or(t(l, Msg::OurCompany)))])}</h1>
                    <p>{tf(l, Msg::ReportDate, &[("date", &today())])}</p>
                    <section>
                        <h2>{t(l, Msg::ReportProfile)}</h2>
                        <div class="table-wrap" role="region" tabindex="0" aria-label=t(l, Msg::ReportProfile)><table><tbody>{profile_rows}</tbody></table></div>
                    </section>
                    <section>
                        <h2>{t(l, Msg::MaturityPerStep)}</h2>
                        <p>{level.map(|lv| format!("{}: {} — {}", t(l, Msg::OverallLevel), t(l, level_msg(lv)), t(l, level_explain_msg(lv)))).unwrap_or_else(|| t(l, Msg::NoResultsYet).to_string())}</p>
                        <div class="table-wrap" role="region" tabindex="0" aria-label=t(l, Msg::MaturityPerStep)><table>
                            <thead><tr><th scope="col">{t(l, Msg::Step)}</th><th scope="col">{t(l, Msg::Level)}</th><th scope="col">{t(l, Msg::Answered)}</th></tr></thead>
                            <tbody>
                                {scores.iter().map(|s| view! {
                                    <tr>
                                        <th scope="row">{content().step(&s.step).map(|x| x.title.get(l).to_string()).unwrap_or_default()}</th>
                                        <td>{s.level.map(|lv| t(l, level_msg(lv))).unwrap_or(t(l, Msg::NotAnswered))}</td>
                                        <td>{format!("{} / {}", s.answered, s.visible)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table></div>
                    </section>
                    {fp.map(|(y, e)| view! {
                        <section>
                            <h2>{format!("{} {y}", t(l, Msg::FootprintTitle))}</h2>
                            <p>{tf(l, Msg::FootprintTotalAbout, &[("about", &crate::labels::about_text(l, e.total_kg, e.low_kg, e.high_kg))])}</p>
                            <div class="table-wrap" role="region" tabindex="0" aria-label=format!("{} {y}", t(l, Msg::FootprintTitle))><table><tbody>
                                {e.by_category.iter().map(|(cat, kg)| view! { <tr><th scope="row">{fp_category_label(l, cat)}</th><td class="num">{format!("{} t CO2e", crate::footprint::fmt_t(kg / 1000.0, l))}</td></tr> }).collect_view()}
                            </tbody></table></div>
                            <p>{tf(l, Msg::FootprintScopes, &[
                                ("s1", &crate::footprint::fmt_t(e.by_scope[0] / 1000.0, l)),
                                ("s2", &crate::footprint::fmt_t(e.by_scope[1] / 1000.0, l)),
                                ("s3", &crate::footprint::fmt_t(e.by_scope[2] / 1000.0, l)),
                            ])}</p>
                            <p class="note">{t(l, Msg::TermScope)}</p>
                            <p class="note">{t(l, Msg::FootprintUncertainty)}</p>
                        </section>
                    })}
                    <section>
                        <h2>{t(l, Msg::PlanTitle)}</h2>
                        {if co.plan.is_empty() { Some(view! { <p>{t(l, Msg::PlanEmpty)}</p> }) } else { None }}
                        <div class="table-wrap" role="region" tabindex="0" aria-label=t(l, Msg::PlanTitle)><table>
                            <thead><tr><th scope="col">{t(l, Msg::Action)}</th><th scope="col">{t(l, Msg::Status)}</th><th scope="col">{t(l, Msg::Owner)}</th><th scope="col">{t(l, Msg::DueMonth)}</th></tr></thead>
                            <tbody>
                                {co.plan.iter().map(|p| view! {
                                    <tr><th scope="row">{item_title(l, p)}</th><td>{t(l, status_msg(p.status))}{p.done_on.clone().map(|d| format!(" ({d})"))}</td><td>{p.owner.clone()}</td><td>{p.due.clone()}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table></div>
                    </section>
                    <section>
                        <h2>{t(l, Msg::ReportSupports)}</h2>
                        <ul>
                            {recs.into_iter().map(|r| view! {
                                <li><strong>{r.support.name.get(l).to_string()}</strong>" (" {r.support.organiser_name(l)} "): " {r.reasons.iter().map(|x| match_reason_text(l, x)).collect::<Vec<_>>().join("; ")}" — " {r.support.links.first().map(|k| k.url_for(l).to_string()).unwrap_or_default()}{(r.status != crate::content::Status::Active).then(|| format!(" ({})", t(l, Msg::SupportToCheck)))}</li>
                            }).collect_view()}
                        </ul>
                    </section>
                    <p class="note">{t(l, Msg::ReportFooter)}</p>
                }
            }}
        </div>
    }
}
