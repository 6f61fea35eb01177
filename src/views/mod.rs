//! What the page draws: Yew components (and plain functions for their parts) that take
//! their part of the state and render it, in the page's language. Every change of the
//! state is an action sent up to the one reducer (`state::page`); the browser is reached
//! through `interop`.

pub mod app;
pub mod embed;
pub mod fields;
pub mod form;
pub mod header;
pub mod history;
pub mod holidays;
pub mod ledger;
pub mod markup;
pub mod monitoring;
pub mod result;
pub mod saved;
pub mod share;
pub mod sheet;
pub mod spans;
pub mod terms;
#[cfg(all(test, target_arch = "wasm32"))]
pub mod test_util;
pub mod text;
pub mod timeline;
pub mod timeline_svg;
pub mod verdict;
