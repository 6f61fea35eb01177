//! Component tests of sharing (`make wasm-test`): the embed card, the calendar file, the
//! printable sheet and the JS API, in headless Chromium.

use crate::i18n::lang::Lang;
use crate::views::embed::{EmbedCard, EmbedProps};
use crate::views::test_util::{root, settle, text};
use slacalc::{assess, parse_case, Assessment, Case, Instant};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WORKED: &str = include_str!("../../examples/worked-example.json");

fn at(t: &str) -> Instant {
    Instant::parse(t).unwrap_or_else(|e| panic!("{e}"))
}

fn worked() -> (Case, Assessment) {
    let case = parse_case(WORKED).unwrap_or_else(|e| panic!("{e:?}"));
    let a = assess(&case, at("2026-01-01T00:00:00+08:00")).unwrap_or_else(|e| panic!("{e:?}"));
    (case, a)
}

/// The worked example one minute after the report: nothing done yet, every deadline pending.
fn pending() -> (Case, Assessment) {
    let mut v: serde_json::Value = serde_json::from_str(WORKED).expect("JSON");
    let inc = &mut v["incidents"][0];
    for k in ["restored_at", "phone_response_at", "remote_access_at"] {
        inc.as_object_mut().expect("object").remove(k);
    }
    let case = parse_case(&v.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    let a = assess(&case, at("2025-03-03T08:11:00+08:00")).unwrap_or_else(|e| panic!("{e:?}"));
    (case, a)
}

/// The embed card in a page whose language is English.
#[yew::function_component(EnglishCard)]
fn english_card(p: &EmbedProps) -> yew::Html {
    yew::html! {
        <yew::ContextProvider<Lang> context={Lang::En}>
            <EmbedCard outcome={p.outcome.clone()} notice={p.notice.clone()} full={p.full.clone()} />
        </yew::ContextProvider<Lang>>
    }
}

#[wasm_bindgen_test]
async fn the_embed_card_is_read_only_and_reports_its_height() {
    // The test page is its own parent: the card's message arrives here.
    let heights = Rc::new(Cell::new(0.0));
    let seen = heights.clone();
    let listener = gloo::events::EventListener::new(&gloo::utils::window(), "message", move |e| {
        let data = js_sys::Reflect::get(e.as_ref(), &"data".into()).unwrap_or_default();
        let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).unwrap_or_default();
        if get("slacalc").as_string().as_deref() == Some("height") {
            seen.set(get("height").as_f64().unwrap_or_default());
        }
    });
    let (_, a) = worked();
    let root = root();
    let props = EmbedProps {
        outcome: Rc::new(Ok(a)),
        notice: None,
        full: "http://x.invalid/#c=1abc".into(),
    };
    yew::Renderer::<EnglishCard>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(text(&root, "#penalty-amount").await, "¥5,000.00");
    assert!(text(&root, "#embed-verdict").await.contains("covered"));
    let restore = text(&root, "tr.deadline[data-kind=Restore]").await;
    assert!(
        restore.contains("missed") && restore.contains("28 h 50 min"),
        "{restore}"
    );
    let clauses = text(&root, "#embed-clauses").await;
    for id in ["L2.1", "L3.3a", "L4.1", "L4.2", "L4.3"] {
        assert!(clauses.contains(id), "{id} in {clauses}");
    }
    let open = root
        .query_selector("#open-full")
        .ok()
        .flatten()
        .expect("the link to the full calculator");
    assert_eq!(
        open.get_attribute("href").as_deref(),
        Some("http://x.invalid/#c=1abc")
    );
    let controls = root
        .query_selector_all("input, select, textarea, button")
        .expect("query");
    assert_eq!(controls.length(), 0, "no editing control in the card");
    assert!(heights.get() > 0.0, "height reported: {}", heights.get());
    drop(listener);
}

/// `history.replaceState(null, "", url)`: a new address without a hashchange event.
fn replace_address(url: &str) {
    let history = js_sys::Reflect::get(&gloo::utils::window(), &"history".into()).expect("history");
    let replace: js_sys::Function = js_sys::Reflect::get(&history, &"replaceState".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .expect("replaceState");
    replace
        .call3(&history, &JsValue::NULL, &"".into(), &url.into())
        .expect("address replaced");
}

#[wasm_bindgen_test]
async fn an_embed_address_opens_the_card_instead_of_the_form() {
    let (case, a) = worked();
    let href = gloo::utils::window().location().href().expect("href");
    let base = href.split('#').next().unwrap_or_default().to_string();
    let link = slacalc::link::url(&base, &case, &a);
    replace_address(&crate::state::share::embed_url(&link));
    let root = root();
    yew::Renderer::<crate::views::app::App>::with_root(root.clone()).render();
    settle().await;
    replace_address(&base);
    assert_eq!(text(&root, "#penalty-amount").await, "¥5,000.00");
    assert!(root.query_selector("#embed-card").ok().flatten().is_some());
    assert!(root.query_selector("input").ok().flatten().is_none());
    let open = root
        .query_selector("#open-full")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("href"))
        .expect("href");
    assert_eq!(open, link, "the full calculator without &embed=1");
}

