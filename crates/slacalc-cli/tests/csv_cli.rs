//! `examples/incidents.csv` through the command line: `slacalc assess --csv FILE --price P
//! --warranty A..B`, in JSON and CSV, and `slacalc explain` in both languages. The CSV has
//! seven incident rows (lines 2–8), one of them (line 5) deliberately bad: its `restored_at`
//! is 2025-04-31, a day April does not have. Times are typed `YYYY-MM-DD HH:MM` (read in
//! UTC+08:00) except on line 3, which is RFC 3339.
//!
//! Contract (command line): ¥1,000,000.00, warranty 2024-01-01..2026-12-31, so one L4.2 day
//! is ¥2,500.00 and the L4.3 cap ¥50,000.00.

#[path = "../../slacalc/tests/common/mod.rs"]
mod common;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::{Command, Output};

const AS_OF: &str = "2026-01-15T00:00:00+08:00";
const PRICE: &str = "1000000.00";
const WARRANTY: &str = "2024-01-01..2026-12-31";

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

fn csv_path() -> String {
    example("incidents.csv")
        .to_str()
        .expect("UTF-8 path")
        .to_string()
}

fn slacalc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args(args)
        .output()
        .expect("slacalc runs")
}

fn assess_csv(file: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "assess",
        "--csv",
        file,
        "--price",
        PRICE,
        "--warranty",
        WARRANTY,
        "--as-of",
        AS_OF,
    ];
    args.extend_from_slice(extra);
    slacalc(&args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 stderr")
}

fn json_of(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// Asserts exit 1 and a stderr of exactly one line naming line 5, column restored_at.
fn assert_bad_row_reported(o: &Output) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(o.status.code(), Some(1), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    let line = lines[0];
    assert!(line.starts_with("error: "), "{line}");
    assert!(
        line.contains("incidents.csv: line 5, column restored_at: "),
        "{line}"
    );
    assert!(
        line.contains("\"2025-04-31 10:00\" is not an RFC 3339 time"),
        "{line}"
    );
    // The Chinese message follows in brackets.
    assert!(line.contains("不是带时区偏移的 RFC 3339 时间"), "{line}");
}

fn find<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["incidents"]
        .as_array()
        .expect("incidents")
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no incident {id}"))
}

fn deadline<'a>(r: &'a Value, kind: &str) -> &'a Value {
    r["deadlines"]
        .as_array()
        .expect("deadlines")
        .iter()
        .find(|d| d["kind"] == kind)
        .unwrap_or_else(|| panic!("{}: no {kind}", r["id"]))
}

