//! L4.2 liquidated damages and the L4.3 cap: 5 % of the contract price over every incident
//! of the contract, shared out in order of restoration time (not case order).
//!
//! Default contract: ¥1,000,000.00 → one penalty day = 250,000 fen (¥2,500.00),
//! cap = 5,000,000 fen (¥50,000.00) = exactly 20 penalty days.

mod common;

use common::*;
use serde_json::json;
use slacalc::coverage::Coverage;
use slacalc::Fen;

#[test]
fn l4_3_one_incident_of_21_days_is_capped() {
    // Interrupted 2025-03-03 08:00, restored 2025-03-23 08:00:01: 20 days + 1 s
    // = 1,728,001 s → 21 started days → 21 × 250,000 = 5,250,000 fen (¥52,500.00).
    // The cap lets it add only 5,000,000 fen.
    let inc = set(
        urgent("long"),
        &[("restored_at", json!("2025-03-23T08:00:01+08:00"))],
    );
    let a = run(&case(vec![inc]), LATE);
    let r = &a.incidents[0];
    assert_eq!(r.penalty.counted_seconds, 20 * DAY + 1);
    assert_eq!(r.penalty.days, 21);
    assert_eq!(r.penalty.amount, Fen(5_250_000));
    assert_eq!(r.penalty.applied, Fen(CAP_FEN));
    assert_eq!(a.total.penalty, Fen(CAP_FEN));
    assert_eq!(a.total.uncapped, Fen(5_250_000));
    assert_eq!(a.total.cap, Fen(CAP_FEN));
    assert!(a.total.cap_reached);
    // "an incident past the cap shows what it would have cost and what it actually adds"
    assert!(explains(
        r,
        "would cost ¥52,500.00 but adds only ¥50,000.00"
    ));
}

#[test]
fn l4_3_exactly_20_days_reaches_the_cap_without_crossing_it() {
    // 08:00 → 20 days later 08:00 = 1,728,000 s → 20 days → 5,000,000 fen = the cap.
    let inc = set(
        urgent("twenty"),
        &[("restored_at", json!("2025-03-23T08:00:00+08:00"))],
    );
    let a = run(&case(vec![inc]), LATE);
    assert_eq!(a.incidents[0].penalty.days, 20);
    assert_eq!(a.incidents[0].penalty.amount, Fen(CAP_FEN));
    assert_eq!(a.incidents[0].penalty.applied, Fen(CAP_FEN));
    assert_eq!(a.total.penalty, Fen(CAP_FEN));
    assert_eq!(a.total.uncapped, Fen(CAP_FEN));
    assert!(a.total.cap_reached);
}

#[test]
fn l4_3_several_incidents_share_the_cap_in_order_of_restoration() {
    // Case order A, B, C, D; restoration order B, C, A, D.
    // A: 2025-05-01 08:00 → 05-09 08:00 = 8 days → 2,000,000 fen, restored 3rd.
    // B: 2025-03-03 08:00 → 03-13 08:00 = 10 days → 2,500,000 fen, restored 1st.
    // C: 2025-04-01 08:00 → 04-07 08:00 = 6 days → 1,500,000 fen, restored 2nd.
    // D: 2025-06-02 08:00 → 06-02 20:00 = 12 h → 1 day → 250,000 fen, restored 4th.
    // Cap 5,000,000: B takes 2,500,000 (left 2,500,000), C 1,500,000 (left 1,000,000),
    // A wants 2,000,000 and gets 1,000,000 (left 0), D gets 0.
    // (In case order A would have got 2,000,000 and C only 500,000.)
    let a = run(
        &case(vec![
            outage(
                "A",
                "2025-05-01T08:00:00+08:00",
                "2025-05-01T08:10:00+08:00",
                Some("2025-05-09T08:00:00+08:00"),
            ),
            outage(
                "B",
                "2025-03-03T08:00:00+08:00",
                "2025-03-03T08:10:00+08:00",
                Some("2025-03-13T08:00:00+08:00"),
            ),
            outage(
                "C",
                "2025-04-01T08:00:00+08:00",
                "2025-04-01T08:10:00+08:00",
                Some("2025-04-07T08:00:00+08:00"),
            ),
            outage(
                "D",
                "2025-06-02T08:00:00+08:00",
                "2025-06-02T08:10:00+08:00",
                Some("2025-06-02T20:00:00+08:00"),
            ),
        ]),
        LATE,
    );
    let want = [
        ("A", 8, 2_000_000, 1_000_000),
        ("B", 10, 2_500_000, 2_500_000),
        ("C", 6, 1_500_000, 1_500_000),
        ("D", 1, 250_000, 0),
    ];
    for (id, days, amount, applied) in want {
        let p = &by_id(&a, id).penalty;
        assert_eq!(p.days, days, "{id} days");
        assert_eq!(p.amount, Fen(amount), "{id} amount");
        assert_eq!(p.applied, Fen(applied), "{id} applied");
    }
    // The results keep the case order.
    let ids: Vec<&str> = a.incidents.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["A", "B", "C", "D"]);
    // 2,000,000 + 2,500,000 + 1,500,000 + 250,000 = 6,250,000 uncapped.
    assert_eq!(a.total.penalty, Fen(CAP_FEN));
    assert_eq!(a.total.uncapped, Fen(6_250_000));
    assert!(a.total.cap_reached);
    assert_eq!(
        a.incidents
            .iter()
            .map(|r| r.penalty.applied.0)
            .sum::<i128>(),
        a.total.penalty.0
    );
}

