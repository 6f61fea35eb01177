//! A file read for the ledger but not applied yet (issue #16): what the import found
//! (encoding or workbook, rows, columns recognised by name, by synonym or by the user, rows
//! with problems), the columns it did not recognise with the user's answer for each, and the
//! first rows to answer by. The engine reads (`table::read_table`, `table::read_grid`); this
//! keeps the user's answers and reads again with them.

use slacalc::grid::Grid;
use slacalc::spreadsheet::HEADER_SYNONYMS;
use slacalc::table::{read_grid, read_table, text_grid, ReadOptions, TableRead};
use slacalc::terms::TermsSpec;
use slacalc::Problem;
use std::rc::Rc;

/// Answers given for the unknown columns of earlier files, by their header
/// ([`ImportDraft::header_key`]): each column's case field, or `None` to leave it out.
pub type ColumnMemory = std::collections::BTreeMap<String, Vec<(String, Option<String>)>>;

/// The rows a draft shows to answer by (the header and the first data rows).
const PREVIEW_ROWS: usize = 4;

/// What was read: a text table (CSV, tab- or semicolon-separated) or a workbook's sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftTable {
    /// The decoded text of a CSV or text file.
    Text(Rc<str>),
    /// A workbook's cells, as the workbook module read them.
    Grid(Rc<Grid>),
}

/// An import waiting for the user: shown with its report, applied or cancelled.
#[derive(Debug, Clone)]
pub struct ImportDraft {
    /// The file's name.
    pub name: String,
    /// How it was read: `UTF-8`, `GB18030`, `UTF-16`, or a workbook's format and sheet.
    pub source: String,
    table: DraftTable,
    terms: TermsSpec,
    /// The user's answer for each column they named: a case field, or `None` to leave it out.
    pub columns: Vec<(String, Option<String>)>,
    /// The table read with those answers.
    pub read: Rc<TableRead>,
    /// The header and the first rows, as text, to answer by.
    pub preview: Vec<Vec<String>>,
}

impl PartialEq for ImportDraft {
    /// The same draft read the same way (compared by what changed, not by contents).
    fn eq(&self, other: &ImportDraft) -> bool {
        Rc::ptr_eq(&self.read, &other.read) && self.columns == other.columns
    }
}

impl ImportDraft {
    /// Reads `table` under `terms` with the answers remembered for files with the same
    /// header.
    pub fn new(
        name: String,
        source: String,
        table: DraftTable,
        terms: TermsSpec,
        memory: &ColumnMemory,
    ) -> ImportDraft {
        let preview = match &table {
            DraftTable::Text(t) => rows(&text_grid(t)),
            DraftTable::Grid(g) => rows(g),
        };
        let mut d = ImportDraft {
            name,
            source,
            preview,
            table,
            terms,
            columns: Vec::new(),
            read: Rc::default(),
        };
        d.columns = memory.get(&d.header_key()).cloned().unwrap_or_default();
        d.reread();
        d
    }

    fn reread(&mut self) {
        let opts = ReadOptions {
            columns: self.columns.clone(),
            ..ReadOptions::default()
        };
        self.read = Rc::new(match &self.table {
            DraftTable::Text(t) => read_table(t, &self.terms, &opts),
            DraftTable::Grid(g) => read_grid(g, &self.terms, &opts),
        });
    }

    /// The user's answer for `column` (`None`: leave it out); reads again.
    pub fn answer(&mut self, column: String, field: Option<String>) {
        self.columns.retain(|(c, _)| *c != column);
        self.columns.push((column, field));
        self.reread();
    }

    /// The columns to ask about: those the engine did not recognise, and those the user
    /// has answered (so an answer can be changed), in the file's order.
    pub fn asked(&self) -> Vec<String> {
        let unknown: Vec<&str> = self
            .read
            .problems
            .iter()
            .filter(|p| matches!(p.problem, Problem::UnknownField(_)))
            .map(|p| p.column.as_str())
            .collect();
        self.header()
            .into_iter()
            .filter(|h| unknown.contains(&h.as_str()) || self.columns.iter().any(|(c, _)| c == h))
            .collect()
    }

