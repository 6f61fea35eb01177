//! Custom terms: a second, different contract written as data.
//! `examples/terms-campus-network.json` is a campus-network operations contract with its own
//! clause ids (N…): four priority levels P1–P4 chosen by criteria, a per-hour penalty, a 3 %
//! cap, its own exclusions (one of which extends the deadlines instead of removing them) and
//! a half-yearly monitoring report. `examples/custom-terms-case.json` carries the same terms
//! inline with nine incidents. All clocks are 24×7 (one ignored test waits for the office-hours
//! clock). Expected numbers are worked out by hand in the comments; times are UTC+08:00.
//!
//! Price ¥200,000.00 = 20,000,000 fen.
//!   one penalty hour (N4.2, 5 bp = 0.05 % per hour) = 20,000,000 × 5 / 10,000 = 10,000 fen
//!     = ¥100.00
//!   the cap (N4.3, 300 bp = 3 %) = 20,000,000 × 300 / 10,000 = 600,000 fen = ¥6,000.00
//!     = 60 penalty hours.

mod common;

use common::{at, by_id, cited, dl, error_at, kinds, read_example_json, refuse};
use serde_json::{json, Value};
use slacalc::calendar::Channel::{Hotline24x7, OfficeHotline};
use slacalc::classify::EventLevel;
use slacalc::coverage::Coverage;
use slacalc::deadline::DeadlineKind::{PhoneResponse, RemoteAccess, Response, Restore};
use slacalc::deadline::Status::{Met, Missed};
use slacalc::ledger::ReportStatus;
use slacalc::terms::{Clock, Effect, Per, Terms};
use slacalc::{assess, parse_case, Assessment, Fen, Problem};

const AS_OF: &str = "2026-01-15T00:00:00+08:00";
const HOUR_FEN: i128 = 10_000;

fn terms_value() -> Value {
    read_example_json("terms-campus-network.json")
}

fn case_value() -> Value {
    read_example_json("custom-terms-case.json")
}

fn assess_value(v: &Value, as_of: &str) -> Assessment {
    let case = parse_case(&v.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    assess(&case, at(as_of)).unwrap_or_else(|e| panic!("{e:?}"))
}

fn campus() -> Assessment {
    assess_value(&case_value(), AS_OF)
}

fn hours(n: i128) -> Fen {
    Fen(n * HOUR_FEN)
}

/// A case under the campus terms (inline) with these incidents and no reports.
fn campus_case(incidents: Vec<Value>) -> Value {
    let mut v = case_value();
    v["incidents"] = Value::Array(incidents);
    v["monitoring_reports"] = json!([]);
    v
}

// ---------------------------------------------------------------------------------------
// The terms themselves
// ---------------------------------------------------------------------------------------

#[test]
fn the_terms_file_is_the_cases_inline_terms_and_checks_clean() {
    assert_eq!(case_value()["terms"], terms_value());
    let t: Terms = serde_json::from_value(terms_value()).expect("a terms object");
    let mut errs = Vec::new();
    t.check("terms", &mut errs);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(t.id, "campus-network-2025");
    let ids: Vec<&str> = t.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["P1", "P2", "P3", "P4"]);
    assert_eq!((t.penalty.rate_bp, t.penalty.per), (5, Per::Hour));
    assert_eq!(t.penalty.cap_bp, 300);
    assert_eq!(t.monitoring.as_ref().map(|m| m.every_months), Some(6));
    assert!(t
        .exclusions
        .iter()
        .any(|e| e.effect == Effect::Extend && e.clause == "N5.3"));
    // Every commitment runs on the 24×7 clock in this example.
    for l in &t.levels {
        for c in &l.commitments {
            assert_eq!(c.clock, Clock::TwentyFourSeven, "{} {:?}", l.id, c.kind);
        }
    }
    let a = campus();
    assert_eq!(a.terms, "campus-network-2025");
    assert_eq!(a.terms_name.en, "Campus network operations contract");
}

// ---------------------------------------------------------------------------------------
// Classification by the four levels' criteria
// ---------------------------------------------------------------------------------------

fn facts_incident(id: &str, pct: Value, usable: bool, damaged: bool) -> Value {
    json!({
        "id": id,
        "reported_at": "2025-05-06T10:00:00+08:00",
        "facts": { "mailboxes_affected_pct": pct, "system_usable": usable,
                   "seriously_damaged": damaged, "kind": "fault" },
        "cause": "vendor"
    })
}

