//! The CLI is a thin shell: for every example case it prints exactly what the engine computes
//! (`assess` serialised), in JSON, and assesses it in text too; `slacalc explain` names every
//! interpretation switch as applied. The numbers themselves are checked by hand in the
//! engine's tests (`crates/slacalc/tests/examples.rs`, `ledger_3y.rs`).

#[path = "../../slacalc/tests/common/mod.rs"]
mod common;

use common::{at, WORKED_EXAMPLE};
use serde_json::{json, Value};
use slacalc::{assess, parse_case};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn slacalc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args(args)
        .output()
        .expect("slacalc runs")
}

fn utf8(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// The engine's assessment of a case file as of `as_of`, as the CLI's JSON shape.
fn engine(path: &Path, as_of: &str) -> Value {
    let text = std::fs::read_to_string(path).expect("readable");
    let case = parse_case(&text).unwrap_or_else(|e| panic!("{path:?}: {e:?}"));
    let a = assess(&case, at(as_of)).unwrap_or_else(|e| panic!("{path:?}: {e:?}"));
    serde_json::to_value(a).expect("serialises")
}

#[test]
fn every_example_case_prints_the_engines_assessment() {
    const AS_OF: &str = "2026-01-01T00:00:00+08:00";
    // terms-*.json are terms objects (custom terms), not cases.
    let names = common::example_cases();
    assert!(names.len() >= 3, "{names:?}");
    for path in names {
        let out = slacalc(&["assess", utf8(&path), "--as-of", AS_OF]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{path:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let cli: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(cli, engine(&path, AS_OF), "{path:?}");
        let text = slacalc(&["assess", utf8(&path), "--as-of", AS_OF, "--format", "text"]);
        assert_eq!(text.status.code(), Some(0), "{path:?} as text");
        assert!(!text.stdout.is_empty(), "{path:?} as text");
    }
}

#[test]
fn the_three_year_ledger_prints_the_same_assessment() {
    // examples/ledger-3y.json: 14 incidents, the cap (¥20,000.00) reached; the engine's
    // numbers are worked out by hand in crates/slacalc/tests/ledger_3y.rs.
    const AS_OF: &str = "2025-11-15T12:00:00+08:00";
    let path = common::example("ledger-3y.json");
    let out = slacalc(&["assess", utf8(&path), "--as-of", AS_OF]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cli: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(cli, engine(&path, AS_OF));
    assert_eq!(cli["total"]["penalty"], "20000.00");
    assert_eq!(cli["total"]["cap_reached"], true);
    assert_eq!(cli["availability_months"][1]["availability_pct"], "99.813");
}

#[test]
fn explain_lists_every_switch_as_applied() {
    // Every switch away from its default, the clocks not chosen filled in from the terms
    // (the engine's side: crates/slacalc/tests/interpretation_options.rs).
    let mut doc: Value = serde_json::from_str(WORKED_EXAMPLE).expect("worked example JSON");
    doc["interpretation"] = common::every_switch_changed();
    doc["interpretation"]["clocks"] = json!({ "phone_response": "24x7", "remote_access": "24x7",
                                             "response": "office_hours", "restore": "24x7" });
    let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("explain-every-switch.json");
    std::fs::write(&file, doc.to_string()).expect("write");
    for lang in ["en", "zh"] {
        let out = slacalc(&[
            "explain",
            utf8(&file),
            "--lang",
            lang,
            "--as-of",
            "2026-06-01T00:00:00+08:00",
        ]);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        for line in [
            "immediate_tolerance_minutes = 5",
            "majority_threshold_pct = 30",
            "priority_source = suggested",
            "penalty_days = pro_rata",
            "restore_clock_from = interruption",
            "force_majeure_extension = exact",
            "cap_scope = incident",
            "consultation = general",
            "monitoring_grace_days = 10",
            "customer_pauses = ignore",
            "office_calendar = plain",
            "clocks = {",
        ] {
            assert!(text.contains(line), "{lang}: no {line:?} in\n{text}");
        }
    }
}

#[test]
fn a_link_made_now_records_a_whole_minute() {
    // Without --as-of the CLI judges "now": to the whole minute, as the page does, so a link
    // never carries fractional seconds for people to read (issue #17).
    let file = common::example("worked-example.json");
    let out = slacalc(&["link", utf8(&file), "--base", "https://example.edu.cn/sla/"]);
    assert_eq!(out.status.code(), Some(0));
    let url = String::from_utf8(out.stdout).expect("UTF-8");
    let fragment = url.trim().split_once('#').expect("a fragment").1;
    let opened = slacalc::link::decode(&format!("#{fragment}")).expect("the link opens");
    assert_eq!(opened.as_of.secs() % 60, 0, "{}", opened.as_of);
    assert!(!opened.as_of.to_string().contains('.'), "{}", opened.as_of);
}