#[wasm_bindgen_test]
fn the_calendar_file_lists_every_pending_deadline_in_utc() {
    let (case, a) = pending();
    let text = crate::state::share::ics(&case, &a).expect("pending deadlines");
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{text}"
    );
    assert!(text.ends_with("END:VCALENDAR\r\n"), "{text}");
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 3, "{text}");
    // 08:25, 08:40 and 10:10 at +08:00.
    for due in ["20250303T002500Z", "20250303T004000Z", "20250303T021000Z"] {
        assert!(
            text.contains(&format!("DTSTART:{due}\r\n")),
            "{due}: {text}"
        );
    }
    assert!(text.contains("DTEND:20250303T022500Z\r\n"), "{text}");
    assert!(text.contains("DTSTAMP:20250303T001100Z\r\n"), "{text}");
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("SUMMARY:SLA 截止 恢复服务 · restore (L4.1) · 2025-03-03-mail-down"),
        "{unfolded}"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "folded at 75 octets: {line:?}");
    }
    // The same incident and kind keep their UID; kinds differ.
    let uids: Vec<&str> = unfolded.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.len(), 3);
    assert!(uids[0] != uids[1] && uids[1] != uids[2]);
    let later = assess(&case, at("2025-03-03T08:20:00+08:00")).expect("assess");
    let again = crate::state::share::ics(&case, &later).expect("still pending");
    assert!(again.replace("\r\n ", "").contains(uids[2]), "stable UID");
    // Nothing pending, nothing to add.
    let (case, a) = worked();
    assert!(crate::state::share::ics(&case, &a).is_none());
}

#[wasm_bindgen_test]
async fn the_page_has_a_printable_sheet_with_the_qr_code_and_the_tools() {
    let root = root();
    yew::Renderer::<crate::views::app::App>::with_root(root.clone()).render();
    settle().await;
    let path = root
        .query_selector("#share-qr path")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("d"))
        .expect("QR path");
    assert!(path.starts_with("M4 4h7"), "finder pattern first: {path}");
    let clauses = text(&root, "#sheet-clauses").await;
    assert!(
        clauses.contains("L4.2") && clauses.contains("合同总价的0.25%"),
        "{clauses}"
    );
    assert!(
        clauses.contains("0.25 % of the total contract price"),
        "{clauses}"
    );
    assert_eq!(text(&root, "#sheet-penalty").await, "¥5,000.00");
    assert_eq!(text(&root, "#sheet-digest").await.len(), 16);
    assert!(text(&root, "#sheet-link").await.contains("#c=1"));
    // "Copy embed code" shows the snippet with the embed address and the height listener.
    root.query_selector("#copy-embed")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("button")
        .click();
    settle().await;
    let snippet = root
        .query_selector("#embed-code")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .expect("the snippet")
        .value();
    assert!(snippet.contains("&amp;embed=1\""), "{snippet}");
    assert!(
        snippet.contains("e.data.slacalc !== \"height\""),
        "{snippet}"
    );
}

#[wasm_bindgen_test]
fn the_js_api_assesses_and_links() {
    let result =
        crate::interop::api::js_assess(WORKED.into(), Some("2026-01-01T00:00:00+08:00".into()))
            .expect("assessed");
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).expect(k);
    let first = get(&get(&result, "incidents"), "0");
    assert_eq!(
        get(&get(&first, "penalty"), "amount")
            .as_string()
            .as_deref(),
        Some("5000.00")
    );
    // A plain object works as well as JSON text.
    let object = js_sys::JSON::parse(WORKED).expect("object");
    let link = crate::interop::api::js_link(
        object,
        "https://x.invalid/".into(),
        Some("2026-01-01 00:00".into()),
    )
    .expect("link");
    let (case, a) = worked();
    assert_eq!(link, slacalc::link::url("https://x.invalid/", &case, &a));
    // Bad input throws the engine's messages with their paths.
    let err = crate::interop::api::js_assess(WORKED.replace("1000000.00", "-5").into(), None)
        .expect_err("rejected");
    let problems = get(&err, "problems");
    assert_eq!(
        get(&get(&problems, "0"), "path").as_string().as_deref(),
        Some("contract.price")
    );
}