#[test]
fn classification_follows_the_four_levels_criteria_in_order() {
    // P1: unusable AND more than 50 % affected; P2: unusable; P3: seriously damaged;
    // P4: anything else (the last level is the fallback). Tried in order, most severe first.
    let table: [(&str, Value, bool, bool, &str); 10] = [
        ("unusable-80", json!(80), false, false, "P1"),
        ("unusable-most", json!("most"), false, true, "P1"),
        ("unusable-50.01", json!("50.01"), false, false, "P1"),
        // exactly 50 % is not "more than 50 %" → only P2's criterion holds
        ("unusable-50", json!(50), false, false, "P2"),
        ("unusable-few", json!("few"), false, false, "P2"),
        // damage does not lift an unusable minority outage above P2
        ("unusable-damaged-10", json!(10), false, true, "P2"),
        ("damaged-100", json!(100), true, true, "P3"),
        ("damaged-0", json!(0), true, true, "P3"),
        // a usable, undamaged system is P4 however many users notice
        ("fine-100", json!(100), true, false, "P4"),
        ("fine-0", json!(0), true, false, "P4"),
    ];
    let incidents = table
        .iter()
        .map(|(id, pct, u, d, _)| facts_incident(id, pct.clone(), *u, *d))
        .collect();
    let a = assess_value(&campus_case(incidents), AS_OF);
    for (id, _, _, _, level) in &table {
        let r = by_id(&a, id);
        assert_eq!(r.suggested_priority, *level, "{id}");
        // Nothing declared: the suggestion sets the deadlines, no mismatch.
        assert_eq!(r.priority, *level, "{id}");
        assert!(!r.priority_mismatch, "{id}");
        // The priority step cites the terms' clause, and the level's own clause.
        assert_eq!(r.explanation[0].clause, "N3", "{id}");
        let clause = format!("N3.{}", &level[1..]);
        assert!(r.explanation[0].en.contains(&clause), "{id}");
    }
    // The levels' commitments: P1/P2 phone + remote + restore; P3 response + restore;
    // P4 response only. (No interruption here, so no restore deadline; see below.)
    assert_eq!(
        kinds(by_id(&a, "unusable-80")),
        vec![PhoneResponse, RemoteAccess]
    );
    assert_eq!(kinds(by_id(&a, "damaged-0")), vec![Response]);
    assert_eq!(kinds(by_id(&a, "fine-0")), vec![Response]);
}

#[test]
fn the_example_incidents_are_classified_by_the_criteria() {
    let a = campus();
    let got: Vec<(&str, &str, &str, bool, EventLevel)> = a
        .incidents
        .iter()
        .map(|r| {
            (
                r.id.as_str(),
                r.priority.as_str(),
                r.suggested_priority.as_str(),
                r.priority_mismatch,
                r.event_level,
            )
        })
        .collect();
    use EventLevel::{Emergency, General};
    assert_eq!(
        got,
        vec![
            // unusable, 80 % → P1; 80 > 50 → emergency event
            ("core-switch-down", "P1", "P1", false, Emergency),
            // unusable, 10 % → P2
            ("building-b-outage", "P2", "P2", false, General),
            // usable, damaged → P3, nothing declared
            ("wifi-auth-slow", "P3", "P3", false, General),
            ("dorm-switch-hardware", "P2", "P2", false, General),
            // unusable, "most" → P1
            ("typhoon-fibre-cut", "P1", "P1", false, Emergency),
            ("ups-battery-failure", "P1", "P1", false, Emergency),
            ("vlan-misconfiguration", "P2", "P2", false, General),
            // usable, undamaged → P4
            ("printer-quota", "P4", "P4", false, General),
            // declared P1 for a usable, damaged system (suggested P3): flagged, and the
            // declared level sets the deadlines (default reading)
            ("uplink-flap", "P1", "P3", true, General),
        ]
    );
    assert_eq!(
        by_id(&a, "core-switch-down").priority_name.en,
        "P1: campus-wide outage"
    );
}

// ---------------------------------------------------------------------------------------
// Deadlines and per-hour damages of the example
// ---------------------------------------------------------------------------------------

