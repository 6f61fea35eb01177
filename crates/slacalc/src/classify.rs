//! Classifying an incident: the priority level its facts suggest (the terms' criteria, L3.3a–c
//! in the letter), the level that sets the deadlines (L3.3), and the event level (L2.1–L2.3).

use crate::case::{Facts, Incident, RequestKind};
use crate::interpretation::{Interpretation, PrioritySource};
use crate::terms::{Criteria, Level, Terms};

/// L2: the event level of the letter; its home is [`crate::vocab`].
pub use crate::vocab::EventLevel;

/// What the classification found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// Level id the facts suggest.
    pub suggested: String,
    /// Level id that sets the deadlines (declared unless the interpretation says otherwise).
    pub priority: String,
    /// The customer declared a level different from the suggested one.
    pub mismatch: bool,
    /// L2 event level.
    pub event_level: EventLevel,
}

/// Whether `facts` meet every condition of `c`.
pub fn matches(c: &Criteria, facts: &Facts) -> bool {
    c.system_usable.is_none_or(|u| u == facts.system_usable)
        && c.seriously_damaged
            .is_none_or(|d| d == facts.seriously_damaged)
        && c.mailboxes_over_pct
            .is_none_or(|p| facts.mailboxes_affected_pct.is_majority(p))
}

/// The first level, most severe first, whose criteria the facts meet; else the last level
/// (L3.3a–c: unusable → urgent; seriously damaged → serious; otherwise general).
pub fn suggest_level<'t>(terms: &'t Terms, facts: &Facts) -> Option<&'t Level> {
    terms
        .levels
        .iter()
        .find(|l| matches(&l.when, facts))
        .or(terms.levels.last())
}

/// L2.1–L2.3: consultation, or emergency when more than the threshold share is affected.
pub fn event_level(facts: &Facts, majority_threshold_pct: u32) -> EventLevel {
    match facts.kind {
        RequestKind::Consultation => EventLevel::Consultation,
        RequestKind::Fault
            if facts
                .mailboxes_affected_pct
                .is_majority(majority_threshold_pct) =>
        {
            EventLevel::Emergency
        }
        RequestKind::Fault => EventLevel::General,
    }
}

/// Classifies one incident under the terms and interpretation.
pub fn classify(inc: &Incident, terms: &Terms, interp: &Interpretation) -> Classification {
    let suggested = suggest_level(terms, &inc.facts)
        .map(|l| l.id.clone())
        .unwrap_or_default();
    let priority = match (interp.priority_source, &inc.declared_priority) {
        (PrioritySource::Declared, Some(p)) => p.clone(),
        _ => suggested.clone(),
    };
    Classification {
        mismatch: inc
            .declared_priority
            .as_ref()
            .is_some_and(|p| *p != suggested),
        suggested,
        priority,
        event_level: event_level(&inc.facts, interp.majority_threshold_pct),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::MailboxShare;

    fn facts(pct: MailboxShare, usable: bool, damaged: bool, kind: RequestKind) -> Facts {
        Facts {
            mailboxes_affected_pct: pct,
            system_usable: usable,
            seriously_damaged: damaged,
            kind,
        }
    }

    #[test]
    fn l3_3_priority_follows_usability_then_damage() {
        let t = Terms::preset("eyou-sdju").expect("preset");
        let f = |u, d| facts(MailboxShare::Few, u, d, RequestKind::Fault);
        let id = |f: Facts| suggest_level(&t, &f).map(|l| l.id.clone());
        assert_eq!(id(f(false, false)).as_deref(), Some("urgent"));
        assert_eq!(id(f(false, true)).as_deref(), Some("urgent"));
        assert_eq!(id(f(true, true)).as_deref(), Some("serious"));
        assert_eq!(id(f(true, false)).as_deref(), Some("general"));
    }

    #[test]
    fn l2_majority_is_more_than_half() {
        let f = |h| facts(MailboxShare::Hundredths(h), true, false, RequestKind::Fault);
        assert_eq!(event_level(&f(5000), 50), EventLevel::General);
        assert_eq!(event_level(&f(5001), 50), EventLevel::Emergency);
        assert_eq!(event_level(&f(10000), 50), EventLevel::Emergency);
        assert_eq!(event_level(&f(3500), 30), EventLevel::Emergency);
        let c = facts(MailboxShare::Most, true, false, RequestKind::Consultation);
        assert_eq!(event_level(&c, 50), EventLevel::Consultation);
    }
}
