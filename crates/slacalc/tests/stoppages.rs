//! What stops the vendor's clocks: force majeure (L5.1: every deadline still running moves
//! later by the event's duration rounded up to whole days; its time is never a penalty day)
//! and customer-side pauses (L3.4: the remote-access and restore clocks stop, the phone
//! response does not; paused time is never a penalty day).
//!
//! Base incident (`urgent`): interrupted Monday 2025-03-03 08:00 (+08:00), reported 08:10.
//! Without stoppages: phone due 08:25, remote access due 08:40, restore due 10:10.

mod common;

use common::*;
use serde_json::json;
use slacalc::deadline::DeadlineKind::{PhoneResponse, RemoteAccess, Response, Restore};
use slacalc::deadline::Status;
use slacalc::Fen;

fn typhoon(start: &str, end: &str) -> serde_json::Value {
    json!([{ "kind": "typhoon", "start": start, "end": end }])
}

fn pauses(spans: &[(&str, &str)]) -> serde_json::Value {
    json!(spans
        .iter()
        .map(|(s, e)| json!({ "start": s, "end": e }))
        .collect::<Vec<_>>())
}

// ---------------------------------------------------------------------------------------
// L5.1 force majeure
// ---------------------------------------------------------------------------------------

#[test]
fn l5_1_a_25_hour_typhoon_moves_the_restore_deadline_two_days() {
    // Typhoon 2025-03-03 09:00 → 03-04 10:00 = 25 h → rounded up to 2 days = 172,800 s.
    // It starts before the restore deadline (10:10) → restore due 03-05 10:10.
    // It starts after phone (08:25) and remote (08:40) fell due → those do not move.
    // Restored 03-05 12:00 → missed by 1 h 50 min = 6,600 s = 110 min.
    // Penalty: interruption 03-03 08:00 → 03-05 12:00 = 52 h = 187,200 s, minus 25 h of
    // typhoon = 27 h = 97,200 s → 2 started days → 500,000 fen (without the exclusion
    // 52 h would be 3 days).
    let inc = set(
        urgent("fm"),
        &[
            (
                "force_majeure",
                typhoon("2025-03-03T09:00:00+08:00", "2025-03-04T10:00:00+08:00"),
            ),
            ("restored_at", json!("2025-03-05T12:00:00+08:00")),
        ],
    );
    let r = one(inc, LATE);
    let d = dl(&r, Restore);
    assert_eq!(d.force_majeure_seconds, 2 * DAY);
    assert_eq!(d.paused_seconds, 0);
    assert_eq!(d.due.to_string(), "2025-03-05T10:10:00+08:00");
    assert_eq!(d.status, Status::Missed);
    assert_eq!((d.late_seconds, d.late_minutes), (6_600, 110));
    for k in [PhoneResponse, RemoteAccess] {
        assert_eq!(dl(&r, k).force_majeure_seconds, 0, "{k:?}");
    }
    assert_eq!(dl(&r, PhoneResponse).due, at("2025-03-03T08:25:00+08:00"));
    assert_eq!(dl(&r, RemoteAccess).due, at("2025-03-03T08:40:00+08:00"));

    let p = &r.penalty;
    assert_eq!(p.interrupted_seconds, 52 * HOUR);
    assert_eq!(p.excluded_seconds, 25 * HOUR);
    assert_eq!(p.counted_seconds, 27 * HOUR);
    assert_eq!(p.days, 2);
    assert_eq!(p.amount, Fen(2 * DAY_FEN));
    assert!(cited(&r).contains(&"L5.1"));
}

