//! `examples/ledger-3y.json`: a three-year ledger under the letter (warranty 2024-01-01 to
//! 2026-12-31) with 14 incidents, assessed as of 2025-11-15 12:00 (+08:00). Every expected
//! number below is worked out by hand from `CLAUSES.md`; the arithmetic is in the comments.
//! Times are UTC+08:00.
//!
//! Contract price ¥400,000.00 = 40,000,000 fen, so:
//!   one penalty day (L4.2, 0.25 % = 25 bp) = 40,000,000 × 25 / 10,000 = 100,000 fen = ¥1,000.00
//!   the cap (L4.3, 5 % = 500 bp)          = 40,000,000 × 500 / 10,000 = 2,000,000 fen = ¥20,000.00
//!   i.e. the cap is exactly 20 penalty days.

mod common;

use common::{at, by_id, cited, dl, kinds};
use slacalc::calendar::Channel::{Hotline24x7, OfficeHotline};
use slacalc::classify::EventLevel;
use slacalc::coverage::Coverage;
use slacalc::deadline::DeadlineKind::{PhoneResponse, RemoteAccess, Response, Restore};
use slacalc::deadline::Status::{Met, Missed};
use slacalc::ledger::ReportStatus;
use slacalc::{assess, parse_case, Assessment, Fen};
use std::path::PathBuf;

const AS_OF: &str = "2025-11-15T12:00:00+08:00";
const DAY: Fen = Fen(100_000);

fn path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/ledger-3y.json")
}

fn text() -> String {
    std::fs::read_to_string(path()).expect("examples/ledger-3y.json")
}

fn ledger() -> Assessment {
    let case = parse_case(&text()).unwrap_or_else(|e| panic!("{e:?}"));
    assess(&case, at(AS_OF)).unwrap_or_else(|e| panic!("{e:?}"))
}

fn days(n: i128) -> Fen {
    Fen(DAY.0 * n)
}

#[test]
fn the_file_is_a_three_year_ledger_with_every_kind_of_incident() {
    let case = parse_case(&text()).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(case.incidents.len() >= 12);
    assert_eq!(case.incidents.len(), 14);
    assert_eq!(case.contract.price, Fen(40_000_000));
    let causes: Vec<String> = case
        .incidents
        .iter()
        .map(|i| format!("{:?}", i.cause))
        .collect();
    for c in [
        "Vendor",
        "CustomerUps",
        "OperatingSystem",
        "Network",
        "Unknown",
    ] {
        assert!(causes.iter().any(|x| x == c), "{c} missing: {causes:?}");
    }
    assert!(case.incidents.iter().any(|i| !i.force_majeure.is_empty()));
    assert!(case.incidents.iter().any(|i| !i.customer_pauses.is_empty()));
    assert!(case.incidents.iter().any(|i| i.restored_at.is_none()));
    assert_eq!(case.monitoring_reports.len(), 5);
}

