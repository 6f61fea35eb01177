//! Share links (issue #5): every example case comes back unchanged from its link, and links
//! stay short enough for a document or a spreadsheet cell.

mod common;

use slacalc::{assess, link, parse_case, Instant};

fn examples() -> Vec<(String, String)> {
    common::example_cases()
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            (p.display().to_string(), text)
        })
        .collect()
}

#[test]
fn every_example_case_comes_back_from_its_link() {
    let as_of = Instant::parse("2026-01-01T00:00:00+08:00").expect("time");
    let all = examples();
    assert!(all.len() >= 5, "{all:?}");
    for (name, text) in all {
        let case = parse_case(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let a = assess(&case, as_of).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let fragment = link::encode(&case, &a);
        let opened = link::decode(&fragment).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(opened.case, case, "{name}");
        assert_eq!(opened.digest, link::digest(&a), "{name}");
        // A dozen-incident ledger stays under 2,000 characters; one incident under 400.
        let limit = if case.incidents.len() <= 1 { 400 } else { 2000 };
        if case.incidents.len() <= 14 {
            assert!(fragment.len() < limit, "{name}: {} chars", fragment.len());
        }
    }
}