#[test]
fn l5_1_a_short_event_still_counts_a_whole_day_and_can_turn_missed_into_met() {
    // Typhoon 09:00 → 15:00 = 6 h → 1 day: restore due 03-04 10:10. Restored 03-04 10:00
    // → met, no damages.
    let base = set(
        urgent("fm"),
        &[("restored_at", json!("2025-03-04T10:00:00+08:00"))],
    );
    let with_fm = set(
        base.clone(),
        &[(
            "force_majeure",
            typhoon("2025-03-03T09:00:00+08:00", "2025-03-03T15:00:00+08:00"),
        )],
    );
    let r = one(with_fm, LATE);
    assert_eq!(dl(&r, Restore).force_majeure_seconds, DAY);
    assert_eq!(dl(&r, Restore).due, at("2025-03-04T10:10:00+08:00"));
    assert_eq!(dl(&r, Restore).status, Status::Met);
    assert_eq!(r.penalty.days, 0);
    assert_eq!(r.penalty.amount, Fen(0));

    // Without the typhoon: due 03-03 10:10, restored 03-04 10:00 → missed by 23 h 50 min
    // = 1,430 min; 08:00 → 10:00 next day = 26 h → 2 days → 500,000 fen.
    let r = one(base, LATE);
    assert_eq!(dl(&r, Restore).status, Status::Missed);
    assert_eq!(dl(&r, Restore).late_minutes, 1_430);
    assert_eq!(r.penalty.days, 2);
    assert_eq!(r.penalty.amount, Fen(2 * DAY_FEN));
}

#[test]
fn l5_1_an_event_after_the_deadline_moves_nothing_but_is_still_no_penalty_day() {
    // Fire 10:30 → 22:30 (12 h) starts after the restore deadline (10:10) passed: no move.
    // Restored 03-04 15:00 → missed by 28 h 50 min as in the worked example.
    // Penalty: 31 h − 12 h = 19 h = 68,400 s → 1 day → 250,000 fen (instead of 2 days).
    let inc = set(
        urgent("fire"),
        &[
            (
                "force_majeure",
                json!([{ "kind": "fire", "start": "2025-03-03T10:30:00+08:00",
                         "end": "2025-03-03T22:30:00+08:00" }]),
            ),
            ("restored_at", json!("2025-03-04T15:00:00+08:00")),
        ],
    );
    let r = one(inc, LATE);
    let d = dl(&r, Restore);
    assert_eq!(d.force_majeure_seconds, 0);
    assert_eq!(d.due, at("2025-03-03T10:10:00+08:00"));
    assert_eq!(d.late_minutes, 1_730);
    assert_eq!(r.penalty.excluded_seconds, 12 * HOUR);
    assert_eq!(r.penalty.counted_seconds, 68_400);
    assert_eq!(r.penalty.days, 1);
    assert_eq!(r.penalty.amount, Fen(DAY_FEN));
}

#[test]
fn l5_1_every_running_deadline_moves_including_the_phone_response() {
    // Earthquake 08:15 → 08:20 (5 min → 1 day) starts while all three clocks run:
    // phone 03-04 08:25, remote 03-04 08:40, restore 03-04 10:10.
    // Phone response at 03-03 09:00 is then met (it would have been 35 min late).
    let inc = set(
        urgent("quake"),
        &[
            (
                "force_majeure",
                json!([{ "kind": "earthquake", "start": "2025-03-03T08:15:00+08:00",
                         "end": "2025-03-03T08:20:00+08:00" }]),
            ),
            ("phone_response_at", json!("2025-03-03T09:00:00+08:00")),
        ],
    );
    let r = one(inc, "2025-03-03T12:00:00+08:00");
    for (k, due) in [
        (PhoneResponse, "2025-03-04T08:25:00+08:00"),
        (RemoteAccess, "2025-03-04T08:40:00+08:00"),
        (Restore, "2025-03-04T10:10:00+08:00"),
    ] {
        let d = dl(&r, k);
        assert_eq!(d.force_majeure_seconds, DAY, "{k:?}");
        assert_eq!(d.due, at(due), "{k:?}");
    }
    assert_eq!(dl(&r, PhoneResponse).status, Status::Met);
    // As of 12:00 the others are pending (not yet due).
    assert_eq!(dl(&r, RemoteAccess).status, Status::Pending);
    assert_eq!(dl(&r, Restore).status, Status::Pending);
}

