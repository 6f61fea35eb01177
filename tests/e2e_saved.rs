//! End-to-end: the work the page keeps (issue #14), against the built page (`dist/`) in
//! headless Chromium. Saved work of the shipped format opens intact; a document the page cannot
//! read is set aside, announced, downloadable and never overwritten; while the browser refuses
//! to store, a notice says the work lives only in this tab and its exports work.
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{cdp, el, start, type_into, value_of, wait_text};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use std::time::Duration;

const WORK_V1: &str = include_str!("fixtures/saved/2026-11-work-v1.json");
const LEDGER_V2: &str = include_str!("fixtures/saved/2026-11-ledger-v2.json");

async fn js(c: &Client, script: &str, args: Vec<Value>) -> Value {
    c.execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("{script}: {e}"))
}

/// Puts `items` (key, text) into the page's storage, nothing else, and reloads.
async fn reopen_with(c: &Client, url: &str, items: &[(&str, &str)]) {
    c.goto(url).await.expect("page opens");
    el(c, "#contract-price").await;
    let items: Vec<Value> = items.iter().map(|(k, v)| json!([k, v])).collect();
    js(
        c,
        "localStorage.clear(); for (const [k, v] of arguments[0]) localStorage.setItem(k, v);",
        vec![Value::Array(items)],
    )
    .await;
    c.refresh().await.expect("reload");
    el(c, "#contract-price").await;
}

async fn stored(c: &Client, key: &str) -> Value {
    js(
        c,
        "return localStorage.getItem(arguments[0]);",
        vec![json!(key)],
    )
    .await
}

/// The keys of documents set aside.
async fn aside_keys(c: &Client) -> Vec<String> {
    let v = js(
        c,
        "return Object.keys(localStorage).filter(k => k.startsWith('slacalc.aside.')).sort();",
        vec![],
    )
    .await;
    serde_json::from_value(v).expect("a list of keys")
}

/// The text a `data:` link downloads.
async fn download_text(c: &Client, css: &str) -> String {
    let v = js(
        c,
        "const h = document.querySelector(arguments[0]).getAttribute('href'); return decodeURIComponent(h.slice(h.indexOf(',') + 1));",
        vec![json!(css)],
    )
    .await;
    v.as_str().expect("an address").to_string()
}

