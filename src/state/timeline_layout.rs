//! The geometry of an incident's timeline (issue #6): where each instant, band and deadline
//! of an assessed incident sits on a time axis, which ticks the axis gets and how labels are
//! stacked so that none overlaps another. Pure functions of the engine's result, tested
//! natively; `timeline.rs` only turns the layout into SVG.

use slacalc::assess::IncidentResult;
use slacalc::case::Incident;
use slacalc::deadline::{DeadlineKind, Status};
use slacalc::time::DAY;
use slacalc::Instant;

/// Width of the drawing in SVG units on screen (it scales to its box).
pub const WIDTH: f64 = 640.0;
/// Where the time axis starts (left of it: the row names).
pub const PLOT_LEFT: f64 = 118.0;
/// Room right of the axis.
const PLOT_MARGIN: f64 = 14.0;
/// Height of one row (the interruption, or one deadline).
pub const ROW: f64 = 24.0;
/// Height of one lane of instant labels above the rows.
pub const LANE: f64 = 14.0;
/// Font size of labels, in SVG units.
pub const FONT: f64 = 11.0;

/// A text in Chinese and English.
pub type Both = (String, String);

/// `x` kept between `lo` and `hi` (`lo` wins if they cross). Not `f64::clamp`: its check
/// formats floats, which would bring the float formatter into the page's wasm.
pub fn within(x: f64, lo: f64, hi: f64) -> f64 {
    x.min(hi).max(lo)
}

/// A linear map from time (epoch seconds) to x.
#[derive(Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct Scale {
    /// The earliest time shown (epoch seconds).
    pub t0: i64,
    /// The latest time shown.
    pub t1: i64,
    /// Where `t0` is drawn.
    pub x0: f64,
    /// Where `t1` is drawn.
    pub x1: f64,
}

impl Scale {
    /// The scale that shows every time in `times` between `x0` and `x1`, with a margin of
    /// 3 % each side and at least one hour in all.
    pub fn fit(times: impl IntoIterator<Item = i64>, x0: f64, x1: f64) -> Scale {
        let (mut lo, mut hi) = (i64::MAX, i64::MIN);
        for t in times {
            lo = lo.min(t);
            hi = hi.max(t);
        }
        if lo > hi {
            (lo, hi) = (0, 3600);
        }
        if hi - lo < 3600 {
            let mid = lo + (hi - lo) / 2;
            (lo, hi) = (mid - 1800, mid + 1800);
        }
        let pad = (hi - lo) * 3 / 100;
        Scale {
            t0: lo - pad,
            t1: hi + pad,
            x0,
            x1,
        }
    }

    /// The x of `t` (outside the domain: the nearest end).
    pub fn x(&self, t: i64) -> f64 {
        let span = (self.t1 - self.t0).max(1) as f64;
        let f = within((t - self.t0) as f64 / span, 0.0, 1.0);
        self.x0 + f * (self.x1 - self.x0)
    }
}

/// One tick of the time axis.
#[derive(Clone, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct Tick {
    /// Where it is drawn.
    pub x: f64,
    /// `08:00`, or `03-04` when ticks are days apart.
    pub label: String,
    /// The date under the first tick and wherever the date changes (`2025-03-03`, `03-04`).
    pub date: Option<String>,
}

/// Steps a tick may take, in seconds: minutes to weeks.
const STEPS: [i64; 17] = [
    300,
    600,
    900,
    1800,
    3600,
    2 * 3600,
    3 * 3600,
    6 * 3600,
    12 * 3600,
    DAY,
    2 * DAY,
    7 * DAY,
    14 * DAY,
    28 * DAY,
    91 * DAY,
    182 * DAY,
    364 * DAY,
];

/// UTC+08:00, the contract's clock (L1.1): ticks fall on its whole hours and days.
const OFFSET: i64 = 8 * 3600;

/// The smallest step that puts at most `max` ticks on the scale.
pub fn tick_step(s: &Scale, max: usize) -> i64 {
    let span = (s.t1 - s.t0).max(1);
    let max = max.max(1) as i64;
    STEPS
        .iter()
        .copied()
        .find(|step| span / step <= max)
        .unwrap_or(STEPS[STEPS.len() - 1])
}

