//! The crate as the page's on-demand wasm module (feature `wasm`), loaded only when a
//! workbook is read or written: a workbook's sheet out as CSV text, each cell as the text the
//! engine's readers take it as ([`slacalc::grid::Cell::text`]: a date cell as
//! `YYYY-MM-DD HH:MM:SS`), which the import's worker then reads as any CSV (with the JS API
//! module's `TableSource`); the `.xlsx` writer; the table for documents; the holiday rulings'
//! readers; the clause table.

use crate::{export_xlsx, read_workbook, SheetChoice};
use wasm_bindgen::prelude::wasm_bindgen;

/// Reads a sheet (`""` for the first, else a name or a number from 1) of a workbook: its
/// format, its sheet's name and the sheet as CSV text (each cell as the text the engine's
/// readers take it as: [`slacalc::grid::Cell::text`]), separated by U+001F; or the problem as
/// text. The import's worker (static/reader.js) reads the CSV with the JS API module's
/// `TableSource`, as it reads any CSV.
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
        for (n, cell) in row.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            slacalc::table::csv_field(&mut out, &cell.text());
        }
        out.push('\n');
    }
    Ok(out)
}

/// Writes an exported table (its JSON) as an `.xlsx` of one sheet named `sheet`.
#[wasm_bindgen]
pub fn export_workbook(export_json: &str, sheet: &str) -> Result<Vec<u8>, String> {
    let export = serde_json::from_str(export_json).map_err(|e| e.to_string())?;
    export_xlsx(&export, sheet).map_err(|e| e.to_string())
}

/// The case and assessment a share link holds (`…#c=…`): the link read and its case assessed
/// again by the engine at the link's own time, so what the module writes is the engine's
/// result, never the page's copy of it.
fn assessed(url: &str) -> Result<(slacalc::Case, slacalc::Assessment), String> {
    let fragment = url.split_once("#c=").map_or(url, |(_, f)| f);
    let opened = slacalc::link::decode(fragment).map_err(|e| e.to_string())?;
    let a = slacalc::assess(&opened.case, opened.as_of).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    Ok((opened.case, a))
}

/// `zh` or anything else (English).
fn lang(tag: &str) -> slacalc::text::Lang {
    if tag.starts_with("zh") {
        slacalc::text::Lang::Zh
    } else {
        slacalc::text::Lang::En
    }
}

/// "Copy for documents" (issue #16): the assessment a share link holds as a table for Word
/// and WPS, in language `tag`: its HTML and its plain text, separated by U+001F.
#[wasm_bindgen]
pub fn document_of_link(url: &str, tag: &str) -> Result<String, String> {
    let d = crate::document::document(&assessed(url)?.1, url, lang(tag));
    Ok(format!("{}\u{1f}{}", d.html, d.text))
}

/// The ledger a share link holds as an `.xlsx` of two sheets, the assessed ledger and its
/// incidents (which import back), headers in language `tag`.
#[wasm_bindgen]
pub fn xlsx_of_link(url: &str, tag: &str) -> Result<Vec<u8>, String> {
    let (case, a) = assessed(url)?;
    crate::ledger_xlsx(&a, &case.incidents, lang(tag)).map_err(|e| e.to_string())
}

/// Holiday rulings from a notice text, a holiday JSON or an iCalendar file
/// ([`crate::rulings::rulings_json`]).
#[wasm_bindgen]
pub fn rulings_of_text(text: &str, year: i32, earlier: &str) -> Result<String, String> {
    crate::rulings::rulings_json(text, year, earlier)
}
