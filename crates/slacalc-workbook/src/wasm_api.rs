//! The crate as the page's on-demand wasm module (feature `wasm`): a workbook's bytes in, its
//! grid out as JSON, each cell as the text the engine's readers take it as
//! ([`slacalc::grid::Cell::text`]: a date cell as `YYYY-MM-DD HH:MM:SS`, a number as its
//! shortest decimal), which the page's own engine then maps with `table::read_grid`. Text, not
//! the cells' serde form: reading floats and chrono's date-times from JSON would bring their
//! parsers into the page's first load (about 18 KB gzip). An exported table in as JSON
//! ([`slacalc::table::Export`]), the `.xlsx` bytes out.

use crate::{export_xlsx, read_workbook, SheetChoice};
use wasm_bindgen::prelude::wasm_bindgen;

/// Reads a sheet (`""` for the first, else a name or a number from 1) of a workbook:
/// `{"format", "sheet", "sheets", "first_line", "rows"}` as JSON (`rows`: each cell's text),
/// or the problem as text.
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
        "first_line": read.grid.first_line,
        "rows": read
            .grid
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.text()).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
    });
    Ok(doc.to_string())
}

/// Writes an exported table (its JSON) as an `.xlsx` of one sheet named `sheet`.
#[wasm_bindgen]
pub fn export_workbook(export_json: &str, sheet: &str) -> Result<Vec<u8>, String> {
    let export = serde_json::from_str(export_json).map_err(|e| e.to_string())?;
    export_xlsx(&export, sheet).map_err(|e| e.to_string())
}