/// The ticks of the axis: at most one per `min_gap` units of width, on whole steps of the
/// contract's local time, each labelled with its time (or date), and the date shown under
/// the first tick and wherever it changes.
pub fn ticks(s: &Scale, min_gap: f64) -> Vec<Tick> {
    let max = (((s.x1 - s.x0) / min_gap).floor() as usize).max(1);
    let step = tick_step(s, max);
    let first = (s.t0 + OFFSET).div_euclid(step) * step - OFFSET;
    let mut out = Vec::new();
    let mut last_date = String::new();
    let mut t = if first < s.t0 { first + step } else { first };
    while t <= s.t1 {
        let Ok(i) = Instant::from_secs(t) else { break };
        let short = i.short(); // YYYY-MM-DD HH:MM
        let (date, time) = short.split_once(' ').unwrap_or((&short, ""));
        let date = date.to_string();
        let label = if step >= DAY {
            date[5..].to_string()
        } else {
            time.to_string()
        };
        let shown = (step < DAY && date != last_date).then(|| {
            if last_date.is_empty() {
                date.clone()
            } else {
                date[5..].to_string()
            }
        });
        let shown = if step >= DAY && last_date.is_empty() {
            Some(date[..4].to_string())
        } else {
            shown
        };
        last_date = date;
        out.push(Tick {
            x: s.x(t),
            label,
            date: shown,
        });
        t += step;
    }
    out
}

/// Estimated width of `text` at `font` size: a Chinese character is one em, other
/// characters about 0.6 em.
pub fn text_width(text: &str, font: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum::<f64>()
        * font
}

/// Stacks labels so that none overlaps another: each `(centre, width)` goes to the lowest
/// lane where it clears the labels already there by `gap`. Returns the lane of each label,
/// in the order given.
pub fn lanes(labels: &[(f64, f64)], gap: f64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..labels.len()).collect();
    slacalc::order::sort_by(&mut order, |&a, &b| labels[a].0.total_cmp(&labels[b].0));
    let mut ends: Vec<f64> = Vec::new();
    let mut out = vec![0; labels.len()];
    for i in order {
        let (centre, width) = labels[i];
        let left = centre - width / 2.0;
        let lane = match ends.iter().position(|&end| end + gap <= left) {
            Some(l) => l,
            None => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
        };
        ends[lane] = centre + width / 2.0;
        out[i] = lane;
    }
    out
}

/// What a band shades.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandKind {
    /// Force majeure (L5.1): extends the deadlines, never a penalty day.
    ForceMajeure,
    /// A customer-side pause (L3.4).
    Pause,
}

/// A shaded span across every row.
#[derive(Clone, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct Band {
    /// Force majeure or a customer pause.
    pub kind: BandKind,
    /// Where it starts.
    pub x: f64,
    /// How wide it is.
    pub w: f64,
    /// What it is, from when to when (its tooltip).
    pub title: Both,
}

/// What an instant on top of the rows is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The report (L1).
    Reported,
    /// The start of the interruption.
    Interrupted,
    /// The restoration of normal service.
    Restored,
    /// The assessment time (while the service is still down).
    AsOf,
}

/// An instant drawn as a line across the rows, labelled above them.
#[derive(Clone, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct Moment {
    /// Which instant.
    pub mark: Mark,
    /// Where it is drawn.
    pub x: f64,
    /// Lane of its label (0 = nearest the rows).
    pub lane: usize,
    /// Its label: what and when.
    pub label: Both,
}

/// One deadline's row: the window its clock runs, its due time, the actual time and the
/// lateness.
#[derive(Clone, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct DeadlineRow {
    /// Which commitment.
    pub kind: DeadlineKind,
    /// Met, missed or pending.
    pub status: Status,
    /// The clause it comes from.
    pub clause: String,
    /// The window from the clock's start to the due time.
    pub from_x: f64,
    /// Where the due time is drawn.
    pub due_x: f64,
    /// When it was done.
    pub actual_x: Option<f64>,
    /// Past the due time: until it was done, or until the assessment time if it was not.
    pub late: Option<(f64, f64)>,
    /// Its summary: name, due, actual, status (also the marker's tooltip).
    pub title: Both,
}

/// The interruption: from its start to the restoration (or, still interrupted, to the
/// assessment time).
#[derive(Clone, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct Down {
    /// Where the interruption starts.
    pub x: f64,
    /// How wide it is.
    pub w: f64,
    /// The service is still down at the assessment time.
    pub ongoing: bool,
    /// From when to when, and how long (its tooltip).
    pub title: Both,
}

