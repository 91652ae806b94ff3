//! The footprint calculator on the "emission sources" step: one entry per year.
use crate::content::content;
use crate::footprint::{conversions, estimate, round_sig2, set_entry};
use crate::i18n::{format_input, parse_number_in, t, tf, Msg};
use crate::labels::{about_text, fp_category_label, unit_label};
use crate::model::FootprintEntry;
use crate::rough::{rough, source_of};
use crate::router::{Link, Route, METHOD_ID};
use crate::state::ctx;
use crate::ui::components::charts::AmountChart;
use crate::ui::components::footprint_summary::RoughSummary;
use crate::ui::{dom_id, tr, txt};
use crate::web::clock::current_year;
use leptos::prelude::*;

/// The footprint calculator on the "emission sources" step: one entry per year.
#[component]
pub fn FootprintEditor() -> impl IntoView {
    let c = ctx();
    let year = RwSignal::new(current_year().saturating_sub(1));
    let years = move || {
        let cy = current_year();
        let mut ys: Vec<u16> = (cy.saturating_sub(4)..=cy).rev().collect();
        c.ws.with(|w| {
            for y in w
                .active()
                .footprints
                .keys()
                .filter_map(|k| k.parse::<u16>().ok())
            {
                if !ys.contains(&y) {
                    ys.push(y);
                }
            }
        });
        ys.sort_unstable_by(|a, b| b.cmp(a));
        ys
    };
    let entries = move || {
        c.ws.with(|w| {
            w.active()
                .footprints
                .get(&year.get().to_string())
                .cloned()
                .unwrap_or_default()
        })
    };
    let est = move || estimate(content(), &entries());
    // The whole footprint of the year: the user's own figures where given, typical ones elsewhere.
    let whole = move || {
        c.ws.with(|w| rough(content(), &w.active().answers, &entries()))
    };
    // Set when the last amount entered replaced the kilometres of the same vehicles.
    let km_replaced = RwSignal::new(false);
    let groups = content()
        .factor_categories()
        .into_iter()
        .map(|cat| {
            let factors: Vec<_> = content().factors.iter().filter(|f| f.category == cat).collect();
            let legend = move || fp_category_label(c.lang.get(), cat);
            let source = source_of(cat);
            // The source's current figure in the summary: the user's own or the typical one.
            let figure = move || {
                let l = c.lang.get();
                whole()
                    .line(source)
                    .map(|s| {
                        let kind = if s.own { t(l, Msg::FootprintSourceOwn) } else { t(l, Msg::FootprintSourceDefault) };
                        format!("{} · {kind}", about_text(l, s.kg, s.low_kg, s.high_kg))
                    })
                    .unwrap_or_default()
            };
            let unverified = move || whole().line(source).is_some_and(|s| !s.own && s.unverified);
            let terms = (cat == "electricity").then(|| view! {
                <p class="term">{tr(Msg::TermResidualMix)}</p>
                <p class="term">{tr(Msg::TermGuaranteeOfOrigin)}</p>
            });
            view! {
                <details class="fp-source">
                <summary><span class="fp-source-name">{legend}</span>" " <span class="fp-source-figure">{figure}</span></summary>
                <fieldset class="fp-group">
                    <legend class="visually-hidden">{legend}</legend>
                    {terms}
                    {move || unverified().then(|| view! { <p class="note">{tr(Msg::FootprintSourceUnverified)}</p> })}
                    {factors
                        .into_iter()
                        .map(|f| {
                            let input_id = dom_id("fp", f.id);
                            let err = RwSignal::new(false);
                            let units = conversions(f.unit);
                            let entry = move || entries().get(f.id).cloned();
                            // A unit chosen before the amount is typed: used when the amount comes.
                            let chosen_unit = RwSignal::new(None::<String>);
                            let set = move |amount: Option<f64>, unit: Option<String>| {
                                if unit.is_some() {
                                    chosen_unit.set(unit.clone());
                                }
                                let y = year.get_untracked().to_string();
                                let mut removed = false;
                                c.update_company(|co| {
                                    let current = co.footprint_entry(&y, f.id).cloned();
                                    let unit = unit
                                        .or_else(|| current.as_ref().map(|e| e.unit.clone()))
                                        .or_else(|| chosen_unit.get_untracked())
                                        .unwrap_or_else(|| f.unit.to_string());
                                    let entry = amount
                                        .or(current.map(|e| e.amount))
                                        .map(|amount| FootprintEntry { amount, unit });
                                    if let Some(entry) = entry {
                                        removed = !set_entry(co.footprints.entry(y.clone()).or_default(), f.id, entry).is_empty();
                                    }
                                });
                                km_replaced.set(removed);
                            };
                            let unit_select = (units.len() > 1).then(|| {
                                let sel_id = format!("{input_id}-unit");
                                view! {
                                    <label class="visually-hidden" for=sel_id.clone()>{tr(Msg::Unit)}</label>
                                    <select id=sel_id on:change=move |ev| set(None, Some(event_target_value(&ev))) disabled=move || c.read_only()>
                                        {units
                                            .iter()
                                            .map(|(u, _)| {
                                                let u = *u;
                                                view! {
                                                    <option value=u selected=move || entry().map(|e| e.unit == u).unwrap_or(u == f.unit)>
                                                        {move || unit_label(c.lang.get(), u)}
                                                    </option>
                                                }
                                            })
                                            .collect_view()}
                                    </select>
                                }
                            });
                            let single_unit = (units.len() <= 1).then(|| view! { <span class="unit">{move || unit_label(c.lang.get(), f.unit)}</span> });
                            let err_id = format!("{input_id}-error");
                            view! {
                                <div class="fp-row">
                                    <label for=input_id.clone()>{txt(&f.label)}</label>
                                    <div class="number-row">
                                        <input
                                            type="text"
                                            inputmode="decimal"
                                            autocomplete="off"
                                            id=input_id
                                            disabled=move || c.read_only()
                                            aria-describedby=err_id.clone()
                                            aria-invalid=move || if err.get() { "true" } else { "false" }
                                            prop:value=move || entry().map(|e| format_input(c.lang.get(), e.amount)).unwrap_or_default()
                                            on:change=move |ev| {
                                                let v = event_target_value(&ev);
                                                if v.trim().is_empty() {
                                                    err.set(false);
                                                    let y = year.get_untracked().to_string();
                                                    c.update_company(|co| co.set_footprint_entry(&y, f.id, None));
                                                } else {
                                                    match parse_number_in(c.lang.get_untracked(), &v).filter(|n| *n >= 0.0 && *n <= 1e12) {
                                                        Some(n) => {
                                                            err.set(false);
                                                            set(Some(n), None);
                                                        }
                                                        None => err.set(true),
                                                    }
                                                }
                                            }
                                        />
                                        {unit_select}
                                        {single_unit}
                                    </div>
                                    <p class="error" id=err_id aria-live="polite">{move || err.get().then(|| c.t(Msg::ErrorNonNegative))}</p>
                                    <details class="help">
                                        <summary>{tr(Msg::WhereToFind)}</summary>
                                        <p>{txt(&f.where_to_find)}</p>
                                    </details>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                </details>
            }
        })
        .collect_view();
    let chart_rows = Signal::derive(move || {
        let l = c.lang.get();
        est()
            .by_category
            .into_iter()
            .filter(|(_, kg)| *kg > 0.0)
            .map(|(cat, kg)| (fp_category_label(l, &cat), round_sig2(kg / 1000.0)))
            .collect::<Vec<_>>()
    });
    let chart_title = Signal::derive(move || c.t(Msg::FootprintLargest).to_string());
    let compare = move || {
        let l = c.lang.get();
        let all: Vec<(String, crate::footprint::Estimate)> = c.ws.with(|w| {
            w.active()
                .footprints
                .iter()
                .map(|(y, e)| (y.clone(), estimate(content(), e)))
                .collect()
        });
        (all.len() > 1).then(|| {
            view! {
                <div class="table-wrap" role="region" tabindex="0" aria-label=t(l, Msg::FootprintYears)>
                    <table>
                        <caption>{t(l, Msg::FootprintYears)}</caption>
                        <thead><tr><th scope="col">{t(l, Msg::Year)}</th><th scope="col">{t(l, Msg::Total)}</th></tr></thead>
                        <tbody>
                            {all.into_iter().map(|(y, e)| view! { <tr><th scope="row">{y}</th><td class="num">{about_text(l, e.total_kg, e.low_kg, e.high_kg)}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })
    };
    view! {
        <section class="footprint" aria-labelledby="fp-title">
            <h2 id="fp-title">{tr(Msg::FootprintTitle)}</h2>
            <p>{tr(Msg::FootprintIntro)}</p>
            <div class="field">
                <label for="fp-year">{tr(Msg::FootprintYear)}</label>
                <select id="fp-year" on:change=move |ev| if let Ok(y) = event_target_value(&ev).parse() { year.set(y) }>
                    {move || years().into_iter().map(|y| view! { <option value=y.to_string() selected=move || year.get() == y>{y.to_string()}</option> }).collect_view()}
                </select>
            </div>
            {move || view! { <RoughSummary lang=c.lang.get() rough=whole() sources=7 /> }}
            <form class="fp-form" on:submit=|ev| ev.prevent_default()>{groups}</form>
            <div class="fp-result" aria-live="polite">
                <p class="fp-total">
                    <strong>{move || {
                        let e = est();
                        let l = c.lang.get();
                        if e.total_kg > 0.0 {
                            tf(l, Msg::FootprintTotalAbout, &[("about", &about_text(l, e.total_kg, e.low_kg, e.high_kg))])
                        } else {
                            tf(l, Msg::FootprintTotal, &[("t", "0")])
                        }
                    }}</strong>
                </p>
                {move || (km_replaced.get() || !est().replaced.is_empty()).then(|| view! { <p class="notice info">{tr(Msg::FootprintKmReplaced)}</p> })}
                {move || (!chart_rows.get().is_empty()).then(|| view! { <AmountChart title=chart_title rows=chart_rows unit="t CO2e" /> })}
                <p class="note">{tr(Msg::FootprintUncertainty)}</p>
                <p><Link href=format!("{}#{}", Route::About.href(), METHOD_ID)>{tr(Msg::MethodTitle)}</Link></p>
            </div>
            {compare}
        </section>
    }
}
