//! The terms builder (issue #15): contract terms edited as a matrix (levels × commitments)
//! with every other part of the terms beside it, checked by the engine on every edit, kept
//! in a small library in the browser, and shown as a clause table in both languages. A part
//! of the page loaded on demand (`workbook/studio.js`), never in its first load.

pub mod draft;
pub mod value;
