//! The clauses of `CLAUSES.md` one by one, through the public engine API (`parse_case` and
//! `assess`): the worked example, classification (L2, L3.3), the reporting channel (L1),
//! coverage (L2.3, L4.1, L5.2, L5.3, unknown cause) and every deadline kind (L3.3a–c, L4.1).
//! Every expected value is worked out by hand from `CLAUSES.md` in the comments.

mod common;

use common::*;
use serde_json::json;
use slacalc::calendar::Channel;
use slacalc::classify::EventLevel;
use slacalc::coverage::Coverage;
use slacalc::deadline::{DeadlineKind, Status};
use slacalc::{assess, parse_case, Fen};

use DeadlineKind::{PhoneResponse, RemoteAccess, Response, Restore};

// ---------------------------------------------------------------------------------------
// The worked example of CLAUSES.md
// ---------------------------------------------------------------------------------------

#[test]
fn worked_example_is_assessed_as_clauses_md_states() {
    let case = parse_case(WORKED_EXAMPLE).expect("the worked example is a valid case");
    let a = assess(&case, at("2025-03-10T00:00:00+08:00")).expect("assessable");
    assert_eq!(a.rules_version, "2");
    assert_eq!(a.terms, "eyou-sdju");
    assert_eq!(a.incidents.len(), 1);
    let r = &a.incidents[0];
    assert_eq!(r.id, "2025-03-03-mail-down");

    // "Urgent (system unusable), emergency event (100 % of mailboxes)."
    assert_eq!(r.priority, "urgent");
    assert_eq!(r.suggested_priority, "urgent");
    assert!(!r.priority_mismatch);
    assert_eq!(r.event_level, EventLevel::Emergency);
    // Reported Monday 08:10, before the office opens at 09:00 → the 24×7 line (L1.2).
    assert_eq!(r.channel, Channel::Hotline24x7);
    // Vendor software fault, interrupted inside the warranty period → L4.1 applies.
    assert_eq!(r.coverage, Coverage::Covered);
    assert!(r.contingent.is_none());

    assert_eq!(kinds(r), vec![PhoneResponse, RemoteAccess, Restore]);

    // Phone response: 08:10 + 15 min tolerance = 08:25; done 08:12 → met.
    let d = dl(r, PhoneResponse);
    assert_eq!(d.clause, "L3.3a");
    assert_eq!(d.from.to_string(), "2025-03-03T08:10:00+08:00");
    assert_eq!(d.allowed_seconds, 15 * MIN);
    assert_eq!(d.due.to_string(), "2025-03-03T08:25:00+08:00");
    assert_eq!(d.actual, Some(at("2025-03-03T08:12:00+08:00")));
    assert_eq!(d.status, Status::Met);
    assert_eq!((d.late_seconds, d.late_minutes), (0, 0));

    // Remote access: 08:10 + 30 min = 08:40; done 08:35 → met.
    let d = dl(r, RemoteAccess);
    assert_eq!(d.clause, "L3.3a");
    assert_eq!(d.allowed_seconds, 30 * MIN);
    assert_eq!(d.due.to_string(), "2025-03-03T08:40:00+08:00");
    assert_eq!(d.status, Status::Met);

    // Restore: 08:10 + 2 h = 10:10; restored 2025-03-04 15:00.
    // Late: 10:10 → next day 10:10 = 24 h, → 15:00 = 4 h 50 min more: 28 h 50 min
    //       = 28 × 3600 + 50 × 60 = 100,800 + 3,000 = 103,800 s = 1,730 min.
    let d = dl(r, Restore);
    assert_eq!(d.clause, "L4.1");
    assert_eq!(d.allowed_seconds, 2 * HOUR);
    assert_eq!((d.paused_seconds, d.force_majeure_seconds), (0, 0));
    assert_eq!(d.due.to_string(), "2025-03-03T10:10:00+08:00");
    assert_eq!(d.actual, Some(at("2025-03-04T15:00:00+08:00")));
    assert_eq!(d.status, Status::Missed);
    assert_eq!(d.late_seconds, 103_800);
    assert_eq!(d.late_minutes, 1_730);

    // Interruption 08:00 → 15:00 next day = 31 h = 111,600 s → 2 started 24-h periods.
    // 2 × 0.25 % × 100,000,000 fen = 2 × 250,000 = 500,000 fen = ¥5,000.00.
    let p = &r.penalty;
    assert_eq!(p.interrupted_seconds, 31 * HOUR);
    assert_eq!(p.excluded_seconds, 0);
    assert_eq!(p.counted_seconds, 111_600);
    assert_eq!(p.days, 2);
    assert_eq!(p.amount, Fen(500_000));
    assert_eq!(p.amount.to_string(), "5000.00");
    assert_eq!(p.applied, Fen(500_000));
    assert!(!p.accruing);

    // Cap 5 % × 100,000,000 = 5,000,000 fen = ¥50,000.00, not reached.
    assert_eq!(a.total.penalty, Fen(500_000));
    assert_eq!(a.total.uncapped, Fen(500_000));
    assert_eq!(a.total.cap, Fen(5_000_000));
    assert_eq!(a.total.cap.to_string(), "50000.00");
    assert!(!a.total.cap_reached);
    assert_eq!(a.total.contingent, Fen(0));

    // The explanation cites the clauses it rests on.
    let c = cited(r);
    for clause in ["L3.3", "L2.1", "L1.2", "L4.1", "L3.3a", "L4.2", "L4.3"] {
        assert!(
            c.contains(&clause),
            "explanation does not cite {clause}: {c:?}"
        );
    }
    assert!(explains(r, "missed by 28 h 50 min"));
    assert!(explains(r, "¥5,000.00"));
}