#[test]
fn per_hour_damages_of_each_incident() {
    let a = campus();

    // core-switch-down: Tuesday 2025-05-06 09:05 → office hotline (N2.1). P1.
    //   Phone  09:05 + 10 min = 09:15, done 09:10 → met (N3.1).
    //   Remote 09:05 + 30 min = 09:35, done 09:30 → met.
    //   Restore 09:05 + 4 h = 13:05 (N4.1); restored 15:35 → missed by 2 h 30 min = 150 min.
    //   Penalty: 09:00 → 15:35 = 6 h 35 min = 23,700 s → 7 started hours × 10,000
    //     = 70,000 fen (¥700.00).
    let r = by_id(&a, "core-switch-down");
    assert_eq!(r.channel, OfficeHotline);
    assert_eq!(r.coverage, Coverage::Covered);
    assert_eq!(r.coverage_clause, "N4.1");
    assert_eq!(dl(r, PhoneResponse).clause, "N3.1");
    assert_eq!(dl(r, PhoneResponse).due, at("2025-05-06T09:15:00+08:00"));
    assert_eq!(dl(r, PhoneResponse).status, Met);
    assert_eq!(dl(r, RemoteAccess).due, at("2025-05-06T09:35:00+08:00"));
    assert_eq!(dl(r, RemoteAccess).status, Met);
    assert_eq!(dl(r, Restore).clause, "N4.1");
    assert_eq!(dl(r, Restore).due, at("2025-05-06T13:05:00+08:00"));
    assert_eq!(
        (dl(r, Restore).status, dl(r, Restore).late_minutes),
        (Missed, 150)
    );
    assert_eq!(r.penalty.counted_seconds, 23_700);
    assert_eq!((r.penalty.days, r.penalty.amount), (7, hours(7)));
    assert!(r.explanation.iter().any(|s| s.clause == "N4.2"
        && s.en.contains("each started hour counts in full")
        && s.en.contains("7 hour(s) × 0.05 % × ¥200,000.00 = ¥700.00")));

    // building-b-outage: Tuesday 2025-06-10 22:30 → 24×7 line. P2.
    // Customer pause (N3.5) 06-11 00:00 → 02:00.
    //   Phone 22:30 + 30 min = 23:00, done 22:50 → met.
    //   Remote 22:30 + 1 h = 23:30 (the pause starts after it) → done 23:45, missed 15 min.
    //   Restore 22:30 + 8 h = 06:30, + 2 h pause = 08:30; restored 10:10 → missed 100 min.
    //   Penalty: 22:00 → 10:10 = 12 h 10 min, − 2 h pause = 10 h 10 min → 11 hours
    //     = 110,000 fen.
    let r = by_id(&a, "building-b-outage");
    assert_eq!(r.channel, Hotline24x7);
    assert_eq!(dl(r, PhoneResponse).due, at("2025-06-10T23:00:00+08:00"));
    assert_eq!(dl(r, PhoneResponse).status, Met);
    assert_eq!(dl(r, RemoteAccess).paused_seconds, 0);
    assert_eq!(dl(r, RemoteAccess).late_minutes, 15);
    assert_eq!(dl(r, Restore).paused_seconds, 7_200);
    assert_eq!(dl(r, Restore).due, at("2025-06-11T08:30:00+08:00"));
    assert_eq!(dl(r, Restore).late_minutes, 100);
    assert_eq!(
        (r.penalty.excluded_seconds, r.penalty.counted_seconds),
        (7_200, 36_600)
    );
    assert_eq!((r.penalty.days, r.penalty.amount), (11, hours(11)));
    assert!(cited(r).contains(&"N3.5"));

    // wifi-auth-slow: P3, no interruption → only the 4 h response (N3.3):
    //   10:00 + 4 h = 14:00, done 13:00 → met. No restore commitment, no damages.
    let r = by_id(&a, "wifi-auth-slow");
    assert_eq!(r.coverage, Coverage::NoInterruption);
    assert_eq!(kinds(r), vec![Response]);
    assert_eq!(dl(r, Response).clause, "N3.3");
    assert_eq!(dl(r, Response).due, at("2025-07-01T14:00:00+08:00"));
    assert_eq!(dl(r, Response).status, Met);
    assert_eq!(r.penalty.amount, Fen(0));

    // dorm-switch-hardware: server hardware is not excluded here; N5.3 extends every
    // deadline by 4 h (spare parts). Friday 2025-08-01 08:00 → 24×7 line. P2.
    //   Phone 08:00 + 30 min + 4 h = 12:30 (done 08:20, met).
    //   Remote 08:00 + 1 h + 4 h = 13:00 (done 12:45, met).
    //   Restore 08:00 + 8 h + 4 h = 20:00; restored 08-02 02:00 → missed by 6 h = 360 min.
    //   Penalty: 08:00 → 02:00 = 18 h → 18 hours = 180,000 fen (the whole interruption
    //     counts; the extension moves the deadline, it is not excluded time).
    let r = by_id(&a, "dorm-switch-hardware");
    assert_eq!(r.coverage, Coverage::Covered);
    assert_eq!(dl(r, PhoneResponse).due, at("2025-08-01T12:30:00+08:00"));
    assert_eq!(dl(r, RemoteAccess).due, at("2025-08-01T13:00:00+08:00"));
    assert_eq!(dl(r, RemoteAccess).status, Met);
    assert_eq!(dl(r, Restore).due, at("2025-08-01T20:00:00+08:00"));
    assert_eq!(dl(r, Restore).late_minutes, 360);
    assert_eq!((r.penalty.days, r.penalty.amount), (18, hours(18)));
    assert!(r
        .explanation
        .iter()
        .any(|s| s.clause == "N5.3" && s.en.contains("extends every deadline by 4 h")));

    // typhoon-fibre-cut: Tuesday 2025-09-16 20:05 → 24×7 line. P1.
    // Typhoon (N6) 09-16 21:00 → 09-17 03:00 = 6 h → rounded up to 1 whole day.
    //   Phone 20:15 (done 20:10, met) and remote 20:35 (done 20:30, met) fell due before
    //   the typhoon began: unmoved.
    //   Restore 20:05 + 4 h = 09-17 00:05; the typhoon starts 21:00 while it runs → + 24 h
    //   = 09-18 00:05; restored 06:05 → missed by 6 h = 360 min.
    //   Penalty: 09-16 20:00 → 09-18 06:05 = 34 h 5 min, − 6 h typhoon = 28 h 5 min
    //     → 29 started hours = 290,000 fen (before the cap).
    let r = by_id(&a, "typhoon-fibre-cut");
    assert_eq!(dl(r, PhoneResponse).force_majeure_seconds, 0);
    assert_eq!(dl(r, RemoteAccess).force_majeure_seconds, 0);
    assert_eq!(dl(r, Restore).force_majeure_seconds, 86_400);
    assert_eq!(dl(r, Restore).due, at("2025-09-18T00:05:00+08:00"));
    assert_eq!(dl(r, Restore).late_minutes, 360);
    assert_eq!(
        (r.penalty.excluded_seconds, r.penalty.counted_seconds),
        (21_600, 101_100)
    );
    assert_eq!((r.penalty.days, r.penalty.amount), (29, hours(29)));
    assert!(cited(r).contains(&"N6"));

    // ups-battery-failure: customer UPS → N5.1 best effort: response timers only.
    //   Phone 03:20 + 10 min = 03:30 (done 03:25, met); remote 03:50 (done 03:55, missed
    //   by 5 min). No restore commitment, no damages for the 9 h outage.
    let r = by_id(&a, "ups-battery-failure");
    assert_eq!(r.coverage, Coverage::ExcludedCustomerSide);
    assert_eq!(r.coverage_clause, "N5.1");
    assert_eq!(kinds(r), vec![PhoneResponse, RemoteAccess]);
    assert_eq!(dl(r, RemoteAccess).late_minutes, 5);
    assert_eq!(r.penalty.amount, Fen(0));

    // vlan-misconfiguration: customer mis-operation → N5.2, no SLA at all.
    let r = by_id(&a, "vlan-misconfiguration");
    assert_eq!(r.coverage, Coverage::OutsideFreeMaintenance);
    assert_eq!(r.coverage_clause, "N5.2");
    assert!(r.deadlines.is_empty());

    // printer-quota: P4, Monday 2025-11-03 17:00 (office hotline): response within 8 h on
    // the 24×7 clock → 11-04 01:00; answered 09:30 → missed by 8 h 30 min = 510 min.
    let r = by_id(&a, "printer-quota");
    assert_eq!(r.channel, OfficeHotline);
    assert_eq!(dl(r, Response).clause, "N3.4");
    assert_eq!(dl(r, Response).due, at("2025-11-04T01:00:00+08:00"));
    assert_eq!(dl(r, Response).late_minutes, 510);

    // uplink-flap: declared P1 (suggested P3): P1's 4 h restore runs: 10:00 + 4 h = 14:00;
    //   restored 15:00 → missed by 60 min; 10:00 → 15:00 = 5 hours = 50,000 fen.
    let r = by_id(&a, "uplink-flap");
    assert_eq!(dl(r, Restore).due, at("2025-12-01T14:00:00+08:00"));
    assert_eq!(dl(r, Restore).late_minutes, 60);
    assert_eq!((r.penalty.days, r.penalty.amount), (5, hours(5)));
}

