//! End-to-end: drives the built page (`dist/`) in headless Chromium through chromedriver, the
//! way a person would: types the worked example of CLAUSES.md into the form and reads the
//! penalty, the same one the CLI prints. Run by `make test` (it needs `dist/` and chromedriver).
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{el, import_ledger, start, text_of, type_into, wait_text};
use fantoccini::Locator;
use std::time::Duration;

fn cli_penalty() -> String {
    let out = browser::slacalc_cli()
        .args([
            "assess",
            "examples/worked-example.json",
            "--as-of",
            "2026-01-01T00:00:00+08:00",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("CLI runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("CLI prints JSON");
    v["incidents"][0]["penalty"]["amount"]
        .as_str()
        .expect("amount")
        .to_string()
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn a_person_types_the_worked_example_and_reads_the_penalty() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#penalty-amount").await;

    // Start from an empty incident and type the worked example of CLAUSES.md.
    el(&c, "#clear-incident")
        .await
        .click()
        .await
        .expect("clear");
    el(&c, "#problems").await;
    type_into(&c, "#contract-price", "1000000.00").await;
    type_into(&c, "#warranty-start", "2024-01-01").await;
    type_into(&c, "#warranty-end", "2026-12-31").await;
    type_into(&c, "#incident-id", "2025-03-03-mail-down").await;
    type_into(&c, "#reported-at", "2025-03-03 08:10").await;
    el(&c, "#declared-priority")
        .await
        .select_by_value("urgent")
        .await
        .expect("priority");
    type_into(&c, "#mailboxes-pct", "100").await;
    el(&c, "#system-usable")
        .await
        .click()
        .await
        .expect("unusable");
    el(&c, "#cause")
        .await
        .select_by_value("vendor")
        .await
        .expect("cause");
    type_into(&c, "#interrupted-from", "2025-03-03 08:00").await;
    type_into(&c, "#restored-at", "2025-03-04 15:00").await;
    type_into(&c, "#phone-response-at", "2025-03-03 08:12").await;
    type_into(&c, "#remote-access-at", "2025-03-03 08:35").await;

    let amount = wait_text(&c, "#penalty-amount", |t| t == "¥5,000.00").await;
    assert_eq!(amount, "¥5,000.00");
    let cli: slacalc::Fen = cli_penalty().parse().expect("CLI amount");
    assert_eq!(amount, cli.pretty(), "page and CLI agree");
    assert_eq!(text_of(&c, "#penalty-days").await, "2");
    assert_eq!(text_of(&c, "#cap-amount").await, "¥50,000.00");
    assert!(text_of(&c, "#priority").await.contains("urgent"));
    assert!(text_of(&c, "#event-level").await.contains("emergency"));
    let restore = text_of(&c, "tr.deadline[data-kind=Restore]").await;
    assert!(
        restore.contains("missed") && restore.contains("28 h 50 min"),
        "{restore}"
    );
    let remote = text_of(&c, "tr.deadline[data-kind=RemoteAccess]").await;
    assert!(remote.contains("met"), "{remote}");

    // A bad price is marked beside its field with the engine's message; nothing typed is lost.
    type_into(&c, "#contract-price", "-5").await;
    let msg = text_of(&c, ".field-error[data-path='contract.price']").await;
    assert!(msg.contains("must not be negative"), "{msg}");
    let kept = el(&c, "#restored-at")
        .await
        .prop("value")
        .await
        .expect("value");
    assert_eq!(kept.as_deref(), Some("2025-03-04 15:00"));
    type_into(&c, "#contract-price", "1000000.00").await;
    wait_text(&c, "#penalty-amount", |t| t == "¥5,000.00").await;

    // A time without a usable form is named by its field path.
    type_into(&c, "#reported-at", "3 March").await;
    let msg = text_of(&c, ".field-error[data-path='incidents[0].reported_at']").await;
    assert!(msg.contains("RFC 3339"), "{msg}");

    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn a_link_made_by_the_cli_opens_with_the_same_penalty() {
    let (url, c, _wd, _server, _driver) = start().await;
    let (link, amount) = (browser::cli_link(&url), cli_penalty());
    assert!(link.starts_with(&format!("{url}#c=1")), "{link}");
    c.goto(&link).await.expect("link opens");
    let want: slacalc::Fen = amount.parse().expect("CLI amount");
    let shown = wait_text(&c, "#penalty-amount", |t| t == want.pretty()).await;
    assert_eq!(shown, "¥5,000.00");
    let notice = text_of(&c, "#notice").await;
    assert!(
        notice.contains("same as when the link was made"),
        "{notice}"
    );
    assert_eq!(
        el(&c, "#as-of")
            .await
            .prop("value")
            .await
            .expect("value")
            .as_deref(),
        Some("2026-01-01 00:00")
    );

    // A damaged link changes nothing the user typed and says why.
    type_into(&c, "#incident-id", "my-own-work").await;
    c.goto(&format!("{url}#c=1damaged"))
        .await
        .expect("navigates");
    let notice = wait_text(&c, "#notice", |t| t.contains("cannot be opened")).await;
    assert!(notice.contains("unchanged"), "{notice}");
    assert_eq!(
        el(&c, "#incident-id")
            .await
            .prop("value")
            .await
            .expect("value")
            .as_deref(),
        Some("my-own-work")
    );
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn a_csv_ledger_imported_on_the_page_matches_the_cli() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#penalty-amount").await;
    type_into(&c, "#as-of", "2026-01-01 00:00").await;
    let csv = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/incidents.csv");
    import_ledger(&c, csv).await;
    let total = wait_text(&c, "#ledger-total", |t| t.starts_with('¥')).await;

    // The CLI on the same file, contract and time.
    let out = browser::slacalc_cli()
        .args([
            "assess",
            "--csv",
            "examples/incidents.csv",
            "--price",
            "1000000.00",
        ])
        .args([
            "--warranty",
            "2024-01-01..2026-12-31",
            "--as-of",
            "2026-01-01T00:00:00+08:00",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("CLI runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("CLI prints JSON");
    let cli: slacalc::Fen = v["total"]["penalty"]
        .as_str()
        .expect("total")
        .parse()
        .expect("amount");
    assert_eq!(total, cli.pretty());
    // The deliberately bad row is named by line and column; the good rows are all there.
    let bad = text_of(&c, "#ledger-bad-rows").await;
    assert!(bad.contains("line 5"), "{bad}");
    let rows = c
        .find_all(Locator::Css("#ledger tbody tr"))
        .await
        .expect("rows");
    assert_eq!(rows.len(), v["incidents"].as_array().map_or(0, |a| a.len()));
    // The assessed CSV is written when the link is clicked (held back from downloading here).
    c.execute(
        "document.addEventListener('click', e => { if (e.target.closest('a[download]')) e.preventDefault(); }, true);",
        vec![],
    )
    .await
    .expect("script");
    el(&c, "#ledger-export")
        .await
        .click()
        .await
        .expect("export");
    let href = el(&c, "#ledger-export")
        .await
        .attr("href")
        .await
        .expect("href");
    assert!(href.is_some_and(|h| h.starts_with("data:text/csv")));
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn what_was_typed_survives_a_reload() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#penalty-amount").await;
    type_into(&c, "#incident-id", "kept-after-reload").await;
    type_into(&c, "#contract-price", "2000000").await;
    // 2 days × 0.25 % × ¥2,000,000.00.
    wait_text(&c, "#penalty-amount", |t| t == "¥10,000.00").await;
    c.refresh().await.expect("reloads");
    wait_text(&c, "#penalty-amount", |t| t == "¥10,000.00").await;
    let id = el(&c, "#incident-id")
        .await
        .prop("value")
        .await
        .expect("value");
    assert_eq!(id.as_deref(), Some("kept-after-reload"));
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn script_in_a_link_is_shown_as_text_and_never_runs() {
    let (url, c, _wd, _server, _driver) = start().await;
    // A case whose every free text holds a payload: markup, an event handler, a script
    // element and a javascript: address, in the incident id, a force-majeure kind and the
    // names of custom terms.
    let payloads = [
        r#"<img src=x onerror="window.__xss=1">"#,
        "<script>window.__xss=2</script>",
        "javascript:window.__xss=3",
    ];
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../examples/worked-example.json")).expect("example");
    v["incidents"][0]["id"] = serde_json::json!(payloads.join(" "));
    v["incidents"][0]["force_majeure"] = serde_json::json!([{
        "kind": payloads[0], "start": "2025-03-03T09:00:00+08:00", "end": "2025-03-03T09:30:00+08:00"
    }]);
    let mut terms: serde_json::Value =
        serde_json::from_str(slacalc::terms::EYOU_SDJU_JSON).expect("terms");
    terms["name"]["zh"] = serde_json::json!(payloads[1]);
    terms["name"]["en"] = serde_json::json!(payloads[2]);
    terms["levels"][0]["name"]["en"] = serde_json::json!(payloads[0]);
    v["terms"] = terms;
    let case = slacalc::parse_case(&v.to_string()).expect("a valid case");
    let as_of = slacalc::Instant::parse("2026-01-01T00:00:00+08:00").expect("time");
    let a = slacalc::assess(&case, as_of).expect("assessed");
    let link = slacalc::link::url(&url, &case, &a);
    for address in [link.clone(), format!("{link}&embed=1")] {
        c.goto(&address).await.expect("link opens");
        el(&c, "#verdict-amount").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let ran = c
            .execute("return window.__xss === undefined && document.querySelectorAll('img[src=x], body script').length === 0;", vec![])
            .await
            .expect("script runs");
        assert_eq!(ran, serde_json::json!(true), "{address}");
    }
    // The payloads are on the page as text: in the id field, the force-majeure kind and the
    // terms editor, exactly as they were written.
    c.goto(&link).await.expect("link opens");
    el(&c, "#penalty-amount").await;
    let mut values = Vec::new();
    for css in ["#incident-id", "#fm-0-kind", "#terms-json"] {
        let v = el(&c, css).await.prop("value").await.expect("value");
        values.push(v.unwrap_or_default());
    }
    assert_eq!(values[0], payloads.join(" "));
    assert_eq!(values[1], payloads[0]);
    assert!(
        values[2].contains("<script>window.__xss=2</script>"),
        "{}",
        values[2]
    );
    assert!(
        values[2].contains("javascript:window.__xss=3"),
        "{}",
        values[2]
    );
    c.close().await.expect("closes");
}

/// On a slow connection the page is not blank while the wasm arrives: index.html says it is
/// loading, and the app removes that notice once it has drawn itself. If the app cannot
/// start (here: a damaged wasm file), the notice says so instead of waiting for ever.
#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn the_loading_notice_gives_way_to_the_page_or_says_why_it_cannot_start() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#penalty-amount").await;
    assert!(
        c.find(Locator::Id("boot")).await.is_err(),
        "the loading notice is gone once the page is drawn"
    );
    c.close().await.expect("closes");

    let broken = std::env::temp_dir().join(format!("slacalc-broken-{}", std::process::id()));
    std::fs::create_dir_all(&broken).expect("a folder for the damaged copy");
    // The page's own files (the folder of on-demand parts, workbook/, is not needed here).
    for entry in std::fs::read_dir(browser::dist()).expect("dist/ lists") {
        let entry = entry.expect("a file of dist/");
        if entry.path().is_file() {
            std::fs::copy(entry.path(), broken.join(entry.file_name())).expect("copies");
        }
    }
    std::fs::write(
        broken.join("slacalc-web_bg.wasm.js"),
        "export default \"not a wasm module\";\n",
    )
    .expect("damages the wasm");
    let (url, c, _wd, _server, _driver) = browser::serve(broken.clone(), None).await;
    c.goto(&url).await.expect("damaged page opens");
    let said = wait_text(&c, "#boot", |t| t.contains("could not start")).await;
    assert!(said.contains("计算器无法启动"), "{said}");
    c.close().await.expect("closes");
    let _ = std::fs::remove_dir_all(&broken);
}
