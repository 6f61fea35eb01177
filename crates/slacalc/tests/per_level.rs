//! Terms honoured exactly, level by level (issue #15): each commitment runs on its own clock,
//! pause rule and "immediate" flag as its level gives them; an interpretation switch overrides
//! only when the case sets it. Terms: `examples/terms-campus-network.json` (Mon–Fri
//! 09:00–18:00 with the PRC calendar), its levels chosen by the declared priority. Times are
//! UTC+08:00.

mod common;

use common::{at, by_id, dl, read_example_json};
use proptest::prelude::*;
use serde_json::{json, Value};
use slacalc::deadline::DeadlineKind::{PhoneResponse, RemoteAccess, Response};
use slacalc::terms::Clock;
use slacalc::{assess, parse_case, Assessment};

const AS_OF: &str = "2026-01-15T00:00:00+08:00";

/// A case under the campus terms, changed by `f`, with these incidents.
fn campus(f: impl FnOnce(&mut Value), incidents: Vec<Value>) -> Value {
    let mut terms = read_example_json("terms-campus-network.json");
    f(&mut terms);
    json!({
        "version": 1,
        "terms": terms,
        "contract": { "price": "200000.00", "currency": "CNY",
                      "warranty_start": "2025-01-01", "warranty_end": "2026-12-31" },
        "incidents": incidents
    })
}

/// An incident declared at `level`, reported at `reported`, nothing done yet.
fn declared(id: &str, level: &str, reported: &str) -> Value {
    json!({
        "id": id,
        "reported_at": reported,
        "declared_priority": level,
        "facts": { "mailboxes_affected_pct": 10, "system_usable": true,
                   "seriously_damaged": false, "kind": "fault" },
        "cause": "vendor"
    })
}

fn run(doc: &Value) -> Assessment {
    let case = parse_case(&doc.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    assess(&case, at(AS_OF)).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Level `level`'s commitment of `kind` in the campus terms.
fn commitment<'a>(terms: &'a mut Value, level: usize, kind: &str) -> &'a mut Value {
    let list = terms["levels"][level]["commitments"]
        .as_array_mut()
        .expect("commitments");
    list.iter_mut()
        .find(|c| c["kind"] == kind)
        .unwrap_or_else(|| panic!("level {level} has no {kind}"))
}

#[test]
fn each_level_runs_its_response_on_its_own_clock() {
    // P3's response: 4 h on 24×7; P4's: 8 h of office hours. The first level with a response
    // (P3) used to set the clock for every level, so P4 was timed on 24×7 and reported missed.
    //
    // P3 reported Friday 2025-09-26 16:00 + 4 h on 24×7 → due 20:00 the same day.
    // P4 reported Tuesday 2025-09-30 17:00: 1 h on Tuesday (17:00–18:00); 1–8 October are the
    // National Day holidays; Thursday 10-09 09:00 + 7 h → due 2025-10-09 16:00.
    let doc = campus(
        |t| commitment(t, 3, "response")["clock"] = json!("office_hours"),
        vec![
            declared("p3", "P3", "2025-09-26T16:00:00+08:00"),
            declared("p4", "P4", "2025-09-30T17:00:00+08:00"),
        ],
    );
    let a = run(&doc);
    let p3 = dl(by_id(&a, "p3"), Response);
    assert_eq!(p3.clock, Clock::TwentyFourSeven);
    assert_eq!(p3.due, at("2025-09-26T20:00:00+08:00"));
    let p4 = dl(by_id(&a, "p4"), Response);
    assert_eq!(p4.clock, Clock::OfficeHours);
    assert_eq!(p4.due, at("2025-10-09T16:00:00+08:00"));
    // The levels differ, so no one clock is reported for the response: each deadline says its
    // own (and the explanation names it).
    assert_eq!(a.interpretation.clocks.response, None);
    let v = serde_json::to_value(&a).expect("JSON");
    assert!(
        v["interpretation"]["clocks"].get("response").is_none(),
        "{v}"
    );
    assert_eq!(v["incidents"][1]["deadlines"][0]["clock"], "office_hours");
    // Clocks every level agrees on are still reported (the letter's, and the campus restore).
    assert_eq!(
        a.interpretation.clocks.restore,
        Some(Clock::TwentyFourSeven)
    );
}

#[test]
fn a_clock_the_case_sets_applies_to_every_level() {
    // The same terms with the response read on 24×7 by the case: P4 due 2025-09-30 17:00 + 8 h
    // = 2025-10-01 01:00, and the switch is reported as applied.
    let mut doc = campus(
        |t| commitment(t, 3, "response")["clock"] = json!("office_hours"),
        vec![declared("p4", "P4", "2025-09-30T17:00:00+08:00")],
    );
    doc["interpretation"] = json!({ "clocks": { "response": "24x7" } });
    let a = run(&doc);
    let p4 = dl(by_id(&a, "p4"), Response);
    assert_eq!(p4.clock, Clock::TwentyFourSeven);
    assert_eq!(p4.due, at("2025-10-01T01:00:00+08:00"));
    assert_eq!(
        a.interpretation.clocks.response,
        Some(Clock::TwentyFourSeven)
    );
}