/// The whole drawing of one incident.
#[derive(Clone, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct Layout {
    /// Height of the drawing in SVG units.
    pub height: f64,
    /// Top of the first row (below the label lanes).
    pub rows_top: f64,
    /// Bottom of the last row (the axis).
    pub rows_bottom: f64,
    /// The interruption's row, if the service was interrupted.
    pub down: Option<Down>,
    /// One row per deadline, in the engine's order.
    pub deadlines: Vec<DeadlineRow>,
    /// Force-majeure and pause bands.
    pub bands: Vec<Band>,
    /// The instants drawn across the rows.
    pub moments: Vec<Moment>,
    /// The time axis's ticks.
    pub ticks: Vec<Tick>,
    /// The whole timeline in words (the drawing's accessible name).
    pub summary: Both,
    /// Width of the drawing in SVG units.
    pub width: f64,
}

/// A duration in both languages (`28小时50分钟`, the English as the engine writes it).
fn late_text(secs: i64) -> Both {
    (
        slacalc::time::human_duration_zh(secs),
        slacalc::time::human_duration(secs),
    )
}

/// Lays out the timeline of `inc` as assessed in `r` at `as_of`, `width` units wide (a
/// narrower drawing has fewer ticks and, scaled to the same box, larger text).
pub fn layout(inc: &Incident, r: &IncidentResult, as_of: Instant, width: f64) -> Layout {
    let plot_right = width - PLOT_MARGIN;
    let now = as_of.secs();
    let mut times = vec![inc.reported_at.secs()];
    let restored = inc.restored_at.map(|t| t.secs());
    if let Some(from) = inc.interrupted_from {
        times.push(from.secs());
        times.push(restored.unwrap_or(now));
    }
    for d in &r.deadlines {
        times.extend([d.from.secs(), d.due.secs()]);
        match d.actual {
            Some(a) => times.push(a.secs()),
            None if d.status == Status::Missed => times.push(now),
            None => {}
        }
    }
    for f in &inc.force_majeure {
        times.extend([f.start.secs(), f.end.secs()]);
    }
    for p in &inc.customer_pauses {
        times.extend([p.start.secs(), p.end.secs()]);
    }
    let scale = Scale::fit(times.iter().copied(), PLOT_LEFT, plot_right);

    // The instants above the rows, stacked in lanes so their labels never overlap; times
    // on another day than the first instant's show their date.
    let day = inc
        .interrupted_from
        .map_or(inc.reported_at, |f| f.min(inc.reported_at));
    let mut moments: Vec<(Mark, i64, Both)> = vec![(
        Mark::Reported,
        inc.reported_at.secs(),
        (
            format!("报告 {}", hm(inc.reported_at, day)),
            format!("Reported {}", hm(inc.reported_at, day)),
        ),
    )];
    if let Some(from) = inc.interrupted_from {
        moments.push((
            Mark::Interrupted,
            from.secs(),
            (
                format!("中断 {}", hm(from, day)),
                format!("Down {}", hm(from, day)),
            ),
        ));
        match inc.restored_at {
            Some(to) => moments.push((
                Mark::Restored,
                to.secs(),
                (
                    format!("恢复 {}", hm(to, day)),
                    format!("Restored {}", hm(to, day)),
                ),
            )),
            None => moments.push((
                Mark::AsOf,
                now,
                (
                    format!("评估时 {}", hm(as_of, day)),
                    format!("As of {}", hm(as_of, day)),
                ),
            )),
        }
    }
    let sized: Vec<(f64, f64)> = moments
        .iter()
        .map(|(_, t, (zh, en))| {
            let w = text_width(zh, FONT).max(text_width(en, FONT));
            (scale.x(*t), w)
        })
        .collect();
    // A label may not leave the drawing: its centre is kept half its width inside.
    let sized: Vec<(f64, f64)> = sized
        .into_iter()
        .map(|(x, w)| (within(x, w / 2.0 + 2.0, width - w / 2.0 - 2.0), w))
        .collect();
    let lane_of = lanes(&sized, 6.0);
    let n_lanes = lane_of.iter().max().map_or(1, |m| m + 1);
    let rows_top = 4.0 + n_lanes as f64 * LANE + 4.0;
    let moments: Vec<Moment> = moments
        .into_iter()
        .zip(lane_of)
        .map(|((mark, t, label), lane)| Moment {
            mark,
            x: scale.x(t),
            lane,
            label,
        })
        .collect();

    let down = inc.interrupted_from.map(|from| {
        let to = restored.unwrap_or(now);
        let (a, b) = (scale.x(from.secs()), scale.x(to));
        let len = to - from.secs();
        Down {
            x: a,
            w: (b - a).max(1.5),
            ongoing: restored.is_none(),
            title: (
                format!(
                    "服务中断 {} – {}({}{})",
                    from.short(),
                    Instant::from_secs(to)
                        .map(|t| t.short())
                        .unwrap_or_default(),
                    late_text(len).0,
                    if restored.is_none() { ",仍中断" } else { "" }
                ),
                format!(
                    "Service down {} – {} ({}{})",
                    from.short(),
                    Instant::from_secs(to)
                        .map(|t| t.short())
                        .unwrap_or_default(),
                    late_text(len).1,
                    if restored.is_none() {
                        ", still down"
                    } else {
                        ""
                    }
                ),
            ),
        }
    });

    let deadlines = r
        .deadlines
        .iter()
        .map(|d| {
            let (name_zh, name_en) = slacalc::names::Named::names(&d.kind);
            let (st_zh, st_en) = slacalc::names::Named::names(&d.status);
            let late_end = match (d.status, d.actual) {
                (Status::Missed, Some(a)) => Some(a.secs()),
                (Status::Missed, None) => Some(now),
                _ => None,
            };
            let actual = d.actual.map(|a| a.short());
            let late = (d.late_seconds > 0).then(|| late_text(d.late_seconds));
            DeadlineRow {
                kind: d.kind,
                status: d.status,
                clause: d.clause.clone(),
                from_x: scale.x(d.from.secs()),
                due_x: scale.x(d.due.secs()),
                actual_x: d.actual.map(|a| scale.x(a.secs())),
                late: late_end.map(|e| (scale.x(d.due.secs()), scale.x(e))),
                title: (
                    format!(
                        "{name_zh}({}):截止 {},实际 {},{st_zh}{}",
                        d.clause,
                        d.due.short(),
                        actual.clone().unwrap_or_else(|| "—".into()),
                        late.as_ref()
                            .map(|l| format!(" {}", l.0))
                            .unwrap_or_default()
                    ),
                    format!(
                        "{name_en} ({}): due {}, actual {}, {st_en}{}",
                        d.clause,
                        d.due.short(),
                        actual.unwrap_or_else(|| "—".into()),
                        late.as_ref()
                            .map(|l| format!(" by {}", l.1))
                            .unwrap_or_default()
                    ),
                ),
            }
        })
        .collect::<Vec<_>>();

    let mut bands: Vec<Band> = inc
        .force_majeure
        .iter()
        .map(|f| {
            let (a, b) = (scale.x(f.start.secs()), scale.x(f.end.secs()));
            Band {
                kind: BandKind::ForceMajeure,
                x: a,
                w: (b - a).max(1.5),
                title: (
                    format!(
                        "不可抗力({})L5.1:{} – {}",
                        f.kind,
                        f.start.short(),
                        f.end.short()
                    ),
                    format!(
                        "Force majeure ({}) L5.1: {} – {}",
                        f.kind,
                        f.start.short(),
                        f.end.short()
                    ),
                ),
            }
        })
        .collect();
    bands.extend(inc.customer_pauses.iter().map(|p| {
        let (a, b) = (scale.x(p.start.secs()), scale.x(p.end.secs()));
        Band {
            kind: BandKind::Pause,
            x: a,
            w: (b - a).max(1.5),
            title: (
                format!("客户方暂停 L3.4:{} – {}", p.start.short(), p.end.short()),
                format!(
                    "Customer pause L3.4: {} – {}",
                    p.start.short(),
                    p.end.short()
                ),
            ),
        }
    }));

    let rows = usize::from(down.is_some()) + deadlines.len();
    let rows_bottom = rows_top + rows.max(1) as f64 * ROW;
    let height = rows_bottom + 34.0;
    let summary = summary(inc, r, &down);
    Layout {
        height,
        rows_top,
        rows_bottom,
        down,
        deadlines,
        bands,
        moments,
        ticks: ticks(&scale, 70.0),
        summary,
        width,
    }
}

