//! The `slacalc` binary: `slacalc assess FILE|- [--format json|text] [--lang zh|en]
//! [--as-of RFC3339]`. Good input prints the assessment and exits 0; bad input exits 2 with
//! one `error: <path>: <message>` line per problem on stderr, and never panics.

#[path = "../../slacalc/tests/common/mod.rs"]
mod common;

use common::WORKED_EXAMPLE;
use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const AS_OF: &str = "2025-03-10T00:00:00+08:00";

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

/// Runs the binary with `args`, feeding `stdin` (empty when `None`).
fn slacalc(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the slacalc binary starts");
    {
        let mut input = child.stdin.take().expect("stdin is piped");
        if let Some(text) = stdin {
            // The binary may exit before reading everything (e.g. on a bad option).
            let _ = input.write_all(text.as_bytes());
        }
    }
    child.wait_with_output().expect("slacalc finishes")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 stderr")
}

fn assert_no_panic(o: &Output) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "the binary panicked: {err}");
    assert_ne!(o.status.code(), Some(101), "exit 101 is a panic: {err}");
}

/// Asserts exit 2, nothing on stdout, and a stderr of `error: …` lines one of which names
/// `path`. Returns stderr.
fn assert_refused(o: &Output, path: &str) -> String {
    assert_no_panic(o);
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(o.stdout.is_empty(), "stdout on error: {}", stdout(o));
    assert!(!err.trim().is_empty());
    for line in err.lines() {
        assert!(line.starts_with("error: "), "not an error line: {line:?}");
    }
    assert!(
        err.lines()
            .any(|l| l.starts_with(&format!("error: {path}: "))),
        "no line names {path}: {err}"
    );
    err
}

fn worked() -> Value {
    serde_json::from_str(WORKED_EXAMPLE).expect("JSON")
}

fn worked_with(f: impl FnOnce(&mut Value)) -> String {
    let mut v = worked();
    f(&mut v);
    v.to_string()
}

/// The worked example's result as CLAUSES.md states it (see tests/clauses.rs for the
/// arithmetic).
fn check_worked_example_json(v: &Value) {
    assert_eq!(v["rules_version"], "2");
    assert_eq!(v["terms"], "eyou-sdju");
    let r = &v["incidents"][0];
    assert_eq!(r["id"], "2025-03-03-mail-down");
    assert_eq!(r["priority"], "urgent");
    assert_eq!(r["suggested_priority"], "urgent");
    assert_eq!(r["priority_mismatch"], false);
    assert_eq!(r["event_level"], "emergency");
    assert_eq!(r["channel"], "hotline_24x7");
    assert_eq!(r["coverage"], "covered");
    let d = r["deadlines"].as_array().expect("deadlines");
    assert_eq!(d.len(), 3);
    assert_eq!(d[0]["kind"], "phone_response");
    assert_eq!(d[0]["clause"], "L3.3a");
    assert_eq!(d[0]["due"], "2025-03-03T08:25:00+08:00");
    assert_eq!(d[0]["status"], "met");
    assert_eq!(d[1]["kind"], "remote_access");
    assert_eq!(d[1]["clause"], "L3.3a");
    assert_eq!(d[1]["due"], "2025-03-03T08:40:00+08:00");
    assert_eq!(d[1]["status"], "met");
    assert_eq!(d[2]["kind"], "restore");
    assert_eq!(d[2]["clause"], "L4.1");
    assert_eq!(d[2]["due"], "2025-03-03T10:10:00+08:00");
    assert_eq!(d[2]["actual"], "2025-03-04T15:00:00+08:00");
    assert_eq!(d[2]["status"], "missed");
    assert_eq!(d[2]["late_minutes"], 1730);
    assert_eq!(d[2]["late_seconds"], 103_800);
    let p = &r["penalty"];
    assert_eq!(p["days"], 2);
    assert_eq!(p["amount"], "5000.00");
    assert_eq!(p["applied"], "5000.00");
    assert_eq!(p["accruing"], false);
    assert_eq!(p["interrupted_seconds"], 111_600);
    assert!(r["contingent"].is_null());
    let clauses: Vec<&str> = r["explanation"]
        .as_array()
        .expect("explanation")
        .iter()
        .filter_map(|s| s["clause"].as_str())
        .collect();
    for c in ["L3.3", "L2.1", "L1.2", "L4.1", "L3.3a", "L4.2", "L4.3"] {
        assert!(clauses.contains(&c), "{c} not cited: {clauses:?}");
    }
    let t = &v["total"];
    assert_eq!(t["penalty"], "5000.00");
    assert_eq!(t["uncapped"], "5000.00");
    assert_eq!(t["cap"], "50000.00");
    assert_eq!(t["cap_reached"], false);
    assert_eq!(t["contingent"], "0.00");
}

// ---------------------------------------------------------------------------------------
// Good input
// ---------------------------------------------------------------------------------------

