//! Holiday rulings added by the user (issue #15): the days off (放假) and make-up workdays
//! (调休上班) of a State Council notice the built-in table ([`super::prc`]) does not hold yet,
//! e.g. the next year's notice published in November or December. A case carries them in its
//! optional `holidays` list; they extend or override the built-in table for the office-hours
//! clock (L1.1) and the L1.2 routing, and the explanation cites their source.
//!
//! Three readers, told apart by content ([`read`]): the notice text ([`notice`]), the yearly
//! JSON many Chinese projects use ([`json`]) and an iCalendar file ([`ics`]); writers for the
//! JSON and iCalendar forms. All pure: text in, rulings out. Each reader refuses a ruling with
//! a day outside the years 0000–9999 ([`RulingsError::OutOfRange`]), which `YYYY-MM-DD`
//! cannot write.

pub mod ics;
pub mod json;
pub mod notice;

use super::days::{DayKind, DayName, DayTable, Exception, Source};
use super::prc::Festival;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use thiserror::Error;

/// Most days one ruling may span: a year. A notice's longest break is a week or two (the 2020
/// Spring Festival extension ran to 10 days); a longer range, such as an iCalendar event from
/// 0001 to 9999, is a mistake, and its millions of days would stall the page.
pub const MAX_RULING_DAYS: i64 = 366;

/// What a ruling makes of its days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RulingKind {
    /// Days off (放假), whatever the weekday.
    Off,
    /// Make-up workdays (调休上班日), whatever the weekday.
    Workday,
}

/// One ruling of a holiday notice: a date or an inclusive range of dates, off or worked, with
/// its name and the document it comes from (L1.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayRuling {
    /// First day, `YYYY-MM-DD`.
    #[serde(with = "crate::time::date")]
    pub from: NaiveDate,
    /// Last day (inclusive); absent for a single day.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_date")]
    pub to: Option<NaiveDate>,
    /// Day off or make-up workday.
    pub kind: RulingKind,
    /// Name in Chinese, e.g. 春节.
    pub name: String,
    /// Name in English, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The document, e.g. 国办发明电〔2025〕7号, or the notice's title.
    pub source: String,
}

impl HolidayRuling {
    /// The last day (inclusive).
    pub fn last(&self) -> NaiveDate {
        self.to.unwrap_or(self.from)
    }

    /// Every date it rules on, first to last (none when `to` is before `from`).
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> {
        self.from.iter_days().take_while({
            let last = self.last();
            move |d| *d <= last
        })
    }

    /// The English name: the one given, else the usual English name of a statutory festival
    /// (春节 → Spring Festival), else the Chinese name.
    pub fn english(&self) -> &str {
        match &self.name_en {
            Some(en) if !en.trim().is_empty() => en,
            _ => festival_english(&self.name).unwrap_or(&self.name),
        }
    }
}

/// The usual English name of a festival of the notices, by its Chinese name.
pub fn festival_english(zh: &str) -> Option<&'static str> {
    let zh = zh.trim().trim_matches(['"', '“', '”']);
    let names = [
        ("元旦", "New Year's Day"),
        ("春节", "Spring Festival"),
        ("清明节", "Qingming Festival"),
        ("劳动节", "Labour Day"),
        ("五一劳动节", "Labour Day"),
        ("端午节", "Dragon Boat Festival"),
        ("中秋节", "Mid-Autumn Festival"),
        ("国庆节", "National Day"),
        ("中秋节、国庆节", "Mid-Autumn Festival and National Day"),
        ("国庆节、中秋节", "National Day and Mid-Autumn Festival"),
    ];
    names.iter().find(|(z, _)| *z == zh).map(|(_, en)| *en)
}

/// The years a list of rulings speaks for: a year counts when some day off lies wholly inside
/// it (a notice always rules the Spring Festival of its year; a New Year break that starts in
/// December, or a make-up workday alone, says nothing about a whole year).
pub fn known_years(rulings: &[HolidayRuling]) -> Vec<i32> {
    let mut years: Vec<i32> = rulings
        .iter()
        .filter(|r| r.kind == RulingKind::Off && r.from.year() == r.last().year())
        .map(|r| r.from.year())
        .collect();
    // The engine's one compiled sort (the page's size).
    crate::order::sort(&mut years);
    years.dedup();
    years
}