#[test]
fn worked_example_serialises_with_the_documented_names() {
    let case = parse_case(WORKED_EXAMPLE).expect("valid");
    let a = assess(&case, at("2025-03-10T00:00:00+08:00")).expect("assessable");
    let v = serde_json::to_value(&a).expect("serialisable");
    let r = &v["incidents"][0];
    assert_eq!(r["priority"], "urgent");
    assert_eq!(r["event_level"], "emergency");
    assert_eq!(r["channel"], "hotline_24x7");
    assert_eq!(r["coverage"], "covered");
    assert_eq!(r["deadlines"][0]["kind"], "phone_response");
    assert_eq!(r["deadlines"][1]["kind"], "remote_access");
    assert_eq!(r["deadlines"][2]["kind"], "restore");
    assert_eq!(r["deadlines"][2]["status"], "missed");
    assert_eq!(r["deadlines"][2]["late_minutes"], 1730);
    assert_eq!(r["penalty"]["days"], 2);
    assert_eq!(r["penalty"]["amount"], "5000.00");
    assert_eq!(v["total"]["penalty"], "5000.00");
    assert_eq!(v["total"]["cap"], "50000.00");
    assert_eq!(v["total"]["cap_reached"], false);
    // The assessment reads back the interpretation it used, defaults included.
    assert_eq!(v["interpretation"]["immediate_tolerance_minutes"], 15);
    assert_eq!(v["interpretation"]["majority_threshold_pct"], 50);
    assert_eq!(v["interpretation"]["priority_source"], "declared");
}

#[test]
fn a_case_reads_back_unchanged() {
    // parse → serialise → parse gives the same case (share links depend on this).
    let case = parse_case(WORKED_EXAMPLE).expect("valid");
    let text = serde_json::to_string(&case).expect("serialisable");
    assert_eq!(parse_case(&text).expect("still valid"), case);
}

#[test]
fn an_empty_case_owes_nothing() {
    let a = run(&case(vec![]), LATE);
    assert!(a.incidents.is_empty());
    assert_eq!(a.total.penalty, Fen(0));
    assert_eq!(a.total.uncapped, Fen(0));
    assert_eq!(a.total.cap, Fen(CAP_FEN));
    assert!(!a.total.cap_reached);
}

// ---------------------------------------------------------------------------------------
// L3.3a–c: the suggested priority; L2.1–L2.3: the event level
// ---------------------------------------------------------------------------------------

#[test]
fn l3_3_priority_is_suggested_from_usability_then_damage() {
    // (system_usable, seriously_damaged) → suggestion; no declared priority, so the
    // suggestion sets the deadlines and there is nothing to flag.
    let cases = [
        (false, false, "urgent"),
        (false, true, "urgent"),
        (true, true, "serious"),
        (true, false, "general"),
    ];
    for (usable, damaged, want) in cases {
        let inc = unset(urgent("p"), "declared_priority");
        let inc = set_fact(inc, "system_usable", json!(usable));
        let inc = set_fact(inc, "seriously_damaged", json!(damaged));
        let r = one(inc, LATE);
        assert_eq!(
            r.suggested_priority, want,
            "usable={usable} damaged={damaged}"
        );
        assert_eq!(r.priority, want);
        assert!(!r.priority_mismatch);
    }
}

