//! Instants as the case states them: RFC 3339 with an explicit UTC offset, kept exactly as
//! typed so that a case reads back unchanged. All arithmetic is in whole seconds.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Seconds in one 24-hour period (L4.2 "day", L5.1 "days").
pub const DAY: i64 = 86_400;

/// UTC+08:00, the letter's time zone (Asia/Shanghai has kept +08:00 without DST since 1991).
pub const CONTRACT_OFFSET: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(o) => o,
    None => panic!("+08:00 is a valid offset"),
};

/// The contract's offset as a value (see [`CONTRACT_OFFSET`]).
pub fn contract_offset() -> FixedOffset {
    CONTRACT_OFFSET
}

/// An instant with the offset it was written in, e.g. `2025-03-03T08:10:00+08:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(pub DateTime<FixedOffset>);

impl Instant {
    /// Parses RFC 3339 text; a missing offset is an error (the letter's clocks need one).
    pub fn parse(s: &str) -> Result<Instant, chrono::ParseError> {
        DateTime::parse_from_rfc3339(s.trim()).map(Instant)
    }

    /// The instant `secs` seconds after the Unix epoch, shown in UTC+08:00.
    pub fn from_secs(secs: i64) -> Result<Instant, crate::error::Problem> {
        DateTime::from_timestamp(secs, 0)
            .map(|t| Instant(t.with_timezone(&CONTRACT_OFFSET)))
            .ok_or(crate::error::Problem::OutOfTimeRange)
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

/// Reads a JSON string with `parse`; its error is raised inside the reader's visit, so the
/// reader knows the position (and so the field path) of the bad value.
pub struct TextVisitor<F>(pub &'static str, pub F);

impl<'de, T, F> serde::de::Visitor<'de> for TextVisitor<F>
where
    F: FnOnce(&str) -> Result<T, crate::error::Problem>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.1)(v).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(TextVisitor("an RFC 3339 time", |s: &str| {
            Instant::parse(s).map_err(|_| crate::error::Problem::NotATime(s.to_string()))
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

/// Reads a calendar date `YYYY-MM-DD` (exactly that form).
pub fn parse_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = t.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

/// Serde for the contract's dates as `YYYY-MM-DD` text (L4.1 warranty period).
pub mod date {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserializer, Serializer};

    /// Writes `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
    }

    /// Reads `YYYY-MM-DD`, with a message naming the expected form.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(super::TextVisitor("a date like 2024-01-01", |s: &str| {
            super::parse_date(s.trim())
                .ok_or_else(|| crate::error::Problem::NotADate(s.to_string()))
        }))
    }
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

/// A duration in whole seconds, written as ISO 8601 (`PT30M`, `P1DT2H`), as `1h30m` / `2d`
/// / `45s`, or as a plain number of seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Seconds(pub i64);

/// Reads a duration as people type it: ISO 8601 `P[nW][nD][T[nH][nM][nS]]`, or units `w`,
/// `d`, `h`, `m`, `s` in any combination (`1h30m`, `2d`). One reader for the terms, the CLI
/// and the calendar ([`crate::calendar::parse_duration`]).
pub fn parse_duration(text: &str) -> Option<Seconds> {
    crate::calendar::parse_duration(text)
        .ok()
        .filter(|s| *s >= 0)
        .map(Seconds)
}

impl fmt::Display for Seconds {
    /// ISO 8601: `PT30M`, `P2DT1H`, `PT0S`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let (d, h, m, sec) = (s / DAY, (s % DAY) / 3600, (s % 3600) / 60, s % 60);
        f.write_str("P")?;
        if d > 0 {
            write!(f, "{d}D")?;
        }
        if h > 0 || m > 0 || sec > 0 || d == 0 {
            f.write_str("T")?;
            if h > 0 {
                write!(f, "{h}H")?;
            }
            if m > 0 {
                write!(f, "{m}M")?;
            }
            if sec > 0 || (h == 0 && m == 0) {
                write!(f, "{sec}S")?;
            }
        }
        Ok(())
    }
}

impl Serialize for Seconds {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Seconds {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Seconds;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a duration such as \"PT30M\", \"2h\" or a number of seconds")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Seconds, E> {
                i64::try_from(v)
                    .map(Seconds)
                    .map_err(|_| E::custom(crate::error::Problem::NotADuration(v.to_string())))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Seconds, E> {
                if v < 0 {
                    return Err(E::custom(crate::error::Problem::NotADuration(
                        v.to_string(),
                    )));
                }
                Ok(Seconds(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Seconds, E> {
                parse_duration(v)
                    .ok_or_else(|| E::custom(crate::error::Problem::NotADuration(v.to_string())))
            }
        }
        d.deserialize_any(V)
    }
}

/// Formats a number of seconds as "28 h 50 min" (or "1 d 4 h 50 min" past a day).
pub fn human_duration(secs: i64) -> String {
    let s = secs.unsigned_abs();
    let (h, m, rest) = (s / 3600, (s % 3600) / 60, s % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h} h"));
    }
    if m > 0 || (h == 0 && rest == 0) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!("{m} min"));
    }
    if rest > 0 {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!("{rest} s"));
    }
    out
}

/// The same as [`human_duration`] in Chinese: "28小时50分".
pub fn human_duration_zh(secs: i64) -> String {
    let s = secs.unsigned_abs();
    let (h, m, rest) = (s / 3600, (s % 3600) / 60, s % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}小时"));
    }
    if m > 0 || (h == 0 && rest == 0) {
        out.push_str(&format!("{m}分钟"));
    }
    if rest > 0 {
        out.push_str(&format!("{rest}秒"));
    }
    out
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

    #[test]
    fn durations_are_read_in_every_written_form() {
        assert_eq!(parse_duration("PT30M"), Some(Seconds(1800)));
        assert_eq!(parse_duration("PT2H"), Some(Seconds(7200)));
        assert_eq!(parse_duration("P1DT1H"), Some(Seconds(DAY + 3600)));
        assert_eq!(parse_duration("P1W"), Some(Seconds(7 * DAY)));
        assert_eq!(parse_duration("1h30m"), Some(Seconds(5400)));
        assert_eq!(parse_duration("2d"), Some(Seconds(2 * DAY)));
        assert_eq!(parse_duration("PT90M"), Some(Seconds(5400)));
        assert_eq!(parse_duration("PT0S"), Some(Seconds(0)));
        // A bare number is ambiguous as typed text (JSON numbers are seconds, see Seconds).
        for bad in [
            "", "P", "PT", "1x", "-5", "P1H", "h", "1h30", "900", "PT5M1H",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
        assert_eq!(Seconds(1800).to_string(), "PT30M");
        assert_eq!(Seconds(DAY + 3600).to_string(), "P1DT1H");
        assert_eq!(Seconds(0).to_string(), "PT0S");
        assert_eq!(Seconds(2 * DAY).to_string(), "P2D");
    }

    #[test]
    fn durations_read_like_people_write_them() {
        assert_eq!(human_duration(28 * 3600 + 50 * 60), "28 h 50 min");
        assert_eq!(human_duration(0), "0 min");
        assert_eq!(human_duration(90), "1 min 30 s");
        assert_eq!(human_duration_zh(28 * 3600 + 50 * 60), "28小时50分钟");
    }
}
