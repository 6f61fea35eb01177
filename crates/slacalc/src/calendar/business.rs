//! A business calendar (L1.1 office hours) and its arithmetic, exact to the second.
//!
//! Open time is the weekly hours (in the zone's wall-clock time) on the days that work, minus
//! timed closures. Arithmetic never steps minute by minute or day by day over ordinary time:
//! an ordinary week has the same open seconds as every other, so only the
//! weeks that differ (a holiday, a make-up day, a clock change, a closure, or the day after one,
//! which a night shift may reach) are measured one by one, once per calendar, into a table of
//! running totals. `add`, `between` and `next_open` are then a binary search over that table
//! plus at most two weeks of day-by-day work, whatever the duration.
//!
//! Conventions:
//! - An interval belongs to the day it starts on: a 22:00–06:00 shift starting on a workday
//!   runs to 06:00 even if the next day is a holiday, and one starting on a holiday does not run.
//! - `add(t, d)` for `d > 0` is the earliest instant at which `d` seconds of open time have
//!   passed since `t`: it is inside an open interval or exactly at its close (when the duration
//!   ends with the interval), never in closed time. `add(t, 0)` is `next_open(t)`.
//! - `between(a, b)` is the open time in `[a, b)`, negative when `b` is before `a`.
//! - Wall-clock times that a clock change skips or repeats: see [`super::zone`].

use super::days::{DayKind, DayName, DayTable, Exception};
use super::error::CalendarError;
use super::range::{self, check_day, week_of, week_start, weekday_index};
use super::week::{week_total, Span, WeeklyHours};
use super::zone::{Zone, DAY};
use crate::time::Instant;
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::cell::OnceCell;
use std::sync::Arc;

/// A timed closure (e.g. an iCalendar event from 14:00 to 18:00), `[start, end)` in UTC seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closure {
    /// First closed second.
    pub start: i64,
    /// First second after the closure.
    pub end: i64,
    /// What it is.
    pub name: DayName,
}

/// What a date is under a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayInfo {
    /// The date.
    pub date: NaiveDate,
    /// Its kind.
    pub kind: DayKind,
    /// The holiday's or make-up day's name.
    pub name: Option<DayName>,
    /// The notice or holiday ruling it comes from.
    pub source: Option<super::days::Source>,
    /// Timed closures that fall on the date.
    pub closures: Vec<Closure>,
}

/// A business calendar: weekly hours in a time zone, dated exceptions (holidays, extra
/// working days) and timed closures (L1.1). It keeps its table of weekly running totals,
/// built on first use, in a cell: clone it rather than share it between threads.
#[derive(Debug, Clone)]
pub struct Calendar {
    zone: Zone,
    hours: WeeklyHours,
    days: DayTable,
    closures: Arc<Vec<Closure>>,
    /// Merged closure spans, sorted.
    closed: Arc<Vec<(i64, i64)>>,
    /// Whether some interval crosses midnight (then a day depends on the day before).
    spills: bool,
    /// The weekday whose hours a make-up day on an hour-less weekday takes: the first
    /// (from Monday) that has hours.
    template: usize,
    /// Built on first use; a calendar whose table cannot be built is asked again each time.
    index: OnceCell<Arc<WeekIndex>>,
}

impl PartialEq for Calendar {
    fn eq(&self, other: &Calendar) -> bool {
        self.zone == other.zone
            && self.hours == other.hours
            && self.days == other.days
            && self.closures == other.closures
    }
}

impl Eq for Calendar {}

/// Running totals of open time by week (week 0 starts Monday 1970-01-05, local).
#[derive(Debug)]
struct WeekIndex {
    /// Weeks `kmin..=kmax` are wholly inside what the calendar can compute.
    kmin: i64,
    kmax: i64,
    /// Weeks that are not ordinary, sorted.
    special: Vec<i64>,
    /// Sum over special weeks before `special[i]` of (their open time − an ordinary week's).
    before: Vec<i64>,
    /// Open time of each special week.
    totals: Vec<i64>,
    /// Open seconds of an ordinary week.
    week_open: i64,
}

impl Calendar {
    /// A calendar of `hours` in `zone` with the dated exceptions of `days`.
    pub fn new(zone: Zone, hours: WeeklyHours, days: DayTable) -> Calendar {
        let spills = (0..7).any(|d| hours.day(d).iter().any(|s| s.end > DAY as u32));
        let template = (0..7).find(|&d| !hours.day(d).is_empty()).unwrap_or(0);
        Calendar {
            zone,
            hours,
            days,
            closures: Arc::new(Vec::new()),
            closed: Arc::new(Vec::new()),
            spills,
            template,
            index: OnceCell::new(),
        }
    }

