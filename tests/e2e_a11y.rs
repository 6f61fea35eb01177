//! Accessibility (issue #6): axe-core, installed from the npm registry at test time only
//! (`scripts/setup` puts it in `.tools/axe`, never in the page), checks the main view, the
//! ledger, the embed card and the print sheet of the built `dist/` in headless Chromium, and
//! must report no violation (WCAG 2 A and AA rules, colour contrast included).
//! Run by `make test` (make e2e).
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{cli_link, el, emulate_media, import_ledger, start, wait_text};
use fantoccini::Client;
use serde_json::json;

const AXE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/.tools/axe/node_modules/axe-core/axe.min.js"
);

/// The violations axe finds in `context` (a CSS selector), one line each.
async fn violations(c: &Client, context: &str) -> Vec<String> {
    let source = std::fs::read_to_string(AXE).expect("axe-core is installed (make setup)");
    // WebDriver's scripts are not the page's: the page's policy does not apply to them.
    c.execute(&format!("{source}; return 1;"), vec![])
        .await
        .expect("axe loads");
    let found = c
        .execute_async(
            r#"const [context, done] = arguments;
               axe.run(document.querySelector(context), {
                 runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                 rules: { 'region': { enabled: false } }
               }).then(r => done(r.violations.map(v =>
                 `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 160)).join(' | ')}`)),
                 e => done(['axe failed: ' + e]));"#,
            vec![json!(context)],
        )
        .await
        .expect("axe runs");
    serde_json::from_value(found).expect("a list")
}