#[test]
fn the_suggested_level_can_set_the_deadlines_instead() {
    // uplink-flap read by its facts (P3): response 10:00 + 4 h = 14:00 (done 10:05, met);
    // restore 10:00 + 24 h = 12-02 10:00, restored 15:00 → met: no damages.
    let mut v = case_value();
    v["interpretation"] = json!({ "priority_source": "suggested" });
    let a = assess_value(&v, AS_OF);
    let r = by_id(&a, "uplink-flap");
    assert_eq!(r.priority, "P3");
    assert_eq!(kinds(r), vec![Response, Restore]);
    assert_eq!(dl(r, Response).status, Met);
    assert_eq!(dl(r, Restore).due, at("2025-12-02T10:00:00+08:00"));
    assert_eq!(dl(r, Restore).status, Met);
    assert_eq!(r.penalty.amount, Fen(0));
}

#[test]
fn per_hour_counting_options() {
    // core-switch-down alone: interrupted 09:00 → 15:35 (6 h 35 min = 23,700 s), restore
    // due 13:05.
    //   started_periods (the terms' rule): ⌈6.583⌉ = 7 hours → 70,000 fen
    //   past_deadline: 13:05 → 15:35 = 2 h 30 min → 3 hours → 30,000
    //   whole_days (whole periods, here hours): ⌊6.583⌋ = 6 → 60,000
    //   pro_rata: 23,700 / 3,600 = 6.58333… → "6.5833";
    //     20,000,000 × 5 × 23,700 / (10,000 × 3,600) = 65,833.33 → 65,833 fen (¥658.33)
    //   calendar_days (clock hours touched): 09, 10, 11, 12, 13, 14, 15 → 7 → 70,000
    let v = case_value();
    let core = v["incidents"][0].clone();
    assert_eq!(core["id"], "core-switch-down");
    let base = campus_case(vec![core]);
    let a = assess_value(&base, AS_OF);
    assert_eq!(
        a.interpretation.penalty_days,
        Some(slacalc::terms::PenaltyDays::StartedPeriods),
        "the terms' own counting is the default"
    );
    for (mode, n, exact, amount) in [
        ("started_periods", 7, "7", 70_000),
        ("past_deadline", 3, "3", 30_000),
        ("whole_days", 6, "6", 60_000),
        ("pro_rata", 6, "6.5833", 65_833),
        ("calendar_days", 7, "7", 70_000),
    ] {
        let mut doc = base.clone();
        doc["interpretation"] = json!({ "penalty_days": mode });
        let p = assess_value(&doc, AS_OF).incidents[0].penalty.clone();
        assert_eq!(
            (p.days, p.periods_exact.as_str(), p.amount),
            (n, exact, Fen(amount)),
            "{mode}"
        );
    }
}

