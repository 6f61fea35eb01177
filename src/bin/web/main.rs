//! `slacalc-web`: the Yew page, a thin shell over the engine. It keeps what the user typed,
//! turns it into a case document, asks the engine for the assessment and shows it.

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod clauses;
#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod form;
#[cfg(target_arch = "wasm32")]
mod labels;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod lang;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod ledger_grid;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod ledger_state;
#[cfg(target_arch = "wasm32")]
mod ledger_view;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod page;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod share;
#[cfg(all(test, target_arch = "wasm32"))]
mod share_tests;
#[cfg(target_arch = "wasm32")]
mod sheet;
#[cfg(all(test, target_arch = "wasm32"))]
mod test_util;
#[cfg(target_arch = "wasm32")]
mod timeline;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod timeline_layout;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod timeline_svg;

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("slacalc-web is the browser app: build and serve it with `make run`.");
}
