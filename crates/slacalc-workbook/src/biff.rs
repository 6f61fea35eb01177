//! The BIFF records of an `.xls` that calamine 0.35 cannot take, refused before it opens the
//! workbook (issue #16: no input makes the reader panic).
//!
//! calamine reads three records with unchecked arithmetic (`xls.rs`): a NAME (a defined
//! name, read when the workbook opens: `r.data.len() - cce`, and `r.data[14..]`), a DIMENSIONS
//! of a sheet (`end - start + 1` in rows and columns, then room reserved for rows × columns
//! cells) and a MULRK (several numbers in a row: `col_last - col_first + 1` in 16 bits). A
//! record that breaks that arithmetic overflows: a panic where overflow is checked (debug and
//! fuzzing builds), in a release build a wrapped count that reserves room for billions of
//! cells, which aborts.
//!
//! The workbook stream (`Workbook`, or `Book` for BIFF5) is read from the compound file with the
//! `cfb` crate, and its records are walked as calamine walks them: from the start (the
//! workbook's globals, where each sheet's BOUNDSHEET gives the sheet's place), then from each
//! sheet's place to its EOF. Every NAME, DIMENSIONS and MULRK on those walks is checked; one
//! that cannot be what Excel writes (a formula longer than its record, a range that ends
//! before it starts or lies past the BIFF8 grid of 65,536 rows and 256 columns, a MULRK whose
//! last column comes before its first) is refused with its place. calamine then reads the
//! stream from a compound file written anew ([`clean_xls`]), not from the file as given.

use crate::error::{WorkbookError, XlsRecord};
use crate::read::MAX_SLOTS;
use std::io::{Cursor, Read, Write};

/// BIFF8's last row, counted from 1.
const MAX_ROWS: u32 = 65_536;
/// BIFF8's last column (IV), counted from 1.
const MAX_COLUMNS: u32 = 256;

/// An `.xls` (an OLE compound file) as calamine is given it: its workbook stream read with
/// the `cfb` crate, its records checked, and written again as a compound file of that one
/// stream. calamine's own compound-file reader trusts the file's sector chains and sizes (an
/// assertion on a sector's length, indexes into the allocation table, a directory entry cut
/// short: each a panic, in release builds too); a file the `cfb` crate has just written holds
/// none of that. Bytes the `cfb` crate cannot read, or without a workbook stream, are refused.
pub(crate) fn clean_xls(bytes: &[u8]) -> Result<Vec<u8>, WorkbookError> {
    let damaged = |e: std::io::Error| WorkbookError::NotAWorkbook(format!("a damaged .xls: {e}"));
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(damaged)?;
    let mut stream = Vec::new();
    let mut found = false;
    for name in ["/Workbook", "/Book"] {
        if let Ok(mut s) = file.open_stream(name) {
            s.read_to_end(&mut stream).map_err(damaged)?;
            found = true;
            break;
        }
    }
    if !found {
        return Err(WorkbookError::NotAWorkbook(
            "an .xls without a workbook stream".into(),
        ));
    }
    check_stream(&stream)?;
    let mut out = cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))
        .map_err(damaged)?;
    out.create_stream("/Workbook")
        .and_then(|mut s| s.write_all(&stream))
        .map_err(damaged)?;
    out.flush().map_err(damaged)?;
    Ok(out.into_inner().into_inner())
}

/// Checks a workbook stream's records: the globals from the start, then each sheet from the
/// place its BOUNDSHEET gives.
pub(crate) fn check_stream(stream: &[u8]) -> Result<(), WorkbookError> {
    let mut sheets = Vec::new();
    walk(stream, 0, Some(&mut sheets))?;
    for at in sheets {
        walk(stream, at, None)?;
    }
    Ok(())
}

/// Where a sheet's cells lie: first and last row, first and last column.
#[derive(Default)]
struct Spread(Option<(u32, u32, u32, u32)>);

impl Spread {
    /// A cell at `row` in columns `first..=last`.
    fn add(&mut self, row: u32, first: u32, last: u32) {
        let (r0, r1, c0, c1) = self.0.unwrap_or((row, row, first, last));
        self.0 = Some((r0.min(row), r1.max(row), c0.min(first), c1.max(last)));
    }

    /// How many cells lie between the first and the last, as calamine lays them out.
    fn slots(&self) -> u64 {
        self.0.map_or(0, |(r0, r1, c0, c1)| {
            u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1)
        })
    }
}

