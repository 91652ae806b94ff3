//! The root component: the state, theme and embed set-up, and the route switch.
use super::chrome::{EmbedBar, Footer, Header};
use super::notices::{SaveNotices, ShareImport};
use crate::content::{content, FOOTPRINT_STEP};
use crate::i18n::Msg;
use crate::router::{location, navigate, start_router, Route};
use crate::state::lang::MoreTexts;
use crate::state::{ctx, Ctx};
use crate::ui::pages::{
    content_review::ContentReview,
    data::DataPage,
    landing::Landing,
    municipalities::ForMunicipalities,
    not_found::NotFound,
    plan::Plan,
    report::Report,
    results::Results,
    step::StepView,
    supports::Supports,
    text_pages::{About, Accessibility},
};
use crate::ui::tr;
use crate::web::{embed, service_worker};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    service_worker::register(embed, move || c.update_ready.set(true));
    if embed {
        if let Some(origin) = c.params.with_value(|p| p.origin.clone()) {
            embed::set_host_origin(origin);
        }
        embed::start_resize_messages();
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
                        // The footprint step shows the factors' texts (second pack).
                        Some(step) if step.id == FOOTPRINT_STEP => {
                            view! { <NeedsMoreTexts><StepView step /></NeedsMoreTexts> }.into_any()
                        }
                        Some(step) => view! { <StepView step /> }.into_any(),
                        None => view! { <NotFound /> }.into_any(),
                    },
                    Route::Results => view! { <NeedsMoreTexts><Results /></NeedsMoreTexts> }.into_any(),
                    Route::Plan => view! { <NeedsMoreTexts><Plan /></NeedsMoreTexts> }.into_any(),
                    Route::Supports => view! { <NeedsMoreTexts><Supports /></NeedsMoreTexts> }.into_any(),
                    Route::Report => view! { <NeedsMoreTexts><Report /></NeedsMoreTexts> }.into_any(),
                    Route::Data => view! { <NeedsMoreTexts><DataPage /></NeedsMoreTexts> }.into_any(),
                    Route::About => view! { <NeedsMoreTexts><About /></NeedsMoreTexts> }.into_any(),
                    Route::Accessibility => view! { <Accessibility /> }.into_any(),
                    Route::Municipalities => view! { <NeedsMoreTexts><ForMunicipalities /></NeedsMoreTexts> }.into_any(),
                    Route::Content => view! { <NeedsMoreTexts><ContentReview /></NeedsMoreTexts> }.into_any(),
                    Route::NotFound => view! { <NotFound /> }.into_any(),
                }}
            </main>
            {(!embed).then(|| view! { <Footer /> })}
    }
}

/// A page that shows texts of the second pack (actions, supports, factors…): a loading line until
/// the pack is in, then the page; a retry if it could not be loaded. The landing page, the steps
/// and the shell need only the first pack, which is in before the app mounts.
#[component]
fn NeedsMoreTexts(children: ChildrenFn) -> impl IntoView {
    let c = ctx();
    move || match c.more_texts.get() {
        MoreTexts::Ready => children().into_any(),
        MoreTexts::Loading => view! {
            <p class="more-texts-loading" role="status">{tr(Msg::MoreTextsLoading)}</p>
        }
        .into_any(),
        MoreTexts::Failed => view! {
            <div class="notice warn" role="alert">
                <p>{tr(Msg::MoreTextsFailed)}</p>
                <button type="button" class="button" on:click=move |_| c.load_more_texts()>
                    {tr(Msg::MoreTextsRetry)}
                </button>
            </div>
        }
        .into_any(),
    }
}

/// `?step=` moves to that step once, on start; a share link (`#a=…`) is offered for import.
#[component]
pub fn StartAt() -> impl IntoView {
    let c = ctx();
    let loc = location();
    if let Some(step) = c.params.with_value(|p| p.step.clone()) {
        if Route::parse(&loc.path.get_untracked()) == Route::Landing {
            navigate(loc, &Route::step(&step).href(), true);
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
            embed::post_to_parent("scroll-top", None);
        });
    });
}

/// The skip link: moves focus to `<main>` itself. The router takes over clicks on `#main` and only
/// scrolls, which would leave keyboard focus in the header.
pub fn skip_to_main(ev: leptos::ev::MouseEvent) {
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        ev.prevent_default();
        let _ = main.focus();
    }
}
