//! `make bench` (issue #8), never part of `make test`: in one headless Chromium, the engine as
//! a wasm module (`target/bench-dist`, built by scripts/bench-page) and the npm library
//! dayjs-business-time compute the same 100,000 business-time deadlines: Mon–Fri 09:00–18:00
//! Asia/Shanghai, the PRC holidays 2025–2026 as plain dates (make-up workdays left out on both
//! sides: the library cannot express them). Both must agree before anything is timed.
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::serve;
use fantoccini::{wd::TimeoutConfiguration, Client};
use serde_json::Value;
use std::path::PathBuf;
use std::time::Duration;

const N: usize = 100_000;
const SAMPLE: usize = 1_000;

/// Runs `js` (which may return a Promise) on the page and returns its value.
async fn call(c: &Client, js: &str) -> Value {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         Promise.resolve().then(() => {js}).then(done, e => done({{ error: String(e) }}));"
    );
    let v = c.execute_async(&script, vec![]).await.expect("script runs");
    if let Some(e) = v.get("error") {
        panic!("{js}: {e}");
    }
    v
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// 100000 → "100,000".
fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[tokio::test]
#[ignore = "a measurement: run by `make bench`"]
async fn wasm_engine_against_dayjs_business_time() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-dist");
    assert!(
        root.join("index.html").exists(),
        "target/bench-dist is not built: run `make bench` (scripts/bench-page builds it)"
    );
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let (url, c, _wd, _server, _driver) = serve(root, None).await;
    c.update_timeouts(TimeoutConfiguration::new(
        Some(Duration::from_secs(600)),
        Some(Duration::from_secs(60)),
        Some(Duration::from_secs(0)),
    ))
    .await
    .expect("timeouts");
    c.goto(&url).await.expect("bench page opens");
    let info = call(&c, "slacalcBench.ready").await;
    let chromium = c
        .capabilities()
        .and_then(|caps| caps.get("browserVersion"))
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_string();
    call(&c, &format!("slacalcBench.prepare({N})")).await;

    // The same deadlines, pair by pair, before any timing.
    let check = call(&c, &format!("slacalcBench.check({SAMPLE})")).await;
    assert_eq!(
        check["differ"].as_u64(),
        Some(0),
        "wasm and dayjs-business-time disagree on {} of {SAMPLE} deadlines, e.g. {:#}",
        check["differ"],
        check["examples"]
    );

    let (mut wasm, mut js) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let w = call(&c, "slacalcBench.wasm()").await;
        let j = call(&c, "slacalcBench.js()").await;
        // The sum of all N deadlines: the two sides agree on the whole batch too.
        assert_eq!(
            w["sum"].as_f64(),
            j["sum"].as_f64(),
            "checksums of {N} deadlines differ"
        );
        wasm.push(w["ms"].as_f64().unwrap_or(f64::NAN));
        js.push(j["ms"].as_f64().unwrap_or(f64::NAN));
    }
    println!("bench: wasm runs {wasm:.1?} ms; dayjs-business-time runs {js:.1?} ms");
    let (w, j) = (median(wasm), median(js));
    println!(
        "bench: {} business-time deadlines (PRC holidays 2025–2026, {} dates; {} make-up workdays left out), same {} checked pair by pair: wasm {w:.0} ms, dayjs-business-time {j:.0} ms, ratio {:.1}× (median of {runs} runs, Chromium {chromium})",
        thousands(N),
        info["holidays"],
        info["makeup_days_left_out"],
        thousands(SAMPLE),
        j / w
    );
    c.close().await.expect("closes");
}
