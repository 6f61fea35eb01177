//! Inputs the fuzz targets (fuzz/, `make fuzz`) once crashed on, kept as plain tests: each
//! must now give its answer or an error, never a panic.

#![cfg(not(target_arch = "wasm32"))]

use slacalc::calendar::{
    load_ics, Calendar, CalendarError, DayKind, DayTable, IcsProblem, WeeklyHours, Zone,
};

/// An all-day or a timed event with `DURATION` (iCalendar, RFC 5545).
fn event(start: &str, duration: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART{start}\nDURATION:{duration}\nEND:VEVENT\nEND:VCALENDAR\n"
    )
}

fn bad_duration_at_line_4(text: &str) {
    match load_ics(text, Calendar::letter()) {
        Err(CalendarError::Ics {
            line: 4,
            problem: IcsProblem::BadDuration(_),
        }) => {}
        other => panic!("{text}: {other:?}"),
    }
}

/// ics_load: a timed event whose DURATION ends past the last second (overflowed `start + d`).
#[test]
fn a_timed_event_lasting_longer_than_time_itself_is_refused() {
    bad_duration_at_line_4(&event(":20300101T000000Z", "P15250284452471W"));
    bad_duration_at_line_4(&event(":20300101T000000Z", "PT9223372036854775807S"));
}

/// ics_load: an all-day event with a DURATION of i64::MAX seconds (overflowed the rounding
/// up to days); one past the last date was cut to its first day without a word.
#[test]
fn an_all_day_event_ending_past_the_last_date_is_refused() {
    bad_duration_at_line_4(&event(";VALUE=DATE:20300101", "PT9223372036854775807S"));
    bad_duration_at_line_4(&event(";VALUE=DATE:20300101", "P15250284452471W"));
}

/// A duration that fits still reads, each started day a holiday: 2 days 1 s from 2030-05-06.
#[test]
fn a_long_all_day_duration_still_reads() {
    let hours = WeeklyHours::parse("Mon-Fri 09:00-18:00").unwrap_or_else(|e| panic!("{e}"));
    let base = Calendar::new(Zone::asia_shanghai(), hours, DayTable::none());
    let cal =
        load_ics(&event(";VALUE=DATE:20300506", "P2DT1S"), base).unwrap_or_else(|e| panic!("{e}"));
    let day = |d: u32| {
        let date = chrono::NaiveDate::from_ymd_opt(2030, 5, d).expect("date");
        cal.day(date)
            .map(|i| i.kind)
            .unwrap_or_else(|e| panic!("{e}"))
    };
    assert_eq!(day(6), DayKind::Holiday);
    assert_eq!(day(7), DayKind::Holiday);
    assert_eq!(day(8), DayKind::Holiday);
    assert_eq!(day(9), DayKind::Workday);
}