    /// The user's answer for a column, if any: `Some(None)` when it is left out.
    pub fn answer_of(&self, column: &str) -> Option<Option<&str>> {
        self.columns
            .iter()
            .find(|(c, _)| c == column)
            .map(|(_, f)| f.as_deref())
    }

    /// Whether the rows can be applied: every column is known or answered, and some row read.
    pub fn ready(&self) -> bool {
        self.asked().iter().all(|c| self.answer_of(c).is_some()) && !self.read.incidents.is_empty()
    }

    /// The header's cells, trimmed.
    pub fn header(&self) -> Vec<String> {
        self.preview.first().cloned().unwrap_or_default()
    }

    /// The key under which the answers are remembered: the header as read.
    pub fn header_key(&self) -> String {
        self.header().join("\u{1f}")
    }
}

/// The first rows of a grid as text.
fn rows(g: &Grid) -> Vec<Vec<String>> {
    g.rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|r| r.iter().map(|c| c.text().trim().to_string()).collect())
        .collect()
}

/// The case fields a column can be named as, with a Chinese name for each (the first of its
/// synonyms), in the order of the synonyms' table.
pub fn field_choices() -> impl Iterator<Item = (&'static str, &'static str)> {
    HEADER_SYNONYMS
        .iter()
        .map(|(field, names)| (*field, names.first().copied().unwrap_or(field)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "工单,报障时间,优先级,比例,可用,严重,类型,原因,中断开始,恢复时间,备注\n\
        a1,2025/3/3 8:10,紧急,100,否,是,故障,厂商,2025/3/3 8:00,2025/3/3 20:00,x\n";

    fn draft(memory: &ColumnMemory) -> ImportDraft {
        ImportDraft::new(
            "log.csv".into(),
            "UTF-8".into(),
            DraftTable::Text(TEXT.into()),
            TermsSpec::Preset(slacalc::case::PRESET_EYOU_SDJU.into()),
            memory,
        )
    }

    #[test]
    fn unknown_columns_are_asked_and_answers_read_the_rows() {
        let mut d = draft(&ColumnMemory::new());
        // 可用 and 类型 are synonyms (of system_usable, kind); these four are not.
        let asked = d.asked();
        assert_eq!(asked, ["工单", "比例", "严重", "备注"]);
        assert!(!d.ready());
        for c in asked.clone() {
            let field = match c.as_str() {
                "工单" => Some("id".to_string()),
                "比例" => Some("mailboxes_affected_pct".into()),
                "严重" => Some("seriously_damaged".into()),
                _ => None,
            };
            d.answer(c, field);
        }
        assert!(d.ready(), "{:?}", d.read.problems);
        assert_eq!(d.read.incidents.len(), 1);
        assert_eq!((d.read.report.by_user, d.read.report.ignored), (3, 1));
        assert_eq!(
            d.asked(),
            asked,
            "answered columns stay asked, to be changed"
        );
        // Asked again from memory: the same file reads at once.
        let memory = ColumnMemory::from([(d.header_key(), d.columns.clone())]);
        let again = draft(&memory);
        assert!(again.ready());
        assert_eq!(again.header_key(), d.header_key());
        assert_eq!(again.preview[1][0], "a1");
    }

    #[test]
    fn answers_for_another_header_are_not_used() {
        let memory =
            ColumnMemory::from([("其他\u{1f}列".to_string(), vec![("工单".into(), None)])]);
        assert!(draft(&memory).columns.is_empty());
    }

    #[test]
    fn every_field_has_a_chinese_name() {
        assert!(field_choices().all(|(f, zh)| !f.is_empty() && !zh.is_ascii()));
    }
}
