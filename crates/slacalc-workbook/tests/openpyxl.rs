//! The `.xlsx` this crate writes, opened by another program: Python's openpyxl reads the same
//! values (date cells as dates, amounts as numbers with format 0.00). Skipped, saying why,
//! only when python3 or openpyxl is missing (scripts/setup installs openpyxl).

mod common;

use common::assessment;
use slacalc::table::{assessment_export, ColumnKind};
use slacalc::text::Lang;
use std::collections::HashMap;
use std::process::Command;

/// Prints every cell of the first sheet as `row,col,type,value,number_format` lines.
const DUMP: &str = r#"
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print(ws.title)
for row in ws.iter_rows():
    for c in row:
        if c.value is None:
            continue
        v = c.value.strftime("%Y-%m-%d %H:%M:%S") if hasattr(c.value, "strftime") else c.value
        print(f"{c.row}\t{c.column}\t{type(c.value).__name__}\t{v}\t{c.number_format}")
"#;

fn openpyxl_missing() -> Option<String> {
    match Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
    {
        Err(e) => Some(format!("python3 cannot run: {e}")),
        Ok(o) if !o.status.success() => Some(format!(
            "openpyxl is not installed (scripts/setup installs it): {}",
            String::from_utf8_lossy(&o.stderr).trim()
        )),
        Ok(_) => None,
    }
}

/// Each cell openpyxl read, by (row, column) from 1: its type, value and number format.
type Cells = HashMap<(usize, usize), (String, String, String)>;

/// Writes `bytes` to a file, has openpyxl dump it, and returns the sheet's title and its
/// cells.
fn dump(bytes: &[u8], name: &str) -> (String, Cells) {
    let path = std::env::temp_dir().join(format!("slacalc-{name}-{}.xlsx", std::process::id()));
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new("python3")
        .args(["-c", DUMP])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_file(&path);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut lines = text.lines();
    let title = lines.next().unwrap_or_default().to_string();
    let mut seen = HashMap::new();
    for l in lines {
        let f: Vec<&str> = l.split('\t').collect();
        let (Ok(r), Ok(c)) = (f[0].parse::<usize>(), f[1].parse::<usize>()) else {
            panic!("{l}")
        };
        seen.insert(
            (r, c),
            (f[2].to_string(), f[3].to_string(), f[4].to_string()),
        );
    }
    (title, seen)
}

#[test]
fn openpyxl_reads_the_incidents_with_their_chinese_header_and_date_cells() {
    if let Some(why) = openpyxl_missing() {
        println!("skipped: {why}");
        return;
    }
    let incidents = common::incidents();
    let bytes =
        slacalc_workbook::incidents_xlsx(&incidents, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
    let (title, seen) = dump(&bytes, "openpyxl-incidents");
    assert_eq!(title, "事件");
    let want = slacalc::table::incident_export(&incidents, Lang::Zh);
    for (c, h) in want.header.iter().enumerate() {
        assert_eq!(
            seen.get(&(1, c + 1)).map(|x| x.1.as_str()),
            Some(h.as_str())
        );
    }
    // 报告时间 of the first incident: a date cell of its wall-clock time.
    let first = seen
        .get(&(2, 2))
        .map(|x| (x.0.as_str(), x.1.as_str(), x.2.as_str()));
    assert_eq!(
        first,
        Some(("datetime", "2025-03-03 08:10:00", "yyyy-mm-dd hh:mm"))
    );
}

#[test]
fn openpyxl_reads_the_assessed_ledger_with_the_same_values() {
    if let Some(why) = openpyxl_missing() {
        println!("skipped: {why}");
        return;
    }
    let a = assessment();
    let bytes = slacalc_workbook::assessment_xlsx(&a, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
    let (title, seen) = dump(&bytes, "openpyxl-assessed");
    assert_eq!(title, "评估结果");
    let want = assessment_export(&a, Lang::Zh);
    for (c, h) in want.header.iter().enumerate() {
        assert_eq!(
            seen.get(&(1, c + 1)).map(|x| x.1.as_str()),
            Some(h.as_str())
        );
    }
    let mut checked = 0;
    for (r, row) in want.rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let got = seen.get(&(r + 2, c + 1));
            if text.is_empty() {
                assert_eq!(got, None, "row {} col {}", r + 2, c + 1);
                continue;
            }
            let Some((ty, value, format)) = got else {
                panic!("row {} col {}: {text} missing", r + 2, c + 1)
            };
            match want.kinds[c] {
                ColumnKind::Time => {
                    let due = slacalc::Instant::parse(text).unwrap_or_else(|e| panic!("{e}"));
                    let wall = due.0.with_timezone(&slacalc::time::CONTRACT_OFFSET);
                    assert_eq!(ty, "datetime", "{text}");
                    assert_eq!(value, &wall.format("%Y-%m-%d %H:%M:%S").to_string());
                    assert_eq!(format, "yyyy-mm-dd hh:mm");
                }
                ColumnKind::Yuan => {
                    assert!(ty == "int" || ty == "float", "{ty} {text}");
                    let v: f64 = value.parse().unwrap_or(f64::NAN);
                    assert_eq!(format!("{v:.2}"), *text);
                    assert_eq!(format, "0.00");
                }
                ColumnKind::Number => {
                    let v: f64 = value.parse().unwrap_or(f64::NAN);
                    assert_eq!(Some(v), text.parse().ok(), "{text}");
                }
                ColumnKind::Text => assert_eq!(value, text),
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked}");
}
