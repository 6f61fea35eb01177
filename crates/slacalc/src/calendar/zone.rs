//! Time zones as the calendar needs them (L1.1 "Asia/Shanghai"): the offset in force at an
//! instant, the next change of offset, and the instant a wall-clock time stands for.
//!
//! A zone is a list of transitions. Asia/Shanghai is built in (its tz-database history, see
//! [`Zone::asia_shanghai`]), so the web page needs no time-zone database; with the `tzdb` feature
//! (the default; the CLI has it, the page leaves it out) any IANA zone loads from the tz
//! database bundled by `jiff` ([`Zone::iana`]).
//!
//! Wall-clock conventions (used for every schedule boundary):
//! - a wall-clock time that does not exist (skipped by a spring-forward gap) stands for the
//!   instant the clocks jump, i.e. the end of the gap;
//! - a wall-clock time that occurs twice (fall-back overlap) stands for its first occurrence.

#[cfg(feature = "tzdb")]
use super::error::CalendarError;
use std::borrow::Cow;
use std::sync::Arc;

/// Seconds in a day.
pub(crate) const DAY: i64 = 86_400;

/// A time zone: the offsets from UTC it has used, with the instants they changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    name: Cow<'static, str>,
    /// Offset (seconds east of UTC) before the first transition.
    initial: i32,
    /// `(utc_seconds, offset_from_then_on)`, strictly increasing instants.
    transitions: Transitions,
    /// Instants at or after this are beyond the zone's known rules (`None`: the last offset
    /// holds forever).
    horizon: Option<i64>,
}

/// A zone's transitions: built in, or loaded from the tz database (shared between clones).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Transitions {
    Static(&'static [(i64, i32)]),
    #[cfg_attr(not(feature = "tzdb"), allow(dead_code))]
    Loaded(Arc<[(i64, i32)]>),
}

impl std::ops::Deref for Transitions {
    type Target = [(i64, i32)];

    fn deref(&self) -> &[(i64, i32)] {
        match self {
            Transitions::Static(t) => t,
            Transitions::Loaded(t) => t,
        }
    }
}

/// Asia/Shanghai in the tz database: local mean time until 1901, then +08:00 with summer time
/// (+09:00) in 1919, 1940–1949 and 1986–1991 (`zdump -v Asia/Shanghai`; a test checks this
/// table against the tz database bundled with `jiff`). Without `tzdb`, the web page, whose first
/// load has a size budget, carries only the 1986–1991 entries: before 1986 it shows +08:00.
#[cfg(feature = "tzdb")]
const SHANGHAI: [(i64, i32); 29] = [
    (-2_177_481_943, 28_800),
    (-1_600_675_200, 32_400),
    (-1_585_904_400, 28_800),
    (-933_667_200, 32_400),
    (-922_093_200, 28_800),
    (-908_870_400, 32_400),
    (-888_829_200, 28_800),
    (-881_049_600, 32_400),
    (-767_869_200, 28_800),
    (-745_833_600, 32_400),
    (-733_827_600, 28_800),
    (-716_889_600, 32_400),
    (-699_613_200, 28_800),
    (-683_884_800, 32_400),
    (-670_669_200, 28_800),
    (-652_348_800, 32_400),
    (-650_019_600, 28_800),
    (515_527_200, 32_400),
    (527_014_800, 28_800),
    (545_162_400, 32_400),
    (558_464_400, 28_800),
    (577_216_800, 32_400),
    (589_914_000, 28_800),
    (608_666_400, 32_400),
    (621_968_400, 28_800),
    (640_116_000, 32_400),
    (653_418_000, 28_800),
    (671_565_600, 32_400),
    (684_867_600, 28_800),
];

/// Asia/Shanghai without the `tzdb` feature (the web page): +08:00 with the 1986–1991 summer
/// times.
#[cfg(not(feature = "tzdb"))]
const SHANGHAI: [(i64, i32); 12] = [
    (515_527_200, 32_400),
    (527_014_800, 28_800),
    (545_162_400, 32_400),
    (558_464_400, 28_800),
    (577_216_800, 32_400),
    (589_914_000, 28_800),
    (608_666_400, 32_400),
    (621_968_400, 28_800),
    (640_116_000, 32_400),
    (653_418_000, 28_800),
    (671_565_600, 32_400),
    (684_867_600, 28_800),
];

/// Shanghai's local mean time before 1901: +08:05:43.
#[cfg(feature = "tzdb")]
const SHANGHAI_LMT: i32 = 29_143;
#[cfg(not(feature = "tzdb"))]
const SHANGHAI_LMT: i32 = 28_800;

impl Zone {
    /// L1.1: Asia/Shanghai (UTC+08:00 since 1991, no daylight-saving time since then).
    pub fn asia_shanghai() -> Zone {
        Zone {
            name: Cow::Borrowed("Asia/Shanghai"),
            initial: SHANGHAI_LMT,
            transitions: Transitions::Static(&SHANGHAI),
            horizon: None,
        }
    }

    /// A zone that keeps one offset (seconds east of UTC) forever, e.g. `UTC`.
    pub fn fixed(name: impl Into<Cow<'static, str>>, offset: i32) -> Zone {
        Zone {
            name: name.into(),
            initial: offset,
            transitions: Transitions::Static(&[]),
            horizon: None,
        }
    }

