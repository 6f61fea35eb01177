//! L1.2 through the whole assessment: the channel uses the PRC holiday calendar and the
//! explanation says which kind of day the report fell on.

use slacalc::calendar::Channel;
use slacalc::{assess, parse_case, Instant};

fn assess_report(reported_at: &str) -> (Channel, String, String) {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/worked-example.json"
    ))
    .unwrap_or_else(|e| panic!("{e}"))
    .replace("2025-03-03T08:10:00+08:00", reported_at)
    .replace("2025-03-03T08:12:00+08:00", reported_at)
    .replace("2025-03-03T08:35:00+08:00", reported_at);
    let case = parse_case(&text).unwrap_or_else(|e| panic!("{e:?}"));
    let as_of = Instant::parse("2030-01-01T00:00:00+08:00").unwrap_or_else(|e| panic!("{e}"));
    let a = assess(&case, as_of).unwrap_or_else(|e| panic!("{e:?}"));
    let inc = &a.incidents[0];
    let step = inc
        .explanation
        .iter()
        .find(|s| s.clause == "L1.1" || s.clause == "L1.2")
        .unwrap_or_else(|| panic!("no channel step"));
    (inc.channel, step.en.clone(), step.zh.clone())
}

#[test]
fn national_day_goes_to_the_24x7_line() {
    let (ch, en, zh) = assess_report("2025-10-01T10:00:00+08:00");
    assert_eq!(ch, Channel::Hotline24x7);
    assert!(
        en.contains("2025-10-01 is a statutory holiday (National Day"),
        "{en}"
    );
    assert!(en.contains("国办发明电〔2024〕12号"), "{en}");
    assert!(zh.contains("法定节假日"), "{zh}");
}

#[test]
fn a_makeup_sunday_goes_to_the_office_line() {
    let (ch, en, zh) = assess_report("2025-09-28T10:00:00+08:00");
    assert_eq!(ch, Channel::OfficeHotline);
    assert!(en.contains("2025-09-28 is a make-up workday"), "{en}");
    assert!(zh.contains("调休上班日"), "{zh}");
}

#[test]
fn an_ordinary_morning_before_nine_is_24x7() {
    let (ch, en, _) = assess_report("2025-03-03T08:10:00+08:00");
    assert_eq!(ch, Channel::Hotline24x7);
    assert!(
        en.contains("2025-03-03 is a workday, outside office hours"),
        "{en}"
    );
}

#[test]
fn outside_the_table_the_explanation_says_so() {
    let (ch, en, zh) = assess_report("2027-03-03T10:00:00+08:00");
    assert_eq!(ch, Channel::OfficeHotline);
    assert!(
        en.contains(
            "2027-03-03 is outside the years of the statutory holiday calendar (2004–2026)"
        ) && en.contains("plain weekdays"),
        "{en}"
    );
    assert!(zh.contains("不在法定节假日表的年份内"), "{zh}");
}
