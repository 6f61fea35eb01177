//! End-to-end: incident logs as Chinese offices save them (issue #16), imported into the
//! ledger of the built page in headless Chromium: a GBK CSV with Chinese headers and
//! `2025/3/3 8:10` times, and a UTF-16 tab-separated file with `2025年3月3日 8时10分` times and
//! serial numbers, each open as the same ledger as `examples/incidents.csv` (the same rows,
//! the same bad line, the same total after the cap). The fixtures are made by
//! `tests/fixtures/spreadsheets/make.py`.
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{
    choose_ledger_file, el, import_ledger, start, text_of, wait_rows, wait_text, EXAMPLE_LEDGER,
};
use fantoccini::{Client, Locator};

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

/// The page's resources so far: each address (performance entries, the page's own included).
async fn requests(c: &Client) -> Vec<String> {
    let v = c
        .execute(
            "return [location.href, ...performance.getEntriesByType('resource').map(e => e.name)];",
            vec![],
        )
        .await
        .expect("script");
    serde_json::from_value(v).expect("a list of addresses")
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn the_workbook_module_loads_only_when_a_workbook_is_picked() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/spreadsheets");
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#ledger-import").await;
    // A CSV reads without it.
    import_ledger(&c, &format!("{fixtures}/incidents-gbk.csv")).await;
    wait_rows(&c, 6).await;
    let before = requests(&c).await;
    assert!(
        !before.iter().any(|r| r.contains("/workbook/")),
        "not loaded for a CSV: {before:?}"
    );
    // A workbook: the module comes, from this origin, and reads it.
    choose_ledger_file(&c, &format!("{fixtures}/ledger-openpyxl.xlsx")).await;
    let report = wait_text(&c, "#ledger-confirm-text", |t| t.contains("xlsx")).await;
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
    let after = requests(&c).await;
    assert!(
        after.iter().any(|r| r.ends_with("/workbook/workbook.js")),
        "{after:?}"
    );
    let origin = url.trim_end_matches('/');
    let outside: Vec<&String> = after.iter().filter(|r| !r.starts_with(origin)).collect();
    assert!(
        outside.is_empty(),
        "requests outside the origin: {outside:?}"
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
