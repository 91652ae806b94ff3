//! A number question, in the reader's number format, within the question's bounds.
use super::{current_answer, Help};
use crate::content::{content, Question};
use crate::i18n::{format_input, format_number, parse_number_in, t, tf, Msg};
use crate::labels::unit_label;
use crate::model::{check_answer, Answer};
use crate::state::ctx;
use crate::ui::{dom_id, txt};
use leptos::prelude::*;

#[component]
pub fn NumberInput(q: &'static Question) -> impl IntoView {
    let c = ctx();
    let current = current_answer(q);
    let text = txt(&q.text);
    let qid = dom_id("q", q.id);
    let disabled = move || c.read_only();
    let error = RwSignal::new(None::<String>);
    let input_id = format!("{qid}-input");
    let err_id = format!("{qid}-error");
    let unit = q.unit.unwrap_or_default();
    let validate = move |raw: &str| -> Result<Option<f64>, String> {
        let l = c.lang.get_untracked();
        if raw.trim().is_empty() {
            return Ok(None);
        }
        let Some(n) = parse_number_in(l, raw) else {
            return Err(t(l, Msg::ErrorNotNumber).to_string());
        };
        // The bounds are the model's (`check_answer`); only the words are chosen here.
        if check_answer(content(), q, &Answer::Number(n)).is_none() {
            return Ok(Some(n));
        }
        if q.integer && n.fract() != 0.0 {
            return Err(t(l, Msg::ErrorWholeNumber).to_string());
        }
        let lo = format_number(l, q.min.unwrap_or(0.0), 2);
        let hi = q
            .max
            .map(|m| format_number(l, m, 2))
            .unwrap_or_else(|| "∞".into());
        Err(tf(l, Msg::ErrorRange, &[("min", &lo), ("max", &hi)]))
    };
    let value = move || match current() {
        Some(Answer::Number(n)) => format_input(c.lang.get(), n),
        _ => String::new(),
    };
    view! {
        <div class="question" id=qid.clone()>
            <label for=input_id.clone() class="q-label">{text}</label>
            <Help q />
            <div class="number-row">
                <input
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    id=input_id
                    prop:value=value
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby=err_id.clone()
                    disabled=disabled
                    on:input=move |ev| {
                        if let Ok(v) = validate(&event_target_value(&ev)) {
                            error.set(None);
                            c.set_answer(q.id, v.map(Answer::Number));
                        }
                    }
                    on:change=move |ev| match validate(&event_target_value(&ev)) {
                        Ok(v) => {
                            error.set(None);
                            c.set_answer(q.id, v.map(Answer::Number));
                        }
                        Err(e) => error.set(Some(e)),
                    }
                />
                <span class="unit">{move || unit_label(c.lang.get(), unit)}</span>
            </div>
            <p class="error" id=err_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}
