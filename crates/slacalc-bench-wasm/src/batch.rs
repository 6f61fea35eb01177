//! The batch behind the bench exports, in plain Rust (no wasm types).

use chrono::{Datelike, NaiveDate};
use slacalc::calendar::{Calendar, DayKind, DayName, DayTable, WeeklyHours, Zone};

/// The dates of `first..=last` that the PRC table rules holidays (`holidays`) or make-up
/// workdays, as `YYYY-MM-DD`.
pub fn prc_dates(first: i32, last: i32, holidays: bool) -> Vec<String> {
    let want = if holidays {
        DayKind::Holiday
    } else {
        DayKind::MakeupWorkday
    };
    let prc = Calendar::letter();
    let Some(from) = NaiveDate::from_ymd_opt(first, 1, 1) else {
        return Vec::new();
    };
    from.iter_days()
        .take_while(|d| d.year() <= last)
        .filter(|&d| prc.day(d).is_ok_and(|i| i.kind == want))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect()
}

/// Mon–Fri 09:00–18:00 Asia/Shanghai with the holidays `YYYY-MM-DD,…`.
pub fn calendar(holidays: &str) -> Result<Calendar, String> {
    let mut days = DayTable::none();
    for d in holidays.split(',').map(str::trim).filter(|d| !d.is_empty()) {
        let date = NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|e| format!("{d}: {e}"))?;
        days.add_holidays(date, date, DayName::same("holiday"));
    }
    Ok(Calendar::new(
        Zone::asia_shanghai(),
        WeeklyHours::letter(),
        days,
    ))
}

/// Calls `each` with the deadline (UTC milliseconds) of every `(start, minutes)` pair.
pub fn run(
    cal: &Calendar,
    starts_ms: &[f64],
    minutes: &[u32],
    mut each: impl FnMut(f64),
) -> Result<(), String> {
    if starts_ms.len() != minutes.len() {
        return Err("starts and minutes differ in length".into());
    }
    for (&s, &m) in starts_ms.iter().zip(minutes) {
        let end = cal
            .add_secs((s / 1000.0) as i64, i64::from(m) * 60)
            .map_err(|e| e.to_string())?;
        each(end as f64 * 1000.0);
    }
    Ok(())
}
