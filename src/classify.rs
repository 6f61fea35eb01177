//! Classifying an incident: the priority suggested by its facts (L3.3a–c), the priority that
//! sets the deadlines (L3.3), and the event level (L2.1–L2.3).

use crate::case::{Facts, Incident, Interpretation, Priority, PrioritySource, RequestKind};
use serde::Serialize;

/// L2: the event level of the letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventLevel {
    /// L2.1 紧急事件: the majority of users' mail is affected.
    Emergency,
    /// L2.2 一般事件: a minority is affected.
    General,
    /// L2.3 咨询: a consultation, not a fault.
    Consultation,
}

/// What the classification found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// Priority the facts suggest (L3.3a–c).
    pub suggested: Priority,
    /// Priority that sets the deadlines (declared unless the interpretation says otherwise).
    pub priority: Priority,
    /// The customer declared a priority different from the suggested one.
    pub mismatch: bool,
    /// L2 event level.
    pub event_level: EventLevel,
}

/// L3.3a–c: unusable → urgent; usable but seriously damaged → serious; otherwise general.
pub fn suggest_priority(facts: &Facts) -> Priority {
    if !facts.system_usable {
        Priority::Urgent
    } else if facts.seriously_damaged {
        Priority::Serious
    } else {
        Priority::General
    }
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

/// Classifies one incident under the interpretation.
pub fn classify(inc: &Incident, interp: &Interpretation) -> Classification {
    let suggested = suggest_priority(&inc.facts);
    let priority = match (interp.priority_source, inc.declared_priority) {
        (PrioritySource::Declared, Some(p)) => p,
        _ => suggested,
    };
    Classification {
        suggested,
        priority,
        mismatch: inc.declared_priority.is_some_and(|p| p != suggested),
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
        let f = |u, d| facts(MailboxShare::Few, u, d, RequestKind::Fault);
        assert_eq!(suggest_priority(&f(false, false)), Priority::Urgent);
        assert_eq!(suggest_priority(&f(false, true)), Priority::Urgent);
        assert_eq!(suggest_priority(&f(true, true)), Priority::Serious);
        assert_eq!(suggest_priority(&f(true, false)), Priority::General);
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