#[test]
fn a_bad_row_is_named_by_line_and_column_and_the_good_rows_are_still_assessed() {
    let o = assess_csv(&csv_path(), &[]);
    assert_bad_row_reported(&o);
    let v = json_of(&o);
    let ids: Vec<&str> = v["incidents"]
        .as_array()
        .expect("incidents")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    // Six good rows in file order; line 5 (2025-04-30-bad-date) is left out.
    assert_eq!(
        ids,
        [
            "2025-03-03-mail-down",
            "2025-07-typhoon-outage",
            "2025-04-upgrade-advice",
            "2025-06-power-cut",
            "2025-05-quota-bug",
            "2025-09-mystery-outage",
        ]
    );

    // Line 2: the worked example, typed "2025-03-03 08:10" (read in +08:00): restore due
    // 10:10, 28 h 50 min late; 31 h → 2 days = ¥5,000.00. The same incident result as the
    // JSON file examples/worked-example.json gives.
    let r = find(&v, "2025-03-03-mail-down");
    assert_eq!(deadline(r, "restore")["from"], "2025-03-03T08:10:00+08:00");
    assert_eq!(deadline(r, "restore")["due"], "2025-03-03T10:10:00+08:00");
    assert_eq!(deadline(r, "restore")["late_minutes"], 1730);
    assert_eq!(r["penalty"]["days"], 2);
    assert_eq!(r["penalty"]["amount"], "5000.00");
    let from_json = slacalc(&[
        "assess",
        example("worked-example.json").to_str().expect("UTF-8"),
        "--as-of",
        AS_OF,
    ]);
    assert_eq!(from_json.status.code(), Some(0));
    assert_eq!(&json_of(&from_json)["incidents"][0], r);

    // Line 3 (RFC 3339 times; force majeure `kind@start/end`, pause `start/end`):
    // pause 20:40–21:30 (50 min), typhoon 07-14 23:00 → 07-16 05:00 (30 h → 2 days).
    //   Phone 20:45 (done 20:41, met); remote 21:00 + 50 min = 21:50 (done 21:45, met).
    //   Restore 22:30 + 50 min = 23:20; the typhoon starts 23:00 while it runs → + 2 days
    //   = 07-16 23:20; restored 07-17 09:20 → missed by 10 h = 600 min.
    //   Interruption 07-14 20:00 → 07-17 09:20 = 61 h 20 min, minus 50 min pause and 30 h
    //   typhoon = 30 h 30 min → 2 days = ¥5,000.00.
    let r = find(&v, "2025-07-typhoon-outage");
    assert_eq!(deadline(r, "phone_response")["status"], "met");
    assert_eq!(
        deadline(r, "remote_access")["due"],
        "2025-07-14T21:50:00+08:00"
    );
    assert_eq!(deadline(r, "remote_access")["status"], "met");
    assert_eq!(deadline(r, "restore")["due"], "2025-07-16T23:20:00+08:00");
    assert_eq!(deadline(r, "restore")["late_minutes"], 600);
    assert_eq!(r["penalty"]["counted_seconds"], 109_800);
    assert_eq!(r["penalty"]["amount"], "5000.00");

    // Line 4: a consultation ("few" mailboxes): no timer (L2.3).
    let r = find(&v, "2025-04-upgrade-advice");
    assert_eq!(r["coverage"], "consultation");
    assert_eq!(r["event_level"], "consultation");
    assert_eq!(r["deadlines"].as_array().map(Vec::len), Some(0));

    // Line 6: customer power cut ("most"): L5.2, response timers only, both met
    // (phone 02:30 / done 02:20, remote 02:45 / done 02:40), no damages.
    let r = find(&v, "2025-06-power-cut");
    assert_eq!(r["coverage"], "excluded_customer_side");
    assert_eq!(r["event_level"], "emergency");
    assert_eq!(r["deadlines"].as_array().map(Vec::len), Some(2));
    assert_eq!(r["penalty"]["amount"], "0.00");

    // Line 7: 12.5 % of mailboxes (a decimal share) → general event; response 16:00 + 1 h
    // = 17:00, answered 17:20 → missed by 20 min.
    let r = find(&v, "2025-05-quota-bug");
    assert_eq!(r["event_level"], "general");
    assert_eq!(deadline(r, "response")["late_minutes"], 20);

    // Line 8: unknown cause, serious, 60 %: restore due 01:00 + 2 h = 03:00, restored
    // 09-02 03:00 → 24 h = 1,440 min late; if the vendor's: 00:30 → 09-02 03:00 = 26 h 30 min
    // → 2 days = ¥5,000.00, contingent (not in the total).
    let r = find(&v, "2025-09-mystery-outage");
    assert_eq!(r["coverage"], "contingent");
    assert_eq!(deadline(r, "restore")["late_minutes"], 1440);
    assert_eq!(r["contingent"]["if_vendor"]["penalty_amount"], "5000.00");
    assert_eq!(r["penalty"]["applied"], "0.00");

    // Totals: 5,000.00 + 5,000.00 = ¥10,000.00 of a ¥50,000.00 cap; ¥5,000.00 contingent.
    let t = &v["total"];
    assert_eq!(t["penalty"], "10000.00");
    assert_eq!(t["uncapped"], "10000.00");
    assert_eq!(t["cap"], "50000.00");
    assert_eq!(t["cap_reached"], false);
    assert_eq!(t["contingent"], "5000.00");
}

