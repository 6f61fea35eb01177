//! The terms builder (issue #15): contract terms edited as a matrix (levels × commitments)
//! with every other part of the terms beside it, checked by the engine on every edit, kept
//! in a small library in the browser, and shown as a clause table in both languages. A part
//! of the page loaded on demand (`workbook/studio.js`), never in its first load.

pub mod builder;
pub mod compare;
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

/// Opens the comparison of offers (issue #15) for the ledger of the share link `url`, below
/// the page's ledger panel (in place of one opened before), in Chinese when `lang` is `zh`.
/// Returns the problem when the link does not open.
#[wasm_bindgen]
pub fn open_compare(url: &str, lang: &str) -> Result<(), String> {
    let opened = slacalc::link::decode(url.split_once('#').map_or(url, |(_, f)| f))
        .map_err(|e| e.to_string())?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let panel = doc
        .get_element_by_id("ledger-panel")
        .ok_or("no ledger panel")?;
    if let Some(old) = doc.get_element_by_id("compare-panel") {
        old.remove();
    }
    let host = doc
        .create_element("section")
        .map_err(|_| "no section".to_string())?;
    host.set_id("compare-panel");
    host.set_class_name("card compare-panel");
    panel
        .insert_adjacent_element("afterend", &host)
        .map_err(|_| "the panel refused".to_string())?;
    past_the_pages_trees();
    yew::Renderer::<compare::Compare>::with_root_and_props(
        host,
        compare::Props {
            ledger: std::rc::Rc::new(opened.case),
            as_of: opened.as_of,
            zh: lang.starts_with("zh"),
        },
    )
    .render();
    Ok(())
}
