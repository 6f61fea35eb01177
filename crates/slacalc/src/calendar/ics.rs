//! iCalendar (RFC 5545) import of holidays into a custom calendar: each all-day `VEVENT`
//! becomes holidays (DTEND exclusive, as the RFC says), each timed `VEVENT` a closure. A file
//! that does not read is refused with the line it concerns; nothing is skipped silently except
//! cancelled events (`STATUS:CANCELLED`) and zero-length ones.
//!
//! Times: `...Z` is UTC; `TZID=` names an IANA zone (native builds; the page knows
//! Asia/Shanghai and UTC) or a VTIMEZONE of the file with a single fixed offset; a time without
//! either ("floating") is read in the calendar's own zone.

use super::business::{Calendar, Closure};
use super::days::DayName;
use super::error::{CalendarError, IcsProblem};
use super::range::{date_of, day_number, END_DAY, FIRST_DAY};
use super::zone::{Zone, DAY};
use chrono::{Days, NaiveDate, NaiveDateTime, Timelike};
use std::collections::HashMap;

/// Adds the holidays and closures of the iCalendar `text` to `base`.
pub fn load_ics(text: &str, base: Calendar) -> Result<Calendar, CalendarError> {
    let parsed = parse(text)?;
    let mut days = base.days().clone();
    let mut closures = Vec::new();
    for ev in &parsed.events {
        let err = |line: usize, problem: IcsProblem| CalendarError::Ics { line, problem };
        let start = ev
            .start
            .as_ref()
            .ok_or_else(|| err(ev.line, IcsProblem::MissingStart))?;
        let name = DayName::same(ev.summary.clone().unwrap_or_else(|| "holiday".to_string()));
        match read_value(start, "DTSTART")? {
            When::Date(first) => {
                let last = all_day_last(ev, first)?;
                // Only the days business time works with (1900–2199) can ever be asked
                // about: marking the rest of a 10,000-year event would take seconds and
                // hundreds of MB.
                let from = first.max(date_of(FIRST_DAY)?);
                let to = last.min(date_of(END_DAY - 1)?);
                if from <= to {
                    days.add_holidays(from, to, name);
                }
            }
            When::Local(local, tz) => {
                let zone = resolve_zone(&tz, &parsed.fixed_zones, base.zone(), start.line)?;
                let a = zone.to_utc(local);
                let b = match (&ev.end, &ev.duration) {
                    (Some(end), _) => match read_value(end, "DTEND")? {
                        When::Local(l, tz) => {
                            resolve_zone(&tz, &parsed.fixed_zones, base.zone(), end.line)?.to_utc(l)
                        }
                        When::Date(_) => return Err(err(end.line, IcsProblem::MixedKinds)),
                    },
                    (None, Some(d)) => {
                        let bad = || err(d.line, IcsProblem::BadDuration(d.value.clone()));
                        a.checked_add(ics_duration(&d.value).ok_or_else(bad)?)
                            .ok_or_else(bad)?
                    }
                    (None, None) => a,
                };
                if b < a {
                    let line = ev.end.as_ref().map_or(ev.line, |e| e.line);
                    return Err(err(line, IcsProblem::EndBeforeStart));
                }
                if b > a {
                    closures.push(Closure {
                        start: a,
                        end: b,
                        name,
                    });
                }
            }
        }
    }
    Ok(Calendar::new(base.zone().clone(), base.hours().clone(), days).with_closures(closures))
}

/// The last day (inclusive) of an all-day event starting on `first` (DTEND exclusive, or a
/// DURATION in started days, or the one day).
fn all_day_last(ev: &Event, first: NaiveDate) -> Result<NaiveDate, CalendarError> {
    let err = |line: usize, problem: IcsProblem| CalendarError::Ics { line, problem };
    Ok(match (&ev.end, &ev.duration) {
        (Some(end), _) => match read_value(end, "DTEND")? {
            When::Date(e) if e > first => e.pred_opt().unwrap_or(first),
            When::Date(e) if e == first => first,
            When::Date(_) => return Err(err(end.line, IcsProblem::EndBeforeStart)),
            When::Local(..) => return Err(err(end.line, IcsProblem::MixedKinds)),
        },
        (None, Some(d)) => {
            // A duration past the last date is refused, never cut to one day.
            let bad = || err(d.line, IcsProblem::BadDuration(d.value.clone()));
            let secs = ics_duration(&d.value).ok_or_else(bad)?;
            let n = u64::try_from(secs)
                .unwrap_or(0)
                .div_ceil(DAY.unsigned_abs())
                .max(1);
            first.checked_add_days(Days::new(n - 1)).ok_or_else(bad)?
        }
        (None, None) => first,
    })
}

