//! `slacalc terms --table [--lang zh|en]` (issue #15): the terms as a Markdown clause table,
//! one row per clause in words (the engine's `clause_table`), for the built-in letter and for a
//! terms file; an unknown preset is a usage error (status 2).

use std::path::PathBuf;
use std::process::{Command, Output};

fn slacalc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args(args)
        .output()
        .expect("slacalc runs")
}

fn stdout(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn the_letters_table_in_english() {
    let out = stdout(&slacalc(&["terms", "--table", "--lang", "en"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "| clause | text |");
    assert_eq!(lines[1], "|---|---|");
    assert!(lines[2..]
        .iter()
        .all(|l| l.starts_with("| L") && l.ends_with(" |")));
    assert!(lines.contains(&"| L3.3c | Level 3 (general): response within 1 h (24×7 clock) |"));
    assert!(out.contains(
        "| L4.2 | Restore deadline missed: 0.25 % of the total contract price per day of interruption"
    ));
    assert!(out.contains("| L4.3 | Damages never exceed 5 % of the total contract price"));
    assert!(out.contains("| L1.1 | Office hours: Mon–Fri 09:00–18:00"));
    // One row per clause row of the engine: 18 for the letter, with the header 20 lines.
    assert_eq!(lines.len(), 20, "{out}");
}

#[test]
fn the_letters_table_in_chinese_by_default() {
    let out = stdout(&slacalc(&["terms", "eyou-sdju", "--table"]));
    assert!(out.starts_with("| 条款 | 内容 |\n|---|---|\n"), "{out}");
    assert!(out.contains("| L3.3a | 紧急:远程访问 30分钟内(24×7 时钟,客户方暂停不计) |"));
    assert!(out.contains("| L4.2 | 未能按时恢复:每中断一天支付合同总价的 0.25% 违约金"));
    assert!(out.contains("| L4.3 | 违约金累计不超过合同总价的 5%"));
}

#[test]
fn a_terms_file_gives_its_own_clauses() {
    let file = example("terms-campus-network.json");
    let out = stdout(&slacalc(&["terms", &file, "--table", "--lang", "en"]));
    assert!(out.contains(
        "| N3.1 | Level 1 (P1: campus-wide outage): phone response within 10 min (24×7 clock) |"
    ));
    assert!(out
        .contains("| N4.2 | Restore deadline missed: 0.05 % of the total contract price per hour"));
    assert!(out.lines().skip(2).all(|l| l.starts_with("| N")), "{out}");
}

#[test]
fn a_pipe_in_the_terms_is_escaped() {
    let mut terms: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(example("terms-campus-network.json")).expect("example"),
    )
    .expect("JSON");
    terms["levels"][0]["name"]["en"] = "P1 | outage".into();
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pipe-terms.json");
    std::fs::write(&p, terms.to_string()).expect("write temp file");
    let out = stdout(&slacalc(&[
        "terms",
        &p.to_string_lossy(),
        "--table",
        "--lang",
        "en",
    ]));
    assert!(out.contains("Level 1 (P1 \\| outage)"), "{out}");
    assert!(
        out.lines().skip(2).all(|l| l.matches(" | ").count() == 1),
        "{out}"
    );
}

#[test]
fn unknown_terms_and_lang_without_table_are_refused() {
    let o = slacalc(&["terms", "nope", "--table"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown terms \"nope\""));
    assert!(o.stdout.is_empty());
    let o = slacalc(&["terms", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    // Without --table the terms are still JSON.
    let json: serde_json::Value =
        serde_json::from_slice(&slacalc(&["terms"]).stdout).expect("terms as JSON");
    assert_eq!(json["id"], "eyou-sdju");
}
