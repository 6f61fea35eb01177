//! Everything that talks to the browser: its storage (the work in `localStorage`, the
//! restore points in IndexedDB), the clipboard, files, the window and document (address,
//! languages, clock, printing, events), and the parts loaded on demand (`workbook`: the
//! workbook module, the holiday rulings' readers; the JS API is a module of its own,
//! `crates/slacalc-js`).

pub mod browser;
pub mod clipboard;
pub mod files;
pub mod history;
pub mod storage;
pub mod workbook;
