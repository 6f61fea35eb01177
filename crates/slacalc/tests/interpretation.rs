//! The interpretation switches of case format v1 (`case.rs`): the phone-response tolerance
//! of L3.3a/b, the majority threshold of L2.1, and whose priority sets the deadlines (L3.3).
//! The assessment must echo the interpretation it used.

mod common;

use common::*;
use serde_json::{json, Value};
use slacalc::case::PrioritySource;
use slacalc::classify::EventLevel;
use slacalc::deadline::DeadlineKind::{PhoneResponse, RemoteAccess, Response, Restore};
use slacalc::deadline::Status;

fn with_interpretation(mut doc: Value, interp: Value) -> Value {
    doc["interpretation"] = interp;
    doc
}

#[test]
fn defaults_are_applied_and_shown_when_the_case_has_none() {
    let a = run(&case(vec![urgent("u")]), LATE);
    assert_eq!(a.interpretation.immediate_tolerance_minutes, 15);
    assert_eq!(a.interpretation.majority_threshold_pct, 50);
    assert_eq!(a.interpretation.priority_source, PrioritySource::Declared);
    // An explicit object equal to the defaults gives the same result.
    let explicit = with_interpretation(
        case(vec![urgent("u")]),
        json!({ "immediate_tolerance_minutes": 15, "majority_threshold_pct": 50,
                "priority_source": "declared" }),
    );
    assert_eq!(run(&explicit, LATE), a);
    // A partial object keeps the defaults of the switches it leaves out.
    let partial = with_interpretation(
        case(vec![urgent("u")]),
        json!({ "majority_threshold_pct": 30 }),
    );
    let a = run(&partial, LATE);
    assert_eq!(a.interpretation.immediate_tolerance_minutes, 15);
    assert_eq!(a.interpretation.majority_threshold_pct, 30);
}

#[test]
fn l3_3a_tolerance_zero_means_at_the_report_instant() {
    // Tolerance 0: phone due = report = 08:10. 08:10 is met, 08:11 is 1 min late.
    // Remote access (08:40) is not a tolerance and does not move.
    let doc = |phone: &str| {
        with_interpretation(
            case(vec![set(
                urgent("t0"),
                &[("phone_response_at", json!(phone))],
            )]),
            json!({ "immediate_tolerance_minutes": 0 }),
        )
    };
    let a = run(&doc("2025-03-03T08:10:00+08:00"), LATE);
    assert_eq!(a.interpretation.immediate_tolerance_minutes, 0);
    let r = &a.incidents[0];
    assert_eq!(dl(r, PhoneResponse).allowed_seconds, 0);
    assert_eq!(dl(r, PhoneResponse).due, at("2025-03-03T08:10:00+08:00"));
    assert_eq!(dl(r, PhoneResponse).status, Status::Met);
    assert_eq!(dl(r, RemoteAccess).due, at("2025-03-03T08:40:00+08:00"));
    assert!(explains(r, "within 0 min of the report"));

    let a = run(&doc("2025-03-03T08:11:00+08:00"), LATE);
    let d = dl(&a.incidents[0], PhoneResponse);
    assert_eq!(d.status, Status::Missed);
    assert_eq!(d.late_minutes, 1);
}

#[test]
fn l3_3a_tolerance_sixty_minutes() {
    // Tolerance 60: phone due 09:10; a 09:00 answer is met (missed under the default 08:25).
    let inc = set(
        urgent("t60"),
        &[("phone_response_at", json!("2025-03-03T09:00:00+08:00"))],
    );
    let doc = with_interpretation(
        case(vec![inc.clone()]),
        json!({ "immediate_tolerance_minutes": 60 }),
    );
    let a = run(&doc, LATE);
    let d = dl(&a.incidents[0], PhoneResponse);
    assert_eq!(d.due, at("2025-03-03T09:10:00+08:00"));
    assert_eq!(d.status, Status::Met);
    assert!(explains(&a.incidents[0], "within 60 min of the report"));
    // The restore commitment is not a tolerance either.
    assert_eq!(
        dl(&a.incidents[0], Restore).due,
        at("2025-03-03T10:10:00+08:00")
    );

    let d_default = one(inc, LATE);
    assert_eq!(dl(&d_default, PhoneResponse).status, Status::Missed);
    assert_eq!(dl(&d_default, PhoneResponse).late_minutes, 35);
}

