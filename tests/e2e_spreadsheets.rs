//! End-to-end: incident logs as Chinese offices save them (issue #16), imported into the
//! ledger of the built page in headless Chromium: a GBK CSV with Chinese headers and
//! `2025/3/3 8:10` times, and a UTF-16 tab-separated file with `2025年3月3日 8时10分` times and
//! serial numbers, each open as the same ledger as `examples/incidents.csv` (the same rows,
//! the same bad line, the same total after the cap). The fixtures are made by
//! `tests/fixtures/spreadsheets/make.py`.
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::recorder::start_recorded;
use browser::{
    choose_ledger_file, el, import_ledger, start, text_of, wait_rows, wait_text, EXAMPLE_LEDGER,
};
use fantoccini::Locator;

/// The ledger a file opens as: its rows, its total after the cap, its bad rows' text.
async fn ledger_of(path: &str) -> (Vec<String>, String, String) {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#ledger-import").await;
    import_ledger(&c, path).await;
    let ids = wait_rows(&c, 6).await;
    let total = wait_text(&c, "#ledger-total", |t| t.starts_with('¥')).await;
    let bad = wait_text(&c, "#ledger-bad-rows", |t| !t.is_empty()).await;
    c.close().await.ok();
    (ids, total, bad)
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn gbk_utf16_and_workbook_logs_open_as_the_example_ledger() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/spreadsheets");
    let (ids, total, bad) = ledger_of(EXAMPLE_LEDGER).await;
    assert!(bad.contains("line 5"), "{bad}");
    for name in [
        "incidents-gbk.csv",
        "incidents-utf16.txt",
        "ledger-openpyxl.xlsx",
        "ledger-xlwt.xls",
        "ledger-odfpy.ods",
    ] {
        let (i, t, b) = ledger_of(&format!("{fixtures}/{name}")).await;
        assert_eq!(i, ids, "{name}");
        assert_eq!(t, total, "{name}");
        assert!(b.contains("line 5"), "{name}: {b}");
    }
}

