//! An action of the library as a card: what it is, why it is suggested, and "Add to plan".
use crate::content::Action;
use crate::i18n::{t, Lang, Msg};
use crate::labels::{action_meta, reasons_text};
use crate::ranking::Reason;
use crate::state::ctx;
use crate::web::clock::today;
use leptos::prelude::*;

/// One suggested action in `lang` (the list around it re-renders when the language changes).
/// `with_meta` adds the impact, effort and cost line; an action already in the plan shows a
/// badge instead of the button.
#[component]
pub fn ActionCard(
    lang: Lang,
    action: &'static Action,
    reasons: Vec<Reason>,
    in_plan: bool,
    #[prop(optional)] with_meta: bool,
) -> impl IntoView {
    let c = ctx();
    let l = lang;
    let id = action.id;
    view! {
        <li class="card" data-action=id>
            <h3>{action.title.get(l).to_string()}</h3>
            <p>{action.what.get(l).to_string()}</p>
            {with_meta.then(|| view! { <p class="meta">{action_meta(l, action)}</p> })}
            <p class="reasons"><strong>{t(l, Msg::WhySuggested)}</strong>" " {reasons_text(l, &reasons)}</p>
            {if in_plan {
                view! { <p class="badge">{t(l, Msg::InPlan)}</p> }.into_any()
            } else {
                view! {
                    <button type="button" class="button secondary" aria-label=format!("{}: {}", t(l, Msg::AddToPlan), action.title.get(l)) disabled=move || c.read_only() on:click=move |_| { let d = today(); c.update_company(|co| { co.add_to_plan(id, &d); }); }>
                        {t(l, Msg::AddToPlan)}
                    </button>
                }.into_any()
            }}
        </li>
    }
}
