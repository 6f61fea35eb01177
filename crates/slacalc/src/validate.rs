//! Reading and checking a case: the one place where input is judged. Every front end calls
//! [`parse_case`] and shows the [`CaseError`]s it returns.

use crate::case::{Case, Incident};
use crate::error::{CaseError, Problem};
use crate::terms::{Terms, TermsSpec};
use crate::time::Instant;
use std::collections::HashSet;

/// Largest case document accepted, in bytes: room for a ledger of 100,000 incidents.
pub const MAX_CASE_BYTES: usize = 64 * 1024 * 1024;

/// Reads a case from JSON and checks it. A format error stops at the first problem (with its
/// path); a readable case is checked whole and every problem is returned.
pub fn parse_case(json: &str) -> Result<Case, Vec<CaseError>> {
    if json.len() > MAX_CASE_BYTES {
        return Err(vec![CaseError::at(
            "",
            Problem::DocumentTooLarge {
                max_mib: MAX_CASE_BYTES / 1024 / 1024,
            },
        )]);
    }
    // A document of another version is named as such before its fields are judged.
    #[derive(serde::Deserialize)]
    struct Probe {
        version: Option<serde_json::Value>,
    }
    if let Ok(Probe {
        version: Some(serde_json::Value::Number(v)),
    }) = serde_json::from_str::<Probe>(json)
    {
        if let Some(v) = v
            .as_u64()
            .filter(|v| *v != u64::from(crate::case::CASE_VERSION))
        {
            let v = u32::try_from(v).unwrap_or(u32::MAX);
            return Err(vec![CaseError::at(
                "version",
                Problem::UnsupportedVersion(v),
            )]);
        }
    }
    // The path of a reader error is recovered from its position (see `path_at`): far smaller
    // in wasm than tracking the path through every deserializer.
    let case: Case = serde_json::from_str(json).map_err(|e| {
        let path = path_at(json, e.line(), e.column());
        vec![format_error(path, &e)]
    })?;
    validate(&case)?;
    Ok(case)
}

/// One open container while scanning JSON text: an object with the key being read, or an
/// array with the index of the element being read.
enum Open {
    Object(Option<String>),
    Array(usize, bool),
}

/// The field path (`incidents[0].cause`) at a reader error's line and column (1-based;
/// columns count bytes, as serde_json does): the key or element the reader was in.
pub fn path_at(json: &str, line: usize, column: usize) -> String {
    let mut offset = 0;
    for (n, l) in json.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            offset += column.min(l.len());
            break;
        }
        offset += l.len();
    }
    let bytes = json.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let text = json.get(start..i.min(json.len())).unwrap_or("");
                match stack.last_mut() {
                    Some(Open::Object(key @ None)) => *key = Some(text.to_string()),
                    Some(Open::Array(_, started)) => *started = true,
                    _ => {}
                }
            }
            b'{' | b'[' => {
                if let Some(Open::Array(_, started)) = stack.last_mut() {
                    *started = true;
                }
                stack.push(if bytes[i] == b'{' {
                    Open::Object(None)
                } else {
                    Open::Array(0, false)
                });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Open::Object(key)) => *key = None,
                Some(Open::Array(n, started)) => {
                    *n += 1;
                    *started = false;
                }
                None => {}
            },
            b' ' | b'\t' | b'\r' | b'\n' | b':' => {}
            _ => {
                if let Some(Open::Array(_, started)) = stack.last_mut() {
                    *started = true;
                }
            }
        }
        i += 1;
    }
    let mut path = String::new();
    for open in &stack {
        match open {
            Open::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Open::Array(n, true) => path.push_str(&format!("[{n}]")),
            _ => break,
        }
    }
    path
}

/// A reader error at `path`, with serde's position moved out of the message.
fn format_error(path: String, e: &serde_json::Error) -> CaseError {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    let mut err = CaseError::at(path, Problem::from_reader_message(&message));
    if e.line() > 0 {
        err.position = Some((e.line(), e.column()));
    }
    err
}

/// Checks the rules a readable case must meet; returns every problem found.
pub fn validate(case: &Case) -> Result<(), Vec<CaseError>> {
    let terms = case.terms.resolve();
    let mut errs = Vec::new();
    check_head(case, terms.as_ref(), &mut errs);
    check_holidays(case, &mut errs);
    let mut ids = HashSet::new();
    for (n, inc) in case.incidents.iter().enumerate() {
        check_one(n, inc, terms.as_ref(), Some(&mut ids), &mut errs);
    }
    check_monitoring(case, terms.as_ref(), &mut errs);
    result(errs)
}

