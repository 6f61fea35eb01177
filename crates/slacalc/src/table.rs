//! Incidents as CSV rows, one incident per row, the header naming case fields: the
//! spreadsheet form of a ledger. Rows are read through the same case reader as JSON, so a bad
//! cell gets the same message, named by row and column; good rows are kept.

use crate::assess::Assessment;
use crate::case::Incident;
use crate::error::{CaseError, Problem};
use crate::grid::{Cell, Grid};
use crate::names::Named;
use crate::spreadsheet::{self, DateSystem};
use crate::terms::{Terms, TermsSpec};
use crate::text::Lang;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

mod handed;
mod reading;
pub use handed::{BadRow, Imported};
pub use reading::TableReading;

/// The columns a CSV may have, in the order the template lists them.
pub const COLUMNS: [&str; 15] = [
    "id",
    "reported_at",
    "declared_priority",
    "mailboxes_affected_pct",
    "system_usable",
    "seriously_damaged",
    "kind",
    "cause",
    "interrupted_from",
    "restored_at",
    "phone_response_at",
    "remote_access_at",
    "response_at",
    "force_majeure",
    "customer_pauses",
];

const FACTS: [&str; 4] = [
    "mailboxes_affected_pct",
    "system_usable",
    "seriously_damaged",
    "kind",
];

/// A problem with one cell (or the whole row, when `column` is empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// Line of the file (the header is line 1).
    pub line: usize,
    /// Column name.
    pub column: String,
    /// What is wrong.
    pub problem: Problem,
}

impl RowError {
    /// "line 3, column reported_at: …" in English.
    pub fn en(&self) -> String {
        format!(
            "line {}, column {}: {}",
            self.line,
            self.shown(),
            self.problem
        )
    }

    /// The same in Chinese.
    pub fn zh(&self) -> String {
        format!(
            "第 {} 行,{} 列:{}",
            self.line,
            self.shown(),
            self.problem.zh()
        )
    }

    fn shown(&self) -> &str {
        if self.column.is_empty() {
            "(row)"
        } else {
            &self.column
        }
    }
}

fn boolean(cell: &str) -> Value {
    match spreadsheet::yes_no(cell) {
        Some(b) => Value::Bool(b),
        None => Value::String(cell.trim().to_ascii_lowercase()),
    }
}

/// A time cell: RFC 3339 or `YYYY-MM-DD HH:MM` as the case format reads them, else as a
/// spreadsheet writes it (`2025/3/3 8:10`, `2025年3月3日 8时10分`, a serial number), in the
/// contract's time zone (UTC+08:00).
fn time(cell: &str, dates: DateSystem) -> Value {
    let typed = crate::time::normalize_typed(cell);
    if crate::time::Instant::parse(&typed).is_ok() {
        return Value::String(typed);
    }
    match spreadsheet::cell_time(cell, dates)
        .and_then(|t| t.and_local_timezone(crate::time::CONTRACT_OFFSET).single())
    {
        Some(t) => Value::String(t.to_rfc3339()),
        None => Value::String(typed),
    }
}

/// A declared priority: a level's id, or its name in either language (`紧急` → `urgent`).
fn priority(cell: &str, terms: Option<&Terms>) -> Value {
    let c = cell.trim();
    let by_name = terms.and_then(|t| {
        t.levels
            .iter()
            .find(|l| l.id != c && (l.name.zh == c || l.name.en.eq_ignore_ascii_case(c)))
    });
    Value::String(by_name.map_or(c, |l| l.id.as_str()).to_string())
}

/// `kind@start/end; kind@start/end` (force majeure) or `start/end; …` (pauses).
fn spans(cell: &str, with_kind: bool, dates: DateSystem) -> Value {
    let items = cell
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| {
            let (kind, range) = match (with_kind, item.split_once('@')) {
                (true, Some((k, r))) => (Some(k.trim()), r),
                (true, None) => (Some(""), item),
                (false, _) => (None, item),
            };
            let (start, end) = range.split_once('/').unwrap_or((range, ""));
            let mut m = Map::new();
            if let Some(k) = kind {
                m.insert("kind".into(), Value::String(k.to_string()));
            }
            m.insert("start".into(), time(start, dates));
            m.insert("end".into(), time(end, dates));
            Value::Object(m)
        })
        .collect();
    Value::Array(items)
}

