//! A table of incidents read a slice of rows at a time (issue #16): the page reads a
//! 10,000-row file between frames, with a progress bar, instead of holding its only thread
//! until the last row. The one mapping of every table: [`super::read_table`] and
//! [`super::read_grid`] read all the rows in one step.

use super::{
    column_of, csv_grid, parse_row, resolve_headers, row_value, Cells, ReadOptions, RowError,
    TableRead,
};
use crate::error::Problem;
use crate::grid::{Cell, Grid};
use crate::spreadsheet::{self, DateSystem};
use crate::terms::{Terms, TermsSpec};
use serde_json::Value;
use std::collections::HashSet;

/// A table being read: its grid, its header's fields, and the rows read so far.
#[derive(Debug, Clone)]
pub struct TableReading {
    grid: Grid,
    /// The columns kept (one with neither header nor value anywhere is none).
    cols: Vec<usize>,
    /// The case field of each kept column (`None`: left out).
    fields: Vec<Option<&'static str>>,
    /// The terms, for level names in the priority column.
    terms: Option<Terms>,
    /// The terms as the case format writes them, for checking each row.
    terms_value: Value,
    dates: DateSystem,
    /// The next record (index into the grid's rows after the header).
    next: usize,
    /// The ids of the good rows so far (an id named twice refuses the second row).
    ids: HashSet<String>,
    /// The records a CSV could not read (each in its place by line at the end).
    broken: Vec<RowError>,
    out: TableRead,
}

impl TableReading {
    /// A CSV text (comma, tab or semicolon, found) to read under `terms`, its header's
    /// columns recognised by name, synonym or `opts.columns`. A file that cannot be read at
    /// all is refused with its problem at line 1 (no rows to read).
    pub fn of_text(text: &str, terms: &TermsSpec, opts: &ReadOptions) -> TableReading {
        let text = text.trim_start_matches('\u{feff}');
        let separator = spreadsheet::sniff_separator(text);
        let (grid, broken) = csv_grid(text, separator);
        let mut reading = match grid {
            Ok(grid) => TableReading::of_grid(grid, terms, opts),
            Err(e) => {
                let mut r = TableReading::of_grid(Grid::default(), terms, opts);
                r.out.problems.push(e);
                r
            }
        };
        reading.out.report.separator = char::from(separator);
        reading.broken = broken;
        reading
    }

    /// A grid of cells (the header row first: a workbook's sheet) to read under `terms`.
    /// A header with columns that name no field leaves no rows to read: they are counted,
    /// and the problems ask about those columns.
    pub fn of_grid(grid: Grid, terms: &TermsSpec, opts: &ReadOptions) -> TableReading {
        let terms_owned = match terms {
            TermsSpec::Preset(id) => Terms::preset(id),
            TermsSpec::Inline(t) => Some((**t).clone()),
        };
        let mut r = TableReading {
            cols: Vec::new(),
            fields: Vec::new(),
            terms: terms_owned,
            terms_value: serde_json::to_value(terms).unwrap_or_default(),
            dates: opts.dates,
            next: 0,
            ids: HashSet::new(),
            broken: Vec::new(),
            out: TableRead::default(),
            grid,
        };
        // No header at all: no incident, and nothing wrong (as an empty file always read).
        let Some((head, records)) = r.grid.rows.split_first() else {
            return r;
        };
        // A column with no header and no value anywhere (trailing separators, a blank column
        // of a sheet) is no column.
        r.cols = (0..head.len())
            .filter(|&i| {
                !head[i].is_blank()
                    || records
                        .iter()
                        .any(|row| row.get(i).is_some_and(|c| !c.is_blank()))
            })
            .collect();
        let header: Vec<String> = r
            .cols
            .iter()
            .map(|&i| head[i].text().trim().to_string())
            .collect();
        r.fields = resolve_headers(&header, opts, &mut r.out.report, &mut r.out.problems);
        if !r.out.problems.is_empty() {
            for p in &mut r.out.problems {
                p.line = r.grid.first_line.max(1);
            }
            // The rows are there, waiting for the header's answers: counted, none read yet
            // (the report says "412 rows" while it asks about a column, not "0 rows").
            r.out.report.rows = records
                .iter()
                .filter(|row| !row.iter().all(Cell::is_blank))
                .count();
            r.next = records.len();
        }
        r
    }

    /// Says which separator the table's text had (for its report).
    pub fn set_separator(&mut self, separator: char) {
        self.out.report.separator = separator;
    }

    /// The records (rows after the header) read so far, and how many there are.
    pub fn progress(&self) -> (usize, usize) {
        let total = self.grid.rows.len().saturating_sub(1);
        (self.next.min(total), total)
    }

    /// Whether every record has been read.
    pub fn done(&self) -> bool {
        let (read, total) = self.progress();
        read >= total
    }

