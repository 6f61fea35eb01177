//! Explanation steps: every conclusion of an assessment with the clause it comes from, in
//! Chinese and English.

use serde::Serialize;

/// One step of reasoning, citing a clause id of `CLAUSES.md` (e.g. `L4.2`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Clause id, e.g. `L3.3a`.
    pub clause: &'static str,
    /// The step in Chinese.
    pub zh: String,
    /// The step in English.
    pub en: String,
}

impl Step {
    /// A step citing `clause`.
    pub fn new(clause: &'static str, zh: impl Into<String>, en: impl Into<String>) -> Step {
        Step {
            clause,
            zh: zh.into(),
            en: en.into(),
        }
    }
}