    /// L1.1 default: Monday–Friday 09:00–18:00 Asia/Shanghai, minus PRC statutory holidays,
    /// plus the official make-up workdays.
    pub fn letter() -> Calendar {
        Calendar::new(
            Zone::asia_shanghai(),
            WeeklyHours::letter(),
            DayTable::prc(),
        )
    }

    /// The same hours and zone without dated exceptions or closures (plain weekly hours, e.g.
    /// L1.1's alternative "Mon–Fri without the holiday calendar").
    pub fn without_exceptions(&self) -> Calendar {
        Calendar::new(self.zone.clone(), self.hours.clone(), DayTable::none())
    }

    /// This calendar with timed closures added (they are merged with any already there).
    pub fn with_closures(mut self, more: Vec<Closure>) -> Calendar {
        let mut all: Vec<Closure> = self.closures.as_ref().clone();
        all.extend(more);
        crate::order::sort_by_key(&mut all, |c| (c.start, c.end));
        self.closed = Arc::new(crate::span::merge(
            all.iter().map(|c| (c.start, c.end)).collect(),
        ));
        self.closures = Arc::new(all);
        self.index = OnceCell::new();
        self
    }

    /// The time zone.
    pub fn zone(&self) -> &Zone {
        &self.zone
    }

    /// The weekly hours.
    pub fn hours(&self) -> &WeeklyHours {
        &self.hours
    }

    /// The dated exceptions.
    pub fn days(&self) -> &DayTable {
        &self.days
    }

    /// The instant `utc` (seconds) shown in the zone's offset at that instant.
    pub fn instant(&self, utc: i64) -> Result<Instant, CalendarError> {
        let off =
            FixedOffset::east_opt(self.zone.offset_at(utc)).ok_or(CalendarError::OutOfRange)?;
        DateTime::from_timestamp(utc, 0)
            .map(|t| Instant(t.with_timezone(&off)))
            .ok_or(CalendarError::OutOfRange)
    }

    /// Reads a time as people type it: RFC 3339 with an offset, or `YYYY-MM-DD HH:MM[:SS]`,
    /// `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DD` (midnight) in the calendar's zone (a wall-clock
    /// time skipped or repeated by a clock change: see [`super::zone`]).
    pub fn parse_time(&self, text: &str) -> Result<Instant, CalendarError> {
        let t = text.trim();
        if let Ok(i) = Instant::parse(t) {
            return Ok(i);
        }
        let local = [
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%dT%H:%M",
        ]
        .iter()
        .find_map(|f| chrono::NaiveDateTime::parse_from_str(t, f).ok())
        .or_else(|| crate::time::parse_date(t).and_then(|d| d.and_hms_opt(0, 0, 0)))
        .ok_or_else(|| CalendarError::BadTime(text.to_string()))?;
        let secs = range::day_number(local.date()) * DAY
            + i64::from(chrono::Timelike::num_seconds_from_midnight(&local.time()));
        self.instant(self.zone.to_utc(secs))
    }

    /// What `date` is: workday, weekend, holiday or make-up workday, with its name and source.
    pub fn day(&self, date: NaiveDate) -> Result<DayInfo, CalendarError> {
        let n = range::day_number(date);
        check_day(n)?;
        let (kind, exception) = self.kind(n, false)?;
        let (lo, hi) = (self.midnight(n), self.midnight(n + 1));
        let closures = self
            .closures
            .iter()
            .filter(|c| c.start < hi && c.end > lo)
            .cloned()
            .collect();
        Ok(DayInfo {
            date,
            kind,
            name: exception.as_ref().map(|e| e.name.clone()),
            source: exception.and_then(|e| e.source),
            closures,
        })
    }

    /// Whether the calendar is open at `t` (open intervals are `[open, close)`).
    pub fn is_open(&self, t: Instant) -> Result<bool, CalendarError> {
        let t = t.secs();
        let n = self.day_at(t);
        Ok(self.day_intervals(n)?.iter().any(|&(a, b)| a <= t && t < b))
    }

