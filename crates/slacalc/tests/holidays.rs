//! Holiday rulings beyond the built-in table (issue #15, part 3): the notice texts of
//! 2004–2026 read back to the built-in table exactly, the JSON and iCalendar round trips,
//! no input makes a reader panic, and a 2027 report is timed on 2027 rulings and cited, or
//! said plainly to be outside every known ruling.

use chrono::NaiveDate;
use proptest::prelude::*;
use slacalc::calendar::prc::{self, Ruling};
use slacalc::calendar::rulings::{self, ics, json, notice, HolidayRuling, RulingKind};
use slacalc::calendar::Channel;
use slacalc::{assess, parse_case, Instant};
use std::collections::BTreeMap;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/notices");

/// The notice files of `year`, in name order (the notice, then its amendments).
fn notice_files(year: u16) -> Vec<(String, String)> {
    let mut names: Vec<String> = std::fs::read_dir(FIXTURES)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(&year.to_string()) && n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let text = std::fs::read_to_string(format!("{FIXTURES}/{n}"))
                .unwrap_or_else(|e| panic!("{n}: {e}"));
            (n, text)
        })
        .collect()
}

/// Every fixture of `year` read in order, each with the rulings read before it.
fn read_year(year: u16) -> Vec<HolidayRuling> {
    let mut all: Vec<HolidayRuling> = Vec::new();
    for (name, text) in notice_files(year) {
        let r = notice::read_notice(&text, None, &all).unwrap_or_else(|e| panic!("{name}: {e}"));
        all.extend(r);
    }
    all
}

/// Day → (off?, source), the later ruling winning.
type DayMap = BTreeMap<NaiveDate, (bool, String)>;

fn day_map(rulings: &[HolidayRuling]) -> DayMap {
    let mut m = DayMap::new();
    for r in rulings {
        for d in r.dates() {
            m.insert(d, (r.kind == RulingKind::Off, r.source.clone()));
        }
    }
    m
}

fn date_of(day_number: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|e| e.checked_add_signed(chrono::Duration::days(day_number)))
        .unwrap_or_else(|| panic!("day {day_number}"))
}

/// What the built-in table's notices of `year` rule, in their order.
fn table_map(year: u16) -> DayMap {
    let mut m = DayMap::new();
    for n in prc::NOTICES.iter().filter(|n| n.year == year) {
        for rule in n.days {
            let (a, b, off) = match rule.ruling(n.year) {
                Ruling::Off(a, b) => (a, b, true),
                Ruling::Work(a) => (a, a, false),
            };
            for d in a.day_number()..=b.day_number() {
                m.insert(date_of(d), (off, n.number.to_string()));
            }
        }
    }
    m
}

