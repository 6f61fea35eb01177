//! The page's language (issue #6) and how each language writes times, dates, durations and
//! money. Presentation only: the engine decides every number and every time; this module
//! only writes them down.
//!
//! - Money: `¥1,000,000.00` in both languages: the engine's `Fen::pretty`, exact fen grouped
//!   by thousands, never a float (checked below).
//! - Date and time, always in the contract's offset (UTC+08:00): Chinese `2025年3月3日 08:10`,
//!   English `2025-03-03 08:10` (the form people type into and the engine's explanations use).
//! - Dates: `2025年3月3日` / `2025-03-03`.
//! - Durations: `28小时50分钟` / `28 h 50 min` (hours, not days: the explanations count the
//!   same way).
//! - Periods of the ledger: `2025年第1季度` / `2025 Q1`, `2025年3月` / `2025-03`.

use chrono::{Datelike, NaiveDate, Timelike};
use slacalc::Instant;

/// The language the page is shown in: Chinese first, English second.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Lang {
    /// Chinese (simplified), the letter's language: the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The one of two texts that is in this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The engine's name for this language (its texts and the CSV headers it writes).
    pub fn engine(self) -> slacalc::text::Lang {
        match self {
            Lang::Zh => slacalc::text::Lang::Zh,
            Lang::En => slacalc::text::Lang::En,
        }
    }

    /// The other language (what the switch offers).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// What is kept in `localStorage`.
    pub fn code(self) -> &'static str {
        self.pick("zh", "en")
    }

    /// The language tag of `<html lang>`.
    pub fn tag(self) -> &'static str {
        self.pick("zh-CN", "en")
    }

    /// The language's own name (the switch's label, written in that language).
    pub fn own_name(self) -> &'static str {
        self.pick("中文", "English")
    }

    /// A language tag (`zh-CN`, `zh-Hant-TW`, `en-US`, or the stored `zh` / `en`) read as
    /// one of the page's languages; `None` for any other language.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The browser's preferred languages (`navigator.languages`, most preferred first): the
    /// first that is Chinese or English; English when none is.
    pub fn from_browser<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }

    /// A moment as a date and time in UTC+08:00: `2025年3月3日 08:10` / `2025-03-03 08:10`.
    pub fn date_time(self, t: &Instant) -> String {
        let l = t.local().0;
        match self {
            Lang::Zh => format!(
                "{}年{}月{}日 {:02}:{:02}",
                l.year(),
                l.month(),
                l.day(),
                l.hour(),
                l.minute()
            ),
            Lang::En => t.short(),
        }
    }

    /// [`Lang::date_time`] of a moment that may be absent (`—`).
    pub fn opt_date_time(self, t: Option<&Instant>) -> String {
        t.map(|t| self.date_time(t)).unwrap_or_else(|| "—".into())
    }

    /// A calendar date: `2025年3月3日` / `2025-03-03`.
    pub fn date(self, d: NaiveDate) -> String {
        match self {
            Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
            // (Not chrono's `format`: its pattern parser would weigh on the page.)
            Lang::En => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }

    /// A length of time: `28小时50分钟` / `28 h 50 min`.
    pub fn duration(self, secs: i64) -> String {
        match self {
            Lang::Zh => slacalc::time::human_duration_zh(secs),
            Lang::En => slacalc::time::human_duration(secs),
        }
    }

    /// A period of the ledger as the engine names it (`2025-Q1`, `2025-03`):
    /// `2025年第1季度` / `2025 Q1`, `2025年3月` / `2025-03`. Anything else is kept as it is.
    pub fn period(self, p: &str) -> String {
        let Some((year, rest)) = p.split_once('-') else {
            return p.to_string();
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return p.to_string();
        }
        if let Some(q) = rest.strip_prefix('Q').filter(|q| q.parse::<u8>().is_ok()) {
            return match self {
                Lang::Zh => format!("{year}年第{q}季度"),
                Lang::En => format!("{year} Q{q}"),
            };
        }
        match (self, rest.parse::<u8>()) {
            (Lang::Zh, Ok(m)) if rest.len() == 2 => format!("{year}年{m}月"),
            _ => p.to_string(),
        }
    }

    /// A number of penalty days: `2 天` / `2 days` (`1 day`).
    pub fn days(self, n: u64) -> String {
        match (self, n) {
            (Lang::Zh, _) => format!("{n} 天"),
            (Lang::En, 1) => "1 day".into(),
            (Lang::En, _) => format!("{n} days"),
        }
    }
}

