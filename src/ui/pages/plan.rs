//! The action plan: the user's items with status, owner, due month and note; own actions; the
//! library of actions ranked for the company.
use crate::content::content;
use crate::i18n::{t, tf, Msg};
use crate::labels::{action_meta, item_title, reasons_text, status_msg};
use crate::model::{PlanItem, PlanStatus, MAX_NOTE, MAX_SHORT_TEXT};
use crate::persist::valid_date;
use crate::ranking::suggestions_for;
use crate::rough::current_year;
use crate::state::ctx;
use crate::ui::{dom_id, page_title, tr};
use crate::web::clock::today;
use leptos::prelude::*;

#[component]
pub fn Plan() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::PlanTitle).to_string());
    let filter = RwSignal::new(String::from("all"));
    let sort = RwSignal::new(String::from("status"));
    let own_title = RwSignal::new(String::new());
    let own_error = RwSignal::new(false);
    let items = move || {
        let l = c.lang.get();
        let mut v: Vec<PlanItem> = c.ws.with(|w| w.active().plan.clone());
        let f = filter.get();
        v.retain(|p| f == "all" || p.status.code() == f);
        match sort.get().as_str() {
            "due" => v.sort_by(|a, b| (a.due.is_empty(), &a.due).cmp(&(b.due.is_empty(), &b.due))),
            "title" => v.sort_by_key(|p| item_title(l, p).to_lowercase()),
            "impact" => v.sort_by_key(|p| {
                std::cmp::Reverse(
                    p.action
                        .as_deref()
                        .and_then(|a| content().action(a))
                        .map(|a| a.impact.weight())
                        .unwrap_or(0),
                )
            }),
            _ => v.sort_by_key(|p| p.status),
        }
        v
    };
    let add_own = move |_| {
        let title = own_title.get_untracked();
        if title.trim().is_empty() {
            own_error.set(true);
            return;
        }
        own_error.set(false);
        let d = today();
        c.update_company(|co| {
            co.add_own_item(&title, &d);
        });
        own_title.set(String::new());
    };
    let library = move || {
        c.ws.with(|w| suggestions_for(content(), w.active(), &current_year(w.active(), &today())))
            .into_iter()
            .filter(|s| !s.in_plan)
            .collect::<Vec<_>>()
    };
    view! {
        <h1>{tr(Msg::PlanTitle)}</h1>
        <p>{tr(Msg::PlanIntro)}</p>
        <section aria-labelledby="plan-items-title">
            <h2 id="plan-items-title">{tr(Msg::PlanItems)}</h2>
            <div class="filters">
                <label for="plan-filter">{tr(Msg::FilterStatus)}</label>
                <select id="plan-filter" on:change=move |ev| filter.set(event_target_value(&ev))>
                    <option value="all">{tr(Msg::All)}</option>
                    {PlanStatus::ALL.into_iter().map(|s| view! { <option value=s.code()>{move || c.t(status_msg(s))}</option> }).collect_view()}
                </select>
                <label for="plan-sort">{tr(Msg::SortBy)}</label>
                <select id="plan-sort" on:change=move |ev| sort.set(event_target_value(&ev))>
                    <option value="status">{tr(Msg::SortStatus)}</option>
                    <option value="due">{tr(Msg::SortDue)}</option>
                    <option value="impact">{tr(Msg::SortImpact)}</option>
                    <option value="title">{tr(Msg::SortTitle)}</option>
                </select>
            </div>
            {move || c.ws.with(|w| w.active().plan.is_empty()).then(|| view! { <p>{tr(Msg::PlanEmpty)}</p> })}
            <ul class="plan-list">
                <For each=items key=|p| p.id.clone() children=move |p| view! { <PlanRow id=p.id /> } />
            </ul>
        </section>
        <section aria-labelledby="own-title">
            <h2 id="own-title">{tr(Msg::OwnAction)}</h2>
            <form class="own-action" on:submit=move |ev| { ev.prevent_default(); add_own(()); }>
                <label for="own-action-title">{tr(Msg::OwnActionTitle)}</label>
                <input type="text" id="own-action-title" maxlength=MAX_SHORT_TEXT disabled=move || c.read_only() prop:value=move || own_title.get() on:input=move |ev| own_title.set(event_target_value(&ev))
                    aria-describedby="own-action-error" aria-invalid=move || if own_error.get() { "true" } else { "false" } />
                <p class="error" id="own-action-error" aria-live="polite">{move || own_error.get().then(|| c.t(Msg::ErrorRequired))}</p>
                <button type="submit" class="button" disabled=move || c.read_only()>{tr(Msg::AddOwnAction)}</button>
            </form>
        </section>
        <section aria-labelledby="library-title">
            <h2 id="library-title">{tr(Msg::Library)}</h2>
            <p>{tr(Msg::LibraryIntro)}</p>
            <details class="more">
                <summary>{move || tf(c.lang.get(), Msg::LibraryCount, &[("n", &library().len().to_string())])}</summary>
                <ul class="library-list">
                    {move || {
                        let l = c.lang.get();
                        library()
                            .into_iter()
                            .map(|s| {
                                let a = s.action;
                                let id = a.id;
                                view! {
                                    <li>
                                        <details class="library-item">
                                            <summary>{a.title.get(l).to_string()}</summary>
                                            <p>{a.what.get(l).to_string()}</p>
                                            <p class="meta">{action_meta(l, a)}</p>
                                            <p class="reasons"><strong>{t(l, Msg::WhySuggested)}</strong>" " {reasons_text(l, &s.reasons)}</p>
                                            <button type="button" class="button secondary" aria-label=format!("{}: {}", t(l, Msg::AddToPlan), a.title.get(l)) disabled=move || c.read_only()
                                                on:click=move |_| { let d = today(); c.update_company(|co| { co.add_to_plan(id, &d); }); }>
                                                {t(l, Msg::AddToPlan)}
                                            </button>
                                        </details>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </details>
        </section>
    }
}

/// One plan item with its editable fields. Reads the item by id so that edits never re-create it.
#[component]
fn PlanRow(id: String) -> impl IntoView {
    let c = ctx();
    let base = dom_id("plan", &id);
    let (status_id, owner_id, due_id, note_id) = (
        format!("{base}-status"),
        format!("{base}-owner"),
        format!("{base}-due"),
        format!("{base}-note"),
    );
    let id = StoredValue::new(id);
    let item = Memo::new(move |_| {
        id.with_value(|id| {
            c.ws.with(|w| w.active().plan.iter().find(|p| p.id == *id).cloned())
        })
    });
    let update = move |change: Box<dyn FnOnce(&mut PlanItem)>| {
        c.update_company(|co| id.with_value(|id| co.update_item(id, change)))
    };
    let title = move || {
        item.get()
            .map(|p| item_title(c.lang.get(), &p))
            .unwrap_or_default()
    };
    view! {
        <li class="card plan-item">
            <h3>{title}</h3>
            {move || {
                let l = c.lang.get();
                item.get().and_then(|p| p.action).and_then(|a| content().action(&a)).map(|a| {
                    let first = a.first_step.map(|f| tf(l, Msg::NextActionFirstStep, &[("step", f.get(l))]));
                    view! {
                        <p class="plan-what">{a.what.get(l).to_string()}</p>
                        {first.map(|f| view! { <p class="first-step">{f}</p> })}
                        <p class="meta">{action_meta(l, a)}</p>
                    }
                })
            }}
            <div class="plan-fields">
                <div>
                    <label for=status_id.clone()>{tr(Msg::Status)}</label>
                    <select id=status_id disabled=move || c.read_only() on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = PlanStatus::from_code(&v) {
                            let d = today();
                            c.update_company(|co| id.with_value(|id| co.set_status(id, s, &d)));
                        }
                    }>
                        {PlanStatus::ALL.into_iter().map(|s| {
                            view! { <option value=s.code() selected=move || item.get().is_some_and(|p| p.status == s)>{move || c.t(status_msg(s))}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for=owner_id.clone()>{tr(Msg::Owner)}</label>
                    <input type="text" id=owner_id maxlength=MAX_SHORT_TEXT disabled=move || c.read_only() prop:value=move || item.get().map(|p| p.owner).unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev); update(Box::new(move |p| p.owner = v)); } />
                </div>
                <div>
                    <label for=due_id.clone()>{tr(Msg::DueMonth)}</label>
                    <input type="month" id=due_id min="2020-01" max="2100-12" disabled=move || c.read_only() prop:value=move || item.get().map(|p| p.due).unwrap_or_default()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if v.is_empty() || valid_date(&v, true) { update(Box::new(move |p| p.due = v)); }
                        } />
                </div>
            </div>
            <label for=note_id.clone()>{tr(Msg::Note)}</label>
            <textarea id=note_id rows="2" maxlength=MAX_NOTE disabled=move || c.read_only() prop:value=move || item.get().map(|p| p.note).unwrap_or_default()
                on:change=move |ev| { let v = event_target_value(&ev); update(Box::new(move |p| p.note = v)); }></textarea>
            {move || item.get().and_then(|p| p.done_on).map(|d| view! { <p class="badge">{tf(c.lang.get(), Msg::DoneOn, &[("date", &d)])}</p> })}
            <button type="button" class="link-button" disabled=move || c.read_only() on:click=move |_| c.update_company(|co| id.with_value(|id| co.remove_item(id)))>
                {tr(Msg::Remove)}<span class="visually-hidden">": " {title}</span>
            </button>
        </li>
    }
}