fn ledger_csv() -> std::path::PathBuf {
    let csv = "id,reported_at,declared_priority,mailboxes_affected_pct,system_usable,seriously_damaged,kind,cause,interrupted_from,restored_at\n\
               a-1,2025-03-03 08:10,urgent,100,no,yes,fault,vendor,2025-03-03 08:00,2025-03-03 20:00\n\
               a-2,2025-04-07 10:00,general,10,yes,no,fault,customer_power,2025-04-07 09:30,2025-04-07 12:00\n\
               a-3,2025-05-12 14:00,serious,60,yes,yes,fault,vendor,2025-05-12 13:00,2025-05-14 09:00\n";
    let file = std::env::temp_dir().join(format!("slacalc-a11y-{}.csv", std::process::id()));
    std::fs::write(&file, csv).expect("CSV written");
    file
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn axe_finds_no_violation_on_the_main_ledger_embed_and_print_views() {
    let (url, c, wd_port, _server, _driver) = start().await;
    let link = cli_link(&url);
    let mut report = Vec::new();

    // Main view: the worked example, with the share tools open.
    c.goto(&link).await.expect("link opens");
    wait_text(&c, "#penalty-amount", |t| t == "¥5,000.00").await;
    el(&c, "#copy-embed")
        .await
        .click()
        .await
        .expect("embed code");
    for v in violations(&c, "body").await {
        report.push(format!("main: {v}"));
    }
    // axe itself works: a control without a label, added for the check and removed, is found.
    c.execute(
        "const d = document.createElement('div'); d.id = 'axe-selftest'; d.innerHTML = '<input type=text>'; document.body.appendChild(d); return 1;",
        vec![],
    )
    .await
    .expect("script");
    let selftest = violations(&c, "#axe-selftest").await;
    assert!(
        selftest.iter().any(|v| v.starts_with("label")),
        "axe reports an unlabelled input: {selftest:?}"
    );
    c.execute(
        "document.getElementById('axe-selftest').remove(); return 1;",
        vec![],
    )
    .await
    .expect("script");

    // Ledger view, with three incidents.
    let file = ledger_csv();
    import_ledger(&c, file.to_str().unwrap_or_default()).await;
    el(&c, "#ledger-total").await;
    let _ = std::fs::remove_file(&file);
    for v in violations(&c, "#ledger").await {
        report.push(format!("ledger: {v}"));
    }

    // Print sheet, in print media.
    emulate_media(&c, wd_port, json!({ "media": "print" })).await;
    el(&c, "#print-sheet").await;
    for v in violations(&c, "#print-sheet").await {
        report.push(format!("print: {v}"));
    }
    emulate_media(&c, wd_port, json!({ "media": "" })).await;

    // Embed card.
    c.goto("about:blank").await.expect("blank");
    c.goto(&format!("{link}&embed=1")).await.expect("embed");
    wait_text(&c, "#verdict-amount", |t| t == "¥5,000.00").await;
    for v in violations(&c, "body").await {
        report.push(format!("embed: {v}"));
    }

    assert!(
        report.is_empty(),
        "axe-core violations:\n{}",
        report.join("\n")
    );
    c.close().await.expect("closes");
}

/// One key pressed and released, wherever the focus is (as a person would, not into a field).
async fn press(c: &Client, key: char) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    c.perform_actions(keys).await.expect("key pressed");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn every_control_is_reached_by_the_keyboard_with_a_visible_focus() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&cli_link(&url)).await.expect("link opens");
    wait_text(&c, "#penalty-amount", |t| t == "¥5,000.00").await;
    // Every visible control gets a mark, so the walk can tell which ones it reached.
    let total = c
        .execute(
            r#"const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
                 .filter(e => !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
               all.forEach((e, i) => e.dataset.kb = String(i));
               document.activeElement && document.activeElement.blur();
               return all.length;"#,
            vec![],
        )
        .await
        .expect("script")
        .as_u64()
        .unwrap_or(0);
    assert!(total > 20, "the page has its controls: {total}");
    let mut reached = std::collections::BTreeSet::new();
    let mut unmarked_focus = Vec::new();
    for _ in 0..(total + 10) {
        press(&c, '\u{E004}').await; // Tab
        let v = c
            .execute(
                r#"const e = document.activeElement; const s = getComputedStyle(e);
                   return [e.dataset.kb || null, e.tagName + '#' + e.id, s.outlineStyle !== 'none' && s.outlineWidth !== '0px'];"#,
                vec![],
            )
            .await
            .expect("script");
        let kb = v[0].as_str().map(str::to_string);
        let name = v[1].as_str().unwrap_or_default().to_string();
        if name != "BODY#" {
            assert_eq!(v[2], json!(true), "{name} shows no focus outline");
        }
        match kb {
            Some(k) => {
                reached.insert(k);
            }
            None if name != "BODY#" => unmarked_focus.push(name),
            None => {}
        }
    }
    let missed = c
        .execute(
            "return [...document.querySelectorAll('[data-kb]')].filter(e => !arguments[0].includes(e.dataset.kb)).map(e => e.tagName + '#' + e.id + ' ' + (e.textContent || e.name || '').slice(0, 40));",
            vec![json!(reached.iter().collect::<Vec<_>>())],
        )
        .await
        .expect("script");
    assert_eq!(missed, json!([]), "controls the keyboard never reached");
    assert!(
        unmarked_focus.is_empty(),
        "focus went to hidden things: {unmarked_focus:?}"
    );

    // A button works from the keyboard: Enter on "Clear incident" empties the incident.
    let before = el(&c, "#penalty-amount").await.text().await.expect("text");
    assert_eq!(before, "¥5,000.00");
    c.execute(
        "document.getElementById('clear-incident').focus(); return 1;",
        vec![],
    )
    .await
    .expect("focus");
    press(&c, '\u{E007}').await; // Enter
    wait_text(&c, "#result", |t| !t.contains("¥5,000.00")).await;
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn a_time_can_be_typed_or_picked() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&cli_link(&url)).await.expect("link opens");
    wait_text(&c, "#penalty-amount", |t| t == "¥5,000.00").await;
    // Typed: restored a day earlier, 1 started day (L4.2: 1 × 0.25 % × ¥1,000,000).
    browser::type_into(&c, "#restored-at", "2025-03-03 15:00").await;
    wait_text(&c, "#penalty-amount", |t| t == "¥2,500.00").await;
    let shown = el(&c, "#restored-at-picker")
        .await
        .prop("value")
        .await
        .expect("value");
    assert_eq!(
        shown.as_deref(),
        Some("2025-03-03T15:00"),
        "the picker follows the typed value"
    );
    // Picked: the browser's picker sets its value and fires `change` (what choosing in its
    // calendar does); the text field is typed from it.
    c.execute(
        "const p = document.getElementById('restored-at-picker'); p.value = '2025-03-04T15:00'; p.dispatchEvent(new Event('change', { bubbles: true })); return 1;",
        vec![],
    )
    .await
    .expect("pick");
    wait_text(&c, "#penalty-amount", |t| t == "¥5,000.00").await;
    let typed = el(&c, "#restored-at")
        .await
        .prop("value")
        .await
        .expect("value");
    assert_eq!(typed.as_deref(), Some("2025-03-04 15:00"));
    // A force-majeure row has pickers too.
    el(&c, "#add-fm").await.click().await.expect("add row");
    el(&c, "#fm-0-start-picker").await;
    c.close().await.expect("closes");
}
