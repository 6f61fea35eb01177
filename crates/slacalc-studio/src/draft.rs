//! The terms being built (issue #15): a JSON tree edited cell by cell, the typed text of
//! every field kept as typed, and after every edit the engine's own check of the terms, its
//! messages by field path. Nothing here computes a rule: the engine reads the terms.

use crate::value::{self, Step};
use serde_json::{json, Value};
use slacalc::clause_table::percent_bp;
use slacalc::vocab::{Cause, DeadlineKind};
use slacalc::CaseError;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The commitments a level may have, as the builder's columns (L3.3a–c, L4.1), in the order
/// they are kept in the terms.
pub const KINDS: [DeadlineKind; 4] = [
    DeadlineKind::PhoneResponse,
    DeadlineKind::RemoteAccess,
    DeadlineKind::Response,
    DeadlineKind::Restore,
];

/// The days of the week as the terms name them (L1.1).
pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The causes an exclusion may cover (L5.2, L5.3): every cause but the vendor's own and an
/// unknown one.
pub const CAUSES: [Cause; 7] = [
    Cause::CustomerPower,
    Cause::CustomerWater,
    Cause::CustomerUps,
    Cause::ServerHardware,
    Cause::OperatingSystem,
    Cause::CustomerMisoperation,
    Cause::Network,
];

/// A JSON name of an engine value (`phone_response`, `customer_power`).
pub fn json_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// One edit of the terms, as a person makes it in the builder.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A text field (id, name, clause, office hours' times), kept as typed.
    Text(String, String),
    /// A text field the terms may leave out (out-of-hours clause): empty removes it.
    Optional(String, String),
    /// A duration (`30m`, `2h`, `PT30M`), kept as typed for the engine to read.
    Duration(String, String),
    /// A percentage of the price (`0.25`), kept in basis points (L4.2, L4.3).
    Percent(String, String),
    /// A whole number (months, a share of what is affected); empty removes it.
    Count(String, String),
    /// A yes/no field.
    Flag(String, bool),
    /// A choice among the engine's names (clock, counting, effect, period).
    Choice(String, String),
    /// A level's condition: yes, no, or not a condition.
    Condition(String, Option<bool>),
    /// A day open in the office hours (L1.1).
    Day(&'static str, bool),
    /// A commitment of a level given or taken away (level, column).
    Cell(usize, DeadlineKind, bool),
    /// A cause covered or not by an exclusion.
    Cause(usize, Cause, bool),
    /// What the criteria count, in one language (`zh` or `en`).
    Measure(&'static str, String),
    /// The clause of an event level (`emergency`, `general`, `consultation`).
    EventClause(&'static str, String),
    /// Monitoring reports (L3.5) in the terms or not.
    Monitoring(bool),
    /// A new level below the others (the fallback is the last).
    AddLevel,
    /// A level taken out.
    RemoveLevel(usize),
    /// A level moved up (`true`) or down.
    MoveLevel(usize, bool),
    /// A new exclusion.
    AddExclusion,
    /// An exclusion taken out.
    RemoveExclusion(usize),
    /// Other terms in place of these (the letter, blank, a file, the library).
    Replace(Value),
}

/// The terms being built, with what the engine says of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The terms as a JSON tree.
    pub terms: Value,
    /// Typed text of fields kept as numbers (percentages), by path, as typed.
    pub raw: BTreeMap<String, String>,
    /// The engine's problems with the terms, paths relative to the terms.
    pub problems: Rc<Vec<CaseError>>,
    /// The terms as JSON text, as they go to the page.
    pub text: String,
}

/// The letter's terms as a tree (`crates/slacalc/terms/eyou-sdju.json`).
pub fn letter() -> Value {
    serde_json::from_str(slacalc::terms::EYOU_SDJU_JSON).unwrap_or(Value::Null)
}

/// Blank terms: every name, clause, duration and rate left to type; office hours Monday to
/// Friday 09:00–18:00 with the PRC calendar, a rate per day counted in started days.
pub fn blank() -> Value {
    json!({
        "id": "",
        "name": { "zh": "", "en": "" },
        "office_hours": {
            "days": ["mon", "tue", "wed", "thu", "fri"],
            "open": "09:00", "close": "18:00", "prc_holidays": true, "clause": ""
        },
        "levels": [],
        "priority_clause": "",
        "restore_clause": "",
        "penalty": {
            "rate_bp": "", "per": "day", "counting": "started_periods", "clause": "",
            "cap_bp": "", "cap_clause": ""
        },
        "exclusions": [],
        "force_majeure_clause": "",
        "pause_clause": ""
    })
}

/// A duration written short (`30m`, `2h`, `1h30m`, `0m`) when it reads; else as given.
pub fn short_duration(text: &str) -> String {
    let Some(slacalc::time::Seconds(s)) = slacalc::time::parse_duration(text) else {
        return text.to_string();
    };
    if s == 0 {
        return "0m".into();
    }
    let mut out = String::new();
    let mut rest = s;
    for (unit, secs) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] {
        if rest >= secs {
            out.push_str(&format!("{}{unit}", rest / secs));
            rest %= secs;
        }
    }
    out
}

