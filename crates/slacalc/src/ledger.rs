//! The ledger of a whole contract: the cap of L4.3 across incidents, penalty totals per
//! quarter, availability per month and quarter, and the monitoring schedule of L3.5.

use crate::case::MonitoringReport;
use crate::money::Fen;
use crate::time::{Instant, CONTRACT_OFFSET};
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// Splits `cap` over `claims` taken in the given order: each gets what it asks for until the
/// cap is used up. Returns what each claim actually gets (L4.3, cumulative).
pub fn apply_cap(cap: Fen, claims: &[Fen]) -> Vec<Fen> {
    let mut left = cap;
    claims
        .iter()
        .map(|&want| {
            let got = want.min(left).max(Fen(0));
            left = left.checked_sub(got).unwrap_or(Fen(0));
            got
        })
        .collect()
}

/// Penalties of one calendar quarter (by restoration date, or the assessment date while
/// still interrupted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuarterTotal {
    /// `2025-Q1`.
    pub quarter: String,
    /// Incidents with a penalty in the quarter.
    pub incidents: u32,
    /// Damages due after the cap.
    pub penalty: Fen,
    /// Damages before the cap.
    pub uncapped: Fen,
}

/// `2025-Q1` for an instant, in UTC+08:00.
pub fn quarter_of(t: Instant) -> String {
    let (y, q) = quarter_key(t);
    format!("{y}-Q{q}")
}

/// The year and quarter (1–4) of an instant, in UTC+08:00.
pub fn quarter_key(t: Instant) -> (i32, u32) {
    let d = t.local_date();
    (d.year(), (d.month() - 1) / 3 + 1)
}

/// Availability of one month or quarter: the share of it without vendor-caused interruption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Availability {
    /// `2025-03` or `2025-Q1`.
    pub period: String,
    /// Seconds of the period inside the warranty and before the assessment time.
    pub seconds: i64,
    /// Seconds of vendor-caused interruption in it.
    pub down_seconds: i64,
    /// `(seconds − down) / seconds` in percent, three decimals, rounded half up.
    pub availability_pct: String,
}

fn midnight(d: NaiveDate) -> Option<i64> {
    d.and_hms_opt(0, 0, 0)?
        .and_local_timezone(CONTRACT_OFFSET)
        .single()
        .map(|t| t.timestamp())
}

/// Months (or, with `quarters`, calendar quarters) from `start` to `end` (dates inclusive),
/// cut at `as_of`, as `(name, from, to)` in epoch seconds.
pub fn periods(
    start: NaiveDate,
    end: NaiveDate,
    as_of: i64,
    quarters: bool,
) -> Vec<(String, i64, i64)> {
    let mut out = Vec::new();
    let step = if quarters { 3 } else { 1 };
    let first_month = if quarters {
        (start.month0() / 3) * 3 + 1
    } else {
        start.month()
    };
    let Some(mut cur) = NaiveDate::from_ymd_opt(start.year(), first_month, 1) else {
        return out;
    };
    let (Some(lo), Some(hi)) = (midnight(start), end.succ_opt().and_then(midnight)) else {
        return out;
    };
    let hi = hi.min(as_of);
    while let Some(next) = cur.checked_add_months(Months::new(step)) {
        let (Some(a), Some(b)) = (midnight(cur), midnight(next)) else {
            break;
        };
        if a >= hi {
            break;
        }
        let (from, to) = (a.max(lo), b.min(hi));
        if to > from {
            let name = if quarters {
                format!("{}-Q{}", cur.year(), cur.month0() / 3 + 1)
            } else {
                format!("{}-{:02}", cur.year(), cur.month())
            };
            out.push((name, from, to));
        }
        cur = next;
    }
    out
}

/// Availability of each period given the disjoint, sorted down spans.
pub fn availability(periods: &[(String, i64, i64)], down: &[(i64, i64)]) -> Vec<Availability> {
    periods
        .iter()
        .map(|(name, from, to)| {
            let seconds = to - from;
            let down_seconds = crate::span::overlap(down, *from, *to);
            let up = i128::from(seconds - down_seconds);
            let s = i128::from(seconds.max(1));
            let thousandths = (up * 200_000 + s) / (2 * s);
            Availability {
                period: name.clone(),
                seconds,
                down_seconds,
                availability_pct: format!("{}.{:03}", thousandths / 1000, thousandths % 1000),
            }
        })
        .collect()
}

/// Where a monitoring report stands (L3.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    /// Received.
    Delivered,
    /// Its period has begun and its due date has not passed.
    Due,
    /// Not received and past its due date.
    Overdue,
    /// Its period has not begun.
    Upcoming,
}

