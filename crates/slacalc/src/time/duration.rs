//! Durations in whole seconds: the commitments' "within 30 minutes / 2 hours" (L3.3a–c,
//! L4.1), exclusion extensions, and how long something took, as people read it.

use super::TimeError;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Seconds in one 24-hour period (L4.2 "day", L5.1 "days").
pub const DAY: i64 = 86_400;

/// A duration in whole seconds, written as ISO 8601 (`PT30M`, `P1DT2H`), as `1h30m` / `2d`
/// / `45s`, or as a plain number of seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Seconds(pub i64);

/// Reads a duration as people type it: ISO 8601 `P[nW][nD][T[nH][nM][nS]]`, or units `w`,
/// `d`, `h`, `m`, `s` in any combination (`1h30m`, `2d`). One reader for the terms, the CLI
/// and the calendar ([`crate::calendar::parse_duration`]).
pub fn parse_duration(text: &str) -> Option<Seconds> {
    read_seconds(text).filter(|s| *s >= 0).map(Seconds)
}

/// The reader behind [`parse_duration`] and [`crate::calendar::parse_duration`]: a day is 24
/// hours and a week 7 days (exact amounts of time, not working days); `None` when the text
/// does not read or the sum overflows.
pub(crate) fn read_seconds(text: &str) -> Option<i64> {
    let t = text.trim();
    let upper = t.to_ascii_uppercase();
    if let Some(iso) = upper.strip_prefix('P') {
        return parse_iso(iso);
    }
    let mut total: i64 = 0;
    let mut num = String::new();
    let mut any = false;
    for c in t.chars() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let unit = match c.to_ascii_lowercase() {
            'w' => 7 * 86_400,
            'd' => 86_400,
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => return None,
        };
        let n: i64 = num.parse().ok()?;
        total = n.checked_mul(unit).and_then(|v| total.checked_add(v))?;
        num.clear();
        any = true;
    }
    if !num.is_empty() || !any {
        return None;
    }
    Some(total)
}

/// ISO 8601 after the `P`: `nW`, or `nD` then `T` with `nH nM nS`.
fn parse_iso(rest: &str) -> Option<i64> {
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let mut total: i64 = 0;
    let mut any = false;
    let mut take = |part: &str, units: &[(char, i64)]| -> Option<()> {
        let mut num = String::new();
        let mut next = 0;
        for c in part.chars() {
            if c.is_ascii_digit() {
                num.push(c);
                continue;
            }
            let pos = units[next..].iter().position(|&(u, _)| u == c)? + next;
            let n: i64 = num.parse().ok()?;
            total = total.checked_add(n.checked_mul(units[pos].1)?)?;
            num.clear();
            next = pos + 1;
            any = true;
        }
        num.is_empty().then_some(())
    };
    take(date, &[('W', 7 * 86_400), ('D', 86_400)])?;
    if let Some(t) = time {
        if t.is_empty() {
            return None;
        }
        take(t, &[('H', 3600), ('M', 60), ('S', 1)])?;
    }
    any.then_some(total)
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
                    .map_err(|_| E::custom(TimeError::NotADuration(v.to_string())))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Seconds, E> {
                if v < 0 {
                    return Err(E::custom(TimeError::NotADuration(v.to_string())));
                }
                Ok(Seconds(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Seconds, E> {
                parse_duration(v).ok_or_else(|| E::custom(TimeError::NotADuration(v.to_string())))
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
