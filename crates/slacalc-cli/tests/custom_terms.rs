//! Custom terms through the CLI: `slacalc terms` prints terms that read back into a case, a
//! terms file (`--terms FILE`) drives a CSV ledger, bad terms are refused naming their path,
//! and the text output cites the terms' own clauses. The engine's own tests of the same
//! contract (`examples/terms-campus-network.json`, worked out by hand) are in
//! `crates/slacalc/tests/custom_terms.rs`.
//!
//! Price ¥200,000.00: one penalty hour (N4.2, 0.05 %) = ¥100.00; the cap (N4.3, 3 %) = ¥6,000.00.

#[path = "../../slacalc/tests/common/mod.rs"]
mod common;

use common::{at, example, read_example_json};
use serde_json::{json, Value};
use slacalc::terms::Terms;
use slacalc::{assess, parse_case, Assessment};
use std::path::PathBuf;
use std::process::{Command, Output};

const AS_OF: &str = "2026-01-15T00:00:00+08:00";

fn case_value() -> Value {
    read_example_json("custom-terms-case.json")
}

fn assess_value(v: &Value, as_of: &str) -> Assessment {
    let case = parse_case(&v.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    assess(&case, at(as_of)).unwrap_or_else(|e| panic!("{e:?}"))
}

fn slacalc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args(args)
        .output()
        .expect("slacalc runs")
}

fn tmp(name: &str, text: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&p, text).expect("write temp file");
    p
}

/// The campus case with its terms changed by `f`.
fn bad_terms(f: impl FnOnce(&mut Value)) -> Value {
    let mut v = case_value();
    f(&mut v["terms"]);
    v
}

#[test]
fn the_cli_refuses_bad_terms_naming_the_path() {
    let v = bad_terms(|t| t["penalty"]["cap_bp"] = json!(10_001));
    let f = tmp("custom-terms-bad-cap.json", &v.to_string());
    let out = slacalc(&["assess", f.to_str().expect("UTF-8"), "--as-of", AS_OF]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        err.lines()
            .any(|l| l.starts_with("error: terms.penalty.cap_bp: must be between 0 and 10000")),
        "{err}"
    );
}

