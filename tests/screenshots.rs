//! `make screenshots`: the main view (the worked example, as a first visit shows it) in
//! Chinese and in English, 1280 px and 360 px wide, the whole page, into `docs/screenshots/`
//! (`main-zh-1280.png`, `main-en-1280.png`, `main-zh-360.png`, `main-en-360.png`). Not a test:
//! ignored, run by `scripts/screenshots` (it needs `dist/`, chromedriver and CJK fonts).
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{cdp, el, start};
use std::path::PathBuf;
use std::time::Duration;

#[tokio::test]
#[ignore = "writes docs/screenshots/: run by `make screenshots`"]
async fn screenshots_of_the_main_view() {
    let (url, c, wd, _server, _driver) = start().await;
    let session = c.session_id().await.expect("session").expect("an id");
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&out).expect("docs/screenshots/");
    for (width, mobile) in [(1280u32, false), (360, true)] {
        for lang in ["zh", "en"] {
            let metrics = |height: u32| {
                serde_json::json!({
                    "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile,
                })
            };
            cdp(
                wd,
                &session,
                "Emulation.setDeviceMetricsOverride",
                metrics(800),
            );
            // A first visit in this language: nothing saved, the language chosen.
            c.goto(&url).await.expect("page opens");
            c.execute(
                "localStorage.clear(); localStorage.setItem('slacalc.lang', arguments[0]);",
                vec![serde_json::json!(lang)],
            )
            .await
            .expect("storage");
            c.refresh().await.expect("reloads");
            el(&c, "#penalty-amount").await;
            tokio::time::sleep(Duration::from_millis(500)).await;
            let height = c
                .execute(
                    "return Math.ceil(document.documentElement.scrollHeight);",
                    vec![],
                )
                .await
                .expect("height")
                .as_u64()
                .unwrap_or(800) as u32;
            cdp(
                wd,
                &session,
                "Emulation.setDeviceMetricsOverride",
                metrics(height),
            );
            tokio::time::sleep(Duration::from_millis(300)).await;
            let png = c.screenshot().await.expect("screenshot");
            let file = out.join(format!("main-{lang}-{width}.png"));
            std::fs::write(&file, png).expect("written");
            println!("screenshots: {} ({width}×{height})", file.display());
        }
    }
    c.close().await.expect("closes");
}

/// A shared link as a phone opens it (issue #17), 390 × 844 px, the first screen only, in both
/// languages: the engine's verdict card (`link-zh-390.png`, `link-en-390.png`) and the one
/// painted from the link before the engine arrives (`link-precomputed-zh-390.png`, …).
#[tokio::test]
#[ignore = "writes docs/screenshots/: run by `make screenshots`"]
async fn screenshots_of_a_link_on_a_phone() {
    let (url, c, wd, _server, _driver) = start().await;
    let session = c.session_id().await.expect("session").expect("an id");
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    let link = browser::cli_link(&url);
    cdp(
        wd,
        &session,
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true }),
    );
    cdp(wd, &session, "Network.enable", serde_json::json!({}));
    for lang in ["zh", "en"] {
        for (blocked, name, css) in [
            (true, "link-precomputed", "#pre-amount"),
            (false, "link", "#verdict-amount"),
        ] {
            c.goto(&url).await.expect("page opens");
            c.execute(
                "localStorage.setItem('slacalc.lang', arguments[0]);",
                vec![serde_json::json!(lang)],
            )
            .await
            .expect("storage");
            let urls = if blocked {
                serde_json::json!(["*slacalc-web_bg.wasm.js"])
            } else {
                serde_json::json!([])
            };
            cdp(
                wd,
                &session,
                "Network.setBlockedURLs",
                serde_json::json!({ "urls": urls }),
            );
            c.goto("about:blank").await.expect("blank");
            c.goto(&link).await.expect("link opens");
            el(&c, css).await;
            tokio::time::sleep(Duration::from_millis(500)).await;
            let png = c.screenshot().await.expect("screenshot");
            let file = out.join(format!("{name}-{lang}-390.png"));
            std::fs::write(&file, png).expect("written");
            println!("screenshots: {} (390×844)", file.display());
        }
    }
    c.close().await.expect("closes");
}

/// The import's report (issue #16) as it asks about a file's unknown columns
/// (`tests/fixtures/spreadsheets/incidents-unmapped.csv`), 1280 px, in both languages: the
/// ledger panel only (`import-zh-1280.png`, `import-en-1280.png`).
#[tokio::test]
#[ignore = "writes docs/screenshots/: run by `make screenshots`"]
async fn screenshots_of_the_import_report() {
    let (url, c, wd, _server, _driver) = start().await;
    let session = c.session_id().await.expect("session").expect("an id");
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&out).expect("docs/screenshots/");
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/spreadsheets/incidents-unmapped.csv"
    );
    cdp(
        wd,
        &session,
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": false }),
    );
    for lang in ["zh", "en"] {
        c.goto(&url).await.expect("page opens");
        c.execute(
            "localStorage.clear(); localStorage.setItem('slacalc.lang', arguments[0]);",
            vec![serde_json::json!(lang)],
        )
        .await
        .expect("storage");
        c.refresh().await.expect("reloads");
        el(&c, "#ledger-import")
            .await
            .send_keys(file)
            .await
            .expect("file chosen");
        // Two questions answered, the rest still asked.
        for (column, field) in [("单号", "id"), ("备注", "-")] {
            el(
                &c,
                &format!("#ledger-mapping select[data-column='{column}']"),
            )
            .await
            .select_by_value(field)
            .await
            .expect("answered");
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = el(&c, "#ledger-panel")
            .await
            .screenshot()
            .await
            .expect("screenshot");
        let path = out.join(format!("import-{lang}-1280.png"));
        std::fs::write(&path, png).expect("written");
        println!("screenshots: {}", path.display());
    }
    c.close().await.expect("closes");
}