/// A duration as written by [`Lang::duration`] cut before each number, so that it breaks
/// between its units only: `+28小时50分钟` → `+28小时`, `50分钟`; `28 h 50 min` → `28 h `, `50 min`.
pub fn units(text: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let starts_unit =
            c.is_ascii_digit() && prev.is_some_and(|p| !p.is_ascii_digit() && p != '+');
        match pieces.last_mut() {
            Some(last) if !starts_unit => last.push(c),
            _ => pieces.push(c.to_string()),
        }
        prev = Some(c);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_browser_language_chooses_the_first_supported_one() {
        assert_eq!(Lang::from_browser(["zh-CN", "en-US"]), Lang::Zh);
        assert_eq!(Lang::from_browser(["zh-Hant-TW"]), Lang::Zh);
        assert_eq!(Lang::from_browser(["en-GB", "zh-CN"]), Lang::En);
        assert_eq!(Lang::from_browser(["fr-FR", "zh_CN"]), Lang::Zh);
        assert_eq!(Lang::from_browser(["fr-FR", "de"]), Lang::En);
        assert_eq!(Lang::from_browser([]), Lang::En);
        for l in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::from_tag(l.code()), Some(l), "stored code reads back");
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
            assert_eq!(l.other().other(), l);
        }
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::from_tag("ja"), None);
    }

    #[test]
    fn times_and_dates_in_each_language_in_the_contract_offset() {
        let t = at("2025-03-03T08:10:00+08:00");
        assert_eq!(Lang::Zh.date_time(&t), "2025年3月3日 08:10");
        assert_eq!(Lang::En.date_time(&t), "2025-03-03 08:10");
        // The same moment given in UTC is still shown at +08:00 (the next day here).
        let u = at("2025-12-31T17:05:00Z");
        assert_eq!(Lang::Zh.date_time(&u), "2026年1月1日 01:05");
        assert_eq!(Lang::En.date_time(&u), "2026-01-01 01:05");
        assert_eq!(Lang::Zh.opt_date_time(None), "—");
        let d = NaiveDate::from_ymd_opt(2024, 12, 1).expect("date");
        assert_eq!(Lang::Zh.date(d), "2024年12月1日");
        assert_eq!(Lang::En.date(d), "2024-12-01");
    }

    #[test]
    fn durations_periods_and_days() {
        let late = 28 * 3600 + 50 * 60;
        assert_eq!(Lang::Zh.duration(late), "28小时50分钟");
        assert_eq!(Lang::En.duration(late), "28 h 50 min");
        assert_eq!(Lang::En.duration(0), "0 min");
        assert_eq!(units("+28小时50分钟"), ["+28小时", "50分钟"]);
        assert_eq!(units("+1 h 5 min 3 s"), ["+1 h ", "5 min ", "3 s"]);
        assert_eq!(units("0 min"), ["0 min"]);
        assert_eq!(Lang::Zh.period("2025-Q1"), "2025年第1季度");
        assert_eq!(Lang::En.period("2025-Q1"), "2025 Q1");
        assert_eq!(Lang::Zh.period("2025-03"), "2025年3月");
        assert_eq!(Lang::En.period("2025-03"), "2025-03");
        assert_eq!(Lang::Zh.period("total"), "total");
        assert_eq!(Lang::Zh.days(2), "2 天");
        assert_eq!(Lang::En.days(1), "1 day");
        assert_eq!(Lang::En.days(2), "2 days");
    }

    #[test]
    fn money_is_exact_fen_grouped_in_both_languages() {
        use slacalc::Fen;
        assert_eq!(Fen(100_000_000).pretty(), "¥1,000,000.00");
        assert_eq!(Fen(500_000).pretty(), "¥5,000.00");
        assert_eq!(Fen(5).pretty(), "¥0.05");
        let big: Fen = "123456789012.34".parse().expect("amount");
        assert_eq!(big.pretty(), "¥123,456,789,012.34");
    }
}
