//! References in an `.xlsx`'s worksheets that calamine 0.35 cannot take, refused before it
//! reads a sheet.
//!
//! calamine turns a cell reference into its row and column with unchecked arithmetic
//! (`xlsx/mod.rs`, `get_row_and_optional_column`: `col * 26 + …`, `row * 10 + …`), so a long
//! reference (`A99999999999`, `AAAAAAAAA1`) overflows: a panic where overflow is checked (debug
//! and fuzzing builds), a wrong cell position where it wraps (release). A two-part range whose
//! end comes before its start (`B2:A1`) is subtracted the same way (`get_dimension`). Its sheet
//! reader parses the `r` of every `<c>` and `<row>` and the `ref` of the `<dimension>`.
//!
//! This scan is a plain byte scan, stricter than calamine's XML reader and cheap (on the
//! 10,000-row `.xlsx` of `benches/import.rs`, 77 ms to read instead of 73; a second pass of
//! quick-xml with calamine's settings took 113): in every
//! worksheet part, every attribute named `r` or `ref` (`name="…"` or `name='…'`, whichever
//! element holds it, even one inside a comment or a value) is read as calamine reads a
//! reference, and one past Excel's grid (1,048,576 rows, 16,384 columns: XFD), or a range that
//! ends before it starts, is refused. Malformed references are left to calamine, which refuses
//! them itself; a reference is read only up to where calamine would stop reading it.

use crate::error::{RefPlace, RefProblem, WorkbookError};
use std::io::{Cursor, Read};

/// Excel's last row, counted from 1.
const MAX_ROWS: u32 = 1_048_576;
/// Excel's last column (XFD), counted from 1.
const MAX_COLUMNS: u32 = 16_384;
/// The longest reference an error repeats (a fuzzed one may be any length).
const SHOWN: usize = 40;

/// Checks every part an `.xlsx` sheet may be read from (`xl/worksheets/…`, and chart and dialog
/// sheets, named as calamine finds them: any case, `\` or `/`). Bytes that are no ZIP, and
/// parts that cannot be opened, pass: calamine says what is wrong with them.
pub(crate) fn check_xlsx(bytes: &[u8]) -> Result<(), WorkbookError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    for i in 0..zip.len() {
        let Some(name) = zip.name_for_index(i) else {
            continue;
        };
        let name = name.replace('\\', "/");
        let lower = name.to_ascii_lowercase();
        let sheet = ["xl/worksheets/", "xl/chartsheets/", "xl/dialogsheets/"]
            .iter()
            .any(|p| lower.starts_with(p));
        if !sheet {
            continue;
        }
        let Ok(file) = zip.by_index(i) else {
            continue;
        };
        check_sheet(file, &name)?;
    }
    Ok(())
}

/// Reads one worksheet part in blocks, each checked up to its last `>` (the rest carried into
/// the next), so that an attribute is never cut but inside its value. A read error (a damaged
/// ZIP entry) ends the scan after what was read: calamine stops there too.
fn check_sheet<R: Read>(mut xml: R, part: &str) -> Result<(), WorkbookError> {
    let mut block = vec![0u8; 64 * 1024];
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let n = xml.read(&mut block).unwrap_or(0);
        let Some(block) = block.get(..n).filter(|b| !b.is_empty()) else {
            return check_chunk(&carry, part);
        };
        let Some(last) = block.iter().rposition(|&b| b == b'>') else {
            carry.extend_from_slice(block);
            continue;
        };
        let (head, tail) = block.split_at(last + 1);
        if carry.is_empty() {
            check_chunk(head, part)?;
        } else {
            carry.extend_from_slice(head);
            check_chunk(&carry, part)?;
            carry.clear();
        }
        carry.extend_from_slice(tail);
    }
}

