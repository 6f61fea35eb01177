//! Helpers shared by the integration tests: case documents built as JSON (exactly what a
//! front end would send), parsed with `parse_case` and assessed with `assess`.
//!
//! Unless a test says otherwise the contract is the one of the worked example in
//! `CLAUSES.md`: price ¥1,000,000.00 (100,000,000 fen), warranty 2024-01-01 to 2026-12-31.
//! So one penalty day (L4.2, 0.25 %) costs ¥2,500.00 = 250,000 fen and the cap (L4.3, 5 %)
//! is ¥50,000.00 = 5,000,000 fen.

#![allow(dead_code)]

use serde_json::{json, Value};
use slacalc::deadline::{Deadline, DeadlineKind};
use slacalc::{assess, parse_case, Assessment, Case, CaseError, Fen, IncidentResult, Instant};

/// One L4.2 penalty day on the default contract: 0.25 % × ¥1,000,000.00 = ¥2,500.00.
pub const DAY_FEN: i128 = 250_000;
/// The L4.3 cap on the default contract: 5 % × ¥1,000,000.00 = ¥50,000.00.
pub const CAP_FEN: i128 = 5_000_000;

pub const MIN: i64 = 60;
pub const HOUR: i64 = 3_600;
pub const DAY: i64 = 86_400;

/// A fixed "now", long after every incident of the tests (so nothing is pending).
pub const LATE: &str = "2025-12-31T00:00:00+08:00";

/// The text of `examples/worked-example.json`.
pub const WORKED_EXAMPLE: &str = include_str!("../../../../examples/worked-example.json");

/// `examples/NAME` at the top of the repository.
pub fn example(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

/// `examples/NAME` read as JSON.
pub fn read_example_json(name: &str) -> Value {
    let text = std::fs::read_to_string(example(name)).expect("example file");
    serde_json::from_str(&text).expect("JSON")
}

/// Every example case file (`examples/*.json` but the terms objects `terms-*.json`), sorted.
pub fn example_cases() -> Vec<std::path::PathBuf> {
    let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(example(""))
        .expect("examples/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("terms-"))
        })
        .collect();
    names.sort();
    names
}

/// Every interpretation switch away from its default, the clocks left out but the response's
/// (which is then on office hours): what `interpretation_options.rs` and the CLI's
/// `engine_agreement.rs` both judge.
pub fn every_switch_changed() -> Value {
    json!({
        "immediate_tolerance_minutes": 5,
        "majority_threshold_pct": 30,
        "priority_source": "suggested",
        "penalty_days": "pro_rata",
        "restore_clock_from": "interruption",
        "force_majeure_extension": "exact",
        "cap_scope": "incident",
        "consultation": "general",
        "monitoring_grace_days": 10,
        "customer_pauses": "ignore",
        "office_calendar": "plain",
        "clocks": { "response": "office_hours" }
    })
}