/// A percentage typed (`0.25`, `5 %`) in basis points, exact to 0.01 %; `None` when it does
/// not read so.
pub fn percent_to_bp(text: &str) -> Option<u32> {
    let t = text.trim().trim_end_matches(['%', '%']).trim();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty() && frac.is_empty()
        || frac.len() > 2
        || !whole
            .chars()
            .chain(frac.chars())
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: u32 = format!("{frac:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(frac)
}

/// The case the terms are checked in: the worked example's contract, no incident.
fn checked(terms_text: &str) -> Vec<CaseError> {
    let case = format!(
        "{{\"version\":1,\"terms\":{terms_text},\"contract\":{{\"price\":\"1000000.00\",\
         \"currency\":\"CNY\",\"warranty_start\":\"2024-01-01\",\"warranty_end\":\"2026-12-31\"}},\
         \"incidents\":[]}}"
    );
    match slacalc::parse_case(&case) {
        Ok(_) => Vec::new(),
        Err(errs) => errs
            .into_iter()
            .filter_map(|mut e| {
                let rel = match e.path.strip_prefix("terms") {
                    Some(r) => r.strip_prefix('.').unwrap_or(r).to_string(),
                    None => return None,
                };
                e.path = rel;
                Some(e)
            })
            .collect(),
    }
}

impl Draft {
    /// A draft of `terms`, checked; durations written short.
    pub fn of(mut terms: Value) -> Draft {
        if let Some(levels) = terms.get_mut("levels").and_then(Value::as_array_mut) {
            for l in levels {
                if let Some(cs) = l.get_mut("commitments").and_then(Value::as_array_mut) {
                    for c in cs {
                        if let Some(Value::String(w)) = c.get_mut("within") {
                            *w = short_duration(w);
                        }
                    }
                }
            }
        }
        let mut d = Draft {
            terms,
            raw: BTreeMap::new(),
            problems: Rc::new(Vec::new()),
            text: String::new(),
        };
        d.recheck();
        d
    }

    /// Terms read from a file or the page: a terms object, or a case carrying its terms
    /// inline; `None` when the text holds neither.
    pub fn read(text: &str) -> Option<Value> {
        let v: Value = serde_json::from_str(text).ok()?;
        match v.get("terms") {
            Some(t @ Value::Object(_)) => Some(t.clone()),
            _ if v.get("levels").is_some() => Some(v),
            _ => None,
        }
    }

    fn recheck(&mut self) {
        self.text = serde_json::to_string_pretty(&self.terms).unwrap_or_default();
        self.problems = Rc::new(checked(&self.text));
    }

    /// The engine's messages about the field at `path`.
    pub fn problems_at<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a CaseError> {
        self.problems.iter().filter(move |e| e.path == path)
    }

    /// The text a field at `path` shows: as typed when it did not read, else its value.
    pub fn shown(&self, path: &str) -> String {
        if let Some(t) = self.raw.get(path) {
            return t.clone();
        }
        match value::get(&self.terms, path) {
            Some(Value::Number(n)) if path.ends_with("_bp") => {
                n.as_u64().map_or(n.to_string(), |bp| {
                    percent_bp(u32::try_from(bp).unwrap_or(u32::MAX))
                })
            }
            _ => value::text(&self.terms, path),
        }
    }

    /// Where the commitment `kind` of level `level` sits among its commitments.
    pub fn cell(&self, level: usize, kind: DeadlineKind) -> Option<usize> {
        let name = json_name(&kind);
        value::get(&self.terms, &format!("levels[{level}].commitments"))?
            .as_array()?
            .iter()
            .position(|c| c.get("kind").and_then(Value::as_str) == Some(name.as_str()))
    }

    /// How many levels the terms have.
    pub fn levels(&self) -> usize {
        self.count("levels")
    }

    /// How many exclusions the terms have.
    pub fn exclusions(&self) -> usize {
        self.count("exclusions")
    }

    fn count(&self, path: &str) -> usize {
        value::get(&self.terms, path)
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    }

    /// Applies one edit and checks the terms again.
    pub fn apply(&mut self, edit: Edit) {
        let t = &mut self.terms;
        match edit {
            Edit::Text(path, text) | Edit::Duration(path, text) => {
                value::set(t, &path, Value::String(text))
            }
            Edit::Optional(path, text) => {
                if text.trim().is_empty() {
                    value::remove(t, &path)
                } else {
                    value::set(t, &path, Value::String(text))
                }
            }
            // Shown as typed (`0.` on the way to `0.5`); kept in basis points when it reads,
            // else as typed, for the engine to name the field it cannot read.
            Edit::Percent(path, text) => {
                match percent_to_bp(&text) {
                    Some(bp) => value::set(t, &path, json!(bp)),
                    None => value::set(t, &path, Value::String(text.clone())),
                }
                self.raw.insert(path, text);
            }
            Edit::Count(path, text) => match text.trim() {
                "" => value::remove(t, &path),
                n => match n.parse::<u32>() {
                    Ok(n) => value::set(t, &path, json!(n)),
                    Err(_) => value::set(t, &path, Value::String(text)),
                },
            },
            Edit::Flag(path, on) => value::set(t, &path, Value::Bool(on)),
            Edit::Choice(path, name) => value::set(t, &path, Value::String(name)),
            Edit::Condition(path, v) => match v {
                Some(v) => value::set(t, &path, Value::Bool(v)),
                None => value::remove(t, &path),
            },
            Edit::Day(day, on) => {
                if let Some(days) = value::array_mut(t, "office_hours.days") {
                    days.retain(|d| d.as_str() != Some(day));
                    if on {
                        days.push(json!(day));
                        days.sort_by_key(|d| DAYS.iter().position(|x| Some(*x) == d.as_str()));
                    }
                }
            }
            Edit::Cell(level, kind, on) => self.set_cell(level, kind, on),
            Edit::Cause(i, cause, on) => {
                let name = json_name(&cause);
                if let Some(causes) = value::array_mut(t, &format!("exclusions[{i}].causes")) {
                    causes.retain(|c| c.as_str() != Some(name.as_str()));
                    if on {
                        causes.push(json!(name));
                        causes.sort_by_key(|c| {
                            CAUSES
                                .iter()
                                .position(|x| json_name(x) == c.as_str().unwrap_or(""))
                        });
                    }
                }
            }
            Edit::Measure(lang, text) => {
                for l in ["zh", "en"] {
                    if value::get(t, &format!("measure.{l}")).is_none() {
                        value::set(t, &format!("measure.{l}"), json!(""));
                    }
                }
                value::set(t, &format!("measure.{lang}"), Value::String(text));
                let blank = |l: &str| value::text(t, &format!("measure.{l}")).trim().is_empty();
                if blank("zh") && blank("en") {
                    value::remove(t, "measure");
                }
            }
            Edit::EventClause(which, text) => {
                for w in ["emergency", "general", "consultation"] {
                    if value::get(t, &format!("event_clauses.{w}")).is_none() {
                        value::set(t, &format!("event_clauses.{w}"), json!(""));
                    }
                }
                value::set(t, &format!("event_clauses.{which}"), Value::String(text));
                let all_blank = ["emergency", "general", "consultation"].iter().all(|w| {
                    value::text(t, &format!("event_clauses.{w}"))
                        .trim()
                        .is_empty()
                });
                if all_blank {
                    value::remove(t, "event_clauses");
                }
            }
            Edit::Monitoring(on) => {
                if on {
                    value::set(t, "monitoring", json!({ "every_months": "", "clause": "" }));
                } else {
                    value::remove(t, "monitoring");
                }
            }
            Edit::AddLevel => {
                if let Some(levels) = value::array_mut(t, "levels") {
                    levels.push(json!({
                        "id": "", "name": { "zh": "", "en": "" }, "clause": "",
                        "when": {}, "commitments": []
                    }));
                }
            }
            Edit::RemoveLevel(i) => {
                if let Some(levels) = value::array_mut(t, "levels") {
                    if i < levels.len() {
                        levels.remove(i);
                    }
                }
                self.shift_raw("levels", i, None);
            }
            Edit::MoveLevel(i, up) => {
                if let Some(levels) = value::array_mut(t, "levels") {
                    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
                    if let Some(j) = j.filter(|j| *j < levels.len() && i < levels.len()) {
                        levels.swap(i, j);
                        self.shift_raw("levels", i, Some(j));
                    }
                }
            }
            Edit::AddExclusion => {
                if let Some(ex) = value::array_mut(t, "exclusions") {
                    ex.push(json!({ "causes": [], "effect": "no_sla", "clause": "" }));
                }
            }
            Edit::RemoveExclusion(i) => {
                if let Some(ex) = value::array_mut(t, "exclusions") {
                    if i < ex.len() {
                        ex.remove(i);
                    }
                }
            }
            Edit::Replace(terms) => {
                *self = Draft::of(terms);
                return;
            }
        }
        self.recheck();
    }

    /// Typed text kept for rows of `array` that moved: `i` removed (`None`) or swapped with `j`.
    fn shift_raw(&mut self, array: &str, i: usize, j: Option<usize>) {
        let prefix = format!("{array}[");
        let moved: BTreeMap<String, String> = std::mem::take(&mut self.raw)
            .into_iter()
            .filter_map(|(path, text)| {
                let steps = value::steps(&path);
                let at = match (steps.first(), steps.get(1)) {
                    (Some(Step::Key(k)), Some(Step::Index(n)))
                        if path.starts_with(&prefix) && k == array =>
                    {
                        *n
                    }
                    _ => return Some((path, text)),
                };
                let tail = &path[prefix.len() + at.to_string().len() + 1..];
                let to = match j {
                    None if at == i => return None,
                    None if at > i => at - 1,
                    Some(j) if at == i => j,
                    Some(j) if at == j => i,
                    _ => at,
                };
                Some((format!("{array}[{to}]{tail}"), text))
            })
            .collect();
        self.raw = moved;
    }

    fn set_cell(&mut self, level: usize, kind: DeadlineKind, on: bool) {
        let at = self.cell(level, kind);
        let clause = value::text(&self.terms, &format!("levels[{level}].clause"));
        let Some(cs) = value::array_mut(&mut self.terms, &format!("levels[{level}].commitments"))
        else {
            return;
        };
        match (at, on) {
            (Some(i), false) => {
                cs.remove(i);
            }
            (None, true) => {
                let rank = |k: &str| KINDS.iter().position(|x| json_name(x) == k);
                let mine = rank(&json_name(&kind));
                let pos = cs
                    .iter()
                    .filter(|c| rank(c.get("kind").and_then(Value::as_str).unwrap_or("")) < mine)
                    .count();
                cs.insert(
                    pos,
                    json!({
                        "kind": json_name(&kind), "clause": clause, "within": "",
                        "clock": "24x7", "pauses": false, "immediate": false
                    }),
                );
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use slacalc::terms::{Terms, TermsSpec};

    fn terms_of(d: &Draft) -> Terms {
        match serde_json::from_str(&d.text) {
            Ok(TermsSpec::Inline(t)) => *t,
            other => panic!("not terms: {other:?}\n{}", d.text),
        }
    }

    #[test]
    fn the_letter_reads_without_a_problem_and_shows_short_durations() {
        let d = Draft::of(letter());
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert_eq!(d.shown("levels[0].commitments[1].within"), "30m");
        assert_eq!(d.shown("penalty.rate_bp"), "0.25");
        assert_eq!(d.shown("penalty.cap_bp"), "5");
        assert_eq!(terms_of(&d), Terms::preset("eyou-sdju").expect("letter"));
    }

    #[test]
    fn blank_terms_are_refused_by_field_until_typed() {
        let mut d = Draft::of(blank());
        // The JSON is written with its keys in order: the cap comes before the rate.
        assert_eq!(
            d.problems.first().map(|e| e.path.as_str()),
            Some("penalty.cap_bp")
        );
        d.apply(Edit::Percent("penalty.rate_bp".into(), "0.25".into()));
        d.apply(Edit::Percent("penalty.cap_bp".into(), "5".into()));
        assert_eq!(d.terms["penalty"]["rate_bp"], json!(25));
        assert_eq!(d.terms["penalty"]["cap_bp"], json!(500));
        let paths: Vec<&str> = d.problems.iter().map(|e| e.path.as_str()).collect();
        assert!(paths.contains(&"id"), "{paths:?}");
        assert!(paths.iter().any(|p| p.starts_with("levels")), "{paths:?}");
    }

    #[test]
    fn a_percentage_that_does_not_read_is_kept_as_typed_and_named() {
        let mut d = Draft::of(letter());
        d.apply(Edit::Percent("penalty.rate_bp".into(), "0.255".into()));
        assert_eq!(d.shown("penalty.rate_bp"), "0.255");
        assert_eq!(
            d.problems.first().map(|e| e.path.as_str()),
            Some("penalty.rate_bp")
        );
        d.apply(Edit::Percent("penalty.rate_bp".into(), "0.5%".into()));
        assert_eq!(d.terms["penalty"]["rate_bp"], json!(50));
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        assert_eq!(percent_to_bp("5"), Some(500));
        assert_eq!(percent_to_bp(".5"), Some(50));
        assert_eq!(percent_to_bp("abc"), None);
        assert_eq!(percent_to_bp(""), None);
    }

    #[test]
    fn cells_are_kept_in_column_order_and_levels_move() {
        let mut d = Draft::of(letter());
        d.apply(Edit::Cell(0, DeadlineKind::Response, true));
        let kinds: Vec<&str> = d.terms["levels"][0]["commitments"]
            .as_array()
            .map(|cs| cs.iter().filter_map(|c| c["kind"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(
            kinds,
            ["phone_response", "remote_access", "response", "restore"]
        );
        assert_eq!(d.cell(0, DeadlineKind::Response), Some(2));
        assert_eq!(
            d.problems.first().map(|e| e.path.as_str()),
            Some("levels[0].commitments[2].within")
        );
        d.apply(Edit::Duration(
            "levels[0].commitments[2].within".into(),
            "1h".into(),
        ));
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        d.apply(Edit::MoveLevel(2, true));
        assert_eq!(d.terms["levels"][1]["id"], json!("general"));
        d.apply(Edit::RemoveLevel(1));
        assert_eq!(d.levels(), 2);
        d.apply(Edit::Cell(0, DeadlineKind::Response, false));
        assert_eq!(d.cell(0, DeadlineKind::Response), None);
    }

    #[test]
    fn optional_parts_come_and_go_with_their_text() {
        let mut d = Draft::of(letter());
        d.apply(Edit::Measure("zh", "用户".into()));
        assert_eq!(
            d.problems.first().map(|e| e.path.as_str()),
            Some("measure.en")
        );
        d.apply(Edit::Measure("en", "users".into()));
        assert_eq!(terms_of(&d).measure_words(), ("用户", "users"));
        d.apply(Edit::Measure("zh", String::new()));
        d.apply(Edit::Measure("en", String::new()));
        assert!(d.terms.get("measure").is_none());
        d.apply(Edit::Monitoring(false));
        assert!(terms_of(&d).monitoring.is_none());
        d.apply(Edit::Day("sat", true));
        assert_eq!(d.terms["office_hours"]["days"][5], json!("sat"));
        d.apply(Edit::Cause(0, Cause::Network, true));
        assert_eq!(d.terms["exclusions"][0]["causes"][3], json!("network"));
        d.apply(Edit::Optional("after_hours_clause".into(), " ".into()));
        assert!(d.terms.get("after_hours_clause").is_none());
    }

    #[test]
    fn typed_text_follows_its_level_when_levels_move() {
        let mut d = Draft::of(letter());
        d.raw.insert("levels[2].x".into(), "kept".into());
        d.apply(Edit::MoveLevel(2, true));
        assert_eq!(d.raw.get("levels[1].x").map(String::as_str), Some("kept"));
        d.apply(Edit::RemoveLevel(0));
        assert_eq!(d.raw.get("levels[0].x").map(String::as_str), Some("kept"));
        d.apply(Edit::RemoveLevel(0));
        assert!(d.raw.is_empty());
    }

    #[test]
    fn terms_are_read_from_a_terms_file_or_a_case() {
        assert!(Draft::read(slacalc::terms::EYOU_SDJU_JSON).is_some());
        let case = format!("{{\"terms\": {}}}", slacalc::terms::EYOU_SDJU_JSON);
        assert!(Draft::read(&case).is_some());
        assert!(Draft::read("{\"terms\": \"eyou-sdju\"}").is_none());
        assert!(Draft::read("not json").is_none());
    }
}
