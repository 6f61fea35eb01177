//! The reader of the State Council's yearly notice text (国务院办公厅关于20XX年部分节假日安排的
//! 通知) and of its amendments, as published: sections `一、元旦:…`, days off `1月1日(周五)至
//! 3日(周日)放假调休,共3天`, single days `4月4日放假`, make-up workdays `2月7日(周日)、2月20日
//! (周六)上班`, ranges across months and years (`9月29日至10月6日`, `12月31日至1月2日`), an
//! extension `延长…假期至2月2日` (of a break read before), `补休` (a day off in lieu); a break
//! includes the weekend days next to it (`与周末连休`, see `join_weekends`). Full-width or ASCII punctuation; notes
//! in brackets (weekdays `(周五)`/`(星期五)`, lunar dates `(农历除夕)`) are ignored.
//!
//! The year: from the title or a phrase like `2027年部分节假日安排` / `关于调整2019年`, else
//! the year the caller gives, else the latest year written in a date; without any, the reader
//! asks for it ([`RulingsError::NeedsYear`]). A date without a year is in that year, except a
//! December date at the start of a range into January, or in the New Year (元旦) section, which
//! is in the year before. The source: the document number (国办发明电〔2025〕7号), else the
//! notice's title, else `国务院办公厅关于YYYY年部分节假日安排的通知`.

use super::{HolidayRuling, RulingKind, RulingsError};
use chrono::NaiveDate;

/// Festival names as the notices write them, longest first (a section is named by the first
/// that its heading holds).
const FESTIVALS: [&str; 9] = [
    "中秋节、国庆节",
    "国庆节、中秋节",
    "元旦",
    "春节",
    "清明节",
    "劳动节",
    "端午节",
    "中秋节",
    "国庆节",
];

/// Reads the rulings of a notice text; `year` is used when the text has no title year;
/// `earlier` are rulings read before (for an extension of their break).
pub fn read_notice(
    text: &str,
    year: Option<i32>,
    earlier: &[HolidayRuling],
) -> Result<Vec<HolidayRuling>, RulingsError> {
    let norm = normalize(text);
    let year = title_year(&norm)
        .or(year)
        .or_else(|| latest_date_year(&norm))
        .ok_or(RulingsError::NeedsYear)?;
    let source =
        source_of(&norm).unwrap_or_else(|| format!("国务院办公厅关于{year}年部分节假日安排的通知"));
    let plain = strip_notes(&norm);
    let mut out: Vec<HolidayRuling> = Vec::new();
    // A section that names no festival (`一、2019年5月1日至4日放假调休`) takes the one the
    // notice names (its title), else the title's subject (`…纪念日`).
    let whole: String = norm.iter().collect();
    let fallback_name = festival_in(&whole)
        .map(str::to_string)
        .or_else(|| title_name(&norm));
    for section in sections(&plain) {
        let (heading, body) = split_heading(&section);
        let name = festival_in(heading)
            .or_else(|| festival_in(body))
            .map(str::to_string)
            .or_else(|| fallback_name.clone())
            .unwrap_or_else(|| "节假日".to_string());
        let new_year = name.contains("元旦");
        let mut ctx = DateContext {
            year,
            month: None,
            new_year,
        };
        let section_start = out.len();
        for clause in body.split(['。', ',', ';', '\n', ':']) {
            let items = ctx.dates(clause)?;
            if items.is_empty() {
                continue;
            }
            if clause.contains("延长") {
                let Some(&(_, end)) = items.last() else {
                    continue;
                };
                let from = extension_start(&name, end, earlier, &out)
                    .ok_or_else(|| RulingsError::ExtensionWithoutBreak(name.clone()))?;
                push(&mut out, from, end, RulingKind::Off, &name, &source);
                continue;
            }
            let kind = if clause.contains("上班") && !clause.contains('起') {
                RulingKind::Workday
            } else if ["放假", "休息", "休假", "补休"]
                .iter()
                .any(|w| clause.contains(w))
                || (clause.contains("调休") && !clause.contains("不调休"))
            {
                RulingKind::Off
            } else {
                continue;
            };
            for (a, b) in items {
                push(&mut out, a, b, kind, &name, &source);
            }
        }
        join_weekends(&mut out[section_start..]);
    }
    if out.is_empty() {
        return Err(RulingsError::NothingFound);
    }
    super::writable(out)
}

