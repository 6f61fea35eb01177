//! The iCalendar reader on any text: a calendar or a `CalendarError`, never a panic. A
//! calendar it gives is used: its days listed, open time counted and added across them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slacalc::calendar::{load_ics, Calendar, DayTable, WeeklyHours, Zone};
use slacalc::Instant;

/// The calendars a file is loaded into: the CLI's default hours (`slacalc calendar
/// --calendar FILE`: no table but the file), one in a zone with summer time and a night
/// shift, and one open around the clock.
fn bases() -> [Calendar; 3] {
    [
        Calendar::new(
            Zone::asia_shanghai(),
            WeeklyHours::parse("Mon-Fri 09:00-18:00").expect("hours"),
            DayTable::none(),
        ),
        Calendar::new(
            Zone::iana("Europe/Berlin").expect("zone"),
            WeeklyHours::parse("Mon-Fri 09:00-18:00; Sat 22:00-06:00").expect("hours"),
            DayTable::none(),
        ),
        Calendar::new(
            Zone::asia_shanghai(),
            WeeklyHours::parse("Mon-Sun 00:00-24:00").expect("hours"),
            DayTable::none(),
        ),
    ]
}

thread_local! {
    static BASES: [Calendar; 3] = bases();
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let base = BASES.with(|b| b[usize::from(pick % 3)].clone());
    let Ok(cal) = load_ics(text, base) else {
        return;
    };
    // Around the first date the file names (or 2030 when none reads), as the CLI would ask.
    let start = text
        .find("DTSTART")
        .and_then(|i| text.get(i..))
        .and_then(|s| s.split(':').nth(1))
        .and_then(|v| v.get(..8))
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y%m%d").ok())
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp())
        .unwrap_or(1_893_456_000);
    let Ok(t) = Instant::from_secs(start - 86_400) else {
        return;
    };
    for k in 0..4 {
        if let Some(d) = t.0.date_naive().checked_add_days(chrono::Days::new(k)) {
            let _ = cal.day(d);
        }
    }
    let _ = cal.is_open(t);
    if let Ok(end) = cal.add(t, 3 * 86_400) {
        if let Ok(n) = cal.between(t, end) {
            assert_eq!(n, 3 * 86_400, "between(t, add(t, d)) = d");
        }
    }
});
