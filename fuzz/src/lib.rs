//! Shared by the fuzz targets: a generator of *valid* cases driven by the fuzzer's bytes
//! ([`gen_case`]) and the cheap invariants every assessment must meet ([`check_assessment`]).
//!
//! The generator writes the case as JSON, the way a front end sends it, so the case reader
//! runs too. Ranges are the ones the reader accepts: prices up to ¥10^13, times in the years
//! 1970–2200 (written at UTC offsets from −12:00 to +14:00), any interpretation switch, inline
//! terms with any levels, commitments, clocks, penalty rules, exclusions and office hours.

use arbitrary::{Result, Unstructured};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::{json, Map, Value};
use slacalc::assess::Assessment;
use slacalc::case::CapScope;
use slacalc::error::Problem;
use slacalc::terms::PenaltyDays;
use slacalc::{Case, Fen, Instant};

const MIN: i64 = 60;
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

/// 1970-01-03T00:00:00Z: a day of margin, so every offset still writes a 1970 date.
const FIRST_SECS: i64 = 2 * DAY;
/// 2200-12-30T00:00:00Z (2201-01-01 is 7,289,654,400).
const LAST_SECS: i64 = 7_289_654_400 - 2 * DAY;
/// How far any generated time of an incident lies from its report, at most.
const REACH: i64 = 520 * DAY;
/// The years the PRC holiday table covers (the office-hours clock errs outside them).
const PRC_FIRST: i64 = 1_072_915_200; // 2004-01-01T00:00:00Z
const PRC_LAST: i64 = 1_798_675_200; // 2027-01-01T00:00:00Z

/// UTC offsets a time may be written in.
const OFFSETS: [i32; 7] = [
    8 * 3600,
    0,
    -5 * 3600,
    5 * 3600 + 45 * 60,
    14 * 3600,
    -12 * 3600,
    9 * 3600 + 30 * 60,
];

const CAUSES: [&str; 9] = [
    "vendor",
    "customer_power",
    "customer_water",
    "customer_ups",
    "server_hardware",
    "operating_system",
    "customer_misoperation",
    "network",
    "unknown",
];

const KINDS: [&str; 4] = ["phone_response", "remote_access", "response", "restore"];
const CLOCKS: [&str; 2] = ["24x7", "office_hours"];
const WALL_CLOCK: [&str; 1] = ["24x7"];
const COUNTING: [&str; 5] = [
    "started_periods",
    "past_deadline",
    "whole_days",
    "pro_rata",
    "calendar_days",
];
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A generated case: its JSON text and the "now" to assess it at.
pub struct Generated {
    pub json: String,
    pub as_of: Instant,
}

fn pick<'b, T>(u: &mut Unstructured, items: &'b [T]) -> Result<&'b T> {
    u.choose(items)
}

/// A span of seconds: usually near the commitments (minutes, hours), sometimes days.
fn span(u: &mut Unstructured, max: i64) -> Result<i64> {
    let top = match u.int_in_range(0u8..=3)? {
        0 => 90 * MIN,
        1 => 6 * HOUR,
        2 => 3 * DAY,
        _ => max,
    }
    .min(max);
    u.int_in_range(0..=top)
}

thread_local! {
    /// The fraction of a second every time of the case carries (mostly none): the same for
    /// all, so the order and the whole-second distances the generator chose still hold.
    static FRACTION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// Whether the case's commitments may run on the office-hours clock (a quarter of the
    /// cases: each such assessment indexes the whole holiday table, the bulk of the time).
    static OFFICE_CLOCKS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The clocks a commitment may be given in this case.
fn clock_choices() -> &'static [&'static str] {
    if OFFICE_CLOCKS.get() {
        &CLOCKS
    } else {
        &WALL_CLOCK
    }
}

/// RFC 3339 text of `secs`, written at a random offset.
fn time(u: &mut Unstructured, secs: i64) -> Result<Value> {
    let secs = secs.clamp(FIRST_SECS, LAST_SECS);
    let off = FixedOffset::east_opt(*pick(u, &OFFSETS)?).expect("valid offset");
    let t = DateTime::from_timestamp(secs, FRACTION.get()).expect("in range");
    Ok(json!(t.with_timezone(&off).to_rfc3339()))
}

