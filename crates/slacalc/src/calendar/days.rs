//! What kind of day a date is: an ordinary workday or weekend by the weekly hours, or a dated
//! exception (a holiday, or an extra working day that overrides the weekend), with the name and
//! the source of the exception.

use super::error::CalendarError;
use super::prc::{self, Festival, Ruling, Ymd};
use super::range::{date_of, day_number};
use chrono::{Datelike, NaiveDate};
use std::sync::Arc;

/// The kind of a day, as `slacalc calendar days` prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    /// A day with hours by the weekly schedule.
    Workday,
    /// A day without hours by the weekly schedule.
    Weekend,
    /// A holiday: no hours, whatever the weekday.
    Holiday,
    /// An extra working day (PRC 调休上班日) on a day that would otherwise be off.
    MakeupWorkday,
}

impl DayKind {
    /// `workday`, `weekend`, `holiday` or `makeup-workday`.
    pub fn word(self) -> &'static str {
        match self {
            DayKind::Workday => "workday",
            DayKind::Weekend => "weekend",
            DayKind::Holiday => "holiday",
            DayKind::MakeupWorkday => "makeup-workday",
        }
    }

    /// Whether the day has hours.
    pub fn works(self) -> bool {
        matches!(self, DayKind::Workday | DayKind::MakeupWorkday)
    }
}

/// The name of a dated exception: a festival of the PRC notices (named in Chinese and
/// English), or a text used for both languages (e.g. an iCalendar SUMMARY).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayName {
    /// A festival of the statutory calendar.
    Festival(Festival),
    /// Any other name.
    Text(Arc<str>),
    /// A name in Chinese and in English (a holiday ruling's).
    Both(Arc<str>, Arc<str>),
}

impl DayName {
    /// A name used for both languages.
    pub fn same(text: impl Into<String>) -> DayName {
        DayName::Text(Arc::from(text.into()))
    }

    /// The name in Chinese, e.g. 国庆节.
    pub fn zh(&self) -> &str {
        match self {
            DayName::Festival(f) => f.names().0,
            DayName::Text(t) | DayName::Both(t, _) => t,
        }
    }

    /// The name in English, e.g. National Day.
    pub fn en(&self) -> &str {
        match self {
            DayName::Festival(f) => f.names().1,
            DayName::Text(t) | DayName::Both(_, t) => t,
        }
    }
}

/// A dated exception to the weekly hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception {
    /// Off ([`DayKind::Holiday`]) or on ([`DayKind::MakeupWorkday`]).
    pub kind: DayKind,
    /// What it is called.
    pub name: DayName,
    /// Where it comes from, e.g. 国办发明电〔2024〕12号.
    pub source: Option<Source>,
}

/// The document a dated exception comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A notice of the built-in table ([`prc::NOTICES`]).
    Notice(&'static str),
    /// A holiday ruling added to the case (L1.1), e.g. from a newer notice.
    Ruling(Arc<str>),
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Source {
    /// The document number or title.
    pub fn as_str(&self) -> &str {
        match self {
            Source::Notice(s) => s,
            Source::Ruling(s) => s,
        }
    }

    /// Whether it is a ruling added to the case rather than the built-in table.
    pub fn is_ruling(&self) -> bool {
        matches!(self, Source::Ruling(_))
    }
}

/// The range of dates a table speaks for; outside it a day's kind is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// First covered date.
    pub first: NaiveDate,
    /// Last covered date.
    pub last: NaiveDate,
    /// What the table is, for messages.
    pub what: &'static str,
    /// Day numbers of `first` and `last`.
    days: (i64, i64),
}

/// The PRC table's range, [`prc::FIRST_YEAR`]-01-01 to [`prc::LAST_YEAR`]-12-31.
const PRC_COVERAGE: Coverage = {
    let (Some(first), Some(last)) = (
        NaiveDate::from_ymd_opt(prc::FIRST_YEAR as i32, 1, 1),
        NaiveDate::from_ymd_opt(prc::LAST_YEAR as i32, 12, 31),
    ) else {
        panic!("the PRC table's years are valid dates")
    };
    Coverage {
        first,
        last,
        what: "PRC statutory holiday calendar",
        days: (prc::first_day(), prc::last_day()),
    }
};

/// What the PRC table is called once holiday rulings extended its years (L1.1).
const WITH_RULINGS: &str = "PRC statutory holiday calendar and the holiday rulings added";

