//! End-to-end: the ledger view and the timeline in headless Chromium (issue #6), driven the
//! way a person would: import a CSV, sort, filter, delete and undo, duplicate, add the
//! form's incident, export (checked against the CLI on the exported incidents), import a
//! second CSV over the first and undo it, edit a row in the form, reload; the worked
//! example's timeline marks its missed restore deadline in red. Run by `make e2e`.
//!
//! With `SLACALC_SCREENSHOTS=dir` set, the ledger test also saves screenshots there.
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{
    choose_ledger_file, click, el, emulate_media, import_ledger, row_ids, start, text_of,
    type_into, wait_rows, wait_text,
};
use fantoccini::{Client, Locator};
use std::time::Duration;

const AS_OF: &str = "2026-01-01T00:00:00+08:00";

fn csv_path(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A temporary file removed when the test ends.
struct TempFile(std::path::PathBuf);
impl TempFile {
    fn new(name: &str, text: &str) -> TempFile {
        let p = std::env::temp_dir().join(format!("slacalc-{}-{name}", std::process::id()));
        std::fs::write(&p, text).expect("temp file");
        TempFile(p)
    }
    fn path(&self) -> &str {
        self.0.to_str().unwrap_or_default()
    }
}
impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The CLI on a CSV with the worked example's contract, as of [`AS_OF`].
fn cli(file: &str, format: &str) -> String {
    let out = browser::slacalc_cli()
        .args(["assess", "--csv", file, "--price", "1000000.00"])
        .args(["--warranty", "2024-01-01..2026-12-31", "--as-of", AS_OF])
        .args(["--format", format])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("CLI runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn cli_total(file: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(&cli(file, "json")).expect("JSON");
    let fen: slacalc::Fen = v["total"]["penalty"]
        .as_str()
        .expect("total")
        .parse()
        .expect("amount");
    fen.pretty()
}

/// Sets a field's value and tells the page, as typing would.
async fn set_value(c: &Client, css: &str, value: &str) {
    c.execute(
        "const e = document.querySelector(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![serde_json::json!(css), serde_json::json!(value)],
    )
    .await
    .expect("script");
}

/// The CSV behind an export link: clicked with its download held back, its address decoded.
async fn exported(c: &Client, css: &str) -> String {
    c.execute(
        "if (!window.__held) { window.__held = true; document.addEventListener('click', e => { if (e.target.closest('a[download]')) e.preventDefault(); }, true); }",
        vec![],
    )
    .await
    .expect("script");
    click(c, css).await;
    let v = c
        .execute(
            "const h = document.querySelector(arguments[0]).getAttribute('href'); return h.startsWith('data:text/csv') ? decodeURIComponent(h.slice(h.indexOf(',') + 1)) : h;",
            vec![serde_json::json!(css)],
        )
        .await
        .expect("script");
    let text = v.as_str().expect("text").to_string();
    assert!(
        text.starts_with('\u{feff}'),
        "{css}: a CSV with its byte-order mark: {text:.60}"
    );
    text.trim_start_matches('\u{feff}').to_string()
}

/// With `SLACALC_SCREENSHOTS=dir`: the element `css` at `width` px, saved as `dir/name.png`.
async fn shot(c: &Client, css: &str, width: u32, name: &str) {
    if let Ok(dir) = std::env::var("SLACALC_SCREENSHOTS") {
        c.set_window_size(width, 3000).await.expect("window size");
        tokio::time::sleep(Duration::from_millis(300)).await;
        let png = el(c, css).await.screenshot().await.expect("screenshot");
        std::fs::write(format!("{dir}/{name}.png"), png).expect("screenshot written");
    }
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn a_ledger_is_sorted_filtered_edited_exported_and_undone() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#penalty-amount").await;
    type_into(&c, "#as-of", "2026-01-01 00:00").await;
    let file = csv_path("incidents.csv");
    import_ledger(&c, &file).await;
    let total = wait_text(&c, "#ledger-total", |t| t.starts_with('¥')).await;
    assert_eq!(total, cli_total(&file), "the page and the CLI agree");
    let first = wait_rows(&c, 6).await;
    assert!(text_of(&c, "#ledger-bad-rows").await.contains("line 5"));
    let cap = text_of(&c, "#ledger-cap-numbers").await;
    assert!(cap.contains(&format!("{total} / ¥50,000.00")), "{cap}");

    // Sort by damages, largest first: the header says so and the rows follow.
    click(&c, "button.sort[data-col=penalty]").await;
    click(&c, "button.sort[data-col=penalty]").await;
    let th = el(&c, "th:has(button.sort[data-col=penalty])").await;
    assert_eq!(
        th.attr("aria-sort").await.expect("attr").as_deref(),
        Some("descending")
    );
    let v: serde_json::Value = serde_json::from_str(&cli(&file, "json")).expect("JSON");
    let mut by_amount: Vec<(i128, String)> = v["incidents"]
        .as_array()
        .expect("incidents")
        .iter()
        .map(|r| {
            let a: slacalc::Fen = r["penalty"]["amount"]
                .as_str()
                .expect("a")
                .parse()
                .expect("fen");
            (a.0, r["id"].as_str().expect("id").to_string())
        })
        .collect();
    by_amount.sort_by_key(|a| std::cmp::Reverse(a.0));
    let sorted = row_ids(&c).await;
    assert_eq!(sorted[0], by_amount[0].1, "{sorted:?}");
    // Back to the ledger's order.
    c.refresh().await.expect("reloads");
    assert_eq!(
        wait_rows(&c, 6).await,
        first,
        "the ledger survives a reload"
    );

    // Filter: text, coverage, quarter.
    type_into(&c, "#ledger-filter", "typhoon").await;
    assert_eq!(wait_rows(&c, 1).await, ["2025-07-typhoon-outage"]);
    set_value(&c, "#ledger-filter", "").await;
    wait_rows(&c, 6).await;
    el(&c, "#ledger-filter-quarter")
        .await
        .select_by_value("2025-Q1")
        .await
        .expect("quarter");
    assert_eq!(wait_rows(&c, 1).await, ["2025-03-03-mail-down"]);
    el(&c, "#ledger-filter-quarter")
        .await
        .select_by_value("")
        .await
        .expect("all");
    el(&c, "#ledger-filter-coverage")
        .await
        .select_by_value("covered")
        .await
        .expect("coverage");
    let covered = wait_rows(&c, 2).await;
    assert!(
        covered.contains(&"2025-03-03-mail-down".to_string()),
        "{covered:?}"
    );
    el(&c, "#ledger-filter-coverage")
        .await
        .select_by_value("")
        .await
        .expect("all");
    wait_rows(&c, 6).await;

    // Delete a row, and undo it.
    click(&c, "tr[data-id='2025-05-quota-bug'] .row-delete").await;
    let left = wait_rows(&c, 5).await;
    assert!(!left.contains(&"2025-05-quota-bug".to_string()));
    assert!(text_of(&c, "#ledger-undo-label")
        .await
        .contains("2025-05-quota-bug"));
    click(&c, "#ledger-undo").await;
    assert_eq!(
        wait_rows(&c, 6).await,
        first,
        "the row is back in its place"
    );

    // Duplicate the worked example's row: a second one right after it, its damages added.
    click(&c, "tr[data-id='2025-03-03-mail-down'] .row-duplicate").await;
    let ids = wait_rows(&c, 7).await;
    assert_eq!(ids[1], "2025-03-03-mail-down-2");
    let t2 = wait_text(&c, "#ledger-total", |t| t != total).await;
    let plus: slacalc::Fen = total
        .trim_start_matches('¥')
        .replace(',', "")
        .parse()
        .expect("fen");
    assert_eq!(
        t2,
        slacalc::Fen(plus.0 + 500_000).pretty(),
        "¥5,000.00 more"
    );
    click(&c, "#ledger-undo").await;
    assert_eq!(wait_rows(&c, 6).await, first);

    // The form's incident (the worked example) added: it gets an id of its own.
    click(&c, "#ledger-add").await;
    let ids = wait_rows(&c, 7).await;
    assert_eq!(
        ids.last().map(String::as_str),
        Some("2025-03-03-mail-down-2")
    );

    // A row's timeline opens under it, its missed deadline marked.
    click(&c, "tr[data-id='2025-03-03-mail-down'] button.expand").await;
    el(
        &c,
        "tr.ledger-detail svg.tl .tl-deadline.missed[data-kind=Restore]",
    )
    .await;
    shot(&c, "#ledger-panel", 1280, "ledger-1280").await;
    shot(&c, "#ledger-panel", 360, "ledger-360").await;

    // Export: the incidents CSV, assessed by the CLI, is the page's assessed CSV.
    let incidents = exported(&c, "#ledger-export-incidents").await;
    let assessed = exported(&c, "#ledger-export").await;
    let saved = TempFile::new("exported.csv", &incidents);
    assert_eq!(
        assessed,
        cli(saved.path(), "csv"),
        "the export matches the CLI"
    );
    assert_eq!(
        wait_text(&c, "#ledger-total", |t| t.starts_with('¥')).await,
        cli_total(saved.path())
    );
    let with_added = row_ids(&c).await;

    // A second CSV imported over the ledger asks first: cancelled, nothing changes; replaced,
    // the ledger is the new one; undo brings the first back.
    let other = TempFile::new(
        "other.csv",
        "id,reported_at,declared_priority,mailboxes_affected_pct,system_usable,seriously_damaged,kind,cause,interrupted_from,restored_at\nx,2025-03-03 08:10,urgent,100,no,yes,fault,vendor,2025-03-03 08:00,2025-03-03 20:00\n",
    );
    let before = text_of(&c, "#ledger-total").await;
    choose_ledger_file(&c, other.path()).await;
    // (Read by the module in its worker first.)
    let question = wait_text(&c, "#ledger-confirm-text", |t| t.contains("incidents")).await;
    assert!(
        question.contains("other.csv") && question.contains("7 incidents"),
        "{question}"
    );
    click(&c, "#ledger-confirm-cancel").await;
    assert_eq!(
        wait_rows(&c, 7).await,
        with_added,
        "a cancelled import changes nothing"
    );
    assert!(c.find(Locator::Css("#ledger-confirm")).await.is_err());
    import_ledger(&c, other.path()).await;
    assert_eq!(wait_rows(&c, 1).await, ["x"]);
    let label = text_of(&c, "#ledger-undo-label").await;
    assert!(label.contains("replacing"), "{label}");
    click(&c, "#ledger-undo").await;
    assert_eq!(
        wait_rows(&c, 7).await,
        with_added,
        "the first ledger is back"
    );
    assert_eq!(text_of(&c, "#ledger-total").await, before);

    // Edit a row in the form: restored a day later, it owes one more day (¥2,500.00).
    click(&c, "tr[data-id='2025-03-03-mail-down-2'] .row-edit").await;
    el(&c, "#editing-banner").await;
    let id = el(&c, "#incident-id")
        .await
        .prop("value")
        .await
        .expect("value");
    assert_eq!(id.as_deref(), Some("2025-03-03-mail-down-2"));
    type_into(&c, "#restored-at", "2025-03-05 15:00").await;
    wait_text(&c, "tr[data-id='2025-03-03-mail-down-2'] td.num", |t| {
        t == "¥7,500.00"
    })
    .await;
    shot(&c, "body", 1280, "ledger-editing-1280").await;
    click(&c, "#editing-done").await;
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn a_large_import_shows_its_progress_first() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#penalty-amount").await;
    let csv = browser::thousand_incidents_csv();
    let file = TempFile::new("big.csv", &csv);
    // When the progress message came, when the rows came, and every frame in between (a
    // frame drawn while the message was shown means the person saw it before the work).
    c.execute(
        r#"window.__t = { progress: null, text: null, rows: null, frames: [] };
           const frame = t => { window.__t.frames.push(performance.now()); if (window.__t.rows === null) requestAnimationFrame(frame); };
           requestAnimationFrame(frame);
           new MutationObserver(() => {
             const t = window.__t, now = performance.now();
             const p = document.querySelector('#ledger-progress');
             if (p && t.progress === null && p.textContent.includes('1000')) { t.progress = now; t.text = p.textContent; }
             if (document.querySelector('#ledger tbody tr') && t.rows === null) t.rows = now;
           }).observe(document.body, { childList: true, subtree: true });"#,
        vec![],
    )
    .await
    .expect("script");
    import_ledger(&c, file.path()).await;
    let rows = wait_text(&c, "#ledger-shown", |t| t.contains("1000")).await;
    assert!(rows.contains("1–50"), "{rows}");
    let v = c
        .execute(
            "const t = window.__t; return [t.text, t.progress, t.rows, t.frames.filter(f => f > t.progress && f < t.rows).length];",
            vec![],
        )
        .await
        .expect("script");
    assert!(
        v[0].as_str().is_some_and(|t| t.contains("1000")),
        "the progress said how many rows: {v}"
    );
    assert!(
        v[3].as_u64().is_some_and(|n| n >= 1),
        "a frame was drawn while the progress was shown, before the rows: {v}"
    );
    assert!(
        c.find(Locator::Css("#ledger-progress")).await.is_err(),
        "and it is gone"
    );
    // 20 pages of 50.
    assert_eq!(text_of(&c, "#ledger-page").await, "1 / 20");
    click(&c, "#ledger-next").await;
    assert_eq!(wait_rows(&c, 50).await[0], "i50");
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn the_worked_example_timeline_marks_the_missed_restore_in_red() {
    let (url, c, wd_port, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#timeline svg.tl").await;
    let v = c
        .execute(
            r#"const q = s => [...document.querySelectorAll('#timeline ' + s)];
               const style = e => getComputedStyle(e);
               return {
                 deadlines: q('.tl-deadline').map(g => [g.dataset.kind, g.dataset.status]),
                 missedStroke: style(q('.tl-deadline.missed .tl-due')[0]).stroke,
                 lateFill: style(q('.tl-deadline.missed .tl-late')[0]).fill,
                 metFill: q('.tl-deadline.met .tl-due').map(e => style(e).fill),
                 name: q('.tl-deadline.missed .tl-name')[0].textContent,
                 title: document.querySelector('#timeline svg > title').textContent,
                 labelled: document.querySelector('#timeline svg').getAttribute('aria-labelledby'),
               };"#,
            vec![],
        )
        .await
        .expect("script");
    assert_eq!(
        v["deadlines"],
        serde_json::json!([
            ["PhoneResponse", "met"],
            ["RemoteAccess", "met"],
            ["Restore", "missed"]
        ])
    );
    // The page's red (--bad, #b42318) for the missed one; green (--ok) for the met ones.
    assert_eq!(v["missedStroke"], "rgb(180, 35, 24)");
    assert_eq!(v["lateFill"], "rgb(180, 35, 24)");
    assert_eq!(
        v["metFill"],
        serde_json::json!(["rgb(26, 127, 55)", "rgb(26, 127, 55)"])
    );
    // Not by colour alone: the row says ✗, the marker is a cross (not a diamond).
    assert!(v["name"].as_str().is_some_and(|t| t.ends_with('✗')), "{v}");
    assert!(
        v["title"]
            .as_str()
            .is_some_and(|t| t.contains("2025-03-03-mail-down")),
        "{v}"
    );
    assert_eq!(v["labelled"], "timeline-title");
    shot(&c, "#timeline-card", 1280, "timeline-1280").await;
    shot(&c, "#timeline-card", 360, "timeline-360").await;

    // In dark mode the drawing has a dark ground and light ink, the missed one still red
    // (a lighter red, readable on the dark ground).
    emulate_media(
        &c,
        wd_port,
        serde_json::json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
    )
    .await;
    let v = c
        .execute(
            r#"const s = document.querySelector('#timeline svg.tl');
               return [getComputedStyle(s).backgroundColor,
                       getComputedStyle(s.querySelector('.tl-name')).fill,
                       getComputedStyle(s.querySelector('.tl-deadline.missed .tl-due')).stroke];"#,
            vec![],
        )
        .await
        .expect("script");
    assert_eq!(
        v,
        serde_json::json!([
            "rgb(22, 27, 34)",
            "rgb(230, 237, 243)",
            "rgb(255, 123, 114)"
        ])
    );
    shot(&c, "#timeline-card", 1280, "timeline-dark-1280").await;
    // Printed: black on white, the missed one told by its cross and ✗, not by colour.
    emulate_media(
        &c,
        wd_port,
        serde_json::json!({ "media": "print", "features": [] }),
    )
    .await;
    let v = c
        .execute(
            r#"const s = document.querySelector('#sheet-timeline svg.tl');
               return [getComputedStyle(s.querySelector('.tl-deadline.missed .tl-due')).stroke,
                       s.querySelector('.tl-deadline.missed .tl-due').getAttribute('d').split('M').length - 1,
                       s.querySelector('.tl-deadline.met .tl-due').getAttribute('d').split('M').length - 1];"#,
            vec![],
        )
        .await
        .expect("script");
    assert_eq!(
        v,
        serde_json::json!(["rgb(0, 0, 0)", 2, 1]),
        "a cross (two strokes) against a diamond"
    );
    c.close().await.expect("closes");
}
