//! Reusable components: questions, charts, notices. They render and wire signals only.
use crate::content::{content, Kind, Question};
use crate::i18n::{format_input, format_number, parse_number_in, t, tf, Lang, Msg};
use crate::model::{Answer, Ypn};
use crate::scoring::{Maturity, StepScore};
use crate::state::{ctx, tr, txt, SaveState};
use leptos::prelude::*;

pub fn level_msg(level: Maturity) -> Msg {
    match level {
        Maturity::NotYet => Msg::LevelNotYet,
        Maturity::OnTheWay => Msg::LevelOnTheWay,
        Maturity::Forerunner => Msg::LevelForerunner,
    }
}

pub fn level_explain_msg(level: Maturity) -> Msg {
    match level {
        Maturity::NotYet => Msg::LevelNotYetExplain,
        Maturity::OnTheWay => Msg::LevelOnTheWayExplain,
        Maturity::Forerunner => Msg::LevelForerunnerExplain,
    }
}

/// A DOM id from a content id ("current.heating" → "q-current-heating").
pub fn dom_id(prefix: &str, id: &str) -> String {
    let mut s = String::from(prefix);
    s.push('-');
    s.extend(
        id.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }),
    );
    s
}

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

/// The label of an option in a given language.
type LabelFn = Box<dyn Fn(Lang) -> String + Send + Sync>;

