//! Inputs the fuzz targets (fuzz/, `make fuzz`) once crashed on, kept as plain tests: each
//! must now give its answer or an error, never a panic.

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

/// ics_load: an all-day event of 10,000 years marked each of its 3.65 million days (seconds
/// and hundreds of MB per event); only the days business time works with (1900–2199) are.
#[test]
fn an_all_day_event_of_ten_thousand_years_marks_only_the_supported_days() {
    let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:00010101\nDTEND;VALUE=DATE:99991231\nEND:VEVENT\nEND:VCALENDAR\n";
    let cal = load_ics(text, plain()).unwrap_or_else(|e| panic!("{e}"));
    let marked = cal.days().days_in(i64::MIN, i64::MAX).len();
    assert_eq!(marked, 109_573, "1900-01-01 ..= 2199-12-31");
    for (y, m, d) in [(1900, 1, 1), (2030, 5, 6), (2199, 12, 31)] {
        let date = chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date");
        let kind = cal.day(date).map(|i| i.kind);
        assert_eq!(kind, Ok(DayKind::Holiday), "{date}");
    }
}

/// Office hours Monday to Friday in Shanghai, no holiday table: the CLI's calendar for a file.
fn plain() -> Calendar {
    let hours = WeeklyHours::parse("Mon-Fri 09:00-18:00").unwrap_or_else(|e| panic!("{e}"));
    Calendar::new(Zone::asia_shanghai(), hours, DayTable::none())
}

/// A duration that fits still reads, each started day a holiday: 2 days 1 s from 2030-05-06.
#[test]
fn a_long_all_day_duration_still_reads() {
    let cal = load_ics(&event(";VALUE=DATE:20300506", "P2DT1S"), plain())
        .unwrap_or_else(|e| panic!("{e}"));
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
