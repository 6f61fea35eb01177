//! Engine speed (issue #8): assessing one incident, and a ledger of 10,000 incidents with
//! force majeure, pauses and the cap, as the page does on every keystroke; and what the page
//! does for a 1,000-incident ledger when the contract changes: every incident reassessed by
//! `assess::Context`, with and without explanation steps, and the ledger totals (L4.3).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use slacalc::{assess, assess::Context, case::Incident, parse_case, Instant};

const WORKED: &str = include_str!("../../../examples/worked-example.json");

fn ledger(n: usize) -> String {
    let incidents: Vec<String> = (0..n)
        .map(|i| {
            let day = 1 + (i % 28);
            let month = 1 + (i / 28) % 12;
            let cause = ["vendor", "network", "unknown", "customer_power"][i % 4];
            format!(
                r#"{{"id":"i{i}","reported_at":"2025-{month:02}-{day:02}T08:10:00+08:00","declared_priority":"urgent",
                "facts":{{"mailboxes_affected_pct":{pct},"system_usable":false,"seriously_damaged":true,"kind":"fault"}},
                "cause":"{cause}","interrupted_from":"2025-{month:02}-{day:02}T08:00:00+08:00",
                "restored_at":"2025-{month:02}-{day:02}T20:00:00+08:00",
                "phone_response_at":"2025-{month:02}-{day:02}T08:12:00+08:00",
                "force_majeure":[{{"kind":"typhoon","start":"2025-{month:02}-{day:02}T09:00:00+08:00","end":"2025-{month:02}-{day:02}T10:00:00+08:00"}}],
                "customer_pauses":[{{"start":"2025-{month:02}-{day:02}T08:20:00+08:00","end":"2025-{month:02}-{day:02}T08:30:00+08:00"}}]}}"#,
                pct = i % 101
            )
        })
        .collect();
    format!(
        r#"{{"version":1,"terms":"eyou-sdju","contract":{{"price":"1000000.00","warranty_start":"2024-01-01","warranty_end":"2026-12-31"}},"incidents":[{}]}}"#,
        incidents.join(",")
    )
}

fn benches(c: &mut Criterion) {
    let as_of = Instant::parse("2026-01-01T00:00:00+08:00").expect("time");
    let one = parse_case(WORKED).expect("worked example");
    c.bench_function("assess one incident (worked example)", |b| {
        b.iter(|| assess(black_box(&one), as_of).expect("assessed"))
    });
    c.bench_function("read + assess one incident from JSON", |b| {
        b.iter(|| assess(&parse_case(black_box(WORKED)).expect("case"), as_of).expect("assessed"))
    });
    let text = ledger(10_000);
    let big = parse_case(&text).expect("ledger");
    let mut g = c.benchmark_group("ledger");
    g.sample_size(10);
    g.bench_function("assess 10,000 incidents", |b| {
        b.iter(|| assess(black_box(&big), as_of).expect("assessed"))
    });
    g.bench_function("read + assess 10,000 incidents from JSON", |b| {
        b.iter(|| assess(&parse_case(black_box(&text)).expect("case"), as_of).expect("assessed"))
    });
    // The page's 1,000-incident ledger (tests/bench_browser.rs) after a price edit.
    let small = parse_case(&ledger(1_000)).expect("ledger");
    let ctx = Context::new(&small, as_of).expect("context");
    g.bench_function("Context: 1,000 incidents with explanations", |b| {
        b.iter(|| {
            for (n, inc) in small.incidents.iter().enumerate() {
                black_box(ctx.incident(n, inc).expect("assessed"));
            }
        })
    });
    g.bench_function(
        "Context: 1,000 incidents without explanations + ledger",
        |b| {
            b.iter(|| {
                let results: Vec<_> = small
                    .incidents
                    .iter()
                    .enumerate()
                    .map(|(n, inc)| ctx.incident_unexplained(n, inc).expect("assessed"))
                    .collect();
                let items: Vec<(&Incident, _)> = small.incidents.iter().zip(&results).collect();
                black_box(ctx.ledger(&items).expect("ledger"))
            })
        },
    );
    g.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