/// One row as an incident object of the case format: `fields[i]` is the case field of
/// the record's column `cols[i]` (`None`: ignored). Every cell is read from its text
/// ([`Cell::text`]), so a workbook's number or date cell reads as the same thing typed into a
/// CSV.
fn row_value(fields: &[Option<&str>], cols: &[usize], record: &[Cell], how: &Cells<'_>) -> Value {
    let mut inc = Map::new();
    let mut facts = Map::new();
    for (name, col) in fields.iter().zip(cols) {
        let Some(name) = *name else { continue };
        let Some(cell) = record.get(*col).filter(|c| !c.is_blank()) else {
            continue;
        };
        let text = cell.text();
        let cell: &str = &text;
        let v = match name {
            "system_usable" | "seriously_damaged" => boolean(cell),
            "mailboxes_affected_pct" => {
                let n = cell.trim().trim_end_matches(['%', '\u{ff05}']).trim();
                match (n.parse::<u64>(), spreadsheet::share_word(n)) {
                    (Ok(n), _) => Value::from(n),
                    (_, Some(word)) => Value::String(word.to_string()),
                    _ => Value::String(cell.trim().to_string()),
                }
            }
            "reported_at" | "interrupted_from" | "restored_at" | "phone_response_at"
            | "remote_access_at" | "response_at" => time(cell, how.dates),
            "force_majeure" => spans(cell, true, how.dates),
            "customer_pauses" => spans(cell, false, how.dates),
            "declared_priority" => priority(cell, how.terms),
            "cause" => Value::String(
                spreadsheet::cause_word(cell)
                    .map_or_else(|| cell.trim().to_string(), str::to_string),
            ),
            "kind" => Value::String(
                spreadsheet::kind_word(cell)
                    .map_or_else(|| cell.trim().to_string(), str::to_string),
            ),
            _ => Value::String(cell.trim().to_string()),
        };
        if FACTS.contains(&name) {
            facts.insert(name.to_string(), v);
        } else {
            inc.insert(name.to_string(), v);
        }
    }
    inc.insert("facts".into(), Value::Object(facts));
    Value::Object(inc)
}

/// How cells are read: the date system of serial numbers, and the terms (for level names).
struct Cells<'t> {
    dates: DateSystem,
    terms: Option<&'t Terms>,
}

/// The column a case path inside one incident names: `incidents[0].facts.kind` → `kind`,
/// `incidents[0].force_majeure[1].end` → `force_majeure`.
fn column_of(path: &str) -> String {
    let inner = path.split_once('.').map_or("", |(_, rest)| rest);
    let inner = inner.trim_start_matches("facts.");
    inner
        .split(['.', '['])
        .next()
        .unwrap_or_default()
        .to_string()
}

/// How a table of incidents is read besides what it says itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Columns the user named: header text → case field, or `None` to leave the column out
    /// (`--map 列名=field`, `--map 列名=-`; the page asks for each unknown column).
    pub columns: Vec<(String, Option<String>)>,
    /// The date system of serial numbers in time cells.
    pub dates: DateSystem,
}

/// What reading a table did, to show before its rows are applied ("412 rows, 3 columns
/// mapped by synonym, 1 by you, 2 rows with problems").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadReport {
    /// The separator found: `,`, `\t` or `;`.
    pub separator: char,
    /// Rows read (blank ones not counted).
    pub rows: usize,
    /// Columns named by a case field's own name.
    pub by_name: usize,
    /// Columns named by a synonym (`报障时间`, `故障原因`, …).
    pub by_synonym: usize,
    /// Columns the user named (`ReadOptions::columns`).
    pub by_user: usize,
    /// Columns the user left out.
    pub ignored: usize,
    /// Rows refused (the others are kept).
    pub bad_rows: usize,
}

/// A table of incidents read: the good incidents (with their line numbers), the problems
/// (each by line and column; bad rows are left out, the good ones kept) and the report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableRead {
    /// The good incidents and their lines.
    pub incidents: Vec<(usize, Incident)>,
    /// The problems.
    pub problems: Vec<RowError>,
    /// What was done.
    pub report: ReadReport,
}

