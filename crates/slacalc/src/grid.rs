//! A table as a spreadsheet holds it: rows of typed cells (text, numbers, date-times, empty).
//! Every table of incidents is read as one (issue #16): a CSV's cells are all text, a
//! workbook's (crate `slacalc-workbook`) keep their types, and `table::read_grid` maps both
//! with the same header synonyms, `--map` columns and cell words.

use chrono::{NaiveDateTime, TimeDelta, Timelike};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// One cell of a table (as JSON: `"Empty"`, `{"Text": "…"}`, `{"Number": 1.5}`, `{"Serial":
/// 45719.5}`, `{"DateTime": "2025-03-03T08:10:00"}`, so a grid can cross from a wasm module
/// to another).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub enum Cell {
    /// Nothing in it.
    #[default]
    Empty,
    /// Text, as typed.
    Text(String),
    /// A number (a General-formatted serial in a time column is read as a time).
    Number(f64),
    /// A date-time cell as its serial number, in the table's date system
    /// (`table::ReadOptions::dates`).
    Serial(f64),
    /// A date-time cell as wall-clock time (read in the contract's zone, UTC+08:00).
    DateTime(NaiveDateTime),
}

impl Cell {
    /// Whether the cell holds nothing but spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as the readers of cells take it: text as typed, a number as its shortest
    /// decimal (`100`, `45719.34027777778`), a date-time as `YYYY-MM-DD HH:MM:SS`, rounded to
    /// the second.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(t) => Cow::Borrowed(t),
            Cell::Number(n) | Cell::Serial(n) => Cow::Owned(n.to_string()),
            Cell::DateTime(t) => {
                let t = if t.nanosecond() >= 500_000_000 {
                    *t + TimeDelta::seconds(1)
                } else {
                    *t
                };
                Cow::Owned(t.format("%Y-%m-%d %H:%M:%S").to_string())
            }
        }
    }
}

/// A table: the header row first, then one row per record (rows may be shorter or longer
/// than the header).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    /// The line (row number) of the header in its file: 1 for a CSV, the sheet's row for a
    /// workbook; problems name the lines counted from it.
    pub first_line: usize,
    /// The rows, the header first.
    pub rows: Vec<Vec<Cell>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_text() {
        assert_eq!(Cell::Number(100.0).text(), "100");
        assert_eq!(Cell::Serial(45719.34027777778).text(), "45719.34027777778");
        let t = chrono::NaiveDate::from_ymd_opt(2025, 3, 3)
            .and_then(|d| d.and_hms_milli_opt(8, 9, 59, 600))
            .unwrap_or_default();
        assert_eq!(Cell::DateTime(t).text(), "2025-03-03 08:10:00");
        assert!(Cell::Text(" ".into()).is_blank() && !Cell::Number(0.0).is_blank());
    }
}
