//! slacalc engine: assesses incidents under a support contract's service commitment letter.
//! Pure Rust, no I/O and no clock: the caller passes the case and "now" (`as_of`).
//! Clause ids (L1.1 … L6) refer to `CLAUSES.md` of the eyou / Shanghai Dianji letter.
//!
//! Modules import one way, from the bottom up (`scripts/module-graph` checks there is no
//! circle): [`order`], [`span`], [`time`] (instants, dates, durations), [`vocab`] (the shared
//! words: causes, commitment kinds, event levels, clocks) and [`money`] at the bottom; then
//! [`calendar`] (office hours) and [`error`] (a case's problems); [`terms`], then
//! [`interpretation`], then [`case`]; the rules ([`classify`], [`deadline`], [`coverage`],
//! [`penalty`], [`ledger`], [`validate`]) above those; at the top [`assess`](mod@assess), over
//! [`explain`] and [`names`], and the formats of its result ([`text`], [`table`], [`link`]);
//! [`clause_table`] writes the terms themselves as a table of clauses in words;
//! [`compare`] sets one ledger's results under several terms side by side.
//! Types moved down keep their older paths too (`deadline::DeadlineKind`, `case::Cause`, …)
//! as re-exports.

pub mod assess;
pub mod calendar;
pub mod case;
pub mod classify;
pub mod clause_table;
pub mod compare;
pub mod coverage;
pub mod deadline;
pub mod error;
pub mod explain;
pub mod grid;
pub mod interpretation;
pub mod ledger;
pub mod link;
pub mod money;
pub mod names;
pub mod order;
pub mod penalty;
pub mod span;
pub mod spreadsheet;
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
