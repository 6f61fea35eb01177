//! End-to-end: restore points (issue #14). The work before a destructive action is kept in
//! the browser's IndexedDB, survives a reload, is listed under "History" newest first and can
//! be brought back (and that undone); only the last 20 are kept, the oldest dropped first.
//! Drives the built `dist/` in headless Chromium (`make e2e`).
//! With `SLACALC_SHOTS=dir`, the open list is also photographed in both languages.
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{click, el, start, type_into, wait_text, wait_value};
use fantoccini::{Client, Locator};
use std::time::Duration;

/// The incident ids of the restore points kept in IndexedDB, oldest first, read by a script
/// of the test (not of the page).
async fn kept_ids(c: &Client) -> Vec<String> {
    let found = c
        .execute_async(
            r#"const done = arguments[0];
               const open = indexedDB.open('slacalc', 1);
               open.onsuccess = () => {
                 const db = open.result;
                 const all = db.transaction('restore_points').objectStore('restore_points').getAll();
                 all.onsuccess = () => { db.close(); done(all.result.map(p => JSON.parse(p.work).form.id)); };
                 all.onerror = () => done([]);
               };
               open.onerror = () => done([]);"#,
            vec![],
        )
        .await
        .expect("script runs");
    serde_json::from_value(found).expect("a list")
}

/// The violations axe-core finds in `context` (WCAG 2 A and AA, best practices).
async fn violations(c: &Client, context: &str) -> Vec<String> {
    let axe = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/.tools/axe/node_modules/axe-core/axe.min.js"
    );
    let source = std::fs::read_to_string(axe).expect("axe-core is installed (make setup)");
    c.execute(&format!("{source}; return 1;"), vec![])
        .await
        .expect("axe loads");
    let found = c
        .execute_async(
            r#"const [context, done] = arguments;
               axe.run(document.querySelector(context), {
                 runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                 rules: { 'region': { enabled: false } }
               }).then(r => done(r.violations.map(v => `${v.id}: ${v.help} ${v.nodes.map(n => n.target.join(' ')).join(' | ')}`)),
                 e => done(['axe failed: ' + e]));"#,
            vec![serde_json::json!(context)],
        )
        .await
        .expect("axe runs");
    serde_json::from_value(found).expect("a list")
}