/// `08:10` on the day of `day`, else `03-04 15:00` (the time of day alone is not enough
/// on a timeline of several days).
fn hm(t: Instant, day: Instant) -> String {
    let (s, d) = (t.short(), day.short());
    if s[..10] == d[..10] {
        s[11..].to_string()
    } else {
        s[5..].to_string()
    }
}

/// The timeline in words: the interruption, then each deadline and how it went.
fn summary(inc: &Incident, r: &IncidentResult, down: &Option<Down>) -> Both {
    let mut zh = format!(
        "事件 {} 的时间线:报告于 {}",
        inc.id,
        inc.reported_at.short()
    );
    let mut en = format!(
        "Timeline of incident {}: reported {}",
        inc.id,
        inc.reported_at.short()
    );
    if let Some(d) = down {
        zh.push(';');
        zh.push_str(&d.title.0);
        en.push_str("; ");
        en.push_str(&d.title.1);
    }
    for d in &r.deadlines {
        let (k_zh, k_en) = slacalc::names::Named::names(&d.kind);
        let (s_zh, s_en) = slacalc::names::Named::names(&d.status);
        zh.push_str(&format!(";{k_zh}截止 {},{s_zh}", d.due.short()));
        en.push_str(&format!("; {k_en} due {}, {s_en}", d.due.short()));
    }
    zh.push('。');
    en.push('.');
    (zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn worked() -> (slacalc::Case, slacalc::Assessment) {
        let case = slacalc::parse_case(include_str!("../../examples/worked-example.json"))
            .expect("example");
        let a = slacalc::assess(&case, at("2026-01-01T00:00:00+08:00")).expect("assessed");
        (case, a)
    }

    #[test]
    fn the_scale_maps_its_domain_onto_its_range_and_clamps() {
        let s = Scale::fit([1000, 1000 + 10 * 3600], 100.0, 600.0);
        assert!(s.t0 < 1000 && s.t1 > 1000 + 10 * 3600);
        assert!((s.x(s.t0) - 100.0).abs() < 1e-9);
        assert!((s.x(s.t1) - 600.0).abs() < 1e-9);
        assert!(s.x(1000) < s.x(2000));
        assert_eq!(s.x(i64::MIN / 2), 100.0);
        assert_eq!(s.x(i64::MAX / 2), 600.0);
        // One instant alone still gets an hour around it.
        let one = Scale::fit([5000], 0.0, 10.0);
        assert!(one.t1 - one.t0 >= 3600);
        assert!((one.x(5000) - 5.0).abs() < 0.01);
    }

    #[test]
    fn ticks_fall_on_whole_local_hours_and_name_each_new_date() {
        // 2025-03-03 08:00 to 2025-03-04 15:00 (+08:00), 500 units wide, ≥ 70 apart.
        let from = at("2025-03-03T08:00:00+08:00").secs();
        let to = at("2025-03-04T15:00:00+08:00").secs();
        let s = Scale::fit([from, to], 0.0, 500.0);
        let t = ticks(&s, 70.0);
        assert!(t.len() <= 7 && t.len() >= 3, "{t:?}");
        assert!(t.windows(2).all(|w| w[1].x - w[0].x >= 70.0 - 1e-9));
        // Six-hour steps on whole local hours: 12:00, 18:00, 00:00 …
        assert!(t.iter().all(|k| k.label.ends_with(":00")), "{t:?}");
        assert_eq!(t[0].date.as_deref(), Some("2025-03-03"));
        let midnight = t.iter().find(|k| k.label == "00:00").expect("midnight");
        assert_eq!(midnight.date.as_deref(), Some("03-04"));
        assert_eq!(t.iter().filter(|k| k.date.is_some()).count(), 2);
        // Weeks: days as labels, the year once.
        let long = Scale::fit([from, from + 60 * DAY], 0.0, 500.0);
        let t = ticks(&long, 70.0);
        assert!(t.iter().all(|k| k.label.len() == 5), "{t:?}");
        assert_eq!(t[0].date.as_deref(), Some("2025"));
    }

    #[test]
    fn labels_that_would_overlap_go_to_another_lane() {
        // Three labels 40 wide: the second overlaps the first, the third clears it.
        let l = lanes(
            &[(100.0, 40.0), (120.0, 40.0), (200.0, 40.0), (110.0, 10.0)],
            4.0,
        );
        assert_eq!(l[0], 0);
        assert_eq!(l[2], 0);
        assert_ne!(l[1], l[0]);
        assert_ne!(l[3], l[0]);
        assert_ne!(l[3], l[1]);
        assert!(lanes(&[], 4.0).is_empty());
        assert!(text_width("报告", 10.0) > text_width("ab", 10.0));
    }

    #[test]
    fn the_worked_example_has_its_deadlines_in_order_and_the_restore_missed() {
        let (case, a) = worked();
        let l = layout(&case.incidents[0], &a.incidents[0], a.as_of, WIDTH);
        let kinds: Vec<DeadlineKind> = l.deadlines.iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            [
                DeadlineKind::PhoneResponse,
                DeadlineKind::RemoteAccess,
                DeadlineKind::Restore
            ]
        );
        let restore = &l.deadlines[2];
        assert_eq!(restore.status, Status::Missed);
        // Missed by 28 h 50 min: the late bar runs from the due time to the restoration.
        let (a0, a1) = restore.late.expect("late bar");
        assert!(a0 < a1);
        assert_eq!(Some(a1), restore.actual_x);
        assert!(
            restore.title.1.contains("missed by 28 h 50 min"),
            "{:?}",
            restore.title
        );
        assert!(l.deadlines[..2]
            .iter()
            .all(|d| d.status == Status::Met && d.late.is_none()));
        // The interruption 08:00 → next day 15:00 spans most of the plot.
        let down = l.down.expect("down");
        assert!(!down.ongoing);
        assert!(down.x >= PLOT_LEFT && down.x + down.w <= WIDTH - PLOT_MARGIN);
        assert!(down.w > 0.8 * (WIDTH - PLOT_MARGIN - PLOT_LEFT));
        // Report (08:10) and interruption (08:00) labels are close: they do not share a lane.
        let lane = |m: Mark| l.moments.iter().find(|x| x.mark == m).map(|x| x.lane);
        assert_ne!(lane(Mark::Reported), lane(Mark::Interrupted));
        let label = |m: Mark| {
            l.moments
                .iter()
                .find(|x| x.mark == m)
                .map(|x| x.label.1.clone())
        };
        assert_eq!(label(Mark::Reported).as_deref(), Some("Reported 08:10"));
        assert_eq!(
            label(Mark::Restored).as_deref(),
            Some("Restored 03-04 15:00")
        );
        assert!(l.rows_bottom > l.rows_top && l.height > l.rows_bottom);
        assert!(
            l.summary.1.contains("restore due 2025-03-03 10:10, missed"),
            "{}",
            l.summary.1
        );
    }

    #[test]
    fn bands_and_an_ongoing_interruption() {
        let (mut case, _) = worked();
        let inc = &mut case.incidents[0];
        inc.restored_at = None;
        inc.force_majeure = vec![slacalc::case::ForceMajeure {
            kind: "typhoon".into(),
            start: at("2025-03-03T09:00:00+08:00"),
            end: at("2025-03-03T11:00:00+08:00"),
        }];
        inc.customer_pauses = vec![slacalc::case::Pause {
            start: at("2025-03-03T08:20:00+08:00"),
            end: at("2025-03-03T08:30:00+08:00"),
        }];
        let as_of = at("2025-03-05T00:00:00+08:00");
        let a = slacalc::assess(&case, as_of).expect("assessed");
        let l = layout(&case.incidents[0], &a.incidents[0], a.as_of, WIDTH);
        assert!(l.down.as_ref().is_some_and(|d| d.ongoing));
        assert!(l.moments.iter().any(|m| m.mark == Mark::AsOf));
        let kinds: Vec<BandKind> = l.bands.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BandKind::ForceMajeure, BandKind::Pause]);
        assert!(l.bands.iter().all(|b| b.w > 0.0));
        // Not restored and past due: the late bar runs to the assessment time.
        let restore = l.deadlines.last().expect("restore");
        assert_eq!(restore.status, Status::Missed);
        assert!(restore.actual_x.is_none());
        assert!(restore.late.is_some_and(|(a, b)| b > a));
    }
}