#[test]
fn l2_majority_means_more_than_half_of_the_mailboxes() {
    let cases = [
        (json!(0), EventLevel::General),
        (json!(50), EventLevel::General), // exactly half is not "more than 50 %"
        (json!("50"), EventLevel::General),
        (json!("50.01"), EventLevel::Emergency),
        (json!(50.5), EventLevel::Emergency),
        (json!(51), EventLevel::Emergency),
        (json!(100), EventLevel::Emergency),
        (json!("most"), EventLevel::Emergency),
        (json!("多数"), EventLevel::Emergency),
        (json!("few"), EventLevel::General),
        (json!("少数"), EventLevel::General),
    ];
    for (pct, want) in cases {
        let r = one(
            set_fact(urgent("e"), "mailboxes_affected_pct", pct.clone()),
            LATE,
        );
        assert_eq!(r.event_level, want, "mailboxes_affected_pct = {pct}");
        let step = if want == EventLevel::Emergency {
            "L2.1"
        } else {
            "L2.2"
        };
        assert!(cited(&r).contains(&step));
    }
}

#[test]
fn l2_3_a_consultation_is_its_own_level_whatever_the_share() {
    let inc = set_fact(urgent("c"), "kind", json!("consultation"));
    let r = one(inc, LATE);
    assert_eq!(r.event_level, EventLevel::Consultation);
    assert!(cited(&r).contains(&"L2.3"));
}

// ---------------------------------------------------------------------------------------
// L1.1 / L1.2: the channel is derived from the report time (Mon–Fri 09:00–18:00, +08:00)
// ---------------------------------------------------------------------------------------

#[test]
fn l1_channel_follows_office_hours_in_shanghai_time() {
    // 2025-03-03 is a Monday, 2025-03-07 a Friday, 2025-03-08/09 the weekend.
    let cases = [
        ("2025-03-03T08:59:59+08:00", Channel::Hotline24x7),
        ("2025-03-03T09:00:00+08:00", Channel::OfficeHotline),
        ("2025-03-07T17:59:59+08:00", Channel::OfficeHotline),
        ("2025-03-07T18:00:00+08:00", Channel::Hotline24x7),
        ("2025-03-08T10:00:00+08:00", Channel::Hotline24x7),
        ("2025-03-09T10:00:00+08:00", Channel::Hotline24x7),
        // 01:00 UTC Monday = 09:00 in Shanghai: office hours.
        ("2025-03-03T01:00:00Z", Channel::OfficeHotline),
        // Sunday 20:00 at -05:00 = Monday 01:00 UTC = Monday 09:00 in Shanghai.
        ("2025-03-02T20:00:00-05:00", Channel::OfficeHotline),
        // Friday 10:00 UTC = Friday 18:00 in Shanghai: closed.
        ("2025-03-07T10:00:00Z", Channel::Hotline24x7),
    ];
    for (reported, want) in cases {
        let inc = set(
            urgent("ch"),
            &[
                ("reported_at", json!(reported)),
                ("interrupted_from", json!(reported)),
            ],
        );
        let r = one(inc, LATE);
        assert_eq!(r.channel, want, "reported {reported}");
        let clause = if want == Channel::OfficeHotline {
            "L1.1"
        } else {
            "L1.2"
        };
        assert!(cited(&r).contains(&clause));
    }
}

#[test]
fn times_in_other_offsets_are_shown_in_the_contract_offset() {
    // Reported 00:10 UTC = 08:10 +08:00, so the deadlines are those of the worked example.
    let inc = set(
        urgent("utc"),
        &[
            ("reported_at", json!("2025-03-03T00:10:00Z")),
            ("interrupted_from", json!("2025-03-03T00:00:00Z")),
        ],
    );
    let r = one(inc, LATE);
    assert_eq!(r.channel, Channel::Hotline24x7);
    assert_eq!(
        dl(&r, PhoneResponse).due.to_string(),
        "2025-03-03T08:25:00+08:00"
    );
    assert_eq!(dl(&r, Restore).due.to_string(), "2025-03-03T10:10:00+08:00");
}

// ---------------------------------------------------------------------------------------
// Coverage verdicts (L2.3, L4.1, L5.2, L5.3, unknown cause)
// ---------------------------------------------------------------------------------------

/// The worked example's outage with a given cause, restored 2025-03-04 15:00 (31 h, two
/// penalty days if the vendor is liable), responses on time.
fn outage_caused_by(cause: &str) -> serde_json::Value {
    set(
        urgent(cause),
        &[
            ("cause", json!(cause)),
            ("restored_at", json!("2025-03-04T15:00:00+08:00")),
            ("phone_response_at", json!("2025-03-03T08:12:00+08:00")),
            ("remote_access_at", json!("2025-03-03T08:35:00+08:00")),
        ],
    )
}

