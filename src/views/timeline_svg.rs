//! The timeline's SVG markup, written from its layout (`timeline_layout`): a pure function,
//! tested natively. Every text that comes from the case (ids, force-majeure kinds) is escaped;
//! the page inserts the markup as it is (one node for the whole drawing, which keeps the
//! page's wasm small: issue #8's size budget).

use crate::state::timeline_layout::{self as tl, BandKind, DeadlineRow, Down, Layout, Mark};
use crate::views::markup::push_esc;
use slacalc::deadline::Status;

/// Markup being written: raw markup, numbers and escaped text, appended in turn (small
/// code, no formatting machinery).
struct W(String);

impl W {
    /// Markup as it is.
    fn s(&mut self, markup: &str) -> &mut W {
        self.0.push_str(markup);
        self
    }

    /// A number to one decimal.
    fn n(&mut self, x: f64) -> &mut W {
        push_num(&mut self.0, x);
        self
    }

    /// Text, escaped.
    fn t(&mut self, text: &str) -> &mut W {
        push_esc(&mut self.0, text);
        self
    }
}

/// Appends `x` to one decimal (`-3.5`), without the float formatter.
fn push_num(out: &mut String, x: f64) {
    let tenths = (x * 10.0).round() as i64;
    if tenths < 0 {
        out.push('-');
    }
    let t = tenths.unsigned_abs();
    let mut digits = [0u8; 20];
    let (mut n, mut i) = (t / 10, digits.len());
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[i..].iter().map(|&d| char::from(d)));
    out.push('.');
    out.push(char::from(b'0' + (t % 10) as u8));
}

/// A coordinate to one decimal (without the float formatter, which would weigh on the wasm).
#[cfg(test)]
fn num(x: f64) -> String {
    let mut s = String::new();
    push_num(&mut s, x);
    s
}

/// The row glyph of a status (its meaning without colour).
pub fn glyph(s: Status) -> &'static str {
    match s {
        Status::Met => "✓",
        Status::Missed => "✗",
        Status::Pending => "…",
    }
}

/// The class of a status.
pub fn class(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::Missed => "missed",
        Status::Pending => "pending",
    }
}

/// A path through `points` (a cross draws two strokes: `M` starts each).
fn path(w: &mut W, points: &[(char, f64, f64)]) {
    for &(cmd, x, y) in points {
        let mut buf = [0u8; 4];
        w.s(cmd.encode_utf8(&mut buf)).n(x).s(" ").n(y);
    }
}