#[test]
fn worked_example_file_as_json() {
    let path = example("worked-example.json");
    let o = slacalc(
        &[
            "assess",
            path.to_str().expect("UTF-8 path"),
            "--as-of",
            AS_OF,
        ],
        None,
    );
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(o.stderr.is_empty(), "stderr: {}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("stdout is JSON");
    check_worked_example_json(&v);
    assert_eq!(v["as_of"], AS_OF);
}

#[test]
fn worked_example_from_stdin_with_explicit_json_format() {
    let o = slacalc(
        &["assess", "-", "--format", "json", "--as-of", AS_OF],
        Some(WORKED_EXAMPLE),
    );
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("stdout is JSON");
    check_worked_example_json(&v);
}

#[test]
fn worked_example_as_english_text() {
    let path = example("worked-example.json");
    let o = slacalc(
        &[
            "assess",
            path.to_str().expect("UTF-8 path"),
            "--format",
            "text",
            "--lang",
            "en",
            "--as-of",
            AS_OF,
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let text = stdout(&o);
    for needle in [
        "2025-03-03-mail-down",
        "[L3.3a]",
        "[L4.1]",
        "[L4.2]",
        "[L4.3]",
        "[L1.2]",
        "[L2.1]",
        "2025-03-03 08:25",
        "2025-03-03 08:40",
        "2025-03-03 10:10",
        "1730",
        "28 h 50 min",
        "¥5,000.00",
        "¥50,000.00",
        "cap not reached",
    ] {
        assert!(text.contains(needle), "text lacks {needle:?}:\n{text}");
    }
}

#[test]
fn worked_example_as_chinese_text_by_default() {
    let o = slacalc(
        &["assess", "-", "--format", "text", "--as-of", AS_OF],
        Some(WORKED_EXAMPLE),
    );
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let text = stdout(&o);
    for needle in [
        "[L3.3a]",
        "[L4.1]",
        "[L4.2]",
        "[L4.3]",
        "2025-03-03 08:25",
        "2025-03-03 10:10",
        "1730",
        "28小时50分钟",
        "¥5,000.00",
        "¥50,000.00",
        "未达上限",
    ] {
        assert!(text.contains(needle), "text lacks {needle:?}:\n{text}");
    }
}

#[test]
fn as_of_defaults_to_now() {
    // Every deadline of the worked example is settled, so "now" only shows in `as_of`.
    let o = slacalc(&["assess", "-"], Some(WORKED_EXAMPLE));
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("stdout is JSON");
    check_worked_example_json(&v);
    let as_of = v["as_of"].as_str().expect("as_of");
    assert!(slacalc::Instant::parse(as_of).is_ok(), "{as_of}");
}

#[test]
fn as_of_decides_pending_and_accruing() {
    // The worked example without its restoration, assessed at 09:00: restore pending;
    // assessed 2025-03-05 09:00: missed, 08:00 → 03-05 09:00 = 49 h → 3 days → ¥7,500.00.
    let open = worked_with(|v| {
        v["incidents"][0]
            .as_object_mut()
            .map(|o| o.remove("restored_at"));
    });
    let o = slacalc(
        &["assess", "-", "--as-of", "2025-03-03T09:00:00+08:00"],
        Some(&open),
    );
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["incidents"][0]["deadlines"][2]["status"], "pending");
    assert_eq!(v["total"]["penalty"], "0.00");

    let o = slacalc(
        &["assess", "-", "--as-of", "2025-03-05T01:00:00Z"],
        Some(&open),
    );
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["incidents"][0]["deadlines"][2]["status"], "missed");
    assert_eq!(v["incidents"][0]["penalty"]["days"], 3);
    assert_eq!(v["incidents"][0]["penalty"]["accruing"], true);
    assert_eq!(v["total"]["penalty"], "7500.00");
    assert_eq!(v["as_of"], "2025-03-05T09:00:00+08:00");
}

// ---------------------------------------------------------------------------------------
// Bad input: exit 2, the field path on stderr, no panic
// ---------------------------------------------------------------------------------------

#[test]
fn bad_cases_exit_2_naming_the_field() {
    let cases: Vec<(&str, String)> = vec![
        (
            "incidents[0].cause",
            worked_with(|v| v["incidents"][0]["cause"] = json!("aliens")),
        ),
        (
            "incidents[0].colour",
            worked_with(|v| v["incidents"][0]["colour"] = json!("red")),
        ),
        (
            "incidents[0].restored_at",
            worked_with(|v| v["incidents"][0]["restored_at"] = json!("2025-03-03T07:00:00+08:00")),
        ),
        (
            "incidents[0].restored_at",
            worked_with(|v| {
                v["incidents"][0]
                    .as_object_mut()
                    .map(|o| o.remove("interrupted_from"));
            }),
        ),
        (
            "contract.price",
            worked_with(|v| v["contract"]["price"] = json!("-5.00")),
        ),
        (
            "contract.price",
            worked_with(|v| v["contract"]["price"] = json!("5.001")),
        ),
        (
            "incidents[0].reported_at",
            worked_with(|v| v["incidents"][0]["reported_at"] = json!("2025-03-03T08:10:00")),
        ),
        (
            "incidents[0].phone_response_at",
            worked_with(|v| {
                v["incidents"][0]["phone_response_at"] = json!("2025-03-03T08:00:00+08:00")
            }),
        ),
        (
            "contract.warranty_end",
            worked_with(|v| v["contract"]["warranty_end"] = json!("2023-12-31")),
        ),
        (
            "incidents[1].id",
            worked_with(|v| {
                let inc = v["incidents"][0].clone();
                v["incidents"] = json!([inc.clone(), inc]);
            }),
        ),
        (
            "incidents[0].id",
            worked_with(|v| v["incidents"][0]["id"] = json!("")),
        ),
        (
            "incidents[0].customer_pauses[1].start",
            worked_with(|v| {
                v["incidents"][0]["customer_pauses"] = json!([
                    { "start": "2025-03-03T09:00:00+08:00", "end": "2025-03-03T10:00:00+08:00" },
                    { "start": "2025-03-03T09:59:00+08:00", "end": "2025-03-03T10:30:00+08:00" }
                ])
            }),
        ),
        (
            "incidents[0].force_majeure[0].end",
            worked_with(|v| {
                v["incidents"][0]["force_majeure"] = json!([{ "kind": "flood",
                    "start": "2025-03-03T10:00:00+08:00", "end": "2025-03-03T09:00:00+08:00" }])
            }),
        ),
        ("version", worked_with(|v| v["version"] = json!(2))),
        ("terms", worked_with(|v| v["terms"] = json!("acme"))),
        (
            "incidents[0].facts.mailboxes_affected_pct",
            worked_with(|v| v["incidents"][0]["facts"]["mailboxes_affected_pct"] = json!(101)),
        ),
        (
            "interpretation.immediate_tolerance_minutes",
            worked_with(|v| v["interpretation"] = json!({ "immediate_tolerance_minutes": 61 })),
        ),
        (
            "interpretation.majority_threshold_pct",
            worked_with(|v| v["interpretation"] = json!({ "majority_threshold_pct": 0 })),
        ),
    ];
    for (path, text) in &cases {
        let o = slacalc(&["assess", "-", "--as-of", AS_OF], Some(text));
        assert_refused(&o, path);
    }
}

#[test]
fn unparseable_json_exits_2() {
    for text in ["{", "not json", "{\"version\": 1,", "[]"] {
        let o = slacalc(&["assess", "-", "--as-of", AS_OF], Some(text));
        assert_no_panic(&o);
        assert_eq!(o.status.code(), Some(2), "{text}");
        assert!(o.stdout.is_empty());
        assert!(stderr(&o).starts_with("error: "), "{}", stderr(&o));
    }
}

#[test]
fn empty_stdin_exits_2() {
    let o = slacalc(&["assess", "-", "--as-of", AS_OF], None);
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).starts_with("error: "), "{}", stderr(&o));
}

