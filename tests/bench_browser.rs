//! Browser measurements for `make bench` (issue #8), never part of `make test`: the time from
//! navigation start to the first assessed result on the page (median of 10 loads), and, with
//! a 1,000-incident ledger open, the time to recompute and re-render until the next frame
//! after editing one field of one incident (the ledger row open in the form: one incident
//! reassessed, the cap and totals redone) and after editing the contract price (every
//! incident reassessed); and the same edit with the ledger's offers compared under 4 terms
//! (issue #15: the incident reassessed under each, the comparison redrawn).
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{import_ledger, start};
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
    let csv = browser::thousand_incidents_csv();
    let file = std::env::temp_dir().join(format!("slacalc-bench-{}.csv", std::process::id()));
    std::fs::write(&file, csv).expect("CSV written");
    import_ledger(&c, file.to_str().unwrap_or_default()).await;
    for _ in 0..200 {
        if c.find(Locator::Css("#ledger-total")).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // After one edit of the field `css` (the value set and the input event sent as typing
    // does), 10 times with `values`: the time until the next frame, and the time the page
    // kept the main thread (recompute and re-render, until a message posted after the edit
    // is delivered).
    async fn measure(c: &fantoccini::Client, css: &str, values: &[String]) -> (Vec<f64>, Vec<f64>) {
        let (mut frame, mut busy) = (Vec::new(), Vec::new());
        for v in values {
            let t = c
                .execute_async(
                    r#"const done = arguments[arguments.length - 1];
                       const field = document.querySelector(arguments[0]);
                       const ch = new MessageChannel();
                       let busy = null, frame = null;
                       const finish = () => { if (busy !== null && frame !== null) done([frame, busy]); };
                       ch.port1.onmessage = () => { busy = performance.now() - t0; finish(); };
                       const t0 = performance.now();
                       field.value = arguments[1];
                       field.dispatchEvent(new Event('input', { bubbles: true }));
                       ch.port2.postMessage(0);
                       requestAnimationFrame(() => { frame = performance.now() - t0; finish(); });"#,
                    vec![serde_json::json!(css), serde_json::json!(v)],
                )
                .await
                .expect("edit");
            frame.push(t[0].as_f64().unwrap_or(f64::NAN));
            busy.push(t[1].as_f64().unwrap_or(f64::NAN));
            // Let the page settle (and save) between edits, as between keystrokes.
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        (frame, busy)
    }
    let prices: Vec<String> = (0..10).map(|n| format!("{}", 1_000_000 + n)).collect();
    let price = measure(&c, "#contract-price", &prices).await;
    // One incident of the ledger opened in the form, then its restoration time edited.
    c.find(Locator::Css("tr.ledger-row .row-edit"))
        .await
        .expect("a row")
        .click()
        .await
        .expect("edit");
    for _ in 0..100 {
        if c.find(Locator::Css("#editing-banner")).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let times: Vec<String> = (0..10)
        .map(|n| format!("2025-03-01 {:02}:{:02}", 20 + n % 3, 10 * (n % 6)))
        .collect();
    let one = measure(&c, "#restored-at", &times).await;
    let _ = std::fs::remove_file(&file);
    let (med, lo, hi) = median(one.0);
    let (bmed, blo, bhi) = median(one.1);
    println!("bench: edit one field of one incident in a 1,000-incident ledger: until the next frame median {med:.1} ms (min {lo:.1}, max {hi:.1}; one frame = 16.7 ms); main thread busy median {bmed:.1} ms (min {blo:.1}, max {bhi:.1})");
    // The same edit with the ledger compared under 4 terms: its own (the letter's) and three
    // kept in the library (the campus terms, the letter at 0.5 %, the letter capped at 10 %).
    let letter: serde_json::Value =
        serde_json::from_str(slacalc::terms::EYOU_SDJU_JSON).expect("letter");
    let campus: serde_json::Value =
        serde_json::from_str(include_str!("../examples/terms-campus-network.json"))
            .expect("campus");
    let (mut rate, mut cap) = (letter.clone(), letter);
    rate["penalty"]["rate_bp"] = serde_json::json!(50);
    cap["penalty"]["cap_bp"] = serde_json::json!(1000);
    c.execute(
        "localStorage.setItem('slacalc.terms-library', JSON.stringify({version: 1, entries: [\
         {name: 'campus', terms: arguments[0]}, {name: 'rate 0.5%', terms: arguments[1]}, {name: 'cap 10%', terms: arguments[2]}]}));",
        vec![campus, rate, cap],
    )
    .await
    .expect("library");
    c.find(Locator::Css("#ledger-compare"))
        .await
        .expect("compare")
        .click()
        .await
        .expect("opened");
    for _ in 0..200 {
        if c.find(Locator::Css("#compare-penalty")).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let columns = c
        .execute(
            "return document.querySelectorAll('#compare-penalty td').length;",
            vec![],
        )
        .await
        .expect("columns");
    assert_eq!(columns, serde_json::json!(4), "compared under 4 terms");
    let times: Vec<String> = (0..10)
        .map(|n| format!("2025-03-02 {:02}:{:02}", 20 + n % 3, 10 * (n % 6)))
        .collect();
    // Until the next frame, and until the comparison shows the edit (its `data-version`).
    let (mut frames, mut shown) = (Vec::new(), Vec::new());
    for v in &times {
        let t = c
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   const field = document.querySelector('#restored-at');
                   const view = document.querySelector('#compare-panel .compare');
                   const v0 = view.dataset.version;
                   let frame = null;
                   const t0 = performance.now();
                   const seen = new MutationObserver(() => {
                     if (view.dataset.version !== v0) { seen.disconnect(); done([frame, performance.now() - t0]); }
                   });
                   seen.observe(view, { attributes: true });
                   field.value = arguments[0];
                   field.dispatchEvent(new Event('input', { bubbles: true }));
                   requestAnimationFrame(() => { frame = performance.now() - t0; });
                   setTimeout(() => done([frame, null]), 5000);"#,
                vec![serde_json::json!(v)],
            )
            .await
            .expect("edit");
        frames.push(t[0].as_f64().unwrap_or(f64::NAN));
        shown.push(t[1].as_f64().expect("the comparison showed the edit"));
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let (med, lo, hi) = median(frames);
    let (smed, slo, shi) = median(shown);
    println!("bench: edit one field of one incident in a 1,000-incident ledger compared under 4 terms: until the next frame median {med:.1} ms (min {lo:.1}, max {hi:.1}; one frame = 16.7 ms); until the comparison shows it median {smed:.1} ms (min {slo:.1}, max {shi:.1})");
    let (med, lo, hi) = median(price.0);
    let (bmed, blo, bhi) = median(price.1);
    println!("bench: edit the contract price with a 1,000-incident ledger open (all 1,000 reassessed): until the next frame median {med:.1} ms (min {lo:.1}, max {hi:.1}); main thread busy median {bmed:.1} ms (min {blo:.1}, max {bhi:.1})");
    c.close().await.expect("closes");
}

/// The first load as a slow phone meets it (issue #8: "instant on a slow phone"): Chrome's
/// DevTools emulation of a slow 4G connection (1.6 Mbit/s down, 750 kbit/s up, 150 ms round
/// trip) and a CPU four times slower, with the page sent gzip-compressed as a static host
/// sends it. First visits (no HTTP cache, no service worker) and
/// repeat visits (the service worker and the cache of the first visit), 5 loads each, of the
/// bare page and of the worked example's share link: when something is painted (the loading
/// notice of index.html), when the verdict's text is (issue #17: for a link, the card
/// static/verdict.js paints from the link; else the engine's result) and when the first
/// assessed result is (the page is interactive).
#[tokio::test]
#[ignore = "a measurement: run by `make bench`"]
async fn startup_on_a_slow_phone() {
    let (url, c, wd, _server, _driver) = browser::start_compressed().await;
    let session = c.session_id().await.expect("session").expect("an id");
    let slow = |cold: bool| {
        browser::cdp(wd, &session, "Network.enable", serde_json::json!({}));
        browser::cdp(
            wd,
            &session,
            "Network.emulateNetworkConditions",
            serde_json::json!({
                "offline": false,
                "latency": 150,
                "downloadThroughput": 1_600_000 / 8,
                "uploadThroughput": 750_000 / 8,
            }),
        );
        browser::cdp(
            wd,
            &session,
            "Network.setCacheDisabled",
            serde_json::json!({ "cacheDisabled": cold }),
        );
        browser::cdp(
            wd,
            &session,
            "Network.setBypassServiceWorker",
            serde_json::json!({ "bypass": cold }),
        );
        browser::cdp(
            wd,
            &session,
            "Emulation.setCPUThrottlingRate",
            serde_json::json!({ "rate": 4 }),
        );
    };
    // The worked example's share link (issue #17): its verdict is painted from the link itself
    // (static/verdict.js) before the engine arrives.
    let link = browser::cli_link(&url);
    let mut report = Vec::new();
    for (cold, what) in [(true, "first visit"), (false, "repeat visit")] {
        slow(cold);
        for (page, address) in [("bare page", url.as_str()), ("shared link", link.as_str())] {
            let (mut paints, mut verdicts, mut results) = (Vec::new(), Vec::new(), Vec::new());
            for _ in 0..5 {
                c.goto("about:blank").await.expect("blank");
                c.goto(address).await.expect("page opens");
                let mut got = None;
                for _ in 0..600 {
                    let v = c
                        .execute(
                            "const r = performance.getEntriesByName('slacalc:first-result'); \
                             const p = performance.getEntriesByName('first-contentful-paint'); \
                             const v = performance.getEntriesByName('slacalc:verdict'); \
                             return r.length && p.length ? [p[0].startTime, r[0].startTime, v.length ? v[0].startTime : r[0].startTime] : null;",
                            vec![],
                        )
                        .await
                        .expect("script");
                    if let Some(t) = v.as_array() {
                        let at = |i: usize| t[i].as_f64().unwrap_or(0.0);
                        got = Some((at(0), at(1), at(2).min(at(1))));
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                let (paint, result, verdict) = got.expect("painted and assessed");
                paints.push(paint);
                results.push(result);
                verdicts.push(verdict);
            }
            let (pm, plo, phi) = median(paints);
            let (rm, rlo, rhi) = median(results);
            let (vm, vlo, vhi) = median(verdicts);
            report.push(format!("bench: slow phone (slow 4G 1.6 Mbit/s, 150 ms RTT; CPU 4× slower), {what}, {page}, 5 loads: first paint median {pm:.0} ms (min {plo:.0}, max {phi:.0}); verdict text median {vm:.0} ms (min {vlo:.0}, max {vhi:.0}); first assessed result (interactive) median {rm:.0} ms (min {rlo:.0}, max {rhi:.0})"));
        }
    }
    for line in report {
        println!("{line}");
    }
    c.close().await.expect("closes");
}
