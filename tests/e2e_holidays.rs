//! End-to-end: holiday rulings added on the page (issue #15, part 3), the way a person adds
//! next year's State Council notice.
//! - A 2027 report says it is outside every known year and offers the import; the 2027-style
//!   notice typed in, read, shown for confirmation (nothing applied yet), added: the report is
//!   routed by the rulings (a day off: the 24×7 line) and the explanation cites their document.
//! - The share link carries them: opened in a second browser, the same rulings, the same result
//!   as when the link was made. A reload keeps them (saved work).
//! - The real 2026 notice pasted reads as the engine reads it natively (the built-in 2026
//!   table, `crates/slacalc/tests/holidays.rs`); a notice without a year asks for one.
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{click, el, start, text_of, type_into, wait_text};
use fantoccini::{Client, Locator};

/// A 2027 notice written for the test (the dates are made up): 元旦 1–3 January; 春节 5–12
/// February off, Sunday 7 and Saturday 20 February worked.
const NOTICE_2027: &str = "国务院办公厅关于2027年部分节假日安排的通知\n国办发明电〔2026〕99号\n\
一、元旦:1月1日(周五)至3日(周日)放假,共3天。\n\
二、春节:2月5日(周五)至2月12日(周五)放假调休,共8天。2月7日(周日)、2月20日(周六)上班。";

const NOTICE_2026: &str = include_str!("../crates/slacalc/tests/fixtures/notices/2026.txt");

/// Sets a text area's value as a paste does and tells the page (one `input` event).
async fn paste(c: &Client, css: &str, text: &str) {
    el(c, css).await;
    c.execute(
        "const a = document.querySelector(arguments[0]); a.focus(); a.value = arguments[1]; \
         a.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![css.into(), text.into()],
    )
    .await
    .expect("paste");
}

/// The rows of the rulings table `css`, each as its cells' texts joined by ` | `.
async fn rows(c: &Client, css: &str) -> Vec<String> {
    let v = c
        .execute(
            "return [...document.querySelectorAll(arguments[0] + ' tbody tr')].map(r => \
             [...r.cells].map(td => td.innerText.trim()).filter(t => t).join(' | '));",
            vec![css.into()],
        )
        .await
        .expect("script");
    serde_json::from_value(v).expect("rows")
}

