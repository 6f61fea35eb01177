//! Holiday rulings for the page (L1.1, issue #15), read in this on-demand module so that the
//! notice, holiday JSON and iCalendar readers are not in the page's first load.

use slacalc::calendar::{rulings, HolidayRuling};

/// Holiday rulings from a State Council notice text, a holiday JSON or an iCalendar file,
/// told apart by content ([`rulings::read`]): their JSON (as a case's `holidays` list), or the
/// problem in Chinese and English separated by U+001F. `year` is used for a notice that names
/// none (0: none given); `earlier` is the JSON of the rulings read before (a notice that
/// extends a break needs the break; anything else reads as none).
pub fn rulings_json(text: &str, year: i32, earlier: &str) -> Result<String, String> {
    let earlier: Vec<HolidayRuling> = serde_json::from_str(earlier).unwrap_or_default();
    let year = (year != 0).then_some(year);
    rulings::read(text, year, &earlier)
        .map(|read| serde_json::to_string(&read).unwrap_or_default())
        .map_err(|e| format!("{}\u{1f}{e}", e.zh()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTICE_2026: &str = include_str!("../../slacalc/tests/fixtures/notices/2026.txt");

    #[test]
    fn the_2026_notice_reads_as_rulings_json() {
        let json = rulings_json(NOTICE_2026, 0, "").unwrap_or_default();
        let read: Vec<HolidayRuling> = serde_json::from_str(&json).unwrap_or_default();
        assert!(read.len() >= 7, "{json}");
        assert!(json.contains(r#""from":"2026-02-15""#), "{json}");
    }

    #[test]
    fn a_notice_without_a_year_asks_for_one_in_both_languages() {
        let text = "一、元旦:1月1日至3日放假调休,共3天。";
        let e = rulings_json(text, 0, "[]").err().unwrap_or_default();
        let (zh, en) = e.split_once('\u{1f}').unwrap_or_default();
        assert!(zh.contains("年份"), "{zh}");
        assert!(en.contains("names no year"), "{en}");
        let json = rulings_json(text, 2027, "[]").unwrap_or_default();
        assert!(
            json.contains(r#""from":"2027-01-01","to":"2027-01-03""#),
            "{json}"
        );
    }
}
