//! Reading a workbook's sheet into the engine's grid of typed cells.

use crate::WorkbookError;
use calamine::{Data, Reader, Sheets};
use chrono::NaiveDate;
use slacalc::grid::{Cell, Grid};
use std::io::Cursor;

/// What the first bytes of a ledger file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A ZIP container (`PK\x03\x04`): `.xlsx`, `.xlsb` or `.ods`.
    Zip,
    /// An OLE compound file (`D0 CF 11 E0`): `.xls`.
    Ole,
    /// Anything else: read as text (CSV).
    Text,
}

/// The kind of a file, from its first bytes, never from its name.
pub fn sniff(bytes: &[u8]) -> FileKind {
    match bytes {
        [0x50, 0x4B, 0x03, 0x04, ..] => FileKind::Zip,
        [0xD0, 0xCF, 0x11, 0xE0, ..] => FileKind::Ole,
        _ => FileKind::Text,
    }
}

/// The format of a workbook read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookFormat {
    /// Office Open XML (Excel 2007 on, WPS).
    Xlsx,
    /// Excel's binary workbook.
    Xlsb,
    /// Excel 97–2003.
    Xls,
    /// OpenDocument (LibreOffice, WPS).
    Ods,
}

impl WorkbookFormat {
    /// Its usual file extension, as the import summary names it (`xlsx`).
    pub fn name(self) -> &'static str {
        match self {
            WorkbookFormat::Xlsx => "xlsx",
            WorkbookFormat::Xlsb => "xlsb",
            WorkbookFormat::Xls => "xls",
            WorkbookFormat::Ods => "ods",
        }
    }
}

/// Which sheet to read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SheetChoice {
    /// The first sheet.
    #[default]
    First,
    /// The sheet of this name, or, when no sheet has it and it is a number, the sheet of that
    /// number counted from 1 (`--sheet 事件`, `--sheet 2`).
    Named(String),
}

/// A sheet read: the workbook's format, the sheet's name, every sheet's name, and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkbookRead {
    /// The format found.
    pub format: WorkbookFormat,
    /// The sheet read.
    pub sheet: String,
    /// All sheets, in order.
    pub sheets: Vec<String>,
    /// Its cells, from its first used row and column on; `first_line` is the sheet's row
    /// number of the first row.
    pub grid: Grid,
}

/// Reads one sheet of a workbook (`.xlsx`, `.xlsb`, `.xls`, `.ods`, found from the bytes)
/// into a grid of typed cells: text as text, numbers as numbers, date cells as wall-clock
/// date-times (rounded to the second by the engine), booleans as `true`/`false`, error cells
/// as their text (`#N/A`, which the engine then refuses by row and column).
pub fn read_workbook(bytes: &[u8], choice: &SheetChoice) -> Result<WorkbookRead, WorkbookError> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| WorkbookError::NotAWorkbook(e.to_string()))?;
    let format = match &book {
        Sheets::Xlsx(_) => WorkbookFormat::Xlsx,
        Sheets::Xlsb(_) => WorkbookFormat::Xlsb,
        Sheets::Xls(_) => WorkbookFormat::Xls,
        Sheets::Ods(_) => WorkbookFormat::Ods,
    };
    let sheets = book.sheet_names();
    let sheet = match choice {
        SheetChoice::First => sheets.first().cloned(),
        SheetChoice::Named(name) => sheets.iter().find(|s| *s == name).cloned().or_else(|| {
            let n: usize = name.trim().parse().ok()?;
            sheets.get(n.checked_sub(1)?).cloned()
        }),
    };
    let Some(sheet) = sheet else {
        return Err(WorkbookError::NoSuchSheet {
            wanted: match choice {
                SheetChoice::First => "1".into(),
                SheetChoice::Named(n) => n.clone(),
            },
            available: sheets,
        });
    };
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| WorkbookError::Sheet {
            sheet: sheet.clone(),
            reason: e.to_string(),
        })?;
    let first_line = range
        .start()
        .map_or(1, |(row, _)| usize::try_from(row).unwrap_or(0) + 1);
    let rows = range
        .rows()
        .map(|row| row.iter().map(cell).collect())
        .collect();
    Ok(WorkbookRead {
        format,
        sheet,
        sheets,
        grid: Grid { first_line, rows },
    })
}

/// One cell as the engine takes it.
fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(d) if d.is_datetime() => date_time(d).unwrap_or(Cell::Serial(d.as_f64())),
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

/// A date cell as wall-clock time (in the workbook's own date system, 1900 or 1904); `None`
/// for a date that does not exist (Excel's 29 February 1900).
fn date_time(d: &calamine::ExcelDateTime) -> Option<Cell> {
    let (y, mo, day, h, mi, s, ms) = d.to_ymd_hms_milli();
    let t = NaiveDate::from_ymd_opt(i32::from(y), u32::from(mo), u32::from(day))?
        .and_hms_milli_opt(u32::from(h), u32::from(mi), u32::from(s), u32::from(ms))?;
    Some(Cell::DateTime(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_is_found_from_the_first_bytes() {
        assert_eq!(sniff(b"PK\x03\x04rest"), FileKind::Zip);
        assert_eq!(sniff(b"\xD0\xCF\x11\xE0\xA1\xB1"), FileKind::Ole);
        assert_eq!(sniff("编号,报障时间".as_bytes()), FileKind::Text);
        assert_eq!(sniff(b""), FileKind::Text);
    }

    #[test]
    fn bytes_that_are_no_workbook_are_refused() {
        let e = read_workbook(b"PK\x03\x04 not really", &SheetChoice::First);
        assert!(matches!(e, Err(WorkbookError::NotAWorkbook(_))), "{e:?}");
    }
}