#[test]
fn covered_vendor_interruption_runs_every_timer() {
    let r = one(outage_caused_by("vendor"), LATE);
    assert_eq!(r.coverage, Coverage::Covered);
    assert_eq!(kinds(&r), vec![PhoneResponse, RemoteAccess, Restore]);
    assert_eq!(r.penalty.days, 2);
    assert_eq!(r.penalty.applied, Fen(2 * DAY_FEN));
}

#[test]
fn no_interruption_runs_response_timers_only() {
    // Vendor cause but the service never stopped: L4.1 needs an interruption.
    let inc = unset(outage_caused_by("vendor"), "restored_at");
    let inc = unset(inc, "interrupted_from");
    let a = run(&case(vec![inc]), LATE);
    let r = &a.incidents[0];
    assert_eq!(r.coverage, Coverage::NoInterruption);
    assert_eq!(kinds(r), vec![PhoneResponse, RemoteAccess]);
    assert_eq!(dl(r, PhoneResponse).status, Status::Met);
    assert_eq!(r.penalty.days, 0);
    assert_eq!(r.penalty.amount, Fen(0));
    assert_eq!(a.total.penalty, Fen(0));
}

#[test]
fn l5_2_customer_power_water_ups_no_restore_commitment_no_penalty() {
    for cause in ["customer_power", "customer_water", "customer_ups"] {
        let a = run(&case(vec![outage_caused_by(cause)]), LATE);
        let r = &a.incidents[0];
        assert_eq!(r.coverage, Coverage::ExcludedCustomerSide, "{cause}");
        // Response timers still run; the 2-hour restore commitment does not.
        assert_eq!(kinds(r), vec![PhoneResponse, RemoteAccess], "{cause}");
        assert_eq!(r.penalty.days, 0);
        assert_eq!(r.penalty.amount, Fen(0));
        assert_eq!(r.penalty.applied, Fen(0));
        assert!(r.contingent.is_none());
        assert!(cited(r).contains(&"L5.2"));
        assert!(explains(r, "best-effort data recovery"));
        assert_eq!(a.total.penalty, Fen(0));
        assert_eq!(a.total.uncapped, Fen(0));
    }
}

#[test]
fn l5_3_hardware_os_misoperation_network_are_outside_free_maintenance() {
    for cause in [
        "server_hardware",
        "operating_system",
        "customer_misoperation",
        "network",
    ] {
        let a = run(&case(vec![outage_caused_by(cause)]), LATE);
        let r = &a.incidents[0];
        assert_eq!(r.coverage, Coverage::OutsideFreeMaintenance, "{cause}");
        // "no SLA timer, no penalty"
        assert!(r.deadlines.is_empty(), "{cause}: {:?}", r.deadlines);
        assert_eq!(r.penalty.days, 0);
        assert_eq!(r.penalty.amount, Fen(0));
        assert!(cited(r).contains(&"L5.3"));
        assert!(explains(r, "outside free maintenance (billable)"));
        assert_eq!(a.total.penalty, Fen(0));
    }
}

#[test]
fn l4_1_warranty_dates_are_inclusive_in_shanghai_time() {
    // Warranty 2024-01-01 … 2026-12-31, both inclusive, dates in UTC+08:00. The date that
    // counts is the interruption's start.
    let cases = [
        ("2023-12-31T23:59:59+08:00", Coverage::OutsideWarranty),
        ("2024-01-01T00:00:00+08:00", Coverage::Covered),
        ("2026-12-31T23:59:59+08:00", Coverage::Covered),
        ("2027-01-01T00:00:00+08:00", Coverage::OutsideWarranty),
        // 16:00 UTC on 31 Dec 2023 is already 1 Jan 2024 in Shanghai.
        ("2023-12-31T16:00:00Z", Coverage::Covered),
        ("2023-12-31T15:59:59Z", Coverage::OutsideWarranty),
        // 16:00 UTC on 31 Dec 2026 is 1 Jan 2027 in Shanghai.
        ("2026-12-31T16:00:00Z", Coverage::OutsideWarranty),
    ];
    for (t, want) in cases {
        let inc = set(
            urgent("w"),
            &[("interrupted_from", json!(t)), ("reported_at", json!(t))],
        );
        let r = one(inc, "2027-06-01T00:00:00+08:00");
        assert_eq!(r.coverage, want, "interrupted {t}");
        if want == Coverage::OutsideWarranty {
            assert!(r.deadlines.is_empty());
            assert_eq!(r.penalty.amount, Fen(0));
            assert!(cited(&r).contains(&"L4.1"));
        }
    }
}

