//! Instants as the case states them: RFC 3339 with an explicit UTC offset, kept exactly as
//! typed so that a case reads back unchanged, and shown in the letter's UTC+08:00.

use super::date::parse_date;
use super::{TextVisitor, TimeError};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// UTC+08:00, the letter's time zone (Asia/Shanghai has kept +08:00 without DST since 1991).
pub const CONTRACT_OFFSET: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(o) => o,
    None => panic!("+08:00 is a valid offset"),
};

/// The contract's offset as a value (see [`CONTRACT_OFFSET`]).
pub fn contract_offset() -> FixedOffset {
    CONTRACT_OFFSET
}

/// An instant with the offset it was written in, e.g. `2025-03-03T08:10:00+08:00`: when a
/// report came in (L1, L3.3), service stopped or came back (L4.1), a pause or a
/// force-majeure event began or ended (L3.4, L5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(pub DateTime<FixedOffset>);

impl Instant {
    /// Parses RFC 3339 text; a missing offset is an error (the letter's clocks need one).
    pub fn parse(s: &str) -> Result<Instant, chrono::ParseError> {
        DateTime::parse_from_rfc3339(s.trim()).map(Instant)
    }

    /// The instant `secs` seconds after the Unix epoch, shown in UTC+08:00.
    pub fn from_secs(secs: i64) -> Result<Instant, TimeError> {
        DateTime::from_timestamp(secs, 0)
            .map(|t| Instant(t.with_timezone(&CONTRACT_OFFSET)))
            .ok_or(TimeError::OutOfTimeRange)
    }

    /// Whole seconds since the Unix epoch.
    pub fn secs(&self) -> i64 {
        self.0.timestamp()
    }

    /// This instant `secs` seconds later, shown in the contract's offset; `None` past year 262143.
    pub fn plus(&self, secs: i64) -> Option<Instant> {
        self.0
            .checked_add_signed(chrono::TimeDelta::try_seconds(secs)?)
            .map(|t| Instant(t.with_timezone(&contract_offset())))
    }

    /// The same instant shown in the contract's offset (+08:00).
    pub fn local(&self) -> Instant {
        Instant(self.0.with_timezone(&contract_offset()))
    }

    /// The calendar date in the contract's offset.
    pub fn local_date(&self) -> NaiveDate {
        self.0.with_timezone(&contract_offset()).date_naive()
    }

    /// `YYYY-MM-DD HH:MM` in the contract's offset, for explanations.
    pub fn short(&self) -> String {
        let t = self.0.with_timezone(&contract_offset());
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute()
        )
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339())
    }
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(TextVisitor("an RFC 3339 time", |s: &str| {
            Instant::parse(s).map_err(|_| TimeError::NotATime(s.to_string()))
        }))
    }
}

/// Turns what a person types into a case timestamp: `2025-03-03 08:10`, `2025-03-03T08:10`
/// or `2025-03-03 08:10:30` are read in the contract's offset (UTC+08:00) and written as
/// RFC 3339; anything else (including a full RFC 3339 time) is returned trimmed, unchanged,
/// for the case reader to accept or to reject with its message.
pub fn normalize_typed(s: &str) -> String {
    let t = s.trim();
    parse_local(t)
        .and_then(|naive| naive.and_local_timezone(CONTRACT_OFFSET).single())
        .map(|local| local.to_rfc3339())
        .unwrap_or_else(|| t.to_string())
}

/// Reads `YYYY-MM-DD[ T]HH:MM[:SS]` (digits exactly where shown).
fn parse_local(t: &str) -> Option<NaiveDateTime> {
    let b = t.as_bytes();
    if !(b.len() == 16 || b.len() == 19) || (b[10] != b' ' && b[10] != b'T') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = t.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b[13] != b':' || (b.len() == 19 && b[16] != b':') {
        return None;
    }
    let sec = if b.len() == 19 { num(17..19)? } else { 0 };
    parse_date(t.get(0..10)?)?.and_hms_opt(num(11..13)?, num(14..16)?, sec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offset_times_and_refuses_naive_ones() {
        let t = Instant::parse("2025-03-03T08:10:00+08:00").ok();
        assert_eq!(t.map(|t| t.secs()), Some(1_740_960_600));
        assert!(Instant::parse("2025-03-03T08:10:00").is_err());
        assert!(Instant::parse("2025-03-03 08:10").is_err());
    }

    #[test]
    fn shows_in_contract_offset() {
        let t = Instant::parse("2025-03-03T00:10:00Z").ok();
        assert_eq!(t.map(|t| t.short()).as_deref(), Some("2025-03-03 08:10"));
        assert_eq!(
            t.and_then(|t| t.plus(3600))
                .map(|t| t.to_string())
                .as_deref(),
            Some("2025-03-03T09:10:00+08:00")
        );
    }

    #[test]
    fn typed_local_times_become_rfc3339_in_the_contract_offset() {
        assert_eq!(
            normalize_typed(" 2025-03-03 08:10 "),
            "2025-03-03T08:10:00+08:00"
        );
        assert_eq!(
            normalize_typed("2025-03-03T08:10:30"),
            "2025-03-03T08:10:30+08:00"
        );
        assert_eq!(
            normalize_typed("2025-03-03T08:10:00Z"),
            "2025-03-03T08:10:00Z"
        );
        assert_eq!(normalize_typed("yesterday"), "yesterday");
    }
}
