//! Places where the engine once disagreed with `CLAUSES.md`, kept as regression tests.

mod common;

use common::*;
use serde_json::json;
use slacalc::calendar::Channel;
use slacalc::deadline::DeadlineKind::{PhoneResponse, Restore};
use slacalc::deadline::Status;
use slacalc::Fen;

#[test]
fn l5_1_an_event_that_began_before_the_clock_started_does_not_move_it() {
    // CLAUSES.md L5.1: "Every deadline still running when the event starts moves later by the
    // event's duration rounded up to whole days". An epidemic from 2025-01-01 00:00 to
    // 2025-03-03 08:11 started two months before the report (08:10), when no deadline of
    // this incident was running, so nothing moves: the worked example's numbers stand —
    // restore due 10:10, missed, 2 penalty days, ¥5,000.00 (the 11 min of the epidemic
    // inside the interruption, 08:00–08:11, leave 30 h 49 min: still 2 days).
    // The engine instead extends every deadline by the epidemic's 62 days (restore due
    // 2025-05-04 10:10, "met") and owes nothing.
    let inc = set(
        urgent("epidemic"),
        &[
            (
                "force_majeure",
                json!([{ "kind": "epidemic", "start": "2025-01-01T00:00:00+08:00",
                         "end": "2025-03-03T08:11:00+08:00" }]),
            ),
            ("restored_at", json!("2025-03-04T15:00:00+08:00")),
        ],
    );
    let r = one(inc, LATE);
    assert_eq!(dl(&r, PhoneResponse).due, at("2025-03-03T08:25:00+08:00"));
    assert_eq!(dl(&r, Restore).due, at("2025-03-03T10:10:00+08:00"));
    assert_eq!(dl(&r, Restore).status, Status::Missed);
    assert_eq!(r.penalty.days, 2);
    assert_eq!(r.penalty.amount, Fen(500_000));
}

#[test]
fn l1_1_office_hours_follow_the_prc_holiday_calendar() {
    // CLAUSES.md L1.1 default: office hours are Mon–Fri 09:00–18:00 "minus PRC statutory
    // holidays, plus the official make-up workdays (调休上班日)". In 2025 the National Day
    // holiday runs 1–8 October; Sunday 28 September is a make-up workday.
    let channel = |t: &str| {
        one(
            set(
                urgent("h"),
                &[("reported_at", json!(t)), ("interrupted_from", json!(t))],
            ),
            LATE,
        )
        .channel
    };
    // Wednesday 1 October 2025, 10:00: a holiday → 24×7 line.
    assert_eq!(channel("2025-10-01T10:00:00+08:00"), Channel::Hotline24x7);
    // Sunday 28 September 2025, 10:00: a make-up workday → office hotline.
    assert_eq!(channel("2025-09-28T10:00:00+08:00"), Channel::OfficeHotline);
}

#[test]

fn l4_3_a_valid_case_with_huge_uncapped_damages_is_still_assessed() {
    // Price ¥10,000,000,000,000.00 (the largest accepted, 10^15 fen), 400 vendor outages from
    // 1970-01-01 to 2200-12-31 (the accepted years). Each is ~84,000 days of 0.25 %
    // → ~2.1 × 10^17 fen; 400 of them exceed i64 (amounts are i128). L4.3 caps the total at
    // 5 % = 5 × 10^13 fen, so the answer is "cap reached, 50,000,000,000,000 fen due".
    let incidents = (0..400)
        .map(|n| {
            outage(
                &format!("i{n}"),
                "1970-01-01T00:00:00+08:00",
                "1970-01-01T00:10:00+08:00",
                Some("2200-12-31T00:00:00+08:00"),
            )
        })
        .collect();
    let mut doc = case(incidents);
    doc["contract"] = json!({ "price": "10000000000000.00",
        "warranty_start": "1970-01-01", "warranty_end": "2200-12-31" });
    let a = run(&doc, "2200-12-31T12:00:00+08:00");
    assert_eq!(a.total.cap, Fen(50_000_000_000_000));
    assert_eq!(a.total.penalty, a.total.cap);
    assert!(a.total.cap_reached);
}