#[test]
fn l4_1_outside_warranty_owes_nothing_however_late() {
    // Interrupted 2027-01-02, never restored, assessed half a year later: no timers at all.
    let inc = set(
        urgent("late"),
        &[
            ("interrupted_from", json!("2027-01-02T08:00:00+08:00")),
            ("reported_at", json!("2027-01-02T08:10:00+08:00")),
        ],
    );
    let a = run(&case(vec![inc]), "2027-06-01T00:00:00+08:00");
    assert_eq!(a.incidents[0].coverage, Coverage::OutsideWarranty);
    assert_eq!(a.incidents[0].penalty.days, 0);
    assert_eq!(a.total.penalty, Fen(0));
}

#[test]
fn l4_1_without_interruption_the_report_date_decides_the_warranty() {
    let inc = set(
        general("g"),
        &[("reported_at", json!("2023-12-31T23:00:00+08:00"))],
    );
    assert_eq!(one(inc, LATE).coverage, Coverage::OutsideWarranty);
    let inc = set(
        general("g"),
        &[("reported_at", json!("2024-01-01T00:00:00+08:00"))],
    );
    assert_eq!(one(inc, LATE).coverage, Coverage::NoInterruption);
}

#[test]
fn l2_3_consultation_runs_no_timer() {
    // Even with an interruption, a vendor cause and late work, a consultation has no response
    // or restore timer (default interpretation), hence no penalty.
    let inc = set_fact(outage_caused_by("vendor"), "kind", json!("consultation"));
    let a = run(&case(vec![inc]), LATE);
    let r = &a.incidents[0];
    assert_eq!(r.coverage, Coverage::Consultation);
    assert_eq!(r.event_level, EventLevel::Consultation);
    assert!(r.deadlines.is_empty());
    assert_eq!(r.penalty.amount, Fen(0));
    assert_eq!(a.total.penalty, Fen(0));
}

#[test]
fn consultation_is_decided_before_the_warranty_and_warranty_before_exclusions() {
    let outside = |inc: serde_json::Value| {
        set(
            inc,
            &[
                ("interrupted_from", json!("2027-02-01T08:00:00+08:00")),
                ("reported_at", json!("2027-02-01T08:10:00+08:00")),
                ("restored_at", json!("2027-02-02T08:00:00+08:00")),
                ("phone_response_at", json!("2027-02-01T08:12:00+08:00")),
                ("remote_access_at", json!("2027-02-01T08:35:00+08:00")),
            ],
        )
    };
    let consult = set_fact(outside(urgent("c")), "kind", json!("consultation"));
    assert_eq!(
        one(consult, "2027-03-01T00:00:00+08:00").coverage,
        Coverage::Consultation
    );
    let power = outside(outage_caused_by("customer_power"));
    assert_eq!(
        one(power, "2027-03-01T00:00:00+08:00").coverage,
        Coverage::OutsideWarranty
    );
}

#[test]
fn unknown_cause_is_contingent_and_shows_both_outcomes() {
    // Same facts as the worked example with the cause unknown: if the vendor caused it,
    // 31 h → 2 days → 500,000 fen; otherwise nothing. Nothing is applied until it is known.
    let a = run(&case(vec![outage_caused_by("unknown")]), LATE);
    let r = &a.incidents[0];
    assert_eq!(r.coverage, Coverage::Contingent);
    // The deadlines assume a vendor cause.
    assert_eq!(kinds(r), vec![PhoneResponse, RemoteAccess, Restore]);
    assert_eq!(dl(r, Restore).status, Status::Missed);
    assert_eq!(dl(r, Restore).late_minutes, 1_730);
    assert_eq!(r.penalty.days, 2);
    assert_eq!(r.penalty.amount, Fen(500_000));
    assert_eq!(r.penalty.applied, Fen(0));
    let c = r.contingent.as_ref().expect("both outcomes shown");
    assert_eq!(c.if_vendor.coverage, Coverage::Covered);
    assert_eq!(c.if_vendor.penalty_days, 2);
    assert_eq!(c.if_vendor.penalty_amount, Fen(500_000));
    assert_ne!(c.if_not_vendor.coverage, Coverage::Covered);
    assert_eq!(c.if_not_vendor.penalty_days, 0);
    assert_eq!(c.if_not_vendor.penalty_amount, Fen(0));
    // Not in the running total, shown apart.
    assert_eq!(a.total.penalty, Fen(0));
    assert_eq!(a.total.uncapped, Fen(0));
    assert_eq!(a.total.contingent, Fen(500_000));
    assert!(!a.total.cap_reached);

    let v = serde_json::to_value(&a).expect("serialisable");
    assert_eq!(v["incidents"][0]["coverage"], "contingent");
    assert_eq!(
        v["incidents"][0]["contingent"]["if_vendor"]["penalty_amount"],
        "5000.00"
    );
    assert_eq!(v["total"]["contingent"], "5000.00");
}