#[test]
fn the_campus_cap_is_three_percent_in_order_of_restoration() {
    // Damages before the cap, in order of restoration:
    //   restored          incident              wants     gets      used after
    //   2025-05-06 15:35  core-switch-down       70,000    70,000     70,000
    //   2025-06-11 10:10  building-b-outage     110,000   110,000    180,000
    //   2025-08-02 02:00  dorm-switch-hardware  180,000   180,000    360,000
    //   2025-09-18 06:05  typhoon-fibre-cut     290,000   240,000    600,000 (cap)
    //   2025-12-01 15:00  uplink-flap            50,000         0    600,000
    // Uncapped 700,000 fen (¥7,000.00); due 600,000 (¥6,000.00): cap reached.
    let a = campus();
    let applied = |id: &str| by_id(&a, id).penalty.applied;
    assert_eq!(applied("core-switch-down"), hours(7));
    assert_eq!(applied("building-b-outage"), hours(11));
    assert_eq!(applied("dorm-switch-hardware"), hours(18));
    assert_eq!(applied("typhoon-fibre-cut"), hours(24));
    assert_eq!(applied("uplink-flap"), Fen(0));
    assert_eq!(a.total.cap, Fen(600_000));
    assert_eq!(a.total.penalty, Fen(600_000));
    assert_eq!(a.total.uncapped, Fen(700_000));
    assert!(a.total.cap_reached);
    let step = by_id(&a, "typhoon-fibre-cut")
        .explanation
        .iter()
        .find(|s| s.clause == "N4.3")
        .expect("cap step cites the terms' cap clause");
    assert!(
        step.en.contains("¥3,600.00 used before")
            && step
                .en
                .contains("would cost ¥2,900.00 but adds only ¥2,400.00"),
        "{}",
        step.en
    );
    // Quarters of restoration:
    //   2025-Q2 core + building-b       180,000 / 180,000
    //   2025-Q3 dorm + typhoon          420,000 / 470,000
    //   2025-Q4 uplink                        0 /  50,000
    let q: Vec<(&str, u32, i128, i128)> = a
        .quarters
        .iter()
        .map(|q| (q.quarter.as_str(), q.incidents, q.penalty.0, q.uncapped.0))
        .collect();
    assert_eq!(
        q,
        vec![
            ("2025-Q2", 2, 180_000, 180_000),
            ("2025-Q3", 2, 420_000, 470_000),
            ("2025-Q4", 1, 0, 50_000),
        ]
    );
}

