//! Weekly hours (L1.1 "周一至周五 9:00–18:00"): any number of intervals per weekday, in wall-clock
//! time; an interval may cross midnight (a 22:00–06:00 night shift) and then belongs to the day
//! it starts on.

use super::error::CalendarError;
use super::zone::DAY;

/// Seconds in a week.
pub(crate) const WEEK: i64 = 7 * DAY;

/// One interval of a day's hours: `[start, end)` in seconds after that day's midnight;
/// `end` may pass midnight (up to 24 h after `start`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Seconds after midnight when it opens (0–86 399).
    pub start: u32,
    /// Seconds after the same midnight when it closes (after `start`, at most `start` + 24 h).
    pub end: u32,
}

impl Span {
    /// `[start, end)` from wall-clock times; an `end` at or before `start` means the next day
    /// (22:00–06:00), and 00:00–00:00 a whole day.
    pub fn new(start: u32, end: u32) -> Result<Span, CalendarError> {
        let day = DAY as u32;
        let bad = || CalendarError::BadHours(format!("{}-{}", hhmm(start), hhmm(end)));
        if start >= day || end > day {
            return Err(bad());
        }
        let end = if end <= start { end + day } else { end };
        Ok(Span { start, end })
    }

    /// Length in seconds.
    pub fn len(&self) -> i64 {
        i64::from(self.end) - i64::from(self.start)
    }

    /// Whether it has no length (never true for a span built by [`Span::new`]).
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// The hours of each weekday, Monday first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WeeklyHours {
    days: [Vec<Span>; 7],
}

const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

impl WeeklyHours {
    /// No hours on any day.
    pub fn closed() -> WeeklyHours {
        WeeklyHours::default()
    }

    /// L1.1: Monday to Friday, 09:00–18:00.
    pub fn letter() -> WeeklyHours {
        let mut w = WeeklyHours::closed();
        for d in 0..5 {
            w.days[d].push(Span {
                start: 9 * 3600,
                end: 18 * 3600,
            });
        }
        w
    }

    /// Every day, all day (the 24×7 clock as weekly hours).
    pub fn always() -> WeeklyHours {
        let mut w = WeeklyHours::closed();
        for d in &mut w.days {
            d.push(Span {
                start: 0,
                end: DAY as u32,
            });
        }
        w
    }

    /// Adds `span` to weekday `day` (0 = Monday … 6 = Sunday); out-of-range days are ignored.
    pub fn add(&mut self, day: usize, span: Span) {
        if let Some(d) = self.days.get_mut(day) {
            d.push(span);
            crate::order::sort(d);
        }
    }

    /// The spans of weekday `day` (0 = Monday), sorted by start.
    pub fn day(&self, day: usize) -> &[Span] {
        self.days.get(day).map_or(&[], |d| d.as_slice())
    }

    /// Whether no day has hours.
    pub fn is_closed(&self) -> bool {
        self.days.iter().all(|d| d.is_empty())
    }

    /// Reads weekly hours such as `Mon-Fri 09:00-18:00; Sat 22:00-06:00` or
    /// `Mon,Wed 08:00-12:00 13:00-17:00` (days: Mon Tue Wed Thu Fri Sat Sun; `;` separates
    /// groups; an end at or before the start is on the next day).
    pub fn parse(text: &str) -> Result<WeeklyHours, CalendarError> {
        let bad = || CalendarError::BadHours(text.to_string());
        let mut w = WeeklyHours::closed();
        for group in text.split(';').map(str::trim).filter(|g| !g.is_empty()) {
            let mut words = group.split_whitespace();
            let days = words.next().ok_or_else(bad)?;
            let mut chosen = Vec::new();
            for part in days.split(',') {
                let idx = |name: &str| {
                    DAY_NAMES
                        .iter()
                        .position(|d| d.eq_ignore_ascii_case(name))
                        .ok_or_else(bad)
                };
                match part.split_once('-') {
                    Some((a, b)) => {
                        let (a, b) = (idx(a)?, idx(b)?);
                        let mut d = a;
                        loop {
                            chosen.push(d);
                            if d == b {
                                break;
                            }
                            d = (d + 1) % 7;
                        }
                    }
                    None => chosen.push(idx(part)?),
                }
            }
            let mut any = false;
            for range in words {
                let (a, b) = range.split_once('-').ok_or_else(bad)?;
                let span = Span::new(
                    parse_hhmm(a).ok_or_else(bad)?,
                    parse_hhmm(b).ok_or_else(bad)?,
                )?;
                for &d in &chosen {
                    w.add(d, span);
                }
                any = true;
            }
            if !any {
                return Err(bad());
            }
        }
        if w.is_closed() {
            return Err(bad());
        }
        Ok(w)
    }