#[test]
fn unknown_cause_restored_in_time_is_contingent_on_nothing() {
    let inc = set(
        outage_caused_by("unknown"),
        &[("restored_at", json!("2025-03-03T10:00:00+08:00"))],
    );
    let a = run(&case(vec![inc]), LATE);
    let r = &a.incidents[0];
    assert_eq!(r.coverage, Coverage::Contingent);
    assert_eq!(dl(r, Restore).status, Status::Met);
    let c = r.contingent.as_ref().expect("both outcomes shown");
    assert_eq!(c.if_vendor.penalty_amount, Fen(0));
    assert_eq!(a.total.contingent, Fen(0));
}

#[test]
fn unknown_cause_without_interruption_is_no_interruption() {
    let inc = unset(
        unset(outage_caused_by("unknown"), "restored_at"),
        "interrupted_from",
    );
    let r = one(inc, LATE);
    assert_eq!(r.coverage, Coverage::NoInterruption);
    assert!(r.contingent.is_none());
}

#[test]
fn contingent_total_adds_up_and_leaves_covered_penalties_alone() {
    // A covered outage (2 days, 500,000 fen) and a contingent one (2 days, 500,000 fen).
    let vendor = set(outage_caused_by("vendor"), &[("id", json!("known"))]);
    let unknown = set(outage_caused_by("unknown"), &[("id", json!("open"))]);
    let a = run(&case(vec![vendor, unknown]), LATE);
    assert_eq!(by_id(&a, "known").penalty.applied, Fen(500_000));
    assert_eq!(by_id(&a, "open").penalty.applied, Fen(0));
    assert_eq!(a.total.penalty, Fen(500_000));
    assert_eq!(a.total.uncapped, Fen(500_000));
    assert_eq!(a.total.contingent, Fen(500_000));
}

// ---------------------------------------------------------------------------------------
// Deadlines: each kind met and missed, pending, missed as of now
// ---------------------------------------------------------------------------------------

#[test]
fn l3_3a_urgent_phone_response_met_at_the_due_minute_missed_a_minute_later() {
    // Due 08:10 + 15 min = 08:25. Done exactly at 08:25 → met.
    let r = one(
        set(
            urgent("u"),
            &[("phone_response_at", json!("2025-03-03T08:25:00+08:00"))],
        ),
        LATE,
    );
    let d = dl(&r, PhoneResponse);
    assert_eq!((d.clause.as_str(), d.status), ("L3.3a", Status::Met));
    assert_eq!(d.due, at("2025-03-03T08:25:00+08:00"));
    // Done 08:26 → missed by 60 s = 1 min.
    let r = one(
        set(
            urgent("u"),
            &[("phone_response_at", json!("2025-03-03T08:26:00+08:00"))],
        ),
        LATE,
    );
    let d = dl(&r, PhoneResponse);
    assert_eq!(d.status, Status::Missed);
    assert_eq!((d.late_seconds, d.late_minutes), (60, 1));
}

#[test]
fn l3_3a_urgent_remote_access_met_and_missed() {
    // Due 08:10 + 30 min = 08:40.
    let r = one(
        set(
            urgent("u"),
            &[("remote_access_at", json!("2025-03-03T08:40:00+08:00"))],
        ),
        LATE,
    );
    let d = dl(&r, RemoteAccess);
    assert_eq!((d.clause.as_str(), d.status), ("L3.3a", Status::Met));
    assert_eq!(d.due, at("2025-03-03T08:40:00+08:00"));
    // Done 08:41:30 → 90 s late; a started minute counts: late_minutes = 2.
    let r = one(
        set(
            urgent("u"),
            &[("remote_access_at", json!("2025-03-03T08:41:30+08:00"))],
        ),
        LATE,
    );
    let d = dl(&r, RemoteAccess);
    assert_eq!(d.status, Status::Missed);
    assert_eq!((d.late_seconds, d.late_minutes), (90, 2));
}

