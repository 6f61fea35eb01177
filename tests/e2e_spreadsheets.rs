//! End-to-end: incident logs as Chinese offices save them (issue #16), imported into the
//! ledger of the built page in headless Chromium: a GBK CSV with Chinese headers and
//! `2025/3/3 8:10` times, and a UTF-16 tab-separated file with `2025年3月3日 8时10分` times and
//! serial numbers, each open as the same ledger as `examples/incidents.csv` (the same rows,
//! the same bad line, the same total after the cap). The fixtures are made by
//! `tests/fixtures/spreadsheets/make.py`.
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{el, import_ledger, start, wait_rows, wait_text, EXAMPLE_LEDGER};

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
async fn gbk_and_utf16_logs_open_as_the_example_ledger() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/spreadsheets");
    let (ids, total, bad) = ledger_of(EXAMPLE_LEDGER).await;
    assert!(bad.contains("line 5"), "{bad}");
    for name in ["incidents-gbk.csv", "incidents-utf16.txt"] {
        let (i, t, b) = ledger_of(&format!("{fixtures}/{name}")).await;
        assert_eq!(i, ids, "{name}");
        assert_eq!(t, total, "{name}");
        assert!(b.contains("line 5"), "{name}: {b}");
    }
}
