//! The ledger assessed one incident at a time (`assess::Context`, what the page does for a
//! ledger it keeps): the same result as `assess` of the whole case, L4.3 cap included, and
//! after changing one incident, reassessing only that one gives what a full assessment gives.

use slacalc::assess::{Context, IncidentResult};
use slacalc::case::Incident;
use slacalc::{assess, parse_case, Assessment, Case, Instant};

fn at(s: &str) -> Instant {
    Instant::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// A ledger of `n` incidents: every cause, force majeure, pauses, some still interrupted,
/// a low price so that the 5 % cap (L4.3) is reached part way.
fn ledger(n: usize, interpretation: &str) -> Case {
    let incidents: Vec<String> = (0..n)
        .map(|i| {
            let day = 1 + (i % 28);
            let month = 1 + (i / 28) % 12;
            let cause = ["vendor", "network", "unknown", "customer_power", "vendor"][i % 5];
            let restored = if i % 17 == 0 {
                String::new()
            } else {
                format!(r#","restored_at":"2025-{month:02}-{day:02}T{:02}:00:00+08:00""#, 9 + i % 14)
            };
            format!(
                r#"{{"id":"i{i}","reported_at":"2025-{month:02}-{day:02}T08:10:00+08:00","declared_priority":"{prio}",
                "facts":{{"mailboxes_affected_pct":{pct},"system_usable":false,"seriously_damaged":true,"kind":"fault"}},
                "cause":"{cause}","interrupted_from":"2025-{month:02}-{day:02}T08:00:00+08:00"{restored},
                "phone_response_at":"2025-{month:02}-{day:02}T08:{m:02}:00+08:00",
                "force_majeure":[{{"kind":"typhoon","start":"2025-{month:02}-{day:02}T09:00:00+08:00","end":"2025-{month:02}-{day:02}T10:00:00+08:00"}}],
                "customer_pauses":[{{"start":"2025-{month:02}-{day:02}T08:20:00+08:00","end":"2025-{month:02}-{day:02}T08:30:00+08:00"}}]}}"#,
                prio = ["urgent", "serious", "general"][i % 3],
                pct = i % 101,
                m = 11 + i % 20,
            )
        })
        .collect();
    parse_case(&format!(
        r#"{{"version":1,"terms":"eyou-sdju","interpretation":{interpretation},"contract":{{"price":"20000.00","warranty_start":"2024-01-01","warranty_end":"2026-12-31"}},"incidents":[{}]}}"#,
        incidents.join(",")
    ))
    .unwrap_or_else(|e| panic!("{e:?}"))
}

/// The case assessed the incremental way, from per-incident results.
fn by_parts(ctx: &Context, incidents: &[Incident], results: &[IncidentResult]) -> Assessment {
    let items: Vec<(&Incident, &IncidentResult)> = incidents.iter().zip(results).collect();
    let ledger = ctx.ledger(&items).unwrap_or_else(|e| panic!("{e:?}"));
    ctx.finish(results.to_vec(), ledger)
}

/// Interpretations the incremental assessment is compared under: the defaults, the cap per
/// incident (L4.3), pro-rata days from the interruption (L4.2), and the other switches.
const READINGS: [&str; 4] = [
    "{}",
    r#"{"cap_scope":"incident"}"#,
    r#"{"penalty_days":"pro_rata","restore_clock_from":"interruption"}"#,
    r#"{"consultation":"general","customer_pauses":"ignore","force_majeure_extension":"exact","office_calendar":"plain"}"#,
];

fn each(ctx: &Context, incidents: &[Incident]) -> Vec<IncidentResult> {
    incidents
        .iter()
        .enumerate()
        .map(|(n, inc)| ctx.incident(n, inc).unwrap_or_else(|e| panic!("{e:?}")))
        .collect()
}

#[test]
fn one_incident_at_a_time_equals_the_whole_case() {
    let as_of = at("2026-01-01T00:00:00+08:00");
    for interp in READINGS {
        let case = ledger(120, interp);
        let whole = assess(&case, as_of).expect("assessed");
        assert!(
            whole.total.cap_reached,
            "the ledger reaches the cap ({interp})"
        );
        let ctx = Context::new(&case, as_of).expect("context");
        let results = each(&ctx, &case.incidents);
        assert_eq!(by_parts(&ctx, &case.incidents, &results), whole, "{interp}");
    }
}

