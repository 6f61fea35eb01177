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
        // A dozen-incident ledger stays under 2,000 characters; one incident under 400; a
        // ledger that carries its own terms (custom-terms-case.json: nine incidents and the
        // whole campus contract, its measure named since #15) under 2,100.
        let inline = matches!(case.terms, slacalc::terms::TermsSpec::Inline(_));
        let limit = match (case.incidents.len() <= 1, inline) {
            (true, _) => 400,
            (false, false) => 2000,
            (false, true) => 2100,
        };
        if case.incidents.len() <= 14 {
            assert!(fragment.len() < limit, "{name}: {} chars", fragment.len());
        }
    }
}

/// A deadline in a brief: kind, status, seconds late.
type Late = (char, char, i64);

/// The brief `static/verdict.js` paints before the engine arrives (issue #17), read back the
/// way that script reads it: `priority|level|clauses|deadlines`.
fn read_card(card: &str) -> (String, String, Vec<String>, Vec<Late>) {
    let parts: Vec<&str> = card.split('|').collect();
    assert_eq!(parts.len(), 4, "{card}");
    let clauses = parts[2]
        .split(' ')
        .filter(|id| !id.is_empty())
        .map(|id| match id.strip_prefix('\'') {
            Some(other) => other.to_string(),
            None if id.starts_with(|c: char| c.is_ascii_digit()) => format!("L{id}"),
            None => id.to_string(),
        })
        .collect();
    let mut deadlines = Vec::new();
    let mut chars = parts[3].chars().peekable();
    while let Some(kind) = chars.next() {
        let status = chars.next().expect("a status after each kind");
        let mut digits = String::new();
        while let Some(d) = chars.next_if(char::is_ascii_digit) {
            digits.push(d);
        }
        deadlines.push((kind, status, digits.parse().unwrap_or(0)));
    }
    (parts[0].into(), parts[1].into(), clauses, deadlines)
}

#[test]
fn every_examples_brief_says_what_its_result_says() {
    use slacalc::deadline::{DeadlineKind, Status};
    use slacalc::vocab::EventLevel;
    // 2025-03-03 10:00: the worked example's restore is pending then, not yet missed.
    for as_of in ["2026-01-01T00:00:00+08:00", "2025-03-03T10:00:00+08:00"] {
        let as_of = Instant::parse(as_of).expect("time");
        for (name, text) in examples() {
            let case = parse_case(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let a = assess(&case, as_of).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let brief = link::Recorded::of(&a);
            if a.incidents.len() > 1 {
                // A ledger: the count of missed deadlines.
                let missed = a
                    .incidents
                    .iter()
                    .flat_map(|r| &r.deadlines)
                    .filter(|d| d.status == Status::Missed)
                    .count();
                assert_eq!(brief.cards, [format!("#{missed}")], "{name}");
                continue;
            }
            assert_eq!(brief.cards.len(), 1, "{name}");
            for (card, r) in brief.cards.iter().zip(&a.incidents) {
                let (priority, level, clauses, deadlines) = read_card(card);
                assert_eq!(priority, r.priority, "{name}: {card}");
                let want = match r.event_level {
                    EventLevel::Emergency => "e",
                    EventLevel::General => "g",
                    EventLevel::Consultation => "c",
                };
                assert_eq!(level, want, "{name}: {card}");
                assert_eq!(clauses, r.cited_clauses(), "{name}: {card}");
                let want: Vec<Late> = r
                    .deadlines
                    .iter()
                    .map(|d| {
                        let kind = match d.kind {
                            DeadlineKind::PhoneResponse => 'p',
                            DeadlineKind::RemoteAccess => 'a',
                            DeadlineKind::Response => 'r',
                            DeadlineKind::Restore => 's',
                        };
                        let status = match d.status {
                            Status::Met => '+',
                            Status::Missed => '-',
                            Status::Pending => '?',
                        };
                        (kind, status, d.late_seconds.max(0))
                    })
                    .collect();
                assert_eq!(deadlines, want, "{name}: {card}");
            }
        }
    }
}
