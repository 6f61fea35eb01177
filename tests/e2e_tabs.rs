//! End-to-end: tabs that agree (issue #14). Two tabs of the page in one browser share the work
//! kept in `localStorage` without losing each other's edits; a tab opened from a shared link
//! shows the link's case beside the saved work and never writes over it. Run against the built
//! `dist/` (`make build`; `cargo test -p slacalc-web --test e2e_tabs -- --include-ignored`).
//! `SLACALC_TAB_SHOTS=DIR` also saves the "beside" notice in both languages as PNG files.
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{cli_link, el, start, type_into, value_of, wait_text, wait_value};
use fantoccini::wd::WindowHandle;
use fantoccini::{Client, Locator};
use std::time::Duration;

/// The three fields each tab types, and what they must hold in both.
const PRICE: (&str, &str) = ("#contract-price", "2000000");
const ID: (&str, &str) = ("#incident-id", "typed-in-tab-b");
const AS_OF: (&str, &str) = ("#as-of", "2026-01-01 00:00");

async fn holds_all_three(c: &Client) {
    for (css, want) in [PRICE, ID, AS_OF] {
        wait_value(c, css, want).await;
    }
    // 2 days × 0.25 % × ¥2,000,000.00.
    wait_text(c, "#penalty-amount", |t| t == "¥10,000.00").await;
}

/// A second tab of the same browser, at `address`; returns the first tab's handle and the
/// second's, the second current.
async fn second_tab(c: &Client, address: &str) -> (WindowHandle, WindowHandle) {
    let first = c.window().await.expect("the first tab");
    let second = c.new_window(true).await.expect("a new tab").handle;
    c.switch_to_window(second.clone()).await.expect("switches");
    c.goto(address).await.expect("page opens in the second tab");
    (first, second)
}

