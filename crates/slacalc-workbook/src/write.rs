//! Writing the engine's exported tables ([`Export`]) as an `.xlsx`: time columns as real date
//! cells (`yyyy-mm-dd hh:mm`, wall-clock time in the contract's zone, UTC+08:00), yuan as
//! numbers (`0.00`), counts as numbers, the rest as text; the header bold and frozen.

use crate::WorkbookError;
use chrono::{Datelike, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use slacalc::case::Incident;
use slacalc::table::{self, ColumnKind, Export};
use slacalc::text::Lang;
use slacalc::time::{Instant, CONTRACT_OFFSET};
use slacalc::Assessment;

impl From<XlsxError> for WorkbookError {
    fn from(e: XlsxError) -> WorkbookError {
        WorkbookError::Write(e.to_string())
    }
}

/// The name of the sheet an export is written to, in `lang`: the incidents (`事件`,
/// `incidents`) or the assessed ledger (`评估结果`, `assessed`).
pub fn sheet_name(assessed: bool, lang: Lang) -> &'static str {
    match (assessed, lang) {
        (false, Lang::Zh) => "事件",
        (false, Lang::En) => "incidents",
        (true, Lang::Zh) => "评估结果",
        (true, Lang::En) => "assessed",
    }
}

/// Incidents as an `.xlsx` ([`table::incident_export`]), headers in `lang`; it reads back
/// through [`crate::read_workbook`] and [`slacalc::table::read_grid`] as the same incidents.
pub fn incidents_xlsx<'a>(
    incidents: impl IntoIterator<Item = &'a Incident>,
    lang: Lang,
) -> Result<Vec<u8>, WorkbookError> {
    export_xlsx(
        &table::incident_export(incidents, lang),
        sheet_name(false, lang),
    )
}

/// The assessed ledger as an `.xlsx` ([`table::assessment_export`]), headers in `lang`.
pub fn assessment_xlsx(a: &Assessment, lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    export_xlsx(&table::assessment_export(a, lang), sheet_name(true, lang))
}

/// A ledger as the page exports it (issue #16): one `.xlsx` with the assessed ledger (sheet
/// `评估结果`/`assessed`) and its incidents (sheet `事件`/`incidents`, which imports back),
/// headers in `lang`.
pub fn ledger_xlsx<'a>(
    a: &Assessment,
    incidents: impl IntoIterator<Item = &'a Incident>,
    lang: Lang,
) -> Result<Vec<u8>, WorkbookError> {
    let mut book = Workbook::new();
    add_sheet(
        &mut book,
        &table::assessment_export(a, lang),
        sheet_name(true, lang),
    )?;
    add_sheet(
        &mut book,
        &table::incident_export(incidents, lang),
        sheet_name(false, lang),
    )?;
    Ok(book.save_to_buffer()?)
}

/// An exported table as the bytes of an `.xlsx` of one sheet named `sheet`.
pub fn export_xlsx(export: &Export, sheet: &str) -> Result<Vec<u8>, WorkbookError> {
    let mut book = Workbook::new();
    add_sheet(&mut book, export, sheet)?;
    Ok(book.save_to_buffer()?)
}

/// An exported table as a sheet named `sheet` of `book`.
fn add_sheet(book: &mut Workbook, export: &Export, sheet: &str) -> Result<(), WorkbookError> {
    let ws = book.add_worksheet();
    ws.set_name(sheet)?;
    let bold = Format::new().set_bold();
    let when = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let yuan = Format::new().set_num_format("0.00");
    for (c, h) in export.header.iter().enumerate() {
        ws.write_string_with_format(0, col(c)?, h, &bold)?;
    }
    for (r, row) in export.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| WorkbookError::Write("too many rows".into()))?;
        for (c, text) in row.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            let c = col(c)?;
            let kind = export.kinds.get(usize::from(c)).copied();
            match (kind, number(text)) {
                (Some(ColumnKind::Time), _) => match date_cell(text) {
                    Some(t) => ws.write_datetime_with_format(r, c, t, &when)?,
                    None => ws.write_string(r, c, text)?,
                },
                (Some(ColumnKind::Yuan), Some(n)) => ws.write_number_with_format(r, c, n, &yuan)?,
                (Some(ColumnKind::Number), Some(n)) => ws.write_number(r, c, n)?,
                _ => ws.write_string(r, c, text)?,
            };
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofit();
    for (c, kind) in export.kinds.iter().enumerate() {
        if *kind == ColumnKind::Time {
            ws.set_column_width(col(c)?, 17)?;
        }
    }
    Ok(())
}

/// A column index as the writer takes it.
fn col(c: usize) -> Result<u16, WorkbookError> {
    u16::try_from(c).map_err(|_| WorkbookError::Write("too many columns".into()))
}

/// A decimal as a number (`"5000.00"`, `"1.5"`); `None` for a word (`most`).
fn number(text: &str) -> Option<f64> {
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// An RFC 3339 instant as a date cell: its wall-clock time in UTC+08:00.
fn date_cell(text: &str) -> Option<ExcelDateTime> {
    let t = Instant::parse(text).ok()?.0.with_timezone(&CONTRACT_OFFSET);
    let (y, mo, d) = (
        u16::try_from(t.year()).ok()?,
        u8::try_from(t.month()).ok()?,
        u8::try_from(t.day()).ok()?,
    );
    let (h, mi, s) = (
        u16::try_from(t.hour()).ok()?,
        u8::try_from(t.minute()).ok()?,
        t.second(),
    );
    ExcelDateTime::from_ymd(y, mo, d)
        .and_then(|x| x.and_hms(h, mi, s))
        .ok()
}