impl DayTable {
    /// L1.1 with holiday rulings added to the case: each ruling's days become days off or
    /// make-up workdays (a later ruling wins over an earlier one and over the built-in
    /// notices), named and sourced as the ruling says. The coverage grows by the years the
    /// rulings speak for ([`known_years`]) that join it: 2027, then 2028, … after the table's
    /// last year (or before its first). A table without coverage (plain weekly hours) takes
    /// no rulings.
    pub fn add_rulings(&mut self, rulings: &[HolidayRuling]) {
        if self.coverage().is_none() || rulings.is_empty() {
            return;
        }
        for r in rulings {
            // A festival of the table has its English name; any other name without `name_en`
            // is shown as written (the readers fill `name_en` for the festivals they know).
            let name = match (festival_of(&r.name), &r.name_en) {
                (Some(f), None) => DayName::Festival(f),
                (_, en) => DayName::Both(
                    Arc::from(r.name.as_str()),
                    Arc::from(en.as_deref().unwrap_or(&r.name)),
                ),
            };
            let source = Source::Ruling(Arc::from(r.source.as_str()));
            let kind = match r.kind {
                RulingKind::Off => DayKind::Holiday,
                RulingKind::Workday => DayKind::MakeupWorkday,
            };
            for date in r.dates() {
                let e = Exception {
                    kind,
                    name: name.clone(),
                    source: Some(source.clone()),
                };
                self.set_exception(date, e);
            }
        }
        self.extend_coverage(&known_years(rulings));
    }
}

/// The festival of the built-in table a ruling's Chinese name names, if any.
fn festival_of(zh: &str) -> Option<Festival> {
    use Festival::*;
    let zh = zh.trim();
    [
        NewYear,
        Spring,
        Qingming,
        Labour,
        DragonBoat,
        MidAutumn,
        National,
        NationalMidAutumn,
    ]
    .into_iter()
    .find(|f| f.names().0 == zh)
}

/// Why a file of holiday rulings cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RulingsError {
    /// The notice text names no year and none was given.
    #[error(
        "the notice text names no year (as in \"2027年部分节假日安排\"): give the year it arranges"
    )]
    NeedsYear,
    /// A notice extends a break (延长…假期至…) that is not among the rulings read before it.
    #[error("the notice extends the {0} break, which is not among the rulings read before it: read the year's notice first")]
    ExtensionWithoutBreak(String),
    /// Nothing in the text reads as a day off or a make-up workday.
    #[error("no day off (放假) or make-up workday (上班) found in the text")]
    NothingFound,
    /// A date that does not exist, e.g. 2月30日.
    #[error("\"{0}\" is not a date")]
    BadDate(String),
    /// A day of a ruling outside the years 0000–9999, which `YYYY-MM-DD` cannot write (a
    /// break joined to the weekend after 9999-12-31, an iCalendar event running past it).
    #[error("{0} is outside the years 0000–9999 that a ruling's dates are written in")]
    OutOfRange(String),
    /// A ruling spans more than [`MAX_RULING_DAYS`] days (its first and last day).
    #[error("a ruling from {0} to {1} spans more than {MAX_RULING_DAYS} days")]
    TooLong(String, String),
    /// The holiday JSON does not read.
    #[error("holiday JSON: {0}")]
    Json(String),
    /// The iCalendar file does not read.
    #[error("iCalendar: {0}")]
    Ics(String),
    /// Neither a notice text, a holiday JSON nor an iCalendar file.
    #[error("not a holiday notice text, a holiday JSON ({{\"year\":…,\"days\":[…]}}) or an iCalendar file")]
    UnknownFormat,
}

impl RulingsError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            RulingsError::NeedsYear => {
                "通知文本中没有年份(如“2027年部分节假日安排”):请给出所安排的年份".into()
            }
            RulingsError::ExtensionWithoutBreak(n) => {
                format!("通知延长了{n}假期,但之前读入的安排中没有该假期:请先读入当年的通知")
            }
            RulingsError::NothingFound => "文本中没有找到放假日或调休上班日".into(),
            RulingsError::BadDate(d) => format!("“{d}”不是有效日期"),
            RulingsError::OutOfRange(d) => {
                format!("{d} 不在 0000–9999 年之内,安排的日期无法写成 YYYY-MM-DD")
            }
            RulingsError::TooLong(a, b) => {
                format!("从 {a} 到 {b} 的安排超过 {MAX_RULING_DAYS} 天")
            }
            RulingsError::Json(e) => format!("节假日 JSON:{e}"),
            RulingsError::Ics(e) => format!("iCalendar 文件:{e}"),
            RulingsError::UnknownFormat => {
                "既不是节假日通知文本,也不是节假日 JSON 或 iCalendar 文件".into()
            }
        }
    }
}

/// The format of a rulings file, as [`sniff`] tells it from the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RulingsFormat {
    /// The State Council notice text.
    Notice,
    /// The yearly holiday JSON (`{"year":…,"days":[…]}`).
    Json,
    /// An iCalendar file.
    Ics,
}