/// The holiday rulings of the form (issue #15) as a 2027 notice is read: one ruling already
/// added, the rulings found shown for confirmation, 1280 px, in both languages: the fieldset
/// only (`holidays-zh-1280.png`, `holidays-en-1280.png`).
#[tokio::test]
#[ignore = "writes docs/screenshots/: run by `make screenshots`"]
async fn screenshots_of_the_holiday_rulings() {
    const NOTICE: &str = "国务院办公厅关于2027年部分节假日安排的通知\n国办发明电〔2026〕99号\n\
        一、元旦:1月1日(周五)至3日(周日)放假,共3天。\n\
        二、春节:2月5日(周五)至2月12日(周五)放假调休,共8天。2月7日(周日)、2月20日(周六)上班。";
    let (url, c, wd, _server, _driver) = start().await;
    let session = c.session_id().await.expect("session").expect("an id");
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&out).expect("docs/screenshots/");
    cdp(
        wd,
        &session,
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": 1280, "height": 2400, "deviceScaleFactor": 1, "mobile": false }),
    );
    let paste = "const a = document.querySelector('#holiday-text'); a.value = arguments[0]; \
                 a.dispatchEvent(new Event('input', { bubbles: true }));";
    for lang in ["zh", "en"] {
        c.goto(&url).await.expect("page opens");
        c.execute(
            "localStorage.clear(); localStorage.setItem('slacalc.lang', arguments[0]);",
            vec![serde_json::json!(lang)],
        )
        .await
        .expect("storage");
        c.refresh().await.expect("reloads");
        // The New Year's ruling added first, then the whole notice read and shown.
        let first = NOTICE.lines().take(3).collect::<Vec<_>>().join("\n");
        el(&c, "#holiday-text").await;
        c.execute(paste, vec![serde_json::json!(first)])
            .await
            .expect("paste");
        el(&c, "#holiday-read").await.click().await.expect("read");
        el(&c, "#holiday-add").await.click().await.expect("add");
        el(&c, "#holiday-rulings").await;
        c.execute(paste, vec![serde_json::json!(NOTICE)])
            .await
            .expect("paste");
        el(&c, "#holiday-read").await.click().await.expect("read");
        el(&c, "#holiday-found").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = el(&c, "#holidays")
            .await
            .screenshot()
            .await
            .expect("screenshot");
        let path = out.join(format!("holidays-{lang}-1280.png"));
        std::fs::write(&path, png).expect("written");
        println!("screenshots: {}", path.display());
    }
    c.close().await.expect("closes");
}

/// The terms assumed as a clause table (issue #15), the letter's, 1280 px, in both languages:
/// the table only (`clause-table-zh-1280.png`, `clause-table-en-1280.png`).
#[tokio::test]
#[ignore = "writes docs/screenshots/: run by `make screenshots`"]
async fn screenshots_of_the_clause_table() {
    let (url, c, wd, _server, _driver) = start().await;
    let session = c.session_id().await.expect("session").expect("an id");
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&out).expect("docs/screenshots/");
    cdp(
        wd,
        &session,
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": 1280, "height": 2400, "deviceScaleFactor": 1, "mobile": false }),
    );
    for lang in ["zh", "en"] {
        c.goto(&url).await.expect("page opens");
        c.execute(
            "localStorage.clear(); localStorage.setItem('slacalc.lang', arguments[0]);",
            vec![serde_json::json!(lang)],
        )
        .await
        .expect("storage");
        c.refresh().await.expect("reloads");
        el(&c, "#show-clause-table")
            .await
            .click()
            .await
            .expect("shown");
        el(&c, "#clause-table").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = el(&c, "#clause-table")
            .await
            .screenshot()
            .await
            .expect("screenshot");
        let path = out.join(format!("clause-table-{lang}-1280.png"));
        std::fs::write(&path, png).expect("written");
        println!("screenshots: {}", path.display());
    }
    c.close().await.expect("closes");
}

