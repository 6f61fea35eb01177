//! Coverage: whether the contract's commitments apply to an incident at all — the warranty
//! period and vendor cause of L4.1, the exclusions of the terms (L5.2, L5.3), consultations
//! (L2.3).

use crate::case::{Contract, Incident, RequestKind};
use crate::terms::{Effect, Terms};
use crate::vocab::{Cause, EventLevel};
use serde::Serialize;

/// The verdict on which commitments apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// L4.1 applies: vendor cause, interrupted, inside the warranty period. Every timer runs.
    Covered,
    /// Service was never interrupted: response timers run, no restore commitment (L4.1).
    NoInterruption,
    /// L5.2: customer-side power, water or UPS: best-effort data recovery, no restore
    /// commitment and no penalty; response timers still run.
    ExcludedCustomerSide,
    /// L5.3: server hardware, OS, mis-operation, network: outside free maintenance
    /// (billable), no SLA timer, no penalty.
    OutsideFreeMaintenance,
    /// The interruption (or report) falls outside the warranty period (L4.1, L6).
    OutsideWarranty,
    /// L2.3: a consultation: no response or restore timer (unless read as general).
    Consultation,
    /// The cause is unknown: the outcome depends on it; both outcomes are shown.
    Contingent,
}

impl Coverage {
    /// The verdict's id, as the result format writes it (`"covered"`, `"no_interruption"`, …).
    pub fn id(self) -> &'static str {
        match self {
            Coverage::Covered => "covered",
            Coverage::NoInterruption => "no_interruption",
            Coverage::ExcludedCustomerSide => "excluded_customer_side",
            Coverage::OutsideFreeMaintenance => "outside_free_maintenance",
            Coverage::OutsideWarranty => "outside_warranty",
            Coverage::Consultation => "consultation",
            Coverage::Contingent => "contingent",
        }
    }

    /// Whether the response timers of L3.3a–c run.
    pub fn response_timers(&self) -> bool {
        matches!(
            self,
            Coverage::Covered
                | Coverage::NoInterruption
                | Coverage::ExcludedCustomerSide
                | Coverage::Contingent
        )
    }

    /// Whether the restore commitment of L4.1 runs (for `Contingent`: if vendor).
    pub fn restore_timer(&self) -> bool {
        matches!(self, Coverage::Covered | Coverage::Contingent)
    }
}

/// The coverage an excluded cause leads to under `terms`, with the clause; `None` for the
/// vendor, an unknown cause, or a cause the terms do not exclude.
pub fn exclusion_of(terms: &Terms, cause: Cause) -> Option<(Coverage, String)> {
    let ex = terms.exclusion(cause)?;
    let cov = match ex.effect {
        Effect::NoSla => Coverage::OutsideFreeMaintenance,
        Effect::BestEffort => Coverage::ExcludedCustomerSide,
        Effect::Extend => return None,
    };
    Some((cov, ex.clause.clone()))
}

/// Whether the incident started inside the warranty period: the interruption's start, or the
/// report when there was no interruption, as a date in UTC+08:00, both ends inclusive.
pub fn in_warranty(inc: &Incident, contract: &Contract) -> bool {
    let d = inc.interrupted_from.unwrap_or(inc.reported_at).local_date();
    d >= contract.warranty_start && d <= contract.warranty_end
}

/// The coverage verdict and the clause it rests on, checked in this order: consultation,
/// warranty, exclusions, interruption, unknown cause, vendor cause.
pub fn coverage(inc: &Incident, contract: &Contract, terms: &Terms) -> (Coverage, String) {
    if inc.facts.kind == RequestKind::Consultation {
        return (
            Coverage::Consultation,
            terms.event_clause(EventLevel::Consultation),
        );
    }
    if !in_warranty(inc, contract) {
        return (Coverage::OutsideWarranty, terms.restore_clause.clone());
    }
    if let Some(ex) = exclusion_of(terms, inc.cause) {
        return ex;
    }
    if inc.interrupted_from.is_none() {
        return (Coverage::NoInterruption, terms.restore_clause.clone());
    }
    if inc.cause == Cause::Unknown {
        return (Coverage::Contingent, terms.restore_clause.clone());
    }
    (Coverage::Covered, terms.restore_clause.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_result_format_words() {
        for c in [
            Coverage::Covered,
            Coverage::NoInterruption,
            Coverage::ExcludedCustomerSide,
            Coverage::OutsideFreeMaintenance,
            Coverage::OutsideWarranty,
            Coverage::Consultation,
            Coverage::Contingent,
        ] {
            assert_eq!(
                serde_json::to_value(c).ok(),
                Some(serde_json::json!(c.id()))
            );
        }
    }
}
