//! The page's two languages (Chinese first, English second), how each writes times, dates,
//! durations and periods, the page's words for the engine's values, and the letter's clauses
//! quoted in both.

pub mod clauses;
pub mod labels;
pub mod lang;