#[test]
fn each_years_notices_read_back_to_the_built_in_table_exactly() {
    let mut failures = Vec::new();
    for year in prc::FIRST_YEAR..=prc::LAST_YEAR {
        assert!(!notice_files(year).is_empty(), "no notice text for {year}");
        let got = day_map(&read_year(year));
        let want = table_map(year);
        if got != want {
            let diff: Vec<String> = want
                .iter()
                .filter(|(d, v)| got.get(d) != Some(v))
                .map(|(d, v)| format!("{d}: table {v:?}, read {:?}", got.get(d)))
                .chain(
                    got.iter()
                        .filter(|(d, _)| !want.contains_key(d))
                        .map(|(d, v)| format!("{d}: read {v:?}, not in the table")),
                )
                .collect();
            failures.push(format!("{year}:\n  {}", diff.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_notice_is_recognised_as_notice_text() {
    for year in prc::FIRST_YEAR..=prc::LAST_YEAR {
        for (name, text) in notice_files(year) {
            assert_eq!(
                rulings::sniff(&text),
                rulings::RulingsFormat::Notice,
                "{name}"
            );
        }
    }
}

/// Day → (off?, name, English name, source): what a round trip must keep.
fn full_map(rulings: &[HolidayRuling]) -> BTreeMap<NaiveDate, (bool, String, String, String)> {
    let mut m = BTreeMap::new();
    for r in rulings {
        for d in r.dates() {
            m.insert(
                d,
                (
                    r.kind == RulingKind::Off,
                    r.name.clone(),
                    r.name_en.clone().unwrap_or_default(),
                    r.source.clone(),
                ),
            );
        }
    }
    m
}

/// The rulings of a year with an English name on some, to see it kept.
fn sample(year: u16) -> Vec<HolidayRuling> {
    let mut r = read_year(year);
    if let Some(first) = r.first_mut() {
        first.name_en = Some("New Year's Day, with a comma; and a semicolon".into());
    }
    r
}

#[test]
fn rulings_survive_the_holiday_json() {
    for year in [2008, 2017, 2020, 2025, 2026] {
        let r = sample(year);
        let text = json::write_json(&r);
        assert_eq!(rulings::sniff(&text), rulings::RulingsFormat::Json);
        let back = rulings::read(&text, None, &[]).unwrap_or_else(|e| panic!("{year}: {e}"));
        assert_eq!(full_map(&back), full_map(&r), "{year}\n{text}");
    }
}

#[test]
fn rulings_survive_icalendar() {
    for year in [2008, 2017, 2020, 2025, 2026] {
        let r = sample(year);
        let text = ics::write_ics(&r);
        assert_eq!(rulings::sniff(&text), rulings::RulingsFormat::Ics);
        let back = rulings::read(&text, None, &[]).unwrap_or_else(|e| panic!("{year}: {e}"));
        assert_eq!(full_map(&back), full_map(&r), "{year}\n{text}");
    }
}

#[test]
fn the_usual_json_of_other_projects_reads() {
    let text = r#"{"$schema":"https://example.org/schema.json","year":2026,
        "papers":["https://www.gov.cn/zhengce/content/202511/content_0000000.htm"],
        "days":[{"name":"元旦","date":"2026-01-01","isOffDay":true},
                {"name":"元旦","date":"2026-01-02","isOffDay":true},
                {"name":"元旦","date":"2026-01-03","isOffDay":true},
                {"name":"元旦","date":"2026-01-04","isOffDay":false}]}"#;
    let r = rulings::read(text, None, &[]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].dates().count(), 3);
    assert_eq!(r[1].kind, RulingKind::Workday);
    assert!(r[0].source.starts_with("https://www.gov.cn/"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_text_makes_a_reader_panic(s in "\\PC{0,300}") {
        let _ = rulings::read(&s, None, &[]);
        let _ = rulings::read(&s, Some(2027), &[]);
        let _ = notice::read_notice(&s, Some(2027), &[]);
        let _ = json::read_json(&s);
        let _ = ics::read_ics(&s);
    }

    #[test]
    fn no_notice_like_text_makes_the_reader_panic(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("一、".to_string()), Just("元旦:".to_string()), Just("春节:".to_string()),
                Just("年".to_string()), Just("月".to_string()), Just("日".to_string()),
                Just("至".to_string()), Just("、".to_string()), Just("放假".to_string()),
                Just("上班".to_string()), Just("延长".to_string()), Just("补休".to_string()),
                Just("与周末连休".to_string()), Just("(周五)".to_string()), Just(",".to_string()),
                Just("。".to_string()), Just("(".to_string()), Just(")".to_string()),
                Just("部分节假日".to_string()), Just("发明电〔".to_string()), Just("号".to_string()),
                (0u32..10_000).prop_map(|n| n.to_string()),
            ],
            0..60,
        ),
        year in proptest::option::of(-5000i32..5000),
    ) {
        let text: String = parts.concat();
        let earlier = notice::read_notice(&text, year, &[]).unwrap_or_default();
        let _ = notice::read_notice(&text, year, &earlier);
    }
}

/// A 2027 notice for the tests (not the real one: its dates are made up for the test).
const NOTICE_2027: &str = "国务院办公厅关于2027年部分节假日安排的通知\n国办发明电〔2026〕99号\n\
    一、元旦:1月1日(周五)至3日(周日)放假,共3天。\n\
    二、春节:2月5日(周五)至2月12日(周五)放假调休,共8天。2月7日(周日)、2月20日(周六)上班。";

fn case_at(reported_at: &str, holidays: Option<&str>) -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/worked-example.json"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let inc = &mut v["incidents"][0];
    for f in ["reported_at", "phone_response_at", "remote_access_at"] {
        inc[f] = reported_at.into();
    }
    if let Some(h) = holidays {
        v["holidays"] = serde_json::from_str(h).unwrap_or_else(|e| panic!("{e}"));
    }
    v.to_string()
}

fn assess_text(text: &str) -> slacalc::Assessment {
    let case = parse_case(text).unwrap_or_else(|e| panic!("{e:?}"));
    let as_of = Instant::parse("2030-01-01T00:00:00+08:00").unwrap_or_else(|e| panic!("{e}"));
    assess(&case, as_of).unwrap_or_else(|e| panic!("{e:?}"))
}

fn channel_step(a: &slacalc::Assessment) -> (String, String) {
    let s = a.incidents[0]
        .explanation
        .iter()
        .find(|s| s.clause == "L1.1" || s.clause == "L1.2")
        .unwrap_or_else(|| panic!("no channel step"));
    (s.en.clone(), s.zh.clone())
}

#[test]
fn a_2027_report_is_timed_on_2027_rulings_and_cited() {
    let r = notice::read_notice(NOTICE_2027, None, &[]).unwrap_or_else(|e| panic!("{e}"));
    let holidays = serde_json::to_string(&r).unwrap_or_default();
    // Monday 2027-02-08, a day off of the rulings: the 24×7 line.
    let a = assess_text(&case_at("2027-02-08T10:00:00+08:00", Some(&holidays)));
    assert_eq!(a.incidents[0].channel, Channel::Hotline24x7);
    let (en, zh) = channel_step(&a);
    assert!(en.contains("2027-02-08 is a statutory holiday (Spring Festival, holiday ruling added to the case: 国办发明电〔2026〕99号)"), "{en}");
    assert!(zh.contains("国办发明电〔2026〕99号"), "{zh}");
    assert!(
        a.incidents[0].notes.is_empty(),
        "{:?}",
        a.incidents[0].notes
    );
    // Sunday 2027-02-07, a make-up workday: the office line.
    let a = assess_text(&case_at("2027-02-07T10:00:00+08:00", Some(&holidays)));
    assert_eq!(a.incidents[0].channel, Channel::OfficeHotline);
    assert!(channel_step(&a).0.contains("make-up workday"));
}

#[test]
fn without_rulings_a_2027_report_says_it_is_outside_plainly() {
    // Monday 2027-02-08 without rulings: an ordinary Monday, and said so.
    let a = assess_text(&case_at("2027-02-08T10:00:00+08:00", None));
    let inc = &a.incidents[0];
    assert_eq!(inc.channel, Channel::OfficeHotline);
    assert_eq!(inc.notes.len(), 1);
    let n = &inc.notes[0];
    assert!(
        n.en.contains("2027-02-08 is outside the years of known holiday rulings (2004–2026)"),
        "{}",
        n.en
    );
    assert!(n.en.contains("plain weekdays"), "{}", n.en);
    assert!(
        n.en.contains("Import the holiday rulings for 2027"),
        "{}",
        n.en
    );
    assert!(n.zh.contains("可导入 2027 年的节假日安排"), "{}", n.zh);
    let json = serde_json::to_string(&a).unwrap_or_default();
    assert!(json.contains("\"notes\""));
    let text = slacalc::text::render(&a, slacalc::text::Lang::En);
    assert!(text.contains("note: 2027-02-08 is outside"), "{text}");
    // A 2028 report with only 2027 rulings: outside 2004–2027.
    let r = notice::read_notice(NOTICE_2027, None, &[]).unwrap_or_default();
    let holidays = serde_json::to_string(&r).unwrap_or_default();
    let a = assess_text(&case_at("2028-03-01T10:00:00+08:00", Some(&holidays)));
    assert!(
        a.incidents[0].notes[0].en.contains("(2004–2027)"),
        "{:?}",
        a.incidents[0].notes
    );
}

#[test]
fn a_case_without_rulings_writes_no_holidays_field_and_keeps_its_link() {
    let text = case_at("2025-03-03T08:10:00+08:00", None);
    let case = parse_case(&text).unwrap_or_else(|e| panic!("{e:?}"));
    let json = serde_json::to_string(&case).unwrap_or_default();
    assert!(!json.contains("holidays"), "{json}");
    let a = assess_text(&text);
    assert!(a.incidents[0].notes.is_empty());
    assert!(!serde_json::to_string(&a)
        .unwrap_or_default()
        .contains("notes"));
}

#[test]
fn rulings_travel_in_the_share_link() {
    let r = notice::read_notice(NOTICE_2027, None, &[]).unwrap_or_default();
    let holidays = serde_json::to_string(&r).unwrap_or_default();
    let text = case_at("2027-02-08T10:00:00+08:00", Some(&holidays));
    let case = parse_case(&text).unwrap_or_else(|e| panic!("{e:?}"));
    let a = assess_text(&text);
    let url = slacalc::link::url("http://x/", &case, &a);
    let frag = url.split("#c=").nth(1).unwrap_or_default();
    let opened = slacalc::link::decode(frag).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(opened.case.holidays, case.holidays);
    assert_eq!(opened.digest, slacalc::link::digest(&a));
}

#[test]
fn bad_rulings_are_named_by_their_field_path() {
    let bad = r#"[{"from":"2027-02-10","to":"2027-02-01","kind":"off","name":" ","source":""},
                  {"from":"2027-01-01","to":"2028-06-01","kind":"workday","name":"x","source":"s"}]"#;
    let text = case_at("2025-03-03T08:10:00+08:00", Some(bad));
    let errs = parse_case(&text).err().unwrap_or_default();
    let paths: Vec<&str> = errs.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "holidays[0].to",
            "holidays[0].name",
            "holidays[0].source",
            "holidays[1].to"
        ],
        "{errs:?}"
    );
    assert!(errs[0].en().contains("holidays[0].to"), "{}", errs[0].en());
    assert!(
        errs[0].zh().contains("最后一天早于第一天"),
        "{}",
        errs[0].zh()
    );
    let unreadable = r#"[{"from":"2027-02-30","kind":"off","name":"x","source":"s"}]"#;
    let text = case_at("2025-03-03T08:10:00+08:00", Some(unreadable));
    let errs = parse_case(&text).err().unwrap_or_default();
    assert_eq!(
        errs.first().map(|e| e.path.as_str()),
        Some("holidays[0].from"),
        "{errs:?}"
    );
    let unknown_kind = r#"[{"from":"2027-02-03","kind":"holiday","name":"x","source":"s"}]"#;
    let errs = parse_case(&case_at("2025-03-03T08:10:00+08:00", Some(unknown_kind)))
        .err()
        .unwrap_or_default();
    assert_eq!(
        errs.first().map(|e| e.path.as_str()),
        Some("holidays[0].kind"),
        "{errs:?}"
    );
}

