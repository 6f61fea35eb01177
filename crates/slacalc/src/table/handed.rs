//! A table read, as the page's workbook module hands it over (issue #16): the module reads
//! the file (a workbook's sheet or a CSV text) off the page's thread, and the page gets this
//! back as JSON. It holds what the page shows and applies, and nothing the page would need
//! the readers for: the good incidents, each bad row's message in both languages, the
//! columns to ask about, the report and the first rows.

use super::{ReadReport, RowError, TableRead};
use crate::case::Incident;
use crate::error::Problem;
use serde::{Deserialize, Serialize};

/// A row (or cell) that was not imported, with its message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadRow {
    /// Line of the file (the header is line 1).
    pub line: usize,
    /// Column name (empty: the whole row).
    pub column: String,
    /// "第 3 行,reported_at 列:…"
    pub zh: String,
    /// "line 3, column reported_at: …"
    pub en: String,
}

impl From<&RowError> for BadRow {
    fn from(e: &RowError) -> BadRow {
        BadRow {
            line: e.line,
            column: e.column.clone(),
            zh: e.zh(),
            en: e.en(),
        }
    }
}

/// A table read, handed from the module to the page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    /// The good incidents, in the file's order.
    pub incidents: Vec<Incident>,
    /// The rows (and cells) not imported; the header's unknown columns among them.
    pub bad_rows: Vec<BadRow>,
    /// The header's columns that name no field (to ask the user which field each holds).
    pub unknown: Vec<String>,
    /// What the read did.
    pub report: ReadReport,
    /// The header and the first rows, as trimmed text (to answer by).
    pub preview: Vec<Vec<String>>,
    /// A workbook's format (`xlsx`, `xls`, `ods`…) and sheet's name; empty for a text.
    pub workbook: Option<(String, String)>,
}

impl Imported {
    /// What `read` found, with the file's first rows.
    pub fn of(read: TableRead, preview: Vec<Vec<String>>) -> Imported {
        let unknown = read
            .problems
            .iter()
            .filter(|p| matches!(p.problem, Problem::UnknownField(_)))
            .map(|p| p.column.clone())
            .collect();
        Imported {
            bad_rows: read.problems.iter().map(BadRow::from).collect(),
            incidents: read.incidents.into_iter().map(|(_, i)| i).collect(),
            unknown,
            report: read.report,
            preview,
            workbook: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{read_table, ReadOptions, TableReading};
    use crate::terms::TermsSpec;

    #[test]
    fn handed_over_as_json_it_reads_back_the_same() {
        let text = include_str!("../../../../examples/incidents.csv");
        let terms = TermsSpec::Preset(crate::case::PRESET_EYOU_SDJU.into());
        let read = read_table(text, &terms, &ReadOptions::default());
        let preview = TableReading::of_text(text, &terms, &ReadOptions::default()).preview(4);
        let handed = Imported::of(read.clone(), preview);
        let json = serde_json::to_string(&handed).expect("json");
        let back: Imported = serde_json::from_str(&json).expect("read back");
        assert_eq!(back, handed);
        assert_eq!(back.incidents.len(), read.incidents.len());
        assert_eq!(back.bad_rows[0].line, read.problems[0].line);
        assert_eq!(back.bad_rows[0].zh, read.problems[0].zh());
        assert!(back.unknown.is_empty());
        assert_eq!(back.preview[0][0], "id");
    }

    #[test]
    fn unknown_columns_are_named() {
        let terms = TermsSpec::Preset(crate::case::PRESET_EYOU_SDJU.into());
        let read = read_table(
            "工单,报障时间\na1,2025/3/3 8:10\n",
            &terms,
            &Default::default(),
        );
        assert_eq!(Imported::of(read, Vec::new()).unknown, ["工单"]);
    }
}