#[test]
fn l5_1_two_events_add_up_and_a_moved_deadline_can_catch_a_later_event() {
    // Flood 09:00 → 10:00 (1 h → 1 day) moves restore to 03-04 10:10. A second event
    // 03-04 06:00 → 03-04 07:00 (1 day) starts before that moved deadline → another day:
    // 03-05 10:10. Total extension 2 days.
    let inc = set(
        urgent("two"),
        &[(
            "force_majeure",
            json!([
                { "kind": "flood", "start": "2025-03-03T09:00:00+08:00",
                  "end": "2025-03-03T10:00:00+08:00" },
                { "kind": "flood", "start": "2025-03-04T06:00:00+08:00",
                  "end": "2025-03-04T07:00:00+08:00" }
            ]),
        )],
    );
    let r = one(inc, "2025-03-03T12:00:00+08:00");
    assert_eq!(dl(&r, Restore).force_majeure_seconds, 2 * DAY);
    assert_eq!(dl(&r, Restore).due, at("2025-03-05T10:10:00+08:00"));
}

// ---------------------------------------------------------------------------------------
// L3.4 customer-side pauses
// ---------------------------------------------------------------------------------------

#[test]
fn l3_4_a_pause_moves_remote_access_and_restore_but_not_the_phone_response() {
    // Gateway down 08:20 → 09:20 (1 h), inside the running windows.
    // Phone: 08:25 unchanged (L3.4 names only remote access and restore) → 08:30 is late.
    // Remote: 08:40 + 1 h = 09:40 → 09:30 is met (it would be 50 min late without the pause).
    // Restore: 10:10 + 1 h = 11:10 → 11:00 is met.
    let inc = set(
        urgent("gw"),
        &[
            (
                "customer_pauses",
                pauses(&[("2025-03-03T08:20:00+08:00", "2025-03-03T09:20:00+08:00")]),
            ),
            ("phone_response_at", json!("2025-03-03T08:30:00+08:00")),
            ("remote_access_at", json!("2025-03-03T09:30:00+08:00")),
            ("restored_at", json!("2025-03-03T11:00:00+08:00")),
        ],
    );
    let r = one(inc, LATE);
    let phone = dl(&r, PhoneResponse);
    assert_eq!(phone.paused_seconds, 0);
    assert_eq!(phone.due, at("2025-03-03T08:25:00+08:00"));
    assert_eq!(phone.status, Status::Missed);
    assert_eq!(phone.late_minutes, 5);
    let remote = dl(&r, RemoteAccess);
    assert_eq!(remote.paused_seconds, HOUR);
    assert_eq!(remote.due, at("2025-03-03T09:40:00+08:00"));
    assert_eq!(remote.status, Status::Met);
    let restore = dl(&r, Restore);
    assert_eq!(restore.paused_seconds, HOUR);
    assert_eq!(restore.due, at("2025-03-03T11:10:00+08:00"));
    assert_eq!(restore.status, Status::Met);
    assert_eq!(r.penalty.amount, Fen(0));
    assert!(cited(&r).contains(&"L3.4"));
}

#[test]
fn l3_4_paused_time_is_no_penalty_day() {
    // Same 1 h pause, restored 03-04 09:00: restore due 11:10 → missed by 21 h 50 min
    // = 1,310 min. Interruption 08:00 → 09:00 next day = 25 h = 90,000 s, minus 1 h paused
    // = 24 h = 86,400 s → exactly 1 day → 250,000 fen (2 days without the exclusion).
    let inc = set(
        urgent("gw"),
        &[
            (
                "customer_pauses",
                pauses(&[("2025-03-03T08:20:00+08:00", "2025-03-03T09:20:00+08:00")]),
            ),
            ("restored_at", json!("2025-03-04T09:00:00+08:00")),
        ],
    );
    let r = one(inc, LATE);
    assert_eq!(dl(&r, Restore).late_minutes, 1_310);
    assert_eq!(r.penalty.interrupted_seconds, 25 * HOUR);
    assert_eq!(r.penalty.excluded_seconds, HOUR);
    assert_eq!(r.penalty.counted_seconds, DAY);
    assert_eq!(r.penalty.days, 1);
    assert_eq!(r.penalty.amount, Fen(DAY_FEN));
}

