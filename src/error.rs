//! Everything that can be wrong with a case, each naming the field path it concerns.
//! The CLI prints these, the page shows them beside the field: the same words everywhere.

use serde::Serialize;
use std::fmt;
use thiserror::Error;

/// One problem with one field of a case, e.g. `incidents[0].restored_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseError {
    /// Field path in the case document (`contract.price`, `incidents[2].reported_at`);
    /// empty for the document as a whole.
    pub path: String,
    /// What is wrong.
    pub problem: Problem,
    /// Line and column in the JSON text, for format errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<(usize, usize)>,
}

impl CaseError {
    /// A problem at a field path.
    pub fn at(path: impl Into<String>, problem: Problem) -> CaseError {
        CaseError {
            path: path.into(),
            problem,
            position: None,
        }
    }

    /// The English message with its path, as the CLI prints it.
    pub fn en(&self) -> String {
        self.to_string()
    }

    /// The Chinese message with its path.
    pub fn zh(&self) -> String {
        format!(
            "{}: {}{}",
            self.shown_path(),
            self.problem.zh(),
            self.where_zh()
        )
    }

    fn where_en(&self) -> String {
        self.position
            .map(|(l, c)| format!(" (line {l}, column {c})"))
            .unwrap_or_default()
    }

    fn where_zh(&self) -> String {
        self.position
            .map(|(l, c)| format!("(第 {l} 行第 {c} 列)"))
            .unwrap_or_default()
    }

    fn shown_path(&self) -> &str {
        if self.path.is_empty() || self.path == "." {
            "(document)"
        } else {
            &self.path
        }
    }
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}{}",
            self.shown_path(),
            self.problem,
            self.where_en()
        )
    }
}

impl std::error::Error for CaseError {}

/// The kinds of problem a case can have.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum Problem {
    /// The JSON could not be read into the case format; the detail is the reader's message.
    #[error("{0}")]
    Format(String),
    /// `version` is not one this build reads.
    #[error("case format version {0} is not supported (this build reads version 1)")]
    UnsupportedVersion(u32),
    /// `terms` names no built-in preset.
    #[error("unknown terms \"{0}\" (built-in: \"eyou-sdju\")")]
    UnknownTerms(String),
    /// Only yuan are supported.
    #[error("currency \"{0}\" is not supported (only \"CNY\")")]
    UnsupportedCurrency(String),
    /// Warranty end before its start.
    #[error("the warranty ends before it starts")]
    WarrantyEndsBeforeStart,
    /// A number outside its allowed range.
    #[error("must be between {min} and {max}, not {value}")]
    OutOfRange {
        /// Smallest allowed.
        min: u32,
        /// Largest allowed.
        max: u32,
        /// What was given.
        value: u32,
    },
    /// An incident without an id.
    #[error("must not be empty")]
    Empty,
    /// Two incidents share one id.
    #[error("\"{0}\" is used by another incident too")]
    DuplicateId(String),
    /// A span whose end is not after its start.
    #[error("ends at or before its start")]
    EndNotAfterStart,
    /// Two customer pauses overlap.
    #[error("overlaps the pause before it")]
    OverlappingPause,
    /// `restored_at` before `interrupted_from`.
    #[error("restoration is before the interruption started")]
    RestoredBeforeInterruption,
    /// `restored_at` with no `interrupted_from`.
    #[error("a restoration needs interrupted_from (when service stopped)")]
    RestoredWithoutInterruption,
    /// A response before the report it answers.
    #[error("is before the report (reported_at)")]
    BeforeReport,
    /// Arithmetic would leave the supported range.
    #[error("is too far from the other times of the case to compute with")]
    OutOfTimeRange,
}

impl Problem {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            Problem::Format(m) => format!("格式错误:{m}"),
            Problem::UnsupportedVersion(v) => format!("不支持案例格式版本 {v}(本程序读取版本 1)"),
            Problem::UnknownTerms(t) => format!("未知条款 \"{t}\"(内置:\"eyou-sdju\")"),
            Problem::UnsupportedCurrency(c) => format!("不支持币种 \"{c}\"(仅支持 \"CNY\")"),
            Problem::WarrantyEndsBeforeStart => "保修期结束日早于开始日".into(),
            Problem::OutOfRange { min, max, value } => {
                format!("应在 {min} 到 {max} 之间,而不是 {value}")
            }
            Problem::Empty => "不能为空".into(),
            Problem::DuplicateId(id) => format!("\"{id}\" 已被另一事件使用"),
            Problem::EndNotAfterStart => "结束时间不晚于开始时间".into(),
            Problem::OverlappingPause => "与前一个暂停时段重叠".into(),
            Problem::RestoredBeforeInterruption => "恢复时间早于中断开始时间".into(),
            Problem::RestoredWithoutInterruption => {
                "填写了恢复时间,但缺少中断开始时间(interrupted_from)".into()
            }
            Problem::BeforeReport => "早于报告时间(reported_at)".into(),
            Problem::OutOfTimeRange => "与案例中其他时间相距过远,无法计算".into(),
        }
    }
}
