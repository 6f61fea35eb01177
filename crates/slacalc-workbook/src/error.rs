//! What can go wrong with a workbook.

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
    /// The `.xlsx` writer refused (a sheet name it does not take, a value out of range).
    #[error("cannot write the workbook: {0}")]
    Write(String),
}
