//! Browser measurements for `make bench` (issue #8), never part of `make test`: the time from
//! navigation start to the first assessed result on the page (median of 10 loads), and the
//! time to recompute and re-render after editing one field with a 1,000-incident ledger open.
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::start;
use fantoccini::Locator;
use std::time::Duration;

fn median(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(|a, b| a.total_cmp(b));
    (v[v.len() / 2], v[0], v[v.len() - 1])
}

#[tokio::test]
#[ignore = "a measurement: run by `make bench`"]
async fn startup_and_interaction_in_headless_chromium() {
    let (url, c, _wd, _server, _driver) = start().await;
    let mut loads = Vec::new();
    for _ in 0..10 {
        c.goto("about:blank").await.expect("blank");
        c.goto(&url).await.expect("page opens");
        let mut ms = None;
        for _ in 0..200 {
            let v = c
                .execute(
                    "const m = performance.getEntriesByName('slacalc:first-result'); return m.length ? m[0].startTime : null;",
                    vec![],
                )
                .await
                .expect("script");
            if let Some(x) = v.as_f64() {
                ms = Some(x);
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        loads.push(ms.expect("the first result is marked"));
    }
    let (med, lo, hi) = median(loads);
    println!("bench: startup (navigation start → first assessed result), 10 loads: median {med:.1} ms (min {lo:.1}, max {hi:.1})");

    // A 1,000-incident ledger open, then one field edited: recompute and re-render until the
    // next frame.
    let mut csv = String::from("id,reported_at,declared_priority,mailboxes_affected_pct,system_usable,seriously_damaged,kind,cause,interrupted_from,restored_at\n");
    for i in 0..1000 {
        let day = 1 + i % 28;
        csv.push_str(&format!(
            "i{i},2025-03-{day:02} 08:10,urgent,100,no,yes,fault,vendor,2025-03-{day:02} 08:00,2025-03-{day:02} 20:00\n"
        ));
    }
    let file = std::env::temp_dir().join(format!("slacalc-bench-{}.csv", std::process::id()));
    std::fs::write(&file, csv).expect("CSV written");
    c.find(Locator::Css("#ledger-import"))
        .await
        .expect("import")
        .send_keys(file.to_str().unwrap_or_default())
        .await
        .expect("file chosen");
    for _ in 0..200 {
        if c.find(Locator::Css("#ledger-total")).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut edits = Vec::new();
    for n in 0..10 {
        let v = c
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   const price = document.querySelector('#contract-price');
                   const t0 = performance.now();
                   price.value = arguments[0];
                   price.dispatchEvent(new Event('input', { bubbles: true }));
                   requestAnimationFrame(() => done(performance.now() - t0));"#,
                vec![serde_json::json!(format!("{}", 1_000_000 + n))],
            )
            .await
            .expect("edit");
        edits.push(v.as_f64().unwrap_or(f64::NAN));
    }
    let _ = std::fs::remove_file(&file);
    let (med, lo, hi) = median(edits);
    println!("bench: edit one field with a 1,000-incident ledger open, until the next frame: median {med:.1} ms (min {lo:.1}, max {hi:.1}; one frame = 16.7 ms)");
    c.close().await.expect("closes");
}