/// The case field of each header (user's mapping first, then names and synonyms), counted
/// into `report`; unknown headers are problems at line 1.
fn resolve_headers(
    header: &[String],
    opts: &ReadOptions,
    report: &mut ReadReport,
    problems: &mut Vec<RowError>,
) -> Vec<Option<&'static str>> {
    let mut fields = Vec::with_capacity(header.len());
    for h in header {
        let h_trim = h.trim().trim_start_matches('\u{feff}');
        let user = opts.columns.iter().find(|(name, _)| name.trim() == h_trim);
        let field = match user {
            Some((_, None)) => {
                report.ignored += 1;
                None
            }
            Some((_, Some(f))) => match spreadsheet::field_of_header(f) {
                Some(field) => {
                    report.by_user += 1;
                    Some(field)
                }
                None => {
                    problems.push(RowError {
                        line: 1,
                        column: h.clone(),
                        problem: Problem::UnknownField(f.clone()),
                    });
                    None
                }
            },
            None => match spreadsheet::field_of_header(h) {
                Some(field) => {
                    if spreadsheet::is_field_name(h) {
                        report.by_name += 1;
                    } else {
                        report.by_synonym += 1;
                    }
                    Some(field)
                }
                None => {
                    problems.push(RowError {
                        line: 1,
                        column: h.clone(),
                        problem: Problem::UnknownField(h_trim.to_string()),
                    });
                    None
                }
            },
        };
        // A field named twice: the second column is a problem, not a silent overwrite.
        if let Some(f) = field.filter(|f| fields.contains(&Some(*f))) {
            problems.push(RowError {
                line: 1,
                column: h.clone(),
                problem: Problem::DuplicateField(f.to_string()),
            });
            fields.push(None);
            continue;
        }
        fields.push(field);
    }
    fields
}

/// Reads incidents from a table (CSV, or tab- or semicolon-separated; headers in Chinese or
/// English, [`spreadsheet::HEADER_SYNONYMS`]), each checked as an incident under `terms` (so
/// a declared priority must be one of its levels). The text is read into a [`Grid`] of text
/// cells and mapped by [`read_grid`], as a workbook's cells are. A file that cannot be read
/// at all, or one with a header that names no field, is refused with its problems at line 1.
pub fn read_table(text: &str, terms: &TermsSpec, opts: &ReadOptions) -> TableRead {
    let mut reading = TableReading::of_text(text, terms, opts);
    reading.step(usize::MAX);
    reading.finish()
}

/// A CSV text (any separator [`read_table`] finds) as a grid of text cells, the header
/// first; a record that cannot be read is a blank row. For showing a file's first rows.
pub fn text_grid(text: &str) -> Grid {
    let text = text.trim_start_matches('\u{feff}');
    let (grid, _) = csv_grid(text, spreadsheet::sniff_separator(text));
    grid.unwrap_or_default()
}
/// A CSV text as a grid of text cells (the header first, blank records kept so that lines
/// count as the file's records do), and the records that could not be read, as problems.
fn csv_grid(text: &str, separator: u8) -> (Result<Grid, RowError>, Vec<RowError>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .has_headers(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut grid = Grid {
        first_line: 1,
        rows: Vec::new(),
    };
    let mut broken = Vec::new();
    for (k, record) in reader.records().enumerate() {
        let line = k + 1;
        match record {
            Ok(r) => grid
                .rows
                .push(r.iter().map(|c| Cell::Text(c.to_string())).collect()),
            Err(e) if line == 1 => {
                let problem = RowError {
                    line,
                    column: String::new(),
                    problem: Problem::Format(e.to_string()),
                };
                return (Err(problem), broken);
            }
            Err(e) => {
                // Kept as a blank row, so the next records keep their lines.
                grid.rows.push(Vec::new());
                broken.push(RowError {
                    line,
                    column: String::new(),
                    problem: Problem::Format(e.to_string()),
                });
            }
        }
    }
    (Ok(grid), broken)
}

/// Reads incidents from a grid of cells (the header row first): the one mapping of every
/// table, a CSV's ([`read_table`]) or a workbook's ([`TableReading`], a slice of rows at a
/// time, does the work).
pub fn read_grid(grid: &Grid, terms: &TermsSpec, opts: &ReadOptions) -> TableRead {
    let mut reading = TableReading::of_grid(grid.clone(), terms, opts);
    reading.step(usize::MAX);
    reading.finish()
}

/// Reads incidents from CSV text with no options ([`read_table`]): the good incidents (with
/// their line numbers) and the problems of the bad rows.
pub fn read_incidents(text: &str, terms: &TermsSpec) -> (Vec<(usize, Incident)>, Vec<RowError>) {
    let read = read_table(text, terms, &ReadOptions::default());
    (read.incidents, read.problems)
}

/// Reads and checks one incident object with the case reader, as `incidents[0]`.
fn parse_row(v: &Value, terms: &Value) -> Result<Incident, Vec<CaseError>> {
    let doc = serde_json::json!({
        "version": 1, "terms": terms,
        "contract": { "price": "0", "warranty_start": "1970-01-01", "warranty_end": "2200-12-31" },
        "incidents": [v],
    });
    let case = crate::validate::parse_case(&doc.to_string())?;
    case.incidents
        .into_iter()
        .next()
        .ok_or_else(|| vec![CaseError::at("incidents[0]", Problem::Empty)])
}

/// One CSV field appended to `out`, quoted when it holds a comma, a quote or a line break
/// (RFC 4180): the exports' writer, and the workbook module's sheet handed to the page as CSV.
pub fn csv_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// What a column of an exported table holds, for writers that keep types (a workbook's date
/// cells and numbers); the CSV writes every cell as its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColumnKind {
    /// Text.
    Text,
    /// An RFC 3339 instant (empty when there is none).
    Time,
    /// A number written as a decimal (or a word such as `most`, kept as text).
    Number,
    /// An amount in yuan with two decimals.
    Yuan,
}

