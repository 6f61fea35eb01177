//! Every interpretation switch of `CLAUSES.md` (case format v1, `interpretation`), each shown
//! to change the result exactly as the clause's "alternatives" column says. The expected
//! numbers are worked out by hand in the comments. Unless a test says otherwise the contract
//! is the worked example's: ¥1,000,000.00, so one L4.2 day = ¥2,500.00 = 250,000 fen and the
//! L4.3 cap = ¥50,000.00 = 5,000,000 fen; times are UTC+08:00.

mod common;

use common::*;
use serde_json::{json, Value};
use slacalc::case::{
    CapScope, ConsultationRule, Extension, OfficeCalendar, PauseRule, PrioritySource, RestoreFrom,
};
use slacalc::classify::EventLevel;
use slacalc::coverage::Coverage;
use slacalc::deadline::DeadlineKind::{PhoneResponse, RemoteAccess, Response, Restore};
use slacalc::deadline::Status::{Met, Missed, Pending};
use slacalc::ledger::ReportStatus;
use slacalc::terms::{Clock, PenaltyDays};
use slacalc::{Assessment, Fen};

/// `doc` with its `interpretation` object set.
fn with(mut doc: Value, interp: Value) -> Value {
    doc["interpretation"] = interp;
    doc
}

/// `examples/worked-example.json` as a document.
fn worked() -> Value {
    serde_json::from_str(WORKED_EXAMPLE).expect("worked example JSON")
}

/// The worked example with its one incident changed by `f`.
fn worked_incident(f: impl FnOnce(&mut Value)) -> Value {
    let mut doc = worked();
    f(&mut doc["incidents"][0]);
    doc
}

fn first(a: &Assessment) -> &slacalc::IncidentResult {
    &a.incidents[0]
}

// ---------------------------------------------------------------------------------------
// L4.2 penalty_days
// ---------------------------------------------------------------------------------------

#[test]
fn l4_2_the_worked_example_under_every_penalty_days_option() {
    // Interrupted 2025-03-03 08:00, reported 08:10, restore due 10:10, restored 03-04 15:00.
    // Interruption = 31 h = 111,600 s; past the deadline = 10:10 → 15:00 next day
    // = 28 h 50 min = 103,800 s.
    //   started_periods: ⌈31 / 24⌉ = 2 days → 2 × ¥2,500.00 = ¥5,000.00
    //   past_deadline:   ⌈28 h 50 min / 24 h⌉ = 2 days → ¥5,000.00
    //   whole_days:      ⌊31 / 24⌋ = 1 day → ¥2,500.00
    //   pro_rata:        31/24 = 1.291666… days → "1.2917"; 31/24 × ¥2,500.00 = ¥3,229.1666…
    //                    → ¥3,229.17 (322,917 fen); whole days shown as 1
    //   calendar_days:   2025-03-03 and 2025-03-04 touched → 2 → ¥5,000.00
    let cases: [(&str, PenaltyDays, i64, u64, &str, i128, &str); 5] = [
        (
            "started_periods",
            PenaltyDays::StartedPeriods,
            111_600,
            2,
            "2",
            500_000,
            "each started day counts in full",
        ),
        (
            "past_deadline",
            PenaltyDays::PastDeadline,
            103_800,
            2,
            "2",
            500_000,
            "only time past the restore deadline",
        ),
        (
            "whole_days",
            PenaltyDays::WholeDays,
            111_600,
            1,
            "1",
            250_000,
            "whole days only (rounded down)",
        ),
        (
            "pro_rata",
            PenaltyDays::ProRata,
            111_600,
            1,
            "1.2917",
            322_917,
            "the exact share of a day",
        ),
        (
            "calendar_days",
            PenaltyDays::CalendarDays,
            111_600,
            2,
            "2",
            500_000,
            "each calendar day touched",
        ),
    ];
    for (name, option, counted, days, exact, amount, words) in cases {
        let a = run(&with(worked(), json!({ "penalty_days": name })), LATE);
        assert_eq!(a.interpretation.penalty_days, Some(option), "{name}");
        let r = first(&a);
        // The deadline itself does not depend on how days are counted.
        assert_eq!(
            dl(r, Restore).due,
            at("2025-03-03T10:10:00+08:00"),
            "{name}"
        );
        assert_eq!(dl(r, Restore).late_minutes, 1_730, "{name}: 28 h 50 min");
        let p = &r.penalty;
        assert_eq!(p.interrupted_seconds, 111_600, "{name}");
        assert_eq!(p.counted_seconds, counted, "{name}");
        assert_eq!(p.days, days, "{name}");
        assert_eq!(p.periods_exact, exact, "{name}");
        assert_eq!(p.amount, fen(amount), "{name}");
        assert_eq!(p.applied, fen(amount), "{name}: far below the cap");
        assert_eq!(a.total.penalty, fen(amount), "{name}");
        assert!(explains(r, words), "{name}: {:?}", r.explanation);
    }
    // The amounts as a person reads them.
    let amount = |name: &str| {
        first(&run(&with(worked(), json!({ "penalty_days": name })), LATE))
            .penalty
            .amount
            .pretty()
    };
    assert_eq!(amount("started_periods"), "¥5,000.00");
    assert_eq!(amount("past_deadline"), "¥5,000.00");
    assert_eq!(amount("whole_days"), "¥2,500.00");
    assert_eq!(amount("pro_rata"), "¥3,229.17");
    assert_eq!(amount("calendar_days"), "¥5,000.00");
}