/// The workbook module's files (the calamine readers and the .xlsx writer).
fn workbook_module(paths: &[String]) -> Vec<&String> {
    paths
        .iter()
        .filter(|p| p.contains("/workbook/workbook.js") || p.contains("slacalc_workbook"))
        .collect()
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn the_workbook_module_loads_only_when_a_workbook_is_picked() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/spreadsheets");
    // Every request goes through the recording server, the import's worker's included.
    let (site, c, _wd, _driver) = start_recorded().await;
    c.goto(&site.url).await.expect("page opens");
    el(&c, "#ledger-import").await;
    assert!(
        !site.log.origin().iter().any(|p| p.contains("/workbook/")),
        "no on-demand part in the first load: {:?}",
        site.log.origin()
    );
    // A CSV is read in the import's worker (the engine's reader in the JS API module) without
    // the workbook module.
    import_ledger(&c, &format!("{fixtures}/incidents-gbk.csv")).await;
    wait_rows(&c, 6).await;
    let before = site.log.origin();
    assert!(
        before.iter().any(|p| p.ends_with("/workbook/reader.js")),
        "read in the worker: {before:?}"
    );
    assert!(
        workbook_module(&before).is_empty(),
        "not loaded for a CSV: {before:?}"
    );
    // A workbook: the module comes, from this origin, and reads it.
    choose_ledger_file(&c, &format!("{fixtures}/ledger-openpyxl.xlsx")).await;
    let report = wait_text(&c, "#ledger-confirm-text", |t| t.contains("xlsx ·")).await;
    assert!(
        report.contains("ledger-openpyxl.xlsx") && report.contains("7"),
        "{report}"
    );
    el(&c, "#ledger-confirm-replace:not([disabled])")
        .await
        .click()
        .await
        .expect("import");
    wait_rows(&c, 6).await;
    let after = site.log.origin();
    assert!(!workbook_module(&after).is_empty(), "{after:?}");
    assert!(
        site.log.foreign().is_empty(),
        "requests outside the origin: {:?}",
        site.log.foreign()
    );
    c.close().await.ok();
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn unknown_columns_are_asked_with_their_values_and_remembered() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/spreadsheets/incidents-unmapped.csv"
    );
    let (_, want_total, _) = ledger_of(EXAMPLE_LEDGER).await;
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#ledger-import").await;
    choose_ledger_file(&c, file).await;
    el(&c, "#ledger-mapping").await;
    let map = [
        ("单号", "id"),
        ("开单", "reported_at"),
        ("紧急程度", "declared_priority"),
        ("波及面", "mailboxes_affected_pct"),
        ("能否使用", "system_usable"),
        ("损坏情况", "seriously_damaged"),
        ("类别", "kind"),
        ("归因", "cause"),
        ("宕机", "interrupted_from"),
        ("复原", "restored_at"),
        ("回电", "phone_response_at"),
        ("远程", "remote_access_at"),
        ("答复", "response_at"),
        ("天灾", "force_majeure"),
        ("客户停工", "customer_pauses"),
        ("备注", "-"),
    ];
    let asked = c
        .find_all(Locator::Css("#ledger-mapping select"))
        .await
        .expect("questions");
    assert_eq!(asked.len(), map.len());
    // Each question shows the column's first values; nothing can be imported yet.
    let first = text_of(&c, "#ledger-mapping li").await;
    assert!(
        first.contains("单号") && first.contains("2025-03-03-mail-down"),
        "{first}"
    );
    assert!(c
        .find(Locator::Css("#ledger-confirm-replace[disabled]"))
        .await
        .is_ok());
    for (column, field) in map {
        el(
            &c,
            &format!("#ledger-mapping select[data-column='{column}']"),
        )
        .await
        .select_by_value(field)
        .await
        .expect("answered");
    }
    let report = wait_text(&c, "#ledger-confirm-text", |t| {
        t.contains("named by you 15")
    })
    .await;
    assert!(report.contains("left out 1"), "{report}");
    el(&c, "#ledger-confirm-replace:not([disabled])")
        .await
        .click()
        .await
        .expect("import");
    wait_rows(&c, 6).await;
    assert_eq!(
        wait_text(&c, "#ledger-total", |t| t.starts_with('¥')).await,
        want_total
    );
    // The same header again: the answers are remembered, the import is ready at once.
    choose_ledger_file(&c, file).await;
    let report = wait_text(&c, "#ledger-confirm-text", |t| {
        t.contains("named by you 15")
    })
    .await;
    assert!(
        report.contains("Importing replaces the 6 incidents"),
        "{report}"
    );
    assert!(c
        .find(Locator::Css("#ledger-confirm-replace:not([disabled])"))
        .await
        .is_ok());
    c.close().await.ok();
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn a_10000_row_workbook_imports_with_a_progress_bar() {
    let dir = std::env::temp_dir().join(format!("slacalc-e2e-10000-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let xlsx = dir.join("ledger-10000.xlsx");
    let incidents = browser::ten_thousand_incidents();
    let bytes =
        slacalc_workbook::incidents_xlsx(&incidents, slacalc::text::Lang::Zh).expect("xlsx");
    std::fs::write(&xlsx, bytes).expect("written");
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#ledger-import").await;
    // Every state of the progress bar the page shows (its text, value and maximum).
    c.execute(
        r#"window.__bars = [];
           new MutationObserver(() => {
             const p = document.querySelector('#ledger-progress');
             const b = document.querySelector('#ledger-progress-bar');
             if (!p || !b) return;
             const seen = [p.textContent, b.getAttribute('value'), b.getAttribute('max')];
             const last = window.__bars[window.__bars.length - 1];
             if (!last || last.join() !== seen.join()) window.__bars.push(seen);
           }).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });"#,
        vec![],
    )
    .await
    .expect("script");
    import_ledger(&c, xlsx.to_str().unwrap_or_default()).await;
    let shown = wait_text(&c, "#ledger-shown", |t| t.contains("10000")).await;
    assert!(shown.contains("1–50"), "{shown}");
    // 10,000 incidents of the worked example's contract: far past the 5 % cap of
    // ¥1,000,000.00 (L4.3), so the total is the cap, ¥50,000.00.
    let total = wait_text(&c, "#ledger-total", |t| t.starts_with('¥')).await;
    assert_eq!(total, "¥50,000.00");
    let bars: Vec<(String, Option<String>, Option<String>)> = serde_json::from_value(
        c.execute("return window.__bars;", vec![])
            .await
            .expect("bars"),
    )
    .expect("a list");
    let part_way = |words: &[&str]| {
        bars.iter().any(|(text, value, max)| {
            let (v, m) = (value.as_deref().unwrap_or(""), max.as_deref().unwrap_or(""));
            words.iter().any(|w| text.contains(w))
                && v.parse::<u64>()
                    .is_ok_and(|v| v > 0 && m.parse::<u64>().is_ok_and(|m| v < m))
        })
    };
    // Its rows read by the module part way, then assessed part way, each shown as it went.
    assert!(part_way(&["读取各行", "Reading the rows"]), "{bars:?}");
    assert!(part_way(&["正在计算", "Assessing"]), "{bars:?}");
    assert!(
        c.find(Locator::Css("#ledger-progress")).await.is_err(),
        "the progress bar goes once the ledger is assessed"
    );
    c.close().await.ok();
    let _ = std::fs::remove_dir_all(&dir);
}
