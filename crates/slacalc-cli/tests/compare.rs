//! `slacalc compare --ledger FILE --terms A --terms B …`: one ledger under 2 to 4 sets of
//! terms side by side. Each column agrees with `slacalc assess --ledger FILE` under that terms
//! alone; the letter against itself gives equal columns; a wrong number of `--terms` or a
//! terms file that is not there is a usage error naming the flag (status 2).
//!
//! Contract: ¥1,000,000.00, warranty 2024-01-01..2026-12-31, ledger `examples/incidents.csv`
//! (7 rows, line 5 bad: status 1, the bad row on standard error, the good rows compared).

#[path = "../../slacalc/tests/common/mod.rs"]
mod common;

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

const AS_OF: &str = "2026-01-15T00:00:00+08:00";
const CONTRACT: [&str; 6] = [
    "--price",
    "1000000.00",
    "--warranty",
    "2024-01-01..2026-12-31",
    "--as-of",
    AS_OF,
];

fn slacalc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args(args)
        .output()
        .expect("slacalc runs")
}

fn path(name: &str) -> String {
    common::example(name)
        .to_str()
        .expect("UTF-8 path")
        .to_string()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// `slacalc compare --ledger examples/incidents.csv` with `--terms` each of `terms`, then
/// `extra`.
fn compare(terms: &[&str], extra: &[&str]) -> Output {
    let csv = path("incidents.csv");
    let mut args = vec!["compare", "--ledger", &csv];
    for t in terms {
        args.extend(["--terms", t]);
    }
    args.extend(CONTRACT);
    args.extend(extra);
    slacalc(&args)
}

/// The CSV table of a comparison as rows of cells (no cell of these holds a comma).
fn table(o: &Output) -> Vec<Vec<String>> {
    String::from_utf8(o.stdout.clone())
        .expect("UTF-8")
        .lines()
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn the_letter_against_itself_gives_equal_columns() {
    // The preset by its nickname, by its id, and as a file of `slacalc terms`' output.
    let printed = slacalc(&["terms"]);
    let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("my-letter.json");
    std::fs::write(&file, &printed.stdout).expect("write terms");
    let out = compare(
        &["letter", "preset:eyou-sdju", file.to_str().expect("UTF-8")],
        &["--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("line 5, column restored_at"));
    let rows = table(&out);
    assert_eq!(rows[0], ["id", "letter", "eyou-sdju", "my-letter"]);
    // 6 good incidents and 3 total rows.
    assert_eq!(rows.len(), 1 + 6 + 3);
    for row in &rows[1..] {
        assert_eq!(row.len(), 4, "{row:?}");
        assert_eq!(row[1], row[2], "{row:?}");
        assert_eq!(row[1], row[3], "{row:?}");
    }
    assert_eq!(rows[7][0], "total after cap");
    assert_eq!(rows[8][0], "cap reached");
    assert_eq!(rows[9][0], "missed deadlines");
    // The same name twice gets a number.
    let twice = compare(&["letter", "letter"], &["--lang", "en"]);
    assert_eq!(table(&twice)[0], ["id", "letter", "letter (2)"]);
}

/// `slacalc assess --ledger examples/incidents.csv` under `terms` alone, as JSON, and the
/// number of its missed deadlines.
fn assess_alone(terms: &str, extra: &[&str]) -> (Value, usize) {
    let csv = path("incidents.csv");
    let mut args = vec!["assess", "--ledger", &csv, "--terms", terms];
    args.extend(CONTRACT);
    args.extend(extra);
    let out = slacalc(&args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let missed = v["incidents"]
        .as_array()
        .expect("incidents")
        .iter()
        .flat_map(|r| r["deadlines"].as_array().expect("deadlines"))
        .filter(|d| d["status"] == "missed")
        .count();
    (v, missed)
}

#[test]
fn each_column_is_what_assess_gives_under_those_terms_alone() {
    let campus = path("terms-campus-network.json");
    let out = compare(&["letter", &campus], &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let c: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // The ledger declares the letter's priorities (urgent, serious, general); the campus
    // terms have none of them, so there the level comes from the facts (L3.3), as in a ledger
    // without the priority column: `--map declared_priority=-` leaves it out.
    let (letter, letter_missed) = assess_alone("eyou-sdju", &[]);
    let (alone, campus_missed) = assess_alone(&campus, &["--map", "declared_priority=-"]);
    let err = stderr(&out);
    assert!(
        err.contains("note: terms-campus-network: 6 incident(s) declare a priority"),
        "{err}"
    );
    for (n, (v, missed)) in [(letter, letter_missed), (alone, campus_missed)]
        .into_iter()
        .enumerate()
    {
        let t = &c["terms"][n];
        assert_eq!(t["terms"], v["terms"]);
        assert_eq!(t["penalty"], v["total"]["penalty"], "terms {n}");
        assert_eq!(t["uncapped"], v["total"]["uncapped"], "terms {n}");
        assert_eq!(t["cap"], v["total"]["cap"], "terms {n}");
        assert_eq!(t["cap_reached"], v["total"]["cap_reached"], "terms {n}");
        assert_eq!(t["missed_deadlines"], missed, "terms {n}");
        for (row, r) in c["incidents"]
            .as_array()
            .expect("incidents")
            .iter()
            .zip(v["incidents"].as_array().expect("incidents"))
        {
            assert_eq!(row["id"], r["id"]);
            assert_eq!(row["damages"][n], r["penalty"]["applied"], "terms {n}");
        }
    }
    // They differ: the campus contract reaches its cap (3 % = ¥30,000.00), the letter does not.
    assert_eq!(c["terms"][0]["penalty"], "10000.00");
    assert_eq!(c["terms"][1]["penalty"], "30000.00");
    assert_eq!(c["terms"][1]["cap_reached"], true);
    // The CSV says the same, its header in Chinese by default.
    let rows = table(&compare(&["letter", &campus], &[]));
    assert_eq!(rows[0], ["编号", "letter", "terms-campus-network"]);
    assert_eq!(rows[7], ["封顶后合计", "10000.00", "30000.00"]);
    assert_eq!(rows[8], ["达到上限", "否", "是"]);
}

#[test]
fn a_wrong_number_of_terms_or_a_missing_file_is_a_usage_error() {
    let letter = "letter";
    let cases: [(&[&str], &str); 4] = [
        (&[letter], "--terms: 1 given; compare takes 2 to 4"),
        (&[letter; 5], "--terms: 5 given; compare takes 2 to 4"),
        (&[], "--terms: 0 given; compare takes 2 to 4"),
        (
            &[letter, "no-such-terms.json"],
            "--terms no-such-terms.json: cannot read",
        ),
    ];
    for (terms, message) in cases {
        let out = compare(terms, &[]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{terms:?}: {err}");
        assert!(out.stdout.is_empty(), "{terms:?}");
        assert!(err.starts_with(&format!("error: {message}")), "{err}");
    }
    let out = compare(&[letter, "preset:nope"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--terms preset:nope: unknown terms \"nope\""));
    // Bad terms are refused naming the flag and the field.
    let mut bad: Value = serde_json::from_slice(&slacalc(&["terms"]).stdout).expect("JSON");
    bad["penalty"]["cap_bp"] = 10_001.into();
    let file = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bad-cap.json");
    std::fs::write(&file, bad.to_string()).expect("write terms");
    let f = file.to_str().expect("UTF-8");
    let out = compare(&[letter, f], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("error: --terms {f}: terms.penalty.cap_bp")),
        "{}",
        stderr(&out)
    );
}