#[test]
fn l4_2_the_counting_options_part_ways_on_a_night_outage() {
    // Interrupted Monday 2025-03-03 23:00, reported 23:10, restored Wednesday 03-05 00:30.
    // Restore due 23:10 + 2 h = 03-04 01:10: missed.
    //   Interruption 23:00 → 03-05 00:30 = 25 h 30 min = 91,800 s.
    //   started_periods: ⌈25.5 / 24⌉ = 2 → 500,000 fen
    //   past_deadline:   03-04 01:10 → 03-05 00:30 = 23 h 20 min = 84,000 s → 1 → 250,000
    //   whole_days:      ⌊25.5 / 24⌋ = 1 → 250,000
    //   pro_rata:        25.5 / 24 = 1.0625 → ¥2,500.00 × 1.0625 = ¥2,656.25 = 265,625 fen
    //   calendar_days:   03-03, 03-04, 03-05 → 3 → 750,000
    let inc = outage(
        "night",
        "2025-03-03T23:00:00+08:00",
        "2025-03-03T23:10:00+08:00",
        Some("2025-03-05T00:30:00+08:00"),
    );
    let expect: [(&str, i64, u64, &str, i128); 5] = [
        ("started_periods", 91_800, 2, "2", 500_000),
        ("past_deadline", 84_000, 1, "1", 250_000),
        ("whole_days", 91_800, 1, "1", 250_000),
        ("pro_rata", 91_800, 1, "1.0625", 265_625),
        ("calendar_days", 91_800, 3, "3", 750_000),
    ];
    for (name, counted, days, exact, amount) in expect {
        let a = run(
            &with(case(vec![inc.clone()]), json!({ "penalty_days": name })),
            LATE,
        );
        let r = first(&a);
        assert_eq!(dl(r, Restore).due, at("2025-03-04T01:10:00+08:00"));
        let p = &r.penalty;
        assert_eq!(
            (
                p.counted_seconds,
                p.days,
                p.periods_exact.as_str(),
                p.amount
            ),
            (counted, days, exact, fen(amount)),
            "{name}"
        );
    }
}

#[test]
fn l4_2_whole_days_owes_nothing_for_a_missed_deadline_under_a_day() {
    // Interrupted 08:00, reported 08:10, restored 20:00 the same day: restore (due 10:10)
    // missed by 9 h 50 min, interruption 12 h.
    //   started_periods: 1 day = ¥2,500.00;  whole_days: ⌊12/24⌋ = 0 → ¥0.00;
    //   pro_rata: 12/24 × ¥2,500.00 = ¥1,250.00 ("0.5000").
    let doc = |mode: &str| {
        with(
            case(vec![set(
                urgent("short"),
                &[("restored_at", json!("2025-03-03T20:00:00+08:00"))],
            )]),
            json!({ "penalty_days": mode }),
        )
    };
    let a = run(&doc("whole_days"), LATE);
    assert_eq!(dl(first(&a), Restore).status, Missed);
    assert_eq!(
        (first(&a).penalty.days, first(&a).penalty.amount),
        (0, fen(0))
    );
    assert_eq!(a.total.penalty, fen(0));
    assert_eq!(
        first(&run(&doc("started_periods"), LATE)).penalty.amount,
        fen(DAY_FEN)
    );
    let p = one_of(&run(&doc("pro_rata"), LATE)).penalty;
    assert_eq!(
        (p.periods_exact.as_str(), p.amount),
        ("0.5000", fen(125_000))
    );
}

// ---------------------------------------------------------------------------------------
// L4.1 restore_clock_from
// ---------------------------------------------------------------------------------------

