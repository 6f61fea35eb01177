//! The interpretation: how the vague words of the letter are read. Every alternative of
//! `CLAUSES.md` is a named switch of [`Interpretation`] (the tolerance of "immediately", the
//! "majority", whose priority counts, how penalty days and force majeure are counted, the
//! cap's scope, the clocks, …); a case may set them, the terms supply some defaults.

use crate::terms::{PenaltyDays, Terms};
use crate::vocab::{Clock, DeadlineKind};
use serde::{Deserialize, Serialize};

/// How the vague words of the letter are read: every alternative of `CLAUSES.md` as a
/// named switch. Switches left out take the default (or, where the terms set one, the terms'
/// value); a result always reports every switch as it was applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Interpretation {
    /// L3.3a/b: "immediately" means within this many minutes of the report (0–60, default 15).
    pub immediate_tolerance_minutes: u32,
    /// L2.1: "majority" means more than this share of mailboxes, in percent (1–99, default 50).
    pub majority_threshold_pct: u32,
    /// L3.3: whose priority sets the deadlines: the customer's declared one, or the suggested one.
    pub priority_source: PrioritySource,
    /// L4.2: how penalty days are counted (default: the terms' rule, started periods).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub penalty_days: Option<PenaltyDays>,
    /// L4.1: the restore clock runs from the report (default) or from the interruption.
    pub restore_clock_from: RestoreFrom,
    /// L5.1: force majeure extends by whole days (default) or by its exact duration.
    pub force_majeure_extension: Extension,
    /// L4.3: the 5 % cap applies to the whole contract (default) or to each incident.
    pub cap_scope: CapScope,
    /// L2.3: a consultation has no timer (default) or is treated as general priority.
    pub consultation: ConsultationRule,
    /// L3.5: days of grace after a monitoring period before its report is overdue (0–365).
    pub monitoring_grace_days: u32,
    /// L3.4: customer-side pauses stop the vendor's clocks (default) or are ignored.
    pub customer_pauses: PauseRule,
    /// L1.1: office hours follow the PRC holiday calendar (default: as the terms say) or
    /// are plain weekdays.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office_calendar: Option<OfficeCalendar>,
    /// L3.3a–c, L4.1: the clock of each commitment (default: as the terms say, 24×7).
    #[serde(skip_serializing_if = "Clocks::is_empty")]
    pub clocks: Clocks,
}

impl Default for Interpretation {
    fn default() -> Self {
        Interpretation {
            immediate_tolerance_minutes: 15,
            majority_threshold_pct: 50,
            priority_source: PrioritySource::Declared,
            penalty_days: None,
            restore_clock_from: RestoreFrom::Report,
            force_majeure_extension: Extension::WholeDays,
            cap_scope: CapScope::Contract,
            consultation: ConsultationRule::NoTimer,
            monitoring_grace_days: 0,
            customer_pauses: PauseRule::Count,
            office_calendar: None,
            clocks: Clocks::default(),
        }
    }
}

impl Interpretation {
    /// True when every switch has its default (then the case omits the object).
    pub fn is_default(&self) -> bool {
        *self == Interpretation::default()
    }

    /// Every switch filled in from `terms` where the case left it to them. A clock the case
    /// leaves unset is filled in only when every level of the terms runs that kind of
    /// commitment on the same clock; where the levels differ it stays unset, and each
    /// commitment runs on its own level's clock (each deadline of the result names the clock
    /// it ran on). A clock the case sets applies to every level.
    pub fn resolved(&self, terms: &Terms) -> Interpretation {
        use DeadlineKind as K;
        let clock_of = |kind: K| {
            let mut clocks = terms
                .levels
                .iter()
                .flat_map(|l| l.commitments.iter())
                .filter(|c| c.kind == kind)
                .map(|c| c.clock);
            let first = clocks.next()?;
            clocks.all(|c| c == first).then_some(first)
        };
        let terms_calendar = if terms.office_hours.prc_holidays {
            OfficeCalendar::Prc
        } else {
            OfficeCalendar::Plain
        };
        Interpretation {
            penalty_days: self.penalty_days.or(Some(terms.penalty.counting)),
            office_calendar: self.office_calendar.or(Some(terms_calendar)),
            clocks: Clocks {
                phone_response: self.clocks.phone_response.or(clock_of(K::PhoneResponse)),
                remote_access: self.clocks.remote_access.or(clock_of(K::RemoteAccess)),
                response: self.clocks.response.or(clock_of(K::Response)),
                restore: self.clocks.restore.or(clock_of(K::Restore)),
            },
            ..*self
        }
    }
}

/// L4.1: where the restore clock starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RestoreFrom {
    /// From the report (or the interruption, if service stopped only after the report).
    Report,
    /// From the start of the interruption.
    Interruption,
}

/// L5.1: how much a force-majeure event extends a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Extension {
    /// Its duration rounded up to whole days.
    WholeDays,
    /// Its exact duration.
    Exact,
}

/// L4.3: what the cap applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapScope {
    /// The whole contract, cumulatively in order of restoration.
    Contract,
    /// Each incident on its own.
    Incident,
}

/// L2.3: what a consultation gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsultationRule {
    /// No response or restore timer.
    NoTimer,
    /// The lowest priority level's response timer.
    General,
}

/// L3.4: whether customer-side pauses stop the clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PauseRule {
    /// They stop remote-access and restore clocks and are not penalty days.
    Count,
    /// They are ignored.
    Ignore,
}

/// L1.1: which days are office days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficeCalendar {
    /// Statutory holidays off, make-up workdays on.
    Prc,
    /// Plain weekdays, no holiday calendar.
    Plain,
}

/// The clock chosen for each kind of commitment; absent = as the terms say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Clocks {
    /// L3.3a/b phone response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_response: Option<Clock>,
    /// L3.3a/b remote access.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_access: Option<Clock>,
    /// L3.3c response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<Clock>,
    /// L4.1 restore.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restore: Option<Clock>,
}

impl Clocks {
    /// True when no clock is chosen.
    pub fn is_empty(&self) -> bool {
        *self == Clocks::default()
    }

    /// The clock chosen for `kind`.
    pub fn of(&self, kind: DeadlineKind) -> Option<Clock> {
        use DeadlineKind as K;
        match kind {
            K::PhoneResponse => self.phone_response,
            K::RemoteAccess => self.remote_access,
            K::Response => self.response,
            K::Restore => self.restore,
        }
    }
}

/// L3.3: which priority sets the deadlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrioritySource {
    /// The priority the customer declared when calling (default); the suggestion is only flagged.
    Declared,
    /// The priority suggested from the facts.
    Suggested,
}
