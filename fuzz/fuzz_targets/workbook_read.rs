//! The workbook reader (crates/slacalc-workbook, calamine) on any bytes: a grid or an error,
//! never a panic; the grid mapped by the engine as a CSV's is, the good rows assessed, and the
//! good incidents written as an .xlsx that reads back as the same incidents.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slacalc::table::{read_grid, ReadOptions};
use slacalc::text::Lang;
use slacalc::{assess, parse_case, Instant};
use slacalc_workbook::{incidents_xlsx, read_workbook, SheetChoice};
use std::sync::OnceLock;

fn template() -> &'static slacalc::Case {
    static T: OnceLock<slacalc::Case> = OnceLock::new();
    T.get_or_init(|| {
        parse_case(include_str!("../../examples/worked-example.json")).expect("example reads")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let choice = match pick % 3 {
        0 => SheetChoice::First,
        1 => SheetChoice::Named("2".into()),
        _ => SheetChoice::Named("事件".into()),
    };
    let Ok(book) = read_workbook(bytes, &choice) else {
        return;
    };
    let mut case = template().clone();
    let opts = ReadOptions {
        dates: if pick & 0x80 == 0 {
            slacalc::spreadsheet::DateSystem::From1900
        } else {
            slacalc::spreadsheet::DateSystem::From1904
        },
        ..ReadOptions::default()
    };
    let read = read_grid(&book.grid, &case.terms, &opts);
    for e in &read.problems {
        let _ = (e.en(), e.zh());
    }
    case.incidents = read.incidents.into_iter().map(|(_, inc)| inc).collect();
    if case.incidents.is_empty() {
        return;
    }
    // What is written reads back as it was.
    let lang = if pick & 0x40 == 0 { Lang::Zh } else { Lang::En };
    let written = incidents_xlsx(&case.incidents, lang).expect("incidents are written");
    let again = read_workbook(&written, &SheetChoice::First).expect("what is written reads");
    let again = read_grid(&again.grid, &case.terms, &ReadOptions::default());
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    let again: Vec<_> = again.incidents.into_iter().map(|(_, i)| i).collect();
    assert_eq!(again, case.incidents);
    let as_of = Instant::from_secs(1_767_196_800).expect("2026-01-01");
    if let Ok(a) = assess(&case, as_of) {
        slacalc_fuzz::check_assessment(&case, &a);
    }
});