#[test]
fn l4_1_restore_clock_from_report_or_interruption() {
    // Worked example. From the report (default): 08:10 + 2 h = 10:10, late 10:10 → 03-04
    // 15:00 = 28 h 50 min = 1,730 min. From the interruption: 08:00 + 2 h = 10:00, late
    // 29 h = 1,740 min. Penalty days count the whole interruption either way: 2 days.
    // Phone (08:25) and remote access (08:40) always run from the report.
    let a = run(&worked(), LATE);
    assert_eq!(a.interpretation.restore_clock_from, RestoreFrom::Report);
    let r = first(&a);
    assert_eq!(dl(r, Restore).from, at("2025-03-03T08:10:00+08:00"));
    assert_eq!(dl(r, Restore).due, at("2025-03-03T10:10:00+08:00"));
    assert_eq!(dl(r, Restore).late_minutes, 1_730);

    let a = run(
        &with(worked(), json!({ "restore_clock_from": "interruption" })),
        LATE,
    );
    assert_eq!(
        a.interpretation.restore_clock_from,
        RestoreFrom::Interruption
    );
    let r = first(&a);
    assert_eq!(dl(r, Restore).from, at("2025-03-03T08:00:00+08:00"));
    assert_eq!(dl(r, Restore).due, at("2025-03-03T10:00:00+08:00"));
    assert_eq!(dl(r, Restore).late_minutes, 1_740);
    assert_eq!(dl(r, PhoneResponse).due, at("2025-03-03T08:25:00+08:00"));
    assert_eq!(dl(r, RemoteAccess).due, at("2025-03-03T08:40:00+08:00"));
    assert_eq!((r.penalty.days, r.penalty.amount), (2, fen(500_000)));
    assert!(explains(r, "start of the interruption + 2 h"));

    // Restored at 10:05: met from the report (due 10:10), owes nothing; missed by 5 min from
    // the interruption (due 10:00): 08:00 → 10:05 = 2 h 5 min → 1 started day = ¥2,500.00.
    let restored = |doc: Value| {
        let mut doc = doc;
        doc["incidents"][0]["restored_at"] = json!("2025-03-03T10:05:00+08:00");
        doc
    };
    let r = one_of(&run(&restored(worked()), LATE));
    assert_eq!(dl(&r, Restore).status, Met);
    assert_eq!(r.penalty.amount, fen(0));
    let r = one_of(&run(
        &restored(with(
            worked(),
            json!({ "restore_clock_from": "interruption" }),
        )),
        LATE,
    ));
    assert_eq!(dl(&r, Restore).status, Missed);
    assert_eq!(dl(&r, Restore).late_minutes, 5);
    assert_eq!((r.penalty.days, r.penalty.amount), (1, fen(DAY_FEN)));

    // Service that stopped only after the report (report 08:10, interruption 09:00): the
    // default clock starts at the later of the two (09:00), so both readings give 11:00.
    for from in ["report", "interruption"] {
        let doc = with(
            case(vec![set(
                urgent("later"),
                &[("interrupted_from", json!("2025-03-03T09:00:00+08:00"))],
            )]),
            json!({ "restore_clock_from": from }),
        );
        let r = one_of(&run(&doc, LATE));
        assert_eq!(
            dl(&r, Restore).due,
            at("2025-03-03T11:00:00+08:00"),
            "{from}"
        );
    }
}

fn one_of(a: &Assessment) -> slacalc::IncidentResult {
    assert_eq!(a.incidents.len(), 1);
    a.incidents[0].clone()
}

// ---------------------------------------------------------------------------------------
// L3.3a/b immediate_tolerance_minutes
// ---------------------------------------------------------------------------------------

#[test]
fn l3_3a_immediate_tolerance_minutes() {
    // Worked example: phone answered 08:12, two minutes after the 08:10 report.
    //   tolerance 15 (default): due 08:25 → met.
    //   tolerance 2: due 08:12 → met at the due instant.
    //   tolerance 1: due 08:11 → missed by 1 min.
    //   tolerance 0: due 08:10 → missed by 2 min.
    // Remote access (08:40) and restore (10:10) are not "immediately" and never move.
    for (tol, due, status, late) in [
        (15, "2025-03-03T08:25:00+08:00", Met, 0),
        (2, "2025-03-03T08:12:00+08:00", Met, 0),
        (1, "2025-03-03T08:11:00+08:00", Missed, 1),
        (0, "2025-03-03T08:10:00+08:00", Missed, 2),
    ] {
        let a = run(
            &with(worked(), json!({ "immediate_tolerance_minutes": tol })),
            LATE,
        );
        assert_eq!(a.interpretation.immediate_tolerance_minutes, tol);
        let r = first(&a);
        let d = dl(r, PhoneResponse);
        assert_eq!(d.allowed_seconds, i64::from(tol) * 60, "{tol}");
        assert_eq!(d.due, at(due), "{tol}");
        assert_eq!((d.status, d.late_minutes), (status, late), "{tol}");
        assert_eq!(dl(r, RemoteAccess).due, at("2025-03-03T08:40:00+08:00"));
        assert_eq!(dl(r, Restore).due, at("2025-03-03T10:10:00+08:00"));
        assert!(explains(r, &format!("within {tol} min of the report")));
    }
    // The serious level (L3.3b) reads "immediately" the same way.
    let doc = with(
        case(vec![set(
            serious("s"),
            &[("phone_response_at", json!("2025-03-03T08:16:00+08:00"))],
        )]),
        json!({ "immediate_tolerance_minutes": 5 }),
    );
    let r = one_of(&run(&doc, LATE));
    assert_eq!(dl(&r, PhoneResponse).clause, "L3.3b");
    assert_eq!(dl(&r, PhoneResponse).due, at("2025-03-03T08:15:00+08:00"));
    assert_eq!(dl(&r, PhoneResponse).late_minutes, 1);
    // The general level's 1 h response (L3.3c) is a number, not "immediately".
    let doc = with(
        case(vec![general("g")]),
        json!({ "immediate_tolerance_minutes": 0 }),
    );
    let r = one_of(&run(&doc, LATE));
    assert_eq!(dl(&r, Response).due, at("2025-03-03T09:10:00+08:00"));
}

// ---------------------------------------------------------------------------------------
// L2.1 majority_threshold_pct
// ---------------------------------------------------------------------------------------

