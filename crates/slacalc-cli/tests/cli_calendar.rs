//! `slacalc calendar days|add|between` (issue #3, CLI).

use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn days_prints_one_line_per_date() {
    let (ok, out, _) = run(&["calendar", "days", "2025-09-27", "2025-10-02"]);
    assert!(ok);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0], "2025-09-27 weekend");
    assert!(
        lines[1].starts_with("2025-09-28 makeup-workday National Day"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2], "2025-09-29 workday");
    assert!(
        lines[4].starts_with("2025-10-01 holiday National Day"),
        "{}",
        lines[4]
    );
}

#[test]
fn days_outside_the_table_are_reported_as_such() {
    let (ok, out, _) = run(&[
        "calendar",
        "days",
        "2026-12-31",
        "2027-01-01",
        "--calendar",
        "prc",
    ]);
    assert!(ok);
    assert_eq!(
        out,
        "2026-12-31 workday\n2027-01-01 unknown (outside the PRC statutory holiday calendar, 2004-01-01 to 2026-12-31)\n"
    );
}

#[test]
fn add_and_between_with_the_letters_office_hours() {
    let (ok, out, _) = run(&["calendar", "add", "2025-09-30 17:30", "1h"]);
    assert!(ok);
    assert_eq!(out, "2025-10-09T09:30:00+08:00\n");
    let (_, out, _) = run(&["calendar", "add", "2025-09-30T17:30:00+08:00", "PT90M"]);
    assert_eq!(out, "2025-10-09T10:00:00+08:00\n");
    let (_, out, _) = run(&["calendar", "add", "2025-03-03 09:00", "2d"]);
    // 48 h of open time = 5 days of 9 h + 3 h.
    assert_eq!(out, "2025-03-10T12:00:00+08:00\n");
    let (_, out, _) = run(&["calendar", "between", "2025-09-27", "2025-10-12"]);
    assert_eq!(out, "54h (194400 seconds)\n");
}

#[test]
fn ics_calendars_and_other_zones() {
    let (ok, out, _) = run(&[
        "calendar",
        "days",
        "2030-05-06",
        "2030-05-10",
        "--calendar",
        "examples/holidays.ics",
    ]);
    assert!(ok);
    assert!(
        out.starts_with("2030-05-06 holiday Company anniversary\n"),
        "{out}"
    );
    assert!(
        out.contains("2030-05-10 workday [closed 2030-05-10 14:00–2030-05-10 18:00"),
        "{out}"
    );
    let (ok, out, _) = run(&[
        "calendar",
        "add",
        "2025-03-28 16:00",
        "2h",
        "--zone",
        "Europe/Berlin",
        "--hours",
        "Mon-Fri 09:00-17:00",
        "--calendar",
        "examples/holidays.ics",
    ]);
    assert!(ok);
    assert_eq!(out, "2025-03-31T10:00:00+02:00\n");
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let (ok, _, err) = run(&["calendar", "add", "yesterday", "1h"]);
    assert!(!ok);
    assert!(err.contains("\"yesterday\" is not a time"), "{err}");
    let (ok, _, err) = run(&["calendar", "add", "2025-03-03 09:00", "1 hour"]);
    assert!(!ok);
    assert!(err.contains("is not a duration"), "{err}");
    let (ok, _, err) = run(&[
        "calendar",
        "days",
        "2025-01-01",
        "2025-01-02",
        "--calendar",
        "Cargo.toml",
    ]);
    assert!(!ok);
    assert!(err.contains("Cargo.toml: line 1:"), "{err}");
    let (ok, _, err) = run(&["calendar", "add", "2026-12-31 17:00", "2h"]);
    assert!(!ok);
    assert!(err.contains("2027-01-01 is outside the years"), "{err}");
}