/// Walks the records from byte `from` (the globals, collecting each sheet's place into
/// `sheets`; or a sheet, up to its EOF), checking each that calamine computes with. In a
/// sheet, the cells' spread too: calamine lays every sheet out as one dense range when it
/// opens the workbook, so a cell far from the others (column 65,535, say) would have it
/// allocate billions of cells; more than the reader takes ([`MAX_SLOTS`]) is refused.
fn walk(stream: &[u8], from: usize, sheets: Option<&mut Vec<usize>>) -> Result<(), WorkbookError> {
    let mut spread = Spread::default();
    let result = walk_records(stream, from, sheets, &mut spread);
    if spread.slots() > MAX_SLOTS as u64 {
        return Err(WorkbookError::XlsRecord {
            record: XlsRecord::Cells,
            at: from,
        });
    }
    result
}

fn walk_records(
    stream: &[u8],
    from: usize,
    mut sheets: Option<&mut Vec<usize>>,
    spread: &mut Spread,
) -> Result<(), WorkbookError> {
    let mut at = from;
    while let Some(head) = stream.get(at..at.saturating_add(4)) {
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        // A record cut short ends calamine's walk too.
        let Some(data) = stream.get(at + 4..at + 4 + len) else {
            return Ok(());
        };
        let bad = |record| Err(WorkbookError::XlsRecord { record, at });
        match typ {
            0x0018 if !name_ok(data) => return bad(XlsRecord::Name),
            0x0200 if !dimensions_ok(data) => return bad(XlsRecord::Dimensions),
            0x00BD if !mulrk_ok(data) => return bad(XlsRecord::MulRk),
            0x00BD if sheets.is_none() => {
                let last = data.len().checked_sub(2).and_then(|at| u16_at(data, at));
                if let (Some(row), Some(first), Some(last)) =
                    (u16_at(data, 0), u16_at(data, 2), last)
                {
                    spread.add(row, first, last);
                }
            }
            0x0085 => {
                if let (Some(sheets), Some(place)) = (sheets.as_deref_mut(), data.get(0..4)) {
                    let place = u32::from_le_bytes([place[0], place[1], place[2], place[3]]);
                    sheets.push(usize::try_from(place).unwrap_or(usize::MAX));
                }
            }
            // A sheet ends at its EOF (the globals are walked to the stream's end).
            0x000A if sheets.is_none() => return Ok(()),
            // Cells calamine places: NUMBER, LABEL, BOOLERR, RK, LABELSST, FORMULA (row,
            // column first), MULRK (a row of columns).
            0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x0006 if sheets.is_none() => {
                if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                    spread.add(row, col, col);
                }
            }
            _ => {}
        }
        at += 4 + len;
    }
    Ok(())
}