#[test]
fn l3_4_a_pause_that_began_before_the_report_counts_from_the_report() {
    // Gateway down 07:30 → 08:40. The clocks start at the report (08:10), so 30 min of it
    // stop them: remote 08:40 + 30 min = 09:10, restore 10:10 + 30 min = 10:40.
    // Penalty: interrupted 08:00 → 03-04 08:40 = 24 h 40 min; the pause overlaps the
    // interruption 08:00 → 08:40 = 40 min → counted exactly 24 h → 1 day.
    let inc = set(
        urgent("early"),
        &[
            (
                "customer_pauses",
                pauses(&[("2025-03-03T07:30:00+08:00", "2025-03-03T08:40:00+08:00")]),
            ),
            ("restored_at", json!("2025-03-04T08:40:00+08:00")),
        ],
    );
    let r = one(inc, LATE);
    assert_eq!(dl(&r, PhoneResponse).due, at("2025-03-03T08:25:00+08:00"));
    assert_eq!(dl(&r, RemoteAccess).paused_seconds, 30 * MIN);
    assert_eq!(dl(&r, RemoteAccess).due, at("2025-03-03T09:10:00+08:00"));
    assert_eq!(dl(&r, Restore).due, at("2025-03-03T10:40:00+08:00"));
    assert_eq!(r.penalty.interrupted_seconds, 24 * HOUR + 40 * MIN);
    assert_eq!(r.penalty.excluded_seconds, 40 * MIN);
    assert_eq!(r.penalty.counted_seconds, DAY);
    assert_eq!(r.penalty.days, 1);
}

#[test]
fn l3_4_several_pauses_add_up_while_the_deadline_moves() {
    // Pauses 08:20 → 08:30 (10 min) and 08:45 → 09:00 (15 min).
    // Remote: 08:40 + 10 min = 08:50; the second pause starts 08:45 < 08:50 → + 15 min
    // = 09:05 (25 min paused). Restore: 10:10 + 25 min = 10:35.
    let inc = set(
        urgent("two"),
        &[(
            "customer_pauses",
            pauses(&[
                ("2025-03-03T08:45:00+08:00", "2025-03-03T09:00:00+08:00"),
                ("2025-03-03T08:20:00+08:00", "2025-03-03T08:30:00+08:00"),
            ]),
        )],
    );
    let r = one(inc, LATE);
    assert_eq!(dl(&r, RemoteAccess).paused_seconds, 25 * MIN);
    assert_eq!(dl(&r, RemoteAccess).due, at("2025-03-03T09:05:00+08:00"));
    assert_eq!(dl(&r, Restore).paused_seconds, 25 * MIN);
    assert_eq!(dl(&r, Restore).due, at("2025-03-03T10:35:00+08:00"));
}

#[test]
fn l3_4_a_pause_after_the_deadline_moves_nothing() {
    // Pause 11:00 → 12:00 begins after the restore deadline (10:10): no move.
    let inc = set(
        urgent("after"),
        &[(
            "customer_pauses",
            pauses(&[("2025-03-03T11:00:00+08:00", "2025-03-03T12:00:00+08:00")]),
        )],
    );
    let r = one(inc, LATE);
    assert_eq!(dl(&r, Restore).paused_seconds, 0);
    assert_eq!(dl(&r, Restore).due, at("2025-03-03T10:10:00+08:00"));
}

