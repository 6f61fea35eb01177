//! The crate as the page's on-demand wasm module (feature `wasm`): a workbook's bytes in, its
//! sheet out as CSV text, each cell as the text the engine's readers take it as
//! ([`slacalc::grid::Cell::text`]: a date cell as `YYYY-MM-DD HH:MM:SS`, a number as its
//! shortest decimal), which the page's own engine then reads as any CSV. Text, not the cells'
//! serde form: reading floats and chrono's date-times from JSON would bring their parsers into
//! the page's first load (about 18 KB gzip). An exported table in as JSON
//! ([`slacalc::table::Export`]), the `.xlsx` bytes out.

use crate::{export_xlsx, read_workbook, SheetChoice};
use wasm_bindgen::prelude::wasm_bindgen;

/// Reads a sheet (`""` for the first, else a name or a number from 1) of a workbook: its
/// format, its sheet's name and the sheet as CSV text (each cell as the text the engine's
/// readers take it as: [`slacalc::grid::Cell::text`]), separated by U+001F; or the problem as
/// text. The page reads the CSV as it reads any CSV, so it needs no reader of typed cells.
#[wasm_bindgen]
pub fn workbook_grid(bytes: &[u8], sheet: &str) -> Result<String, String> {
    let choice = if sheet.is_empty() {
        SheetChoice::First
    } else {
        SheetChoice::Named(sheet.to_string())
    };
    let read = read_workbook(bytes, &choice).map_err(|e| e.to_string())?;
    let mut out = format!("{}\u{1f}{}\u{1f}", read.format.name(), read.sheet);
    for row in &read.grid.rows {
        let cells: Vec<String> = row.iter().map(|c| quoted(&c.text())).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    Ok(out)
}

/// A cell's text as a CSV field: quoted (its quotes doubled) when it holds a comma, a quote
/// or a line break.
fn quoted(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Writes an exported table (its JSON) as an `.xlsx` of one sheet named `sheet`.
#[wasm_bindgen]
pub fn export_workbook(export_json: &str, sheet: &str) -> Result<Vec<u8>, String> {
    let export = serde_json::from_str(export_json).map_err(|e| e.to_string())?;
    export_xlsx(&export, sheet).map_err(|e| e.to_string())
}
