//! The years business-time arithmetic supports (1900–2199) and conversions between calendar
//! dates and day numbers (days since 1970-01-01).

use super::error::CalendarError;
use chrono::{Datelike, NaiveDate};

/// 1900-01-01T00:00:00Z, the first instant the calendar computes with.
pub const FIRST_SECOND: i64 = -2_208_988_800;
/// 2200-01-01T00:00:00Z, the first instant past the supported range.
pub const END_SECOND: i64 = 7_258_118_400;
/// Day number of 1900-01-01.
pub const FIRST_DAY: i64 = -25_567;
/// Day number of 2200-01-01 (exclusive end).
pub const END_DAY: i64 = 84_006;
/// Day number of Monday 1970-01-05, the start of week 0.
pub const MONDAY0: i64 = 4;

/// The day number of `date` (1970-01-01 is 0).
pub fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - 719_163
}

/// The date of day number `n`.
pub fn date_of(n: i64) -> Result<NaiveDate, CalendarError> {
    i32::try_from(n + 719_163)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or(CalendarError::OutOfRange)
}

/// Weekday index of day number `n`, Monday = 0.
pub fn weekday_index(n: i64) -> usize {
    // 1970-01-01 was a Thursday (index 3); rem_euclid(7) is in 0..7.
    (n + 3).rem_euclid(7) as usize
}

/// Week number of day number `n` (week 0 starts Monday 1970-01-05).
pub fn week_of(n: i64) -> i64 {
    (n - MONDAY0).div_euclid(7)
}

/// First day number (a Monday) of week `k`.
pub fn week_start(k: i64) -> i64 {
    MONDAY0 + 7 * k
}

/// Refuses days outside 1900–2199.
pub fn check_day(n: i64) -> Result<(), CalendarError> {
    if (FIRST_DAY..END_DAY).contains(&n) {
        Ok(())
    } else {
        Err(CalendarError::OutOfRange)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_and_weeks() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).map(day_number);
        assert_eq!(d(1970, 1, 1), Some(0));
        assert_eq!(d(1900, 1, 1), Some(FIRST_DAY));
        assert_eq!(d(2200, 1, 1), Some(END_DAY));
        assert_eq!(FIRST_SECOND, FIRST_DAY * 86_400);
        assert_eq!(END_SECOND, END_DAY * 86_400);
        assert_eq!(weekday_index(0), 3);
        assert_eq!(weekday_index(MONDAY0), 0);
        assert_eq!(week_of(MONDAY0 - 1), -1);
        assert_eq!(week_start(week_of(100)), 100 - weekday_index(100) as i64);
        assert_eq!(date_of(0).ok(), NaiveDate::from_ymd_opt(1970, 1, 1));
    }
}