/// A break is joined to the Saturday and Sunday next to it (before and after), unless the
/// section makes them workdays: the built-in table holds the whole break, weekend included,
/// as the notices mean it (`与周末连休`; `4月5日放假,4月7日(星期一)补休` is 4–7 April;
/// `9月27日放假` on a Sunday is the weekend of 26–27 September).
fn join_weekends(section: &mut [HolidayRuling]) {
    use chrono::{Datelike, Weekday};
    let worked: Vec<NaiveDate> = section
        .iter()
        .filter(|r| r.kind == RulingKind::Workday)
        .flat_map(HolidayRuling::dates)
        .collect();
    let weekend =
        |d: &NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !worked.contains(d);
    for r in section.iter_mut().filter(|r| r.kind == RulingKind::Off) {
        let mut from = r.from;
        while let Some(p) = from.pred_opt().filter(weekend) {
            from = p;
        }
        let mut last = r.last();
        while let Some(n) = last.succ_opt().filter(weekend) {
            last = n;
        }
        r.from = from;
        r.to = (last != from).then_some(last);
    }
}

/// Adds a ruling unless an earlier one of the same kind, name and source already rules its
/// days (a notice may name a day twice: `9月3日放假` and `9月3日至5日放假`).
fn push(
    out: &mut Vec<HolidayRuling>,
    a: NaiveDate,
    b: NaiveDate,
    kind: RulingKind,
    name: &str,
    source: &str,
) {
    let covered = out.iter().any(|r| {
        r.kind == kind && r.name == name && r.source == source && r.from <= a && b <= r.last()
    });
    if covered {
        return;
    }
    out.push(HolidayRuling {
        from: a,
        to: (b != a).then_some(b),
        kind,
        name: name.to_string(),
        name_en: None,
        source: source.to_string(),
    });
}

/// The first day of an extension to `end`: the day after the break of `name` it extends (the
/// last day off of that name ending before `end`, among the rulings read so far).
fn extension_start(
    name: &str,
    end: NaiveDate,
    earlier: &[HolidayRuling],
    found: &[HolidayRuling],
) -> Option<NaiveDate> {
    earlier
        .iter()
        .chain(found)
        .filter(|r| r.kind == RulingKind::Off && r.name == name && r.last() < end)
        .map(HolidayRuling::last)
        .filter(|l| (end - *l).num_days() <= 31)
        .max()
        .and_then(|l| l.succ_opt())
}

/// Full-width punctuation and digits as ASCII (the brackets of a document number, 〔〕, kept).
fn normalize(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| match c {
            '\u{ff1a}' => ':',
            '\u{ff0c}' => ',',
            '\u{ff1b}' => ';',
            '\u{ff08}' | '[' => '(',
            '\u{ff09}' | ']' => ')',
            '\u{ff0e}' => '。',
            '\u{ff10}'..='\u{ff19}' => {
                char::from_u32(c as u32 - 0xff10 + u32::from(b'0')).unwrap_or(c)
            }
            '\u{3000}' => ' ',
            '\u{ff5e}' => '~',
            '\r' => '\n',
            '\u{201c}' | '\u{201d}' | '"' | '\u{300c}' | '\u{300d}' => ' ',
            _ => c,
        })
        .collect()
}

