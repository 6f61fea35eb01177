//! Liquidated damages for one incident (L4.2): a rate of the contract price for each period
//! the service is interrupted, once the restore deadline of L4.1 is missed, with the period
//! counting of the chosen reading.

use crate::money::Fen;
use crate::span;
use crate::terms::{PenaltyDays, PenaltyRule, Per};
use serde::Serialize;

/// The penalty of one incident, before and after the cap (L4.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Penalty {
    /// Penalty periods counted (days, or hours for a per-hour rate); for pro-rata counting
    /// the whole periods, see `periods_exact`.
    pub days: u64,
    /// The periods as counted, as a decimal text ("2", "1.2917" for pro rata).
    pub periods_exact: String,
    /// What those periods cost: periods × rate × price, rounded half up at the fen.
    pub amount: Fen,
    /// What this incident actually adds after the cap (L4.3).
    pub applied: Fen,
    /// The interruption is still going on at `as_of`: periods keep accruing.
    pub accruing: bool,
    /// Seconds from interruption to restoration (or `as_of`).
    pub interrupted_seconds: i64,
    /// Seconds of the counted window under force majeure (L5.1) or customer pause (L3.4).
    pub excluded_seconds: i64,
    /// Seconds that count: the window (the whole interruption, or only the time past the
    /// deadline) minus the excluded time.
    pub counted_seconds: i64,
}

/// Started periods: each begun period counts in full.
pub fn started_days(counted_seconds: i64) -> u64 {
    started_periods(counted_seconds, crate::time::DAY)
}

fn started_periods(counted: i64, per: i64) -> u64 {
    if counted <= 0 {
        0
    } else {
        u64::try_from((counted + per - 1) / per).unwrap_or(0)
    }
}

/// Distinct periods (UTC+08:00 calendar days, or clock hours) that the spans touch.
fn periods_touched(spans: &[(i64, i64)], per: i64) -> u64 {
    let offset = i64::from(crate::time::CONTRACT_OFFSET.local_minus_utc());
    let mut last: Option<i64> = None;
    let mut n: u64 = 0;
    for &(s, e) in spans {
        if e <= s {
            continue;
        }
        let first = (s + offset).div_euclid(per);
        let end = (e - 1 + offset).div_euclid(per);
        let start = match last {
            Some(l) if l >= first => l + 1,
            _ => first,
        };
        if end >= start {
            n += u64::try_from(end - start + 1).unwrap_or(0);
            last = Some(end);
        }
    }
    n
}

/// `[from, to)` minus the disjoint, sorted `excluded` spans.
fn remaining(from: i64, to: i64, excluded: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    let mut cur = from;
    for &(s, e) in excluded {
        if e <= cur || s >= to {
            continue;
        }
        if s > cur {
            out.push((cur, s));
        }
        cur = cur.max(e);
    }
    if cur < to {
        out.push((cur, to));
    }
    out
}

/// What the penalty of one interruption is computed from.
pub struct Interruption<'a> {
    /// Start of the interruption (epoch seconds).
    pub from: i64,
    /// Restoration, or the assessment time while still interrupted.
    pub to: i64,
    /// The restore deadline (for "past deadline" counting).
    pub due: i64,
    /// Force-majeure and pause spans, never penalty time.
    pub excluded: &'a [(i64, i64)],
    /// Still interrupted at the assessment time.
    pub accruing: bool,
}

/// The penalty of an interruption under `rule`, counted as `counting` says, on `price`.
/// `None` when the amount leaves the supported range.
pub fn penalty(
    price: Fen,
    rule: &PenaltyRule,
    counting: PenaltyDays,
    i: &Interruption<'_>,
) -> Option<Penalty> {
    let per = rule.per.seconds();
    let window_from = match counting {
        PenaltyDays::PastDeadline => i.from.max(i.due),
        _ => i.from,
    };
    let merged = span::merge(i.excluded.to_vec());
    let window = (i.to - window_from).max(0);
    let excluded = span::overlap(&merged, window_from, i.to.max(window_from));
    let counted = window - excluded;
    let (periods, exact, amount) = match counting {
        PenaltyDays::StartedPeriods | PenaltyDays::PastDeadline => {
            let n = started_periods(counted, per);
            (n, n.to_string(), price.share_bp(rule.rate_bp, n)?)
        }
        PenaltyDays::WholeDays => {
            let n = u64::try_from(counted.max(0) / per).unwrap_or(0);
            (n, n.to_string(), price.share_bp(rule.rate_bp, n)?)
        }
        PenaltyDays::CalendarDays => {
            let n = periods_touched(&remaining(window_from, i.to, &merged), per);
            (n, n.to_string(), price.share_bp(rule.rate_bp, n)?)
        }
        PenaltyDays::ProRata => {
            let c = i128::from(counted.max(0));
            let num = price
                .0
                .checked_mul(i128::from(rule.rate_bp))?
                .checked_mul(c)?;
            let den = 10_000 * i128::from(per);
            let amount = Fen((num.checked_add(den / 2)?) / den);
            let whole = u64::try_from(counted.max(0) / per).unwrap_or(0);
            // Four decimals of a period, rounded half up, for display only.
            let ten_thousandths = (c * 10_000 + i128::from(per) / 2) / i128::from(per);
            let text = format!(
                "{}.{:04}",
                ten_thousandths / 10_000,
                ten_thousandths % 10_000
            );
            (whole, text, amount)
        }
    };
    Some(Penalty {
        days: periods,
        periods_exact: exact,
        amount,
        applied: Fen(0),
        accruing: i.accruing,
        interrupted_seconds: (i.to - i.from).max(0),
        excluded_seconds: excluded,
        counted_seconds: counted,
    })
}