/// The items of the open History list.
async fn items(c: &Client) -> Vec<String> {
    let mut out = Vec::new();
    for e in c
        .find_all(Locator::Css("#history-list .history-label"))
        .await
        .unwrap_or_default()
    {
        out.push(e.text().await.unwrap_or_default());
    }
    out
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn the_work_before_clearing_comes_back_after_a_reload_and_the_restore_undoes() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#penalty-amount").await;
    type_into(&c, "#incident-id", "my-mail-outage").await;
    click(&c, "#clear-incident").await;
    wait_value(&c, "#incident-id", "1").await;

    // Kept before the reload: listed under History.
    click(&c, "#history-open").await;
    let first = wait_text(
        &c,
        "#history-list .history-item:first-child .history-label",
        |t| t.starts_with("before clearing the incident, "),
    )
    .await;
    assert!(
        first.len() <= "before clearing the incident, 00:00".len(),
        "{first}"
    );
    let holds = wait_text(
        &c,
        "#history-list .history-item:first-child .history-holds",
        |t| !t.is_empty(),
    )
    .await;
    assert_eq!(holds, "incident my-mail-outage");
    // The open list has no accessibility violation (axe-core, as e2e_a11y runs it).
    let found = violations(&c, "#history-panel").await;
    assert!(found.is_empty(), "{found:#?}");
    click(&c, "#history-close").await;

    // After a reload the cleared form is there (saved work) and so is the point.
    c.refresh().await.expect("reloads");
    wait_value(&c, "#incident-id", "1").await;
    click(&c, "#history-open").await;
    wait_text(
        &c,
        "#history-list .history-item:first-child .history-label",
        |t| t.starts_with("before clearing the incident"),
    )
    .await;
    assert_eq!(items(&c).await.len(), 1);
    click(
        &c,
        "#history-list .history-item:first-child .history-restore",
    )
    .await;
    wait_value(&c, "#incident-id", "my-mail-outage").await;
    let said = wait_text(&c, "#history-restored", |t| t.contains("Brought back")).await;
    assert!(said.contains("before clearing the incident"), "{said}");

    // Bringing it back kept the cleared work as a point too, listed first.
    wait_text(
        &c,
        "#history-list .history-item:first-child .history-label",
        |t| t.starts_with("before bringing back "),
    )
    .await;
    assert_eq!(items(&c).await.len(), 2);

    // Undo: the cleared form again, no new point.
    click(&c, "#history-undo").await;
    wait_value(&c, "#incident-id", "1").await;
    assert!(c.find(Locator::Css("#history-restored")).await.is_err());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(items(&c).await.len(), 2);

    // Escape closes the list, and the focus goes back to its button.
    el(&c, "#history-close")
        .await
        .send_keys("\u{e00c}")
        .await
        .expect("escape");
    for _ in 0..50 {
        if c.find(Locator::Css("#history-panel")).await.is_err() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(c.find(Locator::Css("#history-panel")).await.is_err());
    let focused = c
        .execute("return document.activeElement.id;", vec![])
        .await
        .expect("script");
    assert_eq!(focused, "history-open");
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn only_the_last_twenty_points_are_kept_the_oldest_dropped() {
    let (url, c, wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#penalty-amount").await;
    // 22 destructive actions, each over an incident of its own id.
    for i in 0..22 {
        type_into(&c, "#incident-id", &format!("n-{i}")).await;
        wait_value(&c, "#incident-id", &format!("n-{i}")).await;
        click(&c, "#clear-incident").await;
        wait_value(&c, "#incident-id", "1").await;
    }
    let want: Vec<String> = (2..22).map(|i| format!("n-{i}")).collect();
    let mut kept = Vec::new();
    for _ in 0..100 {
        kept = kept_ids(&c).await;
        if kept == want {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(kept, want, "the 20 newest, oldest first");

    // Listed newest first; the last item is the oldest kept (n-2) and comes back.
    click(&c, "#history-open").await;
    el(&c, "#history-list").await;
    assert_eq!(items(&c).await.len(), 20);
    if let Ok(dir) = std::env::var("SLACALC_SHOTS") {
        shots(&c, wd, &dir).await;
    }
    click(
        &c,
        "#history-list .history-item:last-child .history-restore",
    )
    .await;
    wait_value(&c, "#incident-id", "n-2").await;
    if let Ok(dir) = std::env::var("SLACALC_SHOTS") {
        el(&c, "#history-undo").await;
        tokio::time::sleep(Duration::from_millis(400)).await;
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(format!("{dir}/history-restored-en.png"), png).expect("written");
    }
    // The point of the cleared form is added, and the oldest (n-2) dropped.
    let mut kept = Vec::new();
    for _ in 0..100 {
        kept = kept_ids(&c).await;
        if kept.len() == 20 && kept.last().map(String::as_str) == Some("1") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(kept.first().map(String::as_str), Some("n-3"), "{kept:?}");
    assert_eq!(kept.len(), 20);
    c.close().await.expect("closes");
}

/// Photographs of the open History list, in English and in Chinese (not part of the checks).
async fn shots(c: &Client, wd: u16, dir: &str) {
    let session = c.session_id().await.expect("session").expect("an id");
    let metrics = serde_json::json!({
        "width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false,
    });
    browser::cdp(wd, &session, "Emulation.setDeviceMetricsOverride", metrics);
    std::fs::create_dir_all(dir).expect("shots dir");
    for lang in ["en", "zh"] {
        if lang == "zh" {
            click(c, "#lang-switch").await;
            wait_text(c, "#history-open", |t| t == "历史").await;
        }
        tokio::time::sleep(Duration::from_millis(400)).await;
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(format!("{dir}/history-{lang}.png"), png).expect("written");
    }
    click(c, "#lang-switch").await;
    wait_text(c, "#history-open", |t| t == "History").await;
}