#[test]
fn incidents_outside_the_warranty_excluded_or_without_a_timer() {
    let a = ledger();

    // 2023-12-31-new-year-outage: the interruption started 2023-12-31 23:00, the day before
    // the warranty (L4.1 (a)); reported 2024-01-01 00:10 (New Year's night → 24×7 line).
    // Outside the warranty: no timer, no penalty, however long.
    let r = by_id(&a, "2023-12-31-new-year-outage");
    assert_eq!(r.channel, Hotline24x7);
    assert_eq!(r.coverage, Coverage::OutsideWarranty);
    assert_eq!(r.coverage_clause, "L4.1");
    assert!(r.deadlines.is_empty());
    assert_eq!((r.penalty.days, r.penalty.amount), (0, Fen(0)));

    // 2024-06-15-ups-failure: customer UPS (L5.2): response timers run, no restore
    // commitment and no penalty for the 57 h outage. Reported Saturday 03:30 (24×7 line).
    //   Phone  03:30 + 15 min = 03:45, done 03:40 → met.
    //   Remote 03:30 + 30 min = 04:00, done 04:10 → missed by 10 min.
    let r = by_id(&a, "2024-06-15-ups-failure");
    assert_eq!(r.channel, Hotline24x7);
    assert_eq!(r.coverage, Coverage::ExcludedCustomerSide);
    assert_eq!(r.coverage_clause, "L5.2");
    assert_eq!(kinds(r), vec![PhoneResponse, RemoteAccess]);
    assert_eq!(dl(r, PhoneResponse).due, at("2024-06-15T03:45:00+08:00"));
    assert_eq!(dl(r, PhoneResponse).status, Met);
    assert_eq!(dl(r, RemoteAccess).due, at("2024-06-15T04:00:00+08:00"));
    assert_eq!(dl(r, RemoteAccess).status, Missed);
    assert_eq!(dl(r, RemoteAccess).late_minutes, 10);
    assert_eq!(r.penalty.amount, Fen(0));
    assert!(r.explanation.iter().any(|s| s.en.contains("best-effort")));

    // 2024-09-03-os-patch: operating system (L5.3): outside free maintenance, no timer.
    // Usable but damaged → serious as declared; 30 % ≤ 50 % → general event (L2.2).
    let r = by_id(&a, "2024-09-03-os-patch");
    assert_eq!(r.channel, OfficeHotline);
    assert_eq!(r.priority, "serious");
    assert_eq!(r.event_level, EventLevel::General);
    assert_eq!(r.coverage, Coverage::OutsideFreeMaintenance);
    assert_eq!(r.coverage_clause, "L5.3");
    assert!(r.deadlines.is_empty());
    assert_eq!(r.penalty.amount, Fen(0));

    // 2025-09-22-switch-loop: network environment (L5.3), the same verdict.
    let r = by_id(&a, "2025-09-22-switch-loop");
    assert_eq!(r.coverage, Coverage::OutsideFreeMaintenance);
    assert!(r.deadlines.is_empty());
    assert_eq!(r.penalty.amount, Fen(0));

    // 2024-11-12-migration-advice: a consultation (L2.3): no timer by default (its 15:00
    // answer is five hours after the 10:00 request and nothing is missed).
    let r = by_id(&a, "2024-11-12-migration-advice");
    assert_eq!(r.event_level, EventLevel::Consultation);
    assert_eq!(r.coverage, Coverage::Consultation);
    assert_eq!(r.coverage_clause, "L2.3");
    assert!(r.deadlines.is_empty());
    assert_eq!(r.penalty.amount, Fen(0));

    // 2025-05-14-quota-bug: general (5 % of mailboxes, usable, undamaged), no interruption:
    // only the 1 h response (L3.3c). Reported Wednesday 16:00 → office hotline.
    //   Response 16:00 + 1 h = 17:00, done 17:20 → missed by 20 min. No restore, no penalty.
    let r = by_id(&a, "2025-05-14-quota-bug");
    assert_eq!(r.channel, OfficeHotline);
    assert_eq!(r.priority, "general");
    assert_eq!(r.coverage, Coverage::NoInterruption);
    assert_eq!(kinds(r), vec![Response]);
    assert_eq!(dl(r, Response).clause, "L3.3c");
    assert_eq!(dl(r, Response).due, at("2025-05-14T17:00:00+08:00"));
    assert_eq!(dl(r, Response).status, Missed);
    assert_eq!(dl(r, Response).late_minutes, 20);
}

