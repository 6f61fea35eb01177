//! `--holidays FILE` and `--holiday-year` (issue #15, part 3): rulings beyond the built-in
//! table from a notice text, a holiday JSON or an .ics file, recognised by content, on the
//! commands that assess or show a calendar; they travel in the case and its link.

use std::path::PathBuf;
use std::process::Command;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A file in the temp directory, unique to this test run.
fn temp(name: &str, text: &str) -> String {
    let p: PathBuf =
        std::env::temp_dir().join(format!("slacalc-holidays-{}-{name}", std::process::id()));
    std::fs::write(&p, text).unwrap_or_else(|e| panic!("{e}"));
    p.to_string_lossy().into_owned()
}

/// A 2027 notice for the tests (its dates are made up: not the real notice).
const NOTICE: &str = "国务院办公厅关于2027年部分节假日安排的通知\n国办发明电〔2026〕99号\n\
    一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n\
    二、春节：2月5日（周五）至2月12日（周五）放假调休，共8天。2月7日（周日）、2月20日（周六）上班。\n";

/// The worked example with its report on `at` (the responses with it).
fn case_at(at: &str) -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/worked-example.json"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    for f in ["reported_at", "phone_response_at", "remote_access_at"] {
        v["incidents"][0][f] = at.into();
    }
    temp(&format!("case-{}.json", &at[..10]), &v.to_string())
}

#[test]
fn calendar_days_use_the_rulings_of_a_notice_text() {
    let notice = temp("notice-2027.txt", NOTICE);
    let (code, out, err) = run(&[
        "calendar",
        "days",
        "2027-02-06",
        "2027-02-08",
        "--holidays",
        &notice,
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out,
        "2027-02-06 holiday Spring Festival (春节)\n2027-02-07 makeup-workday Spring Festival (春节)\n2027-02-08 holiday Spring Festival (春节)\n"
    );
    assert!(
        err.contains(
            "notice text, 4 holiday rulings 2027-01-01..2027-02-20 (国办发明电〔2026〕99号)"
        ),
        "{err}"
    );
    // 2028 is still unknown, and said so with the years now known.
    let (_, out, _) = run(&[
        "calendar",
        "days",
        "2028-01-03",
        "2028-01-03",
        "--holidays",
        &notice,
    ]);
    assert!(out.contains("unknown (outside the PRC statutory holiday calendar and the holiday rulings added, 2004-01-01 to 2027-12-31)"), "{out}");
    let (_, out, _) = run(&[
        "calendar",
        "add",
        "2027-02-04 17:30",
        "1h",
        "--holidays",
        &notice,
    ]);
    assert_eq!(out, "2027-02-07T09:30:00+08:00\n");
}

#[test]
fn a_notice_without_a_year_needs_holiday_year() {
    let text = "一、元旦：1月1日至3日放假，共3天。\n二、春节：2月7日（周日）上班。";
    let f = temp("no-year.txt", text);
    let (code, _, err) = run(&[
        "calendar",
        "days",
        "2027-01-01",
        "2027-01-01",
        "--holidays",
        &f,
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("names no year"), "{err}");
    assert!(err.contains("通知文本中没有年份"), "{err}");
    let (code, out, err) = run(&[
        "calendar",
        "days",
        "2027-01-01",
        "2027-01-01",
        "--holidays",
        &f,
        "--holiday-year",
        "2027",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("2027-01-01 holiday New Year"), "{out}");
}

#[test]
fn json_and_ics_are_recognised_by_content() {
    let json = temp(
        "days.txt",
        r#"{"year":2027,"papers":["国办发明电〔2026〕99号"],"days":[{"name":"清明节","date":"2027-04-05","isOffDay":true}]}"#,
    );
    let ics = temp(
        "days.data",
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270410\r\nDTEND;VALUE=DATE:20270411\r\nSUMMARY:清明节 补班\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    let (code, out, err) = run(&[
        "calendar",
        "days",
        "2027-04-05",
        "2027-04-10",
        "--holidays",
        &json,
        "--holidays",
        &ics,
    ]);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("2027-04-05 holiday Qingming"), "{out}");
    assert!(
        lines[5].starts_with("2027-04-10 makeup-workday Qingming"),
        "{out}"
    );
    assert!(err.contains("holiday JSON, 1 holiday rulings"), "{err}");
    assert!(err.contains("iCalendar, 1 holiday rulings"), "{err}");
    let junk = temp("junk.json", "{\"nope\": 1}");
    let (code, _, err) = run(&[
        "calendar",
        "days",
        "2027-04-05",
        "2027-04-05",
        "--holidays",
        &junk,
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("holiday JSON"), "{err}");
}

#[test]
fn assess_without_rulings_says_the_year_is_outside_and_with_them_cites_the_notice() {
    let case = case_at("2027-02-08T10:00:00+08:00");
    let as_of = "2030-01-01T00:00:00+08:00";
    let (code, out, _) = run(&[
        "assess", &case, "--format", "text", "--lang", "en", "--as-of", as_of,
    ]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("note: 2027-02-08 is outside the years of known holiday rulings (2004–2026)"),
        "{out}"
    );
    let (_, out, _) = run(&["assess", &case, "--format", "text", "--as-of", as_of]);
    assert!(
        out.contains("注意: 2027-02-08 不在已知节假日安排的年份内"),
        "{out}"
    );
    let notice = temp("notice-assess.txt", NOTICE);
    let (code, out, err) = run(&[
        "explain",
        &case,
        "--lang",
        "en",
        "--as-of",
        as_of,
        "--holidays",
        &notice,
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!out.contains("note:"), "{out}");
    assert!(out.contains("2027-02-08 is a statutory holiday (Spring Festival, holiday ruling added to the case: 国办发明电〔2026〕99号)"), "{out}");
    let (_, out, _) = run(&["assess", &case, "--as-of", as_of, "--holidays", &notice]);
    assert!(out.contains("\"channel\": \"hotline_24x7\""), "{out}");
}

#[test]
fn the_link_carries_the_rulings() {
    let case = case_at("2027-02-08T10:00:00+08:00");
    let notice = temp("notice-link.txt", NOTICE);
    let (code, out, err) = run(&[
        "link",
        &case,
        "--as-of",
        "2030-01-01T00:00:00+08:00",
        "--holidays",
        &notice,
    ]);
    assert_eq!(code, Some(0), "{err}");
    let fragment = out.trim().split("#c=").nth(1).unwrap_or_default();
    let opened = slacalc::link::decode(fragment).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(opened.case.holidays.len(), 4);
    assert_eq!(opened.case.holidays[0].source, "国办发明电〔2026〕99号");
}

#[test]
fn bad_rulings_are_refused_with_the_file_named() {
    let (code, _, err) = run(&[
        "calendar",
        "days",
        "2027-01-01",
        "2027-01-01",
        "--holidays",
        "/nonexistent/x.txt",
    ]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("--holidays /nonexistent/x.txt: cannot read"),
        "{err}"
    );
    let ics = temp("ics-for-ics.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    let notice = temp("notice-for-ics.txt", NOTICE);
    let (code, _, err) = run(&[
        "calendar",
        "days",
        "2027-01-01",
        "2027-01-01",
        "--calendar",
        &ics,
        "--holidays",
        &notice,
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("use it with --calendar prc"), "{err}");
}