/// Every `r="…"` and `ref="…"` of a piece of XML ending at a `>` (a value holding a `>` may be
/// cut there: calamine stops reading a reference at its first character that is no letter or
/// digit, and so does [`parse`]).
fn check_chunk(chunk: &[u8], part: &str) -> Result<(), WorkbookError> {
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let mut from = 0;
    while let Some(eq) = chunk[from..].iter().position(|&b| b == b'=') {
        let eq = from + eq;
        from = eq + 1;
        // The name before `=` (spaces allowed between): back to a space, quote, `<` or `/`.
        let mut end = eq;
        while end > 0 && space(chunk[end - 1]) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && !space(chunk[start - 1]) && !b"\"'</".contains(&chunk[start - 1]) {
            start -= 1;
        }
        let key = &chunk[start..end];
        if key != b"r" && key != b"ref" {
            continue;
        }
        // The quoted value after it, up to its closing quote or the end of the piece.
        let mut v = eq + 1;
        while v < chunk.len() && space(chunk[v]) {
            v += 1;
        }
        let Some(&quote) = chunk.get(v).filter(|q| matches!(q, b'"' | b'\'')) else {
            continue;
        };
        let rest = &chunk[v + 1..];
        let value = &rest[..rest.iter().position(|&b| b == quote).unwrap_or(rest.len())];
        let place = match (key, element(&chunk[..start])) {
            (b"r", b"row") => RefPlace::Row,
            (b"r", _) => RefPlace::Cell,
            (_, b"dimension") => RefPlace::Dimension,
            _ => RefPlace::Range,
        };
        check_value(place, value, part)?;
    }
    Ok(())
}

/// The local name of the element whose tag ends `before` (`x:row` → `row`).
fn element(before: &[u8]) -> &[u8] {
    let Some(lt) = before.iter().rposition(|&b| b == b'<') else {
        return b"";
    };
    let name = &before[lt + 1..];
    let name = &name[..name
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/')
        .unwrap_or(name.len())];
    name.rsplit(|&b| b == b':').next().unwrap_or(name)
}

/// One `r` or `ref` attribute's value.
fn check_value(place: RefPlace, value: &[u8], part: &str) -> Result<(), WorkbookError> {
    let refuse = |problem| {
        let mut reference = String::from_utf8_lossy(value).into_owned();
        if let Some((cut, _)) = reference.char_indices().nth(SHOWN) {
            reference.truncate(cut);
            reference.push('…');
        }
        WorkbookError::Reference {
            place,
            reference,
            part: part.to_string(),
            problem,
        }
    };
    if matches!(place, RefPlace::Cell | RefPlace::Row) {
        return match parse(value) {
            Parsed::Beyond(p) => Err(refuse(p)),
            Parsed::At { .. } | Parsed::Malformed => Ok(()),
        };
    }
    // A range: `A1` or `A1:D20`, each part a cell (calamine's `get_dimension`).
    let mut cells = Vec::new();
    for part in value.split(|&b| b == b':') {
        match parse(part) {
            Parsed::Beyond(p) => return Err(refuse(p)),
            Parsed::At {
                row,
                col: Some(col),
            } => cells.push((row, col)),
            Parsed::At { col: None, .. } | Parsed::Malformed => return Ok(()),
        }
    }
    if let [start, end] = cells[..] {
        if end.0 < start.0 || end.1 < start.1 {
            return Err(refuse(RefProblem::Reversed));
        }
    }
    Ok(())
}

/// A reference as calamine reads it: letters for the column, then digits for the row.
#[derive(Debug, PartialEq, Eq)]
enum Parsed {
    /// Within Excel's grid: the row and the column (if any), counted from 1.
    At { row: u32, col: Option<u32> },
    /// Past Excel's grid (calamine's arithmetic may overflow on it).
    Beyond(RefProblem),
    /// Not a reference calamine takes (it refuses it with an error of its own).
    Malformed,
}

