//! Reading and checking a case: the one place where input is judged. Every front end calls
//! [`parse_case`] and shows the [`CaseError`]s it returns.

use crate::case::{Case, Incident, PRESET_EYOU_SDJU};
use crate::error::{CaseError, Problem};
use crate::time::Instant;
use std::collections::HashSet;

/// Largest case document accepted, in bytes.
pub const MAX_CASE_BYTES: usize = 4 * 1024 * 1024;

/// Reads a case from JSON and checks it. A format error stops at the first problem (with its
/// path); a readable case is checked whole and every problem is returned.
pub fn parse_case(json: &str) -> Result<Case, Vec<CaseError>> {
    if json.len() > MAX_CASE_BYTES {
        return Err(vec![CaseError::at(
            "",
            Problem::Format(format!(
                "the document is larger than {} MiB",
                MAX_CASE_BYTES / 1024 / 1024
            )),
        )]);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let case: Case = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        vec![format_error(path, &e.into_inner())]
    })?;
    de.end()
        .map_err(|e| vec![format_error(String::new(), &e)])?;
    validate(&case)?;
    Ok(case)
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
    let mut errs = Vec::new();
    if case.version != crate::case::CASE_VERSION {
        errs.push(CaseError::at(
            "version",
            Problem::UnsupportedVersion(case.version),
        ));
    }
    if case.terms != PRESET_EYOU_SDJU {
        errs.push(CaseError::at(
            "terms",
            Problem::UnknownTerms(case.terms.clone()),
        ));
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
    let mut ids = HashSet::new();
    for (n, inc) in case.incidents.iter().enumerate() {
        let p = format!("incidents[{n}]");
        if inc.id.trim().is_empty() {
            errs.push(CaseError::at(format!("{p}.id"), Problem::Empty));
        } else if !ids.insert(inc.id.as_str()) {
            errs.push(CaseError::at(
                format!("{p}.id"),
                Problem::DuplicateId(inc.id.clone()),
            ));
        }
        check_incident(&p, inc, &mut errs);
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs)
    }
}

/// Years outside which no time is accepted: far enough for any contract, near enough that
/// every sum of seconds stays exact.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

fn in_range(t: &Instant) -> bool {
    use chrono::Datelike;
    YEARS.contains(&t.0.year())
}

fn check_incident(p: &str, inc: &Incident, errs: &mut Vec<CaseError>) {
    let mut times: Vec<(String, &Instant)> = vec![(format!("{p}.reported_at"), &inc.reported_at)];
    let opt = [
        ("interrupted_from", &inc.interrupted_from),
        ("restored_at", &inc.restored_at),
        ("phone_response_at", &inc.phone_response_at),
        ("remote_access_at", &inc.remote_access_at),
        ("response_at", &inc.response_at),
    ];
    for (name, t) in opt.iter() {
        if let Some(t) = t {
            times.push((format!("{p}.{name}"), t));
        }
    }
    for (k, fm) in inc.force_majeure.iter().enumerate() {
        times.push((format!("{p}.force_majeure[{k}].start"), &fm.start));
        times.push((format!("{p}.force_majeure[{k}].end"), &fm.end));
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
        times.push((format!("{p}.customer_pauses[{k}].start"), &pa.start));
        times.push((format!("{p}.customer_pauses[{k}].end"), &pa.end));
        if pa.end <= pa.start {
            errs.push(CaseError::at(
                format!("{p}.customer_pauses[{k}].end"),
                Problem::EndNotAfterStart,
            ));
        }
    }
    pauses.sort_by_key(|(_, pa)| pa.start);
    for w in pauses.windows(2) {
        if w[1].1.start < w[0].1.end {
            errs.push(CaseError::at(
                format!("{p}.customer_pauses[{}].start", w[1].0),
                Problem::OverlappingPause,
            ));
        }
    }
    for (path, t) in &times {
        if !in_range(t) {
            errs.push(CaseError::at(path.clone(), Problem::OutOfTimeRange));
        }
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
