//! An incident's timeline as inline SVG, drawn by the page itself (issue #6): the
//! interruption, the report, each deadline's window with its due time as a marker (met,
//! missed in red with a cross and a lateness bar, pending hollow), the actual times, the
//! force-majeure (L5.1) and customer-pause (L3.4) bands, and a time axis in UTC+08:00.
//! Colours come from classes (static/style.css: print and dark variants); shapes and the
//! row glyphs carry the same meaning without colour. The geometry is `timeline_layout`.

use crate::i18n::lang::Lang;
use crate::state::timeline_layout::{self as tl, BandKind};
use crate::views::text::{bi, use_lang};
use crate::views::timeline_svg::svg;
use slacalc::assess::IncidentResult;
use slacalc::case::Incident;
use slacalc::Instant;
use std::rc::Rc;
use yew::prelude::*;

/// The incident to draw.
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Element id prefix (a page may show several timelines).
    pub id: AttrValue,
    /// The incident as the case has it.
    pub incident: Rc<Incident>,
    /// The engine's result for it (its deadlines and their status).
    pub result: Rc<IncidentResult>,
    /// The assessment time (the end of a still-running interruption or lateness).
    pub as_of: Instant,
    /// Width in SVG units: narrower draws larger text in the same box (the printed sheet).
    #[prop_or(tl::WIDTH as u16)]
    pub width: u16,
}

/// The timeline of one assessed incident, with its legend.
#[function_component(Timeline)]
pub fn timeline(p: &TimelineProps) -> Html {
    let lang = use_lang();
    let en = lang == Lang::En;
    let l = use_memo(
        (p.incident.clone(), p.result.clone(), p.as_of, p.width),
        |(inc, r, as_of, w)| tl::layout(inc, r, *as_of, f64::from(*w)),
    );
    // The drawing as markup (every case text escaped by `timeline_svg`).
    let drawing = Html::from_html_unchecked(AttrValue::from(svg(&l, &p.id, en)));
    let id = &p.id;
    let key = |class: &'static str, shape: Html| {
        html! { <svg viewBox="-7 -7 14 14" class={classes!("tl-key", class)} aria-hidden="true">{ shape }</svg> }
    };
    let diamond = || html! { <path class="tl-due" d="M0 -5.5L5.5 0L0 5.5L-5.5 0Z" /> };
    let band = |kind: &'static str| {
        html! {
            <svg viewBox="0 0 14 14" class="tl-key" aria-hidden="true">
                <rect class={classes!("tl-band", format!("tl-{kind}"))} width="14" height="14" fill={format!("url(#{id}-{kind})")} />
            </svg>
        }
    };
    html! {
        <figure class="timeline" id={id.clone()}>
            { drawing }
            <figcaption class="tl-legend">
                <span>{ key("met", diamond()) }{ bi(("按时 ✓", "met ✓")) }</span>
                <span>{ key("missed", html! { <path class="tl-due" d="M-5.5 -5.5L5.5 5.5M-5.5 5.5L5.5 -5.5" /> }) }{ bi(("超时 ✗(红条为超出时间)", "missed ✗ (the bar is the lateness)")) }</span>
                <span>{ key("pending", diamond()) }{ bi(("未到期 …", "pending …")) }</span>
                <span>{ key("", html! { <circle class="tl-actual" r="3.2" /> }) }{ bi(("实际时间", "actual time")) }</span>
                if l.bands.iter().any(|b| b.kind == BandKind::ForceMajeure) {
                    <span>{ band("fm") }{ bi(("不可抗力 L5.1", "force majeure L5.1")) }</span>
                }
                if l.bands.iter().any(|b| b.kind == BandKind::Pause) {
                    <span>{ band("pause") }{ bi(("客户方暂停 L3.4", "customer pause L3.4")) }</span>
                }
                <span class="tl-tz">{ "UTC+08:00" }</span>
            </figcaption>
        </figure>
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    //! The timeline drawn in headless Chromium (`make wasm-test`).
    use super::{Timeline, TimelineProps};
    use crate::views::test_util::settle;
    use std::rc::Rc;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    async fn the_worked_example_draws_its_missed_restore_as_a_cross() {
        let case = slacalc::parse_case(include_str!("../../examples/worked-example.json"))
            .expect("example");
        let as_of = slacalc::Instant::parse("2026-01-01T00:00:00+08:00").expect("time");
        let a = slacalc::assess(&case, as_of).expect("assessed");
        let root = crate::views::test_util::root();
        yew::Renderer::<Timeline>::with_root_and_props(
            root.clone(),
            TimelineProps {
                id: "t".into(),
                incident: Rc::new(case.incidents[0].clone()),
                result: Rc::new(a.incidents[0].clone()),
                as_of: a.as_of,
                width: 640,
            },
        )
        .render();
        settle().await;
        let q = |css: &str| root.query_selector_all(css).expect("query").length();
        assert_eq!(q("svg.tl .tl-deadline"), 3);
        assert_eq!(q(".tl-deadline.met"), 2);
        assert_eq!(q(".tl-deadline.missed[data-kind=Restore] .tl-late"), 1);
        assert_eq!(q(".tl-down"), 1);
        let title = root
            .query_selector("svg.tl > title")
            .ok()
            .flatten()
            .and_then(|t| t.text_content())
            .unwrap_or_default();
        assert!(title.contains("2025-03-03-mail-down"), "{title}");
    }
}
