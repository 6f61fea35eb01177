//! Time as the contract counts it, at the bottom of the engine (it uses no other module):
//! instants with their offset ([`Instant`], shown in the letter's UTC+08:00), the contract's
//! dates ([`date`]), durations in whole seconds ([`Seconds`]), and what can be wrong with any
//! of them ([`TimeError`]). All arithmetic is in whole seconds.

pub mod date;
mod duration;
mod error;
mod instant;

pub use date::parse_date;
pub(crate) use duration::read_seconds;
pub use duration::{human_duration, human_duration_zh, parse_duration, Seconds, DAY};
pub use error::TimeError;
pub(crate) use error::{DATE_TAIL, DURATION_TAIL, OUT_OF_TIME_RANGE, TIME_TAIL};
pub use instant::{contract_offset, normalize_typed, Instant, CONTRACT_OFFSET};

use std::fmt;

/// Reads a JSON string with `parse` (a time, a date, an amount of money); its error is raised
/// inside the reader's visit, so the reader knows the position (and so the field path) of the
/// bad value, and its message is the error's text.
pub struct TextVisitor<F>(pub &'static str, pub F);

impl<'de, T, E, F> serde::de::Visitor<'de> for TextVisitor<F>
where
    F: FnOnce(&str) -> Result<T, E>,
    E: fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    fn visit_str<Er: serde::de::Error>(self, v: &str) -> Result<T, Er> {
        (self.1)(v).map_err(Er::custom)
    }
}
