//! What can go wrong with a workbook.

use std::fmt;
use thiserror::Error;

/// A workbook that cannot be read or written.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum WorkbookError {
    /// The bytes are not a workbook calamine knows (nor any spreadsheet at all).
    #[error("not a workbook this reader knows (.xlsx, .xlsb, .xls, .ods): {0}")]
    NotAWorkbook(String),
    /// The workbook has no sheet of that name or number.
    #[error("no sheet \"{wanted}\" (the sheets: {})", .available.join(", "))]
    NoSuchSheet {
        /// The name or number asked for.
        wanted: String,
        /// The workbook's sheet names, in order.
        available: Vec<String>,
    },
    /// The workbook was recognised, but a sheet could not be read.
    #[error("sheet \"{sheet}\" cannot be read: {reason}")]
    Sheet {
        /// The sheet.
        sheet: String,
        /// Why, as the reader said it.
        reason: String,
    },
    /// A worksheet of an `.xlsx` holds a cell, row or range reference past Excel's grid
    /// (1,048,576 rows, 16,384 columns: XFD), or a range that ends before it starts:
    /// refused before calamine reads the sheet, whose arithmetic on such references overflows.
    #[error("{place} {reference} in sheet {part} is {problem}")]
    Reference {
        /// Where the reference stands.
        place: RefPlace,
        /// The reference as written (its first 40 characters).
        reference: String,
        /// The worksheet's part in the workbook's ZIP (`xl/worksheets/sheet1.xml`).
        part: String,
        /// What is wrong with it.
        problem: RefProblem,
    },
    /// An `.xls` holds a NAME, DIMENSIONS or MULRK record that cannot be what Excel writes:
    /// refused before calamine opens it, whose arithmetic on such records overflows
    /// (src/biff.rs).
    #[error("the .xls cannot be read: {record} at byte {at} of the workbook stream {}", .record.problem())]
    XlsRecord {
        /// The record.
        record: XlsRecord,
        /// Where it starts in the workbook stream.
        at: usize,
    },
    /// The `.xlsx` writer refused (a sheet name it does not take, a value out of range).
    #[error("cannot write the workbook: {0}")]
    Write(String),
}

/// Where a refused reference stands in a worksheet's XML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefPlace {
    /// A cell's `r` (`<c r="B7">`).
    Cell,
    /// A row's `r` (`<row r="7">`).
    Row,
    /// The sheet's used range (`<dimension ref="A1:D20">`).
    Dimension,
    /// Any other range (`<mergeCell ref="A1:B2">`, a shared formula's `ref`).
    Range,
}

impl fmt::Display for RefPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RefPlace::Cell => "cell reference",
            RefPlace::Row => "row number",
            RefPlace::Dimension => "dimension",
            RefPlace::Range => "range",
        })
    }
}

/// What is wrong with a refused reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefProblem {
    /// A row past 1,048,576.
    Rows,
    /// A column past XFD.
    Columns,
    /// A range whose last row or column comes before its first.
    Reversed,
}

impl fmt::Display for RefProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RefProblem::Rows => "beyond Excel's 1,048,576 rows",
            RefProblem::Columns => "beyond Excel's 16,384 columns (XFD)",
            RefProblem::Reversed => "a range that ends before it starts",
        })
    }
}

/// A BIFF record of an `.xls` the guard checks (src/biff.rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XlsRecord {
    /// A defined name (NAME, 0x0018).
    Name,
    /// A sheet's used range (DIMENSIONS, 0x0200).
    Dimensions,
    /// Several numbers in a row (MULRK, 0x00BD).
    MulRk,
    /// A sheet's cells (NUMBER, LABEL, RK, FORMULA…), spread too far apart.
    Cells,
}

impl XlsRecord {
    /// What is wrong with such a record.
    fn problem(&self) -> &'static str {
        match self {
            XlsRecord::Name => "has a formula longer than the record",
            XlsRecord::Dimensions => {
                "ends before it starts or lies past the .xls grid of 65,536 rows and 256 columns"
            }
            XlsRecord::MulRk => "ends before it starts",
            XlsRecord::Cells => {
                "lie more than 4,000,000 cells apart (more than a ledger's table holds)"
            }
        }
    }
}

impl fmt::Display for XlsRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            XlsRecord::Name => "its NAME record",
            XlsRecord::Dimensions => "its DIMENSIONS record",
            XlsRecord::MulRk => "its MULRK record",
            XlsRecord::Cells => "the cells of the sheet",
        })
    }
}