/// The text without bracketed notes (`(周五)`, `(农历除夕、周二)`).
fn strip_notes(text: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    let mut depth = 0usize;
    for &c in text {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The four-digit number ending just before index `i` (exclusive), if any.
fn number_before(text: &[char], i: usize) -> Option<i32> {
    let start = i.checked_sub(4)?;
    let digits = text.get(start..i)?;
    if start > 0 && text.get(start - 1).is_some_and(char::is_ascii_digit) {
        return None;
    }
    digits
        .iter()
        .try_fold(0i32, |n, c| c.to_digit(10).map(|d| n * 10 + d as i32))
}

fn find(text: &[char], pat: &str) -> Vec<usize> {
    let pat: Vec<char> = pat.chars().collect();
    if pat.is_empty() || text.len() < pat.len() {
        return Vec::new();
    }
    (0..=text.len() - pat.len())
        .filter(|&i| text[i..i + pat.len()] == pat[..])
        .collect()
}

fn starts_at(text: &[char], i: usize, pat: &str) -> bool {
    let pat: Vec<char> = pat.chars().collect();
    text.get(i..i + pat.len()).is_some_and(|s| s == &pat[..])
}

fn ends_at(text: &[char], i: usize, pat: &str) -> bool {
    let n = pat.chars().count();
    i >= n && text[i - n..i].iter().copied().eq(pat.chars())
}

/// The year of the title: `YYYY年部分节假日`, or `关于YYYY年`, `调整YYYY年`, `延长YYYY年`.
fn title_year(text: &[char]) -> Option<i32> {
    find(text, "年").into_iter().find_map(|i| {
        let y = number_before(text, i)?;
        let start = i - 4;
        let titled = starts_at(text, i + 1, "部分节假日")
            || ["关于", "调整", "延长"]
                .iter()
                .any(|p| ends_at(text, start, p));
        titled.then_some(y)
    })
}

/// The latest year written in a date (`2015年9月3日`).
fn latest_date_year(text: &[char]) -> Option<i32> {
    find(text, "年")
        .into_iter()
        .filter(|&i| text.get(i + 1).is_some_and(char::is_ascii_digit))
        .filter_map(|i| number_before(text, i))
        .max()
}

/// The document number (`国办发明电〔2025〕7号`), else the title (`国务院…关于…的通知`).
fn source_of(text: &[char]) -> Option<String> {
    let number = find(text, "发明电").into_iter().find_map(|i| {
        let start = if ends_at(text, i, "国办") {
            i - 2
        } else if ends_at(text, i, "国") {
            i - 1
        } else {
            return None;
        };
        let end = (i..text.len().min(i + 16)).find(|&k| text[k] == '号')?;
        Some(text[start..=end].iter().collect::<String>())
    });
    number.or_else(|| {
        let start = *find(text, "国务院").first()?;
        let end = (start..text.len().min(start + 80)).find(|&k| starts_at(text, k, "通知"))?;
        let title: String = text[start..end + 2].iter().collect();
        (!title.contains('\n')).then_some(title)
    })
}

/// A name from the title for a notice without festival sections (`关于…纪念日调休放假的通知`).
fn title_name(text: &[char]) -> Option<String> {
    let start = *find(text, "关于").first()? + 2;
    let end = (start..text.len().min(start + 60)).find(|&k| {
        ["调休放假", "放假", "的通知", "假期"]
            .iter()
            .any(|p| starts_at(text, k, p))
    })?;
    let name: String = text[start..end].iter().collect();
    let name = name.trim().to_string();
    (!name.is_empty() && !name.contains('\n') && !name.contains("部分节假日")).then_some(name)
}

/// The sections of the body: text from each `一、` `二、` … to the next; the text before the
/// first is a section too.
fn sections(text: &[char]) -> Vec<String> {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut cuts = vec![0];
    for i in 0..text.len() {
        let at_start = i == 0 || matches!(text[i - 1], '\n' | '。' | ' ' | '\u{3000}');
        if at_start && numeral(text[i]) {
            let mut k = i;
            while k < text.len() && numeral(text[k]) {
                k += 1;
            }
            if text.get(k) == Some(&'、') && k - i <= 2 {
                cuts.push(i);
            }
        }
    }
    cuts.push(text.len());
    cuts.windows(2)
        .map(|w| text[w[0]..w[1]].iter().collect())
        .collect()
}

/// A section's heading (`一、春节`) and its body; no heading when it has no `:` early on.
fn split_heading(section: &str) -> (&str, &str) {
    match section.char_indices().find(|&(_, c)| c == ':') {
        Some((i, _)) if section[..i].chars().count() <= 30 && !section[..i].contains('日') => {
            (&section[..i], &section[i + 1..])
        }
        _ => ("", section),
    }
}

/// The first festival name in `text`.
fn festival_in(text: &str) -> Option<&'static str> {
    FESTIVALS.iter().copied().find(|f| text.contains(f))
}

/// What dates inherit from the ones before them in a section.
struct DateContext {
    /// The notice's year.
    year: i32,
    /// The month of the last date read.
    month: Option<u32>,
    /// Whether it is the New Year section (a December date is the year before's).
    new_year: bool,
}

/// One date as written: year if written, month if written, day.
#[derive(Clone, Copy)]
struct Written {
    year: Option<i32>,
    month: Option<u32>,
    day: u32,
}

impl DateContext {
    /// The dates and ranges of a clause, in order, as (first, last).
    fn dates(&mut self, clause: &str) -> Result<Vec<(NaiveDate, NaiveDate)>, RulingsError> {
        let c: Vec<char> = clause.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        let mut pending: Option<Written> = None;
        let mut range = false;
        while i < c.len() {
            if let Some((w, next)) = written_date(&c, i) {
                match (pending.take(), range) {
                    (Some(a), true) => out.push(self.resolve_range(a, w, clause)?),
                    (Some(a), false) => {
                        out.push(self.resolve_range(a, a, clause)?);
                        pending = Some(w);
                    }
                    (None, _) => pending = Some(w),
                }
                range = false;
                i = next;
                continue;
            }
            if matches!(c[i], '至' | '到' | '-' | '\u{2014}' | '\u{2013}' | '~')
                && pending.is_some()
            {
                range = true;
            }
            i += 1;
        }
        if let Some(a) = pending {
            out.push(self.resolve_range(a, a, clause)?);
        }
        Ok(out)
    }

    /// Resolves a written first and last date to real dates.
    fn resolve_range(
        &mut self,
        a: Written,
        b: Written,
        clause: &str,
    ) -> Result<(NaiveDate, NaiveDate), RulingsError> {
        let bad = || RulingsError::BadDate(clause.trim().chars().take(40).collect());
        let am = a.month.or(self.month).ok_or_else(bad)?;
        let bm = b.month.unwrap_or(am);
        let ay = match a.year {
            Some(y) => y,
            None if bm < am && b.year.is_none() => self.year - 1,
            None if b.year.is_some_and(|by| bm < am && by == self.year) => self.year - 1,
            None if am == 12 && self.new_year && bm == 12 => self.year - 1,
            None => self.year,
        };
        let by = match b.year {
            Some(y) => y,
            None if bm < am => ay + 1,
            None => ay,
        };
        self.month = Some(bm);
        let first = NaiveDate::from_ymd_opt(ay, am, a.day).ok_or_else(bad)?;
        let last = NaiveDate::from_ymd_opt(by, bm, b.day).ok_or_else(bad)?;
        if last < first || (last - first).num_days() > 366 {
            return Err(bad());
        }
        Ok((first, last))
    }
}

/// Reads up to `max` ASCII digits at `i`: (value, index after).
fn digits(c: &[char], i: usize, max: usize) -> Option<(u32, usize)> {
    let mut k = i;
    let mut v = 0u32;
    while k < c.len() && k - i < max {
        let Some(d) = c[k].to_digit(10).filter(|_| c[k].is_ascii_digit()) else {
            break;
        };
        v = v * 10 + d;
        k += 1;
    }
    if k == i || c.get(k).is_some_and(char::is_ascii_digit) {
        return None;
    }
    Some((v, k))
}

/// A date written at `i`: `[YYYY年][M月]D日` (a bare `D日` only after a month was given
/// elsewhere); with the index after it.
fn written_date(c: &[char], i: usize) -> Option<(Written, usize)> {
    if i > 0 && c[i - 1].is_ascii_digit() {
        return None;
    }
    let mut k = i;
    let mut year = None;
    if let Some((y, next)) = digits(c, k, 4).filter(|&(_, n)| n - k == 4) {
        if c.get(next) == Some(&'年') {
            year = Some(y as i32);
            k = next + 1;
        }
    }
    let mut month = None;
    let (n, next) = digits(c, k, 2)?;
    let (day, next) = if c.get(next) == Some(&'月') {
        month = Some(n);
        let (d, after) = digits(c, next + 1, 2)?;
        (d, after)
    } else {
        (n, next)
    };
    if c.get(next) != Some(&'日') || (year.is_some() && month.is_none()) {
        return None;
    }
    Some((Written { year, month, day }, next + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    const SAMPLE: &str = "国务院办公厅关于2027年部分节假日安排的通知\n国办发明电〔2026〕9号\n\
        一、元旦:2026年12月31日(周四)至2027年1月2日(周六)放假调休,共3天。\n\
        二、春节:2月5日(农历除夕、周五)至2月13日(农历正月初九、周六)放假,共9天。2月14日(周日)上班。\n\
        三、清明节:4月5日(周一)放假,共1天。\n\
        四、劳动节:5月1日(周六)至5日(周三)放假调休,共5天。4月25日(周日)、5月8日(周六)上班。\n\
        五、国庆节、中秋节:9月29日至10月6日放假。";

    #[test]
    fn reads_the_usual_wording() {
        let r = read_notice(SAMPLE, None, &[]).unwrap_or_default();
        let got: Vec<(NaiveDate, NaiveDate, RulingKind, &str)> = r
            .iter()
            .map(|r| (r.from, r.last(), r.kind, r.name.as_str()))
            .collect();
        use RulingKind::*;
        assert_eq!(
            got,
            vec![
                // Saturday 2 January joins Sunday 3 January (the weekend next to a break).
                (day(2026, 12, 31), day(2027, 1, 3), Off, "元旦"),
                (day(2027, 2, 5), day(2027, 2, 13), Off, "春节"),
                (day(2027, 2, 14), day(2027, 2, 14), Workday, "春节"),
                (day(2027, 4, 3), day(2027, 4, 5), Off, "清明节"),
                (day(2027, 5, 1), day(2027, 5, 5), Off, "劳动节"),
                (day(2027, 4, 25), day(2027, 4, 25), Workday, "劳动节"),
                (day(2027, 5, 8), day(2027, 5, 8), Workday, "劳动节"),
                (day(2027, 9, 29), day(2027, 10, 6), Off, "国庆节、中秋节"),
            ]
        );
        assert!(r.iter().all(|r| r.source == "国办发明电〔2026〕9号"));
    }

    #[test]
    fn ascii_punctuation_and_year_from_the_caller() {
        let t = "一、元旦:12月31日至1月2日放假,共3天。\n二、清明节:4月4日放假,共1天。";
        assert_eq!(read_notice(t, None, &[]), Err(RulingsError::NeedsYear));
        let r = read_notice(t, Some(2030), &[]).unwrap_or_default();
        // Monday 31 December 2029, joined to the weekend before it.
        assert_eq!(r[0].from, day(2029, 12, 29));
        assert_eq!(r[0].last(), day(2030, 1, 2));
        assert_eq!(r[1].from, day(2030, 4, 4));
        assert_eq!(r[0].source, "国务院办公厅关于2030年部分节假日安排的通知");
    }

    #[test]
    fn an_extension_continues_the_break_read_before() {
        let base = read_notice(
            "国务院办公厅关于2020年部分节假日安排的通知\n二、春节:1月24日至30日放假调休,共7天。",
            None,
            &[],
        )
        .unwrap_or_default();
        let ext = "国务院办公厅关于延长2020年春节假期的通知\n国办发明电〔2020〕1号\n一、延长2020年春节假期至2月2日(农历正月初九,星期日),2月3日(星期一)起正常上班。";
        let r = read_notice(ext, None, &base).unwrap_or_default();
        assert_eq!(r.len(), 1);
        assert_eq!(
            (r[0].from, r[0].last()),
            (day(2020, 1, 31), day(2020, 2, 2))
        );
        assert!(matches!(
            read_notice(ext, None, &[]),
            Err(RulingsError::ExtensionWithoutBreak(_))
        ));
    }
}
