//! The workbooks this crate writes, read back by this crate and the engine: the incidents as
//! they were (in both header languages), the assessed ledger with date cells and numbers.

mod common;

use common::{assessment, incidents, letter};
use slacalc::grid::Cell;
use slacalc::table::{read_grid, ReadOptions};
use slacalc::text::Lang;
use slacalc_workbook::{
    assessment_xlsx, incidents_xlsx, read_workbook, sniff, FileKind, SheetChoice, WorkbookError,
    WorkbookFormat,
};

#[test]
fn incidents_written_as_xlsx_read_back_the_same() {
    let want = incidents();
    for lang in [Lang::Zh, Lang::En] {
        let bytes = incidents_xlsx(&want, lang).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(sniff(&bytes), FileKind::Zip);
        let book = read_workbook(&bytes, &SheetChoice::First).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(book.format, WorkbookFormat::Xlsx);
        assert_eq!(book.grid.first_line, 1);
        // Times are date cells, not text.
        assert!(
            matches!(book.grid.rows[1][1], Cell::DateTime(_)),
            "{:?}",
            book.grid.rows[1][1]
        );
        let read = read_grid(&book.grid, &letter(), &ReadOptions::default());
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        let got: Vec<_> = read.incidents.into_iter().map(|(_, i)| i).collect();
        assert_eq!(got, want, "{lang:?}");
        match lang {
            Lang::Zh => assert_eq!(book.sheet, "事件"),
            Lang::En => assert_eq!(book.sheet, "incidents"),
        }
    }
}

#[test]
fn the_assessed_ledger_has_date_cells_and_amounts_as_numbers() {
    let a = assessment();
    let bytes = assessment_xlsx(&a, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
    let book = read_workbook(&bytes, &SheetChoice::Named("评估结果".into()))
        .unwrap_or_else(|e| panic!("{e}"));
    let rows = &book.grid.rows;
    assert_eq!(rows[0][0], Cell::Text("编号".into()));
    assert_eq!(rows[0][15], Cell::Text("违约金".into()));
    assert_eq!(rows.len(), a.incidents.len() + 2);
    // The same values as the CSV, typed.
    let csv = slacalc::table::assessment_export(&a, Lang::En);
    for (row, want) in rows[1..].iter().zip(&csv.rows) {
        for (cell, text) in row.iter().zip(want) {
            match cell {
                Cell::DateTime(t) => {
                    let due = slacalc::Instant::parse(text).unwrap_or_else(|e| panic!("{e}"));
                    let wall = due.0.with_timezone(&slacalc::time::CONTRACT_OFFSET);
                    assert_eq!(*t, wall.naive_local(), "{text}");
                }
                Cell::Number(n) => assert_eq!(Some(*n), text.parse().ok(), "{text}"),
                Cell::Empty => assert!(text.is_empty()),
                other => assert_eq!(other.text(), text.as_str()),
            }
        }
    }
    let total = rows.last().map(|r| r[16].clone());
    assert_eq!(
        total,
        Some(Cell::Number(
            a.total.penalty.to_string().parse().unwrap_or(-1.0)
        ))
    );
}

#[test]
fn a_sheet_is_chosen_by_name_or_number() {
    let bytes = incidents_xlsx(&incidents(), Lang::En).unwrap_or_else(|e| panic!("{e}"));
    let by_number = read_workbook(&bytes, &SheetChoice::Named("1".into()));
    assert_eq!(by_number.map(|b| b.sheet), Ok("incidents".to_string()));
    let missing = read_workbook(&bytes, &SheetChoice::Named("2".into()));
    assert_eq!(
        missing.map(|b| b.sheet),
        Err(WorkbookError::NoSuchSheet {
            wanted: "2".into(),
            available: vec!["incidents".into()]
        })
    );
}

#[test]
fn the_openpyxl_fixture_reads_as_its_csv_twin() {
    let bytes = std::fs::read(common::repo_file(
        "tests/fixtures/spreadsheets/ledger-openpyxl.xlsx",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let book = read_workbook(&bytes, &SheetChoice::First).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((book.sheet.as_str(), book.sheets.len()), ("事件", 2));
    // Row 2's times are date cells, row 3's General-formatted serial numbers.
    assert!(matches!(book.grid.rows[1][1], Cell::DateTime(_)));
    assert!(matches!(book.grid.rows[2][1], Cell::Number(_)));
    let read = read_grid(&book.grid, &letter(), &ReadOptions::default());
    let got: Vec<_> = read.incidents.into_iter().map(|(_, i)| i).collect();
    assert_eq!(got, incidents());
    assert_eq!(read.problems.len(), 1);
    assert_eq!(
        (read.problems[0].line, read.problems[0].column.as_str()),
        (5, "restored_at")
    );
}

/// A workbook of one sheet with these text cells, written by rust_xlsxwriter.
fn book_with(cells: &[(u32, u16, &str)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, c, text) in cells {
        ws.write_string(*r, *c, *text)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_table_further_down_and_right_keeps_the_sheets_row_numbers() {
    // The header in C3: problems name rows 3 and 4 as the sheet does.
    let bytes = book_with(&[
        (2, 2, "编号"),
        (2, 3, "报障时间"),
        (3, 2, "A1"),
        (3, 3, "2025/2/30 8:10"),
    ]);
    let book = read_workbook(&bytes, &SheetChoice::First).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(book.grid.first_line, 3);
    assert_eq!(book.grid.rows[0][0], Cell::Text("编号".into()));
    let read = read_grid(&book.grid, &letter(), &ReadOptions::default());
    assert!(!read.problems.is_empty());
    assert!(
        read.problems.iter().all(|p| p.line == 4),
        "{:?}",
        read.problems
    );
}

#[test]
fn a_stray_cell_in_the_last_row_and_column_costs_one_cell() {
    // XFD1048576: a dense range would be 17 billion cells; the grid is ragged.
    let bytes = book_with(&[(0, 0, "编号"), (1, 0, "A1"), (1_048_575, 16_383, "far")]);
    let book = read_workbook(&bytes, &SheetChoice::First).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(book.grid.rows.len(), 1_048_576);
    assert_eq!(book.grid.rows[1].len(), 1);
    // Too many cells between the first and the last used ones is refused, not attempted.
    let mut cells: Vec<(u32, u16, &str)> = (1..300u32).map(|r| (r * 3000, 16_000, "x")).collect();
    cells.push((0, 0, "编号"));
    let refused = read_workbook(&book_with(&cells), &SheetChoice::First);
    let refused = refused.map(|b| b.grid.rows.len());
    assert!(
        matches!(&refused, Err(WorkbookError::Sheet { reason, .. }) if reason.contains("more than 4000000 cells")),
        "{refused:?}"
    );
}