#[test]
fn half_yearly_monitoring_of_the_campus_contract() {
    // N3.6: one report every 6 months of the warranty 2025-01-01 … 2026-12-31 → 4 periods.
    // As of 2026-01-15: 1 (H1 2025) delivered 07-03 after its 06-30 due date → late;
    // 2 (H2 2025) nothing → overdue; 3 (H1 2026) → due; 4 → upcoming.
    let a = campus();
    let s: Vec<(String, String, ReportStatus, bool)> = a
        .monitoring
        .iter()
        .map(|r| (r.from.to_string(), r.due.to_string(), r.status, r.late))
        .collect();
    use ReportStatus::{Delivered, Due, Overdue, Upcoming};
    assert_eq!(
        s,
        vec![
            ("2025-01-01".into(), "2025-06-30".into(), Delivered, true),
            ("2025-07-01".into(), "2025-12-31".into(), Overdue, false),
            ("2026-01-01".into(), "2026-06-30".into(), Due, false),
            ("2026-07-01".into(), "2026-12-31".into(), Upcoming, false),
        ]
    );
    // Terms without monitoring have no schedule.
    let mut v = case_value();
    v["terms"]
        .as_object_mut()
        .expect("terms object")
        .remove("monitoring");
    v["monitoring_reports"] = json!([]);
    assert!(assess_value(&v, AS_OF).monitoring.is_empty());
}

// ---------------------------------------------------------------------------------------
// Validation: declared levels and bad terms
// ---------------------------------------------------------------------------------------

#[test]
fn declared_priority_must_be_a_level_of_the_terms() {
    // The letter's level ids mean nothing under the campus terms, and the reverse.
    let mut v = case_value();
    v["incidents"][0]["declared_priority"] = json!("urgent");
    v["incidents"][3]["declared_priority"] = json!("p2");
    let errs = refuse(&v);
    assert_eq!(errs.len(), 2, "{errs:?}");
    for (path, found) in [
        ("incidents[0].declared_priority", "urgent"),
        ("incidents[3].declared_priority", "p2"),
    ] {
        assert_eq!(
            error_at(&errs, path).problem,
            Problem::UnknownLevel {
                found: found.into(),
                expected: "\"P1\", \"P2\", \"P3\", \"P4\"".into()
            }
        );
    }
    assert!(error_at(&errs, "incidents[0].declared_priority")
        .en()
        .contains("\"urgent\" is not a priority level of the terms; expected one of: \"P1\", \"P2\", \"P3\", \"P4\""));

    let mut w = common::case(vec![common::urgent("u")]);
    w["incidents"][0]["declared_priority"] = json!("P1");
    let errs = refuse(&w);
    assert_eq!(
        error_at(&errs, "incidents[0].declared_priority").problem,
        Problem::UnknownLevel {
            found: "P1".into(),
            expected: "\"urgent\", \"serious\", \"general\"".into()
        }
    );
}

fn bad_terms(f: impl FnOnce(&mut Value)) -> Value {
    let mut v = case_value();
    f(&mut v["terms"]);
    v
}

