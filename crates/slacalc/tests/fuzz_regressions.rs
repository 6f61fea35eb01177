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

/// holidays_read: rulings whose days fall outside the years 0000–9999 were read, then written
/// as `YYYY-MM-DD` that no reader takes back ("10000-01-01", "-001-12-31"): a notice of 9999
/// whose break on Friday 31 December is joined to the weekend after it, a notice of 0000 whose
/// New Year break starts on 31 December of the year before, an iCalendar event running past
/// 9999. Each is now refused by its reader ([`RulingsError::OutOfRange`]); the last days before
/// 10000 still read and come back from the JSON.
#[test]
fn rulings_past_the_years_a_date_is_written_in_are_refused() {
    use slacalc::calendar::rulings::{self, json, RulingsError};
    let outside = |text: &str, day: &str| match rulings::read(text, None, &[]) {
        Err(e @ RulingsError::OutOfRange(_)) => {
            assert_eq!(e, RulingsError::OutOfRange(day.into()), "{text}");
            assert!(e.to_string().contains("0000–9999"), "{e}");
            assert!(e.zh().contains("0000–9999"), "{}", e.zh());
        }
        other => panic!("{text}: {other:?}"),
    };
    outside(
        "国务院办公厅关于9999年部分节假日安排的通知\n一、国庆节:12月31日放假。\n",
        "+10000-01-02",
    );
    outside(
        "国务院办公厅关于0000年部分节假日安排的通知\n一、元旦:12月31日至1月2日放假。\n",
        "-0001-12-31",
    );
    outside(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:99991231\r\nDURATION:P3D\r\n\
         SUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "+10000-01-02",
    );
    // The last days before 10000 still read, and the JSON reads back.
    for (text, last) in [
        (
            "国务院办公厅关于9999年部分节假日安排的通知\n一、国庆节:12月30日放假。\n",
            "9999-12-30",
        ),
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:99991231\r\nDURATION:P1D\r\n\
             SUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "9999-12-31",
        ),
    ] {
        let read = rulings::read(text, None, &[]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].last().to_string(), last);
        let back = json::read_json(&json::write_json(&read)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, read);
    }
}
