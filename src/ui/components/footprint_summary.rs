//! The footprint in a few lines: the honest total with its range, "Karkea arvio" while any source
//! rests on typical figures, and the largest sources as plain HTML bars (text stays text on a
//! phone), each marked as the user's own figure or a typical one.
use crate::footprint::honest;
use crate::i18n::{t, tf, Lang, Msg};
use crate::labels::{about_text, fp_category_label};
use crate::rough::Rough;
use leptos::prelude::*;

/// The width class of a bar: its share of the largest source in steps of 5 % (`w-0`…`w-100`;
/// the strict CSP allows no inline style).
fn width_class(kg: f64, max_kg: f64) -> String {
    let pct = if max_kg > 0.0 {
        ((kg / max_kg * 20.0).round() * 5.0).clamp(0.0, 100.0)
    } else {
        0.0
    };
    format!("hbar w-{}", pct as u32)
}

/// The summary of `rough` in `lang`; `sources` bars at most (the largest first).
#[component]
pub fn RoughSummary(
    lang: Lang,
    rough: Rough,
    sources: usize,
    /// Leaves out the note on unverified typical figures (the footprint step shows it per source).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let l = lang;
    let r = rough;
    let max_kg = r.sources.first().map(|s| s.kg).unwrap_or(0.0);
    let largest = r.largest().map(|s| {
        tf(
            l,
            Msg::FootprintLargestSource,
            &[("source", &fp_category_label(l, s.source).to_lowercase())],
        )
    });
    let any_unverified = r
        .sources
        .iter()
        .take(sources)
        .any(|s| !s.own && s.unverified)
        && !compact;
    view! {
        <div class="rough-summary">
            {r.is_rough().then(|| view! { <p class="rough-label"><strong>{t(l, Msg::FootprintRoughLabel)}</strong></p> })}
            <p class="rough-total">{about_text(l, r.total_kg, r.low_kg, r.high_kg)}</p>
            {r.is_rough().then(|| view! { <p class="note">{t(l, Msg::FootprintRoughIntro)}</p> })}
            // The first bar is the largest source: said in words where there is room.
            {largest.filter(|_| !compact).map(|s| view! { <p class="largest-source">{s}</p> })}
            <ul class="source-bars">
                {r.sources
                    .iter()
                    .filter(|s| s.kg > 0.0)
                    .take(sources)
                    .map(|s| {
                        let kind = if s.own { t(l, Msg::FootprintSourceOwn) } else { t(l, Msg::FootprintSourceDefault) };
                        let h = honest(s.kg, s.low_kg, s.high_kg, l);
                        view! {
                            <li>
                                <span class="source-line">
                                    <span class="source-name">{fp_category_label(l, s.source)}</span>
                                    " " <span class="source-figure">{tf(l, Msg::FootprintSourceFigure, &[("t", &h.t), ("kind", kind)])}</span>
                                </span>
                                <span class="bar-track" aria-hidden="true"><span class=width_class(s.kg, max_kg)></span></span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {any_unverified.then(|| view! { <p class="note">{t(l, Msg::FootprintSourceUnverified)}</p> })}
            <p class="note">{t(l, Msg::TermCo2e)}</p>
        </div>
    }
}