#[test]
fn covered_incidents_deadlines_and_penalties() {
    let a = ledger();

    // 2024-02-05-mta-restart: Monday 10:05 → office hotline. Urgent, 100 % → emergency.
    //   Phone 10:20 (done 10:08, met); remote 10:35 (done 10:30, met);
    //   restore 10:05 + 2 h = 12:05, restored 11:18:18 → met: no penalty.
    let r = by_id(&a, "2024-02-05-mta-restart");
    assert_eq!(r.channel, OfficeHotline);
    assert_eq!(r.event_level, EventLevel::Emergency);
    assert_eq!(r.coverage, Coverage::Covered);
    assert_eq!(dl(r, PhoneResponse).status, Met);
    assert_eq!(dl(r, RemoteAccess).status, Met);
    assert_eq!(dl(r, Restore).due, at("2024-02-05T12:05:00+08:00"));
    assert_eq!(dl(r, Restore).status, Met);
    assert_eq!((r.penalty.days, r.penalty.amount), (0, Fen(0)));

    // 2024-04-10-storage-full: Wednesday 14:20 → office hotline. Usable, seriously damaged
    // → serious (L3.3b), as declared; 60 % > 50 % → emergency event.
    //   Phone  14:20 + 15 min = 14:35, done 14:30 → met.
    //   Remote 14:20 + 30 min = 14:50, done 15:00 → missed by 10 min.
    //   Restore 14:20 + 2 h = 16:20; restored 04-13 20:00:
    //     04-10 16:20 → 04-13 16:20 = 72 h, + 3 h 40 min = 75 h 40 min = 4,540 min late.
    //   Interruption 04-10 14:00 → 04-13 20:00 = 78 h = 280,800 s → 3.25 → 4 started days
    //     → 4 × 100,000 = 400,000 fen.
    let r = by_id(&a, "2024-04-10-storage-full");
    assert_eq!(r.channel, OfficeHotline);
    assert_eq!(r.priority, "serious");
    assert!(!r.priority_mismatch);
    assert_eq!(r.event_level, EventLevel::Emergency);
    assert_eq!(dl(r, PhoneResponse).clause, "L3.3b");
    assert_eq!(dl(r, PhoneResponse).status, Met);
    assert_eq!(dl(r, RemoteAccess).due, at("2024-04-10T14:50:00+08:00"));
    assert_eq!(dl(r, RemoteAccess).late_minutes, 10);
    assert_eq!(dl(r, Restore).due, at("2024-04-10T16:20:00+08:00"));
    assert_eq!(dl(r, Restore).status, Missed);
    assert_eq!(dl(r, Restore).late_minutes, 4_540);
    assert_eq!(r.penalty.interrupted_seconds, 280_800);
    assert_eq!((r.penalty.days, r.penalty.amount), (4, days(4)));

    // 2024-07-25-typhoon-outage: Thursday 19:10 → 24×7 line. Urgent.
    // Gateway down 19:30 → 20:10 (40 min, L3.4); typhoon 07-25 21:00 → 07-26 15:00 (18 h,
    // L5.1: rounded up to 1 day = 86,400 s).
    //   Phone 19:10 + 15 min = 19:25 (pauses never move it; the typhoon starts later);
    //     done 19:20 → met.
    //   Remote 19:10 + 30 min = 19:40; the pause overlaps the running clock: + 40 min = 20:20
    //     (the typhoon starts at 21:00, after 20:20). Done 20:30 → missed by 10 min.
    //   Restore 19:10 + 2 h = 21:10, + 40 min pause = 21:50; the typhoon starts 21:00 while
    //     the clock runs → + 1 day = 07-26 21:50. Restored 07-27 10:00 → missed by
    //     12 h 10 min = 730 min.
    //   Penalty: interruption 07-25 19:00 → 07-27 10:00 = 39 h = 140,400 s; minus pause
    //     40 min and typhoon 18 h (disjoint) = 18 h 40 min = 67,200 s; counted 20 h 20 min
    //     = 73,200 s → 1 started day → 100,000 fen.
    let r = by_id(&a, "2024-07-25-typhoon-outage");
    assert_eq!(r.channel, Hotline24x7);
    assert_eq!(dl(r, PhoneResponse).due, at("2024-07-25T19:25:00+08:00"));
    assert_eq!(dl(r, PhoneResponse).status, Met);
    let d = dl(r, RemoteAccess);
    assert_eq!((d.paused_seconds, d.force_majeure_seconds), (2_400, 0));
    assert_eq!(d.due, at("2024-07-25T20:20:00+08:00"));
    assert_eq!((d.status, d.late_minutes), (Missed, 10));
    let d = dl(r, Restore);
    assert_eq!((d.paused_seconds, d.force_majeure_seconds), (2_400, 86_400));
    assert_eq!(d.due, at("2024-07-26T21:50:00+08:00"));
    assert_eq!((d.status, d.late_minutes), (Missed, 730));
    let p = &r.penalty;
    assert_eq!(
        (p.interrupted_seconds, p.excluded_seconds, p.counted_seconds),
        (140_400, 67_200, 73_200)
    );
    assert_eq!((p.days, p.amount), (1, days(1)));
    assert!(cited(r).contains(&"L3.4") && cited(r).contains(&"L5.1"));

    // 2025-01-20-db-corruption: Monday 09:15 → office hotline. Usable, seriously damaged →
    // suggested serious, but the customer declared urgent: flagged, and the declared level
    // sets the deadlines (L3.3 default), so they cite L3.3a. 40 % → general event (L2.2).
    //   Phone 09:30 (done 09:20, met); remote 09:45 (done 09:40, met).
    //   Restore 09:15 + 2 h = 11:15; restored 01-26 09:00:
    //     01-20 11:15 → 01-26 11:15 = 144 h, − 2 h 15 min = 141 h 45 min = 8,505 min late.
    //   Interruption 01-20 08:30 → 01-26 09:00 = 144 h 30 min = 520,200 s → 6.02 → 7 days
    //     → 700,000 fen.
    let r = by_id(&a, "2025-01-20-db-corruption");
    assert_eq!(r.channel, OfficeHotline);
    assert_eq!(
        (r.priority.as_str(), r.suggested_priority.as_str()),
        ("urgent", "serious")
    );
    assert!(r.priority_mismatch);
    assert_eq!(r.event_level, EventLevel::General);
    assert_eq!(dl(r, PhoneResponse).clause, "L3.3a");
    assert_eq!(dl(r, PhoneResponse).status, Met);
    assert_eq!(dl(r, RemoteAccess).status, Met);
    assert_eq!(dl(r, Restore).due, at("2025-01-20T11:15:00+08:00"));
    assert_eq!(dl(r, Restore).late_minutes, 8_505);
    assert_eq!(r.penalty.interrupted_seconds, 520_200);
    assert_eq!((r.penalty.days, r.penalty.amount), (7, days(7)));

    // 2025-06-09-cluster-failure: Monday 23:20 → 24×7 line. Urgent.
    //   Phone 23:35 (done 23:30, met); remote 23:50 (done 23:55, missed by 5 min).
    //   Restore 23:20 + 2 h = 06-10 01:20; restored 06-15 21:00:
    //     06-10 01:20 → 06-15 01:20 = 120 h, + 19 h 40 min = 139 h 40 min = 8,380 min late.
    //   Interruption 06-09 23:00 → 06-15 21:00 = 6 × 24 h − 2 h = 142 h = 511,200 s
    //     → 5.92 → 6 days → 600,000 fen.
    let r = by_id(&a, "2025-06-09-cluster-failure");
    assert_eq!(r.channel, Hotline24x7);
    assert_eq!(dl(r, PhoneResponse).status, Met);
    assert_eq!(dl(r, RemoteAccess).late_minutes, 5);
    assert_eq!(dl(r, Restore).due, at("2025-06-10T01:20:00+08:00"));
    assert_eq!(dl(r, Restore).late_minutes, 8_380);
    assert_eq!(r.penalty.interrupted_seconds, 511_200);
    assert_eq!((r.penalty.days, r.penalty.amount), (6, days(6)));

    // 2025-08-18-raid-rebuild: Monday 10:05 → office hotline. Urgent.
    //   Phone 10:20 (done 10:06, met); remote 10:35 (done 10:20, met).
    //   Restore 12:05; restored 08-22 12:00: 4 days − 5 min = 95 h 55 min = 5,755 min late.
    //   Interruption 08-18 10:00 → 08-22 12:00 = 98 h = 352,800 s → 4.08 → 5 days
    //     → 500,000 fen (before the cap).
    let r = by_id(&a, "2025-08-18-raid-rebuild");
    assert_eq!(r.channel, OfficeHotline);
    assert_eq!(dl(r, PhoneResponse).status, Met);
    assert_eq!(dl(r, RemoteAccess).status, Met);
    assert_eq!(dl(r, Restore).due, at("2025-08-18T12:05:00+08:00"));
    assert_eq!(dl(r, Restore).late_minutes, 5_755);
    assert_eq!(r.penalty.interrupted_seconds, 352_800);
    assert_eq!((r.penalty.days, r.penalty.amount), (5, days(5)));

    // 2025-11-14-still-down: Friday 20:10 → 24×7 line; not restored as of 11-15 12:00.
    //   Phone 20:25 (done 20:15, met); remote 20:40 (done 20:35, met).
    //   Restore 22:10, not done → missed as of now: 22:10 → 11-15 12:00 = 13 h 50 min
    //     = 830 min so far.
    //   Interruption 11-14 20:00 → now 11-15 12:00 = 16 h = 57,600 s → 1 day, accruing
    //     → 100,000 fen before the cap.
    let r = by_id(&a, "2025-11-14-still-down");
    assert_eq!(r.channel, Hotline24x7);
    assert_eq!(dl(r, Restore).actual, None);
    assert_eq!(dl(r, Restore).status, Missed);
    assert_eq!(dl(r, Restore).late_minutes, 830);
    assert_eq!(r.penalty.interrupted_seconds, 57_600);
    assert!(r.penalty.accruing);
    assert_eq!((r.penalty.days, r.penalty.amount), (1, days(1)));
}