#[test]
fn bad_terms_are_refused_with_paths_under_terms() {
    // A duplicate level id: the second P1 is named.
    let errs = refuse(&bad_terms(|t| t["levels"][1]["id"] = json!("P1")));
    assert_eq!(
        error_at(&errs, "terms.levels[1].id").problem,
        Problem::DuplicateId("P1".into())
    );
    // A cap above 100 % (10,000 bp); exactly 100 % is allowed.
    let errs = refuse(&bad_terms(|t| t["penalty"]["cap_bp"] = json!(10_001)));
    assert_eq!(
        error_at(&errs, "terms.penalty.cap_bp").problem,
        Problem::OutOfRange {
            min: 0,
            max: 10_000,
            value: 10_001
        }
    );
    common::parse(&bad_terms(|t| t["penalty"]["cap_bp"] = json!(10_000)));
    // Office hours that are not HH:MM, and a day that is not a weekday.
    let errs = refuse(&bad_terms(|t| {
        t["office_hours"]["open"] = json!("9am");
        t["office_hours"]["close"] = json!("24:30");
        t["office_hours"]["days"][4] = json!("friday");
    }));
    assert_eq!(
        error_at(&errs, "terms.office_hours.open").problem,
        Problem::NotAClockTime("9am".into())
    );
    assert_eq!(
        error_at(&errs, "terms.office_hours.close").problem,
        Problem::NotAClockTime("24:30".into())
    );
    assert!(matches!(
        &error_at(&errs, "terms.office_hours.days[4]").problem,
        Problem::UnknownValue { found, .. } if found == "friday"
    ));
    // 24:00 only ends a day (found by the fuzz target assess_valid's generator): refused by
    // the reader, not first by the assessment; so are hours that make no office at all.
    let errs = refuse(&bad_terms(|t| t["office_hours"]["open"] = json!("24:00")));
    assert_eq!(
        error_at(&errs, "terms.office_hours.open").problem,
        Problem::NotAClockTime("24:00".into())
    );
    let errs = refuse(&bad_terms(|t| t["office_hours"]["days"] = json!([])));
    assert_eq!(
        error_at(&errs, "terms.office_hours").problem,
        Problem::NotAClockTime("09:00–18:00".into())
    );
    common::parse(&bad_terms(|t| t["office_hours"]["close"] = json!("24:00")));
    // Several problems at once are all reported (the terms are read, then checked whole),
    // together with an incident problem.
    let mut v = bad_terms(|t| {
        t["levels"][2]["id"] = json!("P1");
        t["penalty"]["cap_bp"] = json!(20_000);
        t["office_hours"]["close"] = json!("6pm");
        t["levels"][3]["commitments"][0]["within"] = json!("PT0S");
    });
    v["incidents"][0]["declared_priority"] = json!("P9");
    let errs = refuse(&v);
    let mut paths: Vec<&str> = errs.iter().map(|e| e.path.as_str()).collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        [
            "incidents[0].declared_priority",
            "terms.levels[2].id",
            "terms.levels[3].commitments[0].within",
            "terms.office_hours.close",
            "terms.penalty.cap_bp",
        ]
    );
    assert_eq!(
        error_at(&errs, "terms.levels[3].commitments[0].within").problem,
        Problem::NotPositive
    );
    // Reader errors inside the inline terms name their path too.
    let errs = refuse(&bad_terms(|t| t["penalty"]["per"] = json!("week")));
    assert!(
        matches!(&errs[0].problem, Problem::UnknownValue { found, .. } if found == "week"),
        "{errs:?}"
    );
    assert_eq!(errs[0].path, "terms.penalty.per");
    let errs = refuse(&bad_terms(|t| {
        t["levels"][0]["commitments"][1]["within"] = json!("soon")
    }));
    assert_eq!(errs[0].path, "terms.levels[0].commitments[1].within");
    assert_eq!(errs[0].problem, Problem::NotADuration("soon".into()));
    let errs = refuse(&bad_terms(|t| t["penalty"]["rate"] = json!(5)));
    assert_eq!(errs[0].path, "terms.penalty.rate");
    assert_eq!(errs[0].problem, Problem::UnknownField("rate".into()));
}

// ---------------------------------------------------------------------------------------
// `slacalc terms` round-trips into a case
// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// The campus terms file with a CSV ledger
// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// Clause ids and text output of custom terms
// ---------------------------------------------------------------------------------------

/// Every clause id the campus terms define.
fn campus_clauses() -> Vec<String> {
    let t: Terms = serde_json::from_value(terms_value()).expect("terms");
    let mut c = vec![
        t.office_hours.clause.clone(),
        t.priority_clause.clone(),
        t.restore_clause.clone(),
        t.penalty.clause.clone(),
        t.penalty.cap_clause.clone(),
        t.force_majeure_clause.clone(),
        t.pause_clause.clone(),
    ];
    for l in &t.levels {
        c.push(l.clause.clone());
        c.extend(l.commitments.iter().map(|x| x.clause.clone()));
    }
    c.extend(t.exclusions.iter().map(|e| e.clause.clone()));
    c.extend(t.monitoring.iter().map(|m| m.clause.clone()));
    c.sort();
    c.dedup();
    c
}

#[test]
fn deadlines_coverage_and_damages_cite_the_terms_own_clauses() {
    let a = campus();
    let own = campus_clauses();
    for r in &a.incidents {
        assert!(own.contains(&r.coverage_clause), "{}", r.id);
        for d in &r.deadlines {
            assert!(own.contains(&d.clause), "{} {:?}", r.id, d.kind);
        }
        for s in &r.explanation {
            assert!(
                ![
                    "L3.3", "L3.3a", "L3.3b", "L3.3c", "L3.4", "L4.1", "L4.2", "L4.3", "L5.1",
                    "L5.2", "L5.3"
                ]
                .contains(&s.clause.as_str()),
                "{}: letter clause {} cited under the campus terms",
                r.id,
                s.clause
            );
        }
    }
}

