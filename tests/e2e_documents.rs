//! End-to-end: results pasted into Word and WPS (issue #16), in the built page in headless
//! Chromium with the clipboard allowed: "Copy for documents" puts a `text/html` table (with
//! plain text beside it) on the clipboard, for one incident and for the ledger; "Copy timeline
//! as image" a PNG of the timeline's own size; the ledger's link copied opens as the ledger;
//! the ledger's `.xlsx` as the workbook module writes it reads back (sheets, incidents) with
//! the project's own reader, and "Export Excel (.xlsx)" saves that same workbook as a file.
//! The parts doing this are loaded on demand and nothing leaves the origin.
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use base64::Engine;
use browser::{cdp, el, import_ledger, start, wait_rows, wait_text, EXAMPLE_LEDGER};
use fantoccini::Client;
use serde_json::{json, Value};

/// Allows the page's origin to read and write the clipboard (as a person's click would write).
async fn allow_clipboard(c: &Client, wd: u16, url: &str) {
    let session = c.session_id().await.expect("session").expect("an id");
    cdp(
        wd,
        &session,
        "Browser.grantPermissions",
        json!({ "origin": url.trim_end_matches('/'), "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
    );
}

/// Clicks `#id` and waits until the page says that part ran (`#part-status` marked with it).
async fn run_part(c: &Client, id: &str) {
    el(c, &format!("#{id}")).await.click().await.expect("click");
    el(c, &format!("#part-status[data-done='{id}']")).await;
}

/// The clipboard's items: for each, its types and, for text ones, the text; for an image
/// its width and height.
async fn clipboard(c: &Client) -> Value {
    c.execute_async(
        r#"const done = arguments[arguments.length - 1];
           (async () => {
             const out = [];
             for (const item of await navigator.clipboard.read()) {
               const e = { types: item.types };
               for (const t of item.types) {
                 const b = await item.getType(t);
                 if (t.startsWith("text/")) e[t] = await b.text();
                 else { const i = await createImageBitmap(b); e.size = [i.width, i.height]; }
               }
               out.push(e);
             }
             return out;
           })().then(done, (e) => done(String(e)));"#,
        vec![],
    )
    .await
    .expect("clipboard read")
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn one_incident_copies_as_a_table_and_its_timeline_as_a_png() {
    let (url, c, wd, _server, _driver) = start().await;
    allow_clipboard(&c, wd, &url).await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#timeline svg.tl").await;
    run_part(&c, "copy-document").await;
    let items = clipboard(&c).await;
    let html = items[0]["text/html"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let text = items[0]["text/plain"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    // The worked example: the restore (L4.1) due 2025-03-03 10:10, restored the next day at
    // 15:00, missed; 2 started days × 0.25 % × ¥1,000,000.00 = ¥5,000.00 under the cap.
    for want in [
        "<table",
        "2025-03-03 10:10",
        "2025-03-04 15:00",
        "¥5,000.00",
        "L4.1",
        "#c=",
    ] {
        assert!(html.contains(want), "{want}: {html}");
    }
    assert!(text.contains("¥5,000.00") && text.contains('\t'), "{text}");
    // "Copy timeline as image": a PNG of the drawing's own size.
    run_part(&c, "copy-timeline").await;
    let items = clipboard(&c).await;
    let size = items[0]["size"].clone();
    let view = c
        .execute(
            "const b = document.querySelector('#timeline svg.tl').viewBox.baseVal; return [Math.round(b.width), Math.round(b.height)];",
            vec![],
        )
        .await
        .expect("viewBox");
    assert_eq!(size, view);
    let origin = url.trim_end_matches('/');
    let outside = c
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(arguments[0]));",
            vec![json!(origin)],
        )
        .await
        .expect("resources");
    assert_eq!(outside, json!([]), "nothing leaves the origin");
    c.close().await.ok();
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn the_ledger_copies_as_a_table_a_link_and_a_workbook() {
    let (url, c, wd, _server, _driver) = start().await;
    allow_clipboard(&c, wd, &url).await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#ledger-import").await;
    import_ledger(&c, EXAMPLE_LEDGER).await;
    let ids = wait_rows(&c, 6).await;
    let total = wait_text(&c, "#ledger-total", |t| t.starts_with('¥')).await;
    run_part(&c, "ledger-copy-document").await;
    let items = clipboard(&c).await;
    let html = items[0]["text/html"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    for id in &ids {
        assert!(html.contains(id.as_str()), "{id}: {html}");
    }
    let amount = total.split_whitespace().next().unwrap_or_default();
    assert!(html.contains(amount), "{amount}: {html}");
    // The ledger's link: one link that opens as this ledger, with the same total.
    run_part(&c, "ledger-copy-link").await;
    let link = clipboard(&c).await[0]["text/plain"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(link.contains("#c="), "{link}");
    let (url2, c2, _wd2, _server2, _driver2) = start().await;
    let fragment = link.split_once('#').map(|x| x.1).unwrap_or_default();
    c2.goto(&format!("{url2}#{fragment}"))
        .await
        .expect("link opens");
    assert_eq!(wait_rows(&c2, 6).await, ids);
    assert_eq!(
        wait_text(&c2, "#ledger-total", |t| t.starts_with('¥')).await,
        total
    );
    c2.close().await.ok();
    // The workbook the ledger's .xlsx export writes: two sheets; the incidents read back.
    let b64 = c
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               import("./workbook/workbook.js").then((m) => {
                 const bytes = m.xlsx_of_link(arguments[0], "zh-CN");
                 let s = ""; for (const b of bytes) s += String.fromCharCode(b);
                 done(btoa(s));
               }, (e) => done(String(e)));"#,
            vec![json!(link)],
        )
        .await
        .expect("xlsx");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64.as_str().unwrap_or_default())
        .expect("base64");
    let read = slacalc_workbook::read_workbook(
        &bytes,
        &slacalc_workbook::SheetChoice::Named("事件".into()),
    )
    .expect("the incidents sheet reads");
    assert_eq!(read.sheets, ["评估结果", "事件"]);
    let terms = slacalc::terms::TermsSpec::Preset(slacalc::case::PRESET_EYOU_SDJU.into());
    let back = slacalc::table::read_grid(&read.grid, &terms, &Default::default());
    let back_ids: Vec<&str> = back.incidents.iter().map(|(_, i)| i.id.as_str()).collect();
    assert_eq!(back_ids, ids, "{:?}", back.problems);

    // "Export Excel (.xlsx)" saves that workbook as a file, as a person's click does.
    let dir = std::env::temp_dir().join(format!("slacalc-download-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("download folder");
    let session = c.session_id().await.expect("session").expect("an id");
    cdp(
        wd,
        &session,
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": dir.to_string_lossy() }),
    );
    run_part(&c, "ledger-export-xlsx").await;
    let file = dir.join("slacalc-ledger.xlsx");
    let mut saved = Vec::new();
    for _ in 0..100 {
        saved = std::fs::read(&file).unwrap_or_default();
        if !saved.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // The page is in English here: so are the sheets' names and headers.
    let read = slacalc_workbook::read_workbook(
        &saved,
        &slacalc_workbook::SheetChoice::Named("incidents".into()),
    )
    .expect("the saved workbook reads");
    assert_eq!(read.sheets, ["assessed", "incidents"]);
    let again = slacalc::table::read_grid(&read.grid, &terms, &Default::default());
    let again_ids: Vec<&str> = again.incidents.iter().map(|(_, i)| i.id.as_str()).collect();
    assert_eq!(again_ids, ids);
    let _ = std::fs::remove_dir_all(&dir);
    c.close().await.ok();
}

/// Clicks "Print ledger" with the browser's print dialog replaced by a counter (headless
/// Chromium has no dialog to close), and shows the page as printed.
async fn print_ledger(c: &Client, wd: u16) {
    c.execute(
        "window.__printed = 0; window.print = () => { window.__printed += 1; };",
        vec![],
    )
    .await
    .expect("script");
    el(c, "#ledger-print")
        .await
        .click()
        .await
        .expect("print ledger");
    el(c, "#ledger-sheet").await;
    let printed = c
        .execute("return window.__printed;", vec![])
        .await
        .expect("count");
    assert_eq!(printed, json!(1), "the print dialog was asked for once");
    browser::emulate_media(c, wd, json!({ "media": "print" })).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn a_ledger_prints_with_its_summary_and_its_links_qr_code_or_says_it_is_too_long() {
    let (url, c, wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#ledger-import").await;
    import_ledger(&c, EXAMPLE_LEDGER).await;
    wait_rows(&c, 6).await;
    let total = wait_text(&c, "#ledger-total", |t| t.starts_with('¥')).await;
    print_ledger(&c, wd).await;
    // The ledger's sheet in place of the incident's: its total, its rows, its link as a QR code.
    assert!(
        c.find(fantoccini::Locator::Css("#print-sheet"))
            .await
            .is_err(),
        "one sheet printed: the ledger's"
    );
    assert!(el(&c, "#ledger-sheet")
        .await
        .is_displayed()
        .await
        .expect("shown"));
    assert_eq!(
        wait_text(&c, "#ledger-sheet-total", |t| !t.is_empty()).await,
        total
    );
    let rows = c
        .find_all(fantoccini::Locator::Css("#ledger-sheet-incidents tbody tr"))
        .await
        .expect("rows");
    assert_eq!(rows.len(), 6);
    el(&c, "#ledger-share-qr").await;
    let link = wait_text(&c, "#ledger-sheet-link", |t| t.contains("#c=")).await;
    // The link printed opens as the same ledger.
    let (_, c2, _, _s2, _d2) = start().await;
    c2.goto(&link).await.expect("link opens");
    assert_eq!(
        wait_text(&c2, "#ledger-total", |t| t.starts_with('¥')).await,
        total
    );
    c2.close().await.ok();
    c.close().await.ok();

    // 1,000 incidents: the link fits no QR code, and the sheet says so.
    let (url, c, wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#ledger-import").await;
    let csv = browser::thousand_incidents_csv();
    let file = std::env::temp_dir().join(format!("slacalc-print-{}.csv", std::process::id()));
    std::fs::write(&file, csv).expect("written");
    import_ledger(&c, file.to_str().unwrap_or_default()).await;
    wait_text(&c, "#ledger-shown", |t| t.contains("1000")).await;
    wait_text(&c, "#ledger-total", |t| t.starts_with('¥')).await;
    print_ledger(&c, wd).await;
    let note = wait_text(&c, "#ledger-share-qr-too-long", |t| !t.is_empty()).await;
    assert!(note.contains("QR") || note.contains("二维码"), "{note}");
    assert!(c
        .find(fantoccini::Locator::Css("#ledger-share-qr"))
        .await
        .is_err());
    let listed = c
        .find_all(fantoccini::Locator::Css("#ledger-sheet-incidents tbody tr"))
        .await
        .expect("rows");
    assert_eq!(
        listed.len(),
        40,
        "the first 40 listed, the rest in the link and exports"
    );
    let _ = std::fs::remove_file(&file);
    c.close().await.ok();
}