/// One report of the L3.5 schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScheduledReport {
    /// Period number, from 1.
    pub period: u32,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// Last day the report may arrive (the period's last day plus the grace days).
    pub due: NaiveDate,
    /// Where it stands as of the assessment.
    pub status: ReportStatus,
    /// When it was delivered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<Instant>,
    /// Delivered after its due date.
    pub late: bool,
}

/// L3.5: one report per `every_months` months of the warranty, counted from its start; each
/// due on the last day of its period plus `grace_days`.
pub fn monitoring_schedule(
    start: NaiveDate,
    end: NaiveDate,
    every_months: u32,
    grace_days: u32,
    reports: &[MonitoringReport],
    as_of: Instant,
) -> Vec<ScheduledReport> {
    let today = as_of.local_date();
    let mut out = Vec::new();
    let mut k: u32 = 0;
    while let Some(from) = start.checked_add_months(Months::new(k.saturating_mul(every_months))) {
        if from > end || k >= 1000 {
            break;
        }
        let to = start
            .checked_add_months(Months::new((k + 1).saturating_mul(every_months)))
            .and_then(|d| d.pred_opt())
            .map_or(end, |d| d.min(end));
        let due = to
            .checked_add_days(chrono::Days::new(u64::from(grace_days)))
            .unwrap_or(to);
        let period = k + 1;
        let delivered = reports
            .iter()
            .filter(|r| r.period == period)
            .map(|r| r.delivered_at)
            .min();
        let status = match delivered {
            Some(_) => ReportStatus::Delivered,
            None if today > due => ReportStatus::Overdue,
            None if today < from => ReportStatus::Upcoming,
            None => ReportStatus::Due,
        };
        out.push(ScheduledReport {
            period,
            from,
            to,
            due,
            status,
            delivered_at: delivered.map(|d| d.local()),
            late: delivered.is_some_and(|d| d.local_date() > due),
        });
        k += 1;
    }
    out
}

/// Number of monitoring periods in the warranty.
pub fn period_count(start: NaiveDate, end: NaiveDate, every_months: u32) -> u32 {
    let mut k = 0;
    while let Some(from) = start.checked_add_months(Months::new(k * every_months.max(1))) {
        if from > end || k >= 1000 {
            break;
        }
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        crate::time::parse_date(s).unwrap_or_default()
    }

    #[test]
    fn l4_3_cap_is_shared_in_order() {
        assert_eq!(
            apply_cap(Fen(100), &[Fen(30), Fen(50), Fen(40), Fen(10)]),
            vec![Fen(30), Fen(50), Fen(20), Fen(0)]
        );
        assert_eq!(apply_cap(Fen(100), &[Fen(150)]), vec![Fen(100)]);
        assert_eq!(apply_cap(Fen(100), &[]), Vec::<Fen>::new());
    }

    #[test]
    fn l3_5_one_report_per_quarter_of_the_warranty() {
        let as_of = Instant::parse("2024-07-05T12:00:00+08:00").unwrap_or_else(|e| panic!("{e}"));
        let delivered =
            Instant::parse("2024-04-02T10:00:00+08:00").unwrap_or_else(|e| panic!("{e}"));
        let reports = [MonitoringReport {
            period: 1,
            delivered_at: delivered,
        }];
        let s = monitoring_schedule(
            date("2024-01-15"),
            date("2024-12-31"),
            3,
            0,
            &reports,
            as_of,
        );
        assert_eq!(s.len(), 4);
        assert_eq!(
            (s[0].from, s[0].to),
            (date("2024-01-15"), date("2024-04-14"))
        );
        assert_eq!((s[0].status, s[0].late), (ReportStatus::Delivered, false));
        // Period 2 runs 2024-04-15 … 07-14: on 07-05 its report is due, not yet overdue.
        assert_eq!(
            (s[1].due, s[1].status),
            (date("2024-07-14"), ReportStatus::Due)
        );
        assert_eq!(s[2].status, ReportStatus::Upcoming);
        assert_eq!(s[3].to, date("2024-12-31"));
        assert_eq!(s[3].status, ReportStatus::Upcoming);
    }

    #[test]
    fn availability_counts_down_time_per_month() {
        let p = periods(date("2025-01-01"), date("2025-12-31"), i64::MAX, false);
        assert_eq!(p.len(), 12);
        assert_eq!(p[1].0, "2025-02");
        let q = periods(date("2025-02-10"), date("2025-12-31"), i64::MAX, true);
        assert_eq!(q[0].0, "2025-Q1");
        let feb = &p[1];
        let down = [(feb.1, feb.1 + 3600)];
        let a = availability(&p[1..2], &down);
        // 28 days = 2,419,200 s; 1 h down → 99.851 % (99.85119…).
        assert_eq!(a[0].availability_pct, "99.851");
    }
}
