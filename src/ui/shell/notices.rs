//! The notices above every page: saving (blocked, full, read-only, data kept aside), another
//! tab, a language that could not load, a new version, and an offered share link.
use crate::content::content;
use crate::i18n::{tf, Msg};
use crate::labels::{dropped_text, storage_fault_msg};
use crate::router::Route;
use crate::state::sync::kept_aside;
use crate::state::{ctx, ReadOnlyWhy, SaveState};
use crate::ui::tr;
use crate::web::clock::now_iso;
use crate::web::{files, service_worker};
use leptos::prelude::*;

/// Notices about saving: blocked or full storage, read-only data, data kept aside, other tabs.
#[component]
pub fn SaveNotices() -> impl IntoView {
    let c = ctx();
    let download_raw = move |key: String| {
        if let Some(raw) = kept_aside(&key) {
            files::download("ilmastoaskeleet-vioittunut.json", &raw, "application/json");
        }
    };
    // The stored data left in place (read-only), downloaded exactly as it is stored.
    let download_stored = move || {
        if let Some(raw) = kept_aside(crate::web::storage::KEY) {
            files::download("ilmastoaskeleet-tallennetut.json", &raw, "application/json");
        }
    };
    view! {
        <div class="notices" aria-live="polite">
            {move || match c.save.get() {
                SaveState::Saved => None,
                SaveState::Unsaved(fault) if fault.is_full() => Some(view! {
                    <div class="notice warn" role="alert">
                        <p>{c.t(storage_fault_msg(fault))}</p>
                        <a href=Route::Data.href() class="button secondary">{c.t(Msg::GoExport)}</a>
                    </div>
                }.into_any()),
                SaveState::Unsaved(fault) => Some(view! {
                    <div class="notice warn" role="status">
                        <p>{c.t(storage_fault_msg(fault))}</p>
                        <a href=Route::Data.href() class="button secondary">{c.t(Msg::GoExport)}</a>
                    </div>
                }.into_any()),
                SaveState::ReadOnly(why) => Some(view! {
                    <div class="notice warn" role="status">
                        <p>{c.t(match why {
                            ReadOnlyWhy::Newer => Msg::StorageReadOnly,
                            ReadOnlyWhy::Unknown => Msg::StorageUnknownEnvelope,
                            ReadOnlyWhy::TooLarge => Msg::StorageTooLargeStored,
                            ReadOnlyWhy::NotKeptAside => Msg::StorageNotKeptAside,
                        })}</p>
                        <button type="button" class="button secondary" on:click=move |_| download_stored()>
                            {c.t(Msg::DownloadStored)}
                        </button>
                    </div>
                }.into_any()),
                SaveState::TooLarge => Some(view! {
                    <div class="notice warn" role="alert">
                        <p>{c.t(Msg::StorageTooLargeWrite)}</p>
                        <a href=Route::Data.href() class="button secondary">{c.t(Msg::GoExport)}</a>
                    </div>
                }.into_any()),
                SaveState::NearLimit => Some(view! {
                    <div class="notice info" role="status">
                        <p>{c.t(Msg::StorageNearLimit)}</p>
                        <a href=Route::Data.href() class="button secondary">{c.t(Msg::GoExport)}</a>
                    </div>
                }.into_any()),
                SaveState::Salvaged(key, dropped) => {
                    let k = key.clone();
                    let l = c.lang.get();
                    Some(view! {
                        <div class="notice warn salvaged" role="alert">
                            <p>{tf(l, Msg::StorageSalvaged, &[("n", &dropped.len().to_string())])}</p>
                            <ul>{dropped.iter().map(|d| view! { <li>{dropped_text(l, d)}</li> }).collect_view()}</ul>
                            <button type="button" class="button secondary" on:click=move |_| download_raw(k.clone())>
                                {c.t(Msg::DownloadRaw)}
                            </button>
                            <button type="button" class="button secondary" on:click=move |_| c.save.set(SaveState::Saved)>
                                {c.t(Msg::Dismiss)}
                            </button>
                        </div>
                    }.into_any())
                }
                SaveState::Corrupt(key) => {
                    let k = key.clone();
                    Some(view! {
                        <div class="notice warn" role="alert">
                            <p>{c.t(Msg::StorageCorrupt)}</p>
                            <button type="button" class="button secondary" on:click=move |_| download_raw(k.clone())>
                                {c.t(Msg::DownloadRaw)}
                            </button>
                            <button type="button" class="button secondary" on:click=move |_| c.save.set(SaveState::Saved)>
                                {c.t(Msg::StartAfresh)}
                            </button>
                        </div>
                    }.into_any())
                }
            }}
            {move || c.other_tab.get().then(|| view! {
                <div class="notice info" role="status">
                    <p>{c.t(Msg::OtherTabUpdated)}</p>
                    <button type="button" class="button secondary" on:click=move |_| c.other_tab.set(false)>{c.t(Msg::Dismiss)}</button>
                </div>
            })}
            {move || c.lang_failed.get().map(|l| view! {
                <div class="notice warn" role="alert">
                    <p>{tf(c.lang.get(), Msg::LangLoadFailed, &[("lang", l.native_name())])}</p>
                    <button type="button" class="button secondary" on:click=move |_| c.lang_failed.set(None)>{c.t(Msg::Dismiss)}</button>
                </div>
            })}
            {move || c.update_ready.get().then(|| view! {
                <div class="notice info" role="status">
                    <p>{c.t(Msg::UpdateAvailable)}</p>
                    <button type="button" class="button" on:click=move |_| service_worker::apply_update()>{c.t(Msg::UpdateReload)}</button>
                </div>
            })}
        </div>
    }
}

