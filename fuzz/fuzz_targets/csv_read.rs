//! The CSV incident reader on any text, under the letter's terms or custom ones: good rows and
//! row errors, never a panic. The good rows are assessed as the page does with an imported
//! ledger (the contract of the worked example).
#![no_main]

use libfuzzer_sys::fuzz_target;
use slacalc::{assess, parse_case, Instant};
use std::sync::OnceLock;

fn templates() -> &'static [slacalc::Case; 2] {
    static T: OnceLock<[slacalc::Case; 2]> = OnceLock::new();
    T.get_or_init(|| {
        let read = |s: &str| parse_case(s).expect("example reads");
        [
            read(include_str!("../../examples/worked-example.json")),
            read(include_str!("../../examples/custom-terms-case.json")),
        ]
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mut case = templates()[usize::from(pick % 2)].clone();
    let (good, bad) = slacalc::table::read_incidents(text, &case.terms);
    for e in &bad {
        let _ = (e.en(), e.zh());
    }
    case.incidents = good.into_iter().map(|(_, inc)| inc).collect();
    let as_of = Instant::from_secs(1_767_196_800).expect("2026-01-01");
    if let Ok(a) = assess(&case, as_of) {
        slacalc_fuzz::check_assessment(&case, &a);
    }
});