    /// The header and the first rows, as trimmed text (to show a file before it is read).
    pub fn preview(&self, rows: usize) -> Vec<Vec<String>> {
        self.grid
            .rows
            .iter()
            .take(rows)
            .map(|r| r.iter().map(|c| c.text().trim().to_string()).collect())
            .collect()
    }

    /// Reads up to `rows` more records, each checked as an incident (a bad one reported by
    /// line and column and left out, the good ones kept); whether every record is read.
    pub fn step(&mut self, rows: usize) -> bool {
        let how = Cells {
            dates: self.dates,
            terms: self.terms.as_ref(),
        };
        let records = self.grid.rows.get(1..).unwrap_or_default();
        let end = self.next.saturating_add(rows).min(records.len());
        for (k, record) in records.iter().enumerate().take(end).skip(self.next) {
            let line = self.grid.first_line + k + 1;
            if record.iter().all(Cell::is_blank) {
                continue;
            }
            let out = &mut self.out;
            out.report.rows += 1;
            match parse_row(
                &row_value(&self.fields, &self.cols, record, &how),
                &self.terms_value,
            ) {
                // An id an earlier row already has: the row is refused (ids name incidents).
                Ok(inc) if self.ids.contains(&inc.id) => {
                    out.report.bad_rows += 1;
                    out.problems.push(RowError {
                        line,
                        column: "id".into(),
                        problem: Problem::DuplicateId(inc.id),
                    })
                }
                Ok(inc) => {
                    self.ids.insert(inc.id.clone());
                    out.incidents.push((line, inc));
                }
                Err(errs) => {
                    out.report.bad_rows += 1;
                    out.problems.extend(errs.into_iter().map(|e| RowError {
                        line,
                        column: column_of(&e.path),
                        problem: e.problem,
                    }))
                }
            }
        }
        self.next = self.next.max(end);
        self.done()
    }

    /// What was read (the records not read yet are left out: call [`TableReading::step`]
    /// until it is done first).
    pub fn finish(mut self) -> TableRead {
        // Each broken record's problem in its place by line (no sort: they are rare).
        for b in std::mem::take(&mut self.broken) {
            self.out.report.rows += 1;
            self.out.report.bad_rows += 1;
            let at = self.out.problems.partition_point(|p| p.line <= b.line);
            self.out.problems.insert(at, b);
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::read_table;

    const CSV: &str = include_str!("../../../../examples/incidents.csv");

    fn letter() -> TermsSpec {
        TermsSpec::Preset(crate::case::PRESET_EYOU_SDJU.into())
    }

    #[test]
    fn read_in_slices_it_is_the_table_read_at_once() {
        let whole = read_table(CSV, &letter(), &ReadOptions::default());
        for slice in [1, 2, 3, 100] {
            let mut r = TableReading::of_text(CSV, &letter(), &ReadOptions::default());
            let (_, total) = r.progress();
            let mut steps = 0;
            while !r.step(slice) {
                steps += 1;
                assert!(r.progress().0 < total);
            }
            assert_eq!(r.progress(), (total, total));
            assert!(steps >= total.div_ceil(slice) - 1);
            let read = r.finish();
            assert_eq!(read.incidents, whole.incidents, "slices of {slice}");
            assert_eq!(read.problems, whole.problems);
            assert_eq!(read.report, whole.report);
        }
    }

    #[test]
    fn a_header_to_answer_leaves_nothing_to_read_and_the_preview_shows_it() {
        let text = "工单,报障时间\na1,2025/3/3 8:10\na2,2025/3/3 9:10\n";
        let mut r = TableReading::of_text(text, &letter(), &ReadOptions::default());
        assert!(r.done() && r.step(10));
        assert_eq!(
            r.preview(2),
            [["工单", "报障时间"], ["a1", "2025/3/3 8:10"]]
        );
        let read = r.finish();
        assert_eq!(read.report.rows, 2);
        assert!(read.incidents.is_empty());
        assert!(matches!(read.problems[0].problem, Problem::UnknownField(_)));
    }

    #[test]
    fn an_id_named_twice_refuses_the_second_row_across_slices() {
        let row = "a1,2025-03-03 08:10,urgent,100,no,yes,fault,vendor,2025-03-03 08:00,2025-03-03 20:00\n";
        let text = format!("id,reported_at,declared_priority,mailboxes_affected_pct,system_usable,seriously_damaged,kind,cause,interrupted_from,restored_at\n{row}{row}");
        let mut r = TableReading::of_text(&text, &letter(), &ReadOptions::default());
        r.step(1);
        r.step(1);
        let read = r.finish();
        assert_eq!(read.incidents.len(), 1);
        assert_eq!(read.problems[0].line, 3);
        assert!(matches!(read.problems[0].problem, Problem::DuplicateId(_)));
    }
}