#[test]
fn l2_1_majority_threshold_pct() {
    // 35 % of mailboxes: not more than 50 % → general event (L2.2) by default; more than a
    // 30 % threshold → emergency event (L2.1). The priority (from usability) and the
    // deadlines do not depend on it.
    let doc = |threshold: Option<u32>| {
        let d = case(vec![set(
            set_fact(urgent("m"), "mailboxes_affected_pct", json!(35)),
            &[("restored_at", json!("2025-03-04T15:00:00+08:00"))],
        )]);
        match threshold {
            Some(t) => with(d, json!({ "majority_threshold_pct": t })),
            None => d,
        }
    };
    let a = run(&doc(None), LATE);
    assert_eq!(a.interpretation.majority_threshold_pct, 50);
    let base = first(&a).clone();
    assert_eq!(base.event_level, EventLevel::General);
    assert!(cited(&base).contains(&"L2.2"));
    assert!(explains(&base, "not more than 50 %"));

    let a = run(&doc(Some(30)), LATE);
    assert_eq!(a.interpretation.majority_threshold_pct, 30);
    let r = first(&a);
    assert_eq!(r.event_level, EventLevel::Emergency);
    assert!(cited(r).contains(&"L2.1"));
    assert!(explains(r, "more than 30 %"));
    assert_eq!(r.priority, base.priority);
    assert_eq!(r.deadlines, base.deadlines);
    assert_eq!(r.penalty, base.penalty);

    // The boundary is "more than": 35 % with a 35 % threshold is a minority.
    assert_eq!(
        first(&run(&doc(Some(35)), LATE)).event_level,
        EventLevel::General
    );
    assert_eq!(
        first(&run(&doc(Some(34)), LATE)).event_level,
        EventLevel::Emergency
    );
}

// ---------------------------------------------------------------------------------------
// L5.1 force_majeure_extension
// ---------------------------------------------------------------------------------------

#[test]
fn l5_1_force_majeure_extension_whole_days_or_exact() {
    // Worked example with a 6 h typhoon 09:00 → 15:00 on 2025-03-03 and restoration moved
    // to 03-04 09:00. The typhoon starts while the restore clock (08:10 → 10:10) runs; the
    // phone (08:25) and remote access (08:40) deadlines had already fallen due: unmoved.
    //   whole_days (default): + 1 day → restore due 03-04 10:10; restored 09:00 → met,
    //     no damages.
    //   exact: + 6 h → due 03-03 16:10; restored 03-04 09:00 → missed by 16 h 50 min
    //     = 1,010 min. Penalty: interruption 08:00 → 03-04 09:00 = 25 h, minus the 6 h
    //     typhoon = 19 h → 1 started day = ¥2,500.00.
    let doc = |how: Option<&str>| {
        let d = worked_incident(|i| {
            i["force_majeure"] = json!([{ "kind": "typhoon",
                "start": "2025-03-03T09:00:00+08:00", "end": "2025-03-03T15:00:00+08:00" }]);
            i["restored_at"] = json!("2025-03-04T09:00:00+08:00");
        });
        match how {
            Some(h) => with(d, json!({ "force_majeure_extension": h })),
            None => d,
        }
    };
    let a = run(&doc(None), LATE);
    assert_eq!(
        a.interpretation.force_majeure_extension,
        Extension::WholeDays
    );
    let r = first(&a);
    assert_eq!(dl(r, PhoneResponse).force_majeure_seconds, 0);
    assert_eq!(dl(r, RemoteAccess).force_majeure_seconds, 0);
    let d = dl(r, Restore);
    assert_eq!(d.force_majeure_seconds, DAY);
    assert_eq!(d.due, at("2025-03-04T10:10:00+08:00"));
    assert_eq!(d.status, Met);
    assert_eq!(r.penalty.amount, fen(0));
    assert!(explains(r, "rounded up to whole days"));

    let a = run(&doc(Some("exact")), LATE);
    assert_eq!(a.interpretation.force_majeure_extension, Extension::Exact);
    let r = first(&a);
    let d = dl(r, Restore);
    assert_eq!(d.force_majeure_seconds, 6 * HOUR);
    assert_eq!(d.due, at("2025-03-03T16:10:00+08:00"));
    assert_eq!((d.status, d.late_minutes), (Missed, 1_010));
    let p = &r.penalty;
    assert_eq!(
        (p.interrupted_seconds, p.excluded_seconds, p.counted_seconds),
        (25 * HOUR, 6 * HOUR, 19 * HOUR)
    );
    assert_eq!((p.days, p.amount), (1, fen(DAY_FEN)));
    assert!(explains(r, "exact duration"));
    assert_eq!(a.total.penalty, fen(DAY_FEN));
}

// ---------------------------------------------------------------------------------------
// L4.3 cap_scope
// ---------------------------------------------------------------------------------------