#[test]
fn each_level_has_its_own_pause_rule() {
    // P1's remote access stops for customer pauses (the file says so); P2's is set not to.
    // Both reported 2025-05-06 10:00, a customer pause 10:05–11:05 (1 h).
    // P1: 30 min + 1 h pause → due 11:30. P2: 1 h, the pause not counted → due 11:00.
    let pause =
        json!([{ "start": "2025-05-06T10:05:00+08:00", "end": "2025-05-06T11:05:00+08:00" }]);
    let mut p1 = declared("p1", "P1", "2025-05-06T10:00:00+08:00");
    let mut p2 = declared("p2", "P2", "2025-05-06T10:00:00+08:00");
    p1["customer_pauses"] = pause.clone();
    p2["customer_pauses"] = pause;
    let doc = campus(
        |t| commitment(t, 1, "remote_access")["pauses"] = json!(false),
        vec![p1, p2],
    );
    let a = run(&doc);
    let r1 = dl(by_id(&a, "p1"), RemoteAccess);
    assert_eq!(r1.paused_seconds, 3_600);
    assert_eq!(r1.due, at("2025-05-06T11:30:00+08:00"));
    let r2 = dl(by_id(&a, "p2"), RemoteAccess);
    assert_eq!(r2.paused_seconds, 0);
    assert_eq!(r2.due, at("2025-05-06T11:00:00+08:00"));
}

#[test]
fn each_level_has_its_own_immediate_flag() {
    // P1's phone response made "immediate" (read as the default tolerance, 15 min); P2's
    // stays 30 min. Both reported 2025-05-06 10:00: P1 due 10:15, P2 due 10:30.
    let doc = campus(
        |t| {
            let c = commitment(t, 0, "phone_response");
            c["immediate"] = json!(true);
            c["within"] = json!("PT0S");
        },
        vec![
            declared("p1", "P1", "2025-05-06T10:00:00+08:00"),
            declared("p2", "P2", "2025-05-06T10:00:00+08:00"),
        ],
    );
    let a = run(&doc);
    assert_eq!(
        dl(by_id(&a, "p1"), PhoneResponse).due,
        at("2025-05-06T10:15:00+08:00")
    );
    assert_eq!(
        dl(by_id(&a, "p2"), PhoneResponse).due,
        at("2025-05-06T10:30:00+08:00")
    );
}

/// A commitment's clock, pause rule and "immediate" flag.
#[derive(Debug, Clone, Copy)]
struct Spec {
    office: bool,
    pauses: bool,
    immediate: bool,
}

fn spec() -> impl Strategy<Value = Spec> {
    any::<(bool, bool, bool)>().prop_map(|(office, pauses, immediate)| Spec {
        office,
        pauses,
        immediate,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever each level of the terms says, a case that sets no switch gets exactly it:
    /// each deadline runs on its level's clock, stops for pauses only where its level says so,
    /// and lasts its level's duration (the tolerance where it is "immediate").
    #[test]
    fn an_unset_switch_never_changes_what_the_terms_say(
        specs in proptest::collection::vec(spec(), 9),
        day in 0i64..60,
        minute in 0i64..(24 * 60),
    ) {
        // The campus levels' nine commitments, in order.
        let places = [(0, "phone_response"), (0, "remote_access"), (0, "restore"),
                      (1, "phone_response"), (1, "remote_access"), (1, "restore"),
                      (2, "response"), (2, "restore"), (3, "response")];
        let doc_terms = |t: &mut Value| {
            for ((level, kind), s) in places.iter().zip(&specs) {
                let c = commitment(t, *level, kind);
                c["clock"] = json!(if s.office { "office_hours" } else { "24x7" });
                c["pauses"] = json!(s.pauses);
                c["immediate"] = json!(s.immediate);
            }
        };
        let start = at("2025-09-20T00:00:00+08:00").secs() + day * 86_400 + minute * 60;
        let reported = slacalc::Instant::from_secs(start).expect("in range").to_string();
        let pause_end = slacalc::Instant::from_secs(start + 1_800).expect("in range").to_string();
        let incidents: Vec<Value> = ["P1", "P2", "P3", "P4"].iter().map(|l| {
            let mut i = declared(l, l, &reported);
            i["customer_pauses"] = json!([{ "start": reported, "end": pause_end }]);
            i
        }).collect();
        let doc = campus(doc_terms, incidents);
        let mut terms = read_example_json("terms-campus-network.json");
        doc_terms(&mut terms);
        let a = run(&doc);
        for (level, name) in ["P1", "P2", "P3", "P4"].iter().enumerate() {
            let r = by_id(&a, name);
            for d in &r.deadlines {
                let kind = serde_json::to_value(d.kind).expect("kind");
                let k = places.iter().position(|(l, k)| *l == level && json!(k) == kind)
                    .expect("a commitment of the level");
                let s = specs[k];
                let want = if s.office { Clock::OfficeHours } else { Clock::TwentyFourSeven };
                prop_assert_eq!(d.clock, want, "{} {:?}", name, d.kind);
                if !s.pauses {
                    prop_assert_eq!(d.paused_seconds, 0, "{} {:?}", name, d.kind);
                }
                let within = terms["levels"][level]["commitments"].as_array().expect("list")
                    .iter().find(|c| c["kind"] == kind).expect("the commitment")["within"].clone();
                let secs = slacalc::time::parse_duration(within.as_str().expect("text"))
                    .expect("a duration");
                let allowed = if s.immediate { 15 * 60 } else { secs.0 };
                prop_assert_eq!(d.allowed_seconds, allowed, "{} {:?}", name, d.kind);
            }
        }
    }
}