/// Tells the format of `text` from its content: `BEGIN:VCALENDAR` first is iCalendar, a `{`
/// first is JSON, anything else is read as notice text.
pub fn sniff(text: &str) -> RulingsFormat {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.get(..15)
        .is_some_and(|h| h.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
    {
        RulingsFormat::Ics
    } else if t.starts_with('{') {
        RulingsFormat::Json
    } else {
        RulingsFormat::Notice
    }
}

/// Reads rulings from any of the three formats, recognised by content. `year` is used for a
/// notice text that names none; `earlier` are the rulings read before (a notice that extends
/// a break needs the break).
pub fn read(
    text: &str,
    year: Option<i32>,
    earlier: &[HolidayRuling],
) -> Result<Vec<HolidayRuling>, RulingsError> {
    match sniff(text) {
        RulingsFormat::Ics => ics::read_ics(text),
        RulingsFormat::Json => json::read_json(text),
        RulingsFormat::Notice => notice::read_notice(text, year, earlier),
    }
}

/// The rulings a reader found, unless a day of one lies outside the years 0000–9999 or one
/// spans more than [`MAX_RULING_DAYS`]: every ruling read can then be written (`YYYY-MM-DD`:
/// the holiday JSON, a case's `holidays`, a share link), read back and applied day by day.
fn writable(rulings: Vec<HolidayRuling>) -> Result<Vec<HolidayRuling>, RulingsError> {
    let outside = rulings
        .iter()
        .flat_map(|r| [r.from, r.last()])
        .find(|d| !(0..=9999).contains(&d.year()));
    if let Some(d) = outside {
        return Err(RulingsError::OutOfRange(d.to_string()));
    }
    match rulings
        .iter()
        .find(|r| (r.last() - r.from).num_days() >= MAX_RULING_DAYS)
    {
        Some(r) => Err(RulingsError::TooLong(
            r.from.to_string(),
            r.last().to_string(),
        )),
        None => Ok(rulings),
    }
}

/// `Option<NaiveDate>` as an optional `YYYY-MM-DD` field.
mod opt_date {
    use chrono::NaiveDate;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => crate::time::date::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        crate::time::date::deserialize(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_single_day_has_no_end_in_json() {
        let r = HolidayRuling {
            from: day(2027, 1, 1),
            to: None,
            kind: RulingKind::Off,
            name: "元旦".into(),
            name_en: None,
            source: "国办发明电〔2026〕1号".into(),
        };
        let s = serde_json::to_string(&r).unwrap_or_default();
        assert_eq!(
            s,
            r#"{"from":"2027-01-01","kind":"off","name":"元旦","source":"国办发明电〔2026〕1号"}"#
        );
        assert_eq!(
            serde_json::from_str::<HolidayRuling>(&s).ok(),
            Some(r.clone())
        );
        assert_eq!(r.english(), "New Year's Day");
        assert_eq!(r.dates().count(), 1);
    }

    #[test]
    fn known_years_need_a_break_inside_the_year() {
        let off = |a: NaiveDate, b: NaiveDate| HolidayRuling {
            from: a,
            to: Some(b),
            kind: RulingKind::Off,
            name: "x".into(),
            name_en: None,
            source: "s".into(),
        };
        let v = [
            off(day(2027, 12, 31), day(2028, 1, 2)),
            off(day(2028, 2, 5), day(2028, 2, 11)),
        ];
        assert_eq!(known_years(&v), vec![2028]);
    }

    /// The fuzz target `holidays_read` timed out on an event this long: 3.6 million days, each
    /// written to the JSON and read back. A ruling longer than a year is refused by name.
    #[test]
    fn a_ruling_longer_than_a_year_is_refused() {
        let t = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:00010101\r\n\
                 DTEND;VALUE=DATE:99991231\r\nSUMMARY:春节\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assert_eq!(
            read(t, None, &[]),
            Err(RulingsError::TooLong(
                "0001-01-01".into(),
                "9999-12-30".into()
            ))
        );
        let year = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\n\
                    DTEND;VALUE=DATE:20280101\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assert_eq!(read(year, None, &[]).map(|r| r.len()), Ok(1));
        let json = r#"{"year":2027,"days":[{"name":"x","date":"2027-01-01","isOffDay":true}]}"#;
        assert!(read(json, None, &[]).is_ok());
    }

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(sniff("\u{feff}BEGIN:VCALENDAR\r\n"), RulingsFormat::Ics);
        assert_eq!(sniff("  {\"year\":2027}"), RulingsFormat::Json);
        assert_eq!(sniff("国务院办公厅关于2027年"), RulingsFormat::Notice);
    }
}
