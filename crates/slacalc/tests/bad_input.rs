//! Every class of bad input, through `parse_case`: each is refused with the field path it
//! concerns and the right `Problem`, never accepted and never a panic. (The CLI side of the
//! same inputs is in `crates/slacalc-cli/tests/cli.rs`.)

mod common;

use common::*;
use serde_json::{json, Value};
use slacalc::error::Problem;
use slacalc::money::MoneyError;
use slacalc::{assess, parse_case};

/// The worked example as a JSON value, to break one field at a time.
fn good() -> Value {
    serde_json::from_str(WORKED_EXAMPLE).expect("the worked example is JSON")
}

/// One change to a case document.
type Edit = fn(&mut Value);
/// Puts a value somewhere in a case document.
type Put = fn(&mut Value, Value);

/// The worked example with `f` applied.
fn broken(f: impl FnOnce(&mut Value)) -> Value {
    let mut v = good();
    f(&mut v);
    v
}

/// The problem reported at `path` (there must be one).
fn problem_at<'a>(errs: &'a [slacalc::CaseError], path: &str) -> &'a Problem {
    &error_at(errs, path).problem
}

fn is_document_path(p: &str) -> bool {
    p.is_empty() || p == "."
}

#[test]
fn the_worked_example_itself_is_valid() {
    parse(&good());
}

// ---------------------------------------------------------------------------------------
// Not JSON, not a case
// ---------------------------------------------------------------------------------------

#[test]
fn unparseable_json_is_a_format_error() {
    for text in [
        "not json",
        "{\"version\": 1,",
        "{",
        "{\"version\": 1 \"terms\": 2}",
    ] {
        let errs = refuse_text(text);
        assert_eq!(errs.len(), 1, "{text}: {errs:?}");
        assert!(
            matches!(errs[0].problem, Problem::Format(_)),
            "{text}: {errs:?}"
        );
        assert!(errs[0].position.is_some(), "{text}: no line/column");
    }
    let errs = refuse_text("not json");
    assert!(is_document_path(&errs[0].path), "{errs:?}");
}

#[test]
fn json_that_is_not_an_object_is_the_wrong_type() {
    for text in ["[1, 2]", "null", "42", "\"case\""] {
        let errs = refuse_text(text);
        assert_eq!(errs.len(), 1, "{text}: {errs:?}");
        assert!(
            matches!(errs[0].problem, Problem::WrongType { .. }),
            "{text}: {errs:?}"
        );
    }
}

#[test]
fn empty_input_is_a_format_error_of_the_document() {
    for text in ["", "   \n"] {
        let errs = refuse_text(text);
        assert_eq!(errs.len(), 1);
        assert!(is_document_path(&errs[0].path), "{errs:?}");
        assert!(matches!(errs[0].problem, Problem::Format(_)), "{errs:?}");
    }
}

#[test]
fn trailing_text_after_the_case_is_refused() {
    let errs = refuse_text(&format!("{WORKED_EXAMPLE} x"));
    assert!(is_document_path(&errs[0].path), "{errs:?}");
    assert!(matches!(errs[0].problem, Problem::Format(_)));
    // Trailing whitespace is fine.
    assert!(parse_case(&format!("{WORKED_EXAMPLE}\n\n  ")).is_ok());
}

#[test]
fn an_oversized_document_is_refused_before_reading() {
    // 64 MiB holds a ledger of 100,000 incidents; anything larger is refused unread.
    let huge = format!("{WORKED_EXAMPLE}{}", " ".repeat(64 * 1024 * 1024));
    let errs = refuse_text(&huge);
    assert_eq!(errs.len(), 1);
    assert!(is_document_path(&errs[0].path));
    assert_eq!(errs[0].problem, Problem::DocumentTooLarge { max_mib: 64 });
}

