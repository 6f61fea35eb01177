//! References in an `.xlsx`'s worksheets that calamine 0.35 cannot take, refused before it
//! reads a sheet.
//!
//! calamine turns a cell reference into its row and column with unchecked arithmetic
//! (`xlsx/mod.rs`, `get_row_and_optional_column`: `col * 26 + …`, `row * 10 + …`), so a long
//! reference (`A99999999999`, `AAAAAAAAA1`) overflows: a panic where overflow is checked (debug
//! and fuzzing builds), a wrong cell position where it wraps (release). A two-part dimension
//! whose end comes before its start (`B2:A1`) is subtracted the same way (`get_dimension`).
//! The sheet reader parses the `r` of every `<c>` and `<row>` in `<sheetData>`, and the `ref`
//! of a `<dimension>` before it; this scan reads those same attributes with the same XML
//! reader and settings, and refuses any past Excel's grid (1,048,576 rows, 16,384 columns:
//! XFD) or a dimension that ends before it starts. Malformed references are left to calamine,
//! which refuses them itself.

use crate::error::{RefPlace, RefProblem, WorkbookError};
use quick_xml::events::Event;
use quick_xml::name::QName;
use std::io::{BufReader, Cursor};

/// Excel's last row, counted from 1.
const MAX_ROWS: u32 = 1_048_576;
/// Excel's last column (XFD), counted from 1.
const MAX_COLUMNS: u32 = 16_384;
/// The longest reference an error repeats (a fuzzed one may be any length).
const SHOWN: usize = 40;

/// Checks every part an `.xlsx` sheet may be read from (`xl/worksheets/…`, and chart and dialog
/// sheets, named as calamine finds them: any case, `\` or `/`). Bytes that are no ZIP, and
/// parts that cannot be opened or are no XML, pass: calamine says what is wrong with them.
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
        check_sheet(BufReader::new(file), &name)?;
    }
    Ok(())
}

/// Reads one worksheet's XML as calamine's cell reader does, up to the end of its
/// `<sheetData>`, checking the references it would parse.
fn check_sheet<R: std::io::BufRead>(xml: R, part: &str) -> Result<(), WorkbookError> {
    let mut xml = quick_xml::Reader::from_reader(xml);
    // calamine's settings (xlsx/mod.rs, `xml_reader`), so both see the same elements.
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buf = Vec::new();
    let mut in_data = false;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                let (place, key) = match e.local_name().as_ref() {
                    b"sheetData" => {
                        in_data = true;
                        continue;
                    }
                    b"dimension" if !in_data => (RefPlace::Dimension, QName(b"ref")),
                    b"c" if in_data => (RefPlace::Cell, QName(b"r")),
                    b"row" if in_data => (RefPlace::Row, QName(b"r")),
                    _ => continue,
                };
                // calamine stops at a malformed attribute; the ones before it are checked.
                for a in e.attributes().map_while(Result::ok) {
                    if a.key == key {
                        check_value(place, &a.value, part)?;
                    }
                }
            }
            Ok(Event::End(e)) if in_data && e.local_name().as_ref() == b"sheetData" => {
                return Ok(());
            }
            // calamine stops here too, with its own error.
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
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
    if place != RefPlace::Dimension {
        return match parse(value) {
            Parsed::Beyond(p) => Err(refuse(p)),
            Parsed::At { .. } | Parsed::Malformed => Ok(()),
        };
    }
    // A dimension: `A1` or `A1:D20`, each part a cell (calamine's `get_dimension`).
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
    fn only_the_attributes_calamine_reads_are_checked() {
        let sheet = |xml: &str| check_sheet(xml.as_bytes(), "xl/worksheets/sheet1.xml");
        let ok = r#"<worksheet><dimension ref="A1:B2"/><c r="A99999999999"/><sheetData>
            <row r="1"><c r="A1" s="9999999999999"/><c/></row></sheetData>
            <c r="A99999999999"/></worksheet>"#;
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
