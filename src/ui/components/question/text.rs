//! A free-text question: one line, or a text area for the longer ones.
use super::{current_answer, Help};
use crate::content::Question;
use crate::model::Answer;
use crate::state::ctx;
use crate::ui::{dom_id, txt};
use leptos::prelude::*;

#[component]
pub fn TextInput(q: &'static Question) -> impl IntoView {
    let c = ctx();
    let current = current_answer(q);
    let text = txt(&q.text);
    let qid = dom_id("q", q.id);
    let disabled = move || c.read_only();
    let input_id = format!("{qid}-input");
    let max = q.max_len();
    let value = move || match current() {
        Some(Answer::Text(s)) => s,
        _ => String::new(),
    };
    let on_input = move |ev: leptos::ev::Event| {
        let v: String = event_target_value(&ev).chars().take(max).collect();
        c.set_answer(q.id, (!v.trim().is_empty()).then_some(Answer::Text(v)));
    };
    let field = if max > 120 {
        view! { <textarea id=input_id.clone() maxlength=max rows="3" prop:value=value on:input=on_input disabled=disabled></textarea> }.into_any()
    } else {
        view! { <input type="text" id=input_id.clone() maxlength=max prop:value=value on:input=on_input disabled=disabled /> }.into_any()
    };
    view! {
        <div class="question" id=qid.clone()>
            <label for=input_id class="q-label">{text}</label>
            <Help q />
            {field}
        </div>
    }
}