#[test]
fn an_office_hours_deadline_is_timed_on_the_rulings_and_cites_them() {
    let r = notice::read_notice(NOTICE_2027, None, &[]).unwrap_or_default();
    let holidays = serde_json::to_string(&r).unwrap_or_default();
    let mut v: serde_json::Value =
        serde_json::from_str(&case_at("2027-02-04T17:30:00+08:00", Some(&holidays)))
            .unwrap_or_else(|e| panic!("{e}"));
    v["interpretation"] = serde_json::json!({"clocks": {"restore": "office_hours"}});
    v["contract"]["warranty_end"] = "2027-12-31".into();
    v["incidents"][0]["interrupted_from"] = "2027-02-04T17:30:00+08:00".into();
    v["incidents"][0]["restored_at"] = "2027-02-07T10:00:00+08:00".into();
    let a = assess_text(&v.to_string());
    let d = a.incidents[0]
        .deadlines
        .iter()
        .find(|d| d.kind == slacalc::deadline::DeadlineKind::Restore)
        .unwrap_or_else(|| panic!("no restore deadline"));
    // By hand: 2 business hours from Thursday 2027-02-04 17:30: 30 minutes to 18:00; Friday 5
    // and Saturday 6 February are days off of the rulings; Sunday 7 February is their make-up
    // workday, open 09:00: the other 1 h 30 min end at 10:30.
    assert_eq!(d.due.short(), "2027-02-07 10:30");
    assert_eq!(d.status, slacalc::deadline::Status::Met);
    let step = a.incidents[0]
        .explanation
        .iter()
        .find(|s| s.en.contains("holiday rulings added to the case"))
        .unwrap_or_else(|| panic!("no rulings step: {:?}", a.incidents[0].explanation));
    assert_eq!(
        step.en,
        "The restore deadline runs on office hours, with the holiday rulings added to the case: 2027-02-05–2027-02-06 Spring Festival day(s) off (国办发明电〔2026〕99号); 2027-02-07 Spring Festival make-up workday(s) (国办发明电〔2026〕99号)."
    );
    assert!(
        step.zh
            .contains("2027-02-05–2027-02-06 春节放假(国办发明电〔2026〕99号)"),
        "{}",
        step.zh
    );
}