    /// Whether the calendar is open at the UTC instant `t`, with the kind of `t`'s day and its
    /// exception, from one lookup (`plain`: by the weekly hours alone). For L1.2 routing.
    pub(crate) fn open_day(
        &self,
        t: i64,
        plain: bool,
    ) -> Result<(bool, DayKind, Option<Exception>), CalendarError> {
        let n = self.day_at(t);
        check_day(n)?;
        if self.zone.horizon().is_some_and(|h| t >= h) {
            return Err(CalendarError::OutOfRange);
        }
        // The same test as `day_intervals`, for one instant and without building the day's
        // list: inside one of the day's spans, or of the day before's night spans.
        let (kind, exception) = self.kind(n, plain)?;
        let inside = |day: i64, s: &Span| {
            self.zone.to_utc(day * DAY + i64::from(s.start)) <= t
                && t < self.zone.to_utc(day * DAY + i64::from(s.end))
        };
        // The day's kind is looked up once (a holiday lookup reads the notices).
        let mut open = self.spans_of(n, kind).iter().any(|s| inside(n, s));
        if !open && self.spills {
            open = self.spans(n - 1, plain)?.iter().any(|s| inside(n - 1, s));
        }
        let closed = self.closed.iter().any(|&(a, b)| a <= t && t < b);
        Ok((open && !closed, kind, exception))
    }

    /// The first instant at or after `t` when the calendar is open.
    pub fn next_open(&self, t: Instant) -> Result<Instant, CalendarError> {
        let end = self.add_secs(t.secs(), 1)?;
        self.instant(end - 1)
    }

    /// The instant `d` seconds of open time after `start` (see the module doc for the
    /// conventions).
    pub fn add(&self, start: Instant, d: i64) -> Result<Instant, CalendarError> {
        if d == 0 {
            return self.next_open(start);
        }
        self.instant(self.add_secs(start.secs(), d)?)
    }

    /// Open time, in seconds, from `a` to `b` (negative when `b` is before `a`).
    pub fn between(&self, a: Instant, b: Instant) -> Result<i64, CalendarError> {
        let (ca, cb) = (self.cumulative(a.secs())?, self.cumulative(b.secs())?);
        cb.checked_sub(ca).ok_or(CalendarError::OutOfRange)
    }

    /// The open intervals within `[from, to)`, merged where one ends as the next begins.
    pub fn open_intervals(
        &self,
        from: Instant,
        to: Instant,
    ) -> Result<Vec<(Instant, Instant)>, CalendarError> {
        let (from, to) = (from.secs(), to.secs());
        let mut out: Vec<(i64, i64)> = Vec::new();
        if to <= from {
            return Ok(Vec::new());
        }
        let last = self.day_at(to - 1);
        for n in self.day_at(from)..=last {
            for (a, b) in self.day_intervals(n)? {
                let (a, b) = (a.max(from), b.min(to));
                if a >= b {
                    continue;
                }
                match out.last_mut() {
                    Some(prev) if prev.1 == a => prev.1 = b,
                    _ => out.push((a, b)),
                }
            }
        }
        out.into_iter()
            .map(|(a, b)| Ok((self.instant(a)?, self.instant(b)?)))
            .collect()
    }

    /// [`Calendar::add`] on UTC seconds; `d` must be positive.
    pub fn add_secs(&self, start: i64, d: i64) -> Result<i64, CalendarError> {
        if d < 0 {
            return Err(CalendarError::NegativeDuration);
        }
        let c = self.cumulative(start)?;
        let target = c.checked_add(d).ok_or(CalendarError::OutOfRange)?;
        self.locate(target, start, c)
    }

    // ----- days -----

    /// UTC start of day `n`'s window (its wall-clock midnight).
    fn midnight(&self, n: i64) -> i64 {
        self.zone.to_utc(n * DAY)
    }

    /// The day whose window holds the UTC instant `t`.
    fn day_at(&self, t: i64) -> i64 {
        let mut n = self.zone.to_local(t).div_euclid(DAY);
        while t >= self.midnight(n + 1) {
            n += 1;
        }
        while t < self.midnight(n) {
            n -= 1;
        }
        n
    }

    /// Kind of day `n`, with its exception if any (`plain`: ignoring the dated exceptions).
    fn kind(&self, n: i64, plain: bool) -> Result<(DayKind, Option<Exception>), CalendarError> {
        let exception = if plain { None } else { self.days.get(n)? };
        Ok(match exception {
            Some(e) => (e.kind, Some(e)),
            None if self.hours.day(weekday_index(n)).is_empty() => (DayKind::Weekend, None),
            None => (DayKind::Workday, None),
        })
    }

