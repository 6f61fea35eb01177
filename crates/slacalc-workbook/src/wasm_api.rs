//! The crate as the page's on-demand wasm module (feature `wasm`): a workbook's bytes in, its
//! grid out as JSON ([`slacalc::grid::Grid`]'s serde form, which the page's own engine then
//! maps with `table::read_grid`); an exported table in as JSON ([`slacalc::table::Export`]),
//! the `.xlsx` bytes out.

use crate::{export_xlsx, read_workbook, SheetChoice};
use wasm_bindgen::prelude::wasm_bindgen;

/// Reads a sheet (`""` for the first, else a name or a number from 1) of a workbook:
/// `{"format", "sheet", "sheets", "grid"}` as JSON, or the problem as text.
#[wasm_bindgen]
pub fn workbook_grid(bytes: &[u8], sheet: &str) -> Result<String, String> {
    let choice = if sheet.is_empty() {
        SheetChoice::First
    } else {
        SheetChoice::Named(sheet.to_string())
    };
    let read = read_workbook(bytes, &choice).map_err(|e| e.to_string())?;
    let doc = serde_json::json!({
        "format": read.format.name(),
        "sheet": read.sheet,
        "sheets": read.sheets,
        "grid": read.grid,
    });
    Ok(doc.to_string())
}

/// Writes an exported table (its JSON) as an `.xlsx` of one sheet named `sheet`.
#[wasm_bindgen]
pub fn export_workbook(export_json: &str, sheet: &str) -> Result<Vec<u8>, String> {
    let export = serde_json::from_str(export_json).map_err(|e| e.to_string())?;
    export_xlsx(&export, sheet).map_err(|e| e.to_string())
}