#[test]
fn l3_3b_serious_has_the_same_clocks_under_its_own_clause() {
    // Phone 08:25, remote 08:40, restore 10:10 — as urgent, but citing L3.3b.
    let met = set(
        serious("s"),
        &[
            ("phone_response_at", json!("2025-03-03T08:20:00+08:00")),
            ("remote_access_at", json!("2025-03-03T08:40:00+08:00")),
            ("restored_at", json!("2025-03-03T10:10:00+08:00")),
        ],
    );
    let r = one(met, LATE);
    assert_eq!(r.priority, "serious");
    assert_eq!(r.suggested_priority, "serious");
    assert_eq!(r.event_level, EventLevel::Emergency); // 60 % > 50 %
    assert_eq!(kinds(&r), vec![PhoneResponse, RemoteAccess, Restore]);
    for k in [PhoneResponse, RemoteAccess] {
        assert_eq!(dl(&r, k).clause, "L3.3b");
        assert_eq!(dl(&r, k).status, Status::Met);
    }
    assert_eq!(dl(&r, PhoneResponse).due, at("2025-03-03T08:25:00+08:00"));
    assert_eq!(dl(&r, RemoteAccess).due, at("2025-03-03T08:40:00+08:00"));
    assert_eq!(dl(&r, Restore).status, Status::Met);
    assert!(cited(&r).contains(&"L3.3b"));

    let missed = set(
        serious("s"),
        &[
            ("phone_response_at", json!("2025-03-03T08:30:00+08:00")),
            ("remote_access_at", json!("2025-03-03T09:10:00+08:00")),
        ],
    );
    let r = one(missed, LATE);
    // 08:30 − 08:25 = 5 min; 09:10 − 08:40 = 30 min.
    assert_eq!(dl(&r, PhoneResponse).status, Status::Missed);
    assert_eq!(dl(&r, PhoneResponse).late_minutes, 5);
    assert_eq!(dl(&r, RemoteAccess).status, Status::Missed);
    assert_eq!(dl(&r, RemoteAccess).late_minutes, 30);
}

#[test]
fn l3_3c_general_response_within_one_hour() {
    // Due 08:10 + 1 h = 09:10, the 24×7 clock (reported before office hours).
    let r = one(
        set(
            general("g"),
            &[("response_at", json!("2025-03-03T09:10:00+08:00"))],
        ),
        LATE,
    );
    assert_eq!(r.priority, "general");
    assert_eq!(r.event_level, EventLevel::General);
    assert_eq!(kinds(&r), vec![Response]);
    let d = dl(&r, Response);
    assert_eq!(d.clause, "L3.3c");
    assert_eq!(d.allowed_seconds, HOUR);
    assert_eq!(d.due.to_string(), "2025-03-03T09:10:00+08:00");
    assert_eq!(d.status, Status::Met);

    // 09:11 → missed by 1 min.
    let r = one(
        set(
            general("g"),
            &[("response_at", json!("2025-03-03T09:11:00+08:00"))],
        ),
        LATE,
    );
    let d = dl(&r, Response);
    assert_eq!(d.status, Status::Missed);
    assert_eq!((d.late_seconds, d.late_minutes), (60, 1));
    // A general priority has no phone-response or remote-access deadline.
    assert!(r.deadlines.iter().all(|d| d.kind == Response));
}

#[test]
fn l3_3c_general_response_runs_on_the_24x7_clock_at_the_weekend() {
    // Saturday 2025-03-08 23:30: due Sunday 00:30, not Monday office hours.
    let inc = set(
        general("g"),
        &[("reported_at", json!("2025-03-08T23:30:00+08:00"))],
    );
    let r = one(inc, LATE);
    assert_eq!(r.channel, Channel::Hotline24x7);
    assert_eq!(
        dl(&r, Response).due.to_string(),
        "2025-03-09T00:30:00+08:00"
    );
}

#[test]
fn l4_1_restore_met_at_the_due_time_owes_nothing() {
    // Due 08:10 + 2 h = 10:10; restored exactly 10:10 → met, no damages (L4.2 not triggered).
    let r = one(
        set(
            urgent("r"),
            &[("restored_at", json!("2025-03-03T10:10:00+08:00"))],
        ),
        LATE,
    );
    let d = dl(&r, Restore);
    assert_eq!((d.clause.as_str(), d.status), ("L4.1", Status::Met));
    assert_eq!(r.penalty.days, 0);
    assert_eq!(r.penalty.amount, Fen(0));
    assert!(explains(&r, "not missed"));
}

#[test]
fn l4_1_restore_missed_by_one_minute_costs_one_day() {
    // Restored 10:11 → missed by 1 min. Interruption 08:00 → 10:11 = 2 h 11 min = 7,860 s,
    // one started 24-h period → 1 day → 250,000 fen. The days count the whole interruption,
    // not the time past the deadline (L4.2 default).
    let r = one(
        set(
            urgent("r"),
            &[("restored_at", json!("2025-03-03T10:11:00+08:00"))],
        ),
        LATE,
    );
    let d = dl(&r, Restore);
    assert_eq!(d.status, Status::Missed);
    assert_eq!(d.late_minutes, 1);
    assert_eq!(r.penalty.interrupted_seconds, 7_860);
    assert_eq!(r.penalty.days, 1);
    assert_eq!(r.penalty.amount, Fen(DAY_FEN));
}