#[test]
fn csv_output_parses_and_its_totals_match_the_json_output() {
    let json_run = assess_csv(&csv_path(), &[]);
    let csv_run = assess_csv(&csv_path(), &["--format", "csv"]);
    assert_bad_row_reported(&csv_run);
    let v = json_of(&json_run);

    let text = stdout(&csv_run);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
    };
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("a well-formed CSV record"))
        .collect();
    // Six incidents and the TOTAL row, every row as wide as the header.
    assert_eq!(rows.len(), 7, "{text}");
    for r in &rows {
        assert_eq!(r.len(), header.len());
    }
    let (total, incidents) = rows.split_last().expect("rows");
    assert_eq!(&total[col("id")], "TOTAL");

    // Row by row, the CSV says what the JSON says.
    let fen = |s: &str| -> i128 {
        let (y, f) = s.split_once('.').expect("two decimals");
        y.parse::<i128>().expect("yuan") * 100 + f.parse::<i128>().expect("fen")
    };
    let (mut applied_sum, mut covered_sum) = (0, 0);
    for (row, r) in incidents
        .iter()
        .zip(v["incidents"].as_array().expect("array"))
    {
        assert_eq!(&row[col("id")], r["id"].as_str().expect("id"));
        assert_eq!(&row[col("priority")], r["priority"].as_str().expect("p"));
        assert_eq!(&row[col("coverage")], r["coverage"].as_str().expect("c"));
        assert_eq!(
            &row[col("penalty_amount")],
            r["penalty"]["amount"].as_str().expect("amount")
        );
        assert_eq!(
            &row[col("penalty_applied")],
            r["penalty"]["applied"].as_str().expect("applied")
        );
        if let Some(d) = r["deadlines"]
            .as_array()
            .and_then(|ds| ds.iter().find(|d| d["kind"] == "restore"))
        {
            assert_eq!(&row[col("restore_due")], d["due"].as_str().expect("due"));
            assert_eq!(
                &row[col("restore_status")],
                d["status"].as_str().expect("s")
            );
            assert_eq!(
                row[col("restore_late_minutes")].parse::<i64>().ok(),
                d["late_minutes"].as_i64()
            );
        } else {
            assert_eq!(&row[col("restore_due")], "");
        }
        applied_sum += fen(&row[col("penalty_applied")]);
        if &row[col("coverage")] == "covered" {
            covered_sum += fen(&row[col("penalty_amount")]);
        }
    }
    // TOTAL: penalty_amount = uncapped, penalty_applied = due after the cap, as in JSON.
    assert_eq!(
        &total[col("penalty_amount")],
        v["total"]["uncapped"].as_str().expect("uncapped")
    );
    assert_eq!(
        &total[col("penalty_applied")],
        v["total"]["penalty"].as_str().expect("penalty")
    );
    assert_eq!(&total[col("penalty_applied")], "10000.00");
    // The applied column adds up to the total; the amount column does only over covered
    // rows (the contingent row shows its if-vendor ¥5,000.00, which is not in the total).
    assert_eq!(applied_sum, fen(&total[col("penalty_applied")]));
    assert_eq!(covered_sum, fen(&total[col("penalty_amount")]));
    let all_amounts: i128 = incidents
        .iter()
        .map(|r| fen(&r[col("penalty_amount")]))
        .sum();
    assert_eq!(all_amounts, 1_500_000);
}

#[test]
fn text_output_reports_the_bad_row_too() {
    let o = assess_csv(&csv_path(), &["--format", "text", "--lang", "en"]);
    assert_bad_row_reported(&o);
    let out = stdout(&o);
    assert!(out.contains("Incident 2025-03-03-mail-down"), "{out}");
    assert!(!out.contains("2025-04-30-bad-date"), "{out}");
    assert!(
        out.contains("[L4.3] Total liquidated damages: ¥10,000.00 (cap ¥50,000.00; uncapped ¥10,000.00; cap not reached)"),
        "{out}"
    );
}

