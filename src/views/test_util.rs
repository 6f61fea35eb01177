//! Helpers of the page's component tests (headless Chromium, `make wasm-test`).

use slacalc::{assess, parse_case, Assessment, Case, Instant};
use std::time::Duration;
use web_sys::Element;

/// The worked example of `CLAUSES.md`, as a case document.
pub const WORKED: &str = include_str!("../../examples/worked-example.json");

/// A moment, from its RFC 3339 text.
pub fn at(t: &str) -> Instant {
    Instant::parse(t).unwrap_or_else(|e| panic!("{e}"))
}

/// The worked example and its assessment on 2026-01-01.
pub fn worked() -> (Case, Assessment) {
    let case = parse_case(WORKED).unwrap_or_else(|e| panic!("{e:?}"));
    let a = assess(&case, at("2026-01-01T00:00:00+08:00")).unwrap_or_else(|e| panic!("{e:?}"));
    (case, a)
}

/// Lets the page render what the last event changed.
pub async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(40)).await;
}

/// A fresh element in the document to mount a page into; the work saved by an earlier test
/// is forgotten, so every page opens on the worked example, in English (the tests read the
/// engine's English messages; the language switch's own test switches).
pub fn root() -> Element {
    if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
        let _ = storage.remove_item(crate::interop::storage::WORK_KEY);
        let _ = storage.set_item(
            crate::interop::storage::LANG_KEY,
            crate::i18n::lang::Lang::En.code(),
        );
    }
    let doc = gloo::utils::document();
    let root = doc.create_element("div").expect("div");
    doc.body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

/// The text of `css` in `root` as it is now, if it is there.
fn text_now(root: &Element, css: &str) -> Option<String> {
    root.query_selector(css)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
}

/// The text of `css` in `root`, waiting (up to 5 s) for the page to render it.
pub async fn text(root: &Element, css: &str) -> String {
    for _ in 0..250 {
        if let Some(t) = text_now(root, css) {
            return t;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{css} is on the page")
}

/// Waits (up to 5 s) until `css` shows `want`, and returns what it shows last.
pub async fn text_eq(root: &Element, css: &str, want: &str) -> String {
    let mut last = String::new();
    for _ in 0..250 {
        if let Some(t) = text_now(root, css) {
            if t == want {
                return t;
            }
            last = t;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    last
}
