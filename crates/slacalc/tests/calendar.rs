//! Business-time engine (issue #3): invariants by property tests against a slow day-by-day
//! reference, and boundary cases (open/close edges, holidays, night shifts, DST in
//! Europe/Berlin, leap days, years outside the PRC table).

use proptest::prelude::*;
use slacalc::calendar::{
    load_ics, Calendar, CalendarError, Clock, DayKind, DayTable, WeeklyHours, Zone,
};
use slacalc::Instant;

fn at(s: &str) -> Instant {
    Instant::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn show(cal: &Calendar, t: i64) -> String {
    cal.instant(t)
        .map(|i| i.to_string())
        .unwrap_or_else(|e| e.to_string())
}

fn add(cal: &Calendar, start: &str, d: i64) -> String {
    cal.add(at(start), d)
        .map(|i| i.to_string())
        .unwrap_or_else(|e| format!("error: {e}"))
}

fn letter() -> Calendar {
    Calendar::letter()
}

fn berlin() -> Calendar {
    let zone = Zone::iana("Europe/Berlin").unwrap_or_else(|e| panic!("{e}"));
    let hours = WeeklyHours::parse("Mon-Fri 09:00-17:00").unwrap_or_else(|e| panic!("{e}"));
    Calendar::new(zone, hours, DayTable::none())
}

/// Night shifts in Berlin, across the DST changes: 22:00–06:00 Sunday to Thursday nights, and
/// 01:30–03:30 on Sundays (a span that the spring gap and the autumn overlap cut through).
fn berlin_nights() -> Calendar {
    let zone = Zone::iana("Europe/Berlin").unwrap_or_else(|e| panic!("{e}"));
    let hours = WeeklyHours::parse("Sun-Thu 22:00-06:00; Sun 01:30-03:30")
        .unwrap_or_else(|e| panic!("{e}"));
    Calendar::new(zone, hours, DayTable::none())
}

/// PRC holidays with a night shift that crosses midnight into holidays and make-up days.
fn prc_nights() -> Calendar {
    let hours =
        WeeklyHours::parse("Mon-Fri 22:00-06:00 12:00-13:00").unwrap_or_else(|e| panic!("{e}"));
    Calendar::new(Zone::asia_shanghai(), hours, DayTable::prc())
}

/// Slow reference: open time in `[a, b)` from the listed open intervals (`None` where the
/// calendar cannot say, e.g. past the PRC table's last year).
fn slow_between(cal: &Calendar, a: i64, b: i64) -> Option<i64> {
    let (lo, hi) = (a.min(b), a.max(b));
    let ivs = cal
        .open_intervals(cal.instant(lo).ok()?, cal.instant(hi).ok()?)
        .ok()?;
    let total: i64 = ivs.iter().map(|(x, y)| y.secs() - x.secs()).sum();
    Some(if a <= b { total } else { -total })
}

/// The letter's hours with timed closures from an iCalendar file: one afternoon a year, and a
/// closure across a weekend and into a night shift.
fn with_closures() -> Calendar {
    let mut text = String::from("BEGIN:VCALENDAR\n");
    for y in 2004..2027 {
        text.push_str(&format!(
            "BEGIN:VEVENT\nDTSTART;TZID=Asia/Shanghai:{y}0603T140000\nDTEND;TZID=Asia/Shanghai:{y}0603T163000\nSUMMARY:drill\nEND:VEVENT\n"
        ));
        text.push_str(&format!(
            "BEGIN:VEVENT\nDTSTART:{y}1105T020000Z\nDURATION:P3DT5H\nSUMMARY:move\nEND:VEVENT\n"
        ));
    }
    text.push_str("END:VCALENDAR\n");
    let hours = WeeklyHours::parse("Mon-Fri 09:00-18:00; Sun 22:00-06:00")
        .unwrap_or_else(|e| panic!("{e}"));
    load_ics(
        &text,
        Calendar::new(Zone::asia_shanghai(), hours, DayTable::prc()),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn calendars() -> Vec<(&'static str, Calendar)> {
    vec![
        ("letter", letter()),
        ("berlin", berlin()),
        ("berlin-nights", berlin_nights()),
        ("prc-nights", prc_nights()),
        ("closures", with_closures()),
    ]
}

// ---------- properties ----------

/// Instants in 2004-01-05 .. 2026-12-20 (inside the PRC table).
fn instant_in_table() -> impl Strategy<Value = i64> {
    1_073_260_800i64..1_797_724_800i64
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn between_of_add_is_the_duration(t in instant_in_table(), d in 0i64..400 * 3600, c in 0usize..5) {
        let (name, cal) = &calendars()[c];
        let result = cal.add_secs(t, d.max(1));
        // The only acceptable failure is running past the PRC table's last year.
        prop_assert!(
            matches!(result, Ok(_) | Err(CalendarError::OutsideCoverage { .. })),
            "{} from {}: {:?}", name, show(cal, t), result
        );
        if let Ok(r) = result {
            let d = d.max(1);
            let back = cal.between(cal.instant(t).unwrap_or(at("1970-01-01T00:00:00Z")), cal.instant(r).unwrap_or(at("1970-01-01T00:00:00Z")));
            prop_assert_eq!(back.ok(), Some(d), "{} from {} + {}", name, show(cal, t), d);
            // Never lands in closed time: the second before the result is open.
            let before = cal.is_open(cal.instant(r - 1).unwrap_or(at("1970-01-01T00:00:00Z"))).ok();
            prop_assert_eq!(before, Some(true), "{} result {}", name, show(cal, r));
        }
    }

    #[test]
    fn fast_between_matches_the_slow_reference(a in instant_in_table(), span in 0i64..40 * 86_400, c in 0usize..5) {
        let (name, cal) = &calendars()[c];
        let b = a + span;
        let fast = cal.between(cal.instant(a).unwrap_or(at("1970-01-01T00:00:00Z")), cal.instant(b).unwrap_or(at("1970-01-01T00:00:00Z")));
        prop_assert_eq!(fast.ok(), slow_between(cal, a, b), "{} {} .. {}", name, show(cal, a), show(cal, b));
    }

    #[test]
    fn add_is_monotonic(t in instant_in_table(), dt in 0i64..5 * 86_400, d in 1i64..200 * 3600, dd in 0i64..20 * 3600, c in 0usize..5) {
        let (_, cal) = &calendars()[c];
        let r1 = cal.add_secs(t, d);
        let r2 = cal.add_secs(t, d + dd);
        let r3 = cal.add_secs(t + dt, d);
        if let (Ok(r1), Ok(r2), Ok(r3)) = (r1, r2, r3) {
            prop_assert!(r1 <= r2);
            prop_assert!(r1 <= r3);
            if dd > 0 { prop_assert!(r1 < r2); }
        }
    }

    #[test]
    fn next_open_is_open_and_costs_nothing(t in instant_in_table(), c in 0usize..5) {
        let (_, cal) = &calendars()[c];
        let t0 = cal.instant(t).unwrap_or(at("1970-01-01T00:00:00Z"));
        if let Ok(n) = cal.next_open(t0) {
            prop_assert!(n.secs() >= t);
            prop_assert_eq!(cal.is_open(n).ok(), Some(true));
            prop_assert_eq!(cal.between(t0, n).ok(), Some(0));
            prop_assert_eq!(cal.add(t0, 0).ok(), Some(n));
        }
    }
}

// ---------- boundaries ----------

#[test]
fn start_exactly_at_open_and_at_close() {
    let cal = letter();
    // Monday 2025-03-03.
    assert_eq!(
        add(&cal, "2025-03-03T09:00:00+08:00", 3600),
        "2025-03-03T10:00:00+08:00"
    );
    // At close the office is shut: the hour runs the next morning.
    assert_eq!(
        add(&cal, "2025-03-03T18:00:00+08:00", 3600),
        "2025-03-04T10:00:00+08:00"
    );
    assert_eq!(
        cal.is_open(at("2025-03-03T18:00:00+08:00")).ok(),
        Some(false)
    );
    assert_eq!(
        cal.is_open(at("2025-03-03T17:59:59+08:00")).ok(),
        Some(true)
    );
    assert_eq!(
        cal.is_open(at("2025-03-03T09:00:00+08:00")).ok(),
        Some(true)
    );
    assert_eq!(
        cal.is_open(at("2025-03-03T08:59:59+08:00")).ok(),
        Some(false)
    );
}

#[test]
fn a_duration_ending_exactly_at_close_ends_at_the_close() {
    let cal = letter();
    assert_eq!(
        add(&cal, "2025-03-03T17:00:00+08:00", 3600),
        "2025-03-03T18:00:00+08:00"
    );
    assert_eq!(
        add(&cal, "2025-03-03T09:00:00+08:00", 9 * 3600),
        "2025-03-03T18:00:00+08:00"
    );
    assert_eq!(
        add(&cal, "2025-03-03T09:00:00+08:00", 9 * 3600 + 1),
        "2025-03-04T09:00:01+08:00"
    );
    // Zero: the next opening.
    assert_eq!(
        add(&cal, "2025-03-03T18:00:00+08:00", 0),
        "2025-03-04T09:00:00+08:00"
    );
    assert_eq!(
        add(&cal, "2025-03-03T10:00:00+08:00", 0),
        "2025-03-03T10:00:00+08:00"
    );
}

#[test]
fn starting_inside_a_holiday_waits_for_the_first_workday() {
    let cal = letter();
    // National Day 2025: 10-01..10-08 off, Saturday 10-11 a make-up workday.
    assert_eq!(
        add(&cal, "2025-10-03T10:00:00+08:00", 1),
        "2025-10-09T09:00:01+08:00"
    );
    assert_eq!(
        cal.next_open(at("2025-10-01T10:00:00+08:00"))
            .map(|t| t.to_string())
            .ok()
            .as_deref(),
        Some("2025-10-09T09:00:00+08:00")
    );
    // Two business days from Thursday 10-09 09:00: Thursday, Friday → Friday close; one more
    // hour lands on the make-up Saturday.
    assert_eq!(
        add(&cal, "2025-10-09T09:00:00+08:00", 18 * 3600),
        "2025-10-10T18:00:00+08:00"
    );
    assert_eq!(
        add(&cal, "2025-10-09T09:00:00+08:00", 19 * 3600),
        "2025-10-11T10:00:00+08:00"
    );
    // The make-up Sunday before the break counts; the break does not.
    let b = cal.between(
        at("2025-09-27T00:00:00+08:00"),
        at("2025-10-12T00:00:00+08:00"),
    );
    // 09-28 (Sun, make-up), 09-29, 09-30, 10-09, 10-10, 10-11 (Sat, make-up): 6 days × 9 h.
    assert_eq!(b.ok(), Some(6 * 9 * 3600));
}

#[test]
fn spring_festival_2026_is_nine_days_off() {
    let cal = letter();
    let b = cal.between(
        at("2026-02-14T00:00:00+08:00"),
        at("2026-03-01T00:00:00+08:00"),
    );
    // 02-14 (Sat, make-up), 02-24..02-27, 02-28 (Sat, make-up): 6 days.
    assert_eq!(b.ok(), Some(6 * 9 * 3600));
}

#[test]
fn overnight_intervals_belong_to_the_day_they_start() {
    let cal = prc_nights();
    // Tuesday 2025-09-30 22:00 starts a shift that runs into the National Day holiday: it runs
    // to 06:00 on 10-01. The shift of Wednesday 10-01 (a holiday) does not run.
    assert_eq!(
        cal.is_open(at("2025-10-01T05:59:59+08:00")).ok(),
        Some(true)
    );
    assert_eq!(
        cal.is_open(at("2025-10-01T06:00:00+08:00")).ok(),
        Some(false)
    );
    assert_eq!(
        cal.is_open(at("2025-10-01T23:00:00+08:00")).ok(),
        Some(false)
    );
    // The last holiday night (10-08 22:00) does not run; 10-09's lunch hour does.
    assert_eq!(
        add(&cal, "2025-10-01T06:00:00+08:00", 1),
        "2025-10-09T12:00:01+08:00"
    );
    // Sunday 09-28 is a make-up workday: its night shift runs into Monday.
    assert_eq!(
        cal.is_open(at("2025-09-28T23:00:00+08:00")).ok(),
        Some(true)
    );
    assert_eq!(
        cal.is_open(at("2025-09-29T03:00:00+08:00")).ok(),
        Some(true)
    );
    // 8 hours from Friday 22:00 ends Saturday 06:00 exactly.
    assert_eq!(
        add(&cal, "2025-03-07T22:00:00+08:00", 8 * 3600),
        "2025-03-08T06:00:00+08:00"
    );
}

#[test]
fn berlin_office_hours_across_dst() {
    let cal = berlin();
    // Friday before the spring change (2025-03-30) to the Monday after.
    assert_eq!(
        add(&cal, "2025-03-28T16:00:00+01:00", 2 * 3600),
        "2025-03-31T10:00:00+02:00"
    );
    // Autumn (2025-10-26): same.
    assert_eq!(
        add(&cal, "2025-10-24T16:00:00+02:00", 2 * 3600),
        "2025-10-27T10:00:00+01:00"
    );
    // A whole week with the change still has 5 × 8 h.
    let b = cal.between(
        at("2025-03-24T00:00:00+01:00"),
        at("2025-04-07T00:00:00+02:00"),
    );
    assert_eq!(b.ok(), Some(10 * 8 * 3600));
}

#[test]
fn berlin_nights_through_the_gap_and_the_overlap() {
    let cal = berlin_nights();
    // Spring: Sunday 2025-03-30 02:00 CET → 03:00 CEST. The 01:30–03:30 span is 1 h real time;
    // the Saturday night shift does not exist (Sun-Thu nights only).
    let b = cal.between(
        at("2025-03-30T00:00:00+01:00"),
        at("2025-03-30T12:00:00+02:00"),
    );
    assert_eq!(b.ok(), Some(3600));
    // 02:30 does not exist: the span starting at 01:30 is open at 01:59:59 CET and at 03:00 CEST.
    assert_eq!(
        cal.is_open(at("2025-03-30T01:59:59+01:00")).ok(),
        Some(true)
    );
    assert_eq!(
        cal.is_open(at("2025-03-30T03:00:00+02:00")).ok(),
        Some(true)
    );
    assert_eq!(
        cal.is_open(at("2025-03-30T03:30:00+02:00")).ok(),
        Some(false)
    );
    // Autumn: Sunday 2025-10-26 03:00 CEST → 02:00 CET; 01:30–03:30 is 3 h real time.
    let b = cal.between(
        at("2025-10-26T00:00:00+02:00"),
        at("2025-10-26T12:00:00+01:00"),
    );
    assert_eq!(b.ok(), Some(3 * 3600));
    // The Sunday 22:00 → Monday 06:00 night shift is 8 h on either side.
    let b = cal.between(
        at("2025-10-26T12:00:00+01:00"),
        at("2025-10-27T12:00:00+01:00"),
    );
    assert_eq!(b.ok(), Some(8 * 3600));
    // A night that spans the change: Saturday has none; check a Thursday night shift in
    // 2025-03 that ends on Friday (no change) for contrast.
    let b = cal.between(
        at("2025-03-27T12:00:00+01:00"),
        at("2025-03-28T12:00:00+01:00"),
    );
    assert_eq!(b.ok(), Some(8 * 3600));
}

#[test]
fn leap_days_count() {
    let cal = Calendar::new(
        Zone::fixed("UTC", 0),
        WeeklyHours::always(),
        DayTable::none(),
    );
    let b = cal.between(at("2024-02-28T00:00:00Z"), at("2024-03-01T00:00:00Z"));
    assert_eq!(b.ok(), Some(2 * 86_400));
    assert_eq!(
        add(&cal, "2024-02-28T12:00:00Z", 86_400),
        "2024-02-29T12:00:00+00:00"
    );
    // 2024-02-29 was a Thursday workday in the PRC table.
    assert_eq!(
        letter()
            .day(chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap_or_default())
            .ok()
            .map(|d| d.kind),
        Some(DayKind::Workday)
    );
    assert_eq!(
        add(&letter(), "2024-02-28T17:00:00+08:00", 2 * 3600),
        "2024-02-29T10:00:00+08:00"
    );
}

#[test]
fn years_outside_the_table_are_refused_not_guessed() {
    let cal = letter();
    let e = cal.add(at("2026-12-30T10:00:00+08:00"), 30 * 3600);
    assert!(
        matches!(e, Err(CalendarError::OutsideCoverage { .. })),
        "{e:?}"
    );
    let e = cal.is_open(at("2027-03-03T10:00:00+08:00"));
    assert!(
        matches!(e, Err(CalendarError::OutsideCoverage { .. })),
        "{e:?}"
    );
    let e = cal.between(
        at("2003-12-01T10:00:00+08:00"),
        at("2004-03-01T10:00:00+08:00"),
    );
    assert!(
        matches!(e, Err(CalendarError::OutsideCoverage { .. })),
        "{e:?}"
    );
    let msg = e.map(|_| String::new()).unwrap_or_else(|e| e.to_string());
    assert!(
        msg.contains("2003-12-01") && msg.contains("2004-01-01"),
        "{msg}"
    );
    // Up to the table's last midnight it still works.
    let b = cal.between(
        at("2026-12-31T00:00:00+08:00"),
        at("2027-01-01T00:00:00+08:00"),
    );
    assert_eq!(b.ok(), Some(9 * 3600));
    // Inside the last covered days it still works.
    assert_eq!(
        add(&cal, "2026-12-30T10:00:00+08:00", 3600),
        "2026-12-30T11:00:00+08:00"
    );
    // The plain weekly hours have no such limit (inside 1900–2199).
    assert_eq!(
        add(
            &cal.without_exceptions(),
            "2030-01-01T17:00:00+08:00",
            2 * 3600
        ),
        "2030-01-02T10:00:00+08:00"
    );
    assert!(matches!(
        cal.without_exceptions()
            .add(at("2199-12-31T10:00:00+08:00"), 86_400),
        Err(CalendarError::OutOfRange)
    ));
}

#[test]
fn many_years_of_business_time_round_trip() {
    let cal = letter();
    let start = at("2004-02-02T09:00:00+08:00");
    let ten_years = 10 * 250 * 9 * 3600;
    let end = cal.add(start, ten_years);
    assert!(end.is_ok(), "{end:?}");
    let Ok(end) = end else { return };
    assert_eq!(cal.between(start, end).ok(), Some(ten_years));
    assert!(end.0.format("%Y").to_string().as_str() > "2013");
}

#[test]
fn the_clock_api() {
    let office = Clock::office_hours(letter());
    let always = Clock::TwentyFourSeven;
    let t = at("2025-09-30T17:30:00+08:00");
    assert_eq!(
        always.add(t, 3600).map(|t| t.to_string()).ok().as_deref(),
        Some("2025-09-30T18:30:00+08:00")
    );
    assert_eq!(
        office.add(t, 3600).map(|t| t.to_string()).ok().as_deref(),
        Some("2025-10-09T09:30:00+08:00")
    );
    assert_eq!(
        office.between(t, at("2025-10-09T09:30:00+08:00")).ok(),
        Some(3600)
    );
    assert_eq!(
        always.between(t, at("2025-09-30T18:30:00+08:00")).ok(),
        Some(3600)
    );
    assert!(matches!(
        office.add(t, -1),
        Err(CalendarError::NegativeDuration)
    ));
}

#[test]
fn listing_open_intervals() {
    let cal = letter();
    let ivs = cal
        .open_intervals(
            at("2025-09-26T12:00:00+08:00"),
            at("2025-09-29T10:00:00+08:00"),
        )
        .unwrap_or_default();
    let shown: Vec<String> = ivs.iter().map(|(a, b)| format!("{a} {b}")).collect();
    assert_eq!(
        shown,
        vec![
            "2025-09-26T12:00:00+08:00 2025-09-26T18:00:00+08:00",
            "2025-09-28T09:00:00+08:00 2025-09-28T18:00:00+08:00",
            "2025-09-29T09:00:00+08:00 2025-09-29T10:00:00+08:00",
        ]
    );
    // 24×7 intervals merge across midnight.
    let all = Calendar::new(
        Zone::fixed("UTC", 0),
        WeeklyHours::always(),
        DayTable::none(),
    );
    let ivs = all
        .open_intervals(at("2025-01-01T00:00:00Z"), at("2025-01-04T00:00:00Z"))
        .unwrap_or_default();
    assert_eq!(ivs.len(), 1);
}

#[test]
fn ics_holidays_feed_the_arithmetic() {
    let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20300506\nDTEND;VALUE=DATE:20300507\nSUMMARY:Founders' day\nEND:VEVENT\nEND:VCALENDAR\n";
    let base = letter().without_exceptions();
    let cal = load_ics(text, base).unwrap_or_else(|e| panic!("{e}"));
    // Monday 2030-05-06 is off; Friday 17:00 + 2 h lands Tuesday 10:00.
    assert_eq!(
        add(&cal, "2030-05-03T17:00:00+08:00", 2 * 3600),
        "2030-05-07T10:00:00+08:00"
    );
}

#[test]
fn a_calendar_without_hours_never_opens() {
    let cal = Calendar::new(
        Zone::fixed("UTC", 0),
        WeeklyHours::closed(),
        DayTable::none(),
    );
    assert!(matches!(
        cal.add(at("2025-01-01T00:00:00Z"), 1),
        Err(CalendarError::NeverOpen)
    ));
}
