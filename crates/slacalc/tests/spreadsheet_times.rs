//! Every time notation spreadsheets write (issue #16) reads back the instant it was written
//! from, and no cell of any text makes the reader panic.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use proptest::prelude::*;
use slacalc::spreadsheet::{cell_time, DateSystem};

fn moment() -> impl Strategy<Value = NaiveDateTime> {
    // 1900-03-01 (after the 1900 system's phantom leap day) to 2199-12-31, to the second.
    (0i64..109_572, 0u32..86_400).prop_map(|(d, s)| {
        let date = NaiveDate::from_ymd_opt(1900, 3, 1).expect("date")
            + chrono::Days::new(u64::try_from(d).expect("positive"));
        date.and_hms_opt(s / 3600, s / 60 % 60, s % 60)
            .expect("time")
    })
}

/// The serial of `t` as Excel writes it: whole days since 1899-12-30, and the fraction of
/// the day in 15 decimal places (more than enough to round back to the second).
fn serial(t: NaiveDateTime, system: DateSystem) -> String {
    let base = match system {
        DateSystem::From1900 => NaiveDate::from_ymd_opt(1899, 12, 30),
        DateSystem::From1904 => NaiveDate::from_ymd_opt(1904, 1, 1),
    }
    .expect("base");
    let days = (t.date() - base).num_days();
    let secs = i128::from(t.num_seconds_from_midnight());
    let frac = secs * 10i128.pow(15) / 86_400;
    format!("{days}.{frac:015}")
}

proptest! {
    #[test]
    fn every_notation_reads_back_its_instant(t in moment()) {
        let (y, mo, d) = (t.year(), t.month(), t.day());
        let (h, mi, s) = (t.hour(), t.minute(), t.second());
        let minute = t.with_second(0).expect("minute");
        let to_minute = [
            format!("{y}/{mo}/{d} {h}:{mi:02}"),
            format!("{y}-{mo}-{d} {h}:{mi:02}"),
            format!("{y}.{mo:02}.{d:02} {h:02}:{mi:02}"),
            format!("{y}年{mo}月{d}日 {h}时{mi}分"),
            format!("{y}年{mo}月{d}日 {h:02}:{mi:02}"),
        ];
        for text in &to_minute {
            prop_assert_eq!(cell_time(text, DateSystem::From1900), Some(minute), "{}", text);
        }
        let to_second = [
            format!("{y}-{mo}-{d} {h}:{mi:02}:{s:02}"),
            format!("{y}年{mo}月{d}日{h}时{mi}分{s}秒"),
        ];
        for text in &to_second {
            prop_assert_eq!(cell_time(text, DateSystem::From1900), Some(t), "{}", text);
        }
        for system in [DateSystem::From1900, DateSystem::From1904] {
            if system == DateSystem::From1904 && t.year() < 1904 {
                continue;
            }
            let text = serial(t, system);
            prop_assert_eq!(cell_time(&text, system), Some(t), "{}", text);
        }
    }

    #[test]
    fn no_cell_makes_the_reader_panic(text in "\\PC{0,40}") {
        let _ = cell_time(&text, DateSystem::From1900);
        let _ = cell_time(&text, DateSystem::From1904);
    }
}
