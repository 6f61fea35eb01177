//! Incident logs as Chinese offices keep them (issue #16), through `slacalc assess --csv`:
//! a GBK CSV with Chinese headers and `2025/3/3 8:10` times, a UTF-16 tab-separated file
//! with `2025年3月3日 8时10分` times and serial numbers, and a CSV whose headers need
//! `--map`, each assessed exactly as `examples/incidents.csv` is. The fixtures are made by
//! `tests/fixtures/spreadsheets/make.py` (Python's codecs, as Excel and WPS write them).

use serde_json::Value;
use std::process::{Command, Output};

fn root(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn assess(file: &str, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args(["assess", "--csv", &root(file), "--price", "1000000.00"])
        .args(["--warranty", "2024-01-01..2026-12-31"])
        .args(["--as-of", "2026-01-01T00:00:00+08:00"])
        .args(extra)
        .output()
        .expect("slacalc runs")
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)))
}

/// Asserts that `o` is the assessment of examples/incidents.csv: the same JSON, the same
/// exit status (1: its impossible 2025-04-31 is refused by line and column, the rest kept).
fn same_as_the_example(o: &Output, name: &str) -> String {
    let want = assess("examples/incidents.csv", &[]);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), want.status.code(), "{name}: {err}");
    assert_eq!(json(o), json(&want), "{name}");
    assert!(err.contains("line 5, column restored_at"), "{name}: {err}");
    err
}

#[test]
fn an_excel_gbk_csv_with_chinese_headers_reads_as_the_example() {
    let out = assess("tests/fixtures/spreadsheets/incidents-gbk.csv", &[]);
    let err = same_as_the_example(&out, "GBK");
    assert!(
        err.contains("GB18030, comma-separated, 7 rows; 0 columns by name, 15 by synonym, 0 by --map, 0 left out; 1 rows with problems"),
        "{err}"
    );
}

#[test]
fn a_utf16_tab_separated_file_with_serial_numbers_reads_as_the_example() {
    let out = assess("tests/fixtures/spreadsheets/incidents-utf16.txt", &[]);
    let err = same_as_the_example(&out, "UTF-16");
    assert!(err.contains("UTF-16LE, tab-separated, 7 rows"), "{err}");
}

#[test]
fn unknown_headers_are_named_and_read_once_mapped() {
    let file = "tests/fixtures/spreadsheets/incidents-unmapped.csv";
    // Unmapped: nothing is assessed; each unknown column is named, with the way out.
    let out = assess(file, &[]);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("column 单号: unknown field \"单号\""), "{err}");
    assert!(err.contains("column 备注"), "{err}");
    assert!(err.contains("--map COLUMN=FIELD"), "{err}");
    // Mapped (and the remarks left out): the example's assessment.
    let map = [
        "单号=id",
        "开单=reported_at",
        "紧急程度=declared_priority",
        "波及面=mailboxes_affected_pct",
        "能否使用=system_usable",
        "损坏情况=seriously_damaged",
        "类别=kind",
        "归因=cause",
        "宕机=interrupted_from",
        "复原=restored_at",
        "回电=phone_response_at",
        "远程=remote_access_at",
        "答复=response_at",
        "天灾=force_majeure",
        "客户停工=customer_pauses",
        "备注=-",
    ];
    let args: Vec<String> = map
        .iter()
        .flat_map(|m| ["--map".to_string(), m.to_string()])
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = assess(file, &args);
    let err = same_as_the_example(&out, "mapped");
    assert!(
        err.contains("0 by synonym, 15 by --map, 1 left out"),
        "{err}"
    );
    // A mapping to a field that does not exist is refused, naming it.
    let out = assess(file, &["--map", "单号=ticket_no"]);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("unknown field \"ticket_no\""), "{err}");
}

#[test]
fn the_1904_date_system_is_read_when_asked() {
    // The UTF-16 file's restorations are 1900-system serials: read as 1904 ones they land
    // four years and a day later, so the assessment differs; `--dates 1905` is refused.
    let file = "tests/fixtures/spreadsheets/incidents-utf16.txt";
    let as_1904 = assess(file, &["--dates", "1904"]);
    let v = json(&as_1904);
    assert_eq!(
        v["incidents"][0]["deadlines"][2]["actual"],
        "2029-03-05T15:00:00+08:00"
    );
    let bad = assess(file, &["--dates", "1905"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--dates \"1905\""));
}

/// The fixture written by openpyxl (`make_xlsx.py`): date cells and General serials.
const XLSX: &str = "tests/fixtures/spreadsheets/ledger-openpyxl.xlsx";

#[test]
fn an_openpyxl_workbook_reads_as_the_example_and_as_the_gbk_csv() {
    let out = assess(XLSX, &[]);
    let err = same_as_the_example(&out, "xlsx");
    assert!(
        err.contains("ledger-openpyxl.xlsx: xlsx, sheet 事件 (1 of 2), 7 rows; 0 columns by name, 15 by synonym, 0 by --map, 0 left out; 1 rows with problems"),
        "{err}"
    );
    // The assessed ledger (CSV) is the GBK file's, byte for byte.
    let csv = |file: &str| assess(file, &["--format", "csv"]).stdout;
    assert_eq!(
        String::from_utf8_lossy(&csv(XLSX)),
        String::from_utf8_lossy(&csv("tests/fixtures/spreadsheets/incidents-gbk.csv"))
    );
    // --ledger is the same flag as --csv.
    let out = Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args(["assess", "--ledger", &root(XLSX), "--price", "1000000.00"])
        .args(["--warranty", "2024-01-01..2026-12-31"])
        .args(["--as-of", "2026-01-01T00:00:00+08:00"])
        .output()
        .expect("slacalc runs");
    assert_eq!(json(&out), json(&assess(XLSX, &[])));
}

