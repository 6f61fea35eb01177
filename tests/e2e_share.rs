//! End-to-end sharing (issue #5): drives the built page (`dist/`) in headless Chromium through
//! chromedriver. The embed snippet from "Copy embed code" in a page of its own (served, and
//! opened from a file) sizes its iframe from the height the card reports; the printable sheet
//! prints as one A4 page with its clauses and QR code; the JS API example calls the module.
//! Run by `make test` (it needs `dist/` and chromedriver).
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{cli_link, dist, el, emulate_media, start, wait_text};
use fantoccini::{Client, Locator};
use std::path::PathBuf;
use std::process::Command;

/// A directory of test pages inside `dist/`, removed when the test ends.
struct TempDir(PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_in_dist(name: &str) -> TempDir {
    let d = dist().join(format!("e2e-share-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).expect("a test directory in dist/");
    TempDir(d)
}

/// A host page: the embed snippet, and a line that shows the last height the card reported.
fn host_page(snippet: &str) -> String {
    format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>host</title></head>
<body><p>Host page</p>
{snippet}
<p id="reported">none</p>
<script>
window.addEventListener("message", function (e) {{
  if (e.data && e.data.slacalc === "height") document.getElementById("reported").textContent = String(e.data.height);
}});
</script></body></html>"#
    )
}

/// Opens a host page and checks the card inside its iframe: a height > 0 reported and applied,
/// the worked example's damages, and no editing control.
async fn check_host(c: &Client, host_url: &str, link: &str) {
    c.goto(host_url).await.expect("host page opens");
    let reported = wait_text(c, "#reported", |t| t.parse::<f64>().is_ok_and(|h| h > 0.0)).await;
    let height: f64 = reported.parse().expect("a number");
    let applied = el(c, "iframe")
        .await
        .attr("style")
        .await
        .expect("style")
        .unwrap_or_default();
    assert!(
        applied.contains(&format!("height: {height}px")),
        "the snippet sizes the iframe to {height}px: {applied}"
    );
    el(c, "iframe")
        .await
        .enter_frame()
        .await
        .expect("enters the iframe");
    let amount = wait_text(c, "#verdict-amount", |t| t == "¥5,000.00").await;
    assert_eq!(amount, "¥5,000.00");
    let controls = c
        .find_all(Locator::Css("input, select, textarea, button"))
        .await
        .expect("query");
    assert!(controls.is_empty(), "the card has no editing control");
    let full = el(c, "#open-full")
        .await
        .attr("href")
        .await
        .expect("href")
        .unwrap_or_default();
    assert_eq!(full, link, "opens the full calculator without &embed=1");
    c.enter_parent_frame().await.expect("back to the host");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by make test"]
async fn the_embed_snippet_sizes_its_iframe_and_shows_the_card() {
    let (url, c, _wd, _server, _driver) = start().await;
    let link = cli_link(&url);
    c.goto(&link).await.expect("link opens");
    wait_text(&c, "#penalty-amount", |t| t == "¥5,000.00").await;
    el(&c, "#copy-embed")
        .await
        .click()
        .await
        .expect("copy embed code");
    let snippet = el(&c, "#embed-code")
        .await
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default();
    assert!(snippet.contains("<iframe"), "{snippet}");

    // Served next to the page.
    let dir = temp_in_dist("embed");
    std::fs::write(dir.0.join("host.html"), host_page(&snippet)).expect("host page");
    let name = dir.0.file_name().and_then(|n| n.to_str()).unwrap_or("");
    check_host(&c, &format!("{url}{name}/host.html"), &link).await;

    // Opened from a file.
    let file = std::env::temp_dir().join(format!("slacalc-host-{}.html", std::process::id()));
    std::fs::write(&file, host_page(&snippet)).expect("host file");
    let file_url = format!("file://{}", file.display());
    check_host(&c, &file_url, &link).await;
    let _ = std::fs::remove_file(&file);
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by make test"]
async fn the_printable_sheet_is_one_a4_page_with_its_clauses_and_qr_code() {
    let (url, c, wd_port, _server, _driver) = start().await;
    c.goto(&cli_link(&url)).await.expect("link opens");
    wait_text(&c, "#penalty-amount", |t| t == "¥5,000.00").await;
    el(&c, "#print").await;
    let qr = el(&c, "svg#share-qr path")
        .await
        .attr("d")
        .await
        .expect("d")
        .unwrap_or_default();
    assert!(qr.len() > 100, "the QR code is drawn: {qr}");

    // In print media only the sheet shows, with the clause texts and the share link.
    emulate_media(&c, wd_port, serde_json::json!({ "media": "print" })).await;
    assert!(el(&c, "#print-sheet")
        .await
        .is_displayed()
        .await
        .expect("shown"));
    for hidden in ["#result", ".inputs", "#print", "#copy-embed"] {
        assert!(
            !el(&c, hidden).await.is_displayed().await.expect("display"),
            "{hidden} is not printed"
        );
    }
    let clauses = el(&c, "#sheet-clauses").await.text().await.expect("text");
    for id in ["L1.2", "L2.1", "L3.3a", "L4.1", "L4.2", "L4.3"] {
        assert!(clauses.contains(id), "{id} quoted: {clauses}");
    }
    assert!(
        clauses.contains("最终违约金不超过合同总价的5%"),
        "{clauses}"
    );
    assert!(
        el(&c, "#sheet-link")
            .await
            .text()
            .await
            .expect("text")
            .contains("#c=1"),
        "the link as text"
    );
    assert_eq!(
        el(&c, "#sheet-digest")
            .await
            .text()
            .await
            .expect("text")
            .len(),
        16
    );
    emulate_media(&c, wd_port, serde_json::json!({ "media": "" })).await;

    // The WebDriver Print Page command: A4 by default.
    let pdf = c
        .print(
            fantoccini::wd::PrintConfiguration::builder()
                .background(true)
                .build()
                .expect("print settings"),
        )
        .await
        .expect("prints");
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let count = |needle: &[u8]| pdf.windows(needle.len()).filter(|w| *w == needle).count();
    let pages = count(b"/Type /Page") - count(b"/Type /Pages");
    assert_eq!(pages, 1, "one page");
    // The printed text itself (pdftotext, Debian's poppler-utils, installed by scripts/setup)
    // holds the clause ids, the amount and the link.
    let file = std::env::temp_dir().join(format!("slacalc-sheet-{}.pdf", std::process::id()));
    std::fs::write(&file, &pdf).expect("PDF written");
    let text = Command::new("pdftotext")
        .args(["-layout", file.to_str().unwrap_or_default(), "-"])
        .output()
        .expect("pdftotext runs");
    let _ = std::fs::remove_file(&file);
    let text = String::from_utf8_lossy(&text.stdout);
    for id in ["L4.1", "L4.2", "L4.3", "¥5,000.00", "#c=1"] {
        assert!(text.contains(id), "{id} printed: {text}");
    }
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by make test"]
async fn the_js_api_example_calls_assess_and_link() {
    let (url, c, _wd, _server, _driver) = start().await;
    let dir = temp_in_dist("api");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/js-api.html"),
        dir.0.join("js-api.html"),
    )
    .expect("example copied");
    let name = dir.0.file_name().and_then(|n| n.to_str()).unwrap_or("");
    c.goto(&format!("{url}{name}/js-api.html"))
        .await
        .expect("example opens");
    let status = wait_text(&c, "#status", |t| {
        t.contains("done") || t.contains("failed")
    })
    .await;
    assert!(status.contains("done"), "{status}");
    let out = el(&c, "#assess-out").await.text().await.expect("text");
    assert!(out.contains("penalty.amount = 5000.00"), "{out}");
    let link = el(&c, "#link-out").await.text().await.expect("text");
    assert_eq!(link, cli_link(&url), "the same link as the CLI");
    let errors = el(&c, "#error-out").await.text().await.expect("text");
    assert!(errors.contains("contract.price"), "{errors}");
    c.close().await.expect("closes");
}