/// Parses an RFC 3339 time or panics with it.
pub fn at(s: &str) -> Instant {
    Instant::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// The worked example's contract.
pub fn contract() -> Value {
    json!({
        "price": "1000000.00",
        "currency": "CNY",
        "warranty_start": "2024-01-01",
        "warranty_end": "2026-12-31"
    })
}

/// A version-1 case under the built-in terms with the default interpretation.
pub fn case(incidents: Vec<Value>) -> Value {
    json!({
        "version": 1,
        "terms": "eyou-sdju",
        "contract": contract(),
        "incidents": incidents
    })
}

/// The worked example's incident without any outcome: a vendor fault that makes the system
/// unusable for 100 % of mailboxes, interrupted Monday 2025-03-03 08:00 (+08:00), reported
/// 08:10 and declared urgent. Add `restored_at`, `phone_response_at`, … with [`set`].
pub fn urgent(id: &str) -> Value {
    json!({
        "id": id,
        "reported_at": "2025-03-03T08:10:00+08:00",
        "declared_priority": "urgent",
        "facts": {
            "mailboxes_affected_pct": 100,
            "system_usable": false,
            "seriously_damaged": true,
            "kind": "fault"
        },
        "cause": "vendor",
        "interrupted_from": "2025-03-03T08:00:00+08:00"
    })
}

/// A usable but seriously damaged system (L3.3b), declared serious, 60 % of mailboxes,
/// interrupted 08:00 and reported 08:10 on Monday 2025-03-03.
pub fn serious(id: &str) -> Value {
    json!({
        "id": id,
        "reported_at": "2025-03-03T08:10:00+08:00",
        "declared_priority": "serious",
        "facts": {
            "mailboxes_affected_pct": 60,
            "system_usable": true,
            "seriously_damaged": true,
            "kind": "fault"
        },
        "cause": "vendor",
        "interrupted_from": "2025-03-03T08:00:00+08:00"
    })
}

/// A minor fault (L3.3c), declared general, 10 % of mailboxes, no interruption, reported
/// 08:10 on Monday 2025-03-03.
pub fn general(id: &str) -> Value {
    json!({
        "id": id,
        "reported_at": "2025-03-03T08:10:00+08:00",
        "declared_priority": "general",
        "facts": {
            "mailboxes_affected_pct": 10,
            "system_usable": true,
            "seriously_damaged": false,
            "kind": "fault"
        },
        "cause": "vendor"
    })
}

/// A vendor outage from `from` to `to` (no restoration when `to` is `None`), reported ten
/// minutes after it started (the caller passes the report time), declared urgent.
pub fn outage(id: &str, from: &str, reported: &str, to: Option<&str>) -> Value {
    let mut v = set(
        urgent(id),
        &[
            ("interrupted_from", json!(from)),
            ("reported_at", json!(reported)),
        ],
    );
    if let Some(to) = to {
        v = set(v, &[("restored_at", json!(to))]);
    }
    v
}

/// `v` with each `(field, value)` set (added or replaced).
pub fn set(mut v: Value, pairs: &[(&str, Value)]) -> Value {
    let obj = v.as_object_mut().expect("a JSON object");
    for (k, x) in pairs {
        obj.insert((*k).to_string(), x.clone());
    }
    v
}

/// `v` without the field `k`.
pub fn unset(mut v: Value, k: &str) -> Value {
    v.as_object_mut().expect("a JSON object").remove(k);
    v
}

/// `v` with `facts.<k>` set.
pub fn set_fact(mut v: Value, k: &str, x: Value) -> Value {
    v["facts"][k] = x;
    v
}

/// Parses a case document that must be valid.
pub fn parse(v: &Value) -> Case {
    parse_case(&v.to_string()).unwrap_or_else(|e| panic!("valid case refused: {e:?}\n{v:#}"))
}

/// Parses a case document that must be refused, returning its errors.
pub fn refuse(v: &Value) -> Vec<CaseError> {
    refuse_text(&v.to_string())
}

/// Parses a case text that must be refused, returning its errors.
pub fn refuse_text(text: &str) -> Vec<CaseError> {
    match parse_case(text) {
        Ok(c) => panic!("invalid case accepted: {c:?}\n{text}"),
        Err(errs) => {
            assert!(!errs.is_empty(), "refused without a reason");
            errs
        }
    }
}

/// The error at `path`, or a panic listing all of them.
pub fn error_at<'a>(errs: &'a [CaseError], path: &str) -> &'a CaseError {
    errs.iter()
        .find(|e| e.path == path)
        .unwrap_or_else(|| panic!("no error at {path}: {errs:?}"))
}

/// Assesses a valid case document as of `as_of`.
pub fn run(v: &Value, as_of: &str) -> Assessment {
    assess(&parse(v), at(as_of)).unwrap_or_else(|e| panic!("assess failed: {e:?}"))
}

/// Assesses a case holding the single incident `inc` and returns its result.
pub fn one(inc: Value, as_of: &str) -> IncidentResult {
    let mut a = run(&case(vec![inc]), as_of);
    assert_eq!(a.incidents.len(), 1);
    a.incidents.remove(0)
}

/// The deadline of `kind`, or a panic listing the deadlines there are.
pub fn dl(r: &IncidentResult, kind: DeadlineKind) -> &Deadline {
    r.deadlines
        .iter()
        .find(|d| d.kind == kind)
        .unwrap_or_else(|| panic!("{}: no {kind:?} deadline in {:?}", r.id, r.deadlines))
}

/// The kinds of the incident's deadlines, in order.
pub fn kinds(r: &IncidentResult) -> Vec<DeadlineKind> {
    r.deadlines.iter().map(|d| d.kind).collect()
}

/// The clause ids cited by the incident's explanation.
pub fn cited(r: &IncidentResult) -> Vec<&str> {
    r.explanation.iter().map(|s| s.clause.as_str()).collect()
}

/// Whether some explanation step in English contains `needle`.
pub fn explains(r: &IncidentResult, needle: &str) -> bool {
    r.explanation.iter().any(|s| s.en.contains(needle))
}

/// The result of the incident with id `id`.
pub fn by_id<'a>(a: &'a Assessment, id: &str) -> &'a IncidentResult {
    a.incidents
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no incident {id}"))
}

/// Shorthand for an amount in fen.
pub fn fen(n: i128) -> Fen {
    Fen(n)
}