async fn set_field(c: &Client, css: &str, text: &str) {
    type_into(c, css, text).await;
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn next_years_notice_is_read_confirmed_added_and_carried_by_the_link() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    // Monday 2027-02-08: without rulings a plain weekday, and the page says so.
    for css in ["#reported-at", "#phone-response-at", "#remote-access-at"] {
        set_field(&c, css, "2027-02-08 10:00").await;
    }
    set_field(&c, "#warranty-end", "2027-12-31").await;
    set_field(&c, "#as-of", "2027-06-01 00:00").await;
    wait_text(&c, "#notes", |t| {
        t.contains("outside the years of known holiday rulings")
    })
    .await;
    let office = text_of(&c, "#channel").await;

    // The note offers the import: the notice's text area gets the focus.
    click(&c, "#offer-holidays").await;
    let focused = c
        .execute("return document.activeElement.id;", vec![])
        .await
        .expect("script");
    assert_eq!(focused.as_str(), Some("holiday-text"));

    // Typed in (key by key), read: shown for confirmation, nothing applied yet.
    el(&c, "#holiday-text")
        .await
        .send_keys(NOTICE_2027)
        .await
        .expect("type");
    click(&c, "#holiday-read").await;
    wait_text(&c, "#holiday-confirm", |t| t.contains("Rulings found: 4")).await;
    let found = rows(&c, "#holiday-found").await;
    assert_eq!(
        found,
        [
            "2027-01-01 – 2027-01-03 | day off | New Year's Day | 国办发明电〔2026〕99号",
            // Joined to the weekend after it, as the engine reads a break ending on a Friday.
            "2027-02-05 – 2027-02-14 | day off | Spring Festival | 国办发明电〔2026〕99号",
            "2027-02-07 | make-up workday | Spring Festival | 国办发明电〔2026〕99号",
            "2027-02-20 | make-up workday | Spring Festival | 国办发明电〔2026〕99号",
        ]
    );
    assert_eq!(
        text_of(&c, "#channel").await,
        office,
        "not applied before Add"
    );
    assert!(c.find(Locator::Css("#notes")).await.is_ok());

    // Added: the 8th is a day off of the rulings, so the 24×7 line; cited; no note.
    click(&c, "#holiday-add").await;
    wait_text(&c, "#explanation", |t| {
        t.contains("holiday ruling added to the case: 国办发明电〔2026〕99号")
    })
    .await;
    let hotline = text_of(&c, "#channel").await;
    assert_ne!(hotline, office);
    assert_eq!(rows(&c, "#holiday-rulings").await.len(), 4);
    assert!(c.find(Locator::Css("#notes")).await.is_err());
    assert!(c.find(Locator::Css("#holiday-confirm")).await.is_err());
    assert_eq!(
        browser::value_of(&c, "#holiday-text").await,
        "",
        "read text cleared"
    );
    let explanation = text_of(&c, "#explanation").await;
    let damages = text_of(&c, "#penalty-amount").await;

    // The link carries them: a second browser opens the same rulings and the same result.
    let link = browser::value_of(&c, "#share-link").await;
    let (_, c2, _wd2, _server2, _driver2) = start().await;
    c2.goto(&link).await.expect("link opens");
    wait_text(&c2, "#notice", |t| {
        t.contains("the same as when the link was made")
    })
    .await;
    assert_eq!(rows(&c2, "#holiday-rulings").await.len(), 4);
    assert_eq!(text_of(&c2, "#channel").await, hotline);
    assert_eq!(text_of(&c2, "#explanation").await, explanation);
    assert_eq!(text_of(&c2, "#penalty-amount").await, damages);
    c2.close().await.ok();

    // A reload keeps them with the work; a ruling can be removed.
    c.refresh().await.expect("reload");
    wait_text(&c, "#channel", |t| t == hotline).await;
    assert_eq!(rows(&c, "#holiday-rulings").await.len(), 4);
    c.find(Locator::Css(
        "#holiday-rulings tbody tr:nth-child(2) button",
    ))
    .await
    .expect("remove button")
    .click()
    .await
    .expect("remove");
    wait_text(&c, "#channel", |t| t == office).await;
    c.close().await.ok();
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver (make e2e)"]
async fn the_2026_notice_pasted_reads_as_the_engine_reads_it_and_a_year_is_asked_for() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    paste(&c, "#holiday-text", NOTICE_2026).await;
    click(&c, "#holiday-read").await;
    let native = slacalc::calendar::rulings::read(NOTICE_2026, None, &[]).expect("reads");
    wait_text(&c, "#holiday-confirm", |t| {
        t.contains(&format!("Rulings found: {}", native.len()))
    })
    .await;
    let found = rows(&c, "#holiday-found").await;
    assert_eq!(found.len(), native.len());
    for (row, r) in found.iter().zip(&native) {
        assert!(row.starts_with(&r.from.to_string()), "{row} / {r:?}");
        assert!(row.ends_with(&r.source), "{row} / {r:?}");
    }
    click(&c, "#holiday-cancel").await;
    wait_text(&c, "#holiday-text", |_| true).await;
    assert!(c.find(Locator::Css("#holiday-confirm")).await.is_err());

    // A notice without its year: the page asks for one; with the year typed it reads.
    paste(&c, "#holiday-text", "一、元旦:1月1日至3日放假调休,共3天。").await;
    click(&c, "#holiday-read").await;
    wait_text(&c, "#holiday-problem", |t| t.contains("names no year")).await;
    type_into(&c, "#holiday-year", "2028").await;
    click(&c, "#holiday-read").await;
    wait_text(&c, "#holiday-confirm", |t| t.contains("Rulings found: 1")).await;
    assert_eq!(
        rows(&c, "#holiday-found").await,
        ["2028-01-01 – 2028-01-03 | day off | New Year's Day | 国务院办公厅关于2028年部分节假日安排的通知"]
    );
    c.close().await.ok();
}