#[test]
fn slacalc_terms_output_round_trips_as_inline_terms() {
    // `slacalc terms` prints the letter's terms; pasted into a case as an inline object they
    // give exactly the result of the preset id.
    let out = slacalc(&["terms"]);
    assert_eq!(out.status.code(), Some(0));
    let printed: Value = serde_json::from_slice(&out.stdout).expect("terms JSON");
    assert_eq!(printed["id"], "eyou-sdju");
    let explicit = slacalc(&["terms", "eyou-sdju"]);
    assert_eq!(explicit.stdout, out.stdout);
    // The printed terms are the shipped file, value for value.
    let shipped: Value =
        serde_json::from_str(slacalc::terms::EYOU_SDJU_JSON).expect("shipped terms JSON");
    let a: Terms = serde_json::from_value(printed.clone()).expect("reads back");
    let b: Terms = serde_json::from_value(shipped).expect("reads");
    assert_eq!(a, b);

    for doc in [
        serde_json::from_str::<Value>(common::WORKED_EXAMPLE).expect("JSON"),
        serde_json::from_str::<Value>(
            &std::fs::read_to_string(example("ledger-3y.json")).expect("ledger"),
        )
        .expect("JSON"),
    ] {
        let mut inline = doc.clone();
        inline["terms"] = printed.clone();
        let preset = assess_value(&doc, AS_OF);
        let inlined = assess_value(&inline, AS_OF);
        assert_eq!(inlined, preset);
        // Through the CLI too, as JSON text.
        let f = tmp("custom-terms-inline-eyou.json", &inline.to_string());
        let g = tmp("custom-terms-preset-eyou.json", &doc.to_string());
        let x = slacalc(&["assess", f.to_str().expect("UTF-8"), "--as-of", AS_OF]);
        let y = slacalc(&["assess", g.to_str().expect("UTF-8"), "--as-of", AS_OF]);
        assert_eq!(x.status.code(), Some(0));
        assert_eq!(x.stdout, y.stdout);
    }

    // And as a terms file for a CSV ledger: `--terms FILE.json` = `--terms eyou-sdju`.
    let terms_file = tmp(
        "custom-terms-eyou.json",
        &String::from_utf8_lossy(&out.stdout),
    );
    let csv = example("incidents.csv");
    let run = |terms: &str| {
        slacalc(&[
            "assess",
            "--csv",
            csv.to_str().expect("UTF-8"),
            "--terms",
            terms,
            "--price",
            "1000000.00",
            "--warranty",
            "2024-01-01..2026-12-31",
            "--as-of",
            AS_OF,
        ])
    };
    let by_file = run(terms_file.to_str().expect("UTF-8"));
    let by_id = run("eyou-sdju");
    assert_eq!(by_file.status.code(), by_id.status.code());
    assert_eq!(by_file.stdout, by_id.stdout);
    assert!(!by_id.stdout.is_empty());

    // An unknown preset is a usage error.
    let out = slacalc(&["terms", "campus-network-2025"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown terms"));
}

const CAMPUS_CSV_HEAD: &str = "id,reported_at,declared_priority,mailboxes_affected_pct,system_usable,seriously_damaged,kind,cause,interrupted_from,restored_at,phone_response_at,remote_access_at";

fn campus_csv_run(declared: &str) -> Output {
    let csv = format!(
        "{CAMPUS_CSV_HEAD}\ncore,2025-05-06 09:05,{declared},80,no,yes,fault,vendor,2025-05-06 09:00,2025-05-06 15:35,2025-05-06 09:10,2025-05-06 09:30\n"
    );
    let f = tmp(&format!("campus-{declared}.csv"), &csv);
    let terms = example("terms-campus-network.json");
    slacalc(&[
        "assess",
        "--csv",
        f.to_str().expect("UTF-8"),
        "--terms",
        terms.to_str().expect("UTF-8"),
        "--price",
        "200000.00",
        "--warranty",
        "2025-01-01..2026-12-31",
        "--as-of",
        AS_OF,
    ])
}

#[test]
fn the_campus_terms_file_drives_a_csv_ledger() {
    // No declared priority: the criteria pick P1; 7 started hours = ¥700.00 as above.
    let out = campus_csv_run("");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["terms"], "campus-network-2025");
    assert_eq!(v["incidents"][0]["priority"], "P1");
    assert_eq!(v["incidents"][0]["penalty"]["amount"], "700.00");
    assert_eq!(v["total"]["cap"], "6000.00");
}

#[test]
fn csv_rows_declare_levels_of_the_chosen_terms() {
    // `slacalc assess --csv FILE --terms campus.json`: a row declaring P1 (a level of the
    // chosen terms) should be assessed as P1. The row reader (table::parse_row) validates
    // every row against "eyou-sdju", so the row is refused:
    //   error: …: line 2, column declared_priority: "P1" is not a priority level of the
    //   terms; expected one of: "urgent", "serious", "general"
    // and, as it is the only row, the run exits 2 with no assessment.
    let out = campus_csv_run("P1");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["incidents"][0]["priority"], "P1");
    // Conversely a row declaring "urgent" passes the row reader and then sinks the whole
    // case (exit 2, `incidents[0].declared_priority`, no assessment of the good rows); it
    // should be reported as a bad row by line and column like any other.
    let out = campus_csv_run("urgent");
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains("line 2, column declared_priority"), "{err}");
}

#[test]
fn text_output_uses_the_terms_clauses_and_period() {
    // `slacalc assess custom-terms-case.json --format text --lang en` prints
    //   "[L4.2] penalty: 7 day(s) = ¥700.00; [L4.3] applied ¥700.00"
    // for a per-hour contract whose clauses are N4.2 / N4.3.
    let out = slacalc(&[
        "assess",
        example("custom-terms-case.json").to_str().expect("UTF-8"),
        "--format",
        "text",
        "--lang",
        "en",
        "--as-of",
        AS_OF,
    ]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("[N4.2] penalty: 7 hour(s) = ¥700.00"),
        "{text}"
    );
    assert!(!text.contains("day(s)"), "{text}");
    assert!(!text.contains("[L4."), "{text}");
}