/// A line from (x1, y1) to (x2, y2) with a class.
fn line(w: &mut W, class: &str, x1: f64, x2: f64, y1: f64, y2: f64) {
    w.s(r#"<line class=""#)
        .s(class)
        .s(r#"" x1=""#)
        .n(x1)
        .s(r#"" x2=""#)
        .n(x2);
    w.s(r#"" y1=""#).n(y1).s(r#"" y2=""#).n(y2).s(r#""/>"#);
}

/// The opening of a rectangle (attributes may follow; close with `/>` or `>`).
fn rect(w: &mut W, class: &str, x: f64, y: f64, width: f64, height: f64) {
    w.s(r#"<rect class=""#)
        .s(class)
        .s(r#"" x=""#)
        .n(x)
        .s(r#"" y=""#)
        .n(y);
    w.s(r#"" width=""#)
        .n(width)
        .s(r#"" height=""#)
        .n(height)
        .s("\"");
}

/// A text element.
fn text(w: &mut W, class: &str, x: f64, y: f64, middle: bool, content: &str) {
    w.s(r#"<text class=""#)
        .s(class)
        .s(r#"" x=""#)
        .n(x)
        .s(r#"" y=""#)
        .n(y)
        .s("\"");
    if middle {
        w.s(r#" text-anchor="middle""#);
    }
    w.s(">").t(content).s("</text>");
}

/// The text of a pair in the language asked for.
fn pick(t: &tl::Both, en: bool) -> &str {
    if en {
        &t.1
    } else {
        &t.0
    }
}

/// The top of row `n` (the interruption's row first, then one row per deadline).
fn row_y(l: &Layout, n: usize) -> f64 {
    l.rows_top + n as f64 * tl::ROW
}

/// The baseline of row `n`'s name.
fn text_y(l: &Layout, n: usize) -> f64 {
    row_y(l, n) + tl::ROW / 2.0 + tl::FONT * 0.35
}

/// The `<svg>` element's opening, its title (the summary) and the band patterns.
fn open(w: &mut W, l: &Layout, id: &str, en: bool) {
    w.s(r#"<svg xmlns="http://www.w3.org/2000/svg" class="tl" viewBox="0 0 "#)
        .n(l.width)
        .s(" ")
        .n(l.height);
    w.s(r#"" role="img" aria-labelledby=""#)
        .t(id)
        .s(r#"-title" font-size=""#);
    w.n(tl::FONT).s(r#""><title id=""#).t(id).s(r#"-title">"#);
    w.t(pick(&l.summary, en)).s("</title><defs>");
    w.s(r#"<pattern id=""#).t(id).s(r#"-fm" class="tl-fm-pattern" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="tl-fm-bg"/><line x1="0" y1="0" x2="0" y2="6"/></pattern>"#);
    w.s(r#"<pattern id=""#).t(id).s(r#"-pause" class="tl-pause-pattern" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" class="tl-pause-bg"/><circle cx="2.5" cy="2.5" r="1"/></pattern></defs>"#);
}

/// What lies behind the rows: their stripes, the time grid with its labels, the
/// force-majeure and pause bands, and the moments (report, interruption, restoration,
/// assessment time) with their labels above the rows.
fn backdrop(w: &mut W, l: &Layout, id: &str, en: bool) {
    let (top, bottom) = (l.rows_top, l.rows_bottom);
    let rows = usize::from(l.down.is_some()) + l.deadlines.len();
    for n in 0..rows {
        let class = if n % 2 == 1 {
            "tl-stripe odd"
        } else {
            "tl-stripe"
        };
        rect(w, class, 0.0, row_y(l, n), l.width, tl::ROW);
        w.s("/>");
    }
    for t in &l.ticks {
        w.s(r#"<g class="tl-tick">"#);
        line(w, "tl-grid", t.x, t.x, top, bottom + 4.0);
        text(w, "", t.x, bottom + 15.0, true, &t.label);
        if let Some(d) = &t.date {
            text(w, "tl-date", t.x, bottom + 28.0, true, d);
        }
        w.s("</g>");
    }
    for b in &l.bands {
        let kind = match b.kind {
            BandKind::ForceMajeure => "fm",
            BandKind::Pause => "pause",
        };
        let class = if kind == "fm" {
            "tl-band tl-fm"
        } else {
            "tl-band tl-pause"
        };
        rect(w, class, b.x, top, b.w, bottom - top);
        w.s(r#" fill="url(#"#)
            .t(id)
            .s("-")
            .s(kind)
            .s(r#")"><title>"#);
        w.t(pick(&b.title, en)).s("</title></rect>");
    }
    for m in &l.moments {
        let class = match m.mark {
            Mark::Reported => "tl-reported",
            Mark::Interrupted => "tl-interrupted",
            Mark::Restored => "tl-restored",
            Mark::AsOf => "tl-asof",
        };
        let label = pick(&m.label, en);
        let half = tl::text_width(label, tl::FONT) / 2.0;
        let cx = tl::within(m.x, half + 2.0, l.width - half - 2.0);
        let ly = top - 4.0 - m.lane as f64 * tl::LANE - 3.0;
        w.s(r#"<g class="tl-moment "#).s(class).s(r#"">"#);
        line(w, "", m.x, m.x, top - 3.0, bottom);
        text(w, "", cx, ly, true, label);
        w.s("</g>");
    }
}

/// The interruption's row (row 0): its bar, and an arrow while it goes on.
fn down_row(w: &mut W, l: &Layout, d: &Down, en: bool) {
    let y = row_y(l, 0);
    w.s(r#"<g class="tl-row tl-down-row"#);
    if d.ongoing {
        w.s(" ongoing");
    }
    w.s(r#"">"#);
    text(
        w,
        "tl-name",
        6.0,
        text_y(l, 0),
        false,
        if en { "Service down" } else { "服务中断" },
    );
    rect(w, "tl-down", d.x, y + 5.0, d.w, tl::ROW - 10.0);
    w.s(r#" rx="2"><title>"#)
        .t(pick(&d.title, en))
        .s("</title></rect>");
    if d.ongoing {
        let (x, h) = (d.x + d.w, (tl::ROW - 10.0) / 2.0);
        w.s(r#"<path class="tl-ongoing" d=""#);
        path(
            w,
            &[
                ('M', x, y + 5.0),
                ('L', x + 6.0, y + 5.0 + h),
                ('L', x, y + 5.0 + 2.0 * h),
            ],
        );
        w.s(r#""/>"#);
    }
    w.s("</g>");
}

/// Row `row`: one deadline, its window from start to due, its lateness, its due time as a
/// marker and its actual time.
fn deadline_row(w: &mut W, l: &Layout, row: usize, d: &DeadlineRow, en: bool) {
    let y = row_y(l, row) + tl::ROW / 2.0;
    let (zh, en_name) = slacalc::names::Named::names(&d.kind);
    let status = class(d.status);
    let kind = match d.kind {
        slacalc::deadline::DeadlineKind::PhoneResponse => "PhoneResponse",
        slacalc::deadline::DeadlineKind::RemoteAccess => "RemoteAccess",
        slacalc::deadline::DeadlineKind::Response => "Response",
        slacalc::deadline::DeadlineKind::Restore => "Restore",
    };
    w.s(r#"<g class="tl-row tl-deadline "#)
        .s(status)
        .s(r#"" data-kind=""#)
        .s(kind);
    w.s(r#"" data-status=""#)
        .s(status)
        .s(r#""><title>"#)
        .t(pick(&d.title, en))
        .s("</title>");
    w.s(r#"<text class="tl-name" x="6" y=""#)
        .n(text_y(l, row))
        .s(r#"">"#);
    w.t(if en { en_name } else { zh })
        .s(" ")
        .s(glyph(d.status))
        .s("</text>");
    line(w, "tl-window", d.from_x, d.due_x, y, y);
    line(w, "tl-start", d.from_x, d.from_x, y - 4.0, y + 4.0);
    if let Some((a, b)) = d.late {
        rect(w, "tl-late", a, y - 3.0, (b - a).max(1.0), 6.0);
        w.s("/>");
    }
    // The due time: a diamond (met: filled; pending: hollow, by its class) or, missed, a
    // cross.
    let (x, r) = (d.due_x, 5.5);
    w.s(r#"<path class="tl-due" d=""#);
    if d.status == Status::Missed {
        path(
            w,
            &[
                ('M', x - r, y - r),
                ('L', x + r, y + r),
                ('M', x - r, y + r),
                ('L', x + r, y - r),
            ],
        );
    } else {
        path(
            w,
            &[
                ('M', x, y - r),
                ('L', x + r, y),
                ('L', x, y + r),
                ('L', x - r, y),
            ],
        );
        w.s("Z");
    }
    w.s(r#""/>"#);
    if let Some(x) = d.actual_x {
        w.s(r#"<circle class="tl-actual" cx=""#)
            .n(x)
            .s(r#"" cy=""#)
            .n(y)
            .s(r#"" r="3.2"/>"#);
    }
    w.s("</g>");
}

/// The SVG of a timeline; `id` prefixes its element ids, `en` picks English texts.
pub fn svg(l: &Layout, id: &str, en: bool) -> String {
    let mut w = W(String::with_capacity(4096));
    let w = &mut w;
    open(w, l, id, en);
    backdrop(w, l, id, en);
    let mut row = 0;
    if let Some(d) = &l.down {
        down_row(w, l, d, en);
        row += 1;
    }
    for d in &l.deadlines {
        deadline_row(w, l, row, d, en);
        row += 1;
    }
    line(
        w,
        "tl-axis",
        tl::PLOT_LEFT,
        l.width - 14.0,
        l.rows_bottom,
        l.rows_bottom,
    );
    w.s("</svg>");
    std::mem::take(&mut w.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> slacalc::Instant {
        slacalc::Instant::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn numbers_have_one_decimal() {
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(0.06), "0.1");
        assert_eq!(num(-3.25), "-3.3");
        assert_eq!(num(640.0), "640.0");
    }

    #[test]
    fn the_worked_example_draws_its_missed_restore_as_a_red_cross() {
        let case = slacalc::parse_case(include_str!("../../examples/worked-example.json"))
            .expect("example");
        let a = slacalc::assess(&case, at("2026-01-01T00:00:00+08:00")).expect("assessed");
        let l = tl::layout(&case.incidents[0], &a.incidents[0], a.as_of, tl::WIDTH);
        let s = svg(&l, "t", true);
        assert!(s.starts_with("<svg") && s.ends_with("</svg>"));
        assert_eq!(s.matches(r#"class="tl-row tl-deadline "#).count(), 3);
        assert!(
            s.contains(r#"data-kind="Restore" data-status="missed""#),
            "{s}"
        );
        assert_eq!(s.matches(r#"class="tl-late""#).count(), 1);
        assert!(s.contains(">Service down</text>"));
        assert!(svg(&l, "t", false).contains(">服务中断</text>"));
        assert!(s.contains(r#"aria-labelledby="t-title""#));
    }

    #[test]
    fn text_from_the_case_is_escaped() {
        let mut case = slacalc::parse_case(include_str!("../../examples/worked-example.json"))
            .expect("example");
        let payload = r#"<img src=x onerror="alert(1)">&'"#;
        case.incidents[0].id = payload.into();
        case.incidents[0].force_majeure = vec![slacalc::case::ForceMajeure {
            kind: payload.into(),
            start: at("2025-03-03T09:00:00+08:00"),
            end: at("2025-03-03T10:00:00+08:00"),
        }];
        let a = slacalc::assess(&case, at("2026-01-01T00:00:00+08:00")).expect("assessed");
        let l = tl::layout(&case.incidents[0], &a.incidents[0], a.as_of, tl::WIDTH);
        for en in [true, false] {
            let s = svg(&l, "t\"><script>", en);
            assert!(!s.contains("<img") && !s.contains("<script"), "{s}");
            assert!(s.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;"));
        }
    }
}