/// An all-day event of an iCalendar file, for the holiday-rulings reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WholeDays {
    /// Line of its `BEGIN:VEVENT`.
    pub line: usize,
    /// First day.
    pub first: NaiveDate,
    /// Last day (inclusive).
    pub last: NaiveDate,
    /// SUMMARY, unescaped.
    pub summary: Option<String>,
    /// DESCRIPTION, unescaped.
    pub description: Option<String>,
    /// `X-NAME-EN`, unescaped (written by the rulings writer).
    pub name_en: Option<String>,
}

/// The all-day events of an iCalendar file, read by the same reader as [`load_ics`]
/// (cancelled events left out); a timed event is refused with its line, as `timed`.
pub(crate) fn whole_day_events(text: &str) -> Result<Vec<WholeDays>, CalendarError> {
    let parsed = parse(text)?;
    let mut out = Vec::with_capacity(parsed.events.len());
    for ev in &parsed.events {
        let start = ev.start.as_ref().ok_or(CalendarError::Ics {
            line: ev.line,
            problem: IcsProblem::MissingStart,
        })?;
        match read_value(start, "DTSTART")? {
            When::Date(first) => out.push(WholeDays {
                line: ev.line,
                first,
                last: all_day_last(ev, first)?,
                summary: ev.summary.clone(),
                description: ev.description.clone(),
                name_en: ev.name_en.clone(),
            }),
            When::Local(..) => {
                return Err(CalendarError::Ics {
                    line: start.line,
                    problem: IcsProblem::Timed,
                })
            }
        }
    }
    Ok(out)
}

