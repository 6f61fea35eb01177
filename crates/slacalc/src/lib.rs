//! slacalc engine: assesses incidents under a support contract's service commitment letter.
//! Pure Rust, no I/O and no clock: the caller passes the case and "now" (`as_of`).
//! Clause ids (L1.1 … L6) refer to `CLAUSES.md` of the eyou / Shanghai Dianji letter.

pub mod assess;
pub mod calendar;
pub mod case;
pub mod classify;
pub mod coverage;
pub mod deadline;
pub mod error;
pub mod explain;
pub mod interpretation;
pub mod ledger;
pub mod link;
pub mod money;
pub mod names;
pub mod order;
pub mod penalty;
pub mod span;
pub mod table;
pub mod terms;
pub mod text;
pub mod time;
pub mod validate;
pub mod vocab;

pub use assess::{assess, Assessment, IncidentResult, RULES_VERSION};
pub use case::Case;
pub use error::{CaseError, Problem};
pub use money::Fen;
pub use time::Instant;
pub use validate::parse_case;
