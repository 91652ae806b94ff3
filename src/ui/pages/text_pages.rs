//! Pages of headings and paragraphs from the catalogue: About (with the publisher and the
//! method: every emission factor and its source) and Accessibility.
use crate::content::content;
use crate::i18n::{format_number, t, tf, Msg};
use crate::labels::{self, fp_category_label, unit_label};
use crate::router::{Link, Route, METHOD_ID};
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
    const BLOCKS: &[Block] = &[Block::P(Msg::AboutText1), Block::P(Msg::AboutText2)];
    let geo = &content().geo;
    // A link to `/tietoa#menetelma` (the footprint step's note) lands on the method section.
    Effect::new(move |_| {
        if window().location().hash().ok().as_deref() == Some(&format!("#{METHOD_ID}")) {
            if let Some(el) = document().get_element_by_id(METHOD_ID) {
                el.scroll_into_view();
            }
        }
    });
    view! {
        <TextPage title=Msg::AboutTitle blocks=BLOCKS>
            <h2>{tr(Msg::AboutLinksTitle)}</h2>
            <ul>
                {ABOUT_LINKS
                    .iter()
                    .map(|&(m, u)| view! { <li><ExternalLink href=u label=m /></li> })
                    .collect_view()}
                <li><Link href=Route::Content.href()>{tr(Msg::AboutReviewLink)}</Link></li>
            </ul>
            <h2>{tr(Msg::PublisherTitle)}</h2>
            <PublisherDetails />
            <h2>{tr(Msg::PrivacyTitle)}</h2>
            <p>{tr(Msg::PrivacyText1)}</p>
            <p>{tr(Msg::PrivacyText2)}</p>
            <h2>{tr(Msg::SourcesTitle)}</h2>
            <p>{tr(Msg::SourcesText)}</p>
            <p>{move || format!("{} ({}, {})", geo.source, t(c.lang.get(), Msg::Checked).replace("{date}", geo.checked), geo.source_urls.first().cloned().unwrap_or_default())}</p>
            <MethodSection />
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
    ];
    view! {
        <TextPage title=Msg::A11yTitle blocks=BLOCKS>
            <PublisherDetails />
            <p>{tr(Msg::A11yText4)}</p>
        </TextPage>
    }
}

/// The background sources the About page links to (sources: docs/footprint-method.md and
/// the domain research): the Kaarina project's own pages and the survey behind the levels.
const ABOUT_LINKS: [(Msg, &str); 3] = [
    (
        Msg::AboutLinkKaarina,
        "https://kaarina.fi/fi/asuminen-ja-ymparisto/ymparisto-ja-luonto/kaarinan-yritysten-ilmastoteot-hanke",
    ),
    (
        Msg::AboutLinkValonia,
        "https://valonia.fi/hanke/kaarinan-yritysten-ilmastoteot/",
    ),
    (
        Msg::AboutLinkVkj,
        "https://business.vantaa.fi/fi/ajankohtaista/uutinen/yritykset-odottavat-kestavampaa-kaupunkirakennetta-vastuullisempia-hankintoja-ja-ajan-tasalla-pysymista",
    ),
];

/// A link to another site, opened in a new tab (and said so to screen readers).
#[component]
fn ExternalLink(href: &'static str, label: Msg) -> impl IntoView {
    view! {
        <a href=href target="_blank" rel="noopener noreferrer" class="external">
            {tr(label)}<span class="visually-hidden">{tr(Msg::ExternalNewTab)}</span>
        </a>
    }
}

/// Who publishes this copy (deploy/site.toml): name, e-mail, website and the accessibility
/// feedback channel, with a note while they are the template's placeholders.
#[component]
fn PublisherDetails() -> impl IntoView {
    let c = ctx();
    let site = crate::site::SITE;
    view! {
        <p>{move || tf(c.lang.get(), Msg::PublisherText, &[("name", site.name(c.lang.get()))])}</p>
        <dl class="params">
            <dt>{tr(Msg::PublisherEmail)}</dt>
            <dd><a href=format!("mailto:{}", site.email)>{site.email}</a></dd>
            {site.url.map(|u| view! {
                <dt>{tr(Msg::PublisherWeb)}</dt>
                <dd><a href=u target="_blank" rel="noopener noreferrer" class="external">{u}<span class="visually-hidden">{tr(Msg::ExternalNewTab)}</span></a></dd>
            })}
            <dt>{tr(Msg::A11yFeedbackChannel)}</dt>
            <dd><a href=site.feedback_href()>{site.accessibility_feedback}</a></dd>
        </dl>
        {site.example.then(|| view! { <p class="note">{tr(Msg::SiteExampleNote)}</p> })}
    }
}

/// The method and every emission factor with its value, year, publisher (linked), how far it
/// was checked and when: the sources of the footprint estimate in the user's language.
#[component]
fn MethodSection() -> impl IntoView {
    let c = ctx();
    view! {
        <h2 id=METHOD_ID>{tr(Msg::MethodTitle)}</h2>
        <p>{tr(Msg::MethodText1)}</p>
        <p>{tr(Msg::MethodText2)}</p>
        {move || {
            let l = c.lang.get();
            let rows = content().factors.iter().map(|f| {
                let value = format!("{} / {}", format_number(l, f.kg_per_unit, 5), unit_label(l, f.unit));
                let checked = t(l, Msg::Checked).replace("{date}", f.checked);
                view! {
                    <tr>
                        <th scope="row">{f.label.get(l).to_string()}<span class="meta">{format!(" · {}", fp_category_label(l, f.category))}</span></th>
                        <td class="num">{value}</td>
                        <td class="num">{f.year.to_string()}</td>
                        <td><a href=f.url target="_blank" rel="noopener noreferrer" class="external">{t(l, labels::basis_msg(f.basis))}<span class="visually-hidden">{t(l, Msg::ExternalNewTab)}</span></a></td>
                        <td>{t(l, labels::verification_msg(f.verification))}<span class="meta">{format!(" ({checked})")}</span></td>
                    </tr>
                }
            }).collect_view();
            view! {
                <div class="table-wrap" role="region" tabindex="0" aria-labelledby=METHOD_ID>
                    <table>
                        <thead><tr>
                            <th scope="col">{t(l, Msg::MethodColFactor)}</th>
                            <th scope="col">{t(l, Msg::MethodColValue)}</th>
                            <th scope="col">{t(l, Msg::MethodColYear)}</th>
                            <th scope="col">{t(l, Msg::MethodColSource)}</th>
                            <th scope="col">{t(l, Msg::MethodColStatus)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        }}
    }
}