async fn to(c: &Client, tab: &WindowHandle) {
    c.switch_to_window(tab.clone()).await.expect("switches");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: cargo test --test e2e_tabs -- --include-ignored"]
async fn two_tabs_editing_in_turn_both_keep_every_edit() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#penalty-amount").await;
    let (a, b) = second_tab(&c, &url).await;
    el(&c, "#penalty-amount").await;

    // Tab A types the price, tab B the incident id, tab A the assessment time.
    to(&c, &a).await;
    type_into(&c, PRICE.0, PRICE.1).await;
    wait_text(&c, "#penalty-amount", |t| t == "¥10,000.00").await;
    to(&c, &b).await;
    wait_value(&c, PRICE.0, PRICE.1).await;
    type_into(&c, ID.0, ID.1).await;
    to(&c, &a).await;
    wait_value(&c, ID.0, ID.1).await;
    type_into(&c, AS_OF.0, AS_OF.1).await;
    // Each shows all three, now and after a reload.
    to(&c, &b).await;
    holds_all_three(&c).await;
    for tab in [&a, &b] {
        to(&c, tab).await;
        c.refresh().await.expect("reloads");
        holds_all_three(&c).await;
    }
    // Nothing was offered as a conflict: every edit was taken.
    assert!(c.find(Locator::Css("#other-tab")).await.is_err());
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: cargo test --test e2e_tabs -- --include-ignored"]
async fn a_link_opened_in_a_second_tab_leaves_the_first_tabs_work_intact() {
    let (url, c, wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#penalty-amount").await;
    type_into(&c, "#incident-id", "work-of-tab-a").await;
    type_into(&c, "#contract-price", "3000000").await;
    wait_text(&c, "#penalty-amount", |t| t == "¥15,000.00").await;

    // The link opens beside the saved work, and what is typed there stays in that tab.
    let link = cli_link(&url);
    let (a, b) = second_tab(&c, &link).await;
    wait_text(&c, "#penalty-amount", |t| t == "¥5,000.00").await;
    el(&c, "#beside").await;
    assert_eq!(value_of(&c, "#incident-id").await, "2025-03-03-mail-down");
    type_into(&c, "#contract-price", "2000000").await;
    wait_text(&c, "#penalty-amount", |t| t == "¥10,000.00").await;
    if let Ok(dir) = std::env::var("SLACALC_TAB_SHOTS") {
        shoot_beside(&c, wd, std::path::Path::new(&dir)).await;
    }

    // Tab A still has its work, and so has a reload of it.
    to(&c, &a).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(value_of(&c, "#incident-id").await, "work-of-tab-a");
    assert_eq!(value_of(&c, "#contract-price").await, "3000000");
    c.refresh().await.expect("reloads");
    wait_text(&c, "#penalty-amount", |t| t == "¥15,000.00").await;
    assert_eq!(value_of(&c, "#incident-id").await, "work-of-tab-a");
    assert!(c.find(Locator::Css("#beside")).await.is_err());

    // The link's tab, reloaded, still has what was typed in it, still beside.
    to(&c, &b).await;
    c.refresh().await.expect("reloads");
    wait_text(&c, "#penalty-amount", |t| t == "¥10,000.00").await;
    el(&c, "#beside").await;
    assert_eq!(value_of(&c, "#incident-id").await, "2025-03-03-mail-down");

    // Kept as the work: tab A takes it; the work it replaces is restorable.
    el(&c, "#keep-link").await.click().await.expect("keep");
    el(&c, "#restore-previous").await;
    assert!(c.find(Locator::Css("#beside")).await.is_err());
    to(&c, &a).await;
    wait_value(&c, "#incident-id", "2025-03-03-mail-down").await;
    wait_text(&c, "#penalty-amount", |t| t == "¥10,000.00").await;
    c.refresh().await.expect("reloads");
    wait_text(&c, "#penalty-amount", |t| t == "¥10,000.00").await;
    to(&c, &b).await;
    el(&c, "#restore-previous")
        .await
        .click()
        .await
        .expect("restore");
    wait_value(&c, "#incident-id", "work-of-tab-a").await;
    to(&c, &a).await;
    wait_value(&c, "#incident-id", "work-of-tab-a").await;
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: cargo test --test e2e_tabs -- --include-ignored"]
async fn a_link_tab_opens_the_saved_work_on_request() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#penalty-amount").await;
    type_into(&c, "#incident-id", "saved-work").await;
    let (_a, _b) = second_tab(&c, &cli_link(&url)).await;
    el(&c, "#beside").await;
    assert_eq!(value_of(&c, "#incident-id").await, "2025-03-03-mail-down");
    el(&c, "#open-saved").await.click().await.expect("open");
    wait_value(&c, "#incident-id", "saved-work").await;
    assert!(c.find(Locator::Css("#beside")).await.is_err());
    // The link's case is restorable.
    el(&c, "#restore-previous")
        .await
        .click()
        .await
        .expect("restore");
    wait_value(&c, "#incident-id", "2025-03-03-mail-down").await;
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: cargo test --test e2e_tabs -- --include-ignored"]
async fn a_tab_with_unsaved_edits_keeps_them_beside_the_other_tabs_work() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#penalty-amount").await;
    let (a, b) = second_tab(&c, &url).await;
    el(&c, "#penalty-amount").await;
    // Tab A's writes are refused (a full quota), so what it types stays unsaved.
    to(&c, &a).await;
    c.execute(
        "window.__setItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };",
        vec![],
    )
    .await
    .expect("refuses");
    type_into(&c, "#incident-id", "unsaved-in-a").await;
    el(&c, "#storage-failing").await;
    // Tab B writes its own.
    to(&c, &b).await;
    type_into(&c, "#incident-id", "saved-in-b").await;
    // Tab A keeps its own and offers B's, and writes neither over the other meanwhile.
    to(&c, &a).await;
    el(&c, "#other-tab").await;
    assert_eq!(value_of(&c, "#incident-id").await, "unsaved-in-a");
    c.execute("Storage.prototype.setItem = window.__setItem;", vec![])
        .await
        .expect("stores again");
    type_into(&c, "#contract-price", "2000000").await;
    to(&c, &b).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(value_of(&c, "#incident-id").await, "saved-in-b");
    assert_eq!(value_of(&c, "#contract-price").await, "1000000.00");
    // Chosen: the other tab's version, this tab's own restorable.
    to(&c, &a).await;
    el(&c, "#use-other-tab").await.click().await.expect("use");
    wait_value(&c, "#incident-id", "saved-in-b").await;
    assert!(c.find(Locator::Css("#other-tab")).await.is_err());
    el(&c, "#restore-previous")
        .await
        .click()
        .await
        .expect("restore");
    wait_value(&c, "#incident-id", "unsaved-in-a").await;
    // Now written, and taken by B.
    to(&c, &b).await;
    wait_value(&c, "#incident-id", "unsaved-in-a").await;
    wait_value(&c, "#contract-price", "2000000").await;
    c.close().await.expect("closes");
}

/// Saves the top of the page with the "beside" notice in both languages (to look at).
async fn shoot_beside(c: &Client, wd: u16, dir: &std::path::Path) {
    let session = c.session_id().await.expect("session").unwrap_or_default();
    for (width, mobile) in [(1280u32, false), (360, true)] {
        let metrics = serde_json::json!({
            "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": mobile,
        });
        browser::cdp(wd, &session, "Emulation.setDeviceMetricsOverride", metrics);
        for _ in 0..2 {
            let lang = c
                .execute("return document.documentElement.lang;", vec![])
                .await
                .expect("lang");
            c.execute("window.scrollTo(0, 0);", vec![])
                .await
                .expect("scrolls");
            tokio::time::sleep(Duration::from_millis(300)).await;
            let png = c.screenshot().await.expect("screenshot");
            let file = dir.join(format!(
                "beside-{}-{width}.png",
                lang.as_str().unwrap_or("x")
            ));
            std::fs::write(&file, png).expect("written");
            println!("screenshot: {}", file.display());
            el(c, "#lang-switch").await.click().await.expect("switch");
        }
    }
    browser::cdp(
        wd,
        &session,
        "Emulation.clearDeviceMetricsOverride",
        serde_json::json!({}),
    );
}
