//! Every step, question, option and action in the current language, for content review.
use crate::content::content;
use crate::i18n::{t, Msg};
use crate::labels::action_meta;
use crate::state::ctx;
use crate::ui::{page_title, tr};
use leptos::prelude::*;

/// Every step, question, option and action in the current language, for content review.
#[component]
pub fn ContentReview() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::ReviewTitle).to_string());
    view! {
        <h1>{tr(Msg::ReviewTitle)}</h1>
        <p>{tr(Msg::ReviewIntro)}</p>
        {move || {
            let l = c.lang.get();
            let steps = content().steps.iter().map(|s| view! {
                <section class="review-step">
                    <h2>{s.title.get(l).to_string()}" " <code>{s.id}</code></h2>
                    <p>{s.intro.get(l).to_string()}</p>
                    <ol>
                        {s.questions.iter().map(|q| view! {
                            <li>
                                <p><strong>{q.text.get(l).to_string()}</strong>" " <code>{q.id}</code>{q.quick.then(|| format!(" · {}", t(l, Msg::PathQuick)))}</p>
                                {q.help.as_ref().map(|h| view! { <p class="hint">{h.get(l).to_string()}</p> })}
                                {(!q.when.is_empty()).then(|| view! { <p class="hint">"when: " {q.when.join(", ")}</p> })}
                                <ul>{q.options.iter().map(|o| view! { <li>{o.label.get(l).to_string()}{format!(" — {} p", o.points)}{(!o.facts.is_empty() || !o.needs.is_empty()).then(|| format!(" [{}]", o.facts.iter().chain(o.needs).copied().collect::<Vec<_>>().join(", ")))}</li> }).collect_view()}</ul>
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
            }).collect_view();
            let actions = content().actions.iter().map(|a| view! {
                <li>
                    <strong>{a.title.get(l).to_string()}</strong>" " <code>{a.id}</code>
                    <p>{a.what.get(l).to_string()}</p>
                    <p>{a.why.get(l).to_string()}</p>
                    <p class="meta">{action_meta(l, a)}</p>
                    <p class="hint">"when: " {a.when.join(", ")}</p>
                </li>
            }).collect_view();
            view! {
                {steps}
                <section>
                    <h2>{t(l, Msg::Library)}</h2>
                    <ol>{actions}</ol>
                </section>
            }
        }}
    }
}