#[test]
fn an_unknown_cause_is_contingent_and_stays_out_of_the_total() {
    // 2025-03-12-unknown-outage: Wednesday 02:10 → 24×7 line. Urgent.
    //   Phone 02:25 (done 02:20, met); remote 02:40 (done 02:45, missed by 5 min).
    //   Restore 04:10; restored 03-14 05:00 → 48 h 50 min = 2,930 min late.
    //   If the vendor caused it: 03-12 02:00 → 03-14 05:00 = 51 h → 3 days = 300,000 fen;
    //   otherwise nothing. It takes no share of the cap and is not in total.penalty.
    let a = ledger();
    let r = by_id(&a, "2025-03-12-unknown-outage");
    assert_eq!(r.coverage, Coverage::Contingent);
    assert_eq!(dl(r, RemoteAccess).late_minutes, 5);
    assert_eq!(dl(r, Restore).late_minutes, 2_930);
    assert_eq!((r.penalty.days, r.penalty.amount), (3, days(3)));
    assert_eq!(r.penalty.applied, Fen(0));
    let c = r.contingent.as_ref().expect("both outcomes shown");
    assert_eq!(
        (c.if_vendor.penalty_days, c.if_vendor.penalty_amount),
        (3, days(3))
    );
    assert_eq!(c.if_not_vendor.penalty_amount, Fen(0));
    assert_eq!(a.total.contingent, days(3));
}

