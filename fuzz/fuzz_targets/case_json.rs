//! The case reader on any text: `parse_case` gives a case or errors, never a panic; a case it
//! accepts is assessed (no panic) and reads back unchanged from its own JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use slacalc::{assess, parse_case, Instant};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_case(text) {
        Ok(case) => {
            let again = serde_json::to_string(&case).expect("case serializes");
            assert_eq!(parse_case(&again).as_ref(), Ok(&case), "{again}");
            let as_of = Instant::from_secs(1_767_196_800).expect("2026-01-01");
            let _ = assess(&case, as_of);
        }
        Err(errs) => {
            assert!(!errs.is_empty());
            for e in &errs {
                let _ = (e.en(), e.zh());
            }
        }
    }
});
