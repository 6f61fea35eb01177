//! The ledger's import as the page's worker runs it (issue #16; static/reader.js): a CSV text
//! (or a workbook's sheet, which the workbook module gives as CSV text) read by the engine's
//! one table mapping ([`slacalc::table::TableReading`]) a slice of rows at a time, off the
//! page's thread, and handed to the page as the engine's [`Imported`] JSON. The page itself
//! holds no reader of CSV, synonyms or time notations.

use slacalc::table::{Imported, ReadOptions, TableReading};
use slacalc::terms::TermsSpec;
use wasm_bindgen::prelude::*;

/// A file opened for the import, kept while the user answers about its columns: each answer
/// is read again from it without opening the file again.
#[wasm_bindgen]
pub struct TableSource {
    text: String,
    workbook: Option<(String, String)>,
}

#[wasm_bindgen]
impl TableSource {
    /// A CSV text (comma, tab or semicolon) as the page decoded it.
    pub fn text(text: String) -> TableSource {
        TableSource {
            text,
            workbook: None,
        }
    }

    /// Says the text is a workbook's sheet: its format (`xlsx`…) and the sheet's name.
    pub fn set_workbook(&mut self, format: String, sheet: String) {
        self.workbook = Some((format, sheet));
    }

    /// A read of the file under the terms `terms` (JSON of the case's `terms`) with the
    /// user's answers `columns` (JSON: `[[header, field or null], …]`); the problem as text.
    pub fn reading(&self, terms: &str, columns: &str) -> Result<TableJob, String> {
        let terms: TermsSpec = serde_json::from_str(terms).map_err(|e| e.to_string())?;
        let opts = ReadOptions {
            columns: serde_json::from_str(columns).map_err(|e| e.to_string())?,
            ..ReadOptions::default()
        };
        let reading = TableReading::of_text(&self.text, &terms, &opts);
        Ok(TableJob {
            preview: reading.preview(4),
            workbook: self.workbook.clone(),
            reading: Some(reading),
        })
    }
}

/// A read under way, stepped by the worker a slice of rows at a time (it tells the page how
/// far it has got between slices).
#[wasm_bindgen]
pub struct TableJob {
    reading: Option<TableReading>,
    preview: Vec<Vec<String>>,
    workbook: Option<(String, String)>,
}

#[wasm_bindgen]
impl TableJob {
    /// Reads up to `rows` more rows; whether every row is read.
    pub fn step(&mut self, rows: usize) -> bool {
        self.reading.as_mut().is_none_or(|r| r.step(rows))
    }

    /// Rows read so far, and how many there are.
    pub fn progress(&self) -> Vec<u32> {
        let (done, all) = self.reading.as_ref().map_or((0, 0), |r| r.progress());
        [done, all]
            .iter()
            .map(|n| u32::try_from(*n).unwrap_or(u32::MAX))
            .collect()
    }

    /// What was read, as the JSON of [`Imported`] (the page's import draft).
    pub fn finish(&mut self) -> String {
        let read = self.reading.take().map(|r| r.finish()).unwrap_or_default();
        let mut handed = Imported::of(read, std::mem::take(&mut self.preview));
        handed.workbook = self.workbook.take();
        serde_json::to_string(&handed).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_read_in_slices_is_handed_over_whole() {
        let mut source = TableSource::text(include_str!("../../../examples/incidents.csv").into());
        source.set_workbook("xlsx".into(), "台账".into());
        let mut job = source.reading(r#""eyou-sdju""#, "[]").expect("reads");
        let mut steps = 1;
        while !job.step(2) {
            steps += 1;
        }
        assert!(steps > 1);
        assert_eq!(job.progress()[0], job.progress()[1]);
        let handed: Imported = serde_json::from_str(&job.finish()).expect("JSON");
        assert_eq!(handed.incidents.len(), 6);
        assert_eq!(handed.bad_rows[0].line, 5);
        assert_eq!(handed.workbook, Some(("xlsx".into(), "台账".into())));
        assert!(source.reading("{", "[]").is_err(), "bad terms are said");
    }
}