/// Checks everything of a case but its incidents: version, terms, interpretation, contract
/// and monitoring reports (for a ledger whose incidents are checked one at a time with
/// [`validate_incident`] and [`duplicate_ids`]).
pub fn validate_contract(case: &Case) -> Result<(), Vec<CaseError>> {
    let terms = case.terms.resolve();
    let mut errs = Vec::new();
    check_head(case, terms.as_ref(), &mut errs);
    check_holidays(case, &mut errs);
    check_monitoring(case, terms.as_ref(), &mut errs);
    result(errs)
}

/// Checks one incident of a case under `terms`, named `incidents[n]`: everything but
/// whether its id is unique (see [`duplicate_ids`]).
pub fn validate_incident(n: usize, inc: &Incident, terms: &Terms) -> Result<(), Vec<CaseError>> {
    let mut errs = Vec::new();
    check_one(n, inc, Some(terms), None, &mut errs);
    result(errs)
}

/// Each incident whose id an earlier one already has, as `incidents[n].id`.
pub fn duplicate_ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<CaseError> {
    let mut seen = HashSet::new();
    ids.into_iter()
        .enumerate()
        .filter(|(_, id)| !id.trim().is_empty() && !seen.insert(*id))
        .map(|(n, id)| {
            CaseError::at(
                format!("incidents[{n}].id"),
                Problem::DuplicateId(id.to_string()),
            )
        })
        .collect()
}

fn result(errs: Vec<CaseError>) -> Result<(), Vec<CaseError>> {
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs)
    }
}

fn check_head(case: &Case, terms: Option<&Terms>, errs: &mut Vec<CaseError>) {
    if case.version != crate::case::CASE_VERSION {
        errs.push(CaseError::at(
            "version",
            Problem::UnsupportedVersion(case.version),
        ));
    }
    match (&case.terms, terms) {
        (TermsSpec::Preset(id), None) => {
            errs.push(CaseError::at("terms", Problem::UnknownTerms(id.clone())))
        }
        (_, Some(t)) => t.check("terms", errs),
        _ => {}
    }
    let i = &case.interpretation;
    if i.immediate_tolerance_minutes > 60 {
        errs.push(CaseError::at(
            "interpretation.immediate_tolerance_minutes",
            Problem::OutOfRange {
                min: 0,
                max: 60,
                value: i.immediate_tolerance_minutes,
            },
        ));
    }
    if i.monitoring_grace_days > 365 {
        errs.push(CaseError::at(
            "interpretation.monitoring_grace_days",
            Problem::OutOfRange {
                min: 0,
                max: 365,
                value: i.monitoring_grace_days,
            },
        ));
    }
    if !(1..=99).contains(&i.majority_threshold_pct) {
        errs.push(CaseError::at(
            "interpretation.majority_threshold_pct",
            Problem::OutOfRange {
                min: 1,
                max: 99,
                value: i.majority_threshold_pct,
            },
        ));
    }
    let c = &case.contract;
    for (path, d) in [
        ("contract.warranty_start", c.warranty_start),
        ("contract.warranty_end", c.warranty_end),
    ] {
        use chrono::Datelike;
        if !(FIRST_YEAR..=LAST_YEAR).contains(&d.year()) {
            errs.push(CaseError::at(path, year_problem()));
        }
    }
    if c.currency != "CNY" {
        errs.push(CaseError::at(
            "contract.currency",
            Problem::UnsupportedCurrency(c.currency.clone()),
        ));
    }
    if c.warranty_end < c.warranty_start {
        errs.push(CaseError::at(
            "contract.warranty_end",
            Problem::WarrantyEndsBeforeStart,
        ));
    }
}

/// Checks incident `n`, and that its id is not in `ids` (then adds it), if given.
fn check_one<'a>(
    n: usize,
    inc: &'a Incident,
    terms: Option<&Terms>,
    ids: Option<&mut HashSet<&'a str>>,
    errs: &mut Vec<CaseError>,
) {
    // The path is written only for a problem: a ledger's incidents are checked on every
    // change of its contract, and nearly all of them have none.
    let p = Path(n);
    if inc.id.trim().is_empty() {
        errs.push(CaseError::at(format!("{p}.id"), Problem::Empty));
    } else if ids.is_some_and(|ids| !ids.insert(inc.id.as_str())) {
        errs.push(CaseError::at(
            format!("{p}.id"),
            Problem::DuplicateId(inc.id.clone()),
        ));
    }
    check_incident(p, inc, errs);
    if let (Some(d), Some(t)) = (&inc.declared_priority, terms) {
        check_level(|| format!("{p}.declared_priority"), d, t, errs);
    }
}

/// `incidents[n]`, the path of an incident's problems.
#[derive(Clone, Copy)]
struct Path(usize);

impl std::fmt::Display for Path {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "incidents[{}]", self.0)
    }
}