    /// The spans day `n` opens by (empty on a day off). A make-up day on a weekday without
    /// hours takes the hours of the first weekday (from Monday) that has some.
    fn spans(&self, n: i64, plain: bool) -> Result<&[Span], CalendarError> {
        let (kind, _) = self.kind(n, plain)?;
        Ok(self.spans_of(n, kind))
    }

    /// [`Calendar::spans`] of day `n`, whose kind is `kind`.
    fn spans_of(&self, n: i64, kind: DayKind) -> &[Span] {
        if !kind.works() {
            return &[];
        }
        let own = self.hours.day(weekday_index(n));
        if own.is_empty() {
            self.hours.day(self.template)
        } else {
            own
        }
    }

    /// The open intervals of day `n`'s window, in UTC seconds, sorted and disjoint.
    fn day_intervals(&self, n: i64) -> Result<Vec<(i64, i64)>, CalendarError> {
        self.day_intervals_as(n, false)
    }

    /// [`Calendar::day_intervals`], `plain`: by the weekly hours alone.
    fn day_intervals_as(&self, n: i64, plain: bool) -> Result<Vec<(i64, i64)>, CalendarError> {
        check_day(n)?;
        let (lo, hi) = (self.midnight(n), self.midnight(n + 1));
        if self.zone.horizon().is_some_and(|h| hi > h) {
            return Err(CalendarError::OutOfRange);
        }
        let mut raw = Vec::new();
        let mut push = |day: i64, s: &Span| {
            let a = self.zone.to_utc(day * DAY + i64::from(s.start));
            let b = self.zone.to_utc(day * DAY + i64::from(s.end));
            let (a, b) = (a.max(lo), b.min(hi));
            if a < b {
                raw.push((a, b));
            }
        };
        if self.spills {
            for s in self.spans(n - 1, plain)? {
                if s.end > DAY as u32 {
                    push(n - 1, s);
                }
            }
        }
        for s in self.spans(n, plain)? {
            push(n, s);
        }
        let open = crate::span::merge(raw);
        if self.closed.is_empty() {
            return Ok(open);
        }
        Ok(subtract(&open, &self.closed))
    }

    /// Open seconds of day `n`'s window before UTC instant `t` (all of it if `t` is later).
    fn open_before_in_day(&self, n: i64, t: i64) -> Result<i64, CalendarError> {
        Ok(self
            .day_intervals(n)?
            .iter()
            .map(|&(a, b)| (b.min(t) - a).max(0))
            .sum())
    }

    // ----- weeks -----

    fn index(&self) -> Result<Arc<WeekIndex>, CalendarError> {
        if let Some(ix) = self.index.get() {
            return Ok(ix.clone());
        }
        let ix = Arc::new(self.build_index()?);
        Ok(self.index.get_or_init(|| ix).clone())
    }

    fn build_index(&self) -> Result<WeekIndex, CalendarError> {
        // Days the calendar can compute: 1900–2199, the table's coverage, the zone's rules.
        let mut first = range::FIRST_DAY;
        let mut end = range::END_DAY;
        if let Some(c) = self.days.coverage() {
            first = first.max(range::day_number(c.first));
            end = end.min(range::day_number(c.last) + 1);
        }
        if let Some(h) = self.zone.horizon() {
            end = end.min(self.day_at(h));
        }
        if self.spills {
            first += 1; // the first day's night shift would start on an unknown day
        }
        let kmin = week_of(first) + i64::from(weekday_index(first) != 0);
        let kmax = (week_of(end) - 1).max(kmin - 1);

        // Days that differ from an ordinary week, and the day after each.
        let mut odd: Vec<i64> = self.days.days_in(first, end);
        for t in self
            .zone
            .transitions_in(self.midnight(first), self.midnight(end))
        {
            odd.push(self.day_at(t));
        }
        for &(a, b) in self.closed.iter() {
            let (a, b) = (self.day_at(a), self.day_at(b - 1));
            odd.extend(a.max(first - 1)..=b.min(end));
        }
        let mut weeks: Vec<i64> = odd
            .iter()
            .flat_map(|&n| [week_of(n), week_of(n + 1)])
            .filter(|k| (kmin..=kmax).contains(k))
            .collect();
        crate::order::sort(&mut weeks);
        weeks.dedup();

        let w = week_total(&self.hours);
        let mut totals = Vec::with_capacity(weeks.len());
        let mut before = Vec::with_capacity(weeks.len());
        let mut sum = 0i64;
        for &k in &weeks {
            let mut total = 0;
            for n in week_start(k)..week_start(k + 1) {
                total += self.open_before_in_day(n, i64::MAX)?;
            }
            before.push(sum);
            sum += total - w;
            totals.push(total);
        }
        Ok(WeekIndex {
            kmin,
            kmax,
            special: weeks,
            before,
            totals,
            week_open: w,
        })
    }