/// A share link (`#a=…`) carries answers (version 1) or a whole company (version 2, "open in
/// the full app" from the embedded app): offer to take them in, as a new company or in place of
/// the current one (which is kept as a backup first). The fragment is removed at once.
#[component]
pub fn ShareImport() -> impl IntoView {
    use crate::share::Shared;
    let c = ctx();
    let hash = window().location().hash().unwrap_or_default();
    let offered = RwSignal::new(None::<Result<Shared, ()>>);
    if let Some(frag) = hash.strip_prefix("#a=") {
        offered.set(Some(
            crate::share::decode_any(content(), frag).map_err(|_| ()),
        ));
        let path = window().location().pathname().unwrap_or_default();
        let search = window().location().search().unwrap_or_default();
        let _ = window().history().map(|h| {
            h.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{search}")),
            )
        });
    }
    let take = move |as_new: bool| {
        let Some(Ok(shared)) = offered.get_untracked() else {
            return;
        };
        let _ = c.keep_backup();
        let now = now_iso();
        match shared {
            Shared::Answers(answers, _) => {
                c.update_workspace(|w| w.take_answers(answers, as_new, &now))
            }
            Shared::Company(company) => c.update_workspace(|w| {
                w.import_company(*company, as_new);
            }),
        }
        offered.set(None);
    };
    let n = |v: usize| v.to_string();
    move || {
        offered.get().map(|r| match r {
            Ok(shared) => {
                let text = move || match &shared {
                    Shared::Answers(answers, dropped) => {
                        let mut s = tf(c.lang.get(), Msg::ShareImportNotice, &[("n", &n(answers.len()))]);
                        if *dropped > 0 {
                            s.push(' ');
                            s.push_str(&tf(c.lang.get(), Msg::ShareImportDropped, &[("n", &n(*dropped))]));
                        }
                        s
                    }
                    Shared::Company(co) => tf(
                        c.lang.get(),
                        Msg::ShareCompanyNotice,
                        &[
                            ("answers", &n(co.answers.len())),
                            ("plan", &n(co.plan.len())),
                            ("years", &n(co.footprints.len())),
                            ("snapshots", &n(co.snapshots.len())),
                        ],
                    ),
                };
                view! {
                    <div class="notices">
                        <div class="notice info" role="status">
                            <p>{text}</p>
                            <button type="button" class="button" on:click=move |_| take(true)>{tr(Msg::ImportAsNew)}</button>
                            <button type="button" class="button secondary" on:click=move |_| take(false)>{tr(Msg::ImportReplace)}</button>
                            <button type="button" class="button secondary" on:click=move |_| offered.set(None)>{tr(Msg::Dismiss)}</button>
                        </div>
                    </div>
                }
                .into_any()
            }
            Err(()) => view! {
                <div class="notices">
                    <div class="notice warn" role="alert">
                        <p>{tr(Msg::ShareImportInvalid)}</p>
                        <button type="button" class="button secondary" on:click=move |_| offered.set(None)>{tr(Msg::Dismiss)}</button>
                    </div>
                </div>
            }
            .into_any(),
        })
    }
}