fn date_of(secs: i64) -> NaiveDate {
    DateTime::from_timestamp(secs, 0)
        .expect("in range")
        .date_naive()
}

fn money(u: &mut Unstructured) -> Result<String> {
    let fen: i64 = match u.int_in_range(0u8..=3)? {
        0 => u.int_in_range(0..=100_000_000)?,
        1 => u.int_in_range(0..=100_000_000_000)?,
        2 => 1_000_000_000_000_000,
        _ => u.int_in_range(0..=1_000_000_000_000_000)?,
    };
    Ok(format!("{}.{:02}", fen / 100, fen % 100))
}

fn duration(u: &mut Unstructured, secs: i64) -> Result<Value> {
    Ok(match u.int_in_range(0u8..=2)? {
        0 => json!(secs),
        1 => json!(format!(
            "P{}DT{}H{}M{}S",
            secs / DAY,
            secs % DAY / HOUR,
            secs % HOUR / MIN,
            secs % MIN
        )),
        _ => json!(format!("{secs}s")),
    })
}

fn clock_time(u: &mut Unstructured) -> Result<String> {
    // 24:00 reads as a time of day but not as an opening time; it is only ever a close.
    let h = u.int_in_range(0u32..=23)?;
    let m = *pick(u, &[0u32, 0, 30, 15, 59])?;
    Ok(format!("{h:02}:{m:02}"))
}

fn text(zh: &str, en: &str) -> Value {
    json!({ "zh": zh, "en": en })
}

/// Inline terms: levels, commitments, penalty rule, exclusions, office hours, monitoring.
fn terms(u: &mut Unstructured) -> Result<(Value, Vec<String>, Option<u32>)> {
    let n_levels = u.int_in_range(1usize..=4)?;
    let mut levels = Vec::new();
    let mut ids = Vec::new();
    for n in 0..n_levels {
        let id = format!("P{n}");
        let mut when = Map::new();
        if u.ratio(1u8, 2u8)? {
            when.insert("system_usable".into(), json!(u.arbitrary::<bool>()?));
        }
        if u.ratio(1u8, 3u8)? {
            when.insert("seriously_damaged".into(), json!(u.arbitrary::<bool>()?));
        }
        if u.ratio(1u8, 3u8)? {
            when.insert(
                "mailboxes_over_pct".into(),
                json!(u.int_in_range(0u32..=100)?),
            );
        }
        let mut commitments = Vec::new();
        for _ in 0..u.int_in_range(0usize..=4)? {
            let immediate = u.ratio(1u8, 5u8)?;
            let within = if immediate {
                span(u, 3 * DAY)?
            } else {
                1 + span(u, 30 * DAY)?
            };
            let mut c = json!({
                "kind": pick(u, &KINDS)?,
                "clause": "F3",
                "within": duration(u, within)?,
            });
            let o = c.as_object_mut().expect("object");
            if u.arbitrary()? {
                o.insert("clock".into(), json!(pick(u, clock_choices())?));
            }
            if u.arbitrary()? {
                o.insert("pauses".into(), json!(u.arbitrary::<bool>()?));
            }
            if immediate {
                o.insert("immediate".into(), json!(true));
            }
            commitments.push(c);
        }
        levels.push(json!({
            "id": id,
            "name": text("级", "level"),
            "clause": "F3",
            "when": when,
            "commitments": commitments,
        }));
        ids.push(id);
    }
    let mut exclusions = Vec::new();
    for _ in 0..u.int_in_range(0usize..=3)? {
        let mut causes = Vec::new();
        for c in CAUSES {
            if u.ratio(1u8, 3u8)? {
                causes.push(c);
            }
        }
        let effect = *pick(u, &["no_sla", "best_effort", "extend"])?;
        let mut e = json!({ "causes": causes, "effect": effect, "clause": "F5" });
        if effect == "extend" || u.ratio(1u8, 4u8)? {
            let by = span(u, 10 * DAY)?;
            e.as_object_mut()
                .expect("object")
                .insert("extend_by".into(), duration(u, by)?);
        }
        exclusions.push(e);
    }
    let mut days: Vec<&str> = WEEKDAYS
        .iter()
        .copied()
        .filter(|_| u.ratio(2u8, 3u8).unwrap_or(false))
        .collect();
    if days.is_empty() {
        days.push(pick(u, &WEEKDAYS)?);
    }
    let close = if u.ratio(1u8, 8u8)? {
        "24:00".to_string()
    } else {
        clock_time(u)?
    };
    let mut t = json!({
        "id": "fuzz-terms",
        "name": text("条款", "terms"),
        "office_hours": {
            "days": days,
            "open": clock_time(u)?,
            "close": close,
            "prc_holidays": u.arbitrary::<bool>()?,
            "clause": "F1",
        },
        "levels": levels,
        "priority_clause": "F3",
        "restore_clause": "F4",
        "penalty": {
            "rate_bp": u.int_in_range(0u32..=10_000)?,
            "per": pick(u, &["day", "hour"])?,
            "counting": pick(u, &COUNTING)?,
            "clause": "F4.2",
            "cap_bp": u.int_in_range(0u32..=10_000)?,
            "cap_clause": "F4.3",
        },
        "exclusions": exclusions,
        "force_majeure_clause": "F5.1",
        "pause_clause": "F3.4",
    });
    let monitoring = if u.arbitrary()? {
        let every = u.int_in_range(1u32..=24)?;
        t.as_object_mut().expect("object").insert(
            "monitoring".into(),
            json!({ "every_months": every, "clause": "F3.5" }),
        );
        Some(every)
    } else {
        None
    };
    Ok((t, ids, monitoring))
}

