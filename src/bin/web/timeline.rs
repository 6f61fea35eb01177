//! An incident's timeline as inline SVG, drawn by the page itself (issue #6): the
//! interruption, the report, each deadline's window with its due time as a marker (met,
//! missed in red with a cross and a lateness bar, pending hollow), the actual times, the
//! force-majeure (L5.1) and customer-pause (L3.4) bands, and a time axis in UTC+08:00.
//! Colours come from classes (static/style.css: print and dark variants); shapes and the
//! row glyphs carry the same meaning without colour. The geometry is `timeline_layout`.

use crate::labels::{bi, use_lang};
use crate::timeline_layout::{self as tl, BandKind, Mark};
use slacalc::assess::IncidentResult;
use slacalc::case::Incident;
use slacalc::deadline::Status;
use slacalc::Instant;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Element id prefix (a page may show several timelines).
    pub id: AttrValue,
    pub incident: Rc<Incident>,
    pub result: Rc<IncidentResult>,
    /// The assessment time (the end of a still-running interruption or lateness).
    pub as_of: Instant,
    /// Width in SVG units: narrower draws larger text in the same box (the printed sheet).
    #[prop_or(tl::WIDTH)]
    pub width: f64,
}

fn f(x: f64) -> String {
    format!("{x:.1}")
}

fn glyph(s: Status) -> &'static str {
    match s {
        Status::Met => "✓",
        Status::Missed => "✗",
        Status::Pending => "…",
    }
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::Missed => "missed",
        Status::Pending => "pending",
    }
}

/// The due-time marker: a filled diamond (met), a cross (missed), a hollow diamond (pending).
fn due_marker(x: f64, y: f64, s: Status) -> Html {
    let r = 5.5;
    match s {
        Status::Missed => html! {
            <path class="tl-due" d={format!("M{} {}L{} {}M{} {}L{} {}", f(x - r), f(y - r), f(x + r), f(y + r), f(x - r), f(y + r), f(x + r), f(y - r))} />
        },
        _ => html! {
            <path class="tl-due" d={format!("M{} {}L{} {}L{} {}L{} {}Z", f(x), f(y - r), f(x + r), f(y), f(x), f(y + r), f(x - r), f(y))} />
        },
    }
}