/// A table to write: the header (in the chosen language), the kind of each column, and each
/// row's cells as text, exactly as the CSV writes them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    /// The header.
    pub header: Vec<String>,
    /// The kind of each column.
    pub kinds: Vec<ColumnKind>,
    /// The rows.
    pub rows: Vec<Vec<String>>,
}

impl Export {
    /// The table as CSV (RFC 4180: a field quoted when it holds a comma, a quote or a line
    /// break). Written by hand: a second use of the csv writer would bring its float parsing
    /// into the page's wasm.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let mut record = |fields: &mut dyn Iterator<Item = &str>| {
            for (n, field) in fields.enumerate() {
                if n > 0 {
                    out.push(',');
                }
                csv_field(&mut out, field);
            }
            out.push('\n');
        };
        record(&mut self.header.iter().map(String::as_str));
        for row in &self.rows {
            record(&mut row.iter().map(String::as_str));
        }
        out
    }
}

/// The header of the incidents table in `lang`: the field names in English, their usual
/// Chinese names in Chinese (the first synonym of [`spreadsheet::HEADER_SYNONYMS`], so the
/// table reads back as it is, issue #16).
pub fn incident_header(lang: Lang) -> Vec<&'static str> {
    COLUMNS
        .iter()
        .map(|c| match lang {
            Lang::En => c,
            Lang::Zh => spreadsheet::HEADER_SYNONYMS
                .iter()
                .find(|(f, _)| f == c)
                .and_then(|(_, names)| names.first())
                .copied()
                .unwrap_or(c),
        })
        .collect()
}

