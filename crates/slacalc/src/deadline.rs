//! Deadlines (L3.3a–c, L4.1): when each commitment falls due, on the 24×7 clock, after the
//! customer pauses of L3.4 and the force-majeure extensions of L5.1, and whether it was met.

use crate::error::Problem;
use crate::interpretation::Extension;
use crate::time::{Instant, DAY};
use crate::vocab::Clock;
use serde::Serialize;

/// Which commitment a deadline belongs to (L3.3a–c, L4.1); its home is [`crate::vocab`].
pub use crate::vocab::DeadlineKind;

/// Whether a deadline was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Done at or before the due time.
    Met,
    /// Done after the due time, or not done and the due time has passed as of `as_of`.
    Missed,
    /// Not done yet and not yet due as of `as_of`.
    Pending,
}

/// One deadline of one incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// The commitment.
    pub kind: DeadlineKind,
    /// The clause it comes from.
    pub clause: String,
    /// The clock it runs on (24×7 or office hours).
    pub clock: Clock,
    /// When its clock starts (the report, L3.3 and L4.1).
    pub from: Instant,
    /// The committed duration in seconds before any extension.
    pub allowed_seconds: i64,
    /// Seconds added for customer pauses (L3.4).
    pub paused_seconds: i64,
    /// Seconds added for force majeure (L5.1).
    pub force_majeure_seconds: i64,
    /// When it falls due.
    pub due: Instant,
    /// When it was actually done, if it was.
    pub actual: Option<Instant>,
    /// Met, missed or pending.
    pub status: Status,
    /// Minutes past the due time (started minutes), 0 unless missed.
    pub late_minutes: i64,
    /// Seconds past the due time, 0 unless missed.
    pub late_seconds: i64,
}

/// The stoppages that move a deadline: merged customer pauses (only where L3.4 applies)
/// and force-majeure events (each as its own span, L5.1).
#[derive(Debug, Clone, Default)]
pub struct Stoppages {
    /// Disjoint customer pauses, sorted.
    pub pauses: Vec<(i64, i64)>,
    /// Force-majeure events, sorted by start.
    pub force_majeure: Vec<(i64, i64)>,
}

/// L5.1: how much an event of `[start, end)` extends a deadline: its duration rounded up to
/// whole days (default), or exactly.
pub fn force_majeure_extension(start: i64, end: i64, how: Extension) -> i64 {
    let len = (end - start).max(0);
    match how {
        Extension::WholeDays => (len + DAY - 1) / DAY * DAY,
        Extension::Exact => len,
    }
}

/// How a clock counts time: every second (24×7) or only office hours.
pub trait ClockTime {
    /// The instant `secs` counted seconds after `start` (epoch seconds).
    fn add(&self, start: i64, secs: i64) -> Result<i64, Problem>;
    /// Counted seconds in `[a, b)`.
    fn between(&self, a: i64, b: i64) -> Result<i64, Problem>;
}

/// The 24×7 clock: every second counts.
pub struct Wall;

impl ClockTime for Wall {
    fn add(&self, start: i64, secs: i64) -> Result<i64, Problem> {
        start.checked_add(secs).ok_or(Problem::OutOfTimeRange)
    }
    fn between(&self, a: i64, b: i64) -> Result<i64, Problem> {
        Ok((b - a).max(0))
    }
}

/// The office-hours clock (L1.1 with the holiday calendar): only open time counts. A date
/// the holiday table does not cover is an error, never an ordinary week.
impl ClockTime for crate::calendar::Calendar {
    fn add(&self, start: i64, secs: i64) -> Result<i64, Problem> {
        self.add_secs(start, secs)
            .map_err(|e| Problem::Calendar(e.to_string()))
    }
    fn between(&self, a: i64, b: i64) -> Result<i64, Problem> {
        let (a, b) = (Instant::from_secs(a)?, Instant::from_secs(b)?);
        crate::calendar::Calendar::between(self, a, b)
            .map(|s| s.max(0))
            .map_err(|e| Problem::Calendar(e.to_string()))
    }
}

/// Due time in epoch seconds of a commitment of `allowed` counted seconds whose clock starts
/// at `from`: paused time inside the running window does not count (L3.4), and every
/// force-majeure event that starts while the deadline is still running (at or after `from`,
/// before the due time) extends it (L5.1). An event already under way when the clock starts
/// does not move the deadline; its time is still never a penalty day.
/// Returns (due, paused counted seconds, force-majeure seconds).
pub fn due_time(
    from: i64,
    allowed: i64,
    stop: &Stoppages,
    pauses_apply: bool,
    how: Extension,
    clock: &dyn ClockTime,
) -> Result<(i64, i64, i64), Problem> {
    let over = || Problem::OutOfTimeRange;
    let (mut paused, mut fm_ext) = (0, 0);
    loop {
        let due = clock
            .add(from, allowed.checked_add(paused).ok_or_else(over)?)?
            .checked_add(fm_ext)
            .ok_or_else(over)?;
        let mut new_paused: i64 = 0;
        if pauses_apply {
            for &(s, e) in stop.pauses.iter().filter(|&&(s, e)| e > from && s < due) {
                new_paused += clock.between(s.max(from), e.min(due))?;
            }
        }
        let new_ext: i64 = stop
            .force_majeure
            .iter()
            .filter(|&&(s, _)| s >= from && s < due)
            .map(|&(s, e)| force_majeure_extension(s, e, how))
            .sum();
        if new_paused == paused && new_ext == fm_ext {
            return Ok((due, paused, fm_ext));
        }
        (paused, fm_ext) = (new_paused, new_ext);
    }
}

