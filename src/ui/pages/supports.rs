//! Supports: recommended services with filters, and texts to take to them (a contact summary,
//! a commitment draft, a Kestävyysloikka description).
use crate::content::{content, SupportCost, SupportKind, PROFILE};
use crate::drafts::{commitment_draft, contact_summary, loikka_text};
use crate::i18n::{t, tf, Msg};
use crate::labels::{item_title, support_kind_msg};
use crate::matching::{recommend, Tier};
use crate::model::{profile, PlanStatus};
use crate::router::Route;
use crate::state::ctx;
use crate::ui::components::support_card::SupportCard;
use crate::ui::{page_title, tr};
use crate::web::clock::current_year;
use crate::web::files::copy_text;
use leptos::prelude::*;

#[component]
pub fn Supports() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::SupportTitle).to_string());
    let kind = RwSignal::new(String::from("all"));
    let cost = RwSignal::new(String::from("all"));
    let area = RwSignal::new(String::from("all"));
    let recs = move || {
        let answers = c.answers();
        let prof = profile(content(), &answers);
        recommend(content(), &prof)
            .into_iter()
            .filter(|r| kind.with(|k| k == "all" || r.support.kind.code() == k.as_str()))
            .filter(|r| {
                cost.with(|k| {
                    k == "all"
                        || (k == "free" && r.support.cost == SupportCost::Free)
                        || (k == "paid" && r.support.cost != SupportCost::Free)
                })
            })
            .filter(|r| {
                area.with(|a| {
                    a == "all"
                        || (a == "local" && r.tier == Tier::Local)
                        || (a == "regional" && r.tier == Tier::Regional)
                        || (a == "national" && r.tier == Tier::National)
                })
            })
            .collect::<Vec<_>>()
    };
    let has_muni = move || c.ws.with(|w| w.active().municipality().is_some());
    let summary = move || c.ws.with(|w| contact_summary(w.active(), c.lang.get()));
    let mailto = move || {
        let l = c.lang.get();
        let body: String = js_sys::encode_uri_component(&summary()).into();
        let subject: String = js_sys::encode_uri_component(t(l, Msg::MailSubject)).into();
        format!("mailto:?subject={subject}&body={body}")
    };
    let commitment = move || {
        c.ws.with(|w| commitment_draft(w.active(), c.lang.get(), current_year()))
    };
    let done_items = move || {
        c.ws.with(|w| {
            w.active()
                .plan
                .iter()
                .filter(|p| p.status == PlanStatus::Done)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let loikka_pick = RwSignal::new(String::new());
    let loikka = move || {
        let items = done_items();
        let pick = loikka_pick.get();
        items
            .iter()
            .find(|p| p.id == pick)
            .or(items.first())
            .map(|p| c.ws.with(|w| loikka_text(w.active(), c.lang.get(), p)))
    };
    view! {
        <h1>{tr(Msg::SupportTitle)}</h1>
        <p>{tr(Msg::SupportIntro)}</p>
        {move || (!has_muni()).then(|| view! { <p class="notice info">{c.t(Msg::SupportNoMunicipality)}" " <a href=Route::step(PROFILE).href()>{c.t(Msg::ToProfile)}</a></p> })}
        <div class="filters" role="group" aria-label=tr(Msg::Filters)>
            <label for="f-kind">{tr(Msg::FilterKind)}</label>
            <select id="f-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                <option value="all">{tr(Msg::All)}</option>
                {SupportKind::ALL.into_iter().map(|k| view! { <option value=k.code()>{move || c.t(support_kind_msg(k))}</option> }).collect_view()}
            </select>
            <label for="f-cost">{tr(Msg::FilterCost)}</label>
            <select id="f-cost" on:change=move |ev| cost.set(event_target_value(&ev))>
                <option value="all">{tr(Msg::All)}</option>
                <option value="free">{tr(Msg::CostFree)}</option>
                <option value="paid">{tr(Msg::CostPaid)}</option>
            </select>
            <label for="f-area">{tr(Msg::FilterArea)}</label>
            <select id="f-area" on:change=move |ev| area.set(event_target_value(&ev))>
                <option value="all">{tr(Msg::All)}</option>
                <option value="local">{tr(Msg::AreaLocal)}</option>
                <option value="regional">{tr(Msg::AreaRegional)}</option>
                <option value="national">{tr(Msg::AreaNational)}</option>
            </select>
        </div>
        <p aria-live="polite">{move || tf(c.lang.get(), Msg::SupportCount, &[("n", &recs().len().to_string())])}</p>
        <ul class="cards support-list">
            {move || {
                let l = c.lang.get();
                recs()
                    .into_iter()
                    .map(|r| view! { <SupportCard lang=l rec=r /> })
                    .collect_view()
            }}
        </ul>
        <section aria-labelledby="contact-title" class="contact">
            <h2 id="contact-title">{tr(Msg::PrepareContact)}</h2>
            <p>{tr(Msg::PrepareContactIntro)}</p>
            <label for="contact-summary">{tr(Msg::Summary)}</label>
            <textarea id="contact-summary" rows="10" readonly prop:value=summary></textarea>
            <p class="actions-row">
                <button type="button" class="button secondary" on:click=move |_| copy_text(&summary())>{tr(Msg::Copy)}</button>
                <a class="button secondary" href=mailto>{tr(Msg::OpenEmail)}</a>
                <button type="button" class="button secondary" on:click=move |_| { let _ = window().print(); }>{tr(Msg::Print)}</button>
            </p>
        </section>
        <section aria-labelledby="commitment-title" class="contact">
            <h2 id="commitment-title">{tr(Msg::CommitmentTitle)}</h2>
            <p>{tr(Msg::CommitmentIntro)}</p>
            <label for="commitment-text">{tr(Msg::CommitmentTitle)}</label>
            <textarea id="commitment-text" rows="9" readonly prop:value=commitment></textarea>
            <p class="actions-row">
                <button type="button" class="button secondary" on:click=move |_| copy_text(&commitment())>{tr(Msg::Copy)}</button>
                <button type="button" class="button secondary" on:click=move |_| { let _ = window().print(); }>{tr(Msg::Print)}</button>
            </p>
        </section>
        <section aria-labelledby="loikka-title" class="contact">
            <h2 id="loikka-title">{tr(Msg::LoikkaTitle)}</h2>
            <p>{tr(Msg::LoikkaIntro)}</p>
            {move || match loikka() {
                None => view! { <p>{c.t(Msg::LoikkaNoneDone)}</p> }.into_any(),
                Some(text) => {
                    let text2 = text.clone();
                    view! {
                        <label for="loikka-pick">{c.t(Msg::LoikkaPick)}</label>
                        <select id="loikka-pick" on:change=move |ev| loikka_pick.set(event_target_value(&ev))>
                            {done_items().into_iter().map(|p| { let id = p.id.clone(); view! { <option value=id.clone() selected=move || loikka_pick.get() == id>{item_title(c.lang.get(), &p)}</option> } }).collect_view()}
                        </select>
                        <label for="loikka-text">{c.t(Msg::LoikkaTitle)}</label>
                        <textarea id="loikka-text" rows="8" readonly prop:value=text></textarea>
                        <p class="actions-row">
                            <button type="button" class="button secondary" on:click=move |_| copy_text(&text2)>{c.t(Msg::Copy)}</button>
                        </p>
                    }.into_any()
                }
            }}
        </section>
    }
}