/// Dated exceptions by day number, with the range they cover.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DayTable {
    /// The PRC statutory notices apply (looked up in place: the table ships in the page).
    statutory: bool,
    /// Added exceptions, sorted by day number, one per day; they win over the notices.
    entries: Arc<Vec<(i64, Exception)>>,
    coverage: Option<Coverage>,
}

/// Sets day `n`'s exception, replacing an earlier one.
fn put(entries: &mut Vec<(i64, Exception)>, n: i64, e: Exception) {
    let i = entries.partition_point(|(m, _)| *m < n);
    match entries.get_mut(i) {
        Some(slot) if slot.0 == n => slot.1 = e,
        _ => entries.insert(i, (n, e)),
    }
}

/// Day `n` in the table's form.
fn ymd_of(n: i64) -> Option<Ymd> {
    u16::try_from(n - prc::EPOCH_2000).ok().map(Ymd)
}

/// What the notices rule for `date`; the last notice to speak wins (amendments come later).
fn statutory(date: Ymd) -> Option<Exception> {
    // Only the notices of that year and the next: a notice rules on days of its year and of
    // the year before (e.g. 2007-12-29 in the 2008 notice), never later.
    let year = prc::year_of(date);
    let from = prc::NOTICES.partition_point(|n| n.year < year);
    let to = prc::NOTICES.partition_point(|n| n.year <= year.saturating_add(1));
    let mut found = None;
    for notice in &prc::NOTICES[from..to] {
        for rule in notice.days {
            let kind = match rule.ruling(notice.year) {
                Ruling::Off(a, b) if a <= date && date <= b => DayKind::Holiday,
                Ruling::Work(a) if a == date => DayKind::MakeupWorkday,
                _ => continue,
            };
            found = Some(Exception {
                kind,
                name: DayName::Festival(rule.festival()),
                source: Some(Source::Notice(notice.number)),
            });
        }
    }
    found
}

impl DayTable {
    /// No exceptions, every date covered.
    pub fn none() -> DayTable {
        DayTable::default()
    }

    /// L1.1: the PRC statutory holidays and make-up workdays of [`prc::NOTICES`], covering
    /// [`prc::FIRST_YEAR`] to [`prc::LAST_YEAR`].
    pub fn prc() -> DayTable {
        DayTable {
            statutory: true,
            entries: Arc::default(),
            coverage: Some(PRC_COVERAGE),
        }
    }

    /// Marks `from..=to` as holidays called `name`.
    pub fn add_holidays(&mut self, from: NaiveDate, to: NaiveDate, name: DayName) {
        let entries = Arc::make_mut(&mut self.entries);
        for n in day_number(from)..=day_number(to) {
            put(
                entries,
                n,
                Exception {
                    kind: DayKind::Holiday,
                    name: name.clone(),
                    source: None,
                },
            );
        }
    }

    /// Marks `date` as an extra working day (overriding a weekend or a holiday).
    pub fn add_extra_workday(&mut self, date: NaiveDate, name: DayName) {
        put(
            Arc::make_mut(&mut self.entries),
            day_number(date),
            Exception {
                kind: DayKind::MakeupWorkday,
                name,
                source: None,
            },
        );
    }

    /// Sets `date`'s exception, replacing an earlier one (the built-in notices included).
    pub fn set_exception(&mut self, date: NaiveDate, e: Exception) {
        put(Arc::make_mut(&mut self.entries), day_number(date), e);
    }

    /// Grows the coverage by `years` (sorted) that join it: the year after its last, then the
    /// next, … (and likewise before its first). A table without coverage is unchanged.
    pub fn extend_coverage(&mut self, years: &[i32]) {
        let Some(cov) = self.coverage.as_mut() else {
            return;
        };
        let (mut first, mut last) = (cov.first.year(), cov.last.year());
        while years.binary_search(&(last + 1)).is_ok() {
            last += 1;
        }
        while years.binary_search(&(first - 1)).is_ok() {
            first -= 1;
        }
        if let (Some(a), Some(b)) = (
            NaiveDate::from_ymd_opt(first, 1, 1),
            NaiveDate::from_ymd_opt(last, 12, 31),
        ) {
            if (a, b) != (cov.first, cov.last) {
                *cov = Coverage {
                    first: a,
                    last: b,
                    what: WITH_RULINGS,
                    days: (day_number(a), day_number(b)),
                };
            }
        }
    }

