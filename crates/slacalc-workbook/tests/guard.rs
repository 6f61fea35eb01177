//! References past Excel's grid in an `.xlsx`'s worksheets, on which calamine 0.35's arithmetic
//! overflows, are refused with the sheet and the reference named, not read (src/guard.rs).

mod common;

use common::incidents;
use slacalc::text::Lang;
use slacalc_workbook::{
    incidents_xlsx, read_workbook, RefPlace, RefProblem, SheetChoice, WorkbookError,
};
use std::io::{Cursor, Read, Write};

/// The workbook the crate writes, with `from` replaced by `to` in its first worksheet's XML.
fn edited(from: &str, to: &str) -> Vec<u8> {
    let bytes = incidents_xlsx(&incidents(), Lang::En).unwrap_or_else(|e| panic!("{e}"));
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut found = false;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap_or_else(|e| panic!("{e}"));
        let name = f.name().to_string();
        let mut text = Vec::new();
        f.read_to_end(&mut text).unwrap_or_else(|e| panic!("{e}"));
        if name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(text).unwrap_or_else(|e| panic!("{e}"));
            assert!(xml.contains(from), "{from} not in {xml}");
            text = xml.replacen(from, to, 1).into_bytes();
            found = true;
        }
        out.start_file(name, stored)
            .unwrap_or_else(|e| panic!("{e}"));
        out.write_all(&text).unwrap_or_else(|e| panic!("{e}"));
    }
    assert!(found, "no xl/worksheets/sheet1.xml");
    out.finish().unwrap_or_else(|e| panic!("{e}")).into_inner()
}

fn refused(bytes: &[u8]) -> WorkbookError {
    match read_workbook(bytes, &SheetChoice::First) {
        Ok(book) => panic!("read: {:?}", book.grid),
        Err(e) => e,
    }
}