/// Where in an incident a time is (its field, or a part of its k-th force-majeure event or
/// customer pause), made a path only for a problem.
enum At {
    Field(&'static str),
    Span(&'static str, usize, &'static str),
}

impl At {
    fn path(&self, p: Path) -> String {
        match self {
            At::Field(name) => format!("{p}.{name}"),
            At::Span(list, k, part) => format!("{p}.{list}[{k}].{part}"),
        }
    }
}

/// Most holiday rulings a case may carry (a notice has about 15; a century of them fits).
pub const MAX_RULINGS: usize = 2000;
/// Most days one holiday ruling may span (the readers refuse longer ones too).
pub use crate::calendar::rulings::MAX_RULING_DAYS;

/// L1.1: the case's holiday rulings, each under `holidays[k]`.
fn check_holidays(case: &Case, errs: &mut Vec<CaseError>) {
    use chrono::Datelike;
    if case.holidays.len() > MAX_RULINGS {
        errs.push(CaseError::at(
            "holidays",
            Problem::TooManyRulings {
                max: MAX_RULINGS as u32,
            },
        ));
        return;
    }
    for (k, r) in case.holidays.iter().enumerate() {
        let last = r.last();
        for (field, d) in [("from", r.from), ("to", last)] {
            if !(FIRST_YEAR..=LAST_YEAR).contains(&d.year()) {
                errs.push(CaseError::at(
                    format!("holidays[{k}].{field}"),
                    year_problem(),
                ));
            }
        }
        if last < r.from {
            errs.push(CaseError::at(
                format!("holidays[{k}].to"),
                Problem::EndsBeforeFirstDay,
            ));
        } else if (last - r.from).num_days() >= MAX_RULING_DAYS {
            errs.push(CaseError::at(
                format!("holidays[{k}].to"),
                Problem::RulingTooLong {
                    max: MAX_RULING_DAYS as u32,
                },
            ));
        }
        if r.name.trim().is_empty() {
            errs.push(CaseError::at(format!("holidays[{k}].name"), Problem::Empty));
        }
        if r.source.trim().is_empty() {
            errs.push(CaseError::at(
                format!("holidays[{k}].source"),
                Problem::Empty,
            ));
        }
    }
}

fn check_monitoring(case: &Case, terms: Option<&Terms>, errs: &mut Vec<CaseError>) {
    let c = &case.contract;
    if let Some(m) = terms.and_then(|t| t.monitoring.as_ref()) {
        let n = crate::ledger::period_count(c.warranty_start, c.warranty_end, m.every_months);
        for (k, r) in case.monitoring_reports.iter().enumerate() {
            if r.period == 0 || r.period > n {
                errs.push(CaseError::at(
                    format!("monitoring_reports[{k}].period"),
                    Problem::NoSuchPeriod(r.period),
                ));
            }
            if !in_range(&r.delivered_at) {
                errs.push(CaseError::at(
                    format!("monitoring_reports[{k}].delivered_at"),
                    year_problem(),
                ));
            }
        }
    }
}

/// First year a time may fall in.
pub const FIRST_YEAR: i32 = 1970;
/// Last year a time may fall in: far enough for any contract, near enough that every sum of
/// seconds stays exact.
pub const LAST_YEAR: i32 = 2200;

/// Whether `t` lies in the years the calculator works with.
pub fn in_range(t: &Instant) -> bool {
    use chrono::Datelike;
    (FIRST_YEAR..=LAST_YEAR).contains(&t.0.year())
}

/// The problem of a time outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
pub fn year_problem() -> Problem {
    Problem::YearOutOfRange {
        min: FIRST_YEAR,
        max: LAST_YEAR,
    }
}

fn check_level(path: impl FnOnce() -> String, id: &str, terms: &Terms, errs: &mut Vec<CaseError>) {
    if terms.level(id).is_none() {
        let expected = terms
            .levels
            .iter()
            .map(|l| format!("\"{}\"", l.id))
            .collect::<Vec<_>>()
            .join(", ");
        errs.push(CaseError::at(
            path(),
            Problem::UnknownLevel {
                found: id.to_string(),
                expected,
            },
        ));
    }
}

fn check_incident(p: Path, inc: &Incident, errs: &mut Vec<CaseError>) {
    // The times outside the supported years (reported after the other problems).
    let mut out_of_range: Vec<At> = Vec::new();
    let mut time = |at: At, t: &Instant| {
        if !in_range(t) {
            out_of_range.push(at);
        }
    };
    time(At::Field("reported_at"), &inc.reported_at);
    let opt = [
        ("interrupted_from", &inc.interrupted_from),
        ("restored_at", &inc.restored_at),
        ("phone_response_at", &inc.phone_response_at),
        ("remote_access_at", &inc.remote_access_at),
        ("response_at", &inc.response_at),
    ];
    for (name, t) in opt.iter() {
        if let Some(t) = t {
            time(At::Field(name), t);
        }
    }
    for (k, fm) in inc.force_majeure.iter().enumerate() {
        time(At::Span("force_majeure", k, "start"), &fm.start);
        time(At::Span("force_majeure", k, "end"), &fm.end);
        if fm.kind.trim().is_empty() {
            errs.push(CaseError::at(
                format!("{p}.force_majeure[{k}].kind"),
                Problem::Empty,
            ));
        }
        if fm.end <= fm.start {
            errs.push(CaseError::at(
                format!("{p}.force_majeure[{k}].end"),
                Problem::EndNotAfterStart,
            ));
        }
    }
    let mut pauses: Vec<(usize, &crate::case::Pause)> =
        inc.customer_pauses.iter().enumerate().collect();
    for (k, pa) in &pauses {
        time(At::Span("customer_pauses", *k, "start"), &pa.start);
        time(At::Span("customer_pauses", *k, "end"), &pa.end);
        if pa.end <= pa.start {
            errs.push(CaseError::at(
                format!("{p}.customer_pauses[{k}].end"),
                Problem::EndNotAfterStart,
            ));
        }
    }
    crate::order::sort_by_key(&mut pauses, |(_, pa)| pa.start);
    for w in pauses.windows(2) {
        if w[1].1.start < w[0].1.end {
            errs.push(CaseError::at(
                format!("{p}.customer_pauses[{}].start", w[1].0),
                Problem::OverlappingPause,
            ));
        }
    }
    for at in out_of_range {
        errs.push(CaseError::at(at.path(p), year_problem()));
    }
    match (&inc.interrupted_from, &inc.restored_at) {
        (Some(from), Some(to)) if to < from => errs.push(CaseError::at(
            format!("{p}.restored_at"),
            Problem::RestoredBeforeInterruption,
        )),
        (None, Some(_)) => errs.push(CaseError::at(
            format!("{p}.restored_at"),
            Problem::RestoredWithoutInterruption,
        )),
        _ => {}
    }
    let responses = [
        ("phone_response_at", &inc.phone_response_at),
        ("remote_access_at", &inc.remote_access_at),
        ("response_at", &inc.response_at),
    ];
    for (name, t) in responses {
        if let Some(t) = t {
            if *t < inc.reported_at {
                errs.push(CaseError::at(format!("{p}.{name}"), Problem::BeforeReport));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err_path(json: &str) -> String {
        match parse_case(json) {
            Err(e) => e[0].path.clone(),
            Ok(_) => panic!("{json} should not read"),
        }
    }

    const HEAD: &str = r#"{"version":1,"terms":"eyou-sdju","contract":{"price":"5","warranty_start":"2024-01-01","warranty_end":"2026-12-31"}"#;

    fn with_incident(body: &str) -> String {
        format!(
            r#"{HEAD},"incidents":[{{"id":"事件一","reported_at":"2025-01-01T10:00:00+08:00","facts":{{"mailboxes_affected_pct":5,"system_usable":true,"seriously_damaged":false,"kind":"fault"}},"cause":"vendor"}},{body}]}}"#
        )
    }

    #[test]
    fn reader_errors_name_the_field_they_are_in() {
        assert_eq!(
            err_path(r#"{"version":1,"terms":"eyou-sdju","contract":{"price":"-5"}}"#),
            "contract.price"
        );
        assert_eq!(
            err_path(r#"{"version":1,"terms":"eyou-sdju","contract":{"pric":5}}"#),
            "contract.pric"
        );
        assert_eq!(err_path(r#"{"version":"1"}"#), "version");
        let ok = r#"{"id":"b","reported_at":"2025-01-01T10:00:00+08:00","facts":{"mailboxes_affected_pct":5,"system_usable":true,"seriously_damaged":false,"kind":"fault"},"cause":"vendor"}"#;
        assert_eq!(
            err_path(&with_incident(&ok.replace("\"vendor\"", "\"aliens\""))),
            "incidents[1].cause"
        );
        assert_eq!(
            err_path(&with_incident(&ok.replace(":5,", ":500,"))),
            "incidents[1].facts.mailboxes_affected_pct"
        );
        assert_eq!(
            err_path(&with_incident(&ok.replace("+08:00", ""))),
            "incidents[1].reported_at"
        );
        // A missing field is reported at the object that lacks it.
        assert_eq!(
            err_path(&with_incident(
                &ok.replace(r#""cause":"vendor""#, r#""x":1"#)
            )),
            "incidents[1].x"
        );
        assert_eq!(
            err_path(&with_incident(&ok.replace(r#","cause":"vendor""#, ""))),
            "incidents[1]"
        );
        // Multi-line text, strings with escapes and brackets before the error.
        let pretty = "{\n  \"version\": 1,\n  \"terms\": \"eyou-sdju\",\n  \"contract\": {\n    \"currency\": \"C[N\\\"Y\",\n    \"price\": true\n  }\n}";
        assert_eq!(err_path(pretty), "contract.price");
    }
}