/// A 10,000-row workbook being imported, its progress bar part way (`import-progress-{zh,en}-1280.png`,
/// the ledger panel), and a ledger's printed sheet as print media shows it
/// (`ledger-sheet-{zh,en}.png`), both issue #16.
#[tokio::test]
#[ignore = "writes docs/screenshots/: run by `make screenshots`"]
async fn screenshots_of_the_ledger_import_and_its_sheet() {
    let (url, c, wd, _server, _driver) = start().await;
    let session = c.session_id().await.expect("session").expect("an id");
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&out).expect("docs/screenshots/");
    let xlsx = std::env::temp_dir().join(format!("slacalc-shot-{}.xlsx", std::process::id()));
    let bytes = slacalc_workbook::incidents_xlsx(
        &browser::ten_thousand_incidents(),
        slacalc::text::Lang::Zh,
    )
    .expect("xlsx");
    std::fs::write(&xlsx, bytes).expect("written");
    cdp(
        wd,
        &session,
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": 1280, "height": 1600, "deviceScaleFactor": 1, "mobile": false }),
    );
    for lang in ["zh", "en"] {
        c.goto(&url).await.expect("page opens");
        c.execute(
            "localStorage.clear(); localStorage.setItem('slacalc.lang', arguments[0]);",
            vec![serde_json::json!(lang)],
        )
        .await
        .expect("storage");
        c.refresh().await.expect("reloads");
        browser::choose_ledger_file(&c, xlsx.to_str().unwrap_or_default()).await;
        el(&c, "#ledger-progress-bar[value]").await;
        let png = el(&c, "#ledger-panel")
            .await
            .screenshot()
            .await
            .expect("screenshot");
        let path = out.join(format!("import-progress-{lang}-1280.png"));
        std::fs::write(&path, png).expect("written");
        println!("screenshots: {}", path.display());
        // The example ledger, printed.
        browser::import_ledger(&c, browser::EXAMPLE_LEDGER).await;
        browser::wait_text(&c, "#ledger-total", |t| t.starts_with('¥')).await;
        c.execute("window.print = () => {};", vec![])
            .await
            .expect("script");
        el(&c, "#ledger-print").await.click().await.expect("print");
        el(&c, "#ledger-sheet").await;
        browser::emulate_media(&c, wd, serde_json::json!({ "media": "print" })).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = el(&c, "#ledger-sheet")
            .await
            .screenshot()
            .await
            .expect("screenshot");
        let path = out.join(format!("ledger-sheet-{lang}.png"));
        std::fs::write(&path, png).expect("written");
        println!("screenshots: {}", path.display());
        browser::emulate_media(&c, wd, serde_json::json!({ "media": "screen" })).await;
    }
    let _ = std::fs::remove_file(&xlsx);
    c.close().await.expect("closes");
}

/// The offers compared for the example ledger under the letter and the campus terms kept in
/// the library, and the terms builder holding the letter with a rate typed that does not read
/// (issue #15), 1280 px, in both languages (`compare-{zh,en}-1280.png`,
/// `builder-{zh,en}-1280.png`).
#[tokio::test]
#[ignore = "writes docs/screenshots/: run by `make screenshots`"]
async fn screenshots_of_the_comparison_and_the_builder() {
    let (url, c, wd, _server, _driver) = start().await;
    let session = c.session_id().await.expect("session").expect("an id");
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&out).expect("docs/screenshots/");
    cdp(
        wd,
        &session,
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": 1280, "height": 3000, "deviceScaleFactor": 1, "mobile": false }),
    );
    let campus: serde_json::Value =
        serde_json::from_str(include_str!("../examples/terms-campus-network.json"))
            .expect("campus");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/incidents.csv");
    for lang in ["zh", "en"] {
        c.goto(&url).await.expect("page opens");
        c.execute(
            "localStorage.clear(); localStorage.setItem('slacalc.lang', arguments[0]); \
             localStorage.setItem('slacalc.terms-library', JSON.stringify({version: 1, entries: [{name: 'campus', terms: arguments[1]}]}));",
            vec![serde_json::json!(lang), campus.clone()],
        )
        .await
        .expect("storage");
        c.refresh().await.expect("reloads");
        browser::import_ledger(&c, file).await;
        el(&c, "#ledger-total").await;
        el(&c, "#ledger-compare")
            .await
            .click()
            .await
            .expect("compare");
        el(&c, "#compare-penalty").await;
        tokio::time::sleep(Duration::from_millis(400)).await;
        let png = el(&c, "#compare-panel")
            .await
            .screenshot()
            .await
            .expect("screenshot");
        let path = out.join(format!("compare-{lang}-1280.png"));
        std::fs::write(&path, png).expect("written");
        println!("screenshots: {}", path.display());

        el(&c, "#show-clause-table")
            .await
            .click()
            .await
            .expect("opened");
        el(&c, "#builder").await;
        let rate = el(&c, "#b-rate").await;
        rate.send_keys("\u{E009}a\u{E000}\u{E003}0.255")
            .await
            .expect("typed");
        el(&c, "#builder-problems").await;
        tokio::time::sleep(Duration::from_millis(400)).await;
        let png = el(&c, "#builder")
            .await
            .screenshot()
            .await
            .expect("screenshot");
        let path = out.join(format!("builder-{lang}-1280.png"));
        std::fs::write(&path, png).expect("written");
        println!("screenshots: {}", path.display());
    }
    c.close().await.expect("closes");
}
