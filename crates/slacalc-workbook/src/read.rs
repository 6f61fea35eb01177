//! Reading a workbook's sheet into the engine's grid of typed cells.

use crate::WorkbookError;
use calamine::{Data, DataRef, Reader, Sheets};
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
    // An .xls: its records checked before calamine opens it (it reads the defined names
    // then), and its workbook stream given to calamine in a compound file written anew.
    let clean;
    let bytes = if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        clean = crate::biff::clean_xls(bytes)?;
        &clean[..]
    } else {
        bytes
    };
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| WorkbookError::NotAWorkbook(e.to_string()))?;
    let format = match &book {
        Sheets::Xlsx(_) => WorkbookFormat::Xlsx,
        Sheets::Xlsb(_) => WorkbookFormat::Xlsb,
        Sheets::Xls(_) => WorkbookFormat::Xls,
        Sheets::Ods(_) => WorkbookFormat::Ods,
    };
    if format == WorkbookFormat::Xlsx {
        // Before calamine parses a sheet's references (opening it parsed none).
        crate::guard::check_xlsx(bytes)?;
    }
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
    let broken = |e: &dyn std::fmt::Display| WorkbookError::Sheet {
        sheet: sheet.clone(),
        reason: e.to_string(),
    };
    // .xlsx and .xlsb are read cell by cell, so a stray cell far away (XFD1048576) costs one
    // cell, not a dense range of billions; .xls is at most 65,536 × 256, read whole.
    let cells = match &mut book {
        Sheets::Xlsx(x) => {
            let mut reader = x.worksheet_cells_reader(&sheet).map_err(|e| broken(&e))?;
            let mut cells = Vec::new();
            while let Some(c) = reader.next_cell().map_err(|e| broken(&e))? {
                if let Some(v) = cell_ref(c.get_value()) {
                    cells.push((c.get_position(), v));
                }
            }
            cells
        }
        Sheets::Xlsb(x) => {
            let mut reader = x.worksheet_cells_reader(&sheet).map_err(|e| broken(&e))?;
            let mut cells = Vec::new();
            while let Some(c) = reader.next_cell().map_err(|e| broken(&e))? {
                if let Some(v) = cell_ref(c.get_value()) {
                    cells.push((c.get_position(), v));
                }
            }
            cells
        }
        other => {
            let range = other.worksheet_range(&sheet).map_err(|e| broken(&e))?;
            // used_cells counts from the range's start; positions here are the sheet's.
            let (top, left) = range.start().unwrap_or((0, 0));
            range
                .used_cells()
                .filter_map(|(r, c, v)| {
                    let r = top.checked_add(u32::try_from(r).ok()?)?;
                    let c = left.checked_add(u32::try_from(c).ok()?)?;
                    Some(((r, c), cell(v)))
                })
                .collect()
        }
    };
    let grid = grid_of(cells).ok_or_else(|| {
        broken(&format!(
            "more than {MAX_SLOTS} cells between its first and last used ones; a ledger is a table from its header on"
        ))
    })?;
    Ok(WorkbookRead {
        format,
        sheet,
        sheets,
        grid,
    })
}

/// The most cells (used or between used ones) a sheet's grid may hold: 4,000,000, e.g.
/// 100,000 rows of 40 columns (the engine reads at most 100,000 incidents).
pub(crate) const MAX_SLOTS: usize = 4_000_000;

/// Used cells, at their (row, column), as rows from the first used row and column on (each
/// row as long as its last used cell); `None` past [`MAX_SLOTS`].
fn grid_of(mut cells: Vec<((u32, u32), Cell)>) -> Option<Grid> {
    let top = cells.iter().map(|((r, _), _)| *r).min().unwrap_or(0);
    let left = cells.iter().map(|((_, c), _)| *c).min().unwrap_or(0);
    cells.sort_by_key(|(pos, _)| *pos);
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut slots = 0usize;
    for ((r, c), v) in cells {
        let (r, c) = (
            usize::try_from(r - top).ok()?,
            usize::try_from(c - left).ok()?,
        );
        if rows.len() <= r {
            slots = slots.checked_add(r + 1 - rows.len())?;
            if slots > MAX_SLOTS {
                return None;
            }
            rows.resize_with(r + 1, Vec::new);
        }
        let row = rows.get_mut(r)?;
        if row.len() <= c {
            slots = slots.checked_add(c + 1 - row.len())?;
            if slots > MAX_SLOTS {
                return None;
            }
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = v;
    }
    Some(Grid {
        first_line: usize::try_from(top).ok()? + 1,
        rows,
    })
}

/// A cell of the streaming readers as the engine takes it; `None` when empty.
fn cell_ref(data: &DataRef<'_>) -> Option<Cell> {
    let c = match data {
        DataRef::Empty => return None,
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Text(b.to_string()),
        DataRef::DateTime(d) if d.is_datetime() => date_time(d).unwrap_or(Cell::Serial(d.as_f64())),
        DataRef::DateTime(d) => Cell::Number(d.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Text(e.to_string()),
    };
    Some(c)
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
/// for a date that does not exist (Excel's 29 February 1900) or lies outside Excel's dates
/// (serial 0 to 2,958,465, 9999-12-31: calamine's conversion overflows past them; the serial
/// is then kept as a number, which the engine refuses by row and column).
fn date_time(d: &calamine::ExcelDateTime) -> Option<Cell> {
    if !(0.0..2_958_466.0).contains(&d.as_f64()) {
        return None;
    }
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