#[test]
fn a_missing_file_exits_2_naming_it() {
    let missing = example("no-such-case.json");
    let missing = missing.to_str().expect("UTF-8 path");
    let o = slacalc(&["assess", missing, "--as-of", AS_OF], None);
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.starts_with(&format!("error: {missing}: ")), "{err}");
}

#[test]
fn a_bad_file_exits_2_like_stdin() {
    let dir = std::env::temp_dir().join(format!("slacalc-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("bad.json");
    std::fs::write(
        &file,
        worked_with(|v| v["incidents"][0]["cause"] = json!("aliens")),
    )
    .expect("write");
    let o = slacalc(
        &["assess", file.to_str().expect("UTF-8"), "--as-of", AS_OF],
        None,
    );
    let _ = std::fs::remove_dir_all(&dir);
    let err = assert_refused(&o, "incidents[0].cause");
    assert!(err.contains("aliens"), "{err}");
}

#[test]
fn every_problem_gets_its_own_line() {
    let text = worked_with(|v| {
        v["contract"]["currency"] = json!("USD");
        v["terms"] = json!("acme");
        v["contract"]["warranty_end"] = json!("2023-01-01");
    });
    let o = slacalc(&["assess", "-", "--as-of", AS_OF], Some(&text));
    let err = assert_refused(&o, "contract.currency");
    assert!(err.lines().any(|l| l.starts_with("error: terms: ")));
    assert!(err
        .lines()
        .any(|l| l.starts_with("error: contract.warranty_end: ")));
    assert_eq!(err.lines().count(), 3, "{err}");
}

#[test]
fn a_bad_as_of_exits_2() {
    for bad in ["yesterday", "2025-03-10T00:00:00", "2025-03-10"] {
        let o = slacalc(&["assess", "-", "--as-of", bad], Some(WORKED_EXAMPLE));
        assert_no_panic(&o);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(o.stdout.is_empty());
        assert!(stderr(&o).contains("--as-of"), "{}", stderr(&o));
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["assess"],
        vec!["assess", "-", "--format", "xml"],
        vec!["assess", "-", "--lang", "fr"],
        vec!["judge", "-"],
        vec![],
    ] {
        let o = slacalc(&args, Some(WORKED_EXAMPLE));
        assert_no_panic(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}
