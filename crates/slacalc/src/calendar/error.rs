//! What can go wrong with a calendar, its data or its arithmetic.

use chrono::NaiveDate;
use thiserror::Error;

/// A problem of the business-time engine.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CalendarError {
    /// The date lies outside the years the holiday table covers (e.g. the PRC statutory
    /// calendar after its last published year): its day type is unknown, never assumed.
    #[error("{date} is outside the years the {table} covers ({first} to {last})")]
    OutsideCoverage {
        /// The date asked about.
        date: NaiveDate,
        /// The first covered date.
        first: NaiveDate,
        /// The last covered date.
        last: NaiveDate,
        /// What table it is, e.g. "PRC statutory holiday calendar".
        table: &'static str,
    },
    /// An instant outside the supported years 1900–2199 (or past a zone's known rules).
    #[error("outside the supported years 1900–2199")]
    OutOfRange,
    /// The calendar has no business hours at all after the given time.
    #[error("the calendar has no business hours after this time")]
    NeverOpen,
    /// A negative business duration.
    #[error("a business duration cannot be negative")]
    NegativeDuration,
    /// A time-zone name the tz database does not know.
    #[error("unknown time zone \"{0}\" (IANA names such as Asia/Shanghai or Europe/Berlin)")]
    UnknownZone(String),
    /// Weekly hours that do not read, e.g. `Mon-Fri 09:00-18:00`.
    #[error("\"{0}\" is not weekly hours like \"Mon-Fri 09:00-18:00; Sat 22:00-06:00\"")]
    BadHours(String),
    /// A business duration that does not read, e.g. `1h30m`, `2d`, `PT90M`.
    #[error("\"{0}\" is not a duration like 1h30m, 2d, 45s or PT90M")]
    BadDuration(String),
    /// A time that does not read.
    #[error("\"{0}\" is not a time like 2025-03-03T08:10:00+08:00 or 2025-03-03 08:10")]
    BadTime(String),
    /// An iCalendar file that does not read, with the line it concerns.
    #[error("line {line}: {problem}")]
    Ics {
        /// 1-based line number in the file.
        line: usize,
        /// What is wrong there.
        problem: IcsProblem,
    },
}

/// What is wrong with one line of an iCalendar file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IcsProblem {
    /// A content line without `NAME:VALUE`.
    #[error("not an iCalendar content line (NAME:VALUE): \"{0}\"")]
    NotAContentLine(String),
    /// The text does not start with `BEGIN:VCALENDAR`.
    #[error("the file must start with BEGIN:VCALENDAR")]
    NotACalendar,
    /// An `END` that closes nothing, or the wrong component.
    #[error("END:{found} does not match BEGIN:{expected}")]
    MismatchedEnd {
        /// The component the END names.
        found: String,
        /// The component that is open.
        expected: String,
    },
    /// The file ends inside a component.
    #[error("the file ends before END:{0}")]
    Unclosed(String),
    /// An event without `DTSTART`.
    #[error("the event starting here has no DTSTART")]
    MissingStart,
    /// A date or date-time value that does not read.
    #[error("{property} value \"{value}\" is not an iCalendar date (20250101) or date-time (20250101T090000Z)")]
    BadDate {
        /// The property, e.g. DTSTART.
        property: String,
        /// The value given.
        value: String,
    },
    /// A `DURATION` value that does not read.
    #[error("DURATION value \"{0}\" is not an iCalendar duration such as PT2H or P1D")]
    BadDuration(String),
    /// The event ends before it starts.
    #[error("the event ends before it starts")]
    EndBeforeStart,
    /// DTSTART is a date but DTEND a date-time, or the reverse.
    #[error("DTSTART and DTEND must both be dates or both date-times")]
    MixedKinds,
    /// A `TZID` that is neither an IANA zone nor a fixed-offset VTIMEZONE of the file.
    #[error("time zone \"{0}\" is neither an IANA zone nor a fixed-offset VTIMEZONE of this file")]
    UnknownZone(String),
    /// A timed event where only all-day events are read (holiday rulings).
    #[error("a timed event is not a day off or a make-up workday: holiday rulings are all-day events (DTSTART;VALUE=DATE:20270101)")]
    Timed,
    /// Recurring events are not supported.
    #[error(
        "recurring events (RRULE/RDATE) are not supported: list each holiday as its own event"
    )]
    Recurrence,
}
