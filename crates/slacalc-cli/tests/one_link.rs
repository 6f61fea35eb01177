//! `slacalc link --ledger FILE --one-link`: one share link for the whole ledger, its case
//! holding every good row's incident, assessed together so the cap (L4.3) runs across them.
//! The link opens (`slacalc::link::decode`) on a case with all the rows, and the total it
//! recorded after the cap is what `slacalc assess --ledger` of the same file reports.

#[path = "../../slacalc/tests/common/mod.rs"]
mod common;

use serde_json::Value;
use slacalc::link::{self, Opened};
use std::path::PathBuf;
use std::process::{Command, Output};

const AS_OF: &str = "2026-01-15T00:00:00+08:00";
const BASE: &str = "https://example.edu.cn/sla/";

fn slacalc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args(args)
        .output()
        .expect("slacalc runs")
}

fn utf8(p: &std::path::Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// `link --one-link` and `assess` (JSON) of one ledger under one contract.
fn link_and_assess(ledger: &str, price: &str, warranty: &str) -> (Output, Output) {
    let contract = [
        "--ledger",
        ledger,
        "--price",
        price,
        "--warranty",
        warranty,
        "--as-of",
        AS_OF,
    ];
    let mut link_args = vec!["link", "--one-link", "--base", BASE];
    link_args.extend(contract);
    let mut assess_args = vec!["assess"];
    assess_args.extend(contract);
    (slacalc(&link_args), slacalc(&assess_args))
}

fn open(out: &Output) -> Opened {
    let text = String::from_utf8(out.stdout.clone()).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "one link: {text}");
    assert!(lines[0].starts_with(&format!("{BASE}#c=1")), "{}", lines[0]);
    let fragment = lines[0].split_once('#').expect("a fragment").1;
    link::decode(fragment).unwrap_or_else(|e| panic!("{e}"))
}

fn ids(v: &Value) -> Vec<String> {
    v["incidents"]
        .as_array()
        .expect("incidents")
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_string())
        .collect()
}

/// The link's case holds exactly the incidents `assess` reports, in order, and its recorded
/// result is `assess`'s: the total after the cap, before it, and each incident's amount.
fn assert_agrees(opened: &Opened, assessed: &Value) {
    let link_ids: Vec<String> = opened.case.incidents.iter().map(|i| i.id.clone()).collect();
    assert_eq!(link_ids, ids(assessed));
    assert_eq!(opened.as_of.to_string(), AS_OF);
    assert_eq!(opened.recorded.penalty, assessed["total"]["penalty"]);
    assert_eq!(opened.recorded.uncapped, assessed["total"]["uncapped"]);
    for ((id, _, _, applied), r) in opened
        .recorded
        .incidents
        .iter()
        .zip(assessed["incidents"].as_array().expect("incidents"))
    {
        assert_eq!(r["id"], id.as_str());
        assert_eq!(r["penalty"]["applied"], applied.as_str());
    }
    // Reopened today, the case gives the same result (same digest).
    let again = slacalc::assess(&opened.case, opened.as_of).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(link::digest(&again), opened.digest);
}

#[test]
fn one_link_holds_every_good_row_of_the_example_ledger() {
    // examples/incidents.csv: 7 rows, line 5 bad (2025-04-31): 6 incidents in the one link,
    // the bad row reported on standard error as `assess` reports it, status 1.
    let csv = common::example("incidents.csv");
    let (link_out, assess_out) =
        link_and_assess(utf8(&csv), "1000000.00", "2024-01-01..2026-12-31");
    let err = String::from_utf8_lossy(&link_out.stderr).to_string();
    assert_eq!(link_out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("incidents.csv: line 5, column restored_at"),
        "{err}"
    );
    assert_eq!(assess_out.status.code(), Some(1));
    let assessed: Value = serde_json::from_slice(&assess_out.stdout).expect("JSON");
    let opened = open(&link_out);
    assert_eq!(opened.case.incidents.len(), 6);
    assert_agrees(&opened, &assessed);
    // Several incidents: the verdict card counts the missed deadlines.
    assert!(
        opened.recorded.cards[0].starts_with('#'),
        "{:?}",
        opened.recorded.cards
    );
}

#[test]
fn one_link_of_the_fourteen_incident_ledger_caps_across_them() {
    // examples/ledger-3y.json's 14 incidents written as a ledger CSV (as the page exports
    // them), under its contract: ¥400,000.00, 2024-01-01..2026-12-31, so the L4.3 cap is
    // ¥20,000.00, and these incidents reach it.
    let doc = common::read_example_json("ledger-3y.json");
    let case = slacalc::parse_case(&doc.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(case.incidents.len(), 14);
    let csv = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ledger-3y-14.csv");
    std::fs::write(&csv, slacalc::table::write_incidents(&case.incidents)).expect("write CSV");
    let (link_out, assess_out) = link_and_assess(utf8(&csv), "400000.00", "2024-01-01..2026-12-31");
    assert_eq!(
        link_out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&link_out.stderr)
    );
    assert_eq!(assess_out.status.code(), Some(0));
    let assessed: Value = serde_json::from_slice(&assess_out.stdout).expect("JSON");
    let opened = open(&link_out);
    assert_eq!(opened.case.incidents, case.incidents);
    assert_agrees(&opened, &assessed);
    assert_eq!(assessed["total"]["cap_reached"], true);
    assert_eq!(opened.recorded.penalty, "20000.00");
    assert_ne!(opened.recorded.uncapped, opened.recorded.penalty);
}

#[test]
fn one_link_needs_a_ledger() {
    let file = common::example("worked-example.json");
    let out = slacalc(&["link", utf8(&file), "--one-link"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--ledger"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
