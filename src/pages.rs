//! The pages of the app. Components render and wire signals; all logic is in the domain modules.
use crate::content::{content, Step, SupportCost, SupportKind, PROFILE};
use crate::footprint::{conversions, estimate};
use crate::i18n::{format_input, format_number, parse_number_in, t, tf, Lang, Msg};
use crate::matching::{recommend, MatchReason, Tier};
use crate::model::{
    profile, step_progress, total_progress, visible, Answer, FootprintEntry, PathKind, PlanItem,
    PlanStatus,
};
use crate::persist::{encode_company, parse_import, Problem};
use crate::ranking::{rank, Reason};
use crate::router::{location, navigate, start_router, Link, Route};
use crate::scoring::{overall, score_all};
use crate::state::{copy_text, ctx, current_year, download, now_iso, today, tr, txt, Ctx};
use crate::widgets::{
    dom_id, level_explain_msg, level_msg, unit_label, AmountChart, MaturityChart, QuestionView,
    SaveNotices,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The routes: (path, title) for the navigation, the page title and the tests.
pub const STEP_PATH: &str = "/vaihe/";

fn step_href(id: &str) -> String {
    format!("{STEP_PATH}{id}")
}

/// Sets the document title to "<page> – Ilmastoaskeleet" whenever the language changes.
fn page_title(msg_or_text: impl Fn(Lang) -> String + Send + Sync + 'static) {
    let c = ctx();
    Effect::new(move |_| {
        let l = c.lang.get();
        document().set_title(&format!("{} – {}", msg_or_text(l), t(l, Msg::AppName)));
    });
}

#[component]
pub fn App() -> impl IntoView {
    let c = Ctx::init();
    provide_context(c);
    let embed = c.params.with_value(|p| p.embed);
    let theme = c.params.with_value(|p| p.theme.unwrap_or_default().class());
    if let Some(accent) = c.params.with_value(|p| p.accent.clone()) {
        if let Some(el) = document()
            .document_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.style().set_property("--accent", &accent);
        }
    }
    if let Some(el) = document().document_element() {
        let _ = el.class_list().add_1(theme);
        if embed {
            let _ = el.class_list().add_1("embed");
        }
    }
    register_service_worker(c);
    if embed {
        if let Some(origin) = c.params.with_value(|p| p.origin.clone()) {
            let _ = EMBED_ORIGIN.set(origin);
        }
        start_resize_messages();
    }
    let loc = start_router();
    view! {
            <StartAt />
            <a class="skip-link" href="#main" on:click=skip_to_main>{tr(Msg::SkipToContent)}</a>
            {(!embed).then(|| view! { <Header /> })}
            {embed.then(|| view! { <EmbedBar /> })}
            <SaveNotices />
            <ShareImport />
            <main id="main" tabindex="-1">
                {move || match Route::parse(&loc.path.get()) {
                    Route::Landing => view! { <Landing /> }.into_any(),
                    Route::Step(id) => match content().step(&id) {
                        Some(step) => view! { <StepView step /> }.into_any(),
                        None => view! { <NotFound /> }.into_any(),
                    },
                    Route::Results => view! { <Results /> }.into_any(),
                    Route::Plan => view! { <Plan /> }.into_any(),
                    Route::Supports => view! { <Supports /> }.into_any(),
                    Route::Report => view! { <Report /> }.into_any(),
                    Route::Data => view! { <DataPage /> }.into_any(),
                    Route::About => view! { <About /> }.into_any(),
                    Route::Accessibility => view! { <Accessibility /> }.into_any(),
                    Route::Municipalities => view! { <ForMunicipalities /> }.into_any(),
                    Route::Content => view! { <ContentReview /> }.into_any(),
                    Route::NotFound => view! { <NotFound /> }.into_any(),
                }}
            </main>
            {(!embed).then(|| view! { <Footer /> })}
    }
}

/// `?step=` moves to that step once, on start; a share link (`#a=…`) is offered for import.
#[component]
fn StartAt() -> impl IntoView {
    let c = ctx();
    let loc = location();
    if let Some(step) = c.params.with_value(|p| p.step.clone()) {
        if loc.path.get_untracked() == "/" {
            navigate(loc, &step_href(&step), true);
        }
    }
    // Move focus to the page heading after each navigation, for keyboard and screen readers.
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let _ = loc.path.get();
        if first.get_value() {
            first.set_value(false);
            return;
        }
        request_animation_frame(move || {
            if let Some(h) = document()
                .query_selector("main h1")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = h.set_attribute("tabindex", "-1");
                let _ = h.focus();
            }
            post_to_parent("scroll-top", None);
        });
    });
}