#[test]
fn changing_one_incident_reassesses_only_that_one() {
    let as_of = at("2026-01-01T00:00:00+08:00");
    let mut case = ledger(80, "{}");
    let ctx = Context::new(&case, as_of).expect("context");
    let mut results = each(&ctx, &case.incidents);
    // Restore incident 4 (the vendor's) much later: its damages grow, and the cap's order changes.
    case.incidents[4].restored_at = Some(at("2025-12-20T08:00:00+08:00"));
    results[4] = ctx.incident(4, &case.incidents[4]).expect("assessed");
    // Remove incident 10 and duplicate incident 5 under a new id at the end.
    case.incidents.remove(10);
    results.remove(10);
    let mut copy = case.incidents[5].clone();
    copy.id = "i5-copy".into();
    results.push(ctx.incident(case.incidents.len(), &copy).expect("assessed"));
    case.incidents.push(copy);
    let whole = assess(&case, as_of).expect("assessed");
    assert_eq!(by_parts(&ctx, &case.incidents, &results), whole);
}

#[test]
fn an_incident_is_checked_on_its_own_and_ids_across_the_ledger() {
    let as_of = at("2026-01-01T00:00:00+08:00");
    let case = ledger(3, "{}");
    let ctx = Context::new(&case, as_of).expect("context");
    let mut bad = case.incidents[1].clone();
    bad.declared_priority = Some("whenever".into());
    let errs = ctx.incident(7, &bad).expect_err("an unknown level");
    assert_eq!(errs[0].path, "incidents[7].declared_priority");
    let ids = ["a", "b", "a", "", "b"];
    let dups = slacalc::validate::duplicate_ids(ids);
    let paths: Vec<&str> = dups.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["incidents[2].id", "incidents[4].id"]);
    // The contract is checked without its incidents.
    let mut broken = case.clone();
    broken.contract.warranty_end = broken.contract.warranty_start.pred_opt().expect("date");
    let errs = Context::new(&broken, as_of).expect_err("warranty ends first");
    assert_eq!(errs[0].path, "contract.warranty_end");
}

/// `r` without its explanation steps.
fn figures(mut r: IncidentResult) -> IncidentResult {
    r.explanation.clear();
    r
}

#[test]
fn unexplained_results_have_the_same_figures_as_the_full_assessment() {
    let as_of = at("2026-01-01T00:00:00+08:00");
    for interp in READINGS {
        let mut case = ledger(150, interp);
        // A consultation, and an incident before the warranty (L4.1).
        case.incidents[1].facts.kind = slacalc::case::RequestKind::Consultation;
        case.incidents[2].reported_at = at("2023-11-01T08:10:00+08:00");
        case.incidents[2].interrupted_from = Some(at("2023-11-01T08:00:00+08:00"));
        case.incidents[2].restored_at = Some(at("2023-11-03T08:00:00+08:00"));
        case.incidents[2].phone_response_at = None;
        case.incidents[2].force_majeure.clear();
        case.incidents[2].customer_pauses.clear();
        let whole = assess(&case, as_of).expect("assessed");
        let ctx = Context::new(&case, as_of).expect("context");
        let unexplained: Vec<IncidentResult> = case
            .incidents
            .iter()
            .enumerate()
            .map(|(n, inc)| {
                ctx.incident_unexplained(n, inc)
                    .unwrap_or_else(|e| panic!("{e:?}"))
            })
            .collect();
        assert!(unexplained.iter().all(|r| r.explanation.is_empty()));
        // Each incident: everything but the steps, before the cap.
        let explained = each(&ctx, &case.incidents);
        for (u, e) in unexplained.iter().zip(&explained) {
            assert!(!e.explanation.is_empty());
            assert_eq!(*u, figures(e.clone()), "{interp}: {}", e.id);
        }
        // The ledger (L4.3 shares, totals, quarters, availability, L3.5) is the same.
        let items = |rs: &'static str, results: &[IncidentResult]| {
            let items: Vec<(&Incident, &IncidentResult)> =
                case.incidents.iter().zip(results).collect();
            ctx.ledger(&items).unwrap_or_else(|e| panic!("{rs}: {e:?}"))
        };
        assert_eq!(
            items("unexplained", &unexplained),
            items("explained", &explained),
            "{interp}"
        );
        // And so is the whole assessment, but for the steps.
        let mut want = whole.clone();
        want.incidents = want.incidents.into_iter().map(figures).collect();
        assert_eq!(
            by_parts(&ctx, &case.incidents, &unexplained),
            want,
            "{interp}"
        );
        assert!(want.total.penalty > slacalc::Fen(0), "{interp}");
        // Any incident explained on demand: its steps are the full assessment's, but for the
        // L4.3 step that the ledger adds to an incident with damages.
        for (n, inc) in case.incidents.iter().enumerate() {
            let steps = ctx.incident(n, inc).expect("assessed").explanation;
            let full = &whole.incidents[n].explanation;
            let capped = whole.incidents[n].penalty.amount > slacalc::Fen(0)
                && whole.incidents[n].coverage == slacalc::coverage::Coverage::Covered;
            assert_eq!(full.len(), steps.len() + usize::from(capped), "{interp}");
            assert_eq!(full[..steps.len()], steps[..], "{interp}");
            if capped {
                assert_eq!(full[steps.len()].clause, whole.penalty_rule.cap_clause);
            }
        }
    }
}