/// Escapes a TEXT value (RFC 5545 3.3.11) for a content line.
pub(crate) fn escape(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// A property as read: its value, parameters and line.
#[derive(Debug, Clone)]
struct Prop {
    value: String,
    params: Vec<(String, String)>,
    line: usize,
}

#[derive(Debug, Default)]
struct Event {
    line: usize,
    start: Option<Prop>,
    end: Option<Prop>,
    duration: Option<Prop>,
    summary: Option<String>,
    description: Option<String>,
    name_en: Option<String>,
    cancelled: bool,
}

#[derive(Debug, Default)]
struct Parsed {
    events: Vec<Event>,
    /// VTIMEZONEs of the file with one fixed offset: TZID → seconds east.
    fixed_zones: HashMap<String, i32>,
}

/// A DTSTART/DTEND value: a date, or wall-clock seconds with the zone they are in
/// (`Some("UTC")` for `Z`, a TZID, or `None` for floating).
enum When {
    Date(NaiveDate),
    Local(i64, Option<String>),
}

fn parse(text: &str) -> Result<Parsed, CalendarError> {
    let err = |line: usize, problem: IcsProblem| CalendarError::Ics { line, problem };
    // Unfold: a line starting with a space or tab continues the one before.
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some((_, prev))) => prev.push_str(rest),
            _ => lines.push((i + 1, raw.to_string())),
        }
    }
    let mut out = Parsed::default();
    let mut stack: Vec<String> = Vec::new();
    let mut event: Option<Event> = None;
    // VTIMEZONE being read: TZID, offsets seen, whether it has DAYLIGHT.
    let mut tz: Option<(Option<String>, Vec<i32>, bool)> = None;
    let mut last_line = 0;
    for (line, content) in lines.iter().filter(|(_, l)| !l.trim().is_empty()) {
        let line = *line;
        last_line = line;
        let (name, prop) = content_line(content, line)?;
        if stack.is_empty() && !(name == "BEGIN" && prop.value.eq_ignore_ascii_case("VCALENDAR")) {
            return Err(err(line, IcsProblem::NotACalendar));
        }
        match name.as_str() {
            "BEGIN" => {
                let comp = prop.value.to_ascii_uppercase();
                match comp.as_str() {
                    "VEVENT" => {
                        event = Some(Event {
                            line,
                            ..Event::default()
                        })
                    }
                    "VTIMEZONE" => tz = Some((None, Vec::new(), false)),
                    "DAYLIGHT" => {
                        if let Some(t) = tz.as_mut() {
                            t.2 = true;
                        }
                    }
                    _ => {}
                }
                stack.push(comp);
            }
            "END" => {
                let comp = prop.value.to_ascii_uppercase();
                match stack.pop() {
                    Some(open) if open == comp => {}
                    Some(open) => {
                        return Err(err(
                            line,
                            IcsProblem::MismatchedEnd {
                                found: comp,
                                expected: open,
                            },
                        ))
                    }
                    None => {
                        return Err(err(
                            line,
                            IcsProblem::MismatchedEnd {
                                found: comp,
                                expected: "(nothing)".into(),
                            },
                        ))
                    }
                }
                match comp.as_str() {
                    "VEVENT" => {
                        if let Some(ev) = event.take().filter(|e| !e.cancelled) {
                            out.events.push(ev);
                        }
                    }
                    "VTIMEZONE" => {
                        if let Some((Some(id), mut offs, false)) = tz.take() {
                            offs.dedup();
                            if let [one] = offs[..] {
                                out.fixed_zones.insert(id, one);
                            }
                        }
                    }
                    _ => {}
                }
            }
            _ => {
                let top = stack.last().map(String::as_str);
                if let (Some("VEVENT"), Some(ev)) = (top, event.as_mut()) {
                    match name.as_str() {
                        "DTSTART" => ev.start = Some(prop),
                        "DTEND" => ev.end = Some(prop),
                        "DURATION" => ev.duration = Some(prop),
                        "SUMMARY" => ev.summary = Some(unescape(&prop.value)),
                        "DESCRIPTION" => ev.description = Some(unescape(&prop.value)),
                        "X-NAME-EN" => ev.name_en = Some(unescape(&prop.value)),
                        "STATUS" => ev.cancelled = prop.value.eq_ignore_ascii_case("CANCELLED"),
                        "RRULE" | "RDATE" => return Err(err(line, IcsProblem::Recurrence)),
                        _ => {}
                    }
                } else if let Some(t) = tz.as_mut() {
                    match name.as_str() {
                        "TZID" if top == Some("VTIMEZONE") => t.0 = Some(prop.value.clone()),
                        "TZOFFSETTO" => match parse_offset(&prop.value) {
                            Some(o) => t.1.push(o),
                            None => t.2 = true, // unreadable: not usable as a fixed zone
                        },
                        _ => {}
                    }
                }
            }
        }
    }
    if let Some(open) = stack.last() {
        return Err(err(last_line.max(1), IcsProblem::Unclosed(open.clone())));
    }
    if last_line == 0 {
        return Err(err(1, IcsProblem::NotACalendar));
    }
    Ok(out)
}

/// Splits `NAME;PARAM=V;...:VALUE` (a colon inside a quoted parameter value does not count).
fn content_line(s: &str, line: usize) -> Result<(String, Prop), CalendarError> {
    let bad = || CalendarError::Ics {
        line,
        problem: IcsProblem::NotAContentLine(s.chars().take(60).collect()),
    };
    let mut quoted = false;
    let colon = s
        .char_indices()
        .find(|&(_, c)| {
            if c == '"' {
                quoted = !quoted;
            }
            c == ':' && !quoted
        })
        .map(|(i, _)| i)
        .ok_or_else(bad)?;
    let (head, value) = (&s[..colon], &s[colon + 1..]);
    let mut parts = head.split(';');
    let name = parts.next().unwrap_or("").trim().to_ascii_uppercase();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(bad());
    }
    let mut params = Vec::new();
    for p in parts {
        let (k, v) = p.split_once('=').ok_or_else(bad)?;
        params.push((
            k.trim().to_ascii_uppercase(),
            v.trim_matches('"').to_string(),
        ));
    }
    Ok((
        name,
        Prop {
            value: value.trim().to_string(),
            params,
            line,
        },
    ))
}

