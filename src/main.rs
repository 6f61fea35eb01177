//! `slacalc-web`: the Yew page, a thin shell over the engine. It keeps what the user typed,
//! turns it into a case document, asks the engine for the assessment and shows it.

mod api;
mod app;
mod clauses;
mod embed;
mod form;
mod labels;
mod lang;
mod ledger_grid;
mod ledger_state;
mod ledger_view;
mod page;
mod share;
#[cfg(all(test, target_arch = "wasm32"))]
mod share_tests;
mod sheet;
#[cfg(all(test, target_arch = "wasm32"))]
mod test_util;
mod timeline;
mod timeline_layout;
mod timeline_svg;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
