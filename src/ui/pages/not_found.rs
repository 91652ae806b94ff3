//! The page for an unknown address.
use crate::i18n::{t, Msg};
use crate::router::{Link, Route};
use crate::ui::{page_title, tr};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    page_title(|l| t(l, Msg::NotFoundTitle).to_string());
    view! {
        <h1>{tr(Msg::NotFoundTitle)}</h1>
        <p><Link href=Route::Landing.href()>{tr(Msg::NavHome)}</Link></p>
    }
}