#[test]
fn the_cap_is_shared_in_order_of_restoration() {
    // Covered incidents with damages, in order of restoration (the still-interrupted one
    // last, "restored" as of now). The file lists raid-rebuild (August) before
    // cluster-failure (June); the cap follows restoration, not the file.
    //
    //   restored          incident               wants     gets      used after
    //   2024-04-13 20:00  storage-full           400,000   400,000     400,000
    //   2024-07-27 10:00  typhoon-outage         100,000   100,000     500,000
    //   2025-01-26 09:00  db-corruption          700,000   700,000   1,200,000
    //   2025-06-15 21:00  cluster-failure        600,000   600,000   1,800,000
    //   2025-08-22 12:00  raid-rebuild           500,000   200,000   2,000,000 (cap)
    //   (now) 2025-11-15  still-down             100,000         0   2,000,000
    //
    // In file order raid-rebuild would have come first and got all 500,000, leaving
    // cluster-failure 300,000.
    let a = ledger();
    let applied = |id: &str| by_id(&a, id).penalty.applied;
    assert_eq!(applied("2024-04-10-storage-full"), Fen(400_000));
    assert_eq!(applied("2024-07-25-typhoon-outage"), Fen(100_000));
    assert_eq!(applied("2025-01-20-db-corruption"), Fen(700_000));
    assert_eq!(applied("2025-06-09-cluster-failure"), Fen(600_000));
    assert_eq!(applied("2025-08-18-raid-rebuild"), Fen(200_000));
    assert_eq!(applied("2025-11-14-still-down"), Fen(0));
    for r in &a.incidents {
        if r.coverage != Coverage::Covered {
            assert_eq!(r.penalty.applied, Fen(0), "{}", r.id);
        }
    }
    // The cap step of the crossing incident says what it would have cost and what it adds.
    let r = by_id(&a, "2025-08-18-raid-rebuild");
    let step = r
        .explanation
        .iter()
        .find(|s| s.clause == "L4.3")
        .expect("cap step");
    assert!(
        step.en.contains("¥18,000.00 used before")
            && step
                .en
                .contains("would cost ¥5,000.00 but adds only ¥2,000.00"),
        "{}",
        step.en
    );

    // Totals: uncapped 400,000 + 100,000 + 700,000 + 600,000 + 500,000 + 100,000
    //   = 2,400,000 fen (¥24,000.00); due 2,000,000 fen (¥20,000.00) = the cap: reached.
    let t = &a.total;
    assert_eq!(t.uncapped, Fen(2_400_000));
    assert_eq!(t.penalty, Fen(2_000_000));
    assert_eq!(t.cap, Fen(2_000_000));
    assert!(t.cap_reached);
    assert_eq!(
        (
            t.penalty.to_string(),
            t.uncapped.to_string(),
            t.cap.to_string()
        ),
        ("20000.00".into(), "24000.00".into(), "20000.00".into())
    );
    let sum: i128 = a.incidents.iter().map(|r| r.penalty.applied.0).sum();
    assert_eq!(sum, t.penalty.0);
}