#[test]
fn l2_1_majority_threshold_is_a_setting() {
    let level = |pct: Value, threshold: u32| {
        let doc = with_interpretation(
            case(vec![set_fact(urgent("m"), "mailboxes_affected_pct", pct)]),
            json!({ "majority_threshold_pct": threshold }),
        );
        run(&doc, LATE).incidents[0].event_level
    };
    // 35 %: a minority under the default 50 %, the majority above a 30 % threshold.
    assert_eq!(level(json!(35), 50), EventLevel::General);
    assert_eq!(level(json!(35), 30), EventLevel::Emergency);
    // "More than" the threshold: exactly 30 % is not more than 30 %.
    assert_eq!(level(json!(30), 30), EventLevel::General);
    assert_eq!(level(json!("30.01"), 30), EventLevel::Emergency);
    // Extreme thresholds.
    assert_eq!(level(json!(99), 99), EventLevel::General);
    assert_eq!(level(json!("99.5"), 99), EventLevel::Emergency);
    assert_eq!(level(json!(2), 1), EventLevel::Emergency);
    assert_eq!(level(json!(1), 1), EventLevel::General);
    // The words mean majority / minority whatever the number.
    assert_eq!(level(json!("most"), 99), EventLevel::Emergency);
    assert_eq!(level(json!("few"), 1), EventLevel::General);
    // The explanation names the threshold used.
    let doc = with_interpretation(
        case(vec![set_fact(
            urgent("m"),
            "mailboxes_affected_pct",
            json!(35),
        )]),
        json!({ "majority_threshold_pct": 30 }),
    );
    assert!(explains(&run(&doc, LATE).incidents[0], "more than 30 %"));
}

/// Declared general, but the facts say the system is unusable (suggested urgent).
fn understated() -> Value {
    set(urgent("under"), &[("declared_priority", json!("general"))])
}

#[test]
fn l3_3_declared_priority_sets_the_deadlines_and_a_mismatch_is_flagged() {
    let r = one(understated(), LATE);
    assert_eq!(r.priority, "general");
    assert_eq!(r.suggested_priority, "urgent");
    assert!(r.priority_mismatch);
    // General: a 1-hour response (L3.3c), no phone/remote deadlines. The restore deadline of
    // L4.1 does not depend on the priority.
    assert_eq!(kinds(&r), vec![Response, Restore]);
    assert_eq!(dl(&r, Response).clause, "L3.3c");
    assert!(explains(&r, "differs from the suggestion: flagged"));
}

#[test]
fn l3_3_suggested_priority_can_be_chosen_instead() {
    let doc = with_interpretation(
        case(vec![understated()]),
        json!({ "priority_source": "suggested" }),
    );
    let a = run(&doc, LATE);
    assert_eq!(a.interpretation.priority_source, PrioritySource::Suggested);
    let r = &a.incidents[0];
    assert_eq!(r.priority, "urgent");
    assert_eq!(r.suggested_priority, "urgent");
    // Still flagged: the customer said something else.
    assert!(r.priority_mismatch);
    assert_eq!(kinds(r), vec![PhoneResponse, RemoteAccess, Restore]);
    assert_eq!(dl(r, PhoneResponse).clause, "L3.3a");
    assert!(explains(
        r,
        "the chosen reading uses the suggested priority"
    ));
}

#[test]
fn l3_3_overstated_priority_is_flagged_too() {
    // Declared urgent for a usable, undamaged system (suggested general): the declared
    // urgent clocks run by default.
    let inc = set_fact(
        set_fact(urgent("over"), "system_usable", json!(true)),
        "seriously_damaged",
        json!(false),
    );
    let r = one(inc.clone(), LATE);
    assert_eq!(r.priority, "urgent");
    assert_eq!(r.suggested_priority, "general");
    assert!(r.priority_mismatch);
    assert_eq!(kinds(&r), vec![PhoneResponse, RemoteAccess, Restore]);

    let doc = with_interpretation(case(vec![inc]), json!({ "priority_source": "suggested" }));
    let r = &run(&doc, LATE).incidents[0];
    assert_eq!(r.priority, "general");
    assert_eq!(kinds(r), vec![Response, Restore]);
}

#[test]
fn l3_3_no_declared_priority_uses_the_suggestion_under_either_setting() {
    for source in ["declared", "suggested"] {
        let doc = with_interpretation(
            case(vec![unset(urgent("none"), "declared_priority")]),
            json!({ "priority_source": source }),
        );
        let r = &run(&doc, LATE).incidents[0];
        assert_eq!(r.priority, "urgent", "{source}");
        assert!(!r.priority_mismatch, "{source}");
    }
}

#[test]
fn l3_3_matching_declaration_is_not_flagged() {
    let r = one(serious("same"), LATE);
    assert_eq!(r.priority, "serious");
    assert!(!r.priority_mismatch);
}