/// One question, rendered for its kind. Every change is saved at once.
#[component]
pub fn QuestionView(q: &'static Question) -> impl IntoView {
    let c = ctx();
    let current = move || c.ws.with(|w| w.active().answers.get(q.id).cloned());
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
    match q.kind {
        Kind::Single | Kind::Multi | Kind::Ypn => {
            let multi = q.kind == Kind::Multi;
            let options: Vec<(String, LabelFn)> = if q.kind == Kind::Ypn {
                Ypn::ALL
                    .iter()
                    .map(|y| {
                        let msg = match y {
                            Ypn::Yes => Msg::Yes,
                            Ypn::Partly => Msg::Partly,
                            Ypn::No => Msg::No,
                            Ypn::DontKnow => Msg::DontKnow,
                        };
                        (
                            ypn_code(*y).to_string(),
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
                        Some(Answer::Ypn(y)) => ypn_code(y) == oid_check,
                        _ => false,
                    };
                    let on_change = move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        let next = match q.kind {
                            Kind::Ypn => ypn_from(&oid).map(Answer::Ypn),
                            Kind::Single => Some(Answer::Choice(oid.clone())),
                            _ => {
                                let mut xs = match current() {
                                    Some(Answer::Multi(xs)) => xs,
                                    _ => Vec::new(),
                                };
                                let exclusive = q.option(&oid).is_some_and(|o| o.exclusive);
                                if on {
                                    if exclusive {
                                        xs.clear();
                                    } else {
                                        xs.retain(|x| !q.option(x).is_some_and(|o| o.exclusive));
                                    }
                                    if !xs.contains(&oid) {
                                        xs.push(oid.clone());
                                    }
                                } else {
                                    xs.retain(|x| *x != oid);
                                }
                                (!xs.is_empty()).then_some(Answer::Multi(xs))
                            }
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
            .into_any()
        }
        Kind::Number => {
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
                if q.integer && n.fract() != 0.0 {
                    return Err(t(l, Msg::ErrorWholeNumber).to_string());
                }
                if q.min.is_some_and(|m| n < m) || q.max.is_some_and(|m| n > m) {
                    let lo = format_number(l, q.min.unwrap_or(0.0), 2);
                    let hi = q
                        .max
                        .map(|m| format_number(l, m, 2))
                        .unwrap_or_else(|| "∞".into());
                    return Err(tf(l, Msg::ErrorRange, &[("min", &lo), ("max", &hi)]));
                }
                Ok(Some(n))
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
            .into_any()
        }
        Kind::Text => {
            let input_id = format!("{qid}-input");
            let max = q.max_len();
            let value = move || match current() {
                Some(Answer::Text(s)) => s,
                _ => String::new(),
            };
            let on_input = move |ev: leptos::ev::Event| {
                let v: String = event_target_value(&ev).chars().take(max).collect();
                c.set_answer(q.id, (!v.trim().is_empty()).then_some(Answer::Text(v)));
            };
            let field = if max > 120 {
                view! { <textarea id=input_id.clone() maxlength=max rows="3" prop:value=value on:input=on_input disabled=disabled></textarea> }.into_any()
            } else {
                view! { <input type="text" id=input_id.clone() maxlength=max prop:value=value on:input=on_input disabled=disabled /> }.into_any()
            };
            view! {
                <div class="question" id=qid.clone()>
                    <label for=input_id class="q-label">{text}</label>
                    <Help q />
                    {field}
                </div>
            }
            .into_any()
        }
        Kind::Municipality => view! { <MunicipalityPicker q /> }.into_any(),
    }
}

fn ypn_code(y: Ypn) -> &'static str {
    match y {
        Ypn::Yes => "yes",
        Ypn::Partly => "partly",
        Ypn::No => "no",
        Ypn::DontKnow => "dontknow",
    }
}

fn ypn_from(s: &str) -> Option<Ypn> {
    Ypn::ALL.into_iter().find(|y| ypn_code(*y) == s)
}

pub fn unit_label(lang: Lang, unit: &str) -> String {
    let msg = match unit {
        "eur" => Msg::UnitEur,
        "pcs" => Msg::UnitPcs,
        "persons" => Msg::UnitPersons,
        "pct" => return "%".into(),
        "l" => Msg::UnitLitres,
        "m3" => return "m³".into(),
        "m2" => return "m²".into(),
        other => return other.to_string(),
    };
    t(lang, msg).to_string()
}

/// Municipality picker: type a Finnish or Swedish name; the browser suggests from the list.
#[component]
fn MunicipalityPicker(q: &'static Question) -> impl IntoView {
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

/// Maturity per step as an SVG bar chart, with the same data in a table for screen readers
/// and anyone who prefers numbers.
#[component]
pub fn MaturityChart(scores: Vec<StepScore>) -> impl IntoView {
    let c = ctx();
    let rows = scores.len();
    let height = rows * 50 + 6;
    let chart_scores = scores.clone();
    let bars = move || {
        let l = c.lang.get();
        chart_scores
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let title = content().step(&s.step).map(|st| st.title.get(l).to_string()).unwrap_or_default();
                // The label sits above its bar, so long step names never clip at any width.
                let y = i * 50 + 22;
                let w = s.share().map(|x| (x * 100.0).round() as usize).unwrap_or(0);
                let class = match s.level {
                    Some(Maturity::NotYet) => "bar level-1",
                    Some(Maturity::OnTheWay) => "bar level-2",
                    Some(Maturity::Forerunner) => "bar level-3",
                    None => "bar level-0",
                };
                view! {
                    <text x="0" y=y - 6 class="bar-label">{title}</text>
                    <rect x="0" y=y width="440" height="20" class="bar-bg"></rect>
                    <rect x="0" y=y width=w * 44 / 10 height="20" class=class></rect>
                    <text x=450 y=y + 15 class="bar-value">{s.level.map(|lv| t(l, level_msg(lv))).unwrap_or(t(l, Msg::NotAnswered))}</text>
                }
            })
            .collect_view()
    };
    let table_rows = move || {
        let l = c.lang.get();
        scores
            .iter()
            .map(|s| {
                let title = content().step(&s.step).map(|st| st.title.get(l).to_string()).unwrap_or_default();
                view! {
                    <tr>
                        <th scope="row">{title}</th>
                        <td>{s.level.map(|lv| t(l, level_msg(lv))).unwrap_or(t(l, Msg::NotAnswered))}</td>
                        <td>{s.share().map(|x| format!("{} %", (x * 100.0).round())).unwrap_or_else(|| "–".into())}</td>
                        <td>{format!("{} / {}", s.answered, s.visible)}</td>
                        <td>{s.dont_know}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 720 {height}") role="img" aria-labelledby="maturity-chart-title" class="bars">
                <title id="maturity-chart-title">{tr(Msg::ChartMaturityTitle)}</title>
                {bars}
            </svg>
            <figcaption>{tr(Msg::ChartTableNote)}</figcaption>
        </figure>
        <div class="table-wrap" role="region" tabindex="0" aria-label=tr(Msg::ChartMaturityTitle)>
            <table>
                <caption>{tr(Msg::ChartMaturityTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(Msg::Step)}</th>
                        <th scope="col">{tr(Msg::Level)}</th>
                        <th scope="col">{tr(Msg::Share)}</th>
                        <th scope="col">{tr(Msg::Answered)}</th>
                        <th scope="col">{tr(Msg::DontKnowCount)}</th>
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
        </div>
    }
}

/// Horizontal bars for labelled amounts (the largest footprint sources), plus a table.
#[component]
pub fn AmountChart(
    title: Signal<String>,
    rows: Signal<Vec<(String, f64)>>,
    unit: &'static str,
) -> impl IntoView {
    let c = ctx();
    let chart_id = format!("chart-{}", unit.replace(' ', ""));
    let title_id = format!("{chart_id}-title");
    let tid = title_id.clone();
    view! {
        <figure class="chart">
            <svg
                viewBox=move || format!("0 0 720 {}", rows.get().len() * 50 + 6)
                role="img"
                aria-labelledby=title_id.clone()
                class="bars"
            >
                <title id=tid>{move || title.get()}</title>
                {move || {
                    let rs = rows.get();
                    let max = rs.iter().map(|r| r.1).fold(0.0, f64::max).max(1e-9);
                    rs.into_iter()
                        .enumerate()
                        .map(|(i, (label, v))| {
                            let y = i * 50 + 22;
                            let w = ((v / max) * 440.0).round() as usize;
                            view! {
                                <text x="0" y=y - 6 class="bar-label">{label}</text>
                                <rect x="0" y=y width=w height="20" class="bar level-2"></rect>
                                <text x=450 y=y + 15 class="bar-value">{format!("{} {unit}", format_number(c.lang.get(), v, 2))}</text>
                            }
                        })
                        .collect_view()
                }}
            </svg>
        </figure>
        <div class="table-wrap" role="region" tabindex="0" aria-label=move || title.get()>
            <table>
                <caption>{move || title.get()}</caption>
                <tbody>
                    {move || {
                        rows.get()
                            .into_iter()
                            .map(|(label, v)| {
                                view! {
                                    <tr>
                                        <th scope="row">{label}</th>
                                        <td class="num">{format!("{} {unit}", format_number(c.lang.get(), v, 2))}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// Notices about saving: blocked or full storage, read-only data, data kept aside, other tabs.
#[component]
pub fn SaveNotices() -> impl IntoView {
    let c = ctx();
    let download_raw = move |key: String| {
        if let Ok(Some(raw)) = crate::storage::read(&key) {
            crate::state::download("ilmastoaskeleet-vioittunut.json", &raw, "application/json");
        }
    };
    view! {
        <div class="notices" aria-live="polite">
            {move || match c.save.get() {
                SaveState::Saved => None,
                SaveState::Blocked => Some(view! {
                    <div class="notice warn" role="status">
                        <p>{c.t(Msg::StorageBlocked)}</p>
                        <a href="/tiedot" class="button secondary">{c.t(Msg::GoExport)}</a>
                    </div>
                }.into_any()),
                SaveState::Full => Some(view! {
                    <div class="notice warn" role="alert">
                        <p>{c.t(Msg::StorageFull)}</p>
                        <a href="/tiedot" class="button secondary">{c.t(Msg::GoExport)}</a>
                    </div>
                }.into_any()),
                SaveState::ReadOnly => Some(view! {
                    <div class="notice warn" role="status">
                        <p>{c.t(Msg::StorageReadOnly)}</p>
                    </div>
                }.into_any()),
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
                    <p>{crate::i18n::tf(c.lang.get(), Msg::LangLoadFailed, &[("lang", l.native_name())])}</p>
                    <button type="button" class="button secondary" on:click=move |_| c.lang_failed.set(None)>{c.t(Msg::Dismiss)}</button>
                </div>
            })}
            {move || c.update_ready.get().then(|| view! {
                <div class="notice info" role="status">
                    <p>{c.t(Msg::UpdateAvailable)}</p>
                    <button type="button" class="button" on:click=move |_| crate::pages::apply_update()>{c.t(Msg::UpdateReload)}</button>
                </div>
            })}
        </div>
    }
}
