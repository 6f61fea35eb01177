//! The built-in PRC statutory table against an independent source: every date of every
//! covered year is classified by the engine and compared by `crates/slacalc/tests/prc_check.py` with the
//! `chinesecalendar` package (installed by `scripts/setup`; test-time only).

use chrono::NaiveDate;
use slacalc::calendar::{prc, Calendar};
use std::fmt::Write as _;
use std::process::Command;

#[test]
fn every_covered_date_matches_chinesecalendar() {
    let cal = Calendar::letter();
    let mut text = String::new();
    let first = NaiveDate::from_ymd_opt(prc::FIRST_YEAR.into(), 1, 1).unwrap_or_default();
    let last = NaiveDate::from_ymd_opt(prc::LAST_YEAR.into(), 12, 31).unwrap_or_default();
    let mut d = first;
    while d <= last {
        let info = cal.day(d).unwrap_or_else(|e| panic!("{d}: {e}"));
        let _ = writeln!(text, "{d} {}", info.kind.word());
        d = d.succ_opt().unwrap_or_else(|| panic!("date overflow"));
    }
    let path = std::env::temp_dir().join(format!("slacalc-prc-{}.txt", std::process::id()));
    std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/prc_check.py"))
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3: {e}"));
    let _ = std::fs::remove_file(&path);
    let report = String::from_utf8_lossy(&out.stdout);
    print!("{report}");
    assert!(
        out.status.success(),
        "the PRC table disagrees with chinesecalendar (or it is missing: run scripts/setup):\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