    /// An IANA zone (e.g. `Europe/Berlin`) from the tz database bundled by the `tzdb` feature,
    /// with its transitions up to the end of the calendar's supported range (2199); instants
    /// past that are refused if the zone still changes its clocks then. With `tzdb` only: the
    /// web page carries no tz database (docs/size.md).
    #[cfg(feature = "tzdb")]
    pub fn iana(name: &str) -> Result<Zone, CalendarError> {
        if name == "Asia/Shanghai" {
            return Ok(Zone::asia_shanghai());
        }
        let tz = jiff::tz::TimeZone::get(name)
            .map_err(|_| CalendarError::UnknownZone(name.to_string()))?;
        let start = jiff::Timestamp::from_second(super::range::FIRST_SECOND)
            .map_err(|_| CalendarError::UnknownZone(name.to_string()))?;
        let initial = tz.to_offset(start).seconds();
        let end = super::range::END_SECOND;
        let mut transitions = Vec::new();
        let mut horizon = None;
        for t in tz.following(start) {
            let at = t.timestamp().as_second();
            if at >= end {
                horizon = Some(end);
                break;
            }
            transitions.push((at, t.offset().seconds()));
        }
        Ok(Zone {
            name: Cow::Owned(name.to_string()),
            initial,
            transitions: Transitions::Loaded(Arc::from(transitions)),
            horizon,
        })
    }

    /// The zone's name, e.g. `Asia/Shanghai`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The first instant the zone's rules no longer cover, if any.
    pub fn horizon(&self) -> Option<i64> {
        self.horizon
    }

    /// Offset from UTC (seconds east) in force at the UTC instant `utc`.
    pub fn offset_at(&self, utc: i64) -> i32 {
        let i = self.transitions.partition_point(|&(t, _)| t <= utc);
        if i == 0 {
            self.initial
        } else {
            self.transitions[i - 1].1
        }
    }

    /// Wall-clock seconds (seconds since 1970-01-01T00:00 local) at the UTC instant `utc`.
    pub fn to_local(&self, utc: i64) -> i64 {
        utc + i64::from(self.offset_at(utc))
    }

    /// The first transition strictly after `utc`.
    pub fn next_transition(&self, utc: i64) -> Option<i64> {
        let i = self.transitions.partition_point(|&(t, _)| t <= utc);
        self.transitions.get(i).map(|&(t, _)| t)
    }

    /// Every transition in `[from, to)`.
    pub fn transitions_in(&self, from: i64, to: i64) -> impl Iterator<Item = i64> + '_ {
        let i = self.transitions.partition_point(|&(t, _)| t < from);
        self.transitions[i..]
            .iter()
            .map(|&(t, _)| t)
            .take_while(move |&t| t < to)
    }

    /// The UTC instant a wall-clock time stands for: a skipped time means the end of the gap,
    /// a repeated time its first occurrence (see the module doc). Monotonic in `local`.
    pub fn to_utc(&self, local: i64) -> i64 {
        // Offsets are within ±26 h, so every candidate instant lies in this window.
        let lo = local - 26 * 3600;
        let hi = local + 26 * 3600;
        let first = self.offset_at(lo);
        let valid = |off: i32| {
            let u = local - i64::from(off);
            (self.offset_at(u) == off).then_some(u)
        };
        let mut best: Option<i64> = valid(first);
        let i = self.transitions.partition_point(|&(t, _)| t <= lo);
        let mut before = first;
        for &(t, after) in self.transitions[i..].iter().take_while(|&&(t, _)| t <= hi) {
            if let Some(u) = valid(after) {
                best = Some(best.map_or(u, |b| b.min(u)));
            }
            // A gap: the wall clock jumps from t+before to t+after over `local`.
            if best.is_none() && t + i64::from(before) <= local && local < t + i64::from(after) {
                return t;
            }
            before = after;
        }
        best.unwrap_or(local - i64::from(first))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shanghai_is_plus_eight_since_1991() {
        let z = Zone::asia_shanghai();
        assert_eq!(z.offset_at(1_740_960_600), 28_800);
        assert_eq!(z.next_transition(700_000_000), None);
        // 1990-07-01 was summer time.
        assert_eq!(z.offset_at(646_790_400), 32_400);
    }

    #[test]
    fn wall_clock_gaps_and_overlaps() {
        // A toy zone: +1 h until t=10_000, then +2 h (gap), back to +1 h at t=50_000 (overlap).
        let z = Zone {
            name: Cow::Borrowed("toy"),
            initial: 3600,
            transitions: Transitions::Static(&[(10_000, 7200), (50_000, 3600)]),
            horizon: None,
        };
        // Before: plain.
        assert_eq!(z.to_utc(3600 + 5000), 5000);
        // In the gap (local 13_600..17_200 does not exist): the jump instant.
        assert_eq!(z.to_utc(15_000), 10_000);
        // In the overlap (local 53_600..57_200 occurs twice): the first occurrence.
        assert_eq!(z.to_utc(55_000), 55_000 - 7200);
        // After.
        assert_eq!(z.to_utc(60_000), 60_000 - 3600);
        // Monotonic.
        let mut last = i64::MIN;
        for l in 0..70_000 {
            let u = z.to_utc(l);
            assert!(u >= last, "{l}");
            last = u;
        }
    }

    #[cfg(feature = "tzdb")]
    #[test]
    fn built_in_shanghai_matches_the_tz_database() {
        let tz = jiff::tz::TimeZone::get("Asia/Shanghai").ok();
        let tz = tz.as_ref();
        let z = Zone::asia_shanghai();
        let mut t = -2_208_988_800; // 1900-01-01
        while t < 2_000_000_000 {
            let want = tz.and_then(|tz| {
                jiff::Timestamp::from_second(t)
                    .ok()
                    .map(|ts| tz.to_offset(ts).seconds())
            });
            assert_eq!(Some(z.offset_at(t)), want, "at {t}");
            t += 6 * 3600 + 17;
        }
    }
}
