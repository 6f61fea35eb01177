//! The terms builder (issue #15): contract terms edited as a matrix (levels × commitments)
//! with every other part of the terms beside it, checked by the engine on every edit, kept
//! in a small library in the browser, and shown as a clause table in both languages. A part
//! of the page loaded on demand (`workbook/studio.js`), never in its first load.

pub mod builder;
pub mod dom;
pub mod draft;
pub mod library;
pub mod sheet;
pub mod value;

use wasm_bindgen::prelude::*;

/// Renders nothing: a tree that only takes a number.
#[yew::function_component(Nothing)]
fn nothing() -> yew::Html {
    yew::html! {}
}

/// Yew numbers the trees it renders from 1 in each wasm module, and marks their elements with
/// the number; the page's own tree is 1. Events in the builder reach the page's tree first
/// (it listens on an ancestor), which would take an element marked 1 for one of its own and
/// run its own handlers (typing in the builder once turned the page's custom terms off). So
/// this module's trees are numbered past any the page has: a few empty ones take the first
/// numbers.
fn past_the_pages_trees() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for _ in 0..8 {
        if let Ok(host) = doc.create_element("div") {
            yew::Renderer::<Nothing>::with_root(host).render().destroy();
        }
    }
}

/// Opens the terms builder and the clause table in the page's slot (`#clause-table-slot`),
/// once: a second call finds it open.
#[wasm_bindgen]
pub fn open_builder(slot: web_sys::Element) {
    if slot.get_attribute("data-studio").is_some() {
        return;
    }
    let _ = slot.set_attribute("data-studio", "open");
    past_the_pages_trees();
    yew::Renderer::<builder::Builder>::with_root_and_props(slot.clone(), builder::Props { slot })
        .render();
}

/// Writes the printed sheet of the custom terms `terms` (JSON) at the end of the page, in
/// place of an earlier one (`sheet::terms_sheet_html`); terms that do not read leave none.
#[wasm_bindgen]
pub fn sheet_terms(terms: &str, zh: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(old) = doc.get_element_by_id(sheet::SHEET_ID) {
        if let Some(page) = old.parent_element() {
            page.remove();
        }
    }
    let (Some(html), Some(body)) = (sheet::terms_sheet_html(terms, zh), doc.body()) else {
        return;
    };
    if let Ok(page) = doc.create_element("div") {
        page.set_class_name("page terms-sheet-page");
        page.set_inner_html(&html);
        let _ = body.append_child(&page);
    }
}
