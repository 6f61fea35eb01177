//! The words `static/verdict.js` paints the precomputed verdict card with (issue #17) are the
//! engine's: every coverage, event level, deadline kind and status, and the letter's priority
//! levels, in both languages, each once. (That the card's other words and its layout match
//! the live card is checked in the browser by `e2e_verdict`.)
#![cfg(not(target_arch = "wasm32"))]

use slacalc::coverage::Coverage;
use slacalc::deadline::Status;
use slacalc::names::Named;
use slacalc::vocab::{DeadlineKind, EventLevel};

/// The block between `// words:begin` and `// words:end`, and in it the group `name: {…}`.
fn group(name: &str) -> String {
    let js = include_str!("../static/verdict.js");
    let block = js
        .split_once("// words:begin")
        .and_then(|(_, rest)| rest.split_once("// words:end"))
        .map(|(block, _)| block)
        .expect("static/verdict.js has its words block");
    let start = block
        .find(&format!("  {name}: {{"))
        .unwrap_or_else(|| panic!("group {name} in the words block"));
    let rest = &block[start..];
    rest[..rest.find("\n  },").unwrap_or(rest.len())].to_string()
}

/// `group` holds exactly `entries` (`key: ["zh", "en"`), each once.
fn holds(name: &str, entries: &[(String, (&str, &str))]) {
    let g = group(name);
    for (key, (zh, en)) in entries {
        let line = format!("{key}: [\"{zh}\", \"{en}\"");
        assert_eq!(
            g.matches(&line).count(),
            1,
            "static/verdict.js, words.{name}: wants the line `{line}`"
        );
    }
    assert_eq!(
        g.matches(": [").count(),
        entries.len(),
        "static/verdict.js, words.{name}: an entry the engine does not have\n{g}"
    );
}

#[test]
fn the_precomputed_card_speaks_the_engines_words() {
    let coverage: Vec<_> = [
        Coverage::Covered,
        Coverage::NoInterruption,
        Coverage::ExcludedCustomerSide,
        Coverage::OutsideFreeMaintenance,
        Coverage::OutsideWarranty,
        Coverage::Consultation,
        Coverage::Contingent,
    ]
    .iter()
    .map(|c| (c.id().to_string(), c.names()))
    .collect();
    holds("coverage", &coverage);
    // The link's one-letter codes (slacalc::link::card).
    let levels: Vec<_> = [
        ("e", EventLevel::Emergency),
        ("g", EventLevel::General),
        ("c", EventLevel::Consultation),
    ]
    .iter()
    .map(|(k, l)| (k.to_string(), l.names()))
    .collect();
    holds("level", &levels);
    let kinds: Vec<_> = [
        ("p", DeadlineKind::PhoneResponse),
        ("a", DeadlineKind::RemoteAccess),
        ("r", DeadlineKind::Response),
        ("s", DeadlineKind::Restore),
    ]
    .iter()
    .map(|(k, d)| (k.to_string(), d.names()))
    .collect();
    holds("kind", &kinds);
    let statuses: Vec<_> = [
        ("\"+\"", Status::Met),
        ("\"-\"", Status::Missed),
        ("\"?\"", Status::Pending),
    ]
    .iter()
    .map(|(k, s)| (k.to_string(), s.names()))
    .collect();
    holds("status", &statuses);
    let letter = slacalc::terms::Terms::preset("eyou-sdju").expect("the letter's terms");
    let priorities: Vec<_> = letter
        .levels
        .iter()
        .map(|l| (l.id.clone(), (l.name.zh.as_str(), l.name.en.as_str())))
        .collect();
    holds("priority", &priorities);
}
