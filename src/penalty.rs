//! Liquidated damages for one incident (L4.2): 0.25 % of the contract price for each day the
//! service is interrupted, once the restore deadline of L4.1 is missed.

use crate::money::Fen;
use crate::span;
use crate::time::DAY;
use serde::Serialize;

/// The penalty of one incident, before and after the cumulative cap (L4.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Penalty {
    /// Penalty days (L4.2): started 24-hour periods of counted interruption.
    pub days: u64,
    /// What those days cost: days × 0.25 % × price, rounded half up at the fen.
    pub amount: Fen,
    /// What this incident actually adds after the cumulative 5 % cap (L4.3).
    pub applied: Fen,
    /// The interruption is still going on at `as_of`: days keep accruing.
    pub accruing: bool,
    /// Seconds from interruption to restoration (or `as_of`).
    pub interrupted_seconds: i64,
    /// Seconds of that time under force majeure (L5.1) or customer pause (L3.4).
    pub excluded_seconds: i64,
    /// Interruption seconds that count: interrupted minus excluded.
    pub counted_seconds: i64,
}

/// L4.2 default: each started 24-hour period counts as a full day.
pub fn started_days(counted_seconds: i64) -> u64 {
    if counted_seconds <= 0 {
        0
    } else {
        u64::try_from((counted_seconds + DAY - 1) / DAY).unwrap_or(0)
    }
}

/// Penalty of an interruption `[from, to)` (epoch seconds) with the given force-majeure and
/// pause spans excluded, at `bp_per_day` basis points of `price` a day.
/// `None` when the amount leaves the supported range.
pub fn penalty(
    price: Fen,
    bp_per_day: u32,
    from: i64,
    to: i64,
    excluded: &[(i64, i64)],
    accruing: bool,
) -> Option<Penalty> {
    let interrupted = (to - from).max(0);
    let merged = span::merge(excluded.to_vec());
    let excluded_secs = span::overlap(&merged, from, to);
    let counted = interrupted - excluded_secs;
    let days = started_days(counted);
    Some(Penalty {
        days,
        amount: price.share_bp(bp_per_day, days)?,
        applied: Fen(0),
        accruing,
        interrupted_seconds: interrupted,
        excluded_seconds: excluded_secs,
        counted_seconds: counted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3600;

    #[test]
    fn l4_2_worked_example_two_started_days() {
        // 31 h of interruption = 2 started 24-hour periods; 2 × 0.25 % × ¥1,000,000.00.
        let p = penalty(Fen(100_000_000), 25, 0, 31 * H, &[], false);
        assert_eq!(p.as_ref().map(|p| p.days), Some(2));
        assert_eq!(p.map(|p| p.amount), Some(Fen(500_000)));
    }

    #[test]
    fn l4_2_exactly_one_day_is_one_day() {
        assert_eq!(started_days(DAY), 1);
        assert_eq!(started_days(DAY + 1), 2);
        assert_eq!(started_days(1), 1);
        assert_eq!(started_days(0), 0);
    }

    #[test]
    fn l5_1_and_l3_4_time_is_never_a_penalty_day() {
        // 30 h interrupted, 8 h typhoon and a 1 h pause inside it (overlapping by 30 min):
        // excluded 8 h 30 min, counted 21 h 30 min = 1 day.
        let ex = [(2 * H, 10 * H), (9 * H + 1800, 10 * H + 1800)];
        let p = penalty(Fen(100_000_000), 25, 0, 30 * H, &ex, false);
        assert_eq!(p.as_ref().map(|p| p.excluded_seconds), Some(8 * H + 1800));
        assert_eq!(p.map(|p| p.days), Some(1));
    }
}
