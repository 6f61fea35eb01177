//! Business durations as people type them: `1h30m`, `2d`, `45s`, `1w`, or ISO 8601 `PT90M`,
//! `P2DT3H`. A day is 24 hours of open time and a week 7 days (not "working days"): the units
//! are exact amounts of time.

use super::error::CalendarError;

/// Reads a duration into seconds (the reading is time's, one for the terms, the CLI and the
/// calendar: [`crate::time::parse_duration`]).
pub fn parse_duration(text: &str) -> Result<i64, CalendarError> {
    crate::time::read_seconds(text).ok_or_else(|| CalendarError::BadDuration(text.to_string()))
}

/// Writes seconds the way [`parse_duration`] reads them, in hours at most (business time is
/// counted in hours: `54h`, `1h30m`, `0s`), so a "d" is never mistaken for a working day.
pub fn format_duration(secs: i64) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let mut s = secs.unsigned_abs();
    let mut out = String::from(sign);
    for (unit, size) in [('h', 3600u64), ('m', 60), ('s', 1)] {
        if s >= size {
            out.push_str(&format!("{}{unit}", s / size));
            s %= size;
        }
    }
    if out.len() == sign.len() {
        out.push_str("0s");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_usual_forms() {
        assert_eq!(parse_duration("1h30m").ok(), Some(5400));
        assert_eq!(parse_duration("2d").ok(), Some(172_800));
        assert_eq!(parse_duration("45s").ok(), Some(45));
        assert_eq!(parse_duration("1w").ok(), Some(604_800));
        assert_eq!(parse_duration("PT90M").ok(), Some(5400));
        assert_eq!(parse_duration("P2DT3H").ok(), Some(2 * 86_400 + 3 * 3600));
        assert_eq!(parse_duration("pt1h0m5s").ok(), Some(3605));
        assert_eq!(parse_duration("P1W").ok(), Some(604_800));
        for bad in [
            "", "5", "h", "1x", "PT", "P", "PT1D", "P1H", "1h-2m", "PT5M1H",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn writes_what_it_reads() {
        for s in [0, 1, 59, 5400, 86_400, 90_061, 1_000_000] {
            assert_eq!(parse_duration(&format_duration(s)).ok(), Some(s));
        }
        assert_eq!(format_duration(5400), "1h30m");
        assert_eq!(format_duration(0), "0s");
        assert_eq!(format_duration(54 * 3600), "54h");
    }
}
