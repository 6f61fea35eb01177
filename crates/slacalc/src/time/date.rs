//! The contract's dates (L4.1 warranty period) as `YYYY-MM-DD` text; also the serde format
//! of such a field (`#[serde(with = "crate::time::date")]`).

use super::TimeError;
use chrono::{Datelike, NaiveDate};
use serde::{Deserializer, Serializer};

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

/// Writes `YYYY-MM-DD`.
pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
}

/// Reads `YYYY-MM-DD`, with a message naming the expected form.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(super::TextVisitor("a date like 2024-01-01", |s: &str| {
        parse_date(s.trim()).ok_or_else(|| TimeError::NotADate(s.to_string()))
    }))
}
