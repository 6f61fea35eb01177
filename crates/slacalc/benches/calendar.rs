//! Business-time arithmetic cost (issue #3): `add` of 10 business years must cost no more than
//! 20× `add` of 1 business day. Calendar: L1.1 (Mon–Fri 09:00–18:00 Asia/Shanghai with the PRC
//! statutory calendar); 1 business day = 9 h of open time, 1 business year = 250 × 9 h.
//! Run with `make bench` (`cargo bench`); not part of `make test`.

mod bench {
    use criterion::{black_box, Criterion};
    use slacalc::calendar::Calendar;
    use slacalc::Instant;
    use std::time::Duration;

    const DAY: i64 = 9 * 3600;
    const YEAR: i64 = 250 * DAY;

    fn start() -> Instant {
        Instant::parse("2005-03-07T10:30:00+08:00").unwrap_or_else(|e| panic!("{e}"))
    }

    pub fn run(c: &mut Criterion) {
        let cal = Calendar::letter();
        // Build the week table once, as any use after the first does.
        let _ = cal.add(start(), DAY);
        let mut g = c.benchmark_group("calendar_add");
        g.measurement_time(Duration::from_secs(3));
        g.bench_function("1 business day", |b| {
            b.iter(|| cal.add(black_box(start()), black_box(DAY)))
        });
        g.bench_function("10 business years", |b| {
            b.iter(|| cal.add(black_box(start()), black_box(10 * YEAR)))
        });
        g.bench_function("between 10 years", |b| {
            let end = cal
                .add(start(), 10 * YEAR)
                .unwrap_or_else(|e| panic!("{e}"));
            b.iter(|| cal.between(black_box(start()), black_box(end)))
        });
        g.finish();
        let mut g = c.benchmark_group("calendar_build");
        g.measurement_time(Duration::from_secs(3));
        g.bench_function("first add (builds the week table)", |b| {
            b.iter(|| Calendar::letter().add(black_box(start()), black_box(DAY)))
        });
        g.finish();
    }
}

fn main() {
    let mut c = criterion::Criterion::default().configure_from_args();
    bench::run(&mut c);
    c.final_summary();
}
