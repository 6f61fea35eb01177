//! `slacalc-web`: the Yew page, a thin shell over the engine. It keeps what the user typed,
//! turns it into a case document, asks the engine for the assessment and shows it.
//!
//! By role: `state` holds what the page knows and how each edit changes it (no browser in
//! it: tested natively); `views` draws it; `i18n` has the two languages and their words;
//! `interop` is everything that talks to the browser (storage, clipboard, files, the clock,
//! the address, the JS API).

mod i18n;
mod interop;
mod state;
mod views;

fn main() {
    yew::Renderer::<views::app::App>::new().render();
}
