//! The frame around every page: header with navigation, footer, the compact bar shown when
//! embedded, the language switch.
use crate::content::PROFILE;
use crate::i18n::{Lang, Msg};
use crate::router::{Link, Route};
use crate::state::ctx;
use crate::ui::tr;
use leptos::prelude::*;

#[component]
pub fn LangSwitch() -> impl IntoView {
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
pub fn Header() -> impl IntoView {
    let c = ctx();
    let links = move || {
        let link = move |route: Route, msg: Msg| view! { <li><Link href=route.href()>{move || c.t(msg)}</Link></li> };
        view! {
            {link(Route::Landing, Msg::NavHome)}
            {link(Route::step(PROFILE), Msg::NavSteps)}
            {link(Route::Results, Msg::NavResults)}
            {link(Route::Plan, Msg::NavPlan)}
            {link(Route::Supports, Msg::NavSupport)}
            {link(Route::Report, Msg::NavReport)}
            {link(Route::Data, Msg::NavData)}
        }
    };
    // On a narrow screen the page links fold into a disclosure (a native <details>: keyboard
    // operable without script); a chosen link closes it again.
    let menu = NodeRef::<leptos::html::Details>::new();
    let close = move |_| {
        if let Some(d) = menu.get() {
            let _ = d.remove_attribute("open");
        }
    };
    view! {
        <header class="site-header">
            <div class="header-top">
                <a href=Route::Landing.href() class="brand">
                    <img src="/icons/icon.svg" alt="" width="32" height="32" />
                    <span>{tr(Msg::AppName)}</span>
                </a>
                <LangSwitch />
            </div>
            <nav aria-label=tr(Msg::MainNav)>
                <details class="nav-menu" node_ref=menu>
                    <summary>{tr(Msg::Menu)}</summary>
                    <ul on:click=close>{links()}</ul>
                </details>
                <ul class="nav-wide">{links()}</ul>
            </nav>
        </header>
    }
}

/// The compact bar shown instead of the header when embedded in a municipal site: a compact
/// navigation to every part of the app, and "open in the full app" carrying the whole company
/// (answers, plan, footprint, snapshots) in a share link of version 2; a company too large for
/// a link (`share::MAX_COMPANY_LINK`) is offered as the export file instead, with the reason.
#[component]
pub fn EmbedBar() -> impl IntoView {
    let c = ctx();
    let link = move |route: Route, msg: Msg| view! { <li><Link href=route.href()>{move || c.t(msg)}</Link></li> };
    let company_link = Memo::new(move |_| {
        crate::share::encode_company(&c.company(), &crate::web::clock::now_iso())
    });
    let full_app = move || {
        let lang = c.lang.get().code();
        match company_link.get() {
            Some(fragment) => format!("{}?lang={lang}#a={fragment}", Route::Landing.href()),
            None => format!("{}?lang={lang}", Route::Landing.href()),
        }
    };
    view! {
        <div class="embed-bar">
            <LangSwitch />
            <nav class="embed-nav" aria-label=tr(Msg::EmbedNav)>
                <ul>
                    {link(Route::step(PROFILE), Msg::NavSteps)}
                    {link(Route::Results, Msg::NavResults)}
                    {link(Route::Plan, Msg::NavPlan)}
                    {link(Route::Supports, Msg::NavSupport)}
                    {link(Route::Report, Msg::NavReport)}
                    {link(Route::Data, Msg::NavData)}
                </ul>
            </nav>
            <p class="embed-note">{tr(Msg::EmbedStorageNote)}</p>
            {move || company_link.with(Option::is_none).then(|| view! {
                <p class="embed-note embed-too-large" role="status">
                    {tr(Msg::EmbedTooLargeForLink)}" "
                    <Link href=Route::Data.href()>{tr(Msg::GoExport)}</Link>
                </p>
            })}
            <a class="embed-full-app" href=full_app target="_blank" rel="noopener">{tr(Msg::OpenFullApp)}<span class="visually-hidden">{tr(Msg::NewTab)}</span></a>
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{tr(Msg::FooterPrivacy)}</p>
            <ul>
                <li><Link href=Route::About.href()>{tr(Msg::NavAbout)}</Link></li>
                <li><Link href=Route::Accessibility.href()>{tr(Msg::NavAccessibility)}</Link></li>
                <li><Link href=Route::Municipalities.href()>{tr(Msg::NavMunicipalities)}</Link></li>
            </ul>
        </footer>
    }
}