    /// The hours written back in the form [`WeeklyHours::parse`] reads.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        for (d, spans) in self.days.iter().enumerate() {
            if spans.is_empty() {
                continue;
            }
            let times: Vec<String> = spans
                .iter()
                .map(|s| format!("{}-{}", hhmm(s.start), hhmm(s.end % DAY as u32)))
                .collect();
            parts.push(format!("{} {}", DAY_NAMES[d], times.join(" ")));
        }
        parts.join("; ")
    }
}

/// `HH:MM` (or `HH:MM:SS` when the seconds are not zero).
pub fn hhmm(secs: u32) -> String {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    if s == 0 {
        format!("{h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}

/// Reads `HH:MM`, `H:MM` or `HH:MM:SS` (24:00 allowed as an end).
fn parse_hhmm(t: &str) -> Option<u32> {
    let mut it = t.split(':');
    let h: u32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let s: u32 = match it.next() {
        Some(s) => s.parse().ok()?,
        None => 0,
    };
    if it.next().is_some() || m > 59 || s > 59 || h > 24 || (h == 24 && (m > 0 || s > 0)) {
        return None;
    }
    Some(h * 3600 + m * 60 + s)
}

/// Open seconds of an ordinary week: the weekly hours folded onto one week of wall-clock
/// seconds (a Sunday night shift wraps onto Monday morning), overlaps counted once. Every week
/// without a dated exception, closure or clock change has exactly this much open time, which
/// is what lets the calendar skip whole weeks.
pub(crate) fn week_total(hours: &WeeklyHours) -> i64 {
    let mut raw = Vec::new();
    for (d, spans) in hours.days.iter().enumerate() {
        for s in spans {
            let a = d as i64 * DAY + i64::from(s.start);
            let b = d as i64 * DAY + i64::from(s.end);
            if b <= WEEK {
                raw.push((a, b));
            } else {
                raw.push((a, WEEK));
                raw.push((0, b - WEEK));
            }
        }
    }
    crate::span::merge(raw).iter().map(|&(a, b)| b - a).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_describes_weekly_hours() {
        let w = WeeklyHours::parse("Mon-Fri 09:00-18:00").ok();
        assert_eq!(w, Some(WeeklyHours::letter()));
        let w = WeeklyHours::parse("sat-mon 22:00-06:00; Wed 08:00-12:00 13:00-17:30").ok();
        assert_eq!(
            w.map(|w| w.describe()).as_deref(),
            Some("Mon 22:00-06:00; Wed 08:00-12:00 13:00-17:30; Sat 22:00-06:00; Sun 22:00-06:00")
        );
        assert!(WeeklyHours::parse("Mon 25:00-26:00").is_err());
        assert!(WeeklyHours::parse("Xyz 09:00-10:00").is_err());
        assert!(WeeklyHours::parse("Mon").is_err());
        assert!(WeeklyHours::parse("").is_err());
    }

    #[test]
    fn an_ordinary_week_counts_overlaps_once() {
        let w = WeeklyHours::parse("Sun 22:00-06:00; Mon 05:00-07:00")
            .ok()
            .unwrap_or_default();
        assert_eq!(week_total(&w), 9 * 3600);
        assert_eq!(week_total(&WeeklyHours::letter()), 45 * 3600);
        assert_eq!(week_total(&WeeklyHours::always()), WEEK);
    }
}