/// A share link (`#a=…`) carries answers: offer to take them in, as a new company or in place of
/// the current answers (which are kept as a backup first). The fragment is removed at once.
#[component]
fn ShareImport() -> impl IntoView {
    let c = ctx();
    let hash = window().location().hash().unwrap_or_default();
    let offered =
        RwSignal::new(None::<Result<(std::collections::BTreeMap<String, Answer>, usize), ()>>);
    if let Some(frag) = hash.strip_prefix("#a=") {
        offered.set(Some(crate::share::decode(content(), frag).map_err(|_| ())));
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
        let Some(Ok((answers, _))) = offered.get_untracked() else {
            return;
        };
        let backup = crate::persist::encode_workspace(&c.ws.get_untracked(), &now_iso());
        let _ = crate::storage::write(crate::storage::BACKUP_KEY, &backup);
        let now = now_iso();
        c.ws.update(|w| {
            if as_new {
                w.add_company(&now);
            }
            let co = w.active_mut();
            co.answers = answers;
            co.updated = now;
        });
        offered.set(None);
    };
    move || {
        offered.get().map(|r| match r {
            Ok((answers, dropped)) => view! {
                <div class="notices">
                    <div class="notice info" role="status">
                        <p>
                            {move || tf(c.lang.get(), Msg::ShareImportNotice, &[("n", &answers.len().to_string())])}
                            {(dropped > 0).then(|| view! { " " {move || tf(c.lang.get(), Msg::ShareImportDropped, &[("n", &dropped.to_string())])} })}
                        </p>
                        <button type="button" class="button" on:click=move |_| take(true)>{tr(Msg::ImportAsNew)}</button>
                        <button type="button" class="button secondary" on:click=move |_| take(false)>{tr(Msg::ImportReplace)}</button>
                        <button type="button" class="button secondary" on:click=move |_| offered.set(None)>{tr(Msg::Dismiss)}</button>
                    </div>
                </div>
            }
            .into_any(),
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

#[component]
fn LangSwitch() -> impl IntoView {
    let c = ctx();
    view! {
        <div class="lang-switch" role="group" aria-label=tr(Msg::Language)>
            {Lang::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <button
                            type="button"
                            lang=l.code()
                            aria-pressed=move || if c.lang.get() == l { "true" } else { "false" }
                            on:click=move |_| c.switch_lang(l)
                        >
                            {l.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn Header() -> impl IntoView {
    let c = ctx();
    let link = move |href: &'static str, msg: Msg| view! { <li><Link href=href>{move || c.t(msg)}</Link></li> };
    view! {
        <header class="site-header">
            <div class="header-top">
                <a href="/" class="brand">
                    <img src="/icons/icon.svg" alt="" width="32" height="32" />
                    <span>{tr(Msg::AppName)}</span>
                </a>
                <LangSwitch />
            </div>
            <nav aria-label=tr(Msg::MainNav)>
                <ul>
                    {link("/", Msg::NavHome)}
                    {link("/vaihe/profile", Msg::NavSteps)}
                    {link("/tulokset", Msg::NavResults)}
                    {link("/suunnitelma", Msg::NavPlan)}
                    {link("/tuki", Msg::NavSupport)}
                    {link("/raportti", Msg::NavReport)}
                    {link("/tiedot", Msg::NavData)}
                </ul>
            </nav>
        </header>
    }
}

/// The compact bar shown instead of the header when embedded in a municipal site.
#[component]
fn EmbedBar() -> impl IntoView {
    let c = ctx();
    let full_app = move || {
        let fragment = crate::share::encode(content(), &c.answers());
        let lang = c.lang.get().code();
        format!("/?lang={lang}#a={fragment}")
    };
    view! {
        <div class="embed-bar">
            <LangSwitch />
            <p class="embed-note">{tr(Msg::EmbedStorageNote)}</p>
            <a href=full_app target="_blank" rel="noopener">{tr(Msg::OpenFullApp)}<span class="visually-hidden">{tr(Msg::NewTab)}</span></a>
            <Link href="/tiedot">{tr(Msg::NavData)}</Link>
        </div>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{tr(Msg::FooterPrivacy)}</p>
            <ul>
                <li><Link href="/tietoa">{tr(Msg::NavAbout)}</Link></li>
                <li><Link href="/saavutettavuus">{tr(Msg::NavAccessibility)}</Link></li>
                <li><Link href="/kunnille">{tr(Msg::NavMunicipalities)}</Link></li>
                <li><Link href="/sisalto">{tr(Msg::NavContent)}</Link></li>
            </ul>
        </footer>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    page_title(|l| t(l, Msg::NotFoundTitle).to_string());
    view! {
        <h1>{tr(Msg::NotFoundTitle)}</h1>
        <p><Link href="/">{tr(Msg::NavHome)}</Link></p>
    }
}

#[component]
fn Landing() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::LandingTitle).to_string());
    let progress = move || {
        let (path, answers) = c.ws.with(|w| (w.active().path, w.active().answers.clone()));
        total_progress(content(), &answers, path)
    };
    // A municipality preselected by `?kunta=` is not the user's own start.
    let kunta = c.params.with_value(|p| p.kunta.clone());
    let started = move || {
        c.ws.with(|w| {
            w.active().answers.iter().any(|(k, a)| {
                !(k == "profile.municipality"
                    && matches!(a, Answer::Municipality(code) if Some(code) == kunta.as_ref()))
            })
        })
    };
    let set_path = move |p: PathKind| c.update_company(|co| co.path = p);
    let path = move || c.ws.with(|w| w.active().path);
    let continue_href = move || {
        let (path, answers) = c.ws.with(|w| (w.active().path, w.active().answers.clone()));
        content()
            .steps
            .iter()
            .find(|s| {
                let (a, v) = step_progress(content(), s.id, &answers, path);
                a < v
            })
            .map(|s| step_href(s.id))
            .unwrap_or_else(|| "/tulokset".into())
    };
    view! {
        <section class="hero">
            <h1>{tr(Msg::LandingTitle)}</h1>
            <p class="lead">{tr(Msg::LandingLead1)}</p>
            <p>{tr(Msg::LandingLead2)}</p>
            <p>{tr(Msg::LandingLead3)}</p>
            <p class="privacy-promise"><strong>{tr(Msg::PrivacyPromise)}</strong></p>
        </section>
        <section aria-labelledby="path-choice">
            <h2 id="path-choice">{tr(Msg::ChoosePath)}</h2>
            <fieldset class="path-choice">
                <legend class="visually-hidden">{tr(Msg::ChoosePath)}</legend>
                <label class="option card-option" for="path-quick">
                    <input type="radio" id="path-quick" name="path" prop:checked=move || path() == PathKind::Quick on:change=move |_| set_path(PathKind::Quick) disabled=move || c.read_only() />
                    <span><strong>{tr(Msg::PathQuick)}</strong> " " {tr(Msg::PathQuickNote)}</span>
                </label>
                <label class="option card-option" for="path-full">
                    <input type="radio" id="path-full" name="path" prop:checked=move || path() == PathKind::Full on:change=move |_| set_path(PathKind::Full) disabled=move || c.read_only() />
                    <span><strong>{tr(Msg::PathFull)}</strong> " " {tr(Msg::PathFullNote)}</span>
                </label>
            </fieldset>
            {move || {
                if started() {
                    let (a, v) = progress();
                    view! {
                        <p>{tf(c.lang.get(), Msg::ProgressOverall, &[("answered", &a.to_string()), ("total", &v.to_string())])}</p>
                        <p class="actions-row">
                            <a class="button" href=continue_href()>{c.t(Msg::Continue)}</a>
                            <Link href="/tulokset">{tr(Msg::SeeResults)}</Link>
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p class="actions-row">
                            <a class="button" href="/vaihe/profile">{c.t(Msg::Start)}</a>
                        </p>
                    }
                    .into_any()
                }
            }}
        </section>
        <section aria-labelledby="steps-overview">
            <h2 id="steps-overview">{tr(Msg::StepsOverview)}</h2>
            <ol class="step-list">
                {content()
                    .workbook_steps()
                    .map(|s| {
                        let href = step_href(s.id);
                        view! { <li><Link href=href>{txt(&s.title)}</Link></li> }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn StepView(step: &'static Step) -> impl IntoView {
    let c = ctx();
    page_title(move |l| step.title.get(l).to_string());
    let steps = &content().steps;
    let index = steps.iter().position(|s| s.id == step.id).unwrap_or(0);
    let prev = index.checked_sub(1).map(|i| &steps[i]);
    let next = steps.get(index + 1);
    let visible_questions = move || {
        let (path, answers) = c.ws.with(|w| (w.active().path, w.active().answers.clone()));
        let prof = profile(content(), &answers);
        step.questions
            .iter()
            .filter(|q| visible(q, &prof, path))
            .collect::<Vec<_>>()
    };
    let progress = move || {
        let (path, answers) = c.ws.with(|w| (w.active().path, w.active().answers.clone()));
        step_progress(content(), step.id, &answers, path)
    };
    let next_href = next
        .map(|s| step_href(s.id))
        .unwrap_or_else(|| "/tulokset".into());
    let skip_href = next_href.clone();
    let step_label = move || {
        let l = c.lang.get();
        if step.id == PROFILE {
            t(l, Msg::ProfileStepLabel).to_string()
        } else {
            tf(
                l,
                Msg::StepOf,
                &[
                    ("n", &index.to_string()),
                    ("total", &(steps.len() - 1).to_string()),
                ],
            )
        }
    };
    view! {
        <nav class="step-nav-top" aria-label=tr(Msg::StepsNav)>
            <ol class="step-dots">
                {steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let href = step_href(s.id);
                        let label = move || {
                            let l = c.lang.get();
                            if i == 0 { t(l, Msg::ProfileShort).to_string() } else { i.to_string() }
                        };
                        view! {
                            <li>
                                <Link href=href attr:title=txt(&s.title)>
                                    <span aria-hidden="true">{label}</span>
                                    <span class="visually-hidden">{txt(&s.title)}</span>
                                </Link>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
        <p class="step-label">{step_label}</p>
        <h1>{txt(&step.title)}</h1>
        <p class="intro">{txt(&step.intro)}</p>
        <div class="progress-row">
            <label for="step-progress">
                {move || {
                    let (a, v) = progress();
                    tf(c.lang.get(), Msg::StepProgress, &[("answered", &a.to_string()), ("total", &v.to_string())])
                }}
            </label>
            <progress id="step-progress" max=move || progress().1.max(1) value=move || progress().0></progress>
        </div>
        <p class="autosave-note">{tr(Msg::AutosaveNote)}</p>
        <form class="questions" on:submit=|ev| ev.prevent_default()>
            <For each=visible_questions key=|q| q.id children=|q| view! { <QuestionView q /> } />
        </form>
        {(step.id == "footprint").then(|| view! { <FootprintEditor /> })}
        <nav class="step-buttons" aria-label=tr(Msg::StepButtonsNav)>
            {prev.map(|p| {
                let href = step_href(p.id);
                view! { <a class="button secondary" href=href>{tr(Msg::Back)}</a> }
            })}
            <a class="button secondary" href=skip_href>{tr(Msg::Skip)}</a>
            <a class="button" href=next_href>
                {move || match next {
                    Some(s) => tf(c.lang.get(), Msg::NextStep, &[("title", s.title.get(c.lang.get()))]),
                    None => c.t(Msg::ToResults).to_string(),
                }}
            </a>
        </nav>
    }
}

/// The footprint calculator on the "emission sources" step: one entry per year.
#[component]
fn FootprintEditor() -> impl IntoView {
    let c = ctx();
    let year = RwSignal::new(current_year().saturating_sub(1));
    let years = move || {
        let cy = current_year();
        let mut ys: Vec<u16> = (cy.saturating_sub(4)..=cy).rev().collect();
        c.ws.with(|w| {
            for y in w
                .active()
                .footprints
                .keys()
                .filter_map(|k| k.parse::<u16>().ok())
            {
                if !ys.contains(&y) {
                    ys.push(y);
                }
            }
        });
        ys.sort_unstable_by(|a, b| b.cmp(a));
        ys
    };
    let entries = move || {
        c.ws.with(|w| {
            w.active()
                .footprints
                .get(&year.get().to_string())
                .cloned()
                .unwrap_or_default()
        })
    };
    let est = move || estimate(content(), &entries());
    let categories = [
        "electricity",
        "heating",
        "fuels",
        "vehicles",
        "travel",
        "commuting",
        "purchases",
        "waste",
    ];
    let groups = categories
        .into_iter()
        .filter(|cat| content().factors.iter().any(|f| f.category == *cat))
        .map(|cat| {
            let factors: Vec<_> = content().factors.iter().filter(|f| f.category == cat).collect();
            let legend = move || fp_category_label(c.lang.get(), cat);
            view! {
                <fieldset class="fp-group">
                    <legend>{legend}</legend>
                    {factors
                        .into_iter()
                        .map(|f| {
                            let input_id = dom_id("fp", f.id);
                            let err = RwSignal::new(false);
                            let units = conversions(f.unit);
                            let entry = move || entries().get(f.id).cloned();
                            // A unit chosen before the amount is typed: used when the amount comes.
                            let chosen_unit = RwSignal::new(None::<String>);
                            let set = move |amount: Option<f64>, unit: Option<String>| {
                                if unit.is_some() {
                                    chosen_unit.set(unit.clone());
                                }
                                let y = year.get_untracked().to_string();
                                c.update_company(|co| {
                                    let e = co.footprints.entry(y.clone()).or_default();
                                    let cur_unit = e.get(f.id).map(|x| x.unit.clone()).or_else(|| chosen_unit.get_untracked()).unwrap_or_else(|| f.unit.to_string());
                                    let cur_amount = e.get(f.id).map(|x| x.amount);
                                    let unit = unit.unwrap_or(cur_unit);
                                    match amount.or(cur_amount) {
                                        Some(a) => {
                                            e.insert(f.id.to_string(), FootprintEntry { amount: a, unit });
                                        }
                                        None => {
                                            e.remove(f.id);
                                        }
                                    }
                                    if e.is_empty() {
                                        co.footprints.remove(&y);
                                    }
                                });
                            };
                            let unit_select = (units.len() > 1).then(|| {
                                let sel_id = format!("{input_id}-unit");
                                view! {
                                    <label class="visually-hidden" for=sel_id.clone()>{tr(Msg::Unit)}</label>
                                    <select id=sel_id on:change=move |ev| set(None, Some(event_target_value(&ev))) disabled=move || c.read_only()>
                                        {units
                                            .iter()
                                            .map(|(u, _)| {
                                                let u = *u;
                                                view! {
                                                    <option value=u selected=move || entry().map(|e| e.unit == u).unwrap_or(u == f.unit)>
                                                        {move || unit_label(c.lang.get(), u)}
                                                    </option>
                                                }
                                            })
                                            .collect_view()}
                                    </select>
                                }
                            });
                            let single_unit = (units.len() <= 1).then(|| view! { <span class="unit">{move || unit_label(c.lang.get(), f.unit)}</span> });
                            let err_id = format!("{input_id}-error");
                            view! {
                                <div class="fp-row">
                                    <label for=input_id.clone()>{txt(&f.label)}</label>
                                    <div class="number-row">
                                        <input
                                            type="text"
                                            inputmode="decimal"
                                            autocomplete="off"
                                            id=input_id
                                            disabled=move || c.read_only()
                                            aria-describedby=err_id.clone()
                                            aria-invalid=move || if err.get() { "true" } else { "false" }
                                            prop:value=move || entry().map(|e| format_input(c.lang.get(), e.amount)).unwrap_or_default()
                                            on:change=move |ev| {
                                                let v = event_target_value(&ev);
                                                if v.trim().is_empty() {
                                                    err.set(false);
                                                    let y = year.get_untracked().to_string();
                                                    c.update_company(|co| {
                                                        if let Some(e) = co.footprints.get_mut(&y) {
                                                            e.remove(f.id);
                                                            if e.is_empty() {
                                                                co.footprints.remove(&y);
                                                            }
                                                        }
                                                    });
                                                } else {
                                                    match parse_number_in(c.lang.get_untracked(), &v).filter(|n| *n >= 0.0 && *n <= 1e12) {
                                                        Some(n) => {
                                                            err.set(false);
                                                            set(Some(n), None);
                                                        }
                                                        None => err.set(true),
                                                    }
                                                }
                                            }
                                        />
                                        {unit_select}
                                        {single_unit}
                                    </div>
                                    <p class="error" id=err_id aria-live="polite">{move || err.get().then(|| c.t(Msg::ErrorNonNegative))}</p>
                                    <details class="help">
                                        <summary>{tr(Msg::WhereToFind)}</summary>
                                        <p>{txt(&f.where_to_find)}</p>
                                    </details>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
        })
        .collect_view();
    let chart_rows = Signal::derive(move || {
        let l = c.lang.get();
        est()
            .by_category
            .into_iter()
            .filter(|(_, kg)| *kg > 0.0)
            .map(|(cat, kg)| (fp_category_label(l, &cat), kg / 1000.0))
            .collect::<Vec<_>>()
    });
    let chart_title = Signal::derive(move || c.t(Msg::FootprintLargest).to_string());
    let compare = move || {
        let l = c.lang.get();
        let all: Vec<(String, f64)> = c.ws.with(|w| {
            w.active()
                .footprints
                .iter()
                .map(|(y, e)| (y.clone(), estimate(content(), e).total_t()))
                .collect()
        });
        (all.len() > 1).then(|| {
            view! {
                <div class="table-wrap" role="region" tabindex="0" aria-label=t(l, Msg::FootprintYears)>
                    <table>
                        <caption>{t(l, Msg::FootprintYears)}</caption>
                        <thead><tr><th scope="col">{t(l, Msg::Year)}</th><th scope="col">{t(l, Msg::Total)}</th></tr></thead>
                        <tbody>
                            {all.into_iter().map(|(y, tt)| view! { <tr><th scope="row">{y}</th><td class="num">{format!("{} t CO2e", format_number(l, tt, 2))}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })
    };
    view! {
        <section class="footprint" aria-labelledby="fp-title">
            <h2 id="fp-title">{tr(Msg::FootprintTitle)}</h2>
            <p>{tr(Msg::FootprintIntro)}</p>
            <label for="fp-year">{tr(Msg::FootprintYear)}</label>
            <select id="fp-year" on:change=move |ev| if let Ok(y) = event_target_value(&ev).parse() { year.set(y) }>
                {move || years().into_iter().map(|y| view! { <option value=y.to_string() selected=move || year.get() == y>{y.to_string()}</option> }).collect_view()}
            </select>
            <form class="fp-form" on:submit=|ev| ev.prevent_default()>{groups}</form>
            <div class="fp-result" aria-live="polite">
                <p class="fp-total">
                    <strong>{move || tf(c.lang.get(), Msg::FootprintTotal, &[("t", &format_number(c.lang.get(), est().total_t(), 2))])}</strong>
                </p>
                <p>
                    {move || {
                        let e = est();
                        let l = c.lang.get();
                        tf(l, Msg::FootprintScopes, &[
                            ("s1", &format_number(l, e.by_scope[0] / 1000.0, 2)),
                            ("s2", &format_number(l, e.by_scope[1] / 1000.0, 2)),
                            ("s3", &format_number(l, e.by_scope[2] / 1000.0, 2)),
                        ])
                    }}
                </p>
                {move || (!chart_rows.get().is_empty()).then(|| view! { <AmountChart title=chart_title rows=chart_rows unit="t CO2e" /> })}
                <p class="note">{tr(Msg::FootprintUncertainty)}</p>
            </div>
            {compare}
        </section>
    }
}

pub fn fp_category_label(l: Lang, cat: &str) -> String {
    let msg = match cat {
        "electricity" => Msg::FpElectricity,
        "heating" => Msg::FpHeating,
        "fuels" => Msg::FpFuels,
        "vehicles" => Msg::FpVehicles,
        "travel" => Msg::FpTravel,
        "commuting" => Msg::FpCommuting,
        "purchases" => Msg::FpPurchases,
        "waste" => Msg::FpWaste,
        other => return other.to_string(),
    };
    t(l, msg).to_string()
}

/// The latest year with footprint entries, and the categories largest first.
fn latest_footprint(c: Ctx) -> Option<(String, crate::footprint::Estimate)> {
    c.ws.with(|w| {
        w.active()
            .footprints
            .iter()
            .next_back()
            .map(|(y, e)| (y.clone(), estimate(content(), e)))
    })
}

fn reason_text(l: Lang, r: &Reason) -> String {
    match r {
        Reason::Fact(f) => content()
            .fact_label(f)
            .map(|x| x.get(l).to_string())
            .unwrap_or_default(),
        Reason::Need(n) => content()
            .need_label(n)
            .map(|x| x.get(l).to_string())
            .unwrap_or_default(),
        Reason::LargestSource(cat) => tf(
            l,
            Msg::ReasonLargestSource,
            &[(
                "category",
                content()
                    .category_label(cat)
                    .map(|x| x.get(l))
                    .unwrap_or(cat),
            )],
        ),
    }
}

#[component]
fn Results() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::ResultsTitle).to_string());
    let scores = move || {
        c.ws.with(|w| score_all(content(), &w.active().answers, w.active().path))
    };
    let suggestions = move || {
        let co = c.company();
        let prof = profile(content(), &co.answers);
        let largest = latest_footprint(c)
            .map(|(_, e)| e.largest_categories())
            .unwrap_or_default();
        rank(content(), &prof, &co.plan, &largest)
            .into_iter()
            .take(5)
            .map(|s| (s.action, s.reasons, s.in_plan))
            .collect::<Vec<_>>()
    };
    let comparison = move || {
        let co = c.company();
        let snap = co.snapshots.last()?.clone();
        let before = score_all(content(), &snap.answers, co.path);
        let now = score_all(content(), &co.answers, co.path);
        let l = c.lang.get();
        Some(view! {
            <section aria-labelledby="compare-title">
                <h2 id="compare-title">{tf(l, Msg::CompareTitle, &[("year", &snap.year.to_string())])}</h2>
                <div class="table-wrap" role="region" tabindex="0" aria-labelledby="compare-title">
                    <table>
                        <thead><tr><th scope="col">{t(l, Msg::Step)}</th><th scope="col">{snap.year.to_string()}</th><th scope="col">{t(l, Msg::Now)}</th></tr></thead>
                        <tbody>
                            {before.into_iter().zip(now).map(|(b, n)| {
                                let title = content().step(&b.step).map(|s| s.title.get(l).to_string()).unwrap_or_default();
                                let fmt = |s: &crate::scoring::StepScore| s.level.map(|lv| t(l, level_msg(lv))).unwrap_or(t(l, Msg::NotAnswered));
                                view! { <tr><th scope="row">{title}</th><td>{fmt(&b)}</td><td>{fmt(&n)}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        })
    };
    view! {
        <h1>{tr(Msg::ResultsTitle)}</h1>
        {move || {
            let s = scores();
            let l = c.lang.get();
            match overall(&s) {
                Some(level) => view! {
                    <section class="overall" aria-labelledby="overall-title">
                        <h2 id="overall-title">{t(l, Msg::OverallLevel)}": " {t(l, level_msg(level))}</h2>
                        <p>{t(l, level_explain_msg(level))}</p>
                    </section>
                }.into_any(),
                None => view! {
                    <p>{t(l, Msg::NoResultsYet)}" " <a href="/vaihe/profile">{t(l, Msg::Start)}</a></p>
                }.into_any(),
            }
        }}
        <section aria-labelledby="levels-title">
            <h2 id="levels-title">{tr(Msg::MaturityPerStep)}</h2>
            {move || view! { <MaturityChart scores=scores() /> }}
            <details class="help">
                <summary>{tr(Msg::LevelsExplained)}</summary>
                <dl>
                    <dt>{tr(Msg::LevelNotYet)}</dt><dd>{tr(Msg::LevelNotYetExplain)}</dd>
                    <dt>{tr(Msg::LevelOnTheWay)}</dt><dd>{tr(Msg::LevelOnTheWayExplain)}</dd>
                    <dt>{tr(Msg::LevelForerunner)}</dt><dd>{tr(Msg::LevelForerunnerExplain)}</dd>
                </dl>
                <p>{tr(Msg::LevelsSource)}</p>
            </details>
        </section>
        <section aria-labelledby="strengths-title">
            <h2 id="strengths-title">{tr(Msg::Strengths)}</h2>
            {move || {
                let l = c.lang.get();
                let strong: Vec<String> = scores()
                    .into_iter()
                    .filter(|s| s.share().is_some_and(|x| x >= 0.5))
                    .filter_map(|s| content().step(&s.step).map(|st| st.title.get(l).to_string()))
                    .collect();
                if strong.is_empty() {
                    view! { <p>{t(l, Msg::NoStrengthsYet)}</p> }.into_any()
                } else {
                    view! { <ul>{strong.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
                }
            }}
        </section>
        <section aria-labelledby="next-title">
            <h2 id="next-title">{tr(Msg::TopActions)}</h2>
            <ol class="cards">
                {move || {
                    let l = c.lang.get();
                    suggestions()
                        .into_iter()
                        .map(|(a, reasons, in_plan)| {
                            let id = a.id;
                            view! {
                                <li class="card">
                                    <h3>{a.title.get(l).to_string()}</h3>
                                    <p>{a.what.get(l).to_string()}</p>
                                    <p class="reasons"><strong>{t(l, Msg::WhySuggested)}</strong>" " {reasons.iter().map(|r| reason_text(l, r)).collect::<Vec<_>>().join("; ")}</p>
                                    {if in_plan {
                                        view! { <p class="badge">{t(l, Msg::InPlan)}</p> }.into_any()
                                    } else {
                                        view! {
                                            <button type="button" class="button secondary" aria-label=format!("{}: {}", t(l, Msg::AddToPlan), a.title.get(l)) disabled=move || c.read_only() on:click=move |_| { let d = today(); c.update_company(|co| { co.add_to_plan(id, &d); }); }>
                                                {t(l, Msg::AddToPlan)}
                                            </button>
                                        }.into_any()
                                    }}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <p><Link href="/suunnitelma">{tr(Msg::ToPlan)}</Link></p>
        </section>
        {comparison}
    }
}

fn status_msg(s: PlanStatus) -> Msg {
    match s {
        PlanStatus::Idea => Msg::StatusIdea,
        PlanStatus::Planned => Msg::StatusPlanned,
        PlanStatus::InProgress => Msg::StatusInProgress,
        PlanStatus::Done => Msg::StatusDone,
    }
}

fn status_code(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::Idea => "idea",
        PlanStatus::Planned => "planned",
        PlanStatus::InProgress => "in-progress",
        PlanStatus::Done => "done",
    }
}

fn item_title(l: Lang, p: &PlanItem) -> String {
    match p.action.as_deref().and_then(|a| content().action(a)) {
        Some(a) => a.title.get(l).to_string(),
        None => p.title.clone(),
    }
}

#[component]
fn Plan() -> impl IntoView {
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
        v.retain(|p| f == "all" || status_code(p.status) == f);
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
            let id = crate::model::next_id("p", co.plan.iter().map(|p| p.id.as_str()));
            co.plan.push(PlanItem {
                id,
                title: title
                    .trim()
                    .chars()
                    .take(crate::persist::MAX_SHORT_TEXT)
                    .collect(),
                added: d,
                ..PlanItem::default()
            });
        });
        own_title.set(String::new());
    };
    let library = move || {
        let co = c.company();
        let prof = profile(content(), &co.answers);
        let largest = latest_footprint(c)
            .map(|(_, e)| e.largest_categories())
            .unwrap_or_default();
        rank(content(), &prof, &co.plan, &largest)
            .into_iter()
            .filter(|s| !s.in_plan)
            .map(|s| (s.action, s.reasons))
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
                    {PlanStatus::ALL.into_iter().map(|s| view! { <option value=status_code(s)>{move || c.t(status_msg(s))}</option> }).collect_view()}
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
                <input type="text" id="own-action-title" maxlength="200" disabled=move || c.read_only() prop:value=move || own_title.get() on:input=move |ev| own_title.set(event_target_value(&ev))
                    aria-describedby="own-action-error" aria-invalid=move || if own_error.get() { "true" } else { "false" } />
                <p class="error" id="own-action-error" aria-live="polite">{move || own_error.get().then(|| c.t(Msg::ErrorRequired))}</p>
                <button type="submit" class="button" disabled=move || c.read_only()>{tr(Msg::AddOwnAction)}</button>
            </form>
        </section>
        <section aria-labelledby="library-title">
            <h2 id="library-title">{tr(Msg::Library)}</h2>
            <p>{tr(Msg::LibraryIntro)}</p>
            <ul class="cards">
                {move || {
                    let l = c.lang.get();
                    library()
                        .into_iter()
                        .map(|(a, reasons)| {
                            let id = a.id;
                            view! {
                                <li class="card">
                                    <h3>{a.title.get(l).to_string()}</h3>
                                    <p>{a.what.get(l).to_string()}</p>
                                    <p class="meta">{action_meta(l, a)}</p>
                                    <p class="reasons"><strong>{t(l, Msg::WhySuggested)}</strong>" " {reasons.iter().map(|r| reason_text(l, r)).collect::<Vec<_>>().join("; ")}</p>
                                    <button type="button" class="button secondary" aria-label=format!("{}: {}", t(l, Msg::AddToPlan), a.title.get(l)) disabled=move || c.read_only() on:click=move |_| { let d = today(); c.update_company(|co| { co.add_to_plan(id, &d); }); }>
                                        {t(l, Msg::AddToPlan)}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

fn action_meta(l: Lang, a: &crate::content::Action) -> String {
    let lv = |x: crate::content::Level| match x {
        crate::content::Level::Low => t(l, Msg::Low),
        crate::content::Level::Medium => t(l, Msg::Medium),
        crate::content::Level::High => t(l, Msg::High),
    };
    let cost = match a.cost {
        crate::content::Cost::None => t(l, Msg::CostNone),
        crate::content::Cost::Low => t(l, Msg::Low),
        crate::content::Cost::Medium => t(l, Msg::Medium),
        crate::content::Cost::High => t(l, Msg::High),
    };
    format!(
        "{}: {} · {}: {} · {}: {} — {}",
        t(l, Msg::Impact),
        lv(a.impact),
        t(l, Msg::Effort),
        lv(a.effort),
        t(l, Msg::Cost),
        cost,
        a.impact_note.get(l)
    )
}

/// One plan item with its editable fields. Reads the item by id so that edits never re-create it.
#[component]
fn PlanRow(id: String) -> impl IntoView {
    let c = ctx();
    let item = {
        let id = id.clone();
        move || {
            c.ws.with(|w| w.active().plan.iter().find(|p| p.id == id).cloned())
        }
    };
    let update = {
        let id = id.clone();
        move |f: Box<dyn FnOnce(&mut PlanItem)>| {
            let id = id.clone();
            c.update_company(move |co| {
                if let Some(p) = co.plan.iter_mut().find(|p| p.id == id) {
                    f(p);
                }
            })
        }
    };
    let base = dom_id("plan", &id);
    let (status_id, owner_id, due_id, note_id) = (
        format!("{base}-status"),
        format!("{base}-owner"),
        format!("{base}-due"),
        format!("{base}-note"),
    );
    let rm_id = id.clone();
    let st_id = id.clone();
    let (u1, u2, u3) = (update.clone(), update.clone(), update);
    let title = {
        let item = item.clone();
        move || {
            item()
                .map(|p| item_title(c.lang.get(), &p))
                .unwrap_or_default()
        }
    };
    let title2 = title.clone();
    let i1 = item.clone();
    let i2 = item.clone();
    let i3 = item.clone();
    let i4 = item.clone();
    let i5 = item;
    view! {
        <li class="card plan-item">
            <h3>{title}</h3>
            <div class="plan-fields">
                <div>
                    <label for=status_id.clone()>{tr(Msg::Status)}</label>
                    <select id=status_id disabled=move || c.read_only() on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = PlanStatus::ALL.into_iter().find(|s| status_code(*s) == v) {
                            let d = today();
                            let id = st_id.clone();
                            c.update_company(move |co| co.set_status(&id, s, &d));
                        }
                    }>
                        {PlanStatus::ALL.into_iter().map(|s| {
                            let i = i1.clone();
                            view! { <option value=status_code(s) selected=move || i().is_some_and(|p| p.status == s)>{move || c.t(status_msg(s))}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for=owner_id.clone()>{tr(Msg::Owner)}</label>
                    <input type="text" id=owner_id maxlength="200" disabled=move || c.read_only() prop:value=move || i2().map(|p| p.owner).unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev); u1(Box::new(move |p| p.owner = v)); } />
                </div>
                <div>
                    <label for=due_id.clone()>{tr(Msg::DueMonth)}</label>
                    <input type="month" id=due_id min="2020-01" max="2100-12" disabled=move || c.read_only() prop:value=move || i3().map(|p| p.due).unwrap_or_default()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if v.is_empty() || crate::persist::valid_date(&v, true) { u2(Box::new(move |p| p.due = v)); }
                        } />
                </div>
            </div>
            <label for=note_id.clone()>{tr(Msg::Note)}</label>
            <textarea id=note_id rows="2" maxlength="2000" disabled=move || c.read_only() prop:value=move || i4().map(|p| p.note).unwrap_or_default()
                on:change=move |ev| { let v = event_target_value(&ev); u3(Box::new(move |p| p.note = v)); }></textarea>
            {move || i5().and_then(|p| p.done_on).map(|d| view! { <p class="badge">{tf(c.lang.get(), Msg::DoneOn, &[("date", &d)])}</p> })}
            <button type="button" class="link-button" disabled=move || c.read_only() on:click=move |_| { let id = rm_id.clone(); c.update_company(move |co| co.plan.retain(|p| p.id != id)); }>
                {tr(Msg::Remove)}<span class="visually-hidden">": " {title2.clone()}</span>
            </button>
        </li>
    }
}

fn support_kind_msg(k: SupportKind) -> Msg {
    match k {
        SupportKind::Network => Msg::KindNetwork,
        SupportKind::Municipal => Msg::KindMunicipal,
        SupportKind::Funding => Msg::KindFunding,
        SupportKind::Advice => Msg::KindAdvice,
        SupportKind::Commitment => Msg::KindCommitment,
        SupportKind::Visibility => Msg::KindVisibility,
        SupportKind::Learning => Msg::KindLearning,
    }
}

fn match_reason_text(l: Lang, r: &MatchReason) -> String {
    match r {
        MatchReason::Municipality(code) => tf(
            l,
            Msg::ReasonMunicipality,
            &[(
                "name",
                content()
                    .municipality(code)
                    .map(|m| m.name(l))
                    .unwrap_or(code),
            )],
        ),
        MatchReason::Region(code) => {
            let name = content()
                .region(code)
                .map(|r| if l == Lang::Sv { r.sv } else { r.fi })
                .unwrap_or(code);
            tf(l, Msg::ReasonRegion, &[("name", name)])
        }
        MatchReason::National => t(l, Msg::ReasonNational).to_string(),
        MatchReason::Need(n) => content()
            .need_label(n)
            .map(|x| x.get(l).to_string())
            .unwrap_or_default(),
        MatchReason::Sector(f) | MatchReason::Size(f) => tf(
            l,
            Msg::ReasonFor,
            &[(
                "what",
                content().fact_label(f).map(|x| x.get(l)).unwrap_or(f),
            )],
        ),
        MatchReason::Unverified => t(l, Msg::ReasonUnverified).to_string(),
    }
}

/// A short summary of the company's situation and plan, for getting in touch with a service.
fn contact_summary(c: Ctx, l: Lang) -> String {
    let co = c.company();
    let mut s = String::new();
    let name = co
        .name()
        .map(str::to_string)
        .unwrap_or_else(|| t(l, Msg::OurCompany).to_string());
    s.push_str(&tf(l, Msg::SummaryIntro, &[("name", &name)]));
    s.push('\n');
    if let Some(m) = co.municipality().and_then(|m| content().municipality(m)) {
        s.push_str(&format!("{}: {}\n", t(l, Msg::Municipality), m.name(l)));
    }
    if let Some(level) = overall(&score_all(content(), &co.answers, co.path)) {
        s.push_str(&format!(
            "{}: {}\n",
            t(l, Msg::OverallLevel),
            t(l, level_msg(level))
        ));
    }
    if let Some((y, e)) = latest_footprint(c) {
        s.push_str(&format!(
            "{} {y}: {} t CO2e\n",
            t(l, Msg::FootprintTitle),
            format_number(l, e.total_t(), 1)
        ));
    }
    let plan: Vec<String> = co
        .plan
        .iter()
        .filter(|p| p.status != PlanStatus::Done)
        .take(5)
        .map(|p| format!("- {}", item_title(l, p)))
        .collect();
    if !plan.is_empty() {
        s.push_str(&format!("{}:\n{}\n", t(l, Msg::PlanTitle), plan.join("\n")));
    }
    let needs: Vec<String> = profile(content(), &co.answers)
        .needs
        .iter()
        .filter_map(|n| content().need_label(n))
        .map(|x| format!("- {}", x.get(l)))
        .collect();
    if !needs.is_empty() {
        s.push_str(&format!(
            "{}:\n{}\n",
            t(l, Msg::SummaryNeeds),
            needs.join("\n")
        ));
    }
    s
}

/// A draft climate commitment with 2–4 goals from the user's own plan.
fn commitment_draft(c: Ctx, l: Lang) -> String {
    let co = c.company();
    let name = co
        .name()
        .map(str::to_string)
        .unwrap_or_else(|| t(l, Msg::OurCompany).to_string());
    let goals: Vec<String> = co
        .plan
        .iter()
        .filter(|p| p.status != PlanStatus::Done)
        .take(4)
        .enumerate()
        .map(|(i, p)| {
            let due = if p.due.is_empty() {
                String::new()
            } else {
                format!(" ({} {})", t(l, Msg::By), p.due)
            };
            format!("{}. {}{}", i + 1, item_title(l, p), due)
        })
        .collect();
    if goals.len() < 2 {
        return t(l, Msg::CommitmentNeedsPlan).to_string();
    }
    format!(
        "{}\n\n{}\n\n{}",
        tf(
            l,
            Msg::CommitmentHead,
            &[("name", &name), ("year", &current_year().to_string())]
        ),
        goals.join("\n"),
        t(l, Msg::CommitmentFoot)
    )
}

/// A description of a completed action, ready for Kestävyysloikka.
fn loikka_text(c: Ctx, l: Lang, item: &PlanItem) -> String {
    let co = c.company();
    let name = co
        .name()
        .map(str::to_string)
        .unwrap_or_else(|| t(l, Msg::OurCompany).to_string());
    let what = item
        .action
        .as_deref()
        .and_then(|a| content().action(a))
        .map(|a| a.what.get(l).to_string())
        .unwrap_or_default();
    let place = co
        .municipality()
        .and_then(|m| content().municipality(m))
        .map(|m| m.name(l).to_string())
        .unwrap_or_default();
    tf(
        l,
        Msg::LoikkaTemplate,
        &[
            ("name", &name),
            ("title", &item_title(l, item)),
            ("when", item.done_on.as_deref().unwrap_or("")),
            ("place", &place),
            ("what", &what),
            ("note", &item.note),
        ],
    )
}

#[component]
fn Supports() -> impl IntoView {
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
            .filter(|r| {
                kind.with(|k| k == "all" || format!("{:?}", r.support.kind).to_lowercase() == *k)
            })
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
    let summary = move || contact_summary(c, c.lang.get());
    let mailto = move || {
        let l = c.lang.get();
        let body: String = js_sys::encode_uri_component(&summary()).into();
        let subject: String = js_sys::encode_uri_component(t(l, Msg::MailSubject)).into();
        format!("mailto:?subject={subject}&body={body}")
    };
    let commitment = move || commitment_draft(c, c.lang.get());
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
            .map(|p| loikka_text(c, c.lang.get(), p))
    };
    view! {
        <h1>{tr(Msg::SupportTitle)}</h1>
        <p>{tr(Msg::SupportIntro)}</p>
        {move || (!has_muni()).then(|| view! { <p class="notice info">{c.t(Msg::SupportNoMunicipality)}" " <a href="/vaihe/profile">{c.t(Msg::ToProfile)}</a></p> })}
        <div class="filters" role="group" aria-label=tr(Msg::Filters)>
            <label for="f-kind">{tr(Msg::FilterKind)}</label>
            <select id="f-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                <option value="all">{tr(Msg::All)}</option>
                {SupportKind::ALL.into_iter().map(|k| view! { <option value=format!("{k:?}").to_lowercase()>{move || c.t(support_kind_msg(k))}</option> }).collect_view()}
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
                    .map(|r| {
                        let s = r.support;
                        view! {
                            <li class="card">
                                <p class="kind">{t(l, support_kind_msg(s.kind))}</p>
                                <h2 class="h3">{s.name.get(l).to_string()}</h2>
                                <p class="organiser">{s.organiser}</p>
                                <p>{s.description.get(l).to_string()}</p>
                                <p class="reasons"><strong>{t(l, Msg::WhyRecommended)}</strong>" " {r.reasons.iter().map(|x| match_reason_text(l, x)).collect::<Vec<_>>().join("; ")}</p>
                                <p class="meta">
                                    {match s.cost { SupportCost::Free => t(l, Msg::CostFree), SupportCost::Paid => t(l, Msg::CostPaid), SupportCost::Varies => t(l, Msg::CostVaries) }}
                                    {s.commitment.then(|| format!(" · {}", t(l, Msg::AsksCommitment)))}
                                    " · " {tf(l, Msg::Checked, &[("date", s.checked)])}
                                </p>
                                <ul class="links">
                                    {s.urls.iter().take(2).map(|u| view! {
                                        <li><a href=*u target="_blank" rel="noopener noreferrer" class="external">{u.trim_start_matches("https://").split('/').next().unwrap_or("").to_string()}<span class="visually-hidden">{t(l, Msg::ExternalNewTab)}</span></a></li>
                                    }).collect_view()}
                                </ul>
                            </li>
                        }
                    })
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

#[component]
fn Report() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::ReportTitle).to_string());
    view! {
        <div class="report">
            <p class="no-print actions-row">
                <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{tr(Msg::Print)}</button>
            </p>
            {move || {
                let l = c.lang.get();
                let co = c.company();
                let prof_step = content().step(PROFILE);
                let scores = score_all(content(), &co.answers, co.path);
                let level = overall(&scores);
                let fp = latest_footprint(c);
                let recs: Vec<_> = recommend(content(), &profile(content(), &co.answers)).into_iter().take(8).collect();
                let profile_rows = prof_step
                    .map(|s| {
                        s.questions
                            .iter()
                            .filter_map(|q| {
                                let a = co.answers.get(q.id)?;
                                Some(view! { <tr><th scope="row">{q.text.get(l).to_string()}</th><td>{answer_text(l, q, a)}</td></tr> })
                            })
                            .collect_view()
                    });
                view! {
                    <h1>{tf(l, Msg::ReportHeading, &[("name", co.name().unwrap_or(t(l, Msg::OurCompany)))])}</h1>
                    <p>{tf(l, Msg::ReportDate, &[("date", &today())])}</p>
                    <section>
                        <h2>{t(l, Msg::ReportProfile)}</h2>
                        <div class="table-wrap" role="region" tabindex="0" aria-label=t(l, Msg::ReportProfile)><table><tbody>{profile_rows}</tbody></table></div>
                    </section>
                    <section>
                        <h2>{t(l, Msg::MaturityPerStep)}</h2>
                        <p>{level.map(|lv| format!("{}: {} — {}", t(l, Msg::OverallLevel), t(l, level_msg(lv)), t(l, level_explain_msg(lv)))).unwrap_or_else(|| t(l, Msg::NoResultsYet).to_string())}</p>
                        <div class="table-wrap" role="region" tabindex="0" aria-label=t(l, Msg::MaturityPerStep)><table>
                            <thead><tr><th scope="col">{t(l, Msg::Step)}</th><th scope="col">{t(l, Msg::Level)}</th><th scope="col">{t(l, Msg::Answered)}</th></tr></thead>
                            <tbody>
                                {scores.iter().map(|s| view! {
                                    <tr>
                                        <th scope="row">{content().step(&s.step).map(|x| x.title.get(l).to_string()).unwrap_or_default()}</th>
                                        <td>{s.level.map(|lv| t(l, level_msg(lv))).unwrap_or(t(l, Msg::NotAnswered))}</td>
                                        <td>{format!("{} / {}", s.answered, s.visible)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table></div>
                    </section>
                    {fp.map(|(y, e)| view! {
                        <section>
                            <h2>{format!("{} {y}", t(l, Msg::FootprintTitle))}</h2>
                            <p>{tf(l, Msg::FootprintTotal, &[("t", &format_number(l, e.total_t(), 2))])}</p>
                            <div class="table-wrap" role="region" tabindex="0" aria-label=format!("{} {y}", t(l, Msg::FootprintTitle))><table><tbody>
                                {e.by_category.iter().map(|(cat, kg)| view! { <tr><th scope="row">{fp_category_label(l, cat)}</th><td class="num">{format!("{} t CO2e", format_number(l, kg / 1000.0, 2))}</td></tr> }).collect_view()}
                            </tbody></table></div>
                            <p class="note">{t(l, Msg::FootprintUncertainty)}</p>
                        </section>
                    })}
                    <section>
                        <h2>{t(l, Msg::PlanTitle)}</h2>
                        {if co.plan.is_empty() { Some(view! { <p>{t(l, Msg::PlanEmpty)}</p> }) } else { None }}
                        <div class="table-wrap" role="region" tabindex="0" aria-label=t(l, Msg::PlanTitle)><table>
                            <thead><tr><th scope="col">{t(l, Msg::Action)}</th><th scope="col">{t(l, Msg::Status)}</th><th scope="col">{t(l, Msg::Owner)}</th><th scope="col">{t(l, Msg::DueMonth)}</th></tr></thead>
                            <tbody>
                                {co.plan.iter().map(|p| view! {
                                    <tr><th scope="row">{item_title(l, p)}</th><td>{t(l, status_msg(p.status))}{p.done_on.clone().map(|d| format!(" ({d})"))}</td><td>{p.owner.clone()}</td><td>{p.due.clone()}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table></div>
                    </section>
                    <section>
                        <h2>{t(l, Msg::ReportSupports)}</h2>
                        <ul>
                            {recs.into_iter().map(|r| view! {
                                <li><strong>{r.support.name.get(l).to_string()}</strong>" (" {r.support.organiser} "): " {r.reasons.iter().map(|x| match_reason_text(l, x)).collect::<Vec<_>>().join("; ")}" — " {r.support.urls.first().cloned().unwrap_or_default()}</li>
                            }).collect_view()}
                        </ul>
                    </section>
                    <p class="note">{t(l, Msg::ReportFooter)}</p>
                }
            }}
        </div>
    }
}

fn answer_text(l: Lang, q: &crate::content::Question, a: &Answer) -> String {
    match a {
        Answer::Choice(id) => q
            .option(id)
            .map(|o| o.label.get(l).to_string())
            .unwrap_or_default(),
        Answer::Multi(ids) => ids
            .iter()
            .filter_map(|id| q.option(id))
            .map(|o| o.label.get(l).to_string())
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Ypn(y) => t(
            l,
            match y {
                crate::model::Ypn::Yes => Msg::Yes,
                crate::model::Ypn::Partly => Msg::Partly,
                crate::model::Ypn::No => Msg::No,
                crate::model::Ypn::DontKnow => Msg::DontKnow,
            },
        )
        .to_string(),
        Answer::Number(n) => format!(
            "{} {}",
            format_number(l, *n, 2),
            unit_label(l, q.unit.unwrap_or(""))
        ),
        Answer::Text(s) => s.clone(),
        Answer::Municipality(code) => content()
            .municipality(code)
            .map(|m| m.name(l).to_string())
            .unwrap_or_default(),
    }
}

fn problem_text(l: Lang, p: &Problem) -> String {
    match p {
        Problem::TooLarge => t(l, Msg::ImportTooLarge).to_string(),
        Problem::TooDeep => t(l, Msg::ImportTooDeep).to_string(),
        Problem::NotJson => t(l, Msg::ImportNotJson).to_string(),
        Problem::NotOurs => t(l, Msg::ImportNotOurs).to_string(),
        Problem::UnknownSchema(n) => tf(l, Msg::ImportUnknownSchema, &[("n", &n.to_string())]),
        Problem::Missing => t(l, Msg::ImportMissing).to_string(),
        Problem::WrongType => t(l, Msg::ImportWrongType).to_string(),
        Problem::UnknownField => t(l, Msg::ImportUnknownField).to_string(),
        Problem::UnknownQuestion => t(l, Msg::ImportUnknownQuestion).to_string(),
        Problem::UnknownValue => t(l, Msg::ImportUnknownValue).to_string(),
        Problem::OutOfRange => t(l, Msg::ImportOutOfRange).to_string(),
        Problem::TooLong(n) => tf(l, Msg::ImportTooLong, &[("n", &n.to_string())]),
        Problem::TooMany(n) => tf(l, Msg::ImportTooMany, &[("n", &n.to_string())]),
        Problem::BadDate => t(l, Msg::ImportBadDate).to_string(),
        Problem::UnknownAction => t(l, Msg::ImportUnknownAction).to_string(),
        Problem::UnknownFactor => t(l, Msg::ImportUnknownFactor).to_string(),
    }
}

/// Reads a chosen file as text and hands it to `done`.
fn read_file(input: &web_sys::HtmlInputElement, done: impl Fn(String) + 'static) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    if file.size() > (crate::persist::MAX_BYTES as f64) {
        done(String::from_utf8(vec![b' '; crate::persist::MAX_BYTES + 1]).unwrap_or_default());
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let r2 = reader.clone();
    let onload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if let Ok(v) = r2.result() {
            done(v.as_string().unwrap_or_default());
        }
    });
    reader.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    let _ = reader.read_as_text(&file);
}

#[component]
fn DataPage() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::DataTitle).to_string());
    let imported = RwSignal::new(None::<Result<crate::model::Company, Vec<crate::persist::Issue>>>);
    let message = RwSignal::new(None::<Msg>);
    let share_link = RwSignal::new(String::new());
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
        let Some(Ok(mut company)) = imported.get_untracked() else {
            return;
        };
        // Keep the current data as a backup before anything is replaced.
        let backup = crate::persist::encode_workspace(&c.ws.get_untracked(), &now_iso());
        if crate::storage::available()
            && crate::storage::write(crate::storage::BACKUP_KEY, &backup).is_err()
        {
            message.set(Some(Msg::ImportBackupFailed));
            return;
        }
        c.ws.update(|w| {
            if as_new {
                if w.companies.len() >= crate::persist::MAX_COMPANIES {
                    return;
                }
                company.id = crate::model::next_id("c", w.companies.iter().map(|x| x.id.as_str()));
                w.active = company.id.clone();
                w.companies.push(company);
            } else {
                company.id = w.active.clone();
                *w.active_mut() = company;
            }
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
                            {(!active).then(|| view! { <button type="button" class="button secondary" on:click=move |_| c.ws.update(|w| w.active = id1.clone())>{t(l, Msg::SwitchTo)}<span class="visually-hidden">": " {label.clone()}</span></button> })}
                            <button type="button" class="link-button" disabled=move || c.read_only() on:click=move |_| {
                                let msg = tf(c.lang.get_untracked(), Msg::ConfirmRemove, &[("name", &label2)]);
                                if window().confirm_with_message(&msg).unwrap_or(false) { c.ws.update(|w| w.remove_company(&id2)); }
                            }>{t(l, Msg::Remove)}<span class="visually-hidden">": " {label2.clone()}</span></button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button type="button" class="button secondary" disabled=move || c.read_only() on:click=move |_| { let n = now_iso(); c.ws.update(|w| { w.add_company(&n); }); }>{tr(Msg::AddCompany)}</button>
        </section>
        <section aria-labelledby="snap-title">
            <h2 id="snap-title">{tr(Msg::Snapshots)}</h2>
            <p>{tr(Msg::SnapshotsIntro)}</p>
            <button type="button" class="button secondary" disabled=move || c.read_only() on:click=move |_| { let d = today(); let y = current_year(); c.update_company(|co| { co.close_year(y, &d); }); message.set(Some(Msg::SnapshotDone)); }>
                {move || tf(c.lang.get(), Msg::CloseYear, &[("year", &current_year().to_string())])}
            </button>
            <ul>
                {move || c.ws.with(|w| w.active().snapshots.iter().map(|s| view! { <li>{format!("{} ({})", s.year, s.closed_on)}</li> }).collect_view())}
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
                    c.ws.update(|w| { *w = crate::model::Workspace::default(); w.companies[0].created = n; });
                }
            }>{tr(Msg::DeleteButton)}</button>
        </section>
    }
}

/// A block of a text page.
enum Block {
    H2(Msg),
    P(Msg),
}

/// A page of headings and paragraphs from the catalogue (About, Accessibility), with optional
/// extra content at the end.
#[component]
fn TextPage(
    title: Msg,
    blocks: &'static [Block],
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    page_title(move |l| t(l, title).to_string());
    view! {
        <h1>{tr(title)}</h1>
        {blocks
            .iter()
            .map(|b| match *b {
                Block::H2(m) => view! { <h2>{tr(m)}</h2> }.into_any(),
                Block::P(m) => view! { <p>{tr(m)}</p> }.into_any(),
            })
            .collect_view()}
        {children.map(|c| c())}
    }
}

#[component]
fn About() -> impl IntoView {
    let c = ctx();
    const BLOCKS: &[Block] = &[
        Block::P(Msg::AboutText1),
        Block::P(Msg::AboutText2),
        Block::H2(Msg::PrivacyTitle),
        Block::P(Msg::PrivacyText1),
        Block::P(Msg::PrivacyText2),
        Block::H2(Msg::SourcesTitle),
        Block::P(Msg::SourcesText),
    ];
    let geo = &content().geo;
    view! {
        <TextPage title=Msg::AboutTitle blocks=BLOCKS>
            <p>{move || format!("{} ({}, {})", geo.source, t(c.lang.get(), Msg::Checked).replace("{date}", geo.checked), geo.source_urls.first().cloned().unwrap_or_default())}</p>
        </TextPage>
    }
}

#[component]
fn Accessibility() -> impl IntoView {
    const BLOCKS: &[Block] = &[
        Block::P(Msg::A11yText1),
        Block::H2(Msg::A11yStatusTitle),
        Block::P(Msg::A11yText2),
        Block::H2(Msg::A11yFeedbackTitle),
        Block::P(Msg::A11yText3),
        Block::P(Msg::A11yText4),
    ];
    view! { <TextPage title=Msg::A11yTitle blocks=BLOCKS /> }
}

#[component]
fn ForMunicipalities() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::MuniTitle).to_string());
    let kunta = RwSignal::new(String::from("245"));
    let o2 = window().location().origin().unwrap_or_default();
    // The pinned host script (embed-<hash>.js and its sha384, from the build's <meta>): a host
    // page that loads it with `integrity` runs exactly these bytes or nothing.
    let script = pinned_host_script()
        .map(|(src, integrity)| {
            format!("<script src=\"{o2}{src}\" integrity=\"{integrity}\" crossorigin=\"anonymous\" defer></script>")
        })
        .unwrap_or_else(|| format!("<script src=\"{o2}/embed.js\" defer></script>"));
    let snippet = move || {
        format!(
            "<div data-ilmastoaskeleet data-kunta=\"{}\" data-lang=\"{}\"></div>\n{script}",
            kunta.get(),
            c.lang.get().code()
        )
    };
    // The embed entry, the one document that may be framed, sandboxed like embed.js does.
    let preview = move || {
        format!(
            "/embed.html?embed=1&kunta={}&lang={}",
            kunta.get(),
            c.lang.get().code()
        )
    };
    view! {
        <h1>{tr(Msg::MuniTitle)}</h1>
        <p>{tr(Msg::MuniIntro)}</p>
        <label for="muni-code">{tr(Msg::MuniCode)}</label>
        <select id="muni-code" on:change=move |ev| kunta.set(event_target_value(&ev))>
            {content().geo.municipalities.iter().map(|m| { let code = m.code; let c2 = code; view! { <option value=code selected=move || kunta.get() == c2>{format!("{} / {} ({})", m.fi, m.sv, m.code)}</option> } }).collect_view()}
        </select>
        <label for="muni-snippet">{tr(Msg::MuniSnippet)}</label>
        <textarea id="muni-snippet" rows="3" readonly prop:value=snippet.clone()></textarea>
        <button type="button" class="button secondary" on:click=move |_| copy_text(&snippet())>{tr(Msg::Copy)}</button>
        <h2>{tr(Msg::MuniParams)}</h2>
        <dl class="params">
            <dt><code>"kunta"</code></dt><dd>{tr(Msg::ParamKunta)}</dd>
            <dt><code>"lang"</code></dt><dd>{tr(Msg::ParamLang)}</dd>
            <dt><code>"embed=1"</code></dt><dd>{tr(Msg::ParamEmbed)}</dd>
            <dt><code>"theme"</code></dt><dd>{tr(Msg::ParamTheme)}</dd>
            <dt><code>"accent"</code></dt><dd>{tr(Msg::ParamAccent)}</dd>
            <dt><code>"step"</code></dt><dd>{tr(Msg::ParamStep)}</dd>
        </dl>
        <h2>{tr(Msg::MuniHosting)}</h2>
        <p>{tr(Msg::MuniHostingText)}</p>
        <h2>{tr(Msg::MuniPreview)}</h2>
        <iframe class="preview" src=preview title=tr(Msg::MuniPreview) sandbox=EMBED_SANDBOX></iframe>
    }
}

/// The iframe sandbox of the embedded app (the same as `public/embed.js`, which explains it).
const EMBED_SANDBOX: &str = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals";

/// `(src, integrity)` of the content-hashed host script, from the `<meta>` the build writes
/// (scripts/post-build.mjs); `None` in a development build without it.
fn pinned_host_script() -> Option<(String, String)> {
    let meta = document()
        .query_selector("meta[name='ilmastoaskeleet:embed-script']")
        .ok()??;
    let src = meta.get_attribute("content")?;
    let integrity = meta.get_attribute("data-integrity")?;
    let ok = src.starts_with("/embed-")
        && src.ends_with(".js")
        && integrity.starts_with("sha384-")
        && !src.contains(['"', '<', '>'])
        && !integrity.contains(['"', '<', '>']);
    ok.then_some((src, integrity))
}

/// Every step, question, option and action in the current language, for content review.
#[component]
fn ContentReview() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::ReviewTitle).to_string());
    view! {
        <h1>{tr(Msg::ReviewTitle)}</h1>
        <p>{tr(Msg::ReviewIntro)}</p>
        {move || {
            let l = c.lang.get();
            let steps = content().steps.iter().map(|s| view! {
                <section class="review-step">
                    <h2>{s.title.get(l).to_string()}" " <code>{s.id}</code></h2>
                    <p>{s.intro.get(l).to_string()}</p>
                    <ol>
                        {s.questions.iter().map(|q| view! {
                            <li>
                                <p><strong>{q.text.get(l).to_string()}</strong>" " <code>{q.id}</code>{q.quick.then(|| format!(" · {}", t(l, Msg::PathQuick)))}</p>
                                {q.help.as_ref().map(|h| view! { <p class="hint">{h.get(l).to_string()}</p> })}
                                {(!q.when.is_empty()).then(|| view! { <p class="hint">"when: " {q.when.join(", ")}</p> })}
                                <ul>{q.options.iter().map(|o| view! { <li>{o.label.get(l).to_string()}{format!(" — {} p", o.points)}{(!o.facts.is_empty() || !o.needs.is_empty()).then(|| format!(" [{}]", o.facts.iter().chain(o.needs).copied().collect::<Vec<_>>().join(", ")))}</li> }).collect_view()}</ul>
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
            }).collect_view();
            let actions = content().actions.iter().map(|a| view! {
                <li>
                    <strong>{a.title.get(l).to_string()}</strong>" " <code>{a.id}</code>
                    <p>{a.what.get(l).to_string()}</p>
                    <p>{a.why.get(l).to_string()}</p>
                    <p class="meta">{action_meta(l, a)}</p>
                    <p class="hint">"when: " {a.when.join(", ")}</p>
                </li>
            }).collect_view();
            view! {
                {steps}
                <section>
                    <h2>{t(l, Msg::Library)}</h2>
                    <ol>{actions}</ol>
                </section>
            }
        }}
    }
}

/// Set when the user asked for the new version: the page then reloads when it takes over.
static UPDATE_REQUESTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Asks the waiting service worker to take over; the page reloads when it has. Answers are
/// already saved (every change is written at once), so the reload loses nothing.
pub fn apply_update() {
    UPDATE_REQUESTED.store(true, std::sync::atomic::Ordering::SeqCst);
    let Some(sw) = web_sys::window().map(|w| w.navigator().service_worker()) else {
        return;
    };
    let promise = sw.get_registration();
    leptos::task::spawn_local(async move {
        if let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await {
            if let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() {
                if let Some(waiting) = reg.waiting() {
                    let msg = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"SKIP_WAITING".into());
                    let _ = waiting.post_message(&msg);
                }
            }
        }
    });
}

/// Registers `/sw.js` and shows the update notice when a new version is waiting.
fn register_service_worker(c: Ctx) {
    let Some(w) = web_sys::window() else { return };
    if !js_sys::Reflect::has(&w.navigator(), &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let sw = w.navigator().service_worker();
    // The embed entry is the only document that may be framed: an update reloads it, with the
    // query it started with (municipality, theme, origin), instead of the app's own address.
    let embed = c.params.with_value(|p| p.embed);
    let start_query = w.location().search().unwrap_or_default();
    // Reload only when the user chose the update: the first install also changes the controller
    // (clients.claim), and that must not reload the page under the user's hands.
    let on_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if UPDATE_REQUESTED.load(std::sync::atomic::Ordering::SeqCst) {
            let _ = web_sys::window().map(|w| {
                if embed {
                    w.location().replace(&format!("/embed.html{start_query}"))
                } else {
                    w.location().reload()
                }
            });
        }
    });
    sw.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    // The app's pages are paths from "/" (the router's table), so "/" is the narrowest scope that
    // covers them all; the worker answers only its own precached files and navigations.
    // updateViaCache "none": the browser always asks the server for sw.js.
    let Some(promise) = register_sw(&sw, "/sw.js", "/") else {
        return;
    };
    leptos::task::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        let check = {
            let reg = reg.clone();
            move || {
                if reg.waiting().is_some()
                    && web_sys::window()
                        .is_some_and(|w| w.navigator().service_worker().controller().is_some())
                {
                    c.update_ready.set(true);
                }
            }
        };
        check();
        let reg2 = reg.clone();
        let on_found = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = reg2.installing() {
                let check = check.clone();
                let on_state = wasm_bindgen::closure::Closure::<dyn Fn()>::new(check);
                installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            }
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// `navigator.serviceWorker.register(url, {scope, updateViaCache: "none"})`.
fn register_sw(
    sw: &web_sys::ServiceWorkerContainer,
    url: &str,
    scope: &str,
) -> Option<js_sys::Promise> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"scope".into(), &scope.into()).ok()?;
    js_sys::Reflect::set(&options, &"updateViaCache".into(), &"none".into()).ok()?;
    let register = js_sys::Reflect::get(sw, &"register".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    register
        .call2(sw, &url.into(), &options)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// The embedding page's origin from `?origin=`, validated; messages go only there when known.
static EMBED_ORIGIN: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The skip link: moves focus to `<main>` itself. The router takes over clicks on `#main` and only
/// scrolls, which would leave keyboard focus in the header.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        ev.prevent_default();
        let _ = main.focus();
    }
}

/// Sends `{type: "ilmastoaskeleet:<kind>", height}` to the embedding page: only in embed mode,
/// only inside a frame, and only to the parent's real origin (never `*`, see `message_target`).
fn post_to_parent(kind: &str, height: Option<i32>) {
    if !EMBED_ACTIVE.load(std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    let Some(target) = message_target(&w) else {
        return;
    };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &msg,
        &"type".into(),
        &format!("ilmastoaskeleet:{kind}").into(),
    );
    if let Some(h) = height {
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &h.into());
    }
    let _ = parent.post_message(&msg, &target);
}

/// Set by `start_resize_messages`, which only embed mode calls: nothing is posted otherwise.
static EMBED_ACTIVE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The parent's origin as the browser reports it (`location.ancestorOrigins[0]`, where the
/// browser has it, else the origin of `document.referrer`), checked against `?origin=`.
fn message_target(w: &web_sys::Window) -> Option<String> {
    let ancestor = js_sys::Reflect::get(&w.location(), &"ancestorOrigins".into())
        .ok()
        .filter(|list| list.is_object())
        .and_then(|list| js_sys::Reflect::get(&list, &0.into()).ok())
        .and_then(|o| o.as_string());
    let reported = ancestor.or_else(|| {
        w.document()
            .and_then(|d| crate::params::url_origin(&d.referrer()))
    });
    crate::params::message_target(reported.as_deref(), EMBED_ORIGIN.get().map(String::as_str))
}

/// In embed mode, reports the content height to the parent whenever it changes.
fn start_resize_messages() {
    EMBED_ACTIVE.store(true, std::sync::atomic::Ordering::SeqCst);
    let last = std::cell::Cell::new(0);
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let h = document()
            .document_element()
            .map(|e| e.scroll_height())
            .unwrap_or(0);
        let body = document().body().map(|b| b.scroll_height()).unwrap_or(0);
        let h = h.max(body);
        if h != last.get() {
            last.set(h);
            post_to_parent("resize", Some(h));
        }
    });
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        if let Some(body) = document().body() {
            obs.observe(&body);
        }
        std::mem::forget(obs);
    }
    cb.forget();
}