#[test]
fn a_sheet_is_chosen_by_name_or_number() {
    let by_name = assess(XLSX, &["--sheet", "事件"]);
    let by_number = assess(XLSX, &["--sheet", "1"]);
    assert_eq!(json(&by_name), json(&by_number));
    // The notes sheet is no ledger: its header is named.
    let notes = assess(XLSX, &["--sheet", "2"]);
    let err = String::from_utf8_lossy(&notes.stderr).to_string();
    assert_eq!(notes.status.code(), Some(2), "{err}");
    assert!(err.contains("sheet 说明 (2 of 2)"), "{err}");
    assert!(err.contains("line 1, column 说明: unknown field"), "{err}");
    // A sheet that is not there: the sheets are listed.
    let missing = assess(XLSX, &["--sheet", "3"]);
    let err = String::from_utf8_lossy(&missing.stderr).to_string();
    assert_eq!(missing.status.code(), Some(2), "{err}");
    assert!(
        err.contains("no sheet \"3\" (the sheets: 事件, 说明)"),
        "{err}"
    );
    // --sheet with a text table is a usage error.
    let csv = assess("examples/incidents.csv", &["--sheet", "1"]);
    assert_eq!(csv.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&csv.stderr).contains("--sheet \"1\" is for workbooks"));
}

#[test]
fn bytes_that_look_like_a_workbook_but_are_not_are_refused() {
    let path = std::env::temp_dir().join(format!("slacalc-not-a-book-{}.xlsx", std::process::id()));
    std::fs::write(&path, b"PK\x03\x04 this is no zip").expect("temp file");
    let out = Command::new(env!("CARGO_BIN_EXE_slacalc"))
        .args(["assess", "--ledger"])
        .arg(&path)
        .args([
            "--price",
            "1000000.00",
            "--warranty",
            "2024-01-01..2026-12-31",
        ])
        .output()
        .expect("slacalc runs");
    let _ = std::fs::remove_file(&path);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("not a workbook this reader knows"), "{err}");
}

#[test]
fn the_assessed_ledger_as_xlsx_holds_the_csvs_values() {
    use slacalc::grid::Cell;
    let out = assess(XLSX, &["--format", "xlsx", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let book = slacalc_workbook::read_workbook(&out.stdout, &slacalc_workbook::SheetChoice::First)
        .expect("an .xlsx");
    assert_eq!(book.sheet, "assessed");
    let csv = assess(XLSX, &["--format", "csv"]).stdout;
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let head: Vec<String> = book.grid.rows[0]
        .iter()
        .map(|c| c.text().into_owned())
        .collect();
    assert_eq!(head, header);
    for (row, record) in book.grid.rows[1..].iter().zip(reader.records()) {
        let record = record.expect("a CSV row");
        for (cell, text) in row.iter().zip(record.iter()) {
            match cell {
                Cell::DateTime(t) => {
                    let due = slacalc::Instant::parse(text).expect("an instant");
                    let wall = due.0.with_timezone(&slacalc::time::CONTRACT_OFFSET);
                    assert_eq!(*t, wall.naive_local());
                }
                Cell::Number(n) => assert_eq!(Some(*n), text.parse().ok(), "{text}"),
                Cell::Empty => assert_eq!(text, ""),
                other => assert_eq!(other.text(), text),
            }
        }
    }
}

#[test]
fn incidents_are_written_back_as_csv_or_xlsx_and_read_again() {
    let run = |file: &str, extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_slacalc"))
            .args(["incidents", "--ledger", file])
            .args(extra)
            .output()
            .expect("slacalc runs")
    };
    let csv = run(&root(XLSX), &["--lang", "zh"]);
    assert_eq!(csv.status.code(), Some(1), "the bad row is reported");
    let text = String::from_utf8_lossy(&csv.stdout).to_string();
    assert!(text.starts_with("编号,报告时间,优先级,"), "{text}");
    assert_eq!(text.lines().count(), 7, "the header and six good rows");
    let book = run(&root(XLSX), &["--format", "xlsx"]);
    let path = std::env::temp_dir().join(format!("slacalc-incidents-{}.xlsx", std::process::id()));
    std::fs::write(&path, &book.stdout).expect("temp file");
    // The written workbook reads back to the same incidents, with no problem.
    let again = run(path.to_str().expect("a path"), &[]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(
        again.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let en = run(&root(XLSX), &[]);
    assert_eq!(again.stdout, en.stdout);
}

#[test]
fn xls_and_ods_workbooks_read_as_the_xlsx() {
    let csv = |file: &str| assess(file, &["--format", "csv"]);
    let want = csv(XLSX);
    for (file, kind) in [
        (
            "tests/fixtures/spreadsheets/ledger-xlwt.xls",
            "xls, sheet 事件 (1 of 1), 7 rows",
        ),
        (
            "tests/fixtures/spreadsheets/ledger-odfpy.ods",
            "ods, sheet 事件 (1 of 1), 7 rows",
        ),
    ] {
        let out = csv(file);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(1), "{file}: {err}");
        assert_eq!(out.stdout, want.stdout, "{file}");
        assert!(err.contains(kind), "{err}");
        assert!(err.contains("line 5, column restored_at"), "{err}");
    }
}