fn u16_at(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at + 2)?;
    Some(u32::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// A NAME: its 14-byte head, then its name and its formula of `cce` bytes within the record.
fn name_ok(data: &[u8]) -> bool {
    let cce = u16_at(data, 4).unwrap_or(0) as usize;
    data.len() >= 14 && cce <= data.len() - 14
}

/// A DIMENSIONS (BIFF8: rows in 32 bits, columns in 16; earlier: all in 16), read as calamine
/// reads it: first row, row past the last, first column, column past the last. A record of
/// another length is left to calamine, which refuses it.
fn dimensions_ok(data: &[u8]) -> bool {
    let read = match data.len() {
        10 => (|| {
            Some((
                u16_at(data, 0)?,
                u16_at(data, 2)?,
                u16_at(data, 4)?,
                u16_at(data, 6)?,
            ))
        })(),
        14 => (|| {
            Some((
                u32_at(data, 0)?,
                u32_at(data, 4)?,
                u16_at(data, 8)?,
                u16_at(data, 10)?,
            ))
        })(),
        _ => return true,
    };
    let Some((first_row, past_row, first_col, past_col)) = read else {
        return true;
    };
    // calamine's own correction: a first column past 255, or past the end, reads as 0.
    let first_col = if first_col > 0xFF || past_col < first_col {
        0
    } else {
        first_col
    };
    if past_row == 0 || past_col == 0 {
        // Read as the single cell at the start.
        return first_row < MAX_ROWS;
    }
    first_row < past_row
        && first_col < past_col
        && past_row <= MAX_ROWS
        && past_col <= MAX_COLUMNS
        // Room calamine reserves for the cells: no more than the reader takes.
        && u64::from(past_row - first_row) * u64::from(past_col - first_col) <= MAX_SLOTS as u64
}

/// A MULRK: row, first column, six bytes a number, last column; its last column no earlier
/// than its first (and not 65,535, whose count overflows 16 bits). Shorter than six bytes,
/// calamine refuses it.
fn mulrk_ok(data: &[u8]) -> bool {
    let (Some(first), Some(last)) = (
        u16_at(data, 2),
        data.len().checked_sub(2).and_then(|at| u16_at(data, at)),
    ) else {
        return true;
    };
    data.len() < 6 || (first <= last && last < 0xFFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One record: type, length, data.
    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend_from_slice(&u16::try_from(data.len()).unwrap_or(0).to_le_bytes());
        r.extend_from_slice(data);
        r
    }

    /// A stream: globals with one BOUNDSHEET, then the sheet's records and its EOF.
    fn stream(sheet: &[Vec<u8>]) -> Vec<u8> {
        let bof = record(0x0809, &[0; 16]);
        let mut globals = bof.clone();
        let boundsheet_len = 4 + 12;
        let eof = record(0x000A, &[]);
        let place = u32::try_from(globals.len() + boundsheet_len + eof.len()).unwrap_or(0);
        let mut bs = place.to_le_bytes().to_vec();
        bs.extend_from_slice(&[0, 0, 4, 0, b'a', b'b', b'c', b'd']);
        globals.extend(record(0x0085, &bs));
        globals.extend(eof.clone());
        globals.extend(bof);
        for r in sheet {
            globals.extend_from_slice(r);
        }
        globals.extend(eof);
        globals
    }

    fn dimensions(first_row: u32, past_row: u32, first_col: u16, past_col: u16) -> Vec<u8> {
        let mut d = first_row.to_le_bytes().to_vec();
        d.extend(past_row.to_le_bytes());
        d.extend(first_col.to_le_bytes());
        d.extend(past_col.to_le_bytes());
        d.extend([0, 0]);
        record(0x0200, &d)
    }

    fn mulrk(first: u16, last: u16) -> Vec<u8> {
        let mut d = vec![0, 0];
        d.extend(first.to_le_bytes());
        d.extend([0; 6]);
        d.extend(last.to_le_bytes());
        record(0x00BD, &d)
    }

    fn refused(s: &[u8]) -> Option<XlsRecord> {
        match check_stream(s) {
            Err(WorkbookError::XlsRecord { record, .. }) => Some(record),
            _ => None,
        }
    }

    #[test]
    fn records_excel_writes_pass() {
        let s = stream(&[dimensions(0, 7, 0, 11), mulrk(1, 1), mulrk(0, 255)]);
        assert_eq!(refused(&s), None);
        // A full-width sheet of 10,000 rows, and an empty sheet's dimensions.
        assert_eq!(refused(&stream(&[dimensions(0, 10_000, 0, 256)])), None);
        assert_eq!(refused(&stream(&[dimensions(0, 0, 0, 0)])), None);
    }

    #[test]
    fn records_that_break_calamines_arithmetic_are_refused() {
        // Rows 5 to 1 (fuzz/known/workbook_read-calamine-xls-dimensions-sub-overflow).
        assert_eq!(
            refused(&stream(&[dimensions(5, 1, 0, 3)])),
            Some(XlsRecord::Dimensions)
        );
        // A first column equal to its end.
        assert_eq!(
            refused(&stream(&[dimensions(0, 3, 4, 4)])),
            Some(XlsRecord::Dimensions)
        );
        // Past the grid: 4 billion rows would be reserved.
        assert_eq!(
            refused(&stream(&[dimensions(0, u32::MAX, 0, 3)])),
            Some(XlsRecord::Dimensions)
        );
        assert_eq!(refused(&stream(&[mulrk(5, 2)])), Some(XlsRecord::MulRk));
        // The whole grid's dimensions are more cells than the reader takes.
        assert_eq!(
            refused(&stream(&[dimensions(0, 65_536, 0, 256)])),
            Some(XlsRecord::Dimensions)
        );
        // Two cells far apart: calamine would lay out 65,536 × 65,536 cells between them.
        let number = |row: u16, col: u16| {
            let mut d = row.to_le_bytes().to_vec();
            d.extend(col.to_le_bytes());
            d.extend([0; 10]);
            record(0x0203, &d)
        };
        assert_eq!(
            refused(&stream(&[number(0, 0), number(65_535, 65_535)])),
            Some(XlsRecord::Cells)
        );
        assert_eq!(
            refused(&stream(&[number(0, 0), number(9, 9), mulrk(0, 200)])),
            None
        );
        assert_eq!(
            refused(&stream(&[mulrk(0, 0xFFFF)])),
            Some(XlsRecord::MulRk)
        );
        // A NAME whose formula is longer than the record, in the globals.
        let mut name = vec![0u8; 14];
        name[4] = 200;
        let mut s = record(0x0809, &[0; 16]);
        s.extend(record(0x0018, &name));
        assert_eq!(refused(&s), Some(XlsRecord::Name));
        assert_eq!(refused(&record(0x0018, &[0; 3])), Some(XlsRecord::Name));
    }

    #[test]
    fn records_after_a_sheets_eof_or_cut_short_are_left_alone() {
        let mut s = stream(&[]);
        s.extend(mulrk(5, 2));
        // After the sheet's EOF calamine reads no further; the globals' walk does read it.
        assert_eq!(refused(&s), Some(XlsRecord::MulRk));
        let cut = &record(0x00BD, &[0; 12])[..8];
        assert_eq!(refused(cut), None);
    }
}