/// Judges a due time against what happened and the time of the assessment.
pub fn judge(due: i64, actual: Option<i64>, as_of: i64) -> (Status, i64) {
    match actual {
        Some(a) if a <= due => (Status::Met, 0),
        Some(a) => (Status::Missed, a - due),
        None if as_of > due => (Status::Missed, as_of - due),
        None => (Status::Pending, 0),
    }
}

/// One commitment as applied: which deadline, its clause, how long, on which clock, and
/// whether the customer pauses of L3.4 stop it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    /// The commitment.
    pub kind: DeadlineKind,
    /// The clause it comes from.
    pub clause: String,
    /// Committed duration in counted seconds.
    pub allowed_seconds: i64,
    /// Whether customer pauses (L3.4) extend it: remote access and restore.
    pub pauses_apply: bool,
    /// The clock it runs on.
    pub clock: Clock,
}

/// Everything about an incident that moves or judges its deadlines.
pub struct Judging<'a> {
    /// Pauses and force majeure.
    pub stop: &'a Stoppages,
    /// L5.1 reading.
    pub how: Extension,
    /// The time of the assessment.
    pub as_of: Instant,
    /// Arithmetic of the office-hours clock.
    pub office: &'a dyn ClockTime,
}

/// Builds the deadline of `c` with its clock started at `from`, judged against `actual`;
/// an error when a time leaves the supported range or the office-hours calendar.
pub fn deadline(
    c: Commitment,
    from: Instant,
    actual: Option<Instant>,
    j: &Judging<'_>,
) -> Result<Deadline, Problem> {
    let arith: &dyn ClockTime = match c.clock {
        Clock::TwentyFourSeven => &Wall,
        Clock::OfficeHours => j.office,
    };
    let (due, paused, fm) = due_time(
        from.secs(),
        c.allowed_seconds,
        j.stop,
        c.pauses_apply,
        j.how,
        arith,
    )?;
    let (status, late) = judge(due, actual.map(|a| a.secs()), j.as_of.secs());
    Ok(Deadline {
        kind: c.kind,
        clause: c.clause,
        clock: c.clock,
        from: from.local(),
        allowed_seconds: c.allowed_seconds,
        paused_seconds: paused,
        force_majeure_seconds: fm,
        due: from
            .plus(due - from.secs())
            .ok_or(Problem::OutOfTimeRange)?,
        actual: actual.map(|a| a.local()),
        status,
        late_minutes: (late + 59) / 60,
        late_seconds: late,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3600;
    const W: Extension = Extension::WholeDays;

    #[test]
    fn plain_deadline_is_start_plus_allowed() {
        assert_eq!(
            due_time(0, 2 * H, &Stoppages::default(), true, W, &Wall).unwrap_or((0, 0, 0)),
            (2 * H, 0, 0)
        );
    }

    #[test]
    fn l3_4_pause_inside_the_window_moves_the_deadline() {
        let stop = Stoppages {
            pauses: vec![(H, H + 1800), (3 * H, 4 * H)],
            force_majeure: vec![],
        };
        // 2 h from 0: the 30 min pause pushes due to 2 h 30; the second pause starts at 3 h,
        // after that, so it does not count.
        assert_eq!(
            due_time(0, 2 * H, &stop, true, W, &Wall).unwrap_or((0, 0, 0)),
            (2 * H + 1800, 1800, 0)
        );
        // A pause that began before the clock counts only from the clock start.
        let stop = Stoppages {
            pauses: vec![(-H, H)],
            force_majeure: vec![],
        };
        assert_eq!(
            due_time(0, 2 * H, &stop, true, W, &Wall).unwrap_or((0, 0, 0)),
            (3 * H, H, 0)
        );
        // Where L3.4 does not apply (phone response), pauses are ignored.
        assert_eq!(
            due_time(0, 2 * H, &stop, false, W, &Wall).unwrap_or((0, 0, 0)),
            (2 * H, 0, 0)
        );
    }

    #[test]
    fn l5_1_force_majeure_adds_whole_days() {
        let stop = Stoppages {
            pauses: vec![],
            force_majeure: vec![(H, 5 * H)],
        };
        assert_eq!(
            due_time(0, 2 * H, &stop, true, W, &Wall).unwrap_or((0, 0, 0)),
            (2 * H + DAY, 0, DAY)
        );
        // An event that starts after the deadline passed does not extend it.
        let stop = Stoppages {
            pauses: vec![],
            force_majeure: vec![(3 * H, 5 * H)],
        };
        assert_eq!(
            due_time(0, 2 * H, &stop, true, W, &Wall).unwrap_or((0, 0, 0)),
            (2 * H, 0, 0)
        );
        // 25 h of typhoon = 2 days.
        assert_eq!(force_majeure_extension(0, 25 * H, W), 2 * DAY);
    }

    #[test]
    fn judging() {
        assert_eq!(judge(100, Some(100), 0), (Status::Met, 0));
        assert_eq!(judge(100, Some(160), 0), (Status::Missed, 60));
        assert_eq!(judge(100, None, 50), (Status::Pending, 0));
        assert_eq!(judge(100, None, 130), (Status::Missed, 30));
    }
}