    /// Open time from week 0's start to the start of week `k` (`kmin <= k <= kmax + 1`).
    fn week_total_before(&self, ix: &WeekIndex, k: i64) -> i64 {
        let i = ix.special.partition_point(|&s| s < k);
        let extra = if i == 0 {
            0
        } else {
            ix.before[i - 1] + ix.totals[i - 1] - ix.week_open
        };
        k * ix.week_open + extra
    }

    /// Open time from week 0's start to the UTC instant `t`.
    fn cumulative(&self, t: i64) -> Result<i64, CalendarError> {
        let ix = self.index()?;
        let n = self.day_at(t);
        check_day(n)?;
        let k = week_of(n);
        if k >= ix.kmin && k <= ix.kmax + 1 {
            let mut c = self.week_total_before(&ix, k);
            for m in week_start(k)..n {
                c += self.open_before_in_day(m, i64::MAX)?;
            }
            // At the very start of its day nothing of the day counts (so the instant right
            // after a table's last day is still computable).
            if t > self.midnight(n) {
                c += self.open_before_in_day(n, t)?;
            }
            return Ok(c);
        }
        if k == ix.kmin - 1 {
            // The partial week before the index: count back from its end.
            let mut c = self.week_total_before(&ix, ix.kmin);
            c -= self
                .day_intervals(n)?
                .iter()
                .map(|&(a, b)| b - a.max(t).min(b))
                .sum::<i64>();
            for m in n + 1..week_start(ix.kmin) {
                c -= self.open_before_in_day(m, i64::MAX)?;
            }
            return Ok(c);
        }
        // Outside what the calendar covers: say precisely why.
        self.day_intervals(n)?;
        Err(CalendarError::OutOfRange)
    }

    /// The earliest instant whose cumulative open time is `target`, not before `from` (whose
    /// cumulative open time is `c_from`).
    fn locate(&self, target: i64, from: i64, c_from: i64) -> Result<i64, CalendarError> {
        let ix = self.index()?;
        let start_day = self.day_at(from);
        // The week holding the target: the last k with total-before(k) < target.
        let mut n = start_day;
        let mut c = c_from;
        let k_from = week_of(start_day) + 1;
        if k_from >= ix.kmin
            && k_from <= ix.kmax + 1
            && self.week_total_before(&ix, k_from) < target
        {
            let (mut lo, mut hi) = (k_from, ix.kmax + 1);
            while lo < hi {
                let mid = lo + (hi - lo + 1) / 2;
                if self.week_total_before(&ix, mid) < target {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            if lo == ix.kmax + 1
                && ix.week_open == 0
                && ix.special.last().is_none_or(|&s| s < k_from)
            {
                return Err(CalendarError::NeverOpen);
            }
            n = week_start(lo);
            c = self.week_total_before(&ix, lo);
        }
        // Walk the days of that week (and, past the index's end, on until coverage ends).
        loop {
            for (a, b) in self.day_intervals(n)? {
                let a = a.max(from);
                if a >= b {
                    continue;
                }
                if c + (b - a) >= target {
                    return Ok(a + (target - c));
                }
                c += b - a;
            }
            n += 1;
            if n - start_day > 14 && week_of(n) > ix.kmax + 1 && ix.week_open == 0 {
                return Err(CalendarError::NeverOpen);
            }
        }
    }
}

/// `open` minus `closed` (both sorted and disjoint).
fn subtract(open: &[(i64, i64)], closed: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    for &(a, b) in open {
        let mut a = a;
        let i = closed.partition_point(|&(_, e)| e <= a);
        for &(cs, ce) in closed[i..].iter().take_while(|&&(cs, _)| cs < b) {
            if cs > a {
                out.push((a, cs));
            }
            a = a.max(ce);
        }
        if a < b {
            out.push((a, b));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtracts_closures() {
        assert_eq!(
            subtract(&[(0, 10), (20, 30)], &[(5, 8), (9, 22), (29, 40)]),
            vec![(0, 5), (8, 9), (22, 29)]
        );
    }
}