#[test]
fn a_csv_of_only_bad_rows_exits_2_without_an_assessment() {
    let text = std::fs::read_to_string(csv_path()).expect("csv");
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    let bad = lines.nth(3).expect("line 5");
    assert!(bad.starts_with("2025-04-30-bad-date,"));
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("csv-cli-only-bad.csv");
    std::fs::write(&p, format!("{header}\n{bad}\n")).expect("write");
    let o = assess_csv(p.to_str().expect("UTF-8"), &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).contains("line 2, column restored_at"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_csv_needs_price_and_warranty() {
    let o = slacalc(&["assess", "--csv", &csv_path(), "--warranty", WARRANTY]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--price"), "{}", stderr(&o));
    let o = slacalc(&["assess", "--csv", &csv_path(), "--price", PRICE]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--warranty"), "{}", stderr(&o));
    let o = slacalc(&[
        "assess",
        "--csv",
        &csv_path(),
        "--price",
        PRICE,
        "--warranty",
        "2024-01-01-2026-12-31",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

// ---------------------------------------------------------------------------------------
// slacalc explain
// ---------------------------------------------------------------------------------------

/// The good rows of the CSV as a JSON case file (the contract of the command line above).
fn csv_as_case_file() -> PathBuf {
    let text = std::fs::read_to_string(csv_path()).expect("csv");
    let (good, bad) = slacalc::table::read_incidents(
        &text,
        &slacalc::terms::TermsSpec::Preset("eyou-sdju".into()),
    );
    assert_eq!((good.len(), bad.len()), (6, 1));
    let incidents: Vec<Value> = good
        .into_iter()
        .map(|(_, i)| serde_json::to_value(i).expect("serialises"))
        .collect();
    let mut doc = common::case(incidents);
    doc["contract"] = common::contract();
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("csv-cli-incidents-as-case.json");
    std::fs::write(&p, doc.to_string()).expect("write");
    p
}

/// Runs `slacalc explain` in both languages on `file` and checks that every explanation
/// step of every incident (from the JSON assessment) appears, with its clause id, in the
/// incident's section of the text. Returns the clause ids cited.
fn check_explain(file: &str) -> BTreeSet<String> {
    let a = slacalc(&["assess", file, "--as-of", AS_OF]);
    assert_eq!(a.status.code(), Some(0), "{}", stderr(&a));
    let v = json_of(&a);
    let mut cited = BTreeSet::new();
    for (lang, heading) in [("zh", "事件"), ("en", "Incident")] {
        let o = slacalc(&["explain", file, "--lang", lang, "--as-of", AS_OF]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let text = stdout(&o);
        for r in v["incidents"].as_array().expect("incidents") {
            let id = r["id"].as_str().expect("id");
            let start = text
                .find(&format!("\n{heading} {id} "))
                .unwrap_or_else(|| panic!("{lang}: no section for {id}"));
            let section = &text[start + 1..];
            let body = &section[heading.len()..];
            let section = body
                .find(&format!("\n{heading} "))
                .map_or(section, |end| &section[..heading.len() + end + 1]);
            for (n, step) in r["explanation"]
                .as_array()
                .expect("explanation")
                .iter()
                .enumerate()
            {
                let clause = step["clause"].as_str().expect("clause");
                let words = step[lang].as_str().expect("words");
                let line = format!("{:>2}. [{clause}] {words}", n + 1);
                assert!(
                    section.contains(&line),
                    "{lang}, {id}: missing {line:?} in\n{section}"
                );
                cited.insert(clause.to_string());
            }
        }
    }
    cited
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn explain_names_every_clause_cited_for_the_csv_ledger_in_zh_and_en() {
    // The six good rows cite:
    //   mail-down:      L3.3, L2.1, L1.2, L4.1, L3.3a (phone, remote), L4.1, L4.2, L4.3
    //   typhoon-outage: + L3.4 (pause), L5.1 (typhoon)
    //   upgrade-advice: L2.3 (event and coverage), L1.1 (office hotline)
    //   power-cut:      L5.2
    //   quota-bug:      L2.2, L3.3c
    //   mystery-outage: L3.3b, and L4.3 for the contingent outcome
    let p = csv_as_case_file();
    let cited = check_explain(p.to_str().expect("UTF-8"));
    // The totals close the text, citing the cap clause.
    for (lang, words) in [
        ("zh", "[L4.3] 违约金合计: ¥10,000.00"),
        ("en", "[L4.3] Total liquidated damages: ¥10,000.00"),
    ] {
        let o = slacalc(&[
            "explain",
            p.to_str().expect("UTF-8"),
            "--lang",
            lang,
            "--as-of",
            AS_OF,
        ]);
        assert!(stdout(&o).contains(words), "{lang}: {}", stdout(&o));
    }
    assert_eq!(
        cited,
        set(&[
            "L1.1", "L1.2", "L2.1", "L2.2", "L2.3", "L3.3", "L3.3a", "L3.3b", "L3.3c", "L3.4",
            "L4.1", "L4.2", "L4.3", "L5.1", "L5.2",
        ])
    );
}

#[test]
fn explain_names_every_clause_cited_for_the_three_year_ledger() {
    // The same as the CSV ledger plus L5.3 (operating system, network).
    let cited = check_explain(example("ledger-3y.json").to_str().expect("UTF-8"));
    assert_eq!(
        cited,
        set(&[
            "L1.1", "L1.2", "L2.1", "L2.2", "L2.3", "L3.3", "L3.3a", "L3.3b", "L3.3c", "L3.4",
            "L4.1", "L4.2", "L4.3", "L5.1", "L5.2", "L5.3",
        ])
    );
}

#[test]
fn explain_names_the_custom_terms_clauses() {
    // The campus contract's own ids (see tests/custom_terms.rs) — and, today, the letter's
    // L1.2 / L2.1 / L2.2 for the 24×7 line and the event level (reported as an engine bug).
    let cited = check_explain(example("custom-terms-case.json").to_str().expect("UTF-8"));
    for own in [
        "N2.1", "N3", "N3.1", "N3.2", "N3.3", "N3.4", "N3.5", "N4.1", "N4.2", "N4.3", "N5.1",
        "N5.2", "N5.3", "N6",
    ] {
        assert!(cited.contains(own), "{own} not cited: {cited:?}");
    }
}