/// Incidents as a table in the columns [`COLUMNS`] (what [`read_table`] reads back): times
/// in RFC 3339, force majeure as `kind@start/end; …`, pauses as `start/end; …`.
pub fn incident_export<'a>(
    incidents: impl IntoIterator<Item = &'a Incident>,
    lang: Lang,
) -> Export {
    let text = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let spans = |v: &Value| -> String {
        let items = v.as_array().map(Vec::as_slice).unwrap_or_default();
        items
            .iter()
            .map(|s| {
                let range = format!("{}/{}", text(&s["start"]), text(&s["end"]));
                match s.get("kind") {
                    Some(k) => format!("{}@{range}", text(k)),
                    None => range,
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let rows = incidents
        .into_iter()
        .map(|inc| {
            let v = serde_json::to_value(inc).unwrap_or_default();
            COLUMNS
                .iter()
                .map(|&c| match c {
                    "force_majeure" | "customer_pauses" => spans(&v[c]),
                    _ if FACTS.contains(&c) => text(&v["facts"][c]),
                    _ => text(&v[c]),
                })
                .collect()
        })
        .collect();
    let kinds = COLUMNS
        .iter()
        .map(|&c| match c {
            "reported_at" | "interrupted_from" | "restored_at" | "phone_response_at"
            | "remote_access_at" | "response_at" => ColumnKind::Time,
            "mailboxes_affected_pct" => ColumnKind::Number,
            _ => ColumnKind::Text,
        })
        .collect();
    Export {
        header: incident_header(lang)
            .into_iter()
            .map(String::from)
            .collect(),
        kinds,
        rows,
    }
}

/// Incidents as CSV in the columns [`COLUMNS`] (what [`read_incidents`] reads back), the
/// header in English ([`incident_export`]).
pub fn write_incidents<'a>(incidents: impl IntoIterator<Item = &'a Incident>) -> String {
    write_incidents_in(incidents, Lang::En)
}

/// [`write_incidents`] with the header in `lang` ([`incident_header`]).
pub fn write_incidents_in<'a>(
    incidents: impl IntoIterator<Item = &'a Incident>,
    lang: Lang,
) -> String {
    incident_export(incidents, lang).to_csv()
}

/// The columns of the assessed ledger: the English and Chinese header, and the kind.
const ASSESSED: [(&str, &str, ColumnKind); 17] = [
    ("id", "编号", ColumnKind::Text),
    ("priority", "优先级", ColumnKind::Text),
    ("event_level", "事件等级", ColumnKind::Text),
    ("channel", "报告渠道", ColumnKind::Text),
    ("coverage", "责任认定", ColumnKind::Text),
    ("phone_response_due", "电话响应截止", ColumnKind::Time),
    ("phone_response_status", "电话响应结果", ColumnKind::Text),
    ("remote_access_due", "远程接入截止", ColumnKind::Time),
    ("remote_access_status", "远程接入结果", ColumnKind::Text),
    ("response_due", "响应截止", ColumnKind::Time),
    ("response_status", "响应结果", ColumnKind::Text),
    ("restore_due", "恢复截止", ColumnKind::Time),
    ("restore_status", "恢复结果", ColumnKind::Text),
    ("restore_late_minutes", "恢复超时(分钟)", ColumnKind::Number),
    ("penalty_days", "违约天数", ColumnKind::Number),
    ("penalty_amount", "违约金", ColumnKind::Yuan),
    ("penalty_applied", "计入金额", ColumnKind::Yuan),
];

/// The assessed ledger as a table: one row per incident with its verdict, each deadline and
/// the damages, and a last row with the totals; the header in `lang` (the values stay as the
/// case format and the result name them).
pub fn assessment_export(a: &Assessment, lang: Lang) -> Export {
    let mut rows = Vec::with_capacity(a.incidents.len() + 1);
    for r in &a.incidents {
        let mut row: Vec<String> = vec![
            r.id.clone(),
            r.priority.clone(),
            r.event_level.names().1.to_string(),
            r.channel.names().1.to_string(),
            r.coverage.id().to_string(),
        ];
        for kind in [
            crate::vocab::DeadlineKind::PhoneResponse,
            crate::vocab::DeadlineKind::RemoteAccess,
            crate::vocab::DeadlineKind::Response,
            crate::vocab::DeadlineKind::Restore,
        ] {
            let restore = kind == crate::vocab::DeadlineKind::Restore;
            match r.deadlines.iter().find(|d| d.kind == kind) {
                Some(d) => {
                    row.push(d.due.to_string());
                    row.push(d.status.names().1.to_string());
                    if restore {
                        row.push(d.late_minutes.to_string());
                    }
                }
                None => {
                    row.push(String::new());
                    row.push(String::new());
                    if restore {
                        row.push(String::new());
                    }
                }
            }
        }
        row.push(r.penalty.periods_exact.clone());
        row.push(r.penalty.amount.to_string());
        row.push(r.penalty.applied.to_string());
        rows.push(row);
    }
    let mut total = vec![String::new(); ASSESSED.len()];
    total[0] = "TOTAL".into();
    total[15] = a.total.uncapped.to_string();
    total[16] = a.total.penalty.to_string();
    rows.push(total);
    Export {
        header: ASSESSED
            .iter()
            .map(|(en, zh, _)| match lang {
                Lang::En => en.to_string(),
                Lang::Zh => zh.to_string(),
            })
            .collect(),
        kinds: ASSESSED.iter().map(|c| c.2).collect(),
        rows,
    }
}

/// The assessed ledger as CSV ([`assessment_export`]), the header in English.
pub fn write_assessment(a: &Assessment) -> String {
    write_assessment_in(a, Lang::En)
}

/// [`write_assessment`] with the header in `lang`.
pub fn write_assessment_in(a: &Assessment, lang: Lang) -> String {
    assessment_export(a, lang).to_csv()
}

#[cfg(test)]
mod tests {
    use super::*;

    static LETTER: std::sync::LazyLock<TermsSpec> =
        std::sync::LazyLock::new(|| TermsSpec::Preset("eyou-sdju".into()));

    const CSV: &str = "id,reported_at,declared_priority,mailboxes_affected_pct,system_usable,seriously_damaged,kind,cause,interrupted_from,restored_at,phone_response_at,remote_access_at,response_at,force_majeure,customer_pauses
a,2025-03-03 08:10,urgent,100,no,yes,fault,vendor,2025-03-03 08:00,2025-03-04 15:00,2025-03-03 08:12,2025-03-03 08:35,,,
b,2025-03-03 25:00,general,5,yes,no,fault,vendor,,,,,,,
c,2025-04-01 10:00,,few,yes,no,fault,aliens,,,,,,typhoon@2025-04-01 00:00/2025-04-02 00:00,2025-04-01 10:00/2025-04-01 11:00
";

    #[test]
    fn good_rows_are_kept_and_bad_cells_named() {
        let (good, bad) = read_incidents(CSV, &LETTER);
        assert_eq!(good.len(), 1);
        assert_eq!(good[0].0, 2);
        assert_eq!(good[0].1.id, "a");
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert_eq!((bad[0].line, bad[0].column.as_str()), (3, "reported_at"));
        assert_eq!((bad[1].line, bad[1].column.as_str()), (4, "cause"));
        assert!(bad[1].en().starts_with("line 4, column cause: "));
    }

    #[test]
    fn written_incidents_read_back_the_same() {
        let (good, _) = read_incidents(&CSV.replace("aliens", "vendor"), &LETTER);
        let incidents: Vec<Incident> = good.into_iter().map(|(_, i)| i).collect();
        let text = write_incidents(&incidents);
        assert!(text.starts_with("id,reported_at,"), "{text}");
        let (again, bad) = read_incidents(&text, &LETTER);
        assert!(bad.is_empty(), "{bad:?}");
        let again: Vec<Incident> = again.into_iter().map(|(_, i)| i).collect();
        assert_eq!(again, incidents);
        assert!(text.contains("typhoon@2025-04-01T00:00:00+08:00/2025-04-02T00:00:00+08:00"));
        // Quotes, commas and line breaks survive.
        let mut odd = incidents[0].clone();
        odd.id = "a, \"b\"\nc".into();
        let (back, bad) = read_incidents(&write_incidents([&odd]), &LETTER);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(back[0].1.id, odd.id);
        // With Chinese headers (the page in Chinese) they read back the same too.
        let zh = write_incidents_in(&incidents, Lang::Zh);
        assert!(
            zh.starts_with("编号,报告时间,优先级,受影响邮箱比例,"),
            "{zh}"
        );
        let read = read_table(&zh, &LETTER, &ReadOptions::default());
        assert!(read.problems.is_empty(), "{:?}", read.problems);
        assert_eq!(read.report.by_synonym, COLUMNS.len());
        let again: Vec<Incident> = read.incidents.into_iter().map(|(_, i)| i).collect();
        assert_eq!(again, incidents);
    }

    #[test]
    fn the_assessed_ledger_has_a_chinese_header_in_chinese() {
        let (good, _) = read_incidents(&CSV.replace("aliens", "vendor"), &LETTER);
        let case = crate::case::Case {
            incidents: good.into_iter().map(|(_, i)| i).collect(),
            ..crate::validate::parse_case(include_str!("../../../examples/worked-example.json"))
                .unwrap_or_else(|e| panic!("{e:?}"))
        };
        let as_of = crate::time::Instant::parse("2026-01-01T00:00:00+08:00")
            .unwrap_or_else(|e| panic!("{e}"));
        let a = crate::assess::assess(&case, as_of).unwrap_or_else(|e| panic!("{e:?}"));
        let en = write_assessment(&a);
        let zh = write_assessment_in(&a, Lang::Zh);
        assert!(en.starts_with("id,priority,event_level,"), "{en}");
        assert!(zh.starts_with("编号,优先级,事件等级,"), "{zh}");
        // Only the header differs.
        assert_eq!(
            en.split_once('\n').map(|x| x.1),
            zh.split_once('\n').map(|x| x.1)
        );
        assert_eq!(zh.lines().next().map(|h| h.split(',').count()), Some(17));
    }

    #[test]
    fn typed_cells_read_as_the_same_text_in_a_csv() {
        let t = |s: &str| Cell::Text(s.into());
        let at = chrono::NaiveDate::from_ymd_opt(2025, 3, 3)
            .and_then(|d| d.and_hms_opt(8, 10, 0))
            .unwrap_or_default();
        let head = [
            "编号",
            "报障时间",
            "优先级",
            "受影响邮箱比例",
            "系统可用",
            "严重损坏",
            "类型",
            "原因",
            "故障开始",
            "恢复时间",
        ];
        let mut header: Vec<Cell> = head.iter().map(|h| t(h)).collect();
        header.push(Cell::Empty);
        let grid = Grid {
            first_line: 3,
            rows: vec![
                header,
                vec![
                    Cell::Number(1001.0),
                    Cell::DateTime(at),
                    t("紧急"),
                    Cell::Number(100.0),
                    t("否"),
                    t("是"),
                    t("故障"),
                    t("供应商"),
                    // 2025-03-03 08:00 as a General-formatted serial.
                    Cell::Number(45719.333333333336),
                    Cell::Serial(45720.625),
                ],
                vec![t("1002"), t("2025/3/3 25:00")],
            ],
        };
        let read = read_grid(&grid, &LETTER, &ReadOptions::default());
        let csv =
            "编号,报障时间,优先级,受影响邮箱比例,系统可用,严重损坏,类型,原因,故障开始,恢复时间\n\
                   1001,2025-03-03 08:10,紧急,100,否,是,故障,供应商,2025/3/3 8:00,2025/3/4 15:00\n";
        let want = read_table(csv, &LETTER, &ReadOptions::default());
        assert_eq!(read.incidents.len(), 1, "{:?}", read.problems);
        assert_eq!(read.incidents[0].1, want.incidents[0].1);
        // Lines count from the grid's first line; the blank column is no column.
        assert_eq!(read.incidents[0].0, 4);
        assert_eq!(read.problems.len(), 1, "{:?}", read.problems);
        assert_eq!((read.problems[0].line, read.report.by_synonym), (5, 10));
        // No rows at all: nothing read, nothing wrong.
        let empty = read_grid(&Grid::default(), &LETTER, &ReadOptions::default());
        assert!(empty.incidents.is_empty() && empty.problems.is_empty());
    }

    #[test]
    fn a_repeated_id_is_a_bad_row() {
        let text = CSV.replace("\nb,2025-03-03 25:00", "\na,2025-03-03 09:00");
        let (good, bad) = read_incidents(&text, &LETTER);
        assert_eq!(good.len(), 1);
        assert_eq!((bad[0].line, bad[0].column.as_str()), (3, "id"));
        assert_eq!(bad[0].problem, Problem::DuplicateId("a".into()));
    }

    #[test]
    fn an_unknown_column_is_named() {
        let (good, bad) = read_incidents("id,reported_by\na,Li Lei\n", &LETTER);
        assert!(good.is_empty());
        assert_eq!(bad[0].column, "reported_by");
    }

    #[test]
    fn spans_cells_become_lists() {
        let (good, bad) = read_incidents(&CSV.replace("aliens", "vendor"), &LETTER);
        assert_eq!(bad.len(), 1);
        let c = &good[1].1;
        assert_eq!(c.force_majeure.len(), 1);
        assert_eq!(c.force_majeure[0].kind, "typhoon");
        assert_eq!(c.customer_pauses.len(), 1);
    }
}
