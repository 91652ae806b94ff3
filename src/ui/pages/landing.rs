//! The front page: what the app is, the choice of path, where to continue.
use crate::content::{content, MUNICIPALITY_QUESTION, PROFILE};
use crate::i18n::{t, tf, Msg};
use crate::model::{step_progress, total_progress, Answer, PathKind};
use crate::router::{Link, Route};
use crate::state::ctx;
use crate::ui::{page_title, tr, txt};
use leptos::prelude::*;

#[component]
pub fn Landing() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::LandingTitle).to_string());
    let progress = move || {
        let (path, answers) = c.ws.with(|w| (w.active().path, w.active().answers.clone()));
        total_progress(content(), &answers, path)
    };
    // A municipality preselected by `?kunta=` is not the user's own start.
    let kunta = c.params.with_value(|p| p.kunta.clone());
    let started = move || {
        c.ws.with(|w| {
            w.active().answers.iter().any(|(k, a)| {
                !(k == MUNICIPALITY_QUESTION
                    && matches!(a, Answer::Municipality(code) if Some(code) == kunta.as_ref()))
            })
        })
    };
    let set_path = move |p: PathKind| c.update_company(|co| co.path = p);
    let path = move || c.ws.with(|w| w.active().path);
    let continue_href = move || {
        let (path, answers) = c.ws.with(|w| (w.active().path, w.active().answers.clone()));
        content()
            .steps
            .iter()
            .find(|s| {
                let (a, v) = step_progress(content(), s.id, &answers, path);
                a < v
            })
            .map(|s| Route::step(s.id).href())
            .unwrap_or_else(|| Route::Results.href())
    };
    view! {
        <section class="hero">
            <h1>{tr(Msg::LandingTitle)}</h1>
            <p class="lead">{tr(Msg::LandingLead1)}</p>
            {move || {
                if started() {
                    let (a, v) = progress();
                    view! {
                        <p>{tf(c.lang.get(), Msg::ProgressOverall, &[("answered", &a.to_string()), ("total", &v.to_string())])}</p>
                        <p class="actions-row">
                            <a class="button" href=continue_href()>{c.t(Msg::Continue)}</a>
                            <Link href=Route::Results.href()>{tr(Msg::SeeResults)}</Link>
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p class="actions-row">
                            <a class="button" href=Route::step(PROFILE).href()>{c.t(Msg::Start)}</a>
                        </p>
                    }
                    .into_any()
                }
            }}
            <p>{tr(Msg::LandingLead2)}</p>
            <p>{tr(Msg::LandingLead3)}</p>
            <p class="privacy-promise"><strong>{tr(Msg::PrivacyPromise)}</strong></p>
        </section>
        <section aria-labelledby="path-choice">
            <h2 id="path-choice">{tr(Msg::ChoosePath)}</h2>
            <fieldset class="path-choice">
                <legend class="visually-hidden">{tr(Msg::ChoosePath)}</legend>
                <label class="option card-option" for="path-quick">
                    <input type="radio" id="path-quick" name="path" prop:checked=move || path() == PathKind::Quick on:change=move |_| set_path(PathKind::Quick) disabled=move || c.read_only() />
                    <span><strong>{tr(Msg::PathQuick)}</strong> " " {tr(Msg::PathQuickNote)}</span>
                </label>
                <label class="option card-option" for="path-full">
                    <input type="radio" id="path-full" name="path" prop:checked=move || path() == PathKind::Full on:change=move |_| set_path(PathKind::Full) disabled=move || c.read_only() />
                    <span><strong>{tr(Msg::PathFull)}</strong> " " {tr(Msg::PathFullNote)}</span>
                </label>
            </fieldset>
        </section>
        <section aria-labelledby="steps-overview">
            <h2 id="steps-overview">{tr(Msg::StepsOverview)}</h2>
            <ol class="step-list">
                {content()
                    .workbook_steps()
                    .map(|s| {
                        let href = Route::step(s.id).href();
                        view! { <li><Link href=href>{txt(&s.title)}</Link></li> }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