fn interpretation(u: &mut Unstructured) -> Result<Value> {
    let mut o = Map::new();
    let mut maybe = |u: &mut Unstructured, key: &str, v: Value| -> Result<()> {
        if u.arbitrary()? {
            o.insert(key.into(), v);
        }
        Ok(())
    };
    let v = json!(u.int_in_range(0u32..=60)?);
    maybe(u, "immediate_tolerance_minutes", v)?;
    let v = json!(u.int_in_range(1u32..=99)?);
    maybe(u, "majority_threshold_pct", v)?;
    let v = json!(pick(u, &["declared", "suggested"])?);
    maybe(u, "priority_source", v)?;
    let v = json!(pick(u, &COUNTING)?);
    maybe(u, "penalty_days", v)?;
    let v = json!(pick(u, &["report", "interruption"])?);
    maybe(u, "restore_clock_from", v)?;
    let v = json!(pick(u, &["whole_days", "exact"])?);
    maybe(u, "force_majeure_extension", v)?;
    let v = json!(pick(u, &["contract", "incident"])?);
    maybe(u, "cap_scope", v)?;
    let v = json!(pick(u, &["no_timer", "general"])?);
    maybe(u, "consultation", v)?;
    let v = json!(u.int_in_range(0u32..=365)?);
    maybe(u, "monitoring_grace_days", v)?;
    let v = json!(pick(u, &["count", "ignore"])?);
    maybe(u, "customer_pauses", v)?;
    let v = json!(pick(u, &["prc", "plain"])?);
    maybe(u, "office_calendar", v)?;
    let mut clocks = Map::new();
    for k in KINDS {
        if u.ratio(1u8, 3u8)? {
            clocks.insert(k.into(), json!(pick(u, clock_choices())?));
        }
    }
    if !clocks.is_empty() {
        o.insert("clocks".into(), Value::Object(clocks));
    }
    Ok(Value::Object(o))
}

fn share(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.int_in_range(0u8..=4)? {
        0 => json!("most"),
        1 => json!("few"),
        2 => json!(format!(
            "{}.{}",
            u.int_in_range(0u32..=99)?,
            u.int_in_range(0u32..=99)?
        )),
        _ => json!(u.int_in_range(0u32..=100)?),
    })
}

