//! A table as a spreadsheet holds it: rows of typed cells (text, numbers, date-times, empty).
//! Every table of incidents is read as one (issue #16): a CSV's cells are all text, a
//! workbook's (crate `slacalc-workbook`) keep their types, and `table::read_grid` maps both
//! with the same header synonyms, `--map` columns and cell words.

use chrono::{Datelike, NaiveDateTime, TimeDelta, Timelike};
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
            Cell::Number(n) | Cell::Serial(n) => Cow::Owned(number_text(*n)),
            Cell::DateTime(t) => {
                let t = if t.nanosecond() >= 500_000_000 {
                    *t + TimeDelta::seconds(1)
                } else {
                    *t
                };
                // Written by hand: chrono's `format` would bring its format-string parser
                // into the page's first load.
                Cow::Owned(format!(
                    "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                    t.year(),
                    t.month(),
                    t.day(),
                    t.hour(),
                    t.minute(),
                    t.second()
                ))
            }
        }
    }
}

/// A number as its shortest decimal that reads back as the same `f64` (what `f64`'s `Display`
/// writes: `100`, `12.5`, `45719.34027777778`), written with integer arithmetic only: `core`'s
/// float formatting would cost the page's first load about 20 KB. A number that needs 17
/// significant digits gets the nearest of 16 (a serial then differs by a microsecond, well
/// below the second times are rounded to).
fn number_text(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.fract() == 0.0 && n.abs() < 1e38 {
        // Exact: an integral f64 below 2^127 is an i128.
        return (n as i128).to_string();
    }
    if !n.is_finite() || n.abs() >= 1e38 {
        return if n < 0.0 { "-inf" } else { "inf" }.into();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let n = n.abs();
    // The fewest decimals k for which round(n × 10^k) / 10^k is n again: both sides exact
    // while the scaled value stays below 2^53, so that decimal reads back as n. Past 2^53
    // (15 digits before the point), the fraction alone is written so.
    let int = n.trunc();
    let (whole, part) = if n * 10.0 < 9_007_199_254_740_992.0 {
        (0.0, n)
    } else {
        (int, n - int)
    };
    let mut best = (0u64, 0usize);
    let mut scale = 1.0f64;
    for k in 1..=22 {
        scale *= 10.0;
        let m = (part * scale).round();
        if m + 1.0 >= 9_007_199_254_740_992.0 {
            break;
        }
        best = (m as u64, k);
        // The product may be off by one unit: its neighbours are tried too.
        if let Some(hit) = [m, m - 1.0, m + 1.0]
            .into_iter()
            .find(|c| c / scale == part)
        {
            best = (hit as u64, k);
            break;
        }
    }
    let (m, k) = best;
    let digits = m.to_string();
    let (int_digits, frac) = if digits.len() > k {
        digits.split_at(digits.len() - k)
    } else {
        ("0", digits.as_str())
    };
    let int_digits = if whole > 0.0 {
        (whole as i128).to_string()
    } else {
        int_digits.to_string()
    };
    let zeros = k.saturating_sub(frac.len());
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        return format!("{sign}{int_digits}");
    }
    format!("{sign}{int_digits}.{}{frac}", "0".repeat(zeros))
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
    fn numbers_are_written_as_display_writes_them() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut values = vec![
            0.0,
            100.0,
            12.5,
            0.1,
            0.3,
            -3.25,
            1e-7,
            45719.34027777778,
            45720.625,
            1e20,
            123456789.123,
            0.000123,
            -0.5,
            2.5e-5,
            1e15 + 0.5,
            99.99,
            4.35,
            1.0 / 3.0,
        ];
        for _ in 0..2000 {
            // xorshift: days and fractions as serials have them, and other magnitudes.
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let frac = (x % 86_400_000) as f64 / 86_400_000.0;
            values.push(40_000.0 + (x % 20_000) as f64 + frac);
            values.push((x % 1_000_000) as f64 / 1000.0);
        }
        for v in values {
            let (got, want) = (number_text(v), v.to_string());
            if got != want {
                // 17 significant digits: the nearest of 16 instead.
                let back: f64 = got.parse().unwrap_or(f64::NAN);
                assert!((back - v).abs() <= v.abs() * 1e-15, "{v:?}: {got}");
                assert_eq!(
                    want.trim_start_matches(['-', '0', '.']).len(),
                    18,
                    "{v:?}: {got}"
                );
            }
        }
    }

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
