//! Everything that talks to the browser: the JS API the page exports.

pub mod api;