#[test]
fn rulings_are_named_after_the_festival_the_notice_names() {
    let names = |file: &str| -> Vec<String> {
        let text =
            std::fs::read_to_string(format!("{FIXTURES}/{file}")).unwrap_or_else(|e| panic!("{e}"));
        let earlier = read_year(2020);
        notice::read_notice(&text, None, &earlier)
            .unwrap_or_else(|e| panic!("{file}: {e}"))
            .into_iter()
            .map(|r| r.name)
            .collect()
    };
    assert!(names("2019_labour_day_change.txt")
        .iter()
        .all(|n| n == "劳动节"));
    assert!(names("2020_spring_festival_extension.txt")
        .iter()
        .all(|n| n == "春节"));
    assert!(names("2015_victory_day.txt")
        .iter()
        .all(|n| n == "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"));
    let r = read_year(2025);
    let got: Vec<&str> = r.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        got,
        [
            "元旦",
            "春节",
            "春节",
            "春节",
            "清明节",
            "劳动节",
            "劳动节",
            "端午节",
            "国庆节、中秋节",
            "国庆节、中秋节",
            "国庆节、中秋节"
        ]
    );
}

/// The weekday notes of the fixtures (`1月4日（周日）`, `2月2日（星期六）`, also after a lunar
/// date: `（农历除夕、周二）`) name the right weekday.
#[test]
fn the_fixtures_weekday_notes_are_right() {
    use chrono::Datelike;
    const DAYS: [char; 7] = ['一', '二', '三', '四', '五', '六', '日'];
    let mut checked = 0;
    for year in prc::FIRST_YEAR..=prc::LAST_YEAR {
        for (name, text) in notice_files(year) {
            let c: Vec<char> = text.chars().collect();
            for i in 1..c.len() {
                if c[i] != '（' || c[i - 1] != '日' {
                    continue;
                }
                let Some(close) = (i..c.len()).find(|&k| c[k] == '）') else {
                    continue;
                };
                let note: String = c[i + 1..close].iter().collect();
                let Some(w) = note.chars().last().filter(|_| {
                    note.ends_with(|ch| DAYS.contains(&ch))
                        && (note.contains('周') || note.contains("星期"))
                }) else {
                    continue;
                };
                // The date before the note: [YYYY年]M月D日.
                let num_before = |end: usize| -> (Option<u32>, usize) {
                    let mut k = end;
                    while k > 0 && c[k - 1].is_ascii_digit() {
                        k -= 1;
                    }
                    let n: String = c[k..end].iter().collect();
                    (n.parse().ok(), k)
                };
                let (day, k) = num_before(i - 1);
                let (month, y) = if k > 0 && c[k - 1] == '月' {
                    let (m, k2) = num_before(k - 1);
                    let y = if k2 > 0 && c[k2 - 1] == '年' {
                        num_before(k2 - 1).0
                    } else {
                        None
                    };
                    (m, y)
                } else {
                    continue; // a bare day (`21日（星期日）`): its month is earlier in the line
                };
                let (Some(day), Some(month)) = (day, month) else {
                    continue;
                };
                let y = y.map_or_else(|| i32::from(year) - i32::from(month == 12), |y| y as i32);
                let d = NaiveDate::from_ymd_opt(y, month, day)
                    .unwrap_or_else(|| panic!("{name}: {y}-{month}-{day}"));
                let want = DAYS[d.weekday().num_days_from_monday() as usize];
                assert_eq!(w, want, "{name}: {d} is 周{want}, the note says {note}");
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "{checked} notes checked");
}