#[test]
fn every_clause_cited_under_custom_terms_is_one_of_theirs() {
    // Under the campus terms the explanation still cites "L2.1"/"L2.2"/"L2.3" (explain::event)
    // and "L1.2" (explain::channel, 24×7 line), clause ids the campus contract does not have.
    let a = campus();
    let own = campus_clauses();
    for r in &a.incidents {
        for c in cited(r) {
            assert!(own.iter().any(|o| o == c), "{}: cites {c}", r.id);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Office-hours clock (being merged)
// ---------------------------------------------------------------------------------------

#[test]
fn p3_and_p4_responses_on_the_office_hours_clock() {
    // The campus terms with P3's 4 h response and P4's 8 h response on "office_hours":
    // Mon–Fri 09:00–18:00 with the PRC calendar (prc_holidays: true).
    //
    // P3 reported Friday 2025-09-26 16:00: 2 business hours on Friday (16:00–18:00);
    // Saturday 09-27 off; Sunday 09-28 is a make-up workday (调休) → 09:00 + 2 h
    // → due Sunday 2025-09-28 11:00.
    //
    // P4 reported Tuesday 2025-09-30 17:00: 1 h on Tuesday (17:00–18:00); 1–8 October are
    // the National Day holidays; Thursday 10-09 09:00 + 7 h → due 2025-10-09 16:00.
    let mut v = case_value();
    v["terms"]["levels"][2]["commitments"][0]["clock"] = json!("office_hours");
    v["terms"]["levels"][3]["commitments"][0]["clock"] = json!("office_hours");
    v["incidents"] = json!([
        facts_incident("p3-friday", json!(40), true, true),
        facts_incident("p4-before-national-day", json!(2), true, false),
    ]);
    v["incidents"][0]["reported_at"] = json!("2025-09-26T16:00:00+08:00");
    v["incidents"][1]["reported_at"] = json!("2025-09-30T17:00:00+08:00");
    let a = assess_value(&v, AS_OF);
    assert_eq!(
        a.interpretation.clocks.response,
        Some(Clock::OfficeHours),
        "the terms' clock is reported as applied"
    );
    let r = by_id(&a, "p3-friday");
    assert_eq!(r.priority, "P3");
    let d = dl(r, Response);
    assert_eq!(d.clock, Clock::OfficeHours);
    assert_eq!(d.due, at("2025-09-28T11:00:00+08:00"));
    let r = by_id(&a, "p4-before-national-day");
    assert_eq!(r.priority, "P4");
    assert_eq!(dl(r, Response).due, at("2025-10-09T16:00:00+08:00"));
}

// ---------------------------------------------------------------------------------------
// #15: criteria in the contract's own words. The campus contract counts users, not mailboxes
// (`"measure": {"zh": "用户", "en": "users"}`): its explanations and its clause table say so;
// the letter, which names no measure, still counts mailboxes; a measure named blank is refused.

#[test]
fn the_criteria_speak_of_what_the_contract_counts() {
    let a = campus();
    let steps: Vec<&slacalc::explain::Step> =
        a.incidents.iter().flat_map(|r| &r.explanation).collect();
    assert!(
        steps
            .iter()
            .any(|s| s.zh.starts_with("受影响用户 ") && s.en.contains(" of users affected")),
        "{:?}",
        steps.iter().map(|s| &s.en).collect::<Vec<_>>()
    );
    assert!(!steps
        .iter()
        .any(|s| s.en.contains("mailboxes") || s.zh.contains("邮箱")));
    let t: Terms = serde_json::from_value(terms_value()).expect("terms");
    assert_eq!(t.measure_words(), ("用户", "users"));
    let rows = slacalc::clause_table::clause_table(&t);
    assert!(
        rows.iter().any(|r| r.zh.contains("超过 50% 的用户受影响")),
        "{rows:?}"
    );
    assert!(rows
        .iter()
        .any(|r| r.en.contains("more than 50 % of users affected")));
    // The letter names none: mailboxes.
    let letter = Terms::preset("eyou-sdju").expect("the letter");
    assert_eq!(letter.measure, None);
    assert_eq!(letter.measure_words(), ("邮箱", "mailboxes"));
    // Named blank: refused at its path.
    let mut v = case_value();
    v["terms"]["measure"] = json!({ "zh": " ", "en": "users" });
    let errs = refuse(&v);
    assert_eq!(error_at(&errs, "terms.measure.zh").problem, Problem::Empty);
}
