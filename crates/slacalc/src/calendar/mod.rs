//! Business time (issue #3): office hours (L1.1, L3.1) as a calendar value — weekly hours in
//! an IANA time zone, holidays and extra working days, the built-in PRC statutory calendar —
//! with exact arithmetic on it, and the L1.2 channel a report reaches.
//!
//! - [`Calendar`]: weekly hours ([`WeeklyHours`]) in a [`Zone`] with dated exceptions
//!   ([`DayTable`]) and timed closures; `add`, `between`, `is_open`, `next_open`,
//!   `open_intervals`, `day`.
//! - [`Clock`]: the clock a deadline runs on (24×7 or office hours).
//! - [`prc`]: the State Council notices 2004–2026 as data.
//! - [`load_ics`]: holidays from an iCalendar file.
//! - [`rulings`]: holiday rulings added by the user (a newer notice), and their readers.
//! - [`channel`]: L1.2, office hotline or 24×7 line, with the day type that decided it.

mod business;
mod clock;
mod days;
mod duration;
mod error;
mod ics;
pub mod prc;
pub mod range;
pub mod rulings;
mod week;
mod zone;

pub use business::{Calendar, Closure, DayInfo};
pub use clock::Clock;
pub use days::{Coverage, DayKind, DayName, DayTable, Exception, Source};
pub use duration::{format_duration, parse_duration};
pub use error::{CalendarError, IcsProblem};
pub use ics::load_ics;
pub use rulings::{HolidayRuling, RulingKind};
pub use week::{hhmm, Span, WeeklyHours};
pub use zone::Zone;

use crate::time::Instant;
use serde::Serialize;

/// L1.2: the line a report reaches, derived from its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// L1.1/L3.1: the office hotline, in office hours.
    OfficeHotline,
    /// L1.2/L3.2: the 24×7 hotline.
    #[serde(rename = "hotline_24x7")]
    Hotline24x7,
}

/// Why a report went to the line it went to (L1.1/L1.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routing {
    /// The line.
    pub channel: Channel,
    /// What the date is (under the plain weekly hours when `outside` is set); `None` only
    /// outside the supported years 1900–2199, where the report goes to the 24×7 line.
    pub kind: Option<DayKind>,
    /// The holiday or make-up day, with its name and source notice.
    pub exception: Option<Exception>,
    /// The holiday table's range, when the date fell outside it.
    pub outside: Option<Coverage>,
}

/// L1.2: the channel of a report made at `t` under `office` hours. A date outside the holiday
/// table's years falls back to the plain weekly hours (e.g. Mon–Fri 09:00–18:00), and the
/// routing says so.
pub fn channel(office: &Calendar, t: &Instant) -> Routing {
    let (found, outside) = match office.open_day(t.secs(), false) {
        Ok(found) => (Some(found), None),
        Err(_) => match office.open_day(t.secs(), true) {
            Ok(found) => (Some(found), office.days().coverage()),
            // Outside 1900–2199 even plain hours say nothing: the 24×7 line.
            Err(_) => (None, None),
        },
    };
    let (open, kind, exception) = match found {
        Some((open, kind, exception)) => (open, Some(kind), exception),
        None => (false, None, None),
    };
    Routing {
        channel: if open {
            Channel::OfficeHotline
        } else {
            Channel::Hotline24x7
        },
        kind,
        exception,
        outside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn line(s: &str) -> Channel {
        channel(&Calendar::letter(), &at(s)).channel
    }

    #[test]
    fn office_hours_are_weekdays_nine_to_six_in_shanghai() {
        // Monday 2025-03-03.
        assert_eq!(line("2025-03-03T08:10:00+08:00"), Channel::Hotline24x7);
        assert_eq!(line("2025-03-03T09:00:00+08:00"), Channel::OfficeHotline);
        assert_eq!(line("2025-03-03T17:59:59+08:00"), Channel::OfficeHotline);
        assert_eq!(line("2025-03-03T18:00:00+08:00"), Channel::Hotline24x7);
        // Saturday.
        assert_eq!(line("2025-03-08T10:00:00+08:00"), Channel::Hotline24x7);
        // 02:00 UTC on Monday is 10:00 in Shanghai.
        assert_eq!(line("2025-03-03T02:00:00Z"), Channel::OfficeHotline);
    }

    #[test]
    fn statutory_holidays_and_makeup_workdays_decide_the_line() {
        // National Day, a Wednesday.
        let r = channel(&Calendar::letter(), &at("2025-10-01T10:00:00+08:00"));
        assert_eq!(r.channel, Channel::Hotline24x7);
        assert_eq!(r.kind, Some(DayKind::Holiday));
        assert_eq!(r.outside, None);
        // Sunday 2025-09-28, a make-up workday.
        let r = channel(&Calendar::letter(), &at("2025-09-28T10:00:00+08:00"));
        assert_eq!(r.channel, Channel::OfficeHotline);
        assert_eq!(r.kind, Some(DayKind::MakeupWorkday));
    }

    #[test]
    fn outside_the_table_the_channel_falls_back_to_monday_to_friday() {
        // Wednesday 2027-03-03 and Saturday 2027-03-06.
        let r = channel(&Calendar::letter(), &at("2027-03-03T10:00:00+08:00"));
        assert_eq!(r.channel, Channel::OfficeHotline);
        assert!(r.outside.is_some());
        assert_eq!(r.kind, Some(DayKind::Workday));
        assert_eq!(line("2027-03-06T10:00:00+08:00"), Channel::Hotline24x7);
        assert_eq!(line("2003-06-02T10:00:00+08:00"), Channel::OfficeHotline);
        // Beyond the supported years: 24×7, without claiming a fallback.
        let r = channel(&Calendar::letter(), &at("2300-03-03T10:00:00+08:00"));
        assert_eq!(
            (r.channel, r.kind, r.outside),
            (Channel::Hotline24x7, None, None)
        );
    }
}