#[test]
fn l4_2_exactly_24_hours_is_one_day_and_one_second_more_is_two() {
    // 08:00 → next day 08:00 = 86,400 s = 1 day; 08:00:01 → 86,401 s = 2 started days.
    let r = one(
        set(
            urgent("r"),
            &[("restored_at", json!("2025-03-04T08:00:00+08:00"))],
        ),
        LATE,
    );
    assert_eq!((r.penalty.counted_seconds, r.penalty.days), (DAY, 1));
    assert_eq!(r.penalty.amount, Fen(DAY_FEN));
    let r = one(
        set(
            urgent("r"),
            &[("restored_at", json!("2025-03-04T08:00:01+08:00"))],
        ),
        LATE,
    );
    assert_eq!((r.penalty.counted_seconds, r.penalty.days), (DAY + 1, 2));
    assert_eq!(r.penalty.amount, Fen(2 * DAY_FEN));
}

#[test]
fn deadlines_are_pending_before_they_fall_due() {
    // Nothing done yet, assessed at 08:20: phone (08:25), remote (08:40) and restore (10:10)
    // are all still running.
    let r = one(urgent("p"), "2025-03-03T08:20:00+08:00");
    for k in [PhoneResponse, RemoteAccess, Restore] {
        let d = dl(&r, k);
        assert_eq!(d.status, Status::Pending, "{k:?}");
        assert_eq!(d.actual, None);
        assert_eq!((d.late_seconds, d.late_minutes), (0, 0));
    }
    assert_eq!(r.penalty.days, 0);
    assert!(!r.penalty.accruing);
}

#[test]
fn a_deadline_is_still_pending_at_its_due_instant() {
    // As of exactly 10:10 the restore deadline has not passed yet; one second later it has.
    let r = one(urgent("p"), "2025-03-03T10:10:00+08:00");
    assert_eq!(dl(&r, Restore).status, Status::Pending);
    assert_eq!(dl(&r, PhoneResponse).status, Status::Missed);
    let r = one(urgent("p"), "2025-03-03T10:10:01+08:00");
    assert_eq!(dl(&r, Restore).status, Status::Missed);
    assert_eq!(dl(&r, Restore).late_seconds, 1);
    assert_eq!(dl(&r, Restore).late_minutes, 1);
}

#[test]
fn general_response_pending_then_missed_as_of_now() {
    let r = one(general("g"), "2025-03-03T09:00:00+08:00");
    assert_eq!(dl(&r, Response).status, Status::Pending);
    // 10:00 − 09:10 = 50 min late so far.
    let r = one(general("g"), "2025-03-03T10:00:00+08:00");
    assert_eq!(dl(&r, Response).status, Status::Missed);
    assert_eq!(dl(&r, Response).late_minutes, 50);
}

#[test]
fn missed_as_of_now_with_penalty_accruing() {
    // Nothing done, still interrupted, assessed Wednesday 2025-03-05 09:00.
    let a = run(&case(vec![urgent("open")]), "2025-03-05T09:00:00+08:00");
    let r = &a.incidents[0];
    // Phone: 03-03 08:25 → 03-05 09:00 = 48 h 35 min = 2,915 min = 174,900 s.
    let d = dl(r, PhoneResponse);
    assert_eq!(d.status, Status::Missed);
    assert_eq!(d.actual, None);
    assert_eq!((d.late_seconds, d.late_minutes), (174_900, 2_915));
    // Remote: 03-03 08:40 → 03-05 09:00 = 48 h 20 min = 2,900 min.
    assert_eq!(dl(r, RemoteAccess).late_minutes, 2_900);
    // Restore: 03-03 10:10 → 03-05 09:00 = 46 h 50 min = 2,810 min.
    let d = dl(r, Restore);
    assert_eq!(d.status, Status::Missed);
    assert_eq!(d.late_minutes, 2_810);
    // Penalty so far: 03-03 08:00 → 03-05 09:00 = 49 h = 176,400 s → 3 started days →
    // 3 × 250,000 = 750,000 fen, still accruing.
    let p = &r.penalty;
    assert!(p.accruing);
    assert_eq!(p.interrupted_seconds, 49 * HOUR);
    assert_eq!(p.days, 3);
    assert_eq!(p.amount, Fen(750_000));
    assert_eq!(p.applied, Fen(750_000));
    assert_eq!(a.total.penalty, Fen(750_000));
    assert!(explains(r, "still interrupted"));
}