    /// The dates the table speaks for (`None`: every date).
    pub fn coverage(&self) -> Option<Coverage> {
        self.coverage
    }

    /// Whether day number `n` is covered.
    pub fn covers(&self, n: i64) -> bool {
        self.coverage.is_none_or(|c| c.days.0 <= n && n <= c.days.1)
    }

    /// The exception on day `n`, or an error if the table does not cover it.
    pub fn get(&self, n: i64) -> Result<Option<Exception>, CalendarError> {
        if let Some(c) = self.coverage.filter(|_| !self.covers(n)) {
            return Err(CalendarError::OutsideCoverage {
                date: date_of(n)?,
                first: c.first,
                last: c.last,
                table: c.what,
            });
        }
        let i = self.entries.partition_point(|(m, _)| *m < n);
        if let Some((_, e)) = self.entries.get(i).filter(|(m, _)| *m == n) {
            return Ok(Some(e.clone()));
        }
        Ok(if self.statutory {
            ymd_of(n).and_then(statutory)
        } else {
            None
        })
    }

    /// Day numbers of every exception in `from..to` (sorted, possibly repeated).
    pub fn days_in(&self, from: i64, to: i64) -> Vec<i64> {
        let mut out: Vec<i64> = self
            .entries
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| (from..to).contains(n))
            .collect();
        if self.statutory {
            for notice in prc::NOTICES {
                for rule in notice.days {
                    let (a, b) = match rule.ruling(notice.year) {
                        Ruling::Off(a, b) => (a.day_number(), b.day_number()),
                        Ruling::Work(a) => (a.day_number(), a.day_number()),
                    };
                    out.extend(a.max(from)..=b.min(to - 1));
                }
            }
        }
        crate::order::sort(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_notice_rules_on_days_of_its_year_and_the_year_before_only() {
        for notice in prc::NOTICES {
            for rule in notice.days {
                let (a, b) = match rule.ruling(notice.year) {
                    Ruling::Off(a, b) => (a, b),
                    Ruling::Work(a) => (a, a),
                };
                let years = prc::year_of(a)..=prc::year_of(b);
                assert!(
                    *years.start() + 1 >= notice.year && *years.end() <= notice.year,
                    "{}",
                    notice.number
                );
            }
        }
    }

    #[test]
    fn every_date_of_the_table_is_real_and_makeup_days_fall_on_weekends() {
        for notice in prc::NOTICES {
            assert!(notice.year >= prc::FIRST_YEAR && notice.year <= prc::LAST_YEAR);
            for rule in notice.days {
                let r = rule.ruling(notice.year);
                let check = |y: Ymd| {
                    let n = date_of(y.day_number());
                    assert!(n.is_ok(), "{y:?} in {}", notice.number);
                    n.unwrap_or_default()
                };
                match r {
                    Ruling::Off(a, b) => assert!(check(a) <= check(b), "{}", notice.number),
                    Ruling::Work(a) => {
                        let w = check(a).weekday();
                        assert!(
                            matches!(w, Weekday::Sat | Weekday::Sun),
                            "{a:?} in {}",
                            notice.number
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn prc_table_knows_national_day_2025_and_its_makeup_sunday() {
        let t = DayTable::prc();
        let e = t.get(day_number(date(2025, 10, 1))).ok().flatten();
        let e = e.as_ref();
        assert_eq!(e.map(|e| e.kind), Some(DayKind::Holiday));
        assert_eq!(
            e.and_then(|e| e.source.as_ref()).map(Source::as_str),
            Some("国办发明电〔2024〕12号")
        );
        let e = t.get(day_number(date(2025, 9, 28))).ok().flatten();
        let e = e.as_ref();
        assert_eq!(e.map(|e| e.kind), Some(DayKind::MakeupWorkday));
        // Amendments win: 2020-02-01 became a holiday, 2019-05-02 too.
        let e = t.get(day_number(date(2020, 2, 1))).ok().flatten();
        assert_eq!(e.map(|e| e.kind), Some(DayKind::Holiday));
        let e = t.get(day_number(date(2019, 5, 3))).ok().flatten();
        assert_eq!(e.map(|e| e.kind), Some(DayKind::Holiday));
        // Outside the table: an error, never an ordinary day.
        assert!(matches!(
            t.get(day_number(date(2027, 1, 4))),
            Err(CalendarError::OutsideCoverage { .. })
        ));
        assert!(t.get(day_number(date(2003, 12, 31))).is_err());
    }
}
