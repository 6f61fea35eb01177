//! The holiday rulings readers (`calendar::rulings::read`: a State Council notice text, the
//! yearly holiday JSON or an iCalendar file, told apart by content) on any bytes read as lossy
//! UTF-8: rulings or a `RulingsError`, never a panic. Rulings read are written as the holiday
//! JSON and read back to the same days (name, English name, source, off or worked), and
//! written as iCalendar and read again without a panic; a notice read again with them as the
//! rulings before it (an extension of their break) gives rulings or an error too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slacalc::calendar::rulings::{self, ics, json, known_years, RulingsError};
use slacalc::calendar::{HolidayRuling, RulingKind};
use std::collections::BTreeMap;

/// Day → (off?, name, English name, source): what the JSON round trip keeps (a later ruling
/// of a day wins, as in the engine's table).
fn days(rulings: &[HolidayRuling]) -> BTreeMap<chrono::NaiveDate, (bool, &str, &str, &str)> {
    let mut m = BTreeMap::new();
    for r in rulings {
        for d in r.dates() {
            let en = r.name_en.as_deref().unwrap_or_default();
            m.insert(d, (r.kind == RulingKind::Off, &*r.name, en, &*r.source));
        }
    }
    m
}

fn check(read: &[HolidayRuling]) {
    let _ = known_years(read);
    let text = json::write_json(read);
    assert_eq!(rulings::sniff(&text), rulings::RulingsFormat::Json, "{text}");
    match json::read_json(&text) {
        Ok(back) => assert_eq!(days(&back), days(read), "{text}"),
        // Rulings without a day (none here, but the JSON reader says so rather than panic).
        Err(RulingsError::NothingFound) => assert!(days(read).is_empty(), "{text}"),
        Err(e) => panic!("the JSON written does not read: {e}\n{text}"),
    }
    let _ = ics::read_ics(&ics::write_ics(read));
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(read) = rulings::read(&text, None, &[]) {
        check(&read);
        if let Ok(again) = rulings::read(&text, Some(2027), &read) {
            check(&again);
        }
    }
    if let Ok(read) = rulings::notice::read_notice(&text, Some(2027), &[]) {
        check(&read);
    }
});
