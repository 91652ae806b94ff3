//! One question of the workbook: a dispatcher over one input per kind. Every change is saved at
//! once; the rules of an answer (exclusive options, number bounds) are the model's.
use crate::content::{Kind, Question};
use crate::i18n::Msg;
use crate::state::ctx;
use crate::ui::{tr, txt};
use leptos::prelude::*;

mod choice;
mod municipality;
mod number;
mod text;

use choice::ChoiceInput;
use municipality::MunicipalityPicker;
use number::NumberInput;
use text::TextInput;

/// One question, rendered for its kind.
#[component]
pub fn QuestionView(q: &'static Question) -> impl IntoView {
    match q.kind {
        Kind::Single | Kind::Multi | Kind::Ypn => view! { <ChoiceInput q /> }.into_any(),
        Kind::Number => view! { <NumberInput q /> }.into_any(),
        Kind::Text => view! { <TextInput q /> }.into_any(),
        Kind::Municipality => view! { <MunicipalityPicker q /> }.into_any(),
    }
}

/// Why the question is asked, folded.
#[component]
fn Help(q: &'static Question) -> impl IntoView {
    q.help.as_ref().map(|help| {
        view! {
            <details class="help">
                <summary>{tr(Msg::WhyWeAsk)}</summary>
                <p>{txt(help)}</p>
            </details>
        }
    })
}

/// The current answer to `q` in the active company (reactive).
fn current_answer(q: &'static Question) -> impl Fn() -> Option<crate::model::Answer> + Copy {
    let c = ctx();
    move || c.ws.with(|w| w.active().answers.get(q.id).cloned())
}