fn read_value(p: &Prop, property: &str) -> Result<When, CalendarError> {
    let bad = || CalendarError::Ics {
        line: p.line,
        problem: IcsProblem::BadDate {
            property: property.to_string(),
            value: p.value.clone(),
        },
    };
    let param = |k: &str| {
        p.params
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
    };
    let v = p.value.as_str();
    if param("VALUE").is_some_and(|t| t.eq_ignore_ascii_case("DATE")) || v.len() == 8 {
        return NaiveDate::parse_from_str(v, "%Y%m%d")
            .map(When::Date)
            .map_err(|_| bad());
    }
    let (v, utc) = match v.strip_suffix(['Z', 'z']) {
        Some(rest) => (rest, true),
        None => (v, false),
    };
    let t = NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").map_err(|_| bad())?;
    if v.len() != 15 {
        return Err(bad());
    }
    let local = day_number(t.date()) * DAY + i64::from(t.time().num_seconds_from_midnight());
    let zone = if utc {
        Some("UTC".to_string())
    } else {
        param("TZID")
    };
    Ok(When::Local(local, zone))
}

fn resolve_zone(
    tz: &Option<String>,
    fixed: &HashMap<String, i32>,
    own: &Zone,
    line: usize,
) -> Result<Zone, CalendarError> {
    let Some(name) = tz else {
        return Ok(own.clone());
    };
    if let Some(&off) = fixed.get(name) {
        return Ok(Zone::fixed(name.clone(), off));
    }
    if name == "UTC" || name == "Etc/UTC" {
        return Ok(Zone::fixed("UTC", 0));
    }
    if name == own.name() {
        return Ok(own.clone());
    }
    #[cfg(feature = "tzdb")]
    if let Ok(z) = Zone::iana(name) {
        return Ok(z);
    }
    if name == "Asia/Shanghai" {
        return Ok(Zone::asia_shanghai());
    }
    Err(CalendarError::Ics {
        line,
        problem: IcsProblem::UnknownZone(name.clone()),
    })
}

