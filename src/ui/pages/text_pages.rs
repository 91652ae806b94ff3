//! Pages of headings and paragraphs from the catalogue: About, Accessibility.
use crate::content::content;
use crate::i18n::{t, Msg};
use crate::state::ctx;
use crate::ui::{page_title, tr};
use leptos::prelude::*;

/// A block of a text page.
pub enum Block {
    H2(Msg),
    P(Msg),
}

/// A page of headings and paragraphs from the catalogue (About, Accessibility), with optional
/// extra content at the end.
#[component]
pub fn TextPage(
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
pub fn About() -> impl IntoView {
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
pub fn Accessibility() -> impl IntoView {
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
