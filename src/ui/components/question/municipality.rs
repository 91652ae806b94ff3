//! The municipality question: a name typed with the browser's suggestions.
use super::Help;
use crate::content::{content, Question};
use crate::i18n::{tf, Lang, Msg};
use crate::model::Answer;
use crate::state::ctx;
use crate::ui::{dom_id, txt};
use leptos::prelude::*;

/// Municipality picker: type a Finnish or Swedish name; the browser suggests from the list.
#[component]
pub fn MunicipalityPicker(q: &'static Question) -> impl IntoView {
    let c = ctx();
    let qid = dom_id("q", q.id);
    let input_id = format!("{qid}-input");
    let list_id = format!("{qid}-list");
    let err_id = format!("{qid}-error");
    let error = RwSignal::new(false);
    let selected = move || match c.ws.with(|w| w.active().answers.get(q.id).cloned()) {
        Some(Answer::Municipality(code)) => content().municipality(&code),
        _ => None,
    };
    let options = move || {
        let l = c.lang.get();
        content()
            .geo
            .municipalities
            .iter()
            .map(|m| {
                let name = m.name(l).to_string();
                let other = if l == Lang::Sv { m.fi } else { m.sv };
                let hint = if other != name {
                    other.to_string()
                } else {
                    String::new()
                };
                view! { <option value=name>{hint}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="question" id=qid.clone()>
            <label for=input_id.clone() class="q-label">{txt(&q.text)}</label>
            <Help q />
            <input
                type="text"
                id=input_id
                list=list_id.clone()
                autocomplete="off"
                prop:value=move || selected().map(|m| m.name(c.lang.get()).to_string()).unwrap_or_default()
                aria-invalid=move || if error.get() { "true" } else { "false" }
                aria-describedby=err_id.clone()
                disabled=move || c.read_only()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if v.trim().is_empty() {
                        error.set(false);
                        c.set_answer(q.id, None);
                    } else if let Some(m) = content().find_municipality(&v) {
                        error.set(false);
                        c.set_answer(q.id, Some(Answer::Municipality(m.code.to_string())));
                    } else {
                        error.set(true);
                    }
                }
            />
            <datalist id=list_id>{options}</datalist>
            <p class="error" id=err_id aria-live="polite">{move || error.get().then(|| c.t(Msg::ErrorMunicipality))}</p>
            <p class="selected">
                {move || {
                    selected()
                        .map(|m| {
                            let l = c.lang.get();
                            let region = content().region(m.region).map(|r| if l == Lang::Sv { r.sv } else { r.fi }).unwrap_or_default();
                            tf(l, Msg::MunicipalitySelected, &[("name", m.name(l)), ("region", region)])
                        })
                }}
            </p>
        </div>
    }
}
