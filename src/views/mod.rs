//! What the page draws: Yew components that take their part of the state as props and
//! render it, in the page's language.

pub mod app;
pub mod embed;
pub mod ledger;
#[cfg(all(test, target_arch = "wasm32"))]
mod share_tests;
pub mod sheet;
#[cfg(all(test, target_arch = "wasm32"))]
pub mod test_util;
pub mod timeline;
pub mod timeline_svg;