#[test]
fn damages_per_quarter_of_restoration() {
    // By the quarter of restoration (the still-down incident: of "now", 2025-Q4):
    //   2024-Q2 storage-full     400,000 / 400,000
    //   2024-Q3 typhoon-outage   100,000 / 100,000
    //   2025-Q1 db-corruption    700,000 / 700,000
    //   2025-Q2 cluster-failure  600,000 / 600,000
    //   2025-Q3 raid-rebuild     200,000 applied / 500,000 uncapped
    //   2025-Q4 still-down             0 applied / 100,000 uncapped
    // No other quarter has a damages-bearing covered incident (the contingent one of
    // 2025-Q1 is not counted).
    let a = ledger();
    let got: Vec<(&str, u32, i128, i128)> = a
        .quarters
        .iter()
        .map(|q| (q.quarter.as_str(), q.incidents, q.penalty.0, q.uncapped.0))
        .collect();
    assert_eq!(
        got,
        vec![
            ("2024-Q2", 1, 400_000, 400_000),
            ("2024-Q3", 1, 100_000, 100_000),
            ("2025-Q1", 1, 700_000, 700_000),
            ("2025-Q2", 1, 600_000, 600_000),
            ("2025-Q3", 1, 200_000, 500_000),
            ("2025-Q4", 1, 0, 100_000),
        ]
    );
}