/// Reads a reference as calamine's `get_row_and_optional_column` does, with the column and
/// the row stopped as soon as they pass Excel's limits (so nothing here overflows).
fn parse(s: &[u8]) -> Parsed {
    let mut col: u32 = 0;
    let mut row: u32 = 0;
    let mut digits = false;
    for &b in s {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' if !digits => {
                col = col * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1;
                if col > MAX_COLUMNS {
                    return Parsed::Beyond(RefProblem::Columns);
                }
            }
            b'0'..=b'9' => {
                digits = true;
                row = row * 10 + u32::from(b - b'0');
                if row > MAX_ROWS {
                    return Parsed::Beyond(RefProblem::Rows);
                }
            }
            _ => return Parsed::Malformed,
        }
    }
    if row == 0 {
        return Parsed::Malformed;
    }
    Parsed::At {
        row,
        col: (col > 0).then_some(col),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_read_as_calamine_reads_them() {
        assert_eq!(
            parse(b"A1"),
            Parsed::At {
                row: 1,
                col: Some(1)
            }
        );
        assert_eq!(
            parse(b"xfd1048576"),
            Parsed::At {
                row: 1_048_576,
                col: Some(16_384)
            }
        );
        assert_eq!(parse(b"7"), Parsed::At { row: 7, col: None });
        assert_eq!(
            parse(b"A00000000000001"),
            Parsed::At {
                row: 1,
                col: Some(1)
            }
        );
        assert_eq!(parse(b"A1048577"), Parsed::Beyond(RefProblem::Rows));
        assert_eq!(parse(b"A99999999999"), Parsed::Beyond(RefProblem::Rows));
        assert_eq!(parse(b"XFE1"), Parsed::Beyond(RefProblem::Columns));
        assert_eq!(
            parse(b"aaaaaaaaaaaaa1"),
            Parsed::Beyond(RefProblem::Columns)
        );
        for bad in [&b""[..], b"A", b"A0", b"$A$1", b"A1B", b"A 1", b"A1:B2"] {
            assert_eq!(parse(bad), Parsed::Malformed, "{bad:?}");
        }
    }

    #[test]
    fn every_r_and_ref_attribute_is_checked() {
        let sheet = |xml: &str| check_sheet(xml.as_bytes(), "xl/worksheets/sheet1.xml");
        let ok = r#"<worksheet><dimension ref="A1:B2"/><sheetData>
            <row r="1" spans="1:99999999"><c r="A1" s="9999999999999"/><c/></row>
            <row r = '2'><c r="XFD1048576" t="s"><f t="shared" ref="A1:A9" si="0">1</f></c></row>
            <c x:r="A99999999999" rr="A99999999999"/></sheetData></worksheet>"#;
        assert_eq!(sheet(ok), Ok(()));
        let e = sheet(r#"<worksheet><sheetData><row r="1"><c r="A99999999999"><v>1</v></c></row></sheetData></worksheet>"#)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "cell reference A99999999999 in sheet xl/worksheets/sheet1.xml is beyond Excel's 1,048,576 rows"
        );
        let e = sheet(
            r#"<x:worksheet><x:sheetData><x:row r="99999999999"/></x:sheetData></x:worksheet>"#,
        )
        .unwrap_err();
        assert!(
            e.to_string().starts_with("row number 99999999999 in sheet"),
            "{e}"
        );
        let e =
            sheet(r#"<worksheet><dimension ref="A1:XFE3"/><sheetData/></worksheet>"#).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("is beyond Excel's 16,384 columns (XFD)"),
            "{e}"
        );
        let e =
            sheet(r#"<worksheet><dimension ref="B2:A1"/><sheetData/></worksheet>"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "dimension B2:A1 in sheet xl/worksheets/sheet1.xml is a range that ends before it starts"
        );
        let e = sheet(r#"<mergeCells><mergeCell ref="A1:A2000000"/></mergeCells>"#).unwrap_err();
        assert!(
            e.to_string().starts_with("range A1:A2000000 in sheet"),
            "{e}"
        );
        // Stricter than calamine: wherever it stands, with no space before it, in a comment.
        for xml in [
            r#"<c a="1"r="A99999999999">"#,
            r#"<!-- <c r="A99999999999"> -->"#,
            r#"<c r="aaaaaaaaaa1">"#,
        ] {
            assert!(sheet(xml).is_err(), "{xml}");
        }
        // A value cut at a `>` is read up to it, as calamine reads it (and stops there).
        assert!(sheet(r#"<c r="A99999999999>"/>"#).is_err());
        assert_eq!(sheet(r#"<c r="A1>99999999999"/>"#), Ok(()));
        // Malformed ones are calamine's to refuse.
        assert_eq!(
            sheet(r#"<worksheet><dimension ref="A1:B"/><sheetData/></worksheet>"#),
            Ok(())
        );
    }

    #[test]
    fn a_long_reference_is_shortened_in_the_error() {
        let long = format!("A{}", "9".repeat(500));
        let e = check_value(RefPlace::Cell, long.as_bytes(), "xl/worksheets/s.xml").unwrap_err();
        assert!(e.to_string().len() < 200, "{e}");
    }
}