#[test]
fn l4_3_below_the_cap_every_incident_pays_in_full() {
    // B (10 days, 2,500,000) + C (6 days, 1,500,000) = 4,000,000 < 5,000,000.
    let a = run(
        &case(vec![
            outage(
                "B",
                "2025-03-03T08:00:00+08:00",
                "2025-03-03T08:10:00+08:00",
                Some("2025-03-13T08:00:00+08:00"),
            ),
            outage(
                "C",
                "2025-04-01T08:00:00+08:00",
                "2025-04-01T08:10:00+08:00",
                Some("2025-04-07T08:00:00+08:00"),
            ),
        ]),
        LATE,
    );
    assert_eq!(by_id(&a, "B").penalty.applied, Fen(2_500_000));
    assert_eq!(by_id(&a, "C").penalty.applied, Fen(1_500_000));
    assert_eq!(a.total.penalty, Fen(4_000_000));
    assert_eq!(a.total.uncapped, Fen(4_000_000));
    assert!(!a.total.cap_reached);
}

#[test]
fn l4_3_an_incident_still_interrupted_comes_after_every_restored_one() {
    // Y started first (2025-03-01 08:00) and is still interrupted as of 2025-04-10 08:00:
    // 40 days so far → 10,000,000 fen, accruing. X (2025-03-22 08:00 → 04-01 08:00 =
    // 10 days → 2,500,000 fen) was restored on 04-01, before "now", so it takes its share
    // first: X 2,500,000, Y the remaining 2,500,000.
    let a = run(
        &case(vec![
            outage(
                "Y",
                "2025-03-01T08:00:00+08:00",
                "2025-03-01T08:10:00+08:00",
                None,
            ),
            outage(
                "X",
                "2025-03-22T08:00:00+08:00",
                "2025-03-22T08:10:00+08:00",
                Some("2025-04-01T08:00:00+08:00"),
            ),
        ]),
        "2025-04-10T08:00:00+08:00",
    );
    let y = &by_id(&a, "Y").penalty;
    assert!(y.accruing);
    assert_eq!(y.days, 40);
    assert_eq!(y.amount, Fen(10_000_000));
    assert_eq!(y.applied, Fen(2_500_000));
    let x = &by_id(&a, "X").penalty;
    assert!(!x.accruing);
    assert_eq!(x.amount, Fen(2_500_000));
    assert_eq!(x.applied, Fen(2_500_000));
    assert_eq!(a.total.penalty, Fen(CAP_FEN));
    assert_eq!(a.total.uncapped, Fen(12_500_000));
    assert!(a.total.cap_reached);
}