/// `+0800`, `-0530`, `+080000`.
fn parse_offset(v: &str) -> Option<i32> {
    let (sign, digits) = match v.as_bytes().first()? {
        b'+' => (1, &v[1..]),
        b'-' => (-1, &v[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| digits.get(r).and_then(|s| s.parse::<i32>().ok());
    let secs = n(0..2)? * 3600 + n(2..4)? * 60 + if digits.len() == 6 { n(4..6)? } else { 0 };
    Some(sign * secs)
}

/// RFC 5545 duration (`PT2H`, `P1D`, `P1W`); no sign allowed for a holiday.
fn ics_duration(v: &str) -> Option<i64> {
    let v = v.strip_prefix('+').unwrap_or(v);
    if !v.starts_with('P') {
        return None;
    }
    super::duration::parse_duration(v).ok()
}

fn unescape(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push(' '),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::days::DayKind;
    use crate::calendar::week::WeeklyHours;
    use crate::calendar::DayTable;

    fn base() -> Calendar {
        Calendar::new(
            Zone::asia_shanghai(),
            WeeklyHours::letter(),
            DayTable::none(),
        )
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    const GOOD: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20250505\r\nDTEND;VALUE=DATE:20250507\r\nSUMMARY:Company\\, day off\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:2\r\nDTSTART;TZID=Asia/Shanghai:20250512T140000\r\nDTEND;TZID=Asia/Shanghai:20250512T180000\r\nSUMMARY:Fire drill\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:3\r\nDTSTART:20250513T010000Z\r\nDURATION:PT2H\r\nSUMMARY:Maint\r\n enance\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    #[test]
    fn reads_all_day_and_timed_events() {
        let cal = load_ics(GOOD, base());
        assert!(cal.is_ok(), "{cal:?}");
        let Ok(cal) = cal else { return };
        let d = cal.day(date(2025, 5, 5)).ok();
        assert_eq!(d.as_ref().map(|d| d.kind), Some(DayKind::Holiday));
        assert_eq!(
            d.and_then(|d| d.name)
                .map(|n| n.en().to_string())
                .as_deref(),
            Some("Company, day off")
        );
        assert_eq!(
            cal.day(date(2025, 5, 6)).ok().map(|d| d.kind),
            Some(DayKind::Holiday)
        );
        assert_eq!(
            cal.day(date(2025, 5, 7)).ok().map(|d| d.kind),
            Some(DayKind::Workday)
        );
        let d = cal.day(date(2025, 5, 12)).ok();
        assert_eq!(d.as_ref().map(|d| d.closures.len()), Some(1));
        let t = |s: &str| crate::time::Instant::parse(s).ok();
        let open = |s: &str| t(s).and_then(|t| cal.is_open(t).ok());
        assert_eq!(open("2025-05-12T13:59:59+08:00"), Some(true));
        assert_eq!(open("2025-05-12T14:00:00+08:00"), Some(false));
        assert_eq!(open("2025-05-13T09:30:00+08:00"), Some(false));
        assert_eq!(open("2025-05-13T11:00:00+08:00"), Some(true));
        // A Monday 9-18 minus 14-18: 5 h.
        let b = t("2025-05-12T00:00:00+08:00")
            .zip(t("2025-05-13T00:00:00+08:00"))
            .and_then(|(a, b)| cal.between(a, b).ok());
        assert_eq!(b, Some(5 * 3600));
    }

    #[test]
    fn fixed_offset_vtimezone_and_floating_times() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:China Standard Time\nBEGIN:STANDARD\nDTSTART:16010101T000000\nTZOFFSETFROM:+0800\nTZOFFSETTO:+0800\nEND:STANDARD\nEND:VTIMEZONE\nBEGIN:VEVENT\nDTSTART;TZID=\"China Standard Time\":20250512T090000\nDTEND;TZID=\"China Standard Time\":20250512T100000\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART:20250512T170000\nDTEND:20250512T180000\nEND:VEVENT\nEND:VCALENDAR\n";
        let cal = load_ics(text, base());
        assert!(cal.is_ok(), "{cal:?}");
        let t = |s: &str| crate::time::Instant::parse(s).ok();
        let b = cal.ok().and_then(|cal| {
            t("2025-05-12T00:00:00+08:00")
                .zip(t("2025-05-13T00:00:00+08:00"))
                .and_then(|(a, b)| cal.between(a, b).ok())
        });
        assert_eq!(b, Some(7 * 3600));
    }

    #[test]
    fn malformed_files_name_the_line() {
        let line_of = |text: &str| match load_ics(text, base()) {
            Err(CalendarError::Ics { line, problem }) => Some((line, problem)),
            _ => None,
        };
        let r = line_of("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20251301\nEND:VEVENT\nEND:VCALENDAR\n");
        assert!(matches!(r, Some((3, IcsProblem::BadDate { .. }))), "{r:?}");
        let r =
            line_of("BEGIN:VCALENDAR\nBEGIN:VEVENT\nthis is not ics\nEND:VEVENT\nEND:VCALENDAR\n");
        assert!(
            matches!(r, Some((3, IcsProblem::NotAContentLine(_)))),
            "{r:?}"
        );
        let r =
            line_of("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\nEND:VCALENDAR\n");
        assert!(
            matches!(r, Some((4, IcsProblem::MismatchedEnd { .. }))),
            "{r:?}"
        );
        let r = line_of("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\n");
        assert!(matches!(r, Some((3, IcsProblem::Unclosed(_)))), "{r:?}");
        let r = line_of("hello:world\n");
        assert!(matches!(r, Some((1, IcsProblem::NotACalendar))), "{r:?}");
        let r = line_of("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n");
        assert!(matches!(r, Some((2, IcsProblem::MissingStart))), "{r:?}");
        let r = line_of("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101\nRRULE:FREQ=YEARLY\nEND:VEVENT\nEND:VCALENDAR\n");
        assert!(matches!(r, Some((4, IcsProblem::Recurrence))), "{r:?}");
        let r = line_of("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20250101T100000Z\nDTEND:20250101T090000Z\nEND:VEVENT\nEND:VCALENDAR\n");
        assert!(matches!(r, Some((4, IcsProblem::EndBeforeStart))), "{r:?}");
        let r = line_of("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;TZID=Mars/Olympus:20250101T100000\nEND:VEVENT\nEND:VCALENDAR\n");
        assert!(matches!(r, Some((3, IcsProblem::UnknownZone(_)))), "{r:?}");
    }
}
