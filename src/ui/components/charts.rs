//! Bar charts drawn as SVG, each with the same data in a table.
use crate::content::content;
use crate::i18n::{format_number, t, Msg};
use crate::labels::level_msg;
use crate::scoring::{Maturity, StepScore};
use crate::state::ctx;
use crate::ui::tr;
use leptos::prelude::*;

/// Maturity per step as an SVG bar chart, with the same data in a table for screen readers
/// and anyone who prefers numbers.
#[component]
pub fn MaturityChart(scores: Vec<StepScore>) -> impl IntoView {
    let c = ctx();
    let rows = scores.len();
    let height = rows * 50 + 6;
    let chart_scores = scores.clone();
    let bars = move || {
        let l = c.lang.get();
        chart_scores
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let title = content().step(&s.step).map(|st| st.title.get(l).to_string()).unwrap_or_default();
                // The label sits above its bar, so long step names never clip at any width.
                let y = i * 50 + 22;
                let w = s.share().map(|x| (x * 100.0).round() as usize).unwrap_or(0);
                let class = match s.level {
                    Some(Maturity::NotYet) => "bar level-1",
                    Some(Maturity::OnTheWay) => "bar level-2",
                    Some(Maturity::Forerunner) => "bar level-3",
                    None => "bar level-0",
                };
                view! {
                    <text x="0" y=y - 6 class="bar-label">{title}</text>
                    <rect x="0" y=y width="440" height="20" class="bar-bg"></rect>
                    <rect x="0" y=y width=w * 44 / 10 height="20" class=class></rect>
                    <text x=450 y=y + 15 class="bar-value">{s.level.map(|lv| t(l, level_msg(lv))).unwrap_or(t(l, Msg::NotAnswered))}</text>
                }
            })
            .collect_view()
    };
    let table_rows = move || {
        let l = c.lang.get();
        scores
            .iter()
            .map(|s| {
                let title = content().step(&s.step).map(|st| st.title.get(l).to_string()).unwrap_or_default();
                view! {
                    <tr>
                        <th scope="row">{title}</th>
                        <td>{s.level.map(|lv| t(l, level_msg(lv))).unwrap_or(t(l, Msg::NotAnswered))}</td>
                        <td>{s.share().map(|x| format!("{} %", (x * 100.0).round())).unwrap_or_else(|| "–".into())}</td>
                        <td>{format!("{} / {}", s.answered, s.visible)}</td>
                        <td>{s.dont_know}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 720 {height}") role="img" aria-labelledby="maturity-chart-title" class="bars">
                <title id="maturity-chart-title">{tr(Msg::ChartMaturityTitle)}</title>
                {bars}
            </svg>
            <figcaption>{tr(Msg::ChartTableNote)}</figcaption>
        </figure>
        <div class="table-wrap" role="region" tabindex="0" aria-label=tr(Msg::ChartMaturityTitle)>
            <table>
                <caption>{tr(Msg::ChartMaturityTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(Msg::Step)}</th>
                        <th scope="col">{tr(Msg::Level)}</th>
                        <th scope="col">{tr(Msg::Share)}</th>
                        <th scope="col">{tr(Msg::Answered)}</th>
                        <th scope="col">{tr(Msg::DontKnowCount)}</th>
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
        </div>
    }
}

/// Horizontal bars for labelled amounts (the largest footprint sources), plus a table.
#[component]
pub fn AmountChart(
    title: Signal<String>,
    rows: Signal<Vec<(String, f64)>>,
    unit: &'static str,
) -> impl IntoView {
    let c = ctx();
    let chart_id = format!("chart-{}", unit.replace(' ', ""));
    let title_id = format!("{chart_id}-title");
    let tid = title_id.clone();
    view! {
        <figure class="chart">
            <svg
                viewBox=move || format!("0 0 720 {}", rows.get().len() * 50 + 6)
                role="img"
                aria-labelledby=title_id.clone()
                class="bars"
            >
                <title id=tid>{move || title.get()}</title>
                {move || {
                    let rs = rows.get();
                    let max = rs.iter().map(|r| r.1).fold(0.0, f64::max).max(1e-9);
                    rs.into_iter()
                        .enumerate()
                        .map(|(i, (label, v))| {
                            let y = i * 50 + 22;
                            let w = ((v / max) * 440.0).round() as usize;
                            view! {
                                <text x="0" y=y - 6 class="bar-label">{label}</text>
                                <rect x="0" y=y width=w height="20" class="bar level-2"></rect>
                                <text x=450 y=y + 15 class="bar-value">{format!("{} {unit}", format_number(c.lang.get(), v, 2))}</text>
                            }
                        })
                        .collect_view()
                }}
            </svg>
        </figure>
        <div class="table-wrap" role="region" tabindex="0" aria-label=move || title.get()>
            <table>
                <caption>{move || title.get()}</caption>
                <tbody>
                    {move || {
                        rows.get()
                            .into_iter()
                            .map(|(label, v)| {
                                view! {
                                    <tr>
                                        <th scope="row">{label}</th>
                                        <td class="num">{format!("{} {unit}", format_number(c.lang.get(), v, 2))}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