/// Waits until the page has written its work (it writes on every change).
async fn settle() {
    tokio::time::sleep(Duration::from_millis(900)).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn saved_work_of_the_shipped_format_opens_intact() {
    let (url, c, _wd, _server, _driver) = start().await;
    reopen_with(
        &c,
        &url,
        &[
            ("slacalc.page.v1", WORK_V1),
            ("slacalc.ledger.v2", LEDGER_V2),
        ],
    )
    .await;
    let work: Value = serde_json::from_str(WORK_V1).expect("fixture");
    assert_eq!(value_of(&c, "#contract-price").await, "880000.00");
    assert_eq!(value_of(&c, "#incident-id").await, "2025-04-07-mta-queue-2");
    assert_eq!(value_of(&c, "#as-of").await, "2026-01-01 00:00");
    // The custom terms, exactly as they were written.
    let checked = el(&c, "#custom-terms")
        .await
        .prop("checked")
        .await
        .expect("prop");
    assert_eq!(checked.as_deref(), Some("true"));
    assert_eq!(
        value_of(&c, "#terms-json").await,
        work["form"]["custom_terms"].as_str().expect("terms text")
    );
    // The ledger: its six incidents, in order.
    let ids = js(
        &c,
        "return [...document.querySelectorAll('#ledger tbody tr.ledger-row')].map(r => r.dataset.id);",
        vec![],
    )
    .await;
    assert_eq!(
        ids,
        json!([
            "2025-03-03-mail-down",
            "2025-07-typhoon-outage",
            "2025-04-upgrade-advice",
            "2025-06-power-cut",
            "2025-05-quota-bug",
            "2025-09-mystery-outage"
        ])
    );
    // Nothing was set aside, and the work is now written in the current format.
    assert!(aside_keys(&c).await.is_empty());
    assert!(c.find(Locator::Css(".saved-aside")).await.is_err());
    type_into(&c, "#incident-id", "2025-04-07-mta-queue-3").await;
    settle().await;
    let now: Value =
        serde_json::from_str(stored(&c, "slacalc.page.v1").await.as_str().expect("saved"))
            .expect("JSON");
    assert_eq!(now["version"], 2);
    assert_eq!(now["form"]["price"], "880000.00");
    c.close().await.ok();
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn a_damaged_document_is_kept_aside_announced_and_downloadable() {
    let (url, c, _wd, _server, _driver) = start().await;
    // Cut short, as a killed browser might leave it; and a ledger of a newer page.
    let damaged = &WORK_V1[..WORK_V1.len() / 2];
    let mut newer: Value = serde_json::from_str(LEDGER_V2).expect("fixture");
    newer["version"] = json!(3);
    let newer = newer.to_string();
    reopen_with(
        &c,
        &url,
        &[("slacalc.page.v1", damaged), ("slacalc.ledger.v2", &newer)],
    )
    .await;
    // Announced, one notice each, in English…
    let work_note = wait_text(&c, ".saved-aside[data-key^='slacalc.aside.work.'] p", |t| {
        !t.is_empty()
    })
    .await;
    assert!(work_note.contains("damaged"), "{work_note}");
    assert!(work_note.contains("will not be overwritten"), "{work_note}");
    let ledger_note = wait_text(
        &c,
        ".saved-aside[data-key^='slacalc.aside.ledger.'] p",
        |t| !t.is_empty(),
    )
    .await;
    assert!(ledger_note.contains("newer version"), "{ledger_note}");
    // … and in Chinese.
    el(&c, "#lang-switch").await.click().await.expect("switch");
    let zh = wait_text(&c, ".saved-aside[data-key^='slacalc.aside.work.'] p", |t| {
        t.contains("已原样另存")
    })
    .await;
    assert!(zh.contains("不会被覆盖"), "{zh}");
    // Kept exactly as it was, under keys of their own, and downloadable as it was.
    let keys = aside_keys(&c).await;
    assert_eq!(keys.len(), 2, "{keys:?}");
    let work_key = keys
        .iter()
        .find(|k| k.contains(".work."))
        .expect("work")
        .clone();
    let ledger_key = keys
        .iter()
        .find(|k| k.contains(".ledger."))
        .expect("ledger")
        .clone();
    assert_eq!(stored(&c, &work_key).await, json!(damaged));
    assert_eq!(stored(&c, &ledger_key).await, json!(newer));
    let css = format!(".saved-aside[data-key='{work_key}'] .aside-download");
    assert_eq!(download_text(&c, &css).await, damaged);
    let name = el(&c, &css).await.attr("download").await.expect("attr");
    assert!(name.is_some_and(|n| n.starts_with("slacalc-work-") && n.ends_with(".json")));
    // The page opened on the worked example; edits and a reload never touch what was kept.
    type_into(&c, "#incident-id", "typed-after-damage").await;
    settle().await;
    c.refresh().await.expect("reload");
    assert_eq!(value_of(&c, "#incident-id").await, "typed-after-damage");
    assert_eq!(stored(&c, &work_key).await, json!(damaged));
    assert_eq!(stored(&c, &ledger_key).await, json!(newer));
    assert_eq!(aside_keys(&c).await, keys);
    el(&c, &format!(".saved-aside[data-key='{work_key}']")).await;
    // Deleting one is the user's choice.
    el(
        &c,
        &format!(".saved-aside[data-key='{work_key}'] .aside-delete"),
    )
    .await
    .click()
    .await
    .expect("delete");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(aside_keys(&c).await, vec![ledger_key]);
    c.close().await.ok();
}

/// Makes the page's storage refuse every write from the next page load on, as a full quota
/// does (before the page's own scripts run).
fn refuse_storage_from_now_on(wd: u16, session: &str) {
    cdp(
        wd,
        session,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };" }),
    );
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn with_storage_refused_the_notice_shows_and_the_exports_work() {
    let (url, c, _wd, _server, _driver) = start().await;
    reopen_with(&c, &url, &[("slacalc.ledger.v2", LEDGER_V2)]).await;
    assert!(c.find(Locator::Css("#storage-failing")).await.is_err());
    // The quota fills up.
    js(
        &c,
        "window.__setItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };",
        vec![],
    )
    .await;
    type_into(&c, "#contract-price", "640000.00").await;
    let note = wait_text(&c, "#storage-failing p", |t| !t.is_empty()).await;
    assert!(note.contains("QuotaExceededError"), "{note}");
    assert!(note.contains("only in this tab"), "{note}");
    // The exports hold the work as it is now.
    let case: Value =
        serde_json::from_str(&download_text(&c, "#export-case").await).expect("case JSON");
    assert_eq!(case["contract"]["price"], "640000.00");
    let csv = download_text(&c, "#export-ledger").await;
    assert!(csv.contains("2025-07-typhoon-outage"), "{csv}");
    assert_eq!(
        csv.trim_start_matches('\u{feff}').lines().count(),
        7,
        "{csv}"
    );
    // It stays while storing fails…
    type_into(&c, "#incident-id", "still-refused").await;
    settle().await;
    el(&c, "#storage-failing").await;
    // … and goes once storing works again.
    js(&c, "Storage.prototype.setItem = window.__setItem;", vec![]).await;
    type_into(&c, "#incident-id", "stored-again").await;
    settle().await;
    assert!(c.find(Locator::Css("#storage-failing")).await.is_err());
    c.close().await.ok();
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn a_damaged_document_that_cannot_be_set_aside_is_never_overwritten() {
    let (url, c, wd, _server, _driver) = start().await;
    let damaged = &WORK_V1[..WORK_V1.len() / 3];
    c.goto(&url).await.expect("page opens");
    el(&c, "#contract-price").await;
    js(
        &c,
        "localStorage.clear(); localStorage.setItem('slacalc.page.v1', arguments[0]);",
        vec![json!(damaged)],
    )
    .await;
    // Storage refuses every write, so the damaged work cannot even be copied aside.
    let session = c.session_id().await.expect("session").expect("an id");
    refuse_storage_from_now_on(wd, &session);
    c.refresh().await.expect("reload");
    el(&c, ".saved-aside[data-key='slacalc.page.v1']").await;
    let css = ".saved-aside[data-key='slacalc.page.v1'] .aside-download";
    assert_eq!(download_text(&c, css).await, damaged);
    type_into(&c, "#incident-id", "typed-while-full").await;
    settle().await;
    el(&c, "#storage-failing").await;
    assert_eq!(stored(&c, "slacalc.page.v1").await, json!(damaged));
    c.close().await.ok();
}