fn incident(u: &mut Unstructured, n: usize, report: i64, levels: &[String]) -> Result<Value> {
    let mut o = Map::new();
    o.insert("id".into(), json!(format!("i{n}")));
    o.insert("reported_at".into(), time(u, report)?);
    if u.ratio(2u8, 3u8)? {
        o.insert("declared_priority".into(), json!(pick(u, levels)?));
    }
    o.insert(
        "facts".into(),
        json!({
            "mailboxes_affected_pct": share(u)?,
            "system_usable": u.arbitrary::<bool>()?,
            "seriously_damaged": u.arbitrary::<bool>()?,
            "kind": if u.ratio(1u8, 8u8)? { "consultation" } else { "fault" },
        }),
    );
    let cause = if u.arbitrary()? {
        "vendor"
    } else {
        pick(u, &CAUSES)?
    };
    o.insert("cause".into(), json!(cause));
    if u.ratio(4u8, 5u8)? {
        let from = report - 3 * DAY + span(u, 4 * DAY)?;
        o.insert("interrupted_from".into(), time(u, from)?);
        if u.ratio(4u8, 5u8)? {
            let restored = from + span(u, 60 * DAY)?;
            o.insert("restored_at".into(), time(u, restored)?);
        }
    }
    for k in ["phone_response_at", "remote_access_at", "response_at"] {
        if u.ratio(2u8, 3u8)? {
            let at = report + span(u, 10 * DAY)?;
            o.insert(k.into(), time(u, at)?);
        }
    }
    let mut fm = Vec::new();
    for _ in 0..u.int_in_range(0usize..=3)? {
        let start = report - 3 * DAY + span(u, 13 * DAY)?;
        let end = start + 1 + span(u, 5 * DAY)?;
        fm.push(json!({ "kind": "typhoon", "start": time(u, start)?, "end": time(u, end)? }));
    }
    if !fm.is_empty() {
        o.insert("force_majeure".into(), json!(fm));
    }
    // Customer pauses never overlap: each starts at or after the previous one's end.
    let mut pauses = Vec::new();
    let mut end = report - 2 * DAY + span(u, 2 * DAY)?;
    for _ in 0..u.int_in_range(0usize..=4)? {
        let start = end + span(u, 2 * DAY)?;
        end = start + 1 + span(u, 2 * DAY)?;
        pauses.push(json!({ "start": time(u, start)?, "end": time(u, end)? }));
    }
    if !pauses.is_empty() {
        // Written in any order: the reader sorts them.
        if u.arbitrary()? {
            pauses.reverse();
        }
        o.insert("customer_pauses".into(), json!(pauses));
    }
    Ok(Value::Object(o))
}

/// A valid case (and a "now") from the fuzzer's bytes.
pub fn gen_case(u: &mut Unstructured) -> Result<Generated> {
    // Mostly in the years the PRC holiday table covers (the office-hours clock works there),
    // sometimes anywhere in 1970–2200.
    let (lo, hi) = if u.ratio(3u8, 4u8)? {
        (PRC_FIRST + REACH, PRC_LAST - REACH)
    } else {
        (FIRST_SECS + REACH, LAST_SECS - REACH)
    };
    let base = u.int_in_range(lo..=hi)?;
    let fraction = if u.ratio(1u8, 16u8)? {
        u.int_in_range(0u32..=999_999_999)?
    } else {
        0
    };
    FRACTION.set(fraction);
    OFFICE_CLOCKS.set(u.ratio(1u8, 4u8)?);
    let (terms, levels, monitoring) = if u.ratio(1u8, 3u8)? {
        (
            json!("eyou-sdju"),
            vec!["urgent".into(), "serious".into(), "general".into()],
            Some(3),
        )
    } else {
        terms(u)?
    };
    // Warranty: anywhere from 3 years before to 1 year after the base, at most 10 years long.
    let ws = (base - 3 * 365 * DAY + u.int_in_range(0..=4 * 365 * DAY)?).max(FIRST_SECS);
    let we = (ws + u.int_in_range(0..=10 * 365 * DAY)?).min(LAST_SECS);
    let (ws, we) = (date_of(ws), date_of(we));
    let mut incidents = Vec::new();
    for n in 0..u.int_in_range(0usize..=8)? {
        let report = base + u.int_in_range(-30 * DAY..=300 * DAY)?;
        incidents.push(incident(u, n, report, &levels)?);
    }
    let mut doc = json!({
        "version": 1,
        "terms": terms,
        "contract": {
            "price": money(u)?,
            "currency": "CNY",
            "warranty_start": ws.format("%Y-%m-%d").to_string(),
            "warranty_end": we.format("%Y-%m-%d").to_string(),
        },
        "incidents": incidents,
    });
    let interp = interpretation(u)?;
    let o = doc.as_object_mut().expect("object");
    if interp.as_object().is_some_and(|m| !m.is_empty()) {
        o.insert("interpretation".into(), interp);
    }
    if let Some(every) = monitoring.filter(|_| u.arbitrary().unwrap_or(false)) {
        let periods = slacalc::ledger::period_count(ws, we, every);
        let mut reports = Vec::new();
        for _ in 0..u.int_in_range(0usize..=4)? {
            let period = u.int_in_range(1..=periods.max(1))?;
            let at = base + span(u, 300 * DAY)?;
            reports.push(json!({ "period": period, "delivered_at": time(u, at)? }));
        }
        o.insert("monitoring_reports".into(), json!(reports));
    }
    let as_of = base + u.int_in_range(-30 * DAY..=(REACH - 30 * DAY))?;
    let as_of = Instant::from_secs(as_of.clamp(FIRST_SECS, LAST_SECS)).expect("in range");
    Ok(Generated {
        json: doc.to_string(),
        as_of,
    })
}