#[test]
fn missing_required_fields_are_named() {
    let errs = refuse(&json!({ "version": 1, "terms": "eyou-sdju" }));
    assert!(is_document_path(&errs[0].path), "{errs:?}");
    assert_eq!(errs[0].problem, Problem::MissingField("contract".into()));

    let errs = refuse(&broken(|v| {
        v["incidents"][0].as_object_mut().map(|o| o.remove("facts"));
    }));
    assert_eq!(
        problem_at(&errs, "incidents[0]"),
        &Problem::MissingField("facts".into())
    );

    let errs = refuse(&broken(|v| {
        v["contract"].as_object_mut().map(|o| o.remove("price"));
    }));
    assert_eq!(
        problem_at(&errs, "contract"),
        &Problem::MissingField("price".into())
    );
}

// ---------------------------------------------------------------------------------------
// Unknown values and unknown names
// ---------------------------------------------------------------------------------------

/// Asserts an unknown-value problem at `path` for `found`, listing `one_allowed` among the
/// allowed values.
fn assert_unknown_value(errs: &[slacalc::CaseError], path: &str, found: &str, one_allowed: &str) {
    match problem_at(errs, path) {
        Problem::UnknownValue { found: f, expected } => {
            assert_eq!(f, found);
            assert!(expected.contains(one_allowed), "{expected}");
        }
        other => panic!("{path}: expected UnknownValue, got {other:?}"),
    }
}

#[test]
fn unknown_cause_value_names_its_path() {
    let errs = refuse(&broken(|v| v["incidents"][0]["cause"] = json!("aliens")));
    assert_eq!(errs.len(), 1);
    assert_unknown_value(&errs, "incidents[0].cause", "aliens", "customer_ups");
}

#[test]
fn other_unknown_enum_values_name_their_paths() {
    let errs = refuse(&broken(|v| {
        v["incidents"][0]["declared_priority"] = json!("critical")
    }));
    // Priority levels come from the terms, so an unknown one names the terms' levels.
    match problem_at(&errs, "incidents[0].declared_priority") {
        Problem::UnknownLevel { found, expected } => {
            assert_eq!(found, "critical");
            assert!(expected.contains("\"urgent\""), "{expected}");
        }
        other => panic!("expected UnknownLevel, got {other:?}"),
    }

    let errs = refuse(&broken(|v| {
        v["incidents"][0]["facts"]["kind"] = json!("bug")
    }));
    assert_unknown_value(&errs, "incidents[0].facts.kind", "bug", "consultation");

    let errs = refuse(&broken(|v| {
        v["interpretation"] = json!({ "priority_source": "whoever" })
    }));
    assert_unknown_value(
        &errs,
        "interpretation.priority_source",
        "whoever",
        "suggested",
    );
}

#[test]
fn values_of_the_wrong_json_type_are_refused() {
    let errs = refuse(&broken(|v| {
        v["incidents"][0]["facts"]["system_usable"] = json!("no")
    }));
    assert!(matches!(
        problem_at(&errs, "incidents[0].facts.system_usable"),
        Problem::WrongType { .. }
    ));
    let errs = refuse(&broken(|v| v["incidents"][0]["id"] = json!(5)));
    assert!(matches!(
        problem_at(&errs, "incidents[0].id"),
        Problem::WrongType { .. }
    ));
    let errs = refuse(&broken(|v| v["incidents"] = json!({})));
    assert!(matches!(
        problem_at(&errs, "incidents"),
        Problem::WrongType { .. }
    ));
}

#[test]
fn unknown_field_names_are_refused_with_their_path() {
    let cases: [(&str, &str, Edit); 6] = [
        ("incidents[0].colour", "colour", |v| {
            v["incidents"][0]["colour"] = json!("red")
        }),
        ("foo", "foo", |v| v["foo"] = json!(1)),
        ("contract.discount", "discount", |v| {
            v["contract"]["discount"] = json!("1.00")
        }),
        ("incidents[0].facts.users", "users", |v| {
            v["incidents"][0]["facts"]["users"] = json!(10)
        }),
        ("interpretation.grace_days", "grace_days", |v| {
            v["interpretation"] = json!({ "grace_days": 3 })
        }),
        ("incidents[0].customer_pauses[0].why", "why", |v| {
            v["incidents"][0]["customer_pauses"] = json!([{
                "start": "2025-03-03T09:00:00+08:00",
                "end": "2025-03-03T09:30:00+08:00",
                "why": "gateway"
            }])
        }),
    ];
    for (path, name, f) in cases {
        let errs = refuse(&broken(f));
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(problem_at(&errs, path), &Problem::UnknownField(name.into()));
    }
}

