//! The example case files under `examples/`, each assessed and checked against numbers
//! worked out by hand from `CLAUSES.md` (the arithmetic is in the comments: times, durations,
//! days, fen). Times are UTC+08:00 unless stated.

mod common;

use common::{at, by_id, dl};
use slacalc::calendar::Channel;
use slacalc::classify::EventLevel;
use slacalc::coverage::Coverage;
use slacalc::deadline::DeadlineKind::{PhoneResponse, RemoteAccess, Response, Restore};
use slacalc::deadline::Status;
use slacalc::{assess, parse_case, Assessment, Fen};
use std::path::PathBuf;

fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn assess_example(name: &str, as_of: &str) -> Assessment {
    let path = examples_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let case = parse_case(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assess(&case, at(as_of)).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

#[test]
fn every_example_is_a_valid_case() {
    // terms-*.json are terms objects (custom terms), not cases.
    let names = common::example_cases();
    assert!(names.len() >= 3, "{names:?}");
    for path in names {
        let text = std::fs::read_to_string(&path).expect("readable");
        let case = parse_case(&text).unwrap_or_else(|e| panic!("{path:?}: {e:?}"));
        assess(&case, at("2026-01-01T00:00:00+08:00"))
            .unwrap_or_else(|e| panic!("{path:?}: {e:?}"));
    }
}

// ---------------------------------------------------------------------------------------
// examples/ledger-cap.json — several incidents crossing the L4.3 cap
// ---------------------------------------------------------------------------------------
//
// Price ¥800,000.00 = 80,000,000 fen.
//   One penalty day (L4.2, 0.25 % = 25 bp): 80,000,000 × 25 / 10,000 = 200,000 fen (¥2,000.00).
//   Cap (L4.3, 5 % = 500 bp): 80,000,000 × 500 / 10,000 = 4,000,000 fen (¥40,000.00).
//
// Case order: db-corruption (May), night-outage (March), power-cut (June), mailstore (April).

#[test]
fn ledger_cap_example() {
    let a = assess_example("ledger-cap.json", "2025-07-01T00:00:00+08:00");
    assert_eq!(a.total.cap, Fen(4_000_000));
    let ids: Vec<&str> = a.incidents.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "2025-05-db-corruption",
            "2025-03-night-outage",
            "2025-06-power-cut",
            "2025-04-mailstore"
        ]
    );

    // --- 2025-05-db-corruption -----------------------------------------------------
    // Tuesday 2025-05-06, reported 14:05: office hours → office hotline (L1.1).
    // Usable but seriously damaged → suggested serious (L3.3b) = declared: no mismatch.
    // 40 % of mailboxes ≤ 50 % → general event (L2.2).
    // Phone due 14:05 + 15 min = 14:20, done 14:07 → met.
    // Remote due 14:05 + 30 min = 14:35, done 14:30 → met.
    // Restore due 14:05 + 2 h = 16:05; restored 05-12 09:30 → missed:
    //   05-06 16:05 → 05-12 16:05 = 144 h, minus 6 h 35 min = 137 h 25 min = 8,245 min.
    // Interruption 05-06 14:00 → 05-12 09:30 = 144 h − 4 h 30 min = 139 h 30 min
    //   = 502,200 s; 502,200 / 86,400 = 5.81 → 6 started days → 6 × 200,000 = 1,200,000 fen.
    let r = by_id(&a, "2025-05-db-corruption");
    assert_eq!(r.channel, Channel::OfficeHotline);
    assert_eq!(r.priority, "serious");
    assert!(!r.priority_mismatch);
    assert_eq!(r.event_level, EventLevel::General);
    assert_eq!(r.coverage, Coverage::Covered);
    assert_eq!(dl(r, PhoneResponse).clause, "L3.3b");
    assert_eq!(dl(r, PhoneResponse).due, at("2025-05-06T14:20:00+08:00"));
    assert_eq!(dl(r, PhoneResponse).status, Status::Met);
    assert_eq!(dl(r, RemoteAccess).due, at("2025-05-06T14:35:00+08:00"));
    assert_eq!(dl(r, RemoteAccess).status, Status::Met);
    assert_eq!(dl(r, Restore).due, at("2025-05-06T16:05:00+08:00"));
    assert_eq!(dl(r, Restore).status, Status::Missed);
    assert_eq!(dl(r, Restore).late_minutes, 8_245);
    assert_eq!(r.penalty.interrupted_seconds, 502_200);
    assert_eq!(r.penalty.days, 6);
    assert_eq!(r.penalty.amount, Fen(1_200_000));

    // --- 2025-03-night-outage ------------------------------------------------------
    // Monday 2025-03-10, reported 22:20: after 18:00 → 24×7 hotline (L1.2).
    // Unusable → urgent (L3.3a); 100 % → emergency (L2.1).
    // Phone due 22:35 (done 22:25, met); remote due 22:50 (done 22:45, met).
    // Restore due 22:20 + 2 h = 03-11 00:20; restored 03-18 06:00 → missed:
    //   03-11 00:20 → 03-18 00:20 = 168 h, + 5 h 40 min = 173 h 40 min = 10,420 min.
    // Interruption 03-10 22:00 → 03-18 06:00 = 7 × 24 h + 8 h = 176 h = 633,600 s;
    //   176 / 24 = 7.33 → 8 started days → 8 × 200,000 = 1,600,000 fen.
    let r = by_id(&a, "2025-03-night-outage");
    assert_eq!(r.channel, Channel::Hotline24x7);
    assert_eq!(r.priority, "urgent");
    assert_eq!(r.event_level, EventLevel::Emergency);
    assert_eq!(dl(r, PhoneResponse).status, Status::Met);
    assert_eq!(dl(r, RemoteAccess).status, Status::Met);
    assert_eq!(dl(r, Restore).due.to_string(), "2025-03-11T00:20:00+08:00");
    assert_eq!(dl(r, Restore).late_minutes, 10_420);
    assert_eq!(r.penalty.interrupted_seconds, 633_600);
    assert_eq!(r.penalty.days, 8);
    assert_eq!(r.penalty.amount, Fen(1_600_000));

    // --- 2025-06-power-cut ---------------------------------------------------------
    // Customer-side power cut (L5.2): response timers run (phone due 02:30, done 02:20;
    // remote due 02:45, done 02:40: both met), no restore commitment, no penalty, whatever
    // the 56 h outage.
    let r = by_id(&a, "2025-06-power-cut");
    assert_eq!(r.coverage, Coverage::ExcludedCustomerSide);
    assert_eq!(r.deadlines.len(), 2);
    assert_eq!(dl(r, PhoneResponse).status, Status::Met);
    assert_eq!(dl(r, RemoteAccess).status, Status::Met);
    assert_eq!(r.penalty.days, 0);
    assert_eq!(r.penalty.applied, Fen(0));

    // --- 2025-04-mailstore ---------------------------------------------------------
    // Wednesday 2025-04-02, reported 03:30 → 24×7 hotline. 80 % → emergency. Urgent.
    // Phone due 03:45, done 03:50 → missed by 5 min.
    // Remote due 04:00, done 04:10 → missed by 10 min.
    // Restored "2025-04-08T18:59:00Z" = 04-09 02:59 +08:00.
    // Restore due 05:30; 04-02 05:30 → 04-09 05:30 = 168 h, minus 2 h 31 min
    //   = 165 h 29 min = 9,929 min late.
    // Interruption 04-02 03:00 → 04-09 02:59 = 168 h − 1 min = 604,740 s → 7 started days
    //   (one minute short of 7 full days) → 7 × 200,000 = 1,400,000 fen.
    let r = by_id(&a, "2025-04-mailstore");
    assert_eq!(r.channel, Channel::Hotline24x7);
    assert_eq!(r.event_level, EventLevel::Emergency);
    assert_eq!(dl(r, PhoneResponse).status, Status::Missed);
    assert_eq!(dl(r, PhoneResponse).late_minutes, 5);
    assert_eq!(dl(r, RemoteAccess).status, Status::Missed);
    assert_eq!(dl(r, RemoteAccess).late_minutes, 10);
    assert_eq!(dl(r, Restore).actual, Some(at("2025-04-09T02:59:00+08:00")));
    assert_eq!(
        dl(r, Restore).actual.map(|t| t.to_string()).as_deref(),
        Some("2025-04-09T02:59:00+08:00")
    );
    assert_eq!(dl(r, Restore).late_minutes, 9_929);
    assert_eq!(r.penalty.interrupted_seconds, 604_740);
    assert_eq!(r.penalty.days, 7);
    assert_eq!(r.penalty.amount, Fen(1_400_000));

    // --- The cap, in order of restoration ------------------------------------------
    // Restored: night-outage 03-18, mailstore 04-09, db-corruption 05-12 (power-cut is not
    // covered and takes no share).
    //   night-outage  wants 1,600,000 → gets 1,600,000; left 4,000,000 − 1,600,000 = 2,400,000
    //   mailstore     wants 1,400,000 → gets 1,400,000; left 1,000,000
    //   db-corruption wants 1,200,000 → gets 1,000,000; left 0
    // (In case order db-corruption would have got its 1,200,000 and mailstore 1,200,000.)
    // Uncapped 1,600,000 + 1,400,000 + 1,200,000 = 4,200,000 fen (¥42,000.00);
    // due 4,000,000 fen (¥40,000.00): cap reached.
    assert_eq!(
        by_id(&a, "2025-03-night-outage").penalty.applied,
        Fen(1_600_000)
    );
    assert_eq!(
        by_id(&a, "2025-04-mailstore").penalty.applied,
        Fen(1_400_000)
    );
    assert_eq!(
        by_id(&a, "2025-05-db-corruption").penalty.applied,
        Fen(1_000_000)
    );
    assert_eq!(by_id(&a, "2025-06-power-cut").penalty.applied, Fen(0));
    assert_eq!(a.total.penalty, Fen(4_000_000));
    assert_eq!(a.total.penalty.to_string(), "40000.00");
    assert_eq!(a.total.uncapped, Fen(4_200_000));
    assert!(a.total.cap_reached);
    assert_eq!(a.total.contingent, Fen(0));
}

