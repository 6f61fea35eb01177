//! What the tests of this crate share: the incidents of examples/incidents.csv and their
//! assessment under the worked example's contract.

#![allow(dead_code)]

use slacalc::case::{Case, Incident};
use slacalc::table::{read_table, ReadOptions};
use slacalc::terms::TermsSpec;
use slacalc::{assess, parse_case, Assessment, Instant};

/// A file of the repository.
pub fn repo_file(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

/// The letter's terms.
pub fn letter() -> TermsSpec {
    TermsSpec::Preset("eyou-sdju".into())
}

/// The good incidents of examples/incidents.csv (six: its line 5 is deliberately bad).
pub fn incidents() -> Vec<Incident> {
    let text = std::fs::read_to_string(repo_file("examples/incidents.csv"))
        .unwrap_or_else(|e| panic!("examples/incidents.csv: {e}"));
    let read = read_table(&text, &letter(), &ReadOptions::default());
    assert_eq!(read.incidents.len(), 6, "{:?}", read.problems);
    read.incidents.into_iter().map(|(_, i)| i).collect()
}

/// Their assessment under the worked example's contract, at 2026-01-01.
pub fn assessment() -> Assessment {
    let text = std::fs::read_to_string(repo_file("examples/worked-example.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let case = Case {
        incidents: incidents(),
        ..parse_case(&text).unwrap_or_else(|e| panic!("{e:?}"))
    };
    let as_of = Instant::parse("2026-01-01T00:00:00+08:00").unwrap_or_else(|e| panic!("{e}"));
    assess(&case, as_of).unwrap_or_else(|e| panic!("{e:?}"))
}
