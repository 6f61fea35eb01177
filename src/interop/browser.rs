//! The window, the document and the clock: the page's address (where share links point and
//! where a link to open arrives), the browser's languages, "now", the document's language
//! and title, printing, focus, frames, window events, and the height an embedded card tells
//! the page around it.

use slacalc::Instant;
use std::time::Duration;
use yew::NodeRef;

/// "Now" for pending deadlines, from the browser's clock (the engine reads none), to the
/// minute (so a ledger judged "now" is not reassessed on every keystroke).
pub fn now() -> Instant {
    let ms = js_sys::Date::now();
    let secs = (ms / 60_000.0).floor() as i64 * 60;
    let utc = chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default();
    Instant(utc.fixed_offset()).local()
}

/// The fragment of the page's address, if it holds a case (`#c=…`).
pub fn link_in_address() -> Option<String> {
    let hash = gloo::utils::window().location().hash().ok()?;
    hash.contains("c=").then_some(hash)
}

/// The page was loaded again by a reload or by going back or forward to it (not opened
/// anew): its navigation entry's `type`.
pub fn reloaded() -> bool {
    let Some(p) = gloo::utils::window().performance() else {
        return false;
    };
    let entry = p.get_entries_by_type("navigation").get(0);
    let kind = js_sys::Reflect::get(&entry, &"type".into()).ok();
    matches!(
        kind.and_then(|k| k.as_string()).as_deref(),
        Some("reload" | "back_forward")
    )
}

/// The page's whole address (empty if the browser will not say).
pub fn page_href() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// The page's address without its fragment: the base of share links.
pub fn page_address() -> String {
    let href = page_href();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The browser's languages, preferred first (`navigator.languages`, then
/// `navigator.language`).
pub fn languages() -> Vec<String> {
    let nav = gloo::utils::window().navigator();
    let mut tags: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    tags.extend(nav.language());
    tags
}

/// Says which language the document is in (`<html lang>`: screen readers, fonts,
/// hyphenation) and gives it its title.
pub fn set_document_language(tag: &str, title: &str) {
    let doc = gloo::utils::document();
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", tag);
    }
    doc.set_title(title);
}

/// The page is drawn: the loading notice of `index.html` goes, and the moment is marked
/// (`slacalc:first-result`, measured by `make bench`).
pub fn page_drawn() {
    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    if let Some(p) = gloo::utils::window().performance() {
        let _ = p.mark("slacalc:first-result");
    }
}

/// Whether the window is wider than a phone (720 px or more): "Edit this case" starts open
/// there and closed on a phone (issue #17).
pub fn wide() -> bool {
    gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w >= 720.0)
}

/// Opens the browser's print dialog (the printable sheet, or a PDF).
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Brings the element `id` into view and gives it the focus.
pub fn focus(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        el.scroll_into_view();
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}

/// Calls `then` on each `event` of the window, until the listener returned is dropped.
pub fn listen(
    event: &'static str,
    then: impl FnMut(&web_sys::Event) + 'static,
) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), event, then)
}

/// Resolves at the browser's next animation frame.
async fn animation_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
}

/// Resolves once the element `css` is in the document and the browser has painted a frame
/// with it (so a message shown before slow work is seen before the work starts). The page
/// draws the message asynchronously, so it may only be there a frame or two later; after
/// 30 frames without it, the work goes ahead anyway.
pub async fn painted(css: &str) {
    let doc = gloo::utils::document();
    for _ in 0..30 {
        if doc.query_selector(css).ok().flatten().is_some() {
            break;
        }
        animation_frame().await;
    }
    // The frame after which it has been painted, then out of the frame's callbacks.
    animation_frame().await;
    yew::platform::time::sleep(Duration::from_millis(0)).await;
}

/// Gives the page's thread back to the browser (a task of its own: it may draw a frame and
/// handle input) and resolves after.
pub async fn yield_now() {
    yew::platform::time::sleep(Duration::from_millis(0)).await;
}

/// Tells the page around an embedded card how tall the card is
/// (`{slacalc: "height", height: N}` by `postMessage`).
pub fn report_height(card: &NodeRef) {
    let Some(el) = card.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let height = el.offset_top() + el.offset_height() + 2;
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"slacalc".into(), &"height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &f64::from(height).into());
    let _ = parent.post_message(&msg, "*");
}
