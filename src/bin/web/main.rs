//! `slacalc-web`: the Yew page, a thin shell over the engine. It keeps what the user typed,
//! turns it into a case document, asks the engine for the assessment and shows it.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod form;
#[cfg(target_arch = "wasm32")]
mod labels;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod page;

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("slacalc-web is the browser app: build and serve it with `make run`.");
}
