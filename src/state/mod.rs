//! What the page knows and how each edit changes it: the one reducer (`page`) and what it
//! holds (the form, the ledger), and the pure computations drawn from it (the ledger table's
//! sorting and filtering, the timeline's geometry, the texts a result is shared as). Nothing
//! here touches the browser, so all of it is tested natively (`cargo test -p slacalc-web`).

pub mod form;
pub mod history;
pub mod import;
pub mod ledger;
pub mod ledger_grid;
pub mod page;
pub mod saved;
pub mod share;
pub mod timeline_layout;