/// The name of a rule's period, for explanations: (Chinese, English).
pub fn period_names(per: Per) -> (&'static str, &'static str) {
    match per {
        Per::Day => ("天", "day"),
        Per::Hour => ("小时", "hour"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::DAY;

    const H: i64 = 3600;

    fn letter() -> PenaltyRule {
        crate::terms::Terms::preset("eyou-sdju")
            .map(|t| t.penalty)
            .unwrap_or_else(|| panic!("preset"))
    }

    fn worked(counting: PenaltyDays) -> Penalty {
        // 2025-03-03 08:00 → 2025-03-04 15:00 (+08:00); restore due 10:10 on 03-03.
        let from = 1_740_960_000;
        let i = Interruption {
            from,
            to: from + 31 * H,
            due: from + 2 * H + 600,
            excluded: &[],
            accruing: false,
        };
        penalty(Fen(100_000_000), &letter(), counting, &i).unwrap_or_default()
    }

    #[test]
    fn l4_2_worked_example_under_every_counting() {
        // 31 h: 2 started days = ¥5,000.00.
        let p = worked(PenaltyDays::StartedPeriods);
        assert_eq!((p.days, p.amount), (2, Fen(500_000)));
        // Past the deadline: 10:10 → next day 15:00 = 28 h 50 min → 2 started days.
        let p = worked(PenaltyDays::PastDeadline);
        assert_eq!(
            (p.days, p.amount, p.counted_seconds),
            (2, Fen(500_000), 28 * H + 3000)
        );
        // Whole days: floor(31 / 24) = 1 → ¥2,500.00.
        let p = worked(PenaltyDays::WholeDays);
        assert_eq!((p.days, p.amount), (1, Fen(250_000)));
        // Pro rata: 31/24 × ¥2,500.00 = ¥3,229.166… → ¥3,229.17; 1.2917 days.
        let p = worked(PenaltyDays::ProRata);
        assert_eq!(
            (p.amount, p.periods_exact.as_str()),
            (Fen(322_917), "1.2917")
        );
        // Calendar days touched: 03-03 and 03-04 → 2.
        let p = worked(PenaltyDays::CalendarDays);
        assert_eq!((p.days, p.amount), (2, Fen(500_000)));
    }

    #[test]
    fn l4_2_exactly_one_day_is_one_day() {
        assert_eq!(started_days(DAY), 1);
        assert_eq!(started_days(DAY + 1), 2);
        assert_eq!(started_days(1), 1);
        assert_eq!(started_days(0), 0);
    }

    #[test]
    fn calendar_days_skip_excluded_days() {
        // Three dates touched, but the middle one is entirely force majeure.
        let day0 = 1_740_931_200; // 2025-03-03 00:00 +08:00
        let spans = remaining(
            day0 + 20 * H,
            day0 + 2 * DAY + H,
            &[(day0 + DAY, day0 + 2 * DAY)],
        );
        assert_eq!(periods_touched(&spans, DAY), 2);
    }

    #[test]
    fn l5_1_and_l3_4_time_is_never_a_penalty_day() {
        // 30 h interrupted, 8 h typhoon and a 1 h pause inside it (overlapping by 30 min):
        // excluded 8 h 30 min, counted 21 h 30 min = 1 day.
        let ex = [(2 * H, 10 * H), (9 * H + 1800, 10 * H + 1800)];
        let i = Interruption {
            from: 0,
            to: 30 * H,
            due: 2 * H,
            excluded: &ex,
            accruing: false,
        };
        let p = penalty(Fen(100_000_000), &letter(), PenaltyDays::StartedPeriods, &i);
        assert_eq!(p.as_ref().map(|p| p.excluded_seconds), Some(8 * H + 1800));
        assert_eq!(p.map(|p| p.days), Some(1));
    }
}