/// Errors a valid case may still get from `assess`: a date the holiday table does not cover
/// under an office-hours clock. Anything else is a bug.
pub fn allowed_error(p: &Problem) -> bool {
    matches!(p, Problem::Calendar(_))
}

/// The invariants of an assessment that need no second reading of the rules: amounts are
/// never negative, the applied penalty never exceeds the amount nor the cap, the total is the
/// sum of what was applied, and seconds are never negative.
pub fn check_assessment(case: &Case, a: &Assessment) {
    assert_eq!(a.incidents.len(), case.incidents.len());
    let cap = a.total.cap;
    assert!(cap >= Fen(0), "negative cap {cap:?}");
    let mut sum = Fen(0);
    for r in &a.incidents {
        let p = &r.penalty;
        assert!(
            p.amount >= Fen(0),
            "{}: negative amount {:?}",
            r.id,
            p.amount
        );
        assert!(
            p.applied >= Fen(0),
            "{}: negative applied {:?}",
            r.id,
            p.applied
        );
        assert!(p.applied <= p.amount, "{}: applied > amount", r.id);
        assert!(
            p.applied <= cap,
            "{}: applied {:?} > cap {cap:?}",
            r.id,
            p.applied
        );
        assert!(p.interrupted_seconds >= 0, "{}: {p:?}", r.id);
        assert!(p.excluded_seconds >= 0, "{}: {p:?}", r.id);
        assert!(p.counted_seconds >= 0, "{}: {p:?}", r.id);
        assert!(
            p.excluded_seconds <= p.interrupted_seconds,
            "{}: {p:?}",
            r.id
        );
        if p.days == 0 && a.interpretation.penalty_days != Some(PenaltyDays::ProRata) {
            assert_eq!(p.amount, Fen(0), "{}: an amount without periods", r.id);
        }
        for d in &r.deadlines {
            assert!(d.allowed_seconds >= 0, "{}: {d:?}", r.id);
            assert!(d.paused_seconds >= 0, "{}: {d:?}", r.id);
            assert!(d.force_majeure_seconds >= 0, "{}: {d:?}", r.id);
            assert!(d.late_seconds >= 0, "{}: {d:?}", r.id);
            assert!(d.due >= d.from, "{}: due before its start {d:?}", r.id);
        }
        sum = sum.checked_add(p.applied).expect("sum of applied");
    }
    assert_eq!(a.total.penalty, sum, "total = sum of applied");
    assert!(a.total.uncapped >= a.total.penalty);
    assert!(a.total.contingent >= Fen(0));
    if case.interpretation.cap_scope == CapScope::Contract {
        assert!(
            a.total.penalty <= cap,
            "total {:?} over the cap {cap:?}",
            a.total.penalty
        );
    }
}
