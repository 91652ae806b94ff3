//! For municipalities: the embed snippet, its parameters and a preview.
use crate::content::content;
use crate::i18n::{t, Msg};
use crate::state::ctx;
use crate::ui::{page_title, tr};
use crate::web::embed::{pinned_host_script, EMBED_ENTRY, EMBED_SANDBOX};
use crate::web::files::copy_text;
use leptos::prelude::*;

/// The municipality the snippet shows first (Kerava), before the reader picks their own.
const EXAMPLE_MUNICIPALITY: &str = "245";

#[component]
pub fn ForMunicipalities() -> impl IntoView {
    let c = ctx();
    page_title(|l| t(l, Msg::MuniTitle).to_string());
    let kunta = RwSignal::new(String::from(EXAMPLE_MUNICIPALITY));
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
    // The embed entry, the one document that may be framed, sandboxed as embed.js does.
    let preview = move || {
        format!(
            "{EMBED_ENTRY}?embed=1&preview=1&kunta={}&lang={}",
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