#[test]
fn availability_per_month_and_quarter() {
    // Down time = interruption of covered incidents only (not the outside-warranty, the
    // excluded, nor the contingent ones). Periods run from the warranty start and stop at
    // "now" (2025-11-15 12:00): months 2024-01 … 2025-11 (23), quarters 2024-Q1 … 2025-Q4 (8).
    // availability = (seconds − down) / seconds × 100, three decimals, rounded half up.
    let a = ledger();
    let m = |p: &str| {
        a.availability_months
            .iter()
            .find(|x| x.period == p)
            .unwrap_or_else(|| panic!("no month {p}"))
    };
    let q = |p: &str| {
        a.availability_quarters
            .iter()
            .find(|x| x.period == p)
            .unwrap_or_else(|| panic!("no quarter {p}"))
    };
    assert_eq!(a.availability_months.len(), 23);
    assert_eq!(a.availability_months[0].period, "2024-01");
    assert_eq!(a.availability_months[22].period, "2025-11");
    assert_eq!(a.availability_quarters.len(), 8);

    // 2024-01: the New Year outage (from 2023-12-31 23:00 to 2024-01-01 06:00) is outside
    // the warranty, so it is no down time: 31 days = 2,678,400 s, 100.000 %.
    assert_eq!(
        (m("2024-01").seconds, m("2024-01").down_seconds),
        (2_678_400, 0)
    );
    assert_eq!(m("2024-01").availability_pct, "100.000");

    // 2024-02 (leap year, 29 days = 2,505,600 s): mta-restart 10:00:00 → 11:18:18
    // = 4,698 s. 4,698 / 2,505,600 = 0.001875 exactly → 99.8125 % → half up → 99.813
    // (truncation or half-to-even would give 99.812).
    assert_eq!(
        (m("2024-02").seconds, m("2024-02").down_seconds),
        (2_505_600, 4_698)
    );
    assert_eq!(m("2024-02").availability_pct, "99.813");

    // 2024-04 (30 days = 720 h): storage-full 78 h → 642 / 720 = 89.1666… → 89.167.
    assert_eq!(m("2024-04").down_seconds, 280_800);
    assert_eq!(m("2024-04").availability_pct, "89.167");

    // 2024-06: the UPS failure (L5.2) is not vendor down time → 100.000.
    assert_eq!(m("2024-06").availability_pct, "100.000");

    // 2024-07 (744 h): typhoon-outage 39 h, force majeure included (availability counts
    // the interruption as it was) → 705 / 744 = 94.7580… → 94.758.
    assert_eq!(m("2024-07").down_seconds, 140_400);
    assert_eq!(m("2024-07").availability_pct, "94.758");

    // 2025-01 (744 h): db-corruption 144.5 h → 599.5 / 744 = 80.5779… → 80.578.
    assert_eq!(m("2025-01").availability_pct, "80.578");

    // 2025-03: only the contingent outage → 100.000.
    assert_eq!(m("2025-03").availability_pct, "100.000");

    // 2025-06 (720 h): cluster-failure 142 h → 578 / 720 = 80.2777… → 80.278.
    assert_eq!(m("2025-06").availability_pct, "80.278");

    // 2025-08 (744 h): raid-rebuild 98 h → 646 / 744 = 86.8279… → 86.828.
    assert_eq!(m("2025-08").availability_pct, "86.828");

    // 2025-11, cut at now: 11-01 00:00 → 11-15 12:00 = 14.5 days = 348 h = 1,252,800 s;
    // still-down 11-14 20:00 → now = 16 h → 332 / 348 = 95.4022… → 95.402.
    assert_eq!(
        (m("2025-11").seconds, m("2025-11").down_seconds),
        (1_252_800, 57_600)
    );
    assert_eq!(m("2025-11").availability_pct, "95.402");

    // 2024-Q1 (31 + 29 + 31 = 91 days = 7,862,400 s): 4,698 s → 99.94024… → 99.940.
    assert_eq!(q("2024-Q1").seconds, 7_862_400);
    assert_eq!(q("2024-Q1").availability_pct, "99.940");
    // 2024-Q2 (91 days = 2,184 h): 78 h → 2,106 / 2,184 = 27/28 = 96.42857… → 96.429.
    assert_eq!(q("2024-Q2").availability_pct, "96.429");
    // 2024-Q3 (92 days = 2,208 h): 39 h → 98.23369… → 98.234.
    assert_eq!(q("2024-Q3").availability_pct, "98.234");
    // 2025-Q1 (31 + 28 + 31 = 90 days = 2,160 h): 144.5 h → 93.31018… → 93.310.
    assert_eq!(q("2025-Q1").seconds, 7_776_000);
    assert_eq!(q("2025-Q1").availability_pct, "93.310");
    // 2025-Q4 cut at now: 31 + 14.5 days = 1,092 h; 16 h → 98.53479… → 98.535.
    assert_eq!(q("2025-Q4").seconds, 3_931_200);
    assert_eq!(q("2025-Q4").availability_pct, "98.535");
}

