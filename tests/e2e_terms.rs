//! End-to-end: the terms assumed as a readable clause table (issue #15), in the built page in
//! headless Chromium. "Clause table and terms builder" opens the table of the terms in use
//! (the letter's, or the custom terms as typed) in both languages, with the rows `slacalc
//! terms --table` prints; the table follows the terms as they change; nothing outside the
//! origin is asked for.
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{click, el, start, wait_text};
use fantoccini::Client;
use serde_json::json;

/// The rows of the clause table as `clause | text`.
async fn rows(c: &Client) -> Vec<String> {
    let v = c
        .execute(
            "return [...document.querySelectorAll('#clause-table tbody tr')].map(r => \
             [...r.cells].map(td => td.innerText.trim()).join(' | '));",
            vec![],
        )
        .await
        .expect("script");
    serde_json::from_value(v).expect("rows")
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn the_clause_table_states_the_terms_assumed() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    click(&c, "#show-clause-table").await;
    el(&c, "#part-status[data-done='show-clause-table']").await;
    el(&c, "#clause-table").await;
    // The letter's terms, as the engine words them (the CLI's table, in both languages).
    let letter = slacalc::terms::Terms::preset(slacalc::case::PRESET_EYOU_SDJU).expect("letter");
    let want: Vec<String> = slacalc::clause_table::clause_table(&letter)
        .into_iter()
        .map(|r| format!("{} | {} | {}", r.clause, r.zh, r.en))
        .collect();
    assert_eq!(rows(&c).await, want);

    // Custom terms: the table follows them as they are typed, and shows 0.5 %.
    click(&c, "#custom-terms").await;
    let text = el(&c, "#terms-json")
        .await
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default();
    c.execute(
        "const a = document.querySelector('#terms-json'); a.value = arguments[0]; \
         a.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![json!(text.replace("\"rate_bp\": 25", "\"rate_bp\": 50"))],
    )
    .await
    .expect("typed");
    let l42 = wait_text(&c, "#clause-table", |t| {
        t.contains("0.5 %") || t.contains("0.5%")
    })
    .await;
    assert!(!l42.contains("0.25"), "{l42}");
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

/// Sets the custom terms' text as typing would.
async fn set_terms(c: &Client, text: &str) {
    c.execute(
        "const a = document.querySelector('#terms-json'); a.value = arguments[0]; \
         a.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![json!(text)],
    )
    .await
    .expect("typed");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn the_form_asks_for_the_share_in_the_terms_own_words() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    let label = "label[for='mailboxes-pct']";
    let letter = wait_text(&c, label, |t| !t.is_empty()).await;
    assert!(
        letter.contains("邮箱") || letter.contains("Mailboxes"),
        "{letter}"
    );
    // The campus contract counts users (examples/terms-campus-network.json: "measure"); the
    // priority left unstated (the campus levels are P1–P4, not the letter's).
    c.execute(
        "const s = document.querySelector('#declared-priority'); s.value = ''; \
         s.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![],
    )
    .await
    .expect("priority");
    click(&c, "#custom-terms").await;
    let campus = include_str!("../examples/terms-campus-network.json");
    set_terms(&c, campus).await;
    let users = wait_text(&c, label, |t| t.contains("用户") || t.contains("users")).await;
    assert!(
        users.contains("受影响用户 %") || users.contains("Affected users %"),
        "{users}"
    );
    // Its explanation speaks of users too.
    let steps = wait_text(&c, "#explanation", |t| {
        t.contains("用户") || t.contains("users")
    })
    .await;
    assert!(
        !steps.contains("邮箱") && !steps.contains("mailboxes"),
        "{steps}"
    );
    // Terms that name nothing count mailboxes, as the letter.
    let unnamed = campus.replace(
        "\"measure\": {\n    \"zh\": \"用户\",\n    \"en\": \"users\"\n  },",
        "",
    );
    assert!(!unnamed.contains("measure"));
    set_terms(&c, &unnamed).await;
    wait_text(&c, label, |t| t.contains("邮箱") || t.contains("Mailboxes")).await;
    c.close().await.ok();
}