#[test]
fn l4_3_cap_scope_contract_or_incident() {
    // a: 2025-03-03 08:00 → 03-17 09:00 = 14 d 1 h → 15 days = 3,750,000 fen
    // b: 2025-04-01 08:00 → 04-10 09:00 =  9 d 1 h → 10 days = 2,500,000 fen
    // c: 2025-05-05 08:00 → 05-26 09:00 = 21 d 1 h → 22 days = 5,500,000 fen
    let a_ = outage(
        "a",
        "2025-03-03T08:00:00+08:00",
        "2025-03-03T08:10:00+08:00",
        Some("2025-03-17T09:00:00+08:00"),
    );
    let b_ = outage(
        "b",
        "2025-04-01T08:00:00+08:00",
        "2025-04-01T08:10:00+08:00",
        Some("2025-04-10T09:00:00+08:00"),
    );
    let c_ = outage(
        "c",
        "2025-05-05T08:00:00+08:00",
        "2025-05-05T08:10:00+08:00",
        Some("2025-05-26T09:00:00+08:00"),
    );
    let applied = |a: &Assessment, id: &str| by_id(a, id).penalty.applied;

    // Contract (default), a and b: in order of restoration a gets 3,750,000, b the
    // 1,250,000 left of 5,000,000. Total 5,000,000, uncapped 6,250,000: cap reached.
    let a = run(&case(vec![b_.clone(), a_.clone()]), LATE);
    assert_eq!(a.interpretation.cap_scope, CapScope::Contract);
    assert_eq!(by_id(&a, "a").penalty.amount, fen(3_750_000));
    assert_eq!(by_id(&a, "b").penalty.amount, fen(2_500_000));
    assert_eq!(applied(&a, "a"), fen(3_750_000));
    assert_eq!(applied(&a, "b"), fen(1_250_000));
    assert_eq!(
        (a.total.penalty, a.total.uncapped, a.total.cap),
        (fen(CAP_FEN), fen(6_250_000), fen(CAP_FEN))
    );
    assert!(a.total.cap_reached);

    // Per incident, a and b: each is below ¥50,000.00 on its own, so both are paid in full:
    // 3,750,000 + 2,500,000 = 6,250,000, and no incident reaches its cap.
    let doc = |incs| with(case(incs), json!({ "cap_scope": "incident" }));
    let a = run(&doc(vec![b_.clone(), a_.clone()]), LATE);
    assert_eq!(a.interpretation.cap_scope, CapScope::Incident);
    assert_eq!(applied(&a, "a"), fen(3_750_000));
    assert_eq!(applied(&a, "b"), fen(2_500_000));
    assert_eq!(
        (a.total.penalty, a.total.uncapped, a.total.cap),
        (fen(6_250_000), fen(6_250_000), fen(CAP_FEN))
    );
    assert!(!a.total.cap_reached);
    assert!(explains(by_id(&a, "b"), "per incident (chosen reading)"));

    // Per incident with c (22 days = 5,500,000 > 5,000,000): c alone is capped at
    // 5,000,000. Total 3,750,000 + 2,500,000 + 5,000,000 = 11,250,000; cap reached (by c).
    // Quarters: 2025-Q1 a 3,750,000; 2025-Q2 b + c = 7,500,000 (8,000,000 uncapped).
    let a = run(&doc(vec![a_.clone(), b_.clone(), c_.clone()]), LATE);
    assert_eq!(applied(&a, "c"), fen(CAP_FEN));
    assert_eq!(by_id(&a, "c").penalty.amount, fen(5_500_000));
    assert_eq!(a.total.penalty, fen(11_250_000));
    assert_eq!(a.total.uncapped, fen(11_750_000));
    assert!(a.total.cap_reached);
    let q: Vec<(&str, u32, Fen, Fen)> = a
        .quarters
        .iter()
        .map(|q| (q.quarter.as_str(), q.incidents, q.penalty, q.uncapped))
        .collect();
    assert_eq!(
        q,
        vec![
            ("2025-Q1", 1, fen(3_750_000), fen(3_750_000)),
            ("2025-Q2", 2, fen(7_500_000), fen(8_000_000)),
        ]
    );
    // The same three under the contract cap: a 3,750,000, b 1,250,000, c nothing.
    let a = run(&case(vec![a_, b_, c_]), LATE);
    assert_eq!(applied(&a, "c"), fen(0));
    assert_eq!(a.total.penalty, fen(CAP_FEN));
}

// ---------------------------------------------------------------------------------------
// L2.3 consultation
// ---------------------------------------------------------------------------------------

fn consultation(response_at: &str) -> Value {
    json!({
        "id": "upgrade-advice",
        "reported_at": "2025-03-03T10:00:00+08:00",
        "declared_priority": "general",
        "facts": { "mailboxes_affected_pct": 0, "system_usable": true,
                   "seriously_damaged": false, "kind": "consultation" },
        "cause": "vendor",
        "response_at": response_at
    })
}

#[test]
fn l2_3_consultation_no_timer_or_general() {
    // Monday 2025-03-03 10:00 (office hours), answered 11:30.
    //   no_timer (default): no deadline at all, nothing to miss.
    //   general: the general level's response, 10:00 + 1 h = 11:00 (L3.3c) → missed by
    //     30 min; still no restore timer and no damages. Answered 10:45 → met.
    let a = run(&case(vec![consultation("2025-03-03T11:30:00+08:00")]), LATE);
    assert_eq!(a.interpretation.consultation, ConsultationRule::NoTimer);
    let r = first(&a);
    assert_eq!(r.event_level, EventLevel::Consultation);
    assert_eq!(r.coverage, Coverage::Consultation);
    assert!(r.deadlines.is_empty());
    assert!(explains(r, "No response or restore timer runs"));

    let doc = |at_: &str| {
        with(
            case(vec![consultation(at_)]),
            json!({ "consultation": "general" }),
        )
    };
    let a = run(&doc("2025-03-03T11:30:00+08:00"), LATE);
    assert_eq!(a.interpretation.consultation, ConsultationRule::General);
    let r = first(&a);
    assert_eq!(r.coverage, Coverage::Consultation);
    assert_eq!(kinds(r), vec![Response]);
    let d = dl(r, Response);
    assert_eq!(d.clause, "L3.3c");
    assert_eq!(d.allowed_seconds, HOUR);
    assert_eq!(d.due, at("2025-03-03T11:00:00+08:00"));
    assert_eq!((d.status, d.late_minutes), (Missed, 30));
    assert_eq!(r.penalty.amount, fen(0));
    assert!(explains(r, "general priority's response timer"));

    let r = one_of(&run(&doc("2025-03-03T10:45:00+08:00"), LATE));
    assert_eq!(dl(&r, Response).status, Met);
    // Not yet answered at 10:30 → pending.
    let doc = with(
        case(vec![unset(
            consultation("2025-03-03T10:45:00+08:00"),
            "response_at",
        )]),
        json!({ "consultation": "general" }),
    );
    let r = one_of(&run(&doc, "2025-03-03T10:30:00+08:00"));
    assert_eq!(dl(&r, Response).status, Pending);
}

