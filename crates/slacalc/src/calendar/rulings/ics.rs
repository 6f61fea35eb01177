//! Holiday rulings from and to an iCalendar file, read by the calendar's own iCalendar reader
//! ([`crate::calendar::load_ics`]'s parser). Each all-day `VEVENT` is one ruling, DTEND
//! exclusive. Day off or make-up workday is told by the SUMMARY: a summary containing 班
//! (上班, 补班, 调休上班, 班) or the word `workday` / `working day` (any case) is a make-up
//! workday; any other summary is a day off. The name is the summary without those words and
//! without 休 / 放假 / 假期 marks; the source is the DESCRIPTION, else `iCalendar`. A timed
//! event is refused (rulings are whole days); cancelled events are left out.

use super::{HolidayRuling, RulingKind, RulingsError};
use crate::calendar::ics::{escape, whole_day_events};
use chrono::{Datelike, NaiveDate};

/// The source of a ruling read from a file that names none.
const NO_SOURCE: &str = "iCalendar";

/// Whether an event's summary marks a make-up workday.
pub fn is_workday_summary(summary: &str) -> bool {
    let lower = summary.to_lowercase();
    summary.contains('班') || lower.contains("workday") || lower.contains("working day")
}

/// The festival's name in a summary: without the marks of a workday or day off.
fn name_of(summary: &str) -> String {
    let mut s = summary.to_string();
    for mark in [
        "调休上班",
        "补班",
        "上班",
        "班",
        "放假",
        "假期",
        "休息",
        "休",
        "workday",
        "Workday",
        "()",
        "\u{ff08}\u{ff09}",
    ] {
        s = s.replace(mark, "");
    }
    let s = s.trim_matches(|c: char| {
        c.is_whitespace()
            || "-\u{2013}\u{2014}\u{b7}:()[]\u{3010}\u{3011}\u{ff08}\u{ff09}".contains(c)
    });
    if s.is_empty() {
        summary.trim().to_string()
    } else {
        s.to_string()
    }
}

/// Reads the all-day events of an iCalendar file as holiday rulings (rule above).
pub fn read_ics(text: &str) -> Result<Vec<HolidayRuling>, RulingsError> {
    let events = whole_day_events(text).map_err(|e| RulingsError::Ics(e.to_string()))?;
    let out: Vec<HolidayRuling> = events
        .into_iter()
        .map(|ev| {
            let summary = ev.summary.unwrap_or_default();
            let kind = if is_workday_summary(&summary) {
                RulingKind::Workday
            } else {
                RulingKind::Off
            };
            let source = ev
                .description
                .filter(|d| !d.trim().is_empty())
                .unwrap_or_else(|| NO_SOURCE.to_string());
            HolidayRuling {
                from: ev.first,
                to: (ev.last != ev.first).then_some(ev.last),
                kind,
                name: name_of(&summary),
                name_en: ev.name_en.filter(|n| !n.trim().is_empty()),
                source,
            }
        })
        .collect();
    if out.is_empty() {
        return Err(RulingsError::NothingFound);
    }
    super::writable(out)
}

fn ics_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Writes rulings as an iCalendar file: one all-day event per ruling, SUMMARY the name (with
/// ` 补班` for a make-up workday), DESCRIPTION the source, `X-NAME-EN` the English name.
pub fn write_ics(rulings: &[HolidayRuling]) -> String {
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//slacalc//holiday rulings//ZH\r\nCALSCALE:GREGORIAN\r\n",
    );
    for (n, r) in rulings.iter().enumerate() {
        let end = r.last().succ_opt().unwrap_or(r.last());
        let summary = match r.kind {
            RulingKind::Off => r.name.clone(),
            RulingKind::Workday => format!("{} 补班", r.name),
        };
        out.push_str("BEGIN:VEVENT\r\n");
        out.push_str(&format!("UID:slacalc-ruling-{n}-{}\r\n", ics_date(r.from)));
        out.push_str(&format!("DTSTART;VALUE=DATE:{}\r\n", ics_date(r.from)));
        out.push_str(&format!("DTEND;VALUE=DATE:{}\r\n", ics_date(end)));
        out.push_str(&format!("SUMMARY:{}\r\n", escape(&summary)));
        out.push_str(&format!("DESCRIPTION:{}\r\n", escape(&r.source)));
        if let Some(en) = &r.name_en {
            out.push_str(&format!("X-NAME-EN:{}\r\n", escape(en)));
        }
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_tell_workdays_from_days_off() {
        assert!(is_workday_summary("春节补班"));
        assert!(is_workday_summary("国庆节 调休上班"));
        assert!(is_workday_summary("Make-up Workday"));
        assert!(!is_workday_summary("春节"));
        assert!(!is_workday_summary("元旦 休"));
        assert_eq!(name_of("春节补班"), "春节");
        assert_eq!(name_of("元旦(休)"), "元旦");
        assert_eq!(name_of("班"), "班");
    }

    #[test]
    fn a_timed_event_is_refused() {
        let t = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270101T090000Z\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n";
        assert!(matches!(read_ics(t), Err(RulingsError::Ics(_))));
    }
}
