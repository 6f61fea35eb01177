//! `assess` on arbitrary *valid* cases: the generated case must read, and assessing it must
//! never panic, give an error other than a date outside the holiday table, or break the
//! cheap invariants (applied ≤ amount, applied ≤ cap, total ≤ cap, nothing negative).
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use slacalc::{assess, parse_case};
use slacalc_fuzz::{allowed_error, check_assessment, gen_case};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(g) = gen_case(&mut u) else {
        return;
    };
    let case = match parse_case(&g.json) {
        Ok(c) => c,
        Err(e) => panic!("generated case refused: {e:?}\n{}", g.json),
    };
    match assess(&case, g.as_of) {
        Ok(a) => {
            check_assessment(&case, &a);
            // What every front end does with a result: the JSON and the CSV of it.
            let _ = serde_json::to_string(&a).expect("assessment serializes");
            let _ = slacalc::table::write_assessment(&a);
        }
        Err(errs) => {
            for e in &errs {
                assert!(
                    allowed_error(&e.problem),
                    "valid case refused by assess: {e:?}\n{}\nas of {}",
                    g.json,
                    g.as_of
                );
            }
        }
    }
});
