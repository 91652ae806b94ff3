//! A step of the workbook: its questions, progress and the way on.
use crate::content::{content, Step, FOOTPRINT_STEP, PROFILE};
use crate::i18n::{t, tf, Msg};
use crate::model::{profile, step_progress, visible};
use crate::router::{Link, Route};
use crate::state::ctx;
use crate::ui::components::question::QuestionView;
use crate::ui::{page_title, tr, txt};
use leptos::prelude::*;

mod footprint;

use footprint::FootprintEditor;

#[component]
pub fn StepView(step: &'static Step) -> impl IntoView {
    let c = ctx();
    page_title(move |l| step.title.get(l).to_string());
    let steps = &content().steps;
    let index = steps.iter().position(|s| s.id == step.id).unwrap_or(0);
    let prev = index.checked_sub(1).map(|i| &steps[i]);
    let next = steps.get(index + 1);
    let visible_questions = move || {
        let (path, answers) = c.ws.with(|w| (w.active().path, w.active().answers.clone()));
        let prof = profile(content(), &answers);
        step.questions
            .iter()
            .filter(|q| visible(q, &prof, path))
            .collect::<Vec<_>>()
    };
    let progress = move || {
        let (path, answers) = c.ws.with(|w| (w.active().path, w.active().answers.clone()));
        step_progress(content(), step.id, &answers, path)
    };
    let next_href = next
        .map(|s| Route::step(s.id).href())
        .unwrap_or_else(|| Route::Results.href());
    let step_label = move || {
        let l = c.lang.get();
        if step.id == PROFILE {
            t(l, Msg::ProfileStepLabel).to_string()
        } else {
            tf(
                l,
                Msg::StepOf,
                &[
                    ("n", &index.to_string()),
                    ("total", &(steps.len() - 1).to_string()),
                ],
            )
        }
    };
    view! {
        <nav class="step-nav-top" aria-label=tr(Msg::StepsNav)>
            <ol class="step-dots">
                {steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let href = Route::step(s.id).href();
                        let label = move || {
                            let l = c.lang.get();
                            if i == 0 { t(l, Msg::ProfileShort).to_string() } else { i.to_string() }
                        };
                        let sid = s.id;
                        // Done, partly answered or not answered: shown for every step, not only
                        // the current one, and said in words for screen readers.
                        let status = move || {
                            let (path, answers) = c.ws.with(|w| (w.active().path, w.active().answers.clone()));
                            let (a, v) = step_progress(content(), sid, &answers, path);
                            if v > 0 && a >= v {
                                ("done", Msg::StepStatusDone)
                            } else if a > 0 {
                                ("partly", Msg::StepStatusPartly)
                            } else {
                                ("open", Msg::StepStatusOpen)
                            }
                        };
                        view! {
                            <li class=move || status().0>
                                <Link href=href attr:title=txt(&s.title)>
                                    <span aria-hidden="true">{label}</span>
                                    <span class="visually-hidden">{txt(&s.title)}", " {move || c.t(status().1)}</span>
                                </Link>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
        <p class="step-label">{step_label}</p>
        <h1>{txt(&step.title)}</h1>
        <p class="intro">{txt(&step.intro)}</p>
        <div class="progress-row">
            <label for="step-progress">
                {move || {
                    let (a, v) = progress();
                    tf(c.lang.get(), Msg::StepProgress, &[("answered", &a.to_string()), ("total", &v.to_string())])
                }}
            </label>
            <progress id="step-progress" max=move || progress().1.max(1) value=move || progress().0></progress>
        </div>
        <p class="autosave-note">{tr(Msg::AutosaveNote)}</p>
        <form class="questions" on:submit=|ev| ev.prevent_default()>
            <For each=visible_questions key=|q| q.id children=|q| view! { <QuestionView q /> } />
        </form>
        {(step.id == FOOTPRINT_STEP).then(|| view! { <FootprintEditor /> })}
        <nav class="step-buttons" aria-label=tr(Msg::StepButtonsNav)>
            {prev.map(|p| {
                let href = Route::step(p.id).href();
                view! { <a class="button secondary" href=href>{tr(Msg::Back)}</a> }
            })}
            <a class="button" href=next_href>
                {move || match next {
                    Some(s) => tf(c.lang.get(), Msg::NextStep, &[("title", s.title.get(c.lang.get()))]),
                    None => c.t(Msg::ToResults).to_string(),
                }}
            </a>
        </nav>
    }
}
