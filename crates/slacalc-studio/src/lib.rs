//! The terms builder (issue #15): contract terms edited as a matrix (levels × commitments)
//! with every other part of the terms beside it, checked by the engine on every edit, kept
//! in a small library in the browser, and shown as a clause table in both languages. A part
//! of the page loaded on demand (`workbook/studio.js`), never in its first load.

pub mod builder;
pub mod dom;
pub mod draft;
pub mod library;
pub mod value;

use wasm_bindgen::prelude::*;

/// Opens the terms builder and the clause table in the page's slot (`#clause-table-slot`),
/// once: a second call finds it open.
#[wasm_bindgen]
pub fn open_builder(slot: web_sys::Element) {
    if slot.get_attribute("data-studio").is_some() {
        return;
    }
    let _ = slot.set_attribute("data-studio", "open");
    yew::Renderer::<builder::Builder>::with_root_and_props(slot.clone(), builder::Props { slot })
        .render();
}