#[test]
fn l2_3_a_consultation_read_as_general_has_the_general_priority() {
    // CLAUSES.md L2.3 alternative: "treat as general priority (1 h response)". A
    // consultation the customer called urgent gets the general level's 1 h response; the
    // result should then say its priority is general. The engine applies the general timer
    // but reports `priority: "urgent"` and explains "the declared priority sets the
    // deadlines".
    let inc = set(
        consultation("2025-03-03T10:45:00+08:00"),
        &[("declared_priority", json!("urgent"))],
    );
    let r = one_of(&run(
        &with(case(vec![inc]), json!({ "consultation": "general" })),
        LATE,
    ));
    assert_eq!(kinds(&r), vec![Response]);
    assert_eq!(r.priority, "general");
}

// ---------------------------------------------------------------------------------------
// L3.5 monitoring_grace_days
// ---------------------------------------------------------------------------------------

#[test]
fn l3_5_monitoring_grace_days() {
    // Warranty 2024-01-01 … 2026-12-31: period 1 is 2024-01-01 … 03-31.
    //   grace 0 (default): due 2024-03-31; on 2024-04-05 with no report → overdue.
    //   grace 10: due 2024-04-10; on 2024-04-05 → still due.
    let doc = |grace: Option<u32>, reports: Value| {
        let mut d = case(vec![]);
        d["monitoring_reports"] = reports;
        match grace {
            Some(g) => with(d, json!({ "monitoring_grace_days": g })),
            None => d,
        }
    };
    let a = run(&doc(None, json!([])), "2024-04-05T12:00:00+08:00");
    assert_eq!(a.interpretation.monitoring_grace_days, 0);
    assert_eq!(a.monitoring.len(), 12);
    assert_eq!(a.monitoring[0].due.to_string(), "2024-03-31");
    assert_eq!(a.monitoring[0].status, ReportStatus::Overdue);
    assert_eq!(a.monitoring[1].status, ReportStatus::Due);

    let a = run(&doc(Some(10), json!([])), "2024-04-05T12:00:00+08:00");
    assert_eq!(a.interpretation.monitoring_grace_days, 10);
    assert_eq!(a.monitoring[0].due.to_string(), "2024-04-10");
    assert_eq!(a.monitoring[0].status, ReportStatus::Due);
    // Period 2 (04-01 … 06-30) moves to 07-10; the last (2026-10-01 … 12-31) to 2027-01-10,
    // past the warranty's end.
    assert_eq!(a.monitoring[1].due.to_string(), "2024-07-10");
    assert_eq!(a.monitoring[11].due.to_string(), "2027-01-10");
    // Eleven days later, 04-11 > 04-10: overdue after all.
    let a = run(&doc(Some(10), json!([])), "2024-04-11T00:00:00+08:00");
    assert_eq!(a.monitoring[0].status, ReportStatus::Overdue);

    // A report delivered 2024-04-08: late with no grace (08 > 03-31) and with 7 days
    // (due 04-07); on time with 8 days (due 04-08, the same day) or 10.
    let delivered = json!([{ "period": 1, "delivered_at": "2024-04-08T10:00:00+08:00" }]);
    for (grace, late) in [(0, true), (7, true), (8, false), (10, false)] {
        let a = run(&doc(Some(grace), delivered.clone()), LATE);
        let p = &a.monitoring[0];
        assert_eq!(p.status, ReportStatus::Delivered, "grace {grace}");
        assert_eq!(p.late, late, "grace {grace}");
    }
}

// ---------------------------------------------------------------------------------------
// L3.4 customer_pauses
// ---------------------------------------------------------------------------------------

