//! Everything that talks to the browser: its storage (the work in `localStorage`, the
//! restore points in IndexedDB), the clipboard, files, the window and document (address,
//! languages, clock, printing, events), and the JS API the page exports.

pub mod api;
pub mod browser;
pub mod clipboard;
pub mod files;
pub mod history;
pub mod storage;
pub mod workbook;