// ---------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------

#[test]
fn negative_price_is_refused() {
    let errs = refuse(&broken(|v| v["contract"]["price"] = json!("-1.00")));
    assert_eq!(
        problem_at(&errs, "contract.price"),
        &Problem::Money(MoneyError::Negative)
    );
}

#[test]
fn a_price_with_more_than_two_decimals_is_refused() {
    let errs = refuse(&broken(|v| v["contract"]["price"] = json!("1000000.005")));
    assert_eq!(
        problem_at(&errs, "contract.price"),
        &Problem::Money(MoneyError::TooManyDecimals)
    );
}

#[test]
fn other_bad_prices_are_refused() {
    for (bad, want) in [
        ("", MoneyError::Empty),
        ("abc", MoneyError::NotANumber),
        ("1e6", MoneyError::NotANumber),
        ("10000000000000.01", MoneyError::TooLarge),
    ] {
        let errs = refuse(&broken(|v| v["contract"]["price"] = json!(bad)));
        assert_eq!(
            problem_at(&errs, "contract.price"),
            &Problem::Money(want),
            "{bad}"
        );
    }
    // The price is text, so that no amount ever goes through a binary float.
    for bad in [json!(1000000), json!(1000000.5), json!(null)] {
        let errs = refuse(&broken(|v| v["contract"]["price"] = bad.clone()));
        assert!(
            matches!(
                problem_at(&errs, "contract.price"),
                Problem::WrongType { .. }
            ),
            "{bad}: {errs:?}"
        );
    }
    // Written forms that are amounts are accepted: grouping, the yuan sign, one decimal.
    for ok in ["1,000,000.00", "¥1000000", "1000000.5", "0"] {
        parse(&broken(|v| v["contract"]["price"] = json!(ok)));
    }
}

#[test]
fn a_currency_other_than_cny_is_refused() {
    let errs = refuse(&broken(|v| v["contract"]["currency"] = json!("USD")));
    assert_eq!(
        problem_at(&errs, "contract.currency"),
        &Problem::UnsupportedCurrency("USD".into())
    );
}

// ---------------------------------------------------------------------------------------
// Times
// ---------------------------------------------------------------------------------------

#[test]
fn timestamps_without_offset_name_their_field() {
    let cases: [(&str, Put); 5] = [
        ("incidents[0].reported_at", |v, t| {
            v["incidents"][0]["reported_at"] = t
        }),
        ("incidents[0].interrupted_from", |v, t| {
            v["incidents"][0]["interrupted_from"] = t
        }),
        ("incidents[0].restored_at", |v, t| {
            v["incidents"][0]["restored_at"] = t
        }),
        ("incidents[0].force_majeure[0].start", |v, t| {
            v["incidents"][0]["force_majeure"] =
                json!([{ "kind": "typhoon", "start": t, "end": "2025-03-04T00:00:00+08:00" }])
        }),
        ("incidents[0].customer_pauses[0].end", |v, t| {
            v["incidents"][0]["customer_pauses"] =
                json!([{ "start": "2025-03-03T09:00:00+08:00", "end": t }])
        }),
    ];
    for (path, put) in cases {
        for naive in [
            "2025-03-03T09:10:00",
            "2025-03-03 09:10",
            "2025-03-03",
            "09:10",
        ] {
            let errs = refuse(&broken(|v| put(v, json!(naive))));
            assert_eq!(errs.len(), 1, "{path} = {naive}: {errs:?}");
            assert_eq!(problem_at(&errs, path), &Problem::NotATime(naive.into()));
        }
    }
}

