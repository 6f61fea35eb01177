//! slacalc's spreadsheet workbooks (issue #16): an `.xlsx`, `.xlsb`, `.xls` or `.ods` read
//! into the engine's grid of typed cells ([`slacalc::grid::Grid`]), which
//! [`slacalc::table::read_grid`] maps exactly as it maps a CSV; and the incidents or the
//! assessed ledger ([`slacalc::table::Export`]) written as an `.xlsx` with real date cells and
//! amounts as numbers.
//!
//! Bytes in, bytes out: the crate opens no file, so the CLI and (later) the page's on-demand
//! wasm module use it alike. Feature `wasm` exports it to JavaScript ([`wasm_api`]).

mod biff;
pub mod document;
mod error;
mod guard;
mod read;
pub mod rulings;
#[cfg(feature = "wasm")]
pub mod wasm_api;
mod write;

pub use error::{RefPlace, RefProblem, WorkbookError, XlsRecord};
pub use read::{read_workbook, sniff, FileKind, SheetChoice, WorkbookFormat, WorkbookRead};
pub use write::{assessment_xlsx, export_xlsx, incidents_xlsx, ledger_xlsx, sheet_name};
