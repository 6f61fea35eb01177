//! Office hours (L1.1, L3.1): when the office hotline is staffed. Outside them a report goes
//! to the 24×7 line (L1.2, L3.2). Statutory holidays and make-up workdays are not in this
//! version's calendar yet: every Monday–Friday counts as a workday.

use crate::time::{Instant, CONTRACT_OFFSET};
use chrono::{Datelike, FixedOffset, Timelike, Weekday};
use serde::Serialize;

/// A weekly schedule of office hours in a fixed offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeHours {
    /// Offset the hours are written in.
    pub offset: FixedOffset,
    /// Seconds after midnight when the office opens.
    pub open: u32,
    /// Seconds after midnight when it closes (exclusive).
    pub close: u32,
    /// Days it is open.
    pub days: Vec<Weekday>,
}

impl OfficeHours {
    /// L1.1: Monday to Friday, 09:00–18:00, UTC+08:00.
    pub fn letter() -> OfficeHours {
        OfficeHours {
            offset: CONTRACT_OFFSET,
            open: 9 * 3600,
            close: 18 * 3600,
            days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
        }
    }

    /// Whether the office is open at `t`.
    pub fn is_open(&self, t: &Instant) -> bool {
        let local = t.0.with_timezone(&self.offset);
        let secs = local.num_seconds_from_midnight();
        self.days.contains(&local.weekday()) && secs >= self.open && secs < self.close
    }
}

/// L1.2: the line a report reaches, derived from its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// L1.1/L3.1: the office hotline, Mon–Fri 09:00–18:00.
    OfficeHotline,
    /// L1.2/L3.2: the 24×7 hotline.
    #[serde(rename = "hotline_24x7")]
    Hotline24x7,
}

/// The channel a report made at `t` goes to.
pub fn channel(office: &OfficeHours, t: &Instant) -> Channel {
    if office.is_open(t) {
        Channel::OfficeHotline
    } else {
        Channel::Hotline24x7
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn office_hours_are_weekdays_nine_to_six_in_shanghai() {
        let o = OfficeHours::letter();
        // Monday 2025-03-03.
        assert_eq!(
            channel(&o, &at("2025-03-03T08:10:00+08:00")),
            Channel::Hotline24x7
        );
        assert_eq!(
            channel(&o, &at("2025-03-03T09:00:00+08:00")),
            Channel::OfficeHotline
        );
        assert_eq!(
            channel(&o, &at("2025-03-03T17:59:59+08:00")),
            Channel::OfficeHotline
        );
        assert_eq!(
            channel(&o, &at("2025-03-03T18:00:00+08:00")),
            Channel::Hotline24x7
        );
        // Saturday.
        assert_eq!(
            channel(&o, &at("2025-03-08T10:00:00+08:00")),
            Channel::Hotline24x7
        );
        // 02:00 UTC on Monday is 10:00 in Shanghai.
        assert_eq!(
            channel(&o, &at("2025-03-03T02:00:00Z")),
            Channel::OfficeHotline
        );
    }
}
