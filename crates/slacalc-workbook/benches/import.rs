//! Importing a ledger of 10,000 incidents (issue #16): as an .xlsx (calamine into the engine's
//! grid, then `table::read_grid`), and the same rows as a GBK CSV with Chinese headers
//! (decoded as the CLI does, then `table::read_table`). Both end in the same good incidents.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use slacalc::case::Incident;
use slacalc::table::{read_grid, read_table, write_incidents_in, ReadOptions};
use slacalc::terms::TermsSpec;
use slacalc::text::Lang;
use slacalc_workbook::{incidents_xlsx, read_workbook, SheetChoice};
use std::time::Duration;

const EXAMPLE: &str = include_str!("../../../examples/incidents.csv");
const ROWS: usize = 10_000;

/// 10,000 incidents: the good rows of examples/incidents.csv over and over, each its own id.
fn incidents(terms: &TermsSpec) -> Vec<Incident> {
    let read = read_table(EXAMPLE, terms, &ReadOptions::default());
    let base: Vec<Incident> = read.incidents.into_iter().map(|(_, i)| i).collect();
    (0..ROWS)
        .map(|n| {
            let mut inc = base[n % base.len()].clone();
            inc.id = format!("{}-{n}", inc.id);
            inc
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let terms = TermsSpec::Preset("eyou-sdju".into());
    let incidents = incidents(&terms);
    let xlsx = incidents_xlsx(&incidents, Lang::Zh).expect("written");
    let csv = write_incidents_in(&incidents, Lang::Zh);
    let (gbk, _, _) = encoding_rs::GB18030.encode(&csv);
    let gbk = gbk.into_owned();
    let opts = ReadOptions::default();
    // Both give the same 10,000 incidents.
    let book = read_workbook(&xlsx, &SheetChoice::First).expect("read");
    assert_eq!(read_grid(&book.grid, &terms, &opts).incidents.len(), ROWS);
    assert_eq!(read_table(&csv, &terms, &opts).incidents.len(), ROWS);
    println!(
        "import: 10,000 rows: .xlsx {} bytes, GBK CSV {} bytes",
        xlsx.len(),
        gbk.len()
    );

    let mut g = c.benchmark_group("import 10,000 incidents");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function(".xlsx (calamine, then read_grid)", |b| {
        b.iter(|| {
            let book = read_workbook(black_box(&xlsx), &SheetChoice::First).expect("read");
            read_grid(&book.grid, &terms, &opts)
        })
    });
    g.bench_function("GBK CSV (decoded, then read_table)", |b| {
        b.iter(|| {
            let (text, _, _) = encoding_rs::GB18030.decode(black_box(&gbk));
            read_table(&text, &terms, &opts)
        })
    });
    g.bench_function(".xlsx read alone (calamine into the grid)", |b| {
        b.iter(|| read_workbook(black_box(&xlsx), &SheetChoice::First).expect("read"))
    });
    g.finish();
}

criterion_group!(import, benches);
criterion_main!(import);