#[test]
fn l4_3_restoration_order_compares_instants_not_text() {
    // R restored "2025-03-13T01:00:00Z" = 09:00 +08:00; S restored 08:30 +08:00 the same day.
    // As text R sorts first; as instants S was restored first.
    // R: 2025-03-01 09:00 +08 → 03-13 09:00 +08 = 12 days → 3,000,000 fen.
    // S: 2025-03-03 08:30 → 03-13 08:30 = 10 days → 2,500,000 fen.
    // S takes 2,500,000 first; R gets the remaining 2,500,000 (not 3,000,000).
    let a = run(
        &case(vec![
            outage(
                "R",
                "2025-03-01T09:00:00+08:00",
                "2025-03-01T09:10:00+08:00",
                Some("2025-03-13T01:00:00Z"),
            ),
            outage(
                "S",
                "2025-03-03T08:30:00+08:00",
                "2025-03-03T08:40:00+08:00",
                Some("2025-03-13T08:30:00+08:00"),
            ),
        ]),
        LATE,
    );
    assert_eq!(by_id(&a, "R").penalty.amount, Fen(3_000_000));
    assert_eq!(by_id(&a, "S").penalty.amount, Fen(2_500_000));
    assert_eq!(by_id(&a, "S").penalty.applied, Fen(2_500_000));
    assert_eq!(by_id(&a, "R").penalty.applied, Fen(2_500_000));
    assert_eq!(a.total.penalty, Fen(CAP_FEN));
    assert_eq!(a.total.uncapped, Fen(5_500_000));
}

#[test]
fn l4_3_uncovered_and_contingent_incidents_take_no_share_of_the_cap() {
    // A customer-power outage and an unknown-cause outage, both 30 days long, before a
    // vendor outage of 10 days: only the vendor one is counted, in full.
    let long = |id: &str, cause: &str| {
        set(
            outage(
                id,
                "2025-03-01T08:00:00+08:00",
                "2025-03-01T08:10:00+08:00",
                Some("2025-03-31T08:00:00+08:00"),
            ),
            &[("cause", json!(cause))],
        )
    };
    let a = run(
        &case(vec![
            long("power", "customer_power"),
            long("unknown", "unknown"),
            outage(
                "vendor",
                "2025-05-01T08:00:00+08:00",
                "2025-05-01T08:10:00+08:00",
                Some("2025-05-11T08:00:00+08:00"),
            ),
        ]),
        LATE,
    );
    assert_eq!(by_id(&a, "power").coverage, Coverage::ExcludedCustomerSide);
    assert_eq!(by_id(&a, "power").penalty.applied, Fen(0));
    assert_eq!(by_id(&a, "unknown").coverage, Coverage::Contingent);
    assert_eq!(by_id(&a, "unknown").penalty.applied, Fen(0));
    assert_eq!(by_id(&a, "vendor").penalty.applied, Fen(2_500_000));
    assert_eq!(a.total.penalty, Fen(2_500_000));
    assert_eq!(a.total.uncapped, Fen(2_500_000));
    // 30 days → 7,500,000 fen if the vendor caused the unknown one.
    assert_eq!(a.total.contingent, Fen(7_500_000));
    assert!(!a.total.cap_reached);
}

#[test]
fn l4_2_amounts_are_exact_fen_rounded_half_up() {
    // Price ¥333.33 = 33,333 fen. One day = 33,333 × 25 / 10,000 = 83.3325 fen → 83 fen;
    // two days = 166.665 → 167 fen (the product is rounded, not the daily rate doubled).
    // Cap = 33,333 × 500 / 10,000 = 1,666.65 → 1,667 fen.
    let mut doc = case(vec![set(
        urgent("small"),
        &[("restored_at", json!("2025-03-04T15:00:00+08:00"))],
    )]);
    doc["contract"]["price"] = json!("333.33");
    let a = run(&doc, LATE);
    assert_eq!(a.incidents[0].penalty.days, 2);
    assert_eq!(a.incidents[0].penalty.amount, Fen(167));
    assert_eq!(a.total.cap, Fen(1_667));

    doc["incidents"][0]["restored_at"] = json!("2025-03-03T12:00:00+08:00");
    let a = run(&doc, LATE);
    assert_eq!(a.incidents[0].penalty.days, 1);
    assert_eq!(a.incidents[0].penalty.amount, Fen(83));
}

#[test]
fn a_zero_price_owes_nothing_and_reaches_no_cap() {
    let mut doc = case(vec![set(
        urgent("free"),
        &[("restored_at", json!("2025-03-30T08:00:00+08:00"))],
    )]);
    doc["contract"]["price"] = json!("0.00");
    let a = run(&doc, LATE);
    assert_eq!(a.incidents[0].penalty.days, 27);
    assert_eq!(a.incidents[0].penalty.amount, Fen(0));
    assert_eq!(a.total.cap, Fen(0));
    assert!(!a.total.cap_reached);
}