#[test]
fn monitoring_schedule_as_of_mid_november_2025() {
    // L3.5: one report per 3 months of the warranty from 2024-01-01: 12 periods, each due
    // on its last day. As of 2025-11-15:
    //   1  2024-01-01…03-31  delivered 03-28            → delivered
    //   2  2024-04-01…06-30  delivered 06-30 17:00      → delivered (on the due day: not late)
    //   3  2024-07-01…09-30  delivered 10-15            → delivered, late
    //   4  2024-10-01…12-31  —                          → overdue
    //   5  2025-01-01…03-31  delivered 03-31 23:30      → delivered (not late)
    //   6  2025-04-01…06-30  —                          → overdue
    //   7  2025-07-01…09-30  delivered 09-20            → delivered
    //   8  2025-10-01…12-31  —  (period under way)      → due
    //   9–12 2026                                       → upcoming
    let a = ledger();
    use ReportStatus::{Delivered, Due, Overdue, Upcoming};
    let s = &a.monitoring;
    assert_eq!(s.len(), 12);
    let expected = [
        ("2024-01-01", "2024-03-31", Delivered, false),
        ("2024-04-01", "2024-06-30", Delivered, false),
        ("2024-07-01", "2024-09-30", Delivered, true),
        ("2024-10-01", "2024-12-31", Overdue, false),
        ("2025-01-01", "2025-03-31", Delivered, false),
        ("2025-04-01", "2025-06-30", Overdue, false),
        ("2025-07-01", "2025-09-30", Delivered, false),
        ("2025-10-01", "2025-12-31", Due, false),
        ("2026-01-01", "2026-03-31", Upcoming, false),
        ("2026-04-01", "2026-06-30", Upcoming, false),
        ("2026-07-01", "2026-09-30", Upcoming, false),
        ("2026-10-01", "2026-12-31", Upcoming, false),
    ];
    for (n, (r, (from, to, status, late))) in s.iter().zip(expected).enumerate() {
        assert_eq!(r.period as usize, n + 1);
        assert_eq!(r.from.to_string(), from, "period {}", n + 1);
        assert_eq!(r.to.to_string(), to, "period {}", n + 1);
        assert_eq!(
            r.due.to_string(),
            to,
            "period {}: due on its last day",
            n + 1
        );
        assert_eq!((r.status, r.late), (status, late), "period {}", n + 1);
    }
    assert_eq!(
        s[2].delivered_at,
        Some(at("2024-10-15T10:00:00+08:00")),
        "period 3"
    );
}
