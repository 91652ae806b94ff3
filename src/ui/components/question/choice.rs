//! A single choice, a multiple choice or a yes/partly/no/don't know question.
use super::{current_answer, Help};
use crate::content::{Kind, Question};
use crate::i18n::{t, Lang, Msg};
use crate::labels::ypn_msg;
use crate::model::{toggle_option, Answer, Ypn};
use crate::state::ctx;
use crate::ui::{dom_id, tr, txt};
use leptos::prelude::*;

/// The label of an option in a given language.
type LabelFn = Box<dyn Fn(Lang) -> String + Send + Sync>;

#[component]
pub fn ChoiceInput(q: &'static Question) -> impl IntoView {
    let c = ctx();
    let current = current_answer(q);
    let text = txt(&q.text);
    let qid = dom_id("q", q.id);
    let disabled = move || c.read_only();
    let clear = move |_| c.set_answer(q.id, None);
    let clear_button = move || {
        current().is_some().then(|| {
            view! {
                <button type="button" class="link-button clear" on:click=clear disabled=disabled>
                    {tr(Msg::ClearAnswer)}
                </button>
            }
        })
    };
    let multi = q.kind == Kind::Multi;
    let options: Vec<(String, LabelFn)> = if q.kind == Kind::Ypn {
        Ypn::ALL
            .iter()
            .map(|y| {
                let msg = ypn_msg(*y);
                (
                    y.code().to_string(),
                    Box::new(move |l| t(l, msg).to_string()) as LabelFn,
                )
            })
            .collect()
    } else {
        q.options
            .iter()
            .map(|o| {
                (
                    o.id.to_string(),
                    Box::new(move |l| o.label.get(l).to_string()) as LabelFn,
                )
            })
            .collect()
    };
    let inputs = options
        .into_iter()
        .map(|(oid, label)| {
            let input_id = dom_id(&qid, &oid);
            let label_for = input_id.clone();
            let oid_check = oid.clone();
            let checked = move || match current() {
                Some(Answer::Choice(x)) => x == oid_check,
                Some(Answer::Multi(xs)) => xs.contains(&oid_check),
                Some(Answer::Ypn(y)) => y.code() == oid_check,
                _ => false,
            };
            let on_change = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                let next = match q.kind {
                    Kind::Ypn => Ypn::from_code(&oid).map(Answer::Ypn),
                    Kind::Single => Some(Answer::Choice(oid.clone())),
                    _ => toggle_option(q, current().as_ref(), &oid, on),
                };
                c.set_answer(q.id, next);
            };
            let kind = if multi { "checkbox" } else { "radio" };
            view! {
                <label class="option" for=label_for>
                    <input type=kind id=input_id name=qid.clone() prop:checked=checked on:change=on_change disabled=disabled />
                    <span>{move || label(c.lang.get())}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question" id=qid.clone()>
            <legend>{text}</legend>
            {multi.then(|| view! { <p class="hint">{tr(Msg::ChooseAny)}</p> })}
            <Help q />
            <div class="options">{inputs}</div>
            {clear_button}
        </fieldset>
    }
}
