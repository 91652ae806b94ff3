//! Own data: export, import with a preview, several companies, year snapshots, share links and
//! deleting everything.
use crate::content::content;
use crate::i18n::{t, tf, Msg};
use crate::labels::{problem_text, set_aside_text};
use crate::persist::{encode_company, parse_import};
use crate::state::ctx;
use crate::state::sync::{forget_kept_aside, kept_aside, kept_aside_list};
use crate::ui::{page_title, tr};
use crate::web::clock::{current_year, now_iso, today};
use crate::web::files::{copy_text, download, read_file};
use crate::web::storage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn DataPage() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::DataTitle).to_string());
    let imported = RwSignal::new(None::<Result<crate::model::Company, Vec<crate::persist::Issue>>>);
    let message = RwSignal::new(None::<Msg>);
    let share_link = RwSignal::new(String::new());
    // Data kept aside stays listed, on every visit, until the user deletes it.
    let set_aside = RwSignal::new(kept_aside_list());
    let download_set_aside = move |key: String, when: String| {
        if let Some(raw) = kept_aside(&key) {
            let stamp: String = when
                .chars()
                .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
                .collect();
            download(
                &format!("ilmastoaskeleet-talteen-{stamp}.json"),
                &raw,
                "application/json",
            );
        }
    };
    let export = move |_| {
        let co = c.company();
        let name: String = co
            .name()
            .unwrap_or("yritys")
            .chars()
            .map(|ch| {
                if ch.is_alphanumeric() {
                    ch.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        download(
            &format!("ilmastoaskeleet-{name}-{}.json", today()),
            &encode_company(&co, &now_iso()),
            "application/json",
        );
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            read_file(&input, move |text| {
                imported.set(Some(parse_import(&text, content())))
            });
        }
    };
    let apply = move |as_new: bool| {
        let Some(Ok(company)) = imported.get_untracked() else {
            return;
        };
        // Keep the current data as a backup before anything is replaced.
        if storage::available() && c.keep_backup().is_err() {
            message.set(Some(Msg::ImportBackupFailed));
            return;
        }
        c.update_workspace(|w| {
            w.import_company(company, as_new);
        });
        imported.set(None);
        message.set(Some(Msg::ImportDone));
    };
    let companies = move || {
        c.ws.with(|w| {
            w.companies
                .iter()
                .map(|co| {
                    (
                        co.id.clone(),
                        co.name().map(str::to_string),
                        co.id == w.active,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1>{tr(Msg::DataTitle)}</h1>
        <p>{tr(Msg::DataIntro)}</p>
        <p class="notice info" aria-live="polite">{move || message.get().map(|m| c.t(m))}</p>
        {move || (!set_aside.get().is_empty()).then(|| {
            let l = c.lang.get();
            view! {
                <section aria-labelledby="set-aside-title" class="set-aside">
                    <h2 id="set-aside-title">{t(l, Msg::SetAsideTitle)}</h2>
                    <p>{t(l, Msg::SetAsideIntro)}</p>
                    <ul>
                        {set_aside.get().into_iter().map(|k| {
                            let label = set_aside_text(l, &k.when, k.size);
                            let (key1, key2, when1, when2) = (k.key.clone(), k.key.clone(), k.when.clone(), k.when.clone());
                            view! {
                                <li>
                                    <span>{label.clone()}</span>
                                    " "
                                    <button type="button" class="button secondary" on:click=move |_| download_set_aside(key1.clone(), when1.clone())>{t(l, Msg::SetAsideDownload)}<span class="visually-hidden">": " {label.clone()}</span></button>
                                    " "
                                    <button type="button" class="link-button" on:click=move |_| {
                                        let msg = tf(c.lang.get_untracked(), Msg::SetAsideConfirmDelete, &[("date", &when2)]);
                                        if window().confirm_with_message(&msg).unwrap_or(false) {
                                            forget_kept_aside(&key2);
                                            set_aside.set(kept_aside_list());
                                        }
                                    }>{t(l, Msg::SetAsideDelete)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })}
        <section aria-labelledby="export-title">
            <h2 id="export-title">{tr(Msg::ExportTitle)}</h2>
            <p>{tr(Msg::ExportIntro)}</p>
            <button type="button" class="button" on:click=export>{tr(Msg::ExportButton)}</button>
        </section>
        <section aria-labelledby="import-title">
            <h2 id="import-title">{tr(Msg::ImportTitle)}</h2>
            <p>{tr(Msg::ImportIntro)}</p>
            <label for="import-file">{tr(Msg::ImportChoose)}</label>
            <input type="file" id="import-file" accept="application/json,.json" on:change=on_file disabled=move || c.read_only() />
            {move || imported.get().map(|r| match r {
                Err(issues) => {
                    let l = c.lang.get();
                    view! {
                        <div class="notice warn" role="alert">
                            <p>{t(l, Msg::ImportFailed)}</p>
                            <ul>{issues.iter().take(20).map(|i| view! { <li>{if i.path.is_empty() { String::new() } else { format!("{}: ", i.path) }}{problem_text(l, &i.problem)}</li> }).collect_view()}</ul>
                            {(issues.len() > 20).then(|| tf(l, Msg::ImportMoreIssues, &[("n", &(issues.len() - 20).to_string())]))}
                        </div>
                    }.into_any()
                }
                Ok(co) => {
                    let l = c.lang.get();
                    let cur = c.company();
                    view! {
                        <div class="notice info preview" role="status">
                            <h3>{t(l, Msg::ImportPreview)}</h3>
                            <div class="table-wrap" role="region" tabindex="0" aria-label=t(l, Msg::ImportPreview)><table>
                                <thead><tr><th scope="col"></th><th scope="col">{t(l, Msg::ImportCurrent)}</th><th scope="col">{t(l, Msg::ImportNew)}</th></tr></thead>
                                <tbody>
                                    <tr><th scope="row">{t(l, Msg::CompanyName)}</th><td>{cur.name().unwrap_or("–").to_string()}</td><td>{co.name().unwrap_or("–").to_string()}</td></tr>
                                    <tr><th scope="row">{t(l, Msg::AnswersCount)}</th><td>{cur.answers.len()}</td><td>{co.answers.len()}</td></tr>
                                    <tr><th scope="row">{t(l, Msg::PlanItems)}</th><td>{cur.plan.len()}</td><td>{co.plan.len()}</td></tr>
                                    <tr><th scope="row">{t(l, Msg::FootprintYears)}</th><td>{cur.footprints.len()}</td><td>{co.footprints.len()}</td></tr>
                                    <tr><th scope="row">{t(l, Msg::Snapshots)}</th><td>{cur.snapshots.len()}</td><td>{co.snapshots.len()}</td></tr>
                                </tbody>
                            </table></div>
                            <p class="actions-row">
                                <button type="button" class="button" on:click=move |_| apply(false)>{t(l, Msg::ImportReplace)}</button>
                                <button type="button" class="button secondary" on:click=move |_| apply(true)>{t(l, Msg::ImportAsNew)}</button>
                                <button type="button" class="button secondary" on:click=move |_| imported.set(None)>{t(l, Msg::Cancel)}</button>
                            </p>
                        </div>
                    }.into_any()
                }
            })}
        </section>
        <section aria-labelledby="companies-title">
            <h2 id="companies-title">{tr(Msg::CompaniesTitle)}</h2>
            <p>{tr(Msg::CompaniesIntro)}</p>
            <ul class="company-list">
                {move || companies().into_iter().map(|(id, name, active)| {
                    let l = c.lang.get();
                    let label = name.unwrap_or_else(|| tf(l, Msg::UnnamedCompany, &[("id", &id)]));
                    let (id1, id2) = (id.clone(), id.clone());
                    let label2 = label.clone();
                    view! {
                        <li>
                            <span>{label.clone()}{active.then(|| format!(" ({})", t(l, Msg::Active)))}</span>
                            {(!active).then(|| view! { <button type="button" class="button secondary" on:click=move |_| c.update_workspace(|w| w.switch_to(&id1))>{t(l, Msg::SwitchTo)}<span class="visually-hidden">": " {label.clone()}</span></button> })}
                            <button type="button" class="link-button" disabled=move || c.read_only() on:click=move |_| {
                                let msg = tf(c.lang.get_untracked(), Msg::ConfirmRemove, &[("name", &label2)]);
                                if window().confirm_with_message(&msg).unwrap_or(false) { c.update_workspace(|w| w.remove_company(&id2)); }
                            }>{t(l, Msg::Remove)}<span class="visually-hidden">": " {label2.clone()}</span></button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button type="button" class="button secondary" disabled=move || c.read_only() on:click=move |_| { let n = now_iso(); c.update_workspace(|w| { w.add_company(&n); }); }>{tr(Msg::AddCompany)}</button>
        </section>
        <section aria-labelledby="snap-title">
            <h2 id="snap-title">{tr(Msg::Snapshots)}</h2>
            <p>{tr(Msg::SnapshotsIntro)}</p>
            <button type="button" class="button secondary" disabled=move || c.read_only() on:click=move |_| { let d = today(); let y = current_year(); c.update_company(|co| { co.close_year(y, &d); }); message.set(Some(Msg::SnapshotDone)); }>
                {move || tf(c.lang.get(), Msg::CloseYear, &[("year", &current_year().to_string())])}
            </button>
            <ul>
                {move || c.ws.with(|w| w.active().snapshots_in_order().into_iter().map(|s| view! { <li>{format!("{} ({})", s.year, s.closed_on)}</li> }).collect_view())}
            </ul>
        </section>
        <section aria-labelledby="share-title">
            <h2 id="share-title">{tr(Msg::ShareTitle)}</h2>
            <p>{tr(Msg::ShareIntro)}</p>
            <button type="button" class="button secondary" on:click=move |_| {
                let origin = window().location().origin().unwrap_or_default();
                share_link.set(format!("{origin}/#a={}", crate::share::encode(content(), &c.answers())));
            }>{tr(Msg::ShareCreate)}</button>
            {move || (!share_link.get().is_empty()).then(|| view! {
                <label for="share-link">{c.t(Msg::ShareLink)}</label>
                <input type="text" id="share-link" readonly prop:value=move || share_link.get() />
                <button type="button" class="button secondary" on:click=move |_| copy_text(&share_link.get())>{c.t(Msg::Copy)}</button>
            })}
        </section>
        <section aria-labelledby="delete-title">
            <h2 id="delete-title">{tr(Msg::DeleteTitle)}</h2>
            <p>{tr(Msg::DeleteIntro)}</p>
            <button type="button" class="button danger" disabled=move || c.read_only() on:click=move |_| {
                if window().confirm_with_message(c.t(Msg::ConfirmDelete)).unwrap_or(false) {
                    let n = now_iso();
                    c.update_workspace(|w| w.reset(&n));
                }
            }>{tr(Msg::DeleteButton)}</button>
        </section>
    }
}
