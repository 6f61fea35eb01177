//! A ledger file given with `--ledger` (or `--csv`): a workbook, found from its first bytes
//! (`PK\x03\x04`: .xlsx, .xlsb, .ods; `D0 CF 11 E0`: .xls) and read by `slacalc-workbook`, or a
//! text table decoded as Chinese offices save it (`decode`). Both become the engine's grid of
//! cells and are mapped by the same engine code (`table::read_grid`, `table::read_table`).

use slacalc::table::{self, ReadOptions, ReadReport, TableRead};
use slacalc::terms::TermsSpec;
use slacalc_workbook::{FileKind, SheetChoice};

/// A ledger read: the incidents and problems, and the line that says what was done, when
/// there is one to say.
pub struct LedgerRead {
    /// What the engine read.
    pub read: TableRead,
    /// `incidents.csv: GB18030, comma-separated, 7 rows; …` or
    /// `ledger.xlsx: xlsx, sheet 事件 (1 of 2), 7 rows; …`; `None` for a plain UTF-8 CSV of
    /// field names (scripts then see only problems).
    pub summary: Option<String>,
}

/// Reads the ledger in `bytes` (named `path` in messages), the sheet `sheet` of a workbook
/// (the first when `None`). Errors are the message of a file that is no readable ledger.
pub fn read_ledger(
    path: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    terms: &TermsSpec,
    opts: &ReadOptions,
) -> Result<LedgerRead, String> {
    match slacalc_workbook::sniff(bytes) {
        FileKind::Zip | FileKind::Ole => {
            let choice = sheet.map_or(SheetChoice::First, |s| SheetChoice::Named(s.into()));
            let book = slacalc_workbook::read_workbook(bytes, &choice)
                .map_err(|e| format!("{path}: {e}"))?;
            let read = table::read_grid(&book.grid, terms, opts);
            let number = book
                .sheets
                .iter()
                .position(|s| *s == book.sheet)
                .map_or(1, |n| n + 1);
            let what = format!(
                "{}, sheet {} ({number} of {})",
                book.format.name(),
                book.sheet,
                book.sheets.len()
            );
            let summary = Some(summary_line(path, &what, &read.report));
            Ok(LedgerRead { read, summary })
        }
        FileKind::Text => {
            if let Some(s) = sheet {
                return Err(format!(
                    "{path}: --sheet \"{s}\" is for workbooks (.xlsx, .xls, .ods); this is a text table"
                ));
            }
            let decoded = crate::decode::decode(bytes);
            let read = table::read_table(&decoded.text, terms, opts);
            let r = &read.report;
            let sep = match r.separator {
                '\t' => "tab",
                ';' => "semicolon",
                _ => "comma",
            };
            // Said when the file needed more than reading.
            let plain = decoded.encoding == "UTF-8"
                && r.separator == ','
                && r.by_synonym + r.by_user + r.ignored == 0;
            let what = format!("{}, {sep}-separated", decoded.encoding);
            let summary = (!plain).then(|| summary_line(path, &what, r));
            Ok(LedgerRead { read, summary })
        }
    }
}

/// `PATH: WHAT, N rows; …` with the report's counts.
fn summary_line(path: &str, what: &str, r: &ReadReport) -> String {
    format!(
        "{path}: {what}, {} rows; {} columns by name, {} by synonym, {} by --map, {} left out; {} rows with problems",
        r.rows, r.by_name, r.by_synonym, r.by_user, r.ignored, r.bad_rows
    )
}