#[test]
fn restoration_before_interruption_is_refused() {
    let errs = refuse(&broken(|v| {
        v["incidents"][0]["restored_at"] = json!("2025-03-03T07:59:59+08:00")
    }));
    assert_eq!(
        error_at(&errs, "incidents[0].restored_at").problem,
        Problem::RestoredBeforeInterruption
    );
    // Restored at the very instant it stopped is allowed (a zero-length interruption).
    parse(&broken(|v| {
        v["incidents"][0]["restored_at"] = json!("2025-03-03T08:00:00+08:00")
    }));
}

#[test]
fn restoration_without_interruption_is_refused() {
    let errs = refuse(&broken(|v| {
        v["incidents"][0]
            .as_object_mut()
            .map(|o| o.remove("interrupted_from"));
    }));
    assert_eq!(
        error_at(&errs, "incidents[0].restored_at").problem,
        Problem::RestoredWithoutInterruption
    );
}

#[test]
fn responses_before_the_report_are_refused() {
    for field in ["phone_response_at", "remote_access_at", "response_at"] {
        let errs = refuse(&broken(|v| {
            v["incidents"][0][field] = json!("2025-03-03T08:09:59+08:00")
        }));
        let path = format!("incidents[0].{field}");
        assert_eq!(error_at(&errs, &path).problem, Problem::BeforeReport);
    }
    // At the report instant is fine; comparisons are of instants, not of text:
    // 00:10 UTC is 08:10 +08:00, the report time itself.
    parse(&broken(|v| {
        v["incidents"][0]["phone_response_at"] = json!("2025-03-03T00:10:00Z")
    }));
    let errs = refuse(&broken(|v| {
        v["incidents"][0]["phone_response_at"] = json!("2025-03-03T00:09:00Z")
    }));
    assert_eq!(
        error_at(&errs, "incidents[0].phone_response_at").problem,
        Problem::BeforeReport
    );
}