#[test]
fn l3_4_customer_pauses_count_or_ignore() {
    // Worked example with the customer's gateway down 08:20 → 09:20 (1 h), remote access
    // at 09:30 and restoration moved to 03-04 08:30.
    //   count (default):
    //     phone 08:25: pauses never move it → done 08:12, met.
    //     remote 08:10 + 30 min = 08:40; the pause covers 08:20–08:40 → 09:00, then
    //       08:20–09:00 → 09:20, then the whole hour → 09:40 (stable). Done 09:30 → met.
    //     restore 10:10 + 1 h = 11:10; restored 03-04 08:30 → 21 h 20 min = 1,280 min late.
    //     penalty: 08:00 → 03-04 08:30 = 24 h 30 min, minus the 1 h pause = 23 h 30 min
    //       → 1 day = ¥2,500.00.
    //   ignore:
    //     remote due 08:40 → done 09:30, missed by 50 min.
    //     restore due 10:10 → 22 h 20 min = 1,340 min late.
    //     penalty: the whole 24 h 30 min → 2 days = ¥5,000.00.
    let doc = |rule: Option<&str>| {
        let d = worked_incident(|i| {
            i["customer_pauses"] = json!([{ "start": "2025-03-03T08:20:00+08:00",
                                            "end": "2025-03-03T09:20:00+08:00" }]);
            i["remote_access_at"] = json!("2025-03-03T09:30:00+08:00");
            i["restored_at"] = json!("2025-03-04T08:30:00+08:00");
        });
        match rule {
            Some(r) => with(d, json!({ "customer_pauses": r })),
            None => d,
        }
    };
    let a = run(&doc(None), LATE);
    assert_eq!(a.interpretation.customer_pauses, PauseRule::Count);
    let r = first(&a);
    assert_eq!(dl(r, PhoneResponse).paused_seconds, 0);
    assert_eq!(dl(r, PhoneResponse).due, at("2025-03-03T08:25:00+08:00"));
    let d = dl(r, RemoteAccess);
    assert_eq!((d.paused_seconds, d.status), (HOUR, Met));
    assert_eq!(d.due, at("2025-03-03T09:40:00+08:00"));
    let d = dl(r, Restore);
    assert_eq!(d.due, at("2025-03-03T11:10:00+08:00"));
    assert_eq!(d.late_minutes, 1_280);
    assert_eq!(
        (r.penalty.excluded_seconds, r.penalty.counted_seconds),
        (HOUR, 23 * HOUR + 30 * MIN)
    );
    assert_eq!((r.penalty.days, r.penalty.amount), (1, fen(DAY_FEN)));
    assert!(cited(r).contains(&"L3.4"));

    let a = run(&doc(Some("ignore")), LATE);
    assert_eq!(a.interpretation.customer_pauses, PauseRule::Ignore);
    let r = first(&a);
    let d = dl(r, RemoteAccess);
    assert_eq!(d.paused_seconds, 0);
    assert_eq!(d.due, at("2025-03-03T08:40:00+08:00"));
    assert_eq!((d.status, d.late_minutes), (Missed, 50));
    let d = dl(r, Restore);
    assert_eq!(d.due, at("2025-03-03T10:10:00+08:00"));
    assert_eq!(d.late_minutes, 1_340);
    assert_eq!(
        (r.penalty.excluded_seconds, r.penalty.counted_seconds),
        (0, 24 * HOUR + 30 * MIN)
    );
    assert_eq!((r.penalty.days, r.penalty.amount), (2, fen(2 * DAY_FEN)));
    assert!(!cited(r).contains(&"L3.4"));
}

// ---------------------------------------------------------------------------------------
// L3.3 priority_source
// ---------------------------------------------------------------------------------------

#[test]
fn l3_3_priority_source_declared_or_suggested() {
    // The worked example declared general instead of urgent (the system is unusable).
    //   declared (default): general deadlines: response 08:10 + 1 h = 09:10 (L3.3c; no
    //     response_at → missed as of LATE) and restore 10:10.
    //   suggested: urgent deadlines: phone 08:25 (met 08:12), remote 08:40 (met 08:35),
    //     restore 10:10.
    // The restore deadline and the damages (2 days, ¥5,000.00) are the same either way.
    let doc = |src: Option<&str>| {
        let d = worked_incident(|i| i["declared_priority"] = json!("general"));
        match src {
            Some(s) => with(d, json!({ "priority_source": s })),
            None => d,
        }
    };
    let a = run(&doc(None), LATE);
    assert_eq!(a.interpretation.priority_source, PrioritySource::Declared);
    let r = first(&a);
    assert_eq!(
        (r.priority.as_str(), r.priority_mismatch),
        ("general", true)
    );
    assert_eq!(kinds(r), vec![Response, Restore]);
    assert_eq!(dl(r, Response).due, at("2025-03-03T09:10:00+08:00"));
    assert_eq!(dl(r, Response).status, Missed);
    assert_eq!(r.penalty.amount, fen(500_000));

    let a = run(&doc(Some("suggested")), LATE);
    assert_eq!(a.interpretation.priority_source, PrioritySource::Suggested);
    let r = first(&a);
    assert_eq!((r.priority.as_str(), r.priority_mismatch), ("urgent", true));
    assert_eq!(kinds(r), vec![PhoneResponse, RemoteAccess, Restore]);
    assert_eq!(dl(r, PhoneResponse).status, Met);
    assert_eq!(dl(r, RemoteAccess).status, Met);
    assert_eq!(dl(r, Restore).due, at("2025-03-03T10:10:00+08:00"));
    assert_eq!(r.penalty.amount, fen(500_000));
}

// ---------------------------------------------------------------------------------------
// The result reports every switch
// ---------------------------------------------------------------------------------------

const SWITCHES: [&str; 12] = [
    "immediate_tolerance_minutes",
    "majority_threshold_pct",
    "priority_source",
    "penalty_days",
    "restore_clock_from",
    "force_majeure_extension",
    "cap_scope",
    "consultation",
    "monitoring_grace_days",
    "customer_pauses",
    "office_calendar",
    "clocks",
];

