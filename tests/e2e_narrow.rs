//! End-to-end: no view of the built page scrolls sideways on a 360 px phone (issue #17): the
//! main view with the worked example, the ledger, the print preview and the embed card. The
//! deadlines table stacks its rows there, each time with its label; the ledger's table and the
//! timeline scroll inside their own box, never the page.
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{cdp, el, emulate_media, import_ledger, start, wait_text, EXAMPLE_LEDGER};
use fantoccini::Client;
use serde_json::json;

/// The document's width against the viewport's, and what sticks out of the viewport (for
/// the message).
async fn widths(c: &Client) -> (u64, u64, String) {
    let v = c
        .execute(
            "const w = window.innerWidth; return [document.documentElement.scrollWidth, w, \
             [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1) \
             .slice(0, 5).map(e => e.tagName + '#' + e.id).join(' ')];",
            vec![],
        )
        .await
        .expect("script");
    (
        v[0].as_u64().expect("scrollWidth"),
        v[1].as_u64().expect("innerWidth"),
        v[2].as_str().unwrap_or_default().to_string(),
    )
}

async fn assert_no_sideways_scroll(c: &Client, view: &str) {
    let (scroll, viewport, out) = widths(c).await;
    assert!(
        scroll <= viewport,
        "{view}: the page is {scroll} px wide in a {viewport} px viewport (sticking out: {out})"
    );
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn no_view_scrolls_sideways_at_360_px() {
    let (url, c, wd, _server, _driver) = start().await;
    let session = c.session_id().await.expect("session").expect("an id");
    cdp(
        wd,
        &session,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 360, "height": 800, "deviceScaleFactor": 2, "mobile": false }),
    );
    c.goto(&url).await.expect("page opens");
    el(&c, "#deadlines").await;
    assert_no_sideways_scroll(&c, "main").await;
    // The deadlines stack, each time labelled.
    let label = c
        .execute(
            "const td = document.querySelector('#deadlines tr.deadline td[data-label]'); \
             return [getComputedStyle(td).display, getComputedStyle(td, '::before').content];",
            vec![],
        )
        .await
        .expect("script");
    assert_eq!(label[0], "block", "{label}");
    assert!(
        label[1].as_str().is_some_and(|t| t.contains("Due")),
        "{label}"
    );
    // The ledger.
    import_ledger(&c, EXAMPLE_LEDGER).await;
    wait_text(&c, "#ledger-total", |t| t.starts_with('¥')).await;
    assert_no_sideways_scroll(&c, "ledger").await;
    // The print preview.
    emulate_media(&c, wd, json!({ "media": "print" })).await;
    assert_no_sideways_scroll(&c, "print").await;
    emulate_media(&c, wd, json!({ "media": "" })).await;
    // The embed card of the page's own share link.
    let link = c
        .execute(
            "return document.querySelector('#share-link').value;",
            vec![],
        )
        .await
        .expect("script");
    let link = link.as_str().expect("a link").to_string();
    c.goto(&format!("{link}&embed=1"))
        .await
        .expect("card opens");
    wait_text(&c, "#verdict-amount", |t| t.starts_with('¥')).await;
    assert_no_sideways_scroll(&c, "embed card").await;
    c.close().await.ok();
}
