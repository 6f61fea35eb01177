//! What can be wrong with a time, a date or a duration of a case, in the words the case
//! reader shows (the same words as the matching [`crate::error::Problem`]).

use thiserror::Error;

/// End of the message for a time that does not read.
pub(crate) const TIME_TAIL: &str =
    " is not an RFC 3339 time with offset, e.g. 2025-03-03T08:10:00+08:00";
/// End of the message for a date that does not read.
pub(crate) const DATE_TAIL: &str = " is not a date like 2024-01-01";
/// End of the message for a duration that does not read.
pub(crate) const DURATION_TAIL: &str =
    " is not a duration such as PT30M, 2h, 1h30m or a number of seconds";
/// The message for arithmetic that leaves the supported range.
pub(crate) const OUT_OF_TIME_RANGE: &str =
    "is too far from the other times of the case to compute with";

/// Why a time, date or duration cannot be read or computed with.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TimeError {
    /// A time that is not RFC 3339 with an offset (the letter's clocks, L3.3 and L4.1, need
    /// one).
    #[error("\"{0}\"{TIME_TAIL}")]
    NotATime(String),
    /// A date that is not `YYYY-MM-DD` (L4.1 warranty period).
    #[error("\"{0}\"{DATE_TAIL}")]
    NotADate(String),
    /// A duration that does not read (a commitment's `within`, an exclusion's `extend_by`).
    #[error("\"{0}\"{DURATION_TAIL}")]
    NotADuration(String),
    /// An instant or a sum of seconds outside the range the calculator computes with.
    #[error("{OUT_OF_TIME_RANGE}")]
    OutOfTimeRange,
}