#[test]
fn the_fuzzers_input_is_refused_not_a_panic() {
    // The input of fuzz/known/: its first byte chose the sheet (0: the first); the rest is an
    // .xlsx whose sheet has `<c r="NlineStr">`, eight letters of a column, which overflowed
    // calamine's `col * 26` (xlsx/mod.rs:1881) before it could see there was no row.
    let input = std::fs::read(common::repo_file(
        "fuzz/known/workbook_read-calamine-mul-overflow",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let e = refused(&input[1..]);
    assert_eq!(
        e,
        WorkbookError::Reference {
            place: RefPlace::Cell,
            reference: "NlineStr".into(),
            part: "xl/worksheets/sheet1.xml".into(),
            problem: RefProblem::Columns,
        }
    );
    assert_eq!(
        e.to_string(),
        "cell reference NlineStr in sheet xl/worksheets/sheet1.xml is beyond Excel's 16,384 columns (XFD)"
    );
}

#[test]
fn a_row_past_excels_last_is_refused() {
    let e = refused(&edited(r#"r="A2""#, r#"r="A99999999999""#));
    assert_eq!(
        e.to_string(),
        "cell reference A99999999999 in sheet xl/worksheets/sheet1.xml is beyond Excel's 1,048,576 rows"
    );
    let e = refused(&edited(r#"<row r="2""#, r#"<row r="1048577""#));
    assert_eq!(
        e.to_string(),
        "row number 1048577 in sheet xl/worksheets/sheet1.xml is beyond Excel's 1,048,576 rows"
    );
}

#[test]
fn a_dimension_past_the_grid_or_backwards_is_refused() {
    let e = refused(&edited(
        r#"<dimension ref="A1:"#,
        r#"<dimension ref="A9999999999:"#,
    ));
    assert!(
        matches!(
            &e,
            WorkbookError::Reference {
                place: RefPlace::Dimension,
                problem: RefProblem::Rows,
                ..
            }
        ),
        "{e}"
    );
    let e = refused(&edited(
        r#"<dimension ref="A1:"#,
        r#"<dimension ref="A1:XFE1"/><x a=""#,
    ));
    assert!(
        e.to_string()
            .ends_with("is beyond Excel's 16,384 columns (XFD)"),
        "{e}"
    );
    // calamine subtracts the start from the end (`get_dimension`): B2:A1 underflows.
    let e = refused(&edited(
        r#"<dimension ref="A1:"#,
        r#"<dimension ref="ZZ9:A1"/><x a=""#,
    ));
    assert!(
        matches!(
            &e,
            WorkbookError::Reference {
                problem: RefProblem::Reversed,
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn excels_last_cell_and_the_openpyxl_fixture_still_read() {
    let book = read_workbook(
        &edited(r#"r="A2""#, r#"r="XFD1048576""#),
        &SheetChoice::First,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(book.grid.first_line >= 1);
    // The fuzz seeds start with the byte that picks the sheet.
    for (file, skip, sheet) in [
        (
            "tests/fixtures/spreadsheets/ledger-openpyxl.xlsx",
            0,
            "事件",
        ),
        ("fuzz/seeds/workbook_read/openpyxl.xlsx", 1, "事件"),
        ("fuzz/seeds/workbook_read/slacalc-incidents.xlsx", 1, "事件"),
    ] {
        let bytes = std::fs::read(common::repo_file(file)).unwrap_or_else(|e| panic!("{e}"));
        let book = read_workbook(&bytes[skip..], &SheetChoice::First)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(book.sheet, sheet, "{file}");
        assert!(book.grid.rows.len() > 1, "{file}");
    }
}

/// An `.xls` whose DIMENSIONS record runs from row 5 to row 1 (the xlwt fixture edited:
/// `fuzz/known/workbook_read-calamine-xls-dimensions-sub-overflow`), which overflows calamine's
/// `end - start + 1`, is refused before calamine opens it (src/biff.rs); the fixture as written
/// still reads.
#[test]
fn an_xls_with_a_backwards_dimensions_record_is_refused_and_a_good_one_reads() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let known = std::fs::read(format!(
        "{root}/fuzz/known/workbook_read-calamine-xls-dimensions-sub-overflow"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    // (The fuzz target's first byte picks the sheet; the workbook follows.)
    match read_workbook(&known[1..], &SheetChoice::First) {
        Err(e @ WorkbookError::XlsRecord { record, .. }) => {
            assert_eq!(record, slacalc_workbook::XlsRecord::Dimensions);
            assert!(e.to_string().contains("DIMENSIONS"), "{e}");
        }
        other => panic!("refused, not {other:?}"),
    }
    let good = std::fs::read(format!(
        "{root}/tests/fixtures/spreadsheets/ledger-xlwt.xls"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let read = read_workbook(&good, &SheetChoice::First).unwrap_or_else(|e| panic!("{e}"));
    assert!(read.grid.rows.len() > 6);
}

/// An `.xls` whose compound file has a sector cut short (found by `workbook_read` from the
/// xlwt seed: `fuzz/known/workbook_read-calamine-cfb-sector-assert`) made calamine's own
/// compound-file reader fail an assertion (`utils.rs:28`, in release builds too); calamine now
/// reads the workbook stream from a compound file written anew (src/biff.rs, `clean_xls`),
/// and the file is read or refused, never a panic.
#[test]
fn an_xls_with_a_damaged_compound_file_is_read_or_refused_not_a_panic() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let known = std::fs::read(format!(
        "{root}/fuzz/known/workbook_read-calamine-cfb-sector-assert"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    // (The fuzz target's first byte picks the sheet; the workbook follows.)
    let _ = read_workbook(&known[1..], &SheetChoice::First);
}

/// An `.xls` with a cell far from the others (found by `workbook_read` in CI:
/// `fuzz/known/workbook_read-calamine-xls-sparse-range-oom`) had calamine lay its sheet out as
/// billions of cells when it opened the workbook (128 GB asked for: an abort); it is refused
/// first, as the reader refuses a sheet of more than 4,000,000 cells.
#[test]
fn an_xls_whose_cells_lie_too_far_apart_is_refused_not_laid_out() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let known = std::fs::read(format!(
        "{root}/fuzz/known/workbook_read-calamine-xls-sparse-range-oom"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    match read_workbook(&known[1..], &SheetChoice::First) {
        Err(WorkbookError::XlsRecord { .. }) => {}
        other => panic!("refused, not {other:?}"),
    }
}

/// A date cell whose serial lies far past 9999-12-31 (found by `workbook_read`:
/// `fuzz/known/workbook_read-calamine-date-add-overflow`) overflowed calamine's conversion to
/// a date (`days += 111_033`); it is now kept as a number, not converted, and the sheet reads.
#[test]
fn a_date_cell_past_excels_last_date_is_kept_as_a_number_not_a_panic() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let known = std::fs::read(format!(
        "{root}/fuzz/known/workbook_read-calamine-date-add-overflow"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let _ = read_workbook(&known[1..], &SheetChoice::First);
}