#[test]
fn times_out_of_the_supported_years_are_refused() {
    for t in ["1969-12-31T23:59:59+08:00", "2201-01-01T00:00:00+08:00"] {
        let errs = refuse(&broken(|v| {
            v["incidents"][0]["phone_response_at"] = json!(t);
            v["incidents"][0]["reported_at"] = json!(t);
        }));
        assert_eq!(
            error_at(&errs, "incidents[0].reported_at").problem,
            Problem::YearOutOfRange {
                min: 1970,
                max: 2200
            },
            "{t}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Contract
// ---------------------------------------------------------------------------------------

#[test]
fn warranty_ending_before_it_starts_is_refused() {
    let errs = refuse(&broken(|v| {
        v["contract"]["warranty_start"] = json!("2026-12-31");
        v["contract"]["warranty_end"] = json!("2024-01-01");
    }));
    assert_eq!(
        error_at(&errs, "contract.warranty_end").problem,
        Problem::WarrantyEndsBeforeStart
    );
    // A one-day warranty is a valid warranty.
    parse(&broken(|v| {
        v["contract"]["warranty_start"] = json!("2025-03-03");
        v["contract"]["warranty_end"] = json!("2025-03-03");
    }));
}

#[test]
fn impossible_dates_are_refused() {
    for bad in ["2024-02-30", "2024-13-01", "01/01/2024", "2024-1-1"] {
        let errs = refuse(&broken(|v| v["contract"]["warranty_start"] = json!(bad)));
        assert_eq!(
            problem_at(&errs, "contract.warranty_start"),
            &Problem::NotADate(bad.into())
        );
    }
}

// ---------------------------------------------------------------------------------------
// Incidents: ids, spans, facts
// ---------------------------------------------------------------------------------------

#[test]
fn duplicate_incident_ids_are_refused() {
    let errs = refuse(&broken(|v| {
        let inc = v["incidents"][0].clone();
        v["incidents"] = json!([inc.clone(), inc]);
    }));
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(
        error_at(&errs, "incidents[1].id").problem,
        Problem::DuplicateId("2025-03-03-mail-down".into())
    );
}

#[test]
fn empty_incident_ids_are_refused() {
    for id in ["", "   "] {
        let errs = refuse(&broken(|v| v["incidents"][0]["id"] = json!(id)));
        assert_eq!(error_at(&errs, "incidents[0].id").problem, Problem::Empty);
    }
}

#[test]
fn overlapping_pauses_are_refused_but_touching_ones_are_not() {
    let errs = refuse(&broken(|v| {
        v["incidents"][0]["customer_pauses"] = json!([
            { "start": "2025-03-03T09:00:00+08:00", "end": "2025-03-03T10:00:00+08:00" },
            { "start": "2025-03-03T09:30:00+08:00", "end": "2025-03-03T10:30:00+08:00" }
        ])
    }));
    assert_eq!(
        error_at(&errs, "incidents[0].customer_pauses[1].start").problem,
        Problem::OverlappingPause
    );
    // Listed out of order, the later-listed earlier pause is still caught.
    let errs = refuse(&broken(|v| {
        v["incidents"][0]["customer_pauses"] = json!([
            { "start": "2025-03-03T09:30:00+08:00", "end": "2025-03-03T10:30:00+08:00" },
            { "start": "2025-03-03T09:00:00+08:00", "end": "2025-03-03T10:00:00+08:00" }
        ])
    }));
    assert!(errs.iter().any(|e| e.problem == Problem::OverlappingPause
        && e.path.starts_with("incidents[0].customer_pauses[")));
    parse(&broken(|v| {
        v["incidents"][0]["customer_pauses"] = json!([
            { "start": "2025-03-03T09:00:00+08:00", "end": "2025-03-03T10:00:00+08:00" },
            { "start": "2025-03-03T10:00:00+08:00", "end": "2025-03-03T10:30:00+08:00" }
        ])
    }));
}

#[test]
fn a_pause_ending_at_or_before_its_start_is_refused() {
    for end in ["2025-03-03T09:00:00+08:00", "2025-03-03T08:59:00+08:00"] {
        let errs = refuse(&broken(|v| {
            v["incidents"][0]["customer_pauses"] =
                json!([{ "start": "2025-03-03T09:00:00+08:00", "end": end }])
        }));
        assert_eq!(
            error_at(&errs, "incidents[0].customer_pauses[0].end").problem,
            Problem::EndNotAfterStart
        );
    }
}

#[test]
fn force_majeure_ending_before_it_starts_is_refused() {
    for end in ["2025-03-03T08:59:00+08:00", "2025-03-03T09:00:00+08:00"] {
        let errs = refuse(&broken(
            |v| {
                v["incidents"][0]["force_majeure"] =
                    json!([{ "kind": "flood", "start": "2025-03-03T09:00:00+08:00", "end": end }])
            },
        ));
        assert_eq!(
            error_at(&errs, "incidents[0].force_majeure[0].end").problem,
            Problem::EndNotAfterStart
        );
    }
}

#[test]
fn force_majeure_needs_a_kind() {
    let errs = refuse(&broken(|v| {
        v["incidents"][0]["force_majeure"] = json!([{ "kind": " ",
            "start": "2025-03-03T09:00:00+08:00", "end": "2025-03-03T10:00:00+08:00" }])
    }));
    assert_eq!(
        error_at(&errs, "incidents[0].force_majeure[0].kind").problem,
        Problem::Empty
    );
}

#[test]
fn mailbox_shares_outside_0_to_100_are_refused() {
    // Numbers and words that are not a share of 0–100 % with at most two decimals.
    for bad in [
        json!(101),
        json!("101"),
        json!(100.01),
        json!(-1),
        json!("50.123"),
        json!("many"),
    ] {
        let errs = refuse(&broken(|v| {
            v["incidents"][0]["facts"]["mailboxes_affected_pct"] = bad.clone()
        }));
        assert!(
            matches!(
                problem_at(&errs, "incidents[0].facts.mailboxes_affected_pct"),
                Problem::NotAShare(_)
            ),
            "{bad}: {errs:?}"
        );
    }
    // Values that are neither a number nor text: a share problem or a wrong JSON type.
    for bad in [json!(true), json!(null), json!([50])] {
        let errs = refuse(&broken(|v| {
            v["incidents"][0]["facts"]["mailboxes_affected_pct"] = bad.clone()
        }));
        assert!(
            matches!(
                problem_at(&errs, "incidents[0].facts.mailboxes_affected_pct"),
                Problem::NotAShare(_) | Problem::WrongType { .. }
            ),
            "{bad}: {errs:?}"
        );
    }
    for ok in [
        json!(0),
        json!(100),
        json!("100%"),
        json!("50.25"),
        json!("most"),
    ] {
        parse(&broken(|v| {
            v["incidents"][0]["facts"]["mailboxes_affected_pct"] = ok.clone()
        }));
    }
}

// ---------------------------------------------------------------------------------------
// Version, terms, interpretation
// ---------------------------------------------------------------------------------------

#[test]
fn version_2_is_refused() {
    for version in [0, 2] {
        let errs = refuse(&broken(|v| v["version"] = json!(version)));
        assert_eq!(
            error_at(&errs, "version").problem,
            Problem::UnsupportedVersion(version)
        );
    }
}

#[test]
fn unknown_terms_are_refused() {
    let errs = refuse(&broken(|v| v["terms"] = json!("acme-2024")));
    assert_eq!(
        error_at(&errs, "terms").problem,
        Problem::UnknownTerms("acme-2024".into())
    );
}

#[test]
fn tolerance_out_of_range_is_refused() {
    let errs = refuse(&broken(|v| {
        v["interpretation"] = json!({ "immediate_tolerance_minutes": 61 })
    }));
    assert_eq!(
        error_at(&errs, "interpretation.immediate_tolerance_minutes").problem,
        Problem::OutOfRange {
            min: 0,
            max: 60,
            value: 61
        }
    );
    let errs = refuse(&broken(|v| {
        v["interpretation"] = json!({ "immediate_tolerance_minutes": -1 })
    }));
    // A negative number is not even a candidate: refused by the reader at the same path.
    problem_at(&errs, "interpretation.immediate_tolerance_minutes");
}

#[test]
fn majority_threshold_out_of_range_is_refused() {
    for value in [0, 100] {
        let errs = refuse(&broken(|v| {
            v["interpretation"] = json!({ "majority_threshold_pct": value })
        }));
        assert_eq!(
            error_at(&errs, "interpretation.majority_threshold_pct").problem,
            Problem::OutOfRange {
                min: 1,
                max: 99,
                value
            }
        );
    }
}

// ---------------------------------------------------------------------------------------
// All at once; messages; assess re-checks
// ---------------------------------------------------------------------------------------

#[test]
fn a_readable_case_reports_every_problem_at_once() {
    let errs = refuse(&json!({
        "version": 1,
        "terms": "x",
        "interpretation": { "immediate_tolerance_minutes": 90 },
        "contract": { "price": "1.00", "currency": "EUR",
                      "warranty_start": "2025-01-02", "warranty_end": "2025-01-01" },
        "incidents": [
            { "id": "a", "reported_at": "2025-03-03T08:10:00+08:00",
              "facts": { "mailboxes_affected_pct": 1, "system_usable": true,
                         "seriously_damaged": false, "kind": "fault" },
              "cause": "vendor", "restored_at": "2025-03-03T09:00:00+08:00",
              "response_at": "2025-03-03T08:00:00+08:00" },
            { "id": "a", "reported_at": "2025-03-03T08:10:00+08:00",
              "facts": { "mailboxes_affected_pct": 1, "system_usable": true,
                         "seriously_damaged": false, "kind": "fault" },
              "cause": "vendor" }
        ]
    }));
    let paths: Vec<&str> = errs.iter().map(|e| e.path.as_str()).collect();
    for p in [
        "terms",
        "interpretation.immediate_tolerance_minutes",
        "contract.currency",
        "contract.warranty_end",
        "incidents[0].restored_at",
        "incidents[0].response_at",
        "incidents[1].id",
    ] {
        assert!(paths.contains(&p), "{p} missing from {paths:?}");
    }
}

#[test]
fn every_message_names_its_path_in_both_languages() {
    let errs = refuse(&broken(|v| v["incidents"][0]["cause"] = json!("aliens")));
    let e = &errs[0];
    assert!(e.to_string().starts_with("incidents[0].cause: "), "{e}");
    assert!(e.en().starts_with("incidents[0].cause: "));
    assert!(e.zh().starts_with("incidents[0].cause: "));
    let errs = refuse(&broken(|v| v["version"] = json!(2)));
    assert!(errs[0].to_string().starts_with("version: "));
    assert!(!errs[0].problem.zh().is_empty());
    // A document-level error has a readable stand-in for its empty path.
    let errs = refuse_text("");
    assert!(!errs[0].to_string().starts_with(": "), "{}", errs[0]);
}

#[test]
fn assess_checks_a_case_built_in_code_too() {
    // A front end could build a `Case` without `parse_case`: `assess` must refuse it, not
    // compute with it.
    let mut case = parse(&good());
    case.version = 2;
    let errs = assess(&case, at(LATE)).expect_err("version 2 refused");
    assert_eq!(
        error_at(&errs, "version").problem,
        Problem::UnsupportedVersion(2)
    );

    let mut case = parse(&good());
    case.incidents[0].restored_at = Some(at("2025-03-03T07:00:00+08:00"));
    let errs = assess(&case, at(LATE)).expect_err("restoration before interruption refused");
    assert_eq!(
        error_at(&errs, "incidents[0].restored_at").problem,
        Problem::RestoredBeforeInterruption
    );

    let mut case = parse(&good());
    case.interpretation.majority_threshold_pct = 0;
    assert!(assess(&case, at(LATE)).is_err());
}

#[test]
fn another_version_is_named_before_its_fields_are_judged() {
    // A version-2 document may have fields v1 does not know: the version is the problem.
    let errs = refuse(&json!({ "version": 2, "terms": "eyou-sdju", "ledger": [] }));
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].path, "version");
    assert_eq!(errs[0].problem, Problem::UnsupportedVersion(2));
}

#[test]
fn deeply_nested_json_is_refused_with_a_message_not_a_stack_overflow() {
    // 100,000 levels: the reader stops at the first value of the wrong shape, or at
    // serde_json's recursion limit (128), never by overflowing the stack.
    let arrays = nested_text(100_000);
    let errs = parse_case(&arrays).expect_err("refused");
    assert!(
        matches!(errs[0].problem, Problem::WrongType { .. }),
        "{errs:?}"
    );

    let objects = format!(
        "{{\"version\":1,\"contract\":{}{}}}",
        "{\"a\":".repeat(50_000),
        "1}".repeat(50_000)
    );
    let errs = parse_case(&objects).expect_err("refused");
    assert_eq!(errs[0].path, "contract.a", "{errs:?}");

    let mut doc = good();
    doc["incidents"] = serde_json::json!(null);
    let text = doc.to_string().replace(
        "\"incidents\":null",
        &format!("\"incidents\":{}", nested_text(10_000)),
    );
    let errs = parse_case(&text).expect_err("refused");
    assert!(errs[0].path.starts_with("incidents"), "{errs:?}");
    assert!(!errs[0].en().is_empty() && !errs[0].zh().is_empty());
}

fn nested_text(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn a_link_holding_deeply_nested_json_is_refused_with_a_message() {
    use base64::Engine;
    let deep = nested_text(100_000);
    let packed = miniz_oxide::deflate::compress_to_vec(deep.as_bytes(), 9);
    let fragment = format!(
        "c=1{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
    );
    assert!(fragment.len() < 1000, "small enough to pass the size limit");
    let err = slacalc::link::decode(&fragment).expect_err("refused");
    assert!(matches!(err, slacalc::link::LinkError::NotJson(_)), "{err}");
    assert!(err.to_string().contains("recursion limit"), "{err}");
}