// ---------------------------------------------------------------------------------------
// examples/force-majeure-pause.json — a typhoon (L5.1) and a gateway outage (L3.4)
// ---------------------------------------------------------------------------------------
//
// Price ¥1,200,000.00 = 120,000,000 fen.
//   One penalty day: 120,000,000 × 25 / 10,000 = 300,000 fen (¥3,000.00).
//   Cap: 120,000,000 × 500 / 10,000 = 6,000,000 fen (¥60,000.00).

#[test]
fn force_majeure_and_pause_example() {
    let a = assess_example("force-majeure-pause.json", "2025-08-01T00:00:00+08:00");
    assert_eq!(a.total.cap, Fen(6_000_000));

    // --- 2025-07-typhoon-outage ----------------------------------------------------
    // Monday 2025-07-14, reported 20:30 → 24×7 hotline. Urgent, 100 % → emergency.
    // Gateway pause 20:40 → 21:30 = 50 min = 3,000 s.
    // Typhoon 07-14 23:00 → 07-16 05:00 = 30 h → rounded up to 2 days = 172,800 s.
    //
    // Phone: 20:30 + 15 min = 20:45. A pause never moves it (L3.4); the typhoon starts
    //   after 20:45. Done 20:41 → met.
    // Remote: 20:30 + 30 min = 21:00; the pause starts 20:40 < 21:00 → + 50 min = 21:50;
    //   the typhoon starts 23:00 ≥ 21:50 → no extension. Done 21:45 → met (it would have
    //   been 45 min late without the pause).
    // Restore: 20:30 + 2 h = 22:30; + 50 min pause = 23:20; the typhoon starts 23:00 < 23:20
    //   while the clock runs → + 2 days = 07-16 23:20. Restored 07-17 09:20 → missed by
    //   10 h = 36,000 s = 600 min.
    // Penalty: interruption 07-14 20:00 → 07-17 09:20 = 72 h − 10 h 40 min = 61 h 20 min
    //   = 220,800 s. Excluded: pause 3,000 s + typhoon 30 h = 108,000 s (disjoint) = 111,000 s.
    //   Counted 220,800 − 111,000 = 109,800 s = 30 h 30 min → 2 started days
    //   (3 without the exclusions) → 2 × 300,000 = 600,000 fen (¥6,000.00), under the cap.
    let r = by_id(&a, "2025-07-typhoon-outage");
    assert_eq!(r.channel, Channel::Hotline24x7);
    assert_eq!(r.priority, "urgent");
    assert_eq!(r.coverage, Coverage::Covered);

    let d = dl(r, PhoneResponse);
    assert_eq!((d.paused_seconds, d.force_majeure_seconds), (0, 0));
    assert_eq!(d.due, at("2025-07-14T20:45:00+08:00"));
    assert_eq!(d.status, Status::Met);

    let d = dl(r, RemoteAccess);
    assert_eq!((d.paused_seconds, d.force_majeure_seconds), (3_000, 0));
    assert_eq!(d.due, at("2025-07-14T21:50:00+08:00"));
    assert_eq!(d.status, Status::Met);

    let d = dl(r, Restore);
    assert_eq!(
        (d.paused_seconds, d.force_majeure_seconds),
        (3_000, 172_800)
    );
    assert_eq!(d.due.to_string(), "2025-07-16T23:20:00+08:00");
    assert_eq!(d.status, Status::Missed);
    assert_eq!((d.late_seconds, d.late_minutes), (36_000, 600));

    let p = &r.penalty;
    assert_eq!(p.interrupted_seconds, 220_800);
    assert_eq!(p.excluded_seconds, 111_000);
    assert_eq!(p.counted_seconds, 109_800);
    assert_eq!(p.days, 2);
    assert_eq!(p.amount, Fen(600_000));
    assert_eq!(p.applied, Fen(600_000));
    let cited: Vec<&str> = r.explanation.iter().map(|s| s.clause.as_str()).collect();
    assert!(
        cited.contains(&"L3.4") && cited.contains(&"L5.1"),
        "{cited:?}"
    );

    // --- 2025-07-quota-question ----------------------------------------------------
    // Friday 2025-07-18 10:00 → office hotline. Usable, not damaged → general (L3.3c),
    // 5 % → general event. No interruption → response timer only.
    // Response due 10:00 + 1 h = 11:00. The gateway pause 10:15 → 11:30 does not move it
    // (L3.4 stops only remote access and restore). Done 11:05 → missed by 5 min.
    let r = by_id(&a, "2025-07-quota-question");
    assert_eq!(r.channel, Channel::OfficeHotline);
    assert_eq!(r.priority, "general");
    assert_eq!(r.event_level, EventLevel::General);
    assert_eq!(r.coverage, Coverage::NoInterruption);
    assert_eq!(r.deadlines.len(), 1);
    let d = dl(r, Response);
    assert_eq!(d.paused_seconds, 0);
    assert_eq!(d.due, at("2025-07-18T11:00:00+08:00"));
    assert_eq!(d.status, Status::Missed);
    assert_eq!(d.late_minutes, 5);
    assert_eq!(r.penalty.amount, Fen(0));

    // Totals: 600,000 fen of 6,000,000.
    assert_eq!(a.total.penalty, Fen(600_000));
    assert_eq!(a.total.uncapped, Fen(600_000));
    assert!(!a.total.cap_reached);
}
