//! Holiday rulings from and to the yearly JSON many Chinese projects use (one file per year,
//! one entry per day): `{"year":2027,"papers":["…"],"days":[{"name":"元旦","date":"2027-01-01",
//! "isOffDay":true}, …]}`. Consecutive days of one name and kind become one ruling. The source
//! is the entry's own `source` if any (written by [`write_json`]), else the first of `papers`,
//! else `holiday JSON YYYY`; `name_en` likewise if present. Other fields are ignored.

use super::{HolidayRuling, RulingKind, RulingsError};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct YearFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(default)]
    papers: Vec<String>,
    days: Vec<Day>,
}

#[derive(Serialize, Deserialize)]
struct Day {
    name: String,
    date: String,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

/// Reads the yearly holiday JSON (above).
pub fn read_json(text: &str) -> Result<Vec<HolidayRuling>, RulingsError> {
    let text = text.trim_start_matches('\u{feff}');
    let file: YearFile =
        serde_json::from_str(text).map_err(|e| RulingsError::Json(e.to_string()))?;
    let fallback = file
        .papers
        .first()
        .cloned()
        .or_else(|| file.year.map(|y| format!("holiday JSON {y}")))
        .unwrap_or_else(|| "holiday JSON".to_string());
    let mut out: Vec<HolidayRuling> = Vec::new();
    for d in file.days {
        let date = crate::time::parse_date(d.date.trim())
            .ok_or_else(|| RulingsError::BadDate(d.date.clone()))?;
        let kind = if d.is_off_day {
            RulingKind::Off
        } else {
            RulingKind::Workday
        };
        let source = d.source.unwrap_or_else(|| fallback.clone());
        if let Some(last) = out.last_mut().filter(|r| {
            r.kind == kind
                && r.name == d.name
                && r.name_en == d.name_en
                && r.source == source
                && r.last().succ_opt() == Some(date)
        }) {
            last.to = Some(date);
            continue;
        }
        out.push(HolidayRuling {
            from: date,
            to: None,
            kind,
            name: d.name,
            name_en: d.name_en,
            source,
        });
    }
    if out.is_empty() {
        return Err(RulingsError::NothingFound);
    }
    super::writable(out)
}

/// Writes rulings as the yearly holiday JSON, one entry per day, with `source` (and
/// `name_en`) on each entry so that reading it back gives the same days; `year` is the year
/// most days fall in, `papers` every source once.
pub fn write_json(rulings: &[HolidayRuling]) -> String {
    let mut papers: Vec<String> = Vec::new();
    let mut days = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    for r in rulings {
        if !papers.contains(&r.source) {
            papers.push(r.source.clone());
        }
        for date in r.dates() {
            years.push(date.year());
            days.push(Day {
                name: r.name.clone(),
                date: date_text(date),
                is_off_day: r.kind == RulingKind::Off,
                name_en: r.name_en.clone(),
                source: Some(r.source.clone()),
            });
        }
    }
    years.sort_unstable();
    let year = most_common(&years);
    serde_json::to_string_pretty(&YearFile { year, papers, days }).unwrap_or_default()
}

fn date_text(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The value repeated most in a sorted list (the later one on a tie).
fn most_common(sorted: &[i32]) -> Option<i32> {
    sorted
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .and_then(|run| run.first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_days_become_one_ruling() {
        let t = r#"{"year":2027,"papers":["https://www.gov.cn/x"],"days":[
            {"name":"元旦","date":"2027-01-01","isOffDay":true},
            {"name":"元旦","date":"2027-01-02","isOffDay":true},
            {"name":"元旦","date":"2027-01-03","isOffDay":true},
            {"name":"春节","date":"2027-01-31","isOffDay":false}]}"#;
        let r = read_json(t).unwrap_or_default();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].dates().count(), 3);
        assert_eq!(r[0].source, "https://www.gov.cn/x");
        assert_eq!(r[1].kind, RulingKind::Workday);
        assert!(matches!(
            read_json(r#"{"days":[{"name":"x","date":"2027-02-30","isOffDay":true}]}"#),
            Err(RulingsError::BadDate(_))
        ));
    }
}
