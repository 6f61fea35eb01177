//! The clock a deadline runs on: around the clock (24×7) or in office hours (L1.1). Deadline
//! code calls [`Clock::add`] for a due time and [`Clock::between`] for elapsed time, without
//! knowing which clock a commitment uses.

use super::business::Calendar;
use super::error::CalendarError;
use crate::time::Instant;

/// The clock of one commitment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clock {
    /// Every second counts (L1.2 24×7 line; the letter's default for L3.3 and L4.1).
    TwentyFourSeven,
    /// Only open seconds of the calendar count (L1.1 office hours, e.g. the L3.3c alternative
    /// "1 business hour").
    OfficeHours(Box<Calendar>),
}

impl Clock {
    /// The office-hours clock of `calendar`.
    pub fn office_hours(calendar: Calendar) -> Clock {
        Clock::OfficeHours(Box::new(calendar))
    }

    /// The instant `secs` seconds of this clock after `start`. On the 24×7 clock that is plain
    /// addition; in office hours see [`Calendar::add`] (never lands in closed time; a duration
    /// that ends with an open interval ends at its close).
    pub fn add(&self, start: Instant, secs: i64) -> Result<Instant, CalendarError> {
        match self {
            Clock::TwentyFourSeven => {
                if secs < 0 {
                    return Err(CalendarError::NegativeDuration);
                }
                start.plus(secs).ok_or(CalendarError::OutOfRange)
            }
            Clock::OfficeHours(cal) => cal.add(start, secs),
        }
    }

    /// Seconds of this clock from `a` to `b` (negative when `b` is before `a`).
    pub fn between(&self, a: Instant, b: Instant) -> Result<i64, CalendarError> {
        match self {
            Clock::TwentyFourSeven => b
                .secs()
                .checked_sub(a.secs())
                .ok_or(CalendarError::OutOfRange),
            Clock::OfficeHours(cal) => cal.between(a, b),
        }
    }
}