#[test]
fn the_result_reports_every_switch_as_applied() {
    // Without an interpretation object: the defaults of CLAUSES.md, with the values the
    // terms decide filled in (penalty counting, the PRC calendar, 24×7 clocks).
    let a = run(&worked(), LATE);
    let v = serde_json::to_value(&a).expect("serialises");
    let obj = v["interpretation"].as_object().expect("an object");
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let mut want = SWITCHES.to_vec();
    want.sort_unstable();
    assert_eq!(keys, want);
    assert_eq!(
        v["interpretation"],
        json!({
            "immediate_tolerance_minutes": 15,
            "majority_threshold_pct": 50,
            "priority_source": "declared",
            "penalty_days": "started_periods",
            "restore_clock_from": "report",
            "force_majeure_extension": "whole_days",
            "cap_scope": "contract",
            "consultation": "no_timer",
            "monitoring_grace_days": 0,
            "customer_pauses": "count",
            "office_calendar": "prc",
            "clocks": { "phone_response": "24x7", "remote_access": "24x7",
                        "response": "24x7", "restore": "24x7" }
        })
    );

    // Every switch away from its default: echoed as given; the clocks not chosen are filled
    // in from the terms.
    let chosen = common::every_switch_changed();
    let a = run(&with(worked(), chosen.clone()), LATE);
    let i = a.interpretation;
    assert_eq!(i.immediate_tolerance_minutes, 5);
    assert_eq!(i.majority_threshold_pct, 30);
    assert_eq!(i.priority_source, PrioritySource::Suggested);
    assert_eq!(i.penalty_days, Some(PenaltyDays::ProRata));
    assert_eq!(i.restore_clock_from, RestoreFrom::Interruption);
    assert_eq!(i.force_majeure_extension, Extension::Exact);
    assert_eq!(i.cap_scope, CapScope::Incident);
    assert_eq!(i.consultation, ConsultationRule::General);
    assert_eq!(i.monitoring_grace_days, 10);
    assert_eq!(i.customer_pauses, PauseRule::Ignore);
    assert_eq!(i.office_calendar, Some(OfficeCalendar::Plain));
    assert_eq!(i.clocks.response, Some(Clock::OfficeHours));
    assert_eq!(i.clocks.phone_response, Some(Clock::TwentyFourSeven));
    assert_eq!(i.clocks.remote_access, Some(Clock::TwentyFourSeven));
    assert_eq!(i.clocks.restore, Some(Clock::TwentyFourSeven));
    let v = serde_json::to_value(&a).expect("serialises");
    let mut expected = chosen;
    expected["clocks"] = json!({ "phone_response": "24x7", "remote_access": "24x7",
                                 "response": "office_hours", "restore": "24x7" });
    assert_eq!(v["interpretation"], expected);
    // `slacalc explain` prints each switch as applied: crates/slacalc-cli/tests/engine_agreement.rs.
}

// ---------------------------------------------------------------------------------------
// clocks and office_calendar: need the office-hours clock (being merged)
// ---------------------------------------------------------------------------------------

/// A general request (L3.3c) reported Friday 2025-09-26 17:30.
fn friday_evening_general() -> Value {
    set(
        general("fri"),
        &[("reported_at", json!("2025-09-26T17:30:00+08:00"))],
    )
}

#[test]
fn l3_3c_response_on_the_office_hours_clock_with_the_prc_calendar() {
    // CLAUSES.md L3.3c alternative: "office-hours clock (1 business hour)"; L1.1 default:
    // Mon–Fri 09:00–18:00 minus PRC holidays plus make-up workdays.
    // Reported Friday 2025-09-26 17:30: 30 min on Friday (17:30–18:00); Saturday 09-27 is
    // off; Sunday 09-28 is a make-up workday (调休上班日 before National Day), so the other
    // 30 min run 09:00–09:30 → due 2025-09-28 09:30.
    let doc = with(
        case(vec![friday_evening_general()]),
        json!({ "clocks": { "response": "office_hours" } }),
    );
    let r = one_of(&run(&doc, LATE));
    let d = dl(&r, Response);
    assert_eq!(d.clock, Clock::OfficeHours);
    assert_eq!(d.due, at("2025-09-28T09:30:00+08:00"));
}

#[test]
fn l1_1_office_calendar_plain_weekdays_skip_the_make_up_workday() {
    // The same request with office_calendar "plain" (Mon–Fri, no holiday calendar): the
    // weekend of 27–28 September is off, so the second 30 min run Monday 09-29 09:00–09:30.
    let doc = with(
        case(vec![friday_evening_general()]),
        json!({ "office_calendar": "plain", "clocks": { "response": "office_hours" } }),
    );
    let r = one_of(&run(&doc, LATE));
    assert_eq!(dl(&r, Response).due, at("2025-09-29T09:30:00+08:00"));
    // And across National Day: reported Tuesday 2025-09-30 17:30 with the PRC calendar,
    // 1–8 October are holidays → the second 30 min run Thursday 10-09 09:00–09:30; with
    // plain weekdays, Wednesday 10-01 09:30.
    let sept30 = set(
        general("tue"),
        &[("reported_at", json!("2025-09-30T17:30:00+08:00"))],
    );
    let prc = with(
        case(vec![sept30.clone()]),
        json!({ "clocks": { "response": "office_hours" } }),
    );
    assert_eq!(
        dl(&one_of(&run(&prc, LATE)), Response).due,
        at("2025-10-09T09:30:00+08:00")
    );
    let plain = with(
        case(vec![sept30]),
        json!({ "office_calendar": "plain", "clocks": { "response": "office_hours" } }),
    );
    assert_eq!(
        dl(&one_of(&run(&plain, LATE)), Response).due,
        at("2025-10-01T09:30:00+08:00")
    );
}
