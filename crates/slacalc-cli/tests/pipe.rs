//! The CLI in a pipeline (issue #13): when the reader of its output goes away, as `head`,
//! `grep -q` or `less` do, it ends quietly with status 0: no panic message, nothing on
//! standard error.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

const EXE: &str = env!("CARGO_BIN_EXE_slacalc");

fn examples(name: &str) -> String {
    format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn terms_piped_into_head_prints_one_line_and_ends_quietly() {
    // `slacalc terms eyou-sdju | head -1` in a shell, with pipefail so the CLI's own status
    // is the pipeline's.
    let out = Command::new("bash")
        .args([
            "-c",
            "set -o pipefail; \"$0\" terms eyou-sdju | head -1",
            EXE,
        ])
        .output()
        .expect("bash runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "{\n");
    assert!(stderr.is_empty(), "stderr: {stderr}");
}

/// Runs the CLI with `args`, reads `keep` lines of its output and then closes the pipe, as
/// `head -n keep` does; returns the exit status and standard error.
fn read_then_close(args: &[&str], keep: usize) -> (Option<i32>, String) {
    let mut child = Command::new(EXE)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("slacalc starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout);
    for _ in 0..keep {
        let mut line = String::new();
        lines.read_line(&mut line).expect("a line");
        assert!(!line.is_empty(), "{args:?}: fewer than {keep} lines");
    }
    drop(lines);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr is text");
    let status = child.wait().expect("slacalc ends");
    (status.code(), stderr)
}

#[test]
fn every_command_ends_quietly_when_its_reader_goes_away() {
    // With 0 lines kept the pipe is closed before the CLI has written anything; the calendar's
    // output is larger than a pipe's buffer (64 KiB), so after 1 line it is still writing too.
    // Either way its next write finds the pipe closed, and it must stop quietly.
    let ledger = examples("ledger-3y.json");
    let csv = examples("incidents.csv");
    let runs: Vec<Vec<&str>> = vec![
        // ~3,650 lines of day kinds.
        vec!["calendar", "days", "2016-01-01", "2025-12-31"],
        // The 14-incident ledger's full reasoning, in both languages.
        vec!["explain", &ledger, "--as-of", "2026-01-01T00:00:00+08:00"],
        vec![
            "explain",
            &ledger,
            "--lang",
            "en",
            "--as-of",
            "2026-01-01T00:00:00+08:00",
        ],
        // One link per CSV row.
        vec![
            "link",
            "--csv",
            &csv,
            "--price",
            "1000000.00",
            "--warranty",
            "2024-01-01..2026-12-31",
            "--as-of",
            "2026-01-01T00:00:00+08:00",
        ],
        vec!["assess", &ledger, "--as-of", "2026-01-01T00:00:00+08:00"],
    ];
    for args in &runs {
        for keep in [0, 1] {
            let (code, stderr) = read_then_close(args, keep);
            assert_eq!(code, Some(0), "{args:?} after {keep} line(s): {stderr}");
            assert!(
                !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
                "{args:?}: {stderr}"
            );
        }
    }
}

#[test]
fn a_reader_that_reads_everything_sees_all_of_it() {
    // The quiet ending changes nothing for a reader that stays: the whole output arrives.
    let out = Command::new(EXE)
        .args(["calendar", "days", "2016-01-01", "2025-12-31"])
        .output()
        .expect("slacalc runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(text.lines().count(), 3653);
    assert!(text.starts_with("2016-01-01 holiday"), "{}", &text[..40]);
}