#[test]
fn l3_4_the_general_response_clock_is_not_paused() {
    // General request, pause 08:20 → 09:20: response still due 09:10; 09:15 is 5 min late.
    let inc = set(
        general("g"),
        &[
            (
                "customer_pauses",
                pauses(&[("2025-03-03T08:20:00+08:00", "2025-03-03T09:20:00+08:00")]),
            ),
            ("response_at", json!("2025-03-03T09:15:00+08:00")),
        ],
    );
    let r = one(inc, LATE);
    let d = dl(&r, Response);
    assert_eq!(d.paused_seconds, 0);
    assert_eq!(d.due, at("2025-03-03T09:10:00+08:00"));
    assert_eq!(d.status, Status::Missed);
    assert_eq!(d.late_minutes, 5);
}

#[test]
fn pause_and_force_majeure_overlapping_are_excluded_once_from_penalty_days() {
    // Interrupted 08:00, restored 03-05 08:00 = 48 h. Typhoon 12:00 → 20:00 (8 h) and a
    // gateway pause 19:00 → 21:00 (2 h) overlap by 1 h: excluded 12:00 → 21:00 = 9 h.
    // Counted 39 h → 2 days. Restore due: pause starts 19:00 after 10:10 → no pause; the
    // typhoon starts 12:00 after 10:10 → no extension: due 10:10, missed.
    let inc = set(
        urgent("both"),
        &[
            (
                "force_majeure",
                typhoon("2025-03-03T12:00:00+08:00", "2025-03-03T20:00:00+08:00"),
            ),
            (
                "customer_pauses",
                pauses(&[("2025-03-03T19:00:00+08:00", "2025-03-03T21:00:00+08:00")]),
            ),
            ("restored_at", json!("2025-03-05T08:00:00+08:00")),
        ],
    );
    let r = one(inc, LATE);
    assert_eq!(dl(&r, Restore).due, at("2025-03-03T10:10:00+08:00"));
    assert_eq!(r.penalty.interrupted_seconds, 48 * HOUR);
    assert_eq!(r.penalty.excluded_seconds, 9 * HOUR);
    assert_eq!(r.penalty.counted_seconds, 39 * HOUR);
    assert_eq!(r.penalty.days, 2);
}

#[test]
fn l5_1_a_two_day_typhoon_inside_the_outage() {
    // Typhoon 08:30 → 03-05 08:30 = 48 h = exactly 2 days. It starts after the phone
    // response fell due (08:25) but while remote access (08:40) and restore (10:10) run:
    // remote due 03-05 08:40, restore due 03-05 10:10. Restored 03-06 08:00 → missed by
    // 21 h 50 min = 1,310 min. Interruption 08:00 → 03-06 08:00 = 72 h, minus 48 h of
    // typhoon = 24 h → 1 day → 250,000 fen.
    let inc = set(
        urgent("fm"),
        &[
            (
                "force_majeure",
                typhoon("2025-03-03T08:30:00+08:00", "2025-03-05T08:30:00+08:00"),
            ),
            ("restored_at", json!("2025-03-06T08:00:00+08:00")),
        ],
    );
    let r = one(inc, LATE);
    assert_eq!(dl(&r, PhoneResponse).due, at("2025-03-03T08:25:00+08:00"));
    assert_eq!(dl(&r, RemoteAccess).due, at("2025-03-05T08:40:00+08:00"));
    assert_eq!(dl(&r, Restore).due, at("2025-03-05T10:10:00+08:00"));
    assert_eq!(dl(&r, Restore).status, Status::Missed);
    assert_eq!(dl(&r, Restore).late_minutes, 1_310);
    assert_eq!(r.penalty.interrupted_seconds, 72 * HOUR);
    assert_eq!(r.penalty.excluded_seconds, 48 * HOUR);
    assert_eq!(r.penalty.counted_seconds, DAY);
    assert_eq!(r.penalty.days, 1);
    assert_eq!(r.penalty.amount, Fen(DAY_FEN));
}