/// The timeline of one assessed incident.
#[function_component(Timeline)]
pub fn timeline(p: &TimelineProps) -> Html {
    let lang = use_lang();
    let pick = |t: &tl::Both| lang.pick(&t.0, &t.1).to_string();
    let l = use_memo(
        (
            p.incident.clone(),
            p.result.clone(),
            p.as_of,
            p.width.to_bits(),
        ),
        |(inc, r, as_of, w)| tl::layout(inc, r, *as_of, f64::from_bits(*w)),
    );
    let id = &p.id;
    let (fm_pat, pause_pat, title_id) = (
        format!("{id}-fm"),
        format!("{id}-pause"),
        format!("{id}-title"),
    );
    let (top, bottom) = (l.rows_top, l.rows_bottom);
    let mut row = 0usize;
    let row_y = |n: usize| top + n as f64 * tl::ROW;
    let label_x = 6.0;
    let text_y = |n: usize| f(row_y(n) + tl::ROW / 2.0 + tl::FONT * 0.35);

    let down = l.down.as_ref().map(|d| {
        let n = row;
        row += 1;
        let y = row_y(n);
        html! {
            <g class={classes!("tl-row", "tl-down-row", d.ongoing.then_some("ongoing"))}>
                <text class="tl-name" x={f(label_x)} y={text_y(n)}>{ lang.pick("服务中断", "Service down") }</text>
                <rect class="tl-down" x={f(d.x)} y={f(y + 5.0)} width={f(d.w)} height={f(tl::ROW - 10.0)} rx="2">
                    <title>{ pick(&d.title) }</title>
                </rect>
                if d.ongoing {
                    <path class="tl-ongoing" d={format!("M{} {}l6 {}l-6 {}", f(d.x + d.w), f(y + 5.0), f((tl::ROW - 10.0) / 2.0), f((tl::ROW - 10.0) / 2.0))} />
                }
            </g>
        }
    });

    let deadlines: Vec<Html> = l
        .deadlines
        .iter()
        .map(|d| {
            let n = row;
            row += 1;
            let y = row_y(n) + tl::ROW / 2.0;
            let (name_zh, name_en) = slacalc::names::Named::names(&d.kind);
            let kind = format!("{:?}", d.kind);
            html! {
                <g class={classes!("tl-row", "tl-deadline", status_class(d.status))}
                    data-kind={kind} data-status={status_class(d.status)}>
                    <title>{ pick(&d.title) }</title>
                    <text class="tl-name" x={f(label_x)} y={text_y(n)}>
                        { format!("{} {}", lang.pick(name_zh, name_en), glyph(d.status)) }</text>
                    <line class="tl-window" x1={f(d.from_x)} x2={f(d.due_x)} y1={f(y)} y2={f(y)} />
                    <line class="tl-start" x1={f(d.from_x)} x2={f(d.from_x)} y1={f(y - 4.0)} y2={f(y + 4.0)} />
                    if let Some((a, b)) = d.late {
                        <rect class="tl-late" x={f(a)} y={f(y - 3.0)} width={f((b - a).max(1.0))} height="6" />
                    }
                    { due_marker(d.due_x, y, d.status) }
                    if let Some(x) = d.actual_x {
                        <circle class="tl-actual" cx={f(x)} cy={f(y)} r="3.2" />
                    }
                </g>
            }
        })
        .collect();

    let bands = l.bands.iter().map(|b| {
        let (class, pat) = match b.kind {
            BandKind::ForceMajeure => ("tl-fm", &fm_pat),
            BandKind::Pause => ("tl-pause", &pause_pat),
        };
        html! {
            <rect class={classes!("tl-band", class)} x={f(b.x)} y={f(top)} width={f(b.w)} height={f(bottom - top)}
                fill={format!("url(#{pat})")}>
                <title>{ pick(&b.title) }</title>
            </rect>
        }
    });

    let moments = l.moments.iter().map(|m| {
        let class = match m.mark {
            Mark::Reported => "tl-reported",
            Mark::Interrupted => "tl-interrupted",
            Mark::Restored => "tl-restored",
            Mark::AsOf => "tl-asof",
        };
        let ly = top - 4.0 - m.lane as f64 * tl::LANE - 3.0;
        let label = pick(&m.label);
        let w = tl::text_width(&label, tl::FONT);
        let cx = m.x.clamp(w / 2.0 + 2.0, l.width - w / 2.0 - 2.0);
        html! {
            <g class={classes!("tl-moment", class)}>
                <line x1={f(m.x)} x2={f(m.x)} y1={f(top - 3.0)} y2={f(bottom)} />
                <text x={f(cx)} y={f(ly)} text-anchor="middle">{ label }</text>
            </g>
        }
    });

    let axis_y = bottom;
    let ticks = l.ticks.iter().map(|t| {
        html! {
            <g class="tl-tick">
                <line x1={f(t.x)} x2={f(t.x)} y1={f(top)} y2={f(axis_y + 4.0)} class="tl-grid" />
                <text x={f(t.x)} y={f(axis_y + 15.0)} text-anchor="middle">{ &t.label }</text>
                if let Some(d) = &t.date {
                    <text class="tl-date" x={f(t.x)} y={f(axis_y + 28.0)} text-anchor="middle">{ d }</text>
                }
            </g>
        }
    });

    let stripes = (0..row).map(|n| {
        html! {
            <rect class={classes!("tl-stripe", (n % 2 == 1).then_some("odd"))} x="0" y={f(row_y(n))}
                width={f(l.width)} height={f(tl::ROW)} />
        }
    });

    html! {
        <figure class="timeline" id={id.clone()}>
            <svg class="tl" viewBox={format!("0 0 {} {}", f(l.width), f(l.height))} role="img"
                aria-labelledby={title_id.clone()} font-size={f(tl::FONT)}>
                <title id={title_id}>{ pick(&l.summary) }</title>
                <defs>
                    <pattern id={fm_pat.clone()} class="tl-fm-pattern" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" class="tl-fm-bg" />
                        <line x1="0" y1="0" x2="0" y2="6" />
                    </pattern>
                    <pattern id={pause_pat.clone()} class="tl-pause-pattern" width="5" height="5" patternUnits="userSpaceOnUse">
                        <rect width="5" height="5" class="tl-pause-bg" />
                        <circle cx="2.5" cy="2.5" r="1" />
                    </pattern>
                </defs>
                { for stripes }
                { for ticks }
                { for bands }
                { for moments }
                { for down }
                { for deadlines }
                <line class="tl-axis" x1={f(tl::PLOT_LEFT)} x2={f(l.width - 14.0)} y1={f(axis_y)} y2={f(axis_y)} />
            </svg>
            <figcaption class="tl-legend">
                <span><svg viewBox="-7 -7 14 14" class="tl-key met" aria-hidden="true"><path class="tl-due" d="M0 -5.5L5.5 0L0 5.5L-5.5 0Z" /></svg>{ bi(("按时 ✓", "met ✓")) }</span>
                <span><svg viewBox="-7 -7 14 14" class="tl-key missed" aria-hidden="true"><path class="tl-due" d="M-5.5 -5.5L5.5 5.5M-5.5 5.5L5.5 -5.5" /></svg>{ bi(("超时 ✗(红条为超出时间)", "missed ✗ (the bar is the lateness)")) }</span>
                <span><svg viewBox="-7 -7 14 14" class="tl-key pending" aria-hidden="true"><path class="tl-due" d="M0 -5.5L5.5 0L0 5.5L-5.5 0Z" /></svg>{ bi(("未到期 …", "pending …")) }</span>
                <span><svg viewBox="-7 -7 14 14" class="tl-key" aria-hidden="true"><circle class="tl-actual" r="3.2" /></svg>{ bi(("实际时间", "actual time")) }</span>
                if l.bands.iter().any(|b| b.kind == BandKind::ForceMajeure) {
                    <span><svg viewBox="0 0 14 14" class="tl-key" aria-hidden="true"><rect class="tl-band tl-fm" width="14" height="14" fill={format!("url(#{id}-fm)")} /></svg>{ bi(("不可抗力 L5.1", "force majeure L5.1")) }</span>
                }
                if l.bands.iter().any(|b| b.kind == BandKind::Pause) {
                    <span><svg viewBox="0 0 14 14" class="tl-key" aria-hidden="true"><rect class="tl-band tl-pause" width="14" height="14" fill={format!("url(#{id}-pause)")} /></svg>{ bi(("客户方暂停 L3.4", "customer pause L3.4")) }</span>
                }
                <span class="tl-tz">{ "UTC+08:00" }</span>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    //! The timeline drawn in headless Chromium (`make wasm-test`).
    use super::{Timeline, TimelineProps};
    use crate::test_util::settle;
    use std::rc::Rc;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    async fn the_worked_example_draws_its_missed_restore_as_a_cross() {
        let case = slacalc::parse_case(include_str!("../../../examples/worked-example.json"))
            .expect("example");
        let as_of = slacalc::Instant::parse("2026-01-01T00:00:00+08:00").expect("time");
        let a = slacalc::assess(&case, as_of).expect("assessed");
        let root = crate::test_util::root();
        yew::Renderer::<Timeline>::with_root_and_props(
            root.clone(),
            TimelineProps {
                id: "t".into(),
                incident: Rc::new(case.incidents[0].clone()),
                result: Rc::new(a.incidents[0].clone()),
                as_of: a.as_of,
                width: super::tl::WIDTH,
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
