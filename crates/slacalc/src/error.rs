//! Everything that can be wrong with a case, each naming the field path it concerns.
//! The CLI prints these, the page shows them beside the field: the same words everywhere.

use crate::money::MoneyError;
use crate::time::{TimeError, DATE_TAIL, DURATION_TAIL, OUT_OF_TIME_RANGE, TIME_TAIL};
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
        if self.path.is_empty() || self.path == "." || self.path == "?" {
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

const SHARE_TAIL: &str =
    " is not a share of mailboxes: a percentage 0–100 (at most two decimals), \"most\" or \"few\"";

/// The kinds of problem a case can have.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum Problem {
    /// The text is not JSON (or a value is of the wrong JSON type); the detail is the
    /// reader's message.
    #[error("{0}")]
    Format(String),
    /// A money amount that does not read (L6 price).
    #[error("{0}")]
    Money(#[from] MoneyError),
    /// A time that is not RFC 3339 with an offset.
    #[error("\"{0}\"{TIME_TAIL}")]
    NotATime(String),
    /// A date that is not `YYYY-MM-DD`.
    #[error("\"{0}\"{DATE_TAIL}")]
    NotADate(String),
    /// A share of mailboxes that does not read.
    #[error("{0}{SHARE_TAIL}")]
    NotAShare(String),
    /// A value that is not one of the allowed words.
    #[error("\"{found}\" is not allowed here; expected one of: {expected}")]
    UnknownValue {
        /// What was given.
        found: String,
        /// The allowed values.
        expected: String,
    },
    /// A field the format does not have (often a typo).
    #[error("unknown field \"{0}\"")]
    UnknownField(String),
    /// A second column of a table naming a field an earlier column names.
    #[error("the field \"{0}\" is named by an earlier column too")]
    DuplicateField(String),
    /// A required field is absent.
    #[error("the field \"{0}\" is missing")]
    MissingField(String),
    /// A value of the right JSON type but out of its range (e.g. a negative count).
    #[error("{found} is not allowed here; expected {expected}")]
    InvalidValue {
        /// What was given, as the reader words it.
        found: String,
        /// What is expected, as the reader words it.
        expected: String,
    },
    /// A time outside the years the calculator works with.
    #[error("the year must be between {min} and {max}")]
    YearOutOfRange {
        /// First year accepted.
        min: i32,
        /// Last year accepted.
        max: i32,
    },
    /// The document is larger than the reader accepts.
    #[error("the document is larger than {max_mib} MiB")]
    DocumentTooLarge {
        /// The limit in MiB.
        max_mib: usize,
    },
    /// The office-hours calendar cannot answer (e.g. a date after the last published year
    /// of the PRC holiday table).
    #[error("office-hours clock: {0}")]
    Calendar(String),
    /// A duration that does not read.
    #[error("\"{0}\"{DURATION_TAIL}")]
    NotADuration(String),
    /// A clock time that is not `HH:MM`.
    #[error("\"{0}\" is not a time of day like 09:00")]
    NotAClockTime(String),
    /// A duration that must be more than zero.
    #[error("must be more than zero")]
    NotPositive,
    /// A priority the terms do not have.
    #[error("\"{found}\" is not a priority level of the terms; expected one of: {expected}")]
    UnknownLevel {
        /// What was given.
        found: String,
        /// The terms' level ids.
        expected: String,
    },
    /// A monitoring period that the warranty does not have.
    #[error("the warranty period has no monitoring period {0}")]
    NoSuchPeriod(u32),
    /// A value of the wrong JSON type.
    #[error("is {found}, but {expected} is expected")]
    WrongType {
        /// The JSON type found, as the reader words it.
        found: String,
        /// What is expected, as the reader words it.
        expected: String,
    },
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
    #[error("{OUT_OF_TIME_RANGE}")]
    OutOfTimeRange,
    /// A holiday ruling whose last day is before its first (L1.1).
    #[error("the last day is before the first (from)")]
    EndsBeforeFirstDay,
    /// A holiday ruling longer than allowed (L1.1).
    #[error("a holiday ruling may span at most {max} days")]
    RulingTooLong {
        /// Most days allowed.
        max: u32,
    },
    /// More holiday rulings than allowed (L1.1).
    #[error("at most {max} holiday rulings")]
    TooManyRulings {
        /// Most rulings allowed.
        max: u32,
    },
}

/// A time, date or duration that does not read is the case's problem of the same name.
impl From<TimeError> for Problem {
    fn from(e: TimeError) -> Problem {
        match e {
            TimeError::NotATime(v) => Problem::NotATime(v),
            TimeError::NotADate(v) => Problem::NotADate(v),
            TimeError::NotADuration(v) => Problem::NotADuration(v),
            TimeError::OutOfTimeRange => Problem::OutOfTimeRange,
        }
    }
}

impl Problem {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            Problem::Format(m) => format!("JSON 格式错误:{m}"),
            Problem::Money(e) => e.zh().to_string(),
            Problem::NotATime(v) => {
                format!("\"{v}\" 不是带时区偏移的 RFC 3339 时间(例如 2025-03-03T08:10:00+08:00)")
            }
            Problem::NotADate(v) => format!("\"{v}\" 不是日期(例如 2024-01-01)"),
            Problem::NotAShare(v) => {
                format!("{v} 不是邮箱比例:应为 0–100 的百分数(最多两位小数)、\"most\" 或 \"few\"")
            }
            Problem::UnknownValue { found, expected } => {
                format!("此处不允许 \"{found}\";可选值:{expected}")
            }
            Problem::UnknownField(f) => format!("未知字段 \"{f}\""),
            Problem::DuplicateField(f) => format!("字段 \"{f}\" 已由前面的列给出"),
            Problem::NotADuration(v) => {
                format!("\"{v}\" 不是时长(例如 PT30M、2h、1h30m 或秒数)")
            }
            Problem::NotAClockTime(v) => format!("\"{v}\" 不是时刻(例如 09:00)"),
            Problem::NotPositive => "必须大于零".into(),
            Problem::Calendar(m) => format!("办公时间时钟无法计算:{m}"),
            Problem::DocumentTooLarge { max_mib } => format!("文档超过 {max_mib} MiB"),
            Problem::UnknownLevel { found, expected } => {
                format!("\"{found}\" 不是条款中的优先级;可选:{expected}")
            }
            Problem::NoSuchPeriod(n) => format!("保修期内没有第 {n} 个监测周期"),
            Problem::InvalidValue { found, expected } => {
                format!(
                    "不允许{};应为{}",
                    zh_json_type(found),
                    zh_json_type(expected)
                )
            }
            Problem::YearOutOfRange { min, max } => format!("年份应在 {min} 到 {max} 之间"),
            Problem::MissingField(f) => format!("缺少字段 \"{f}\""),
            Problem::WrongType { found, expected } => {
                format!(
                    "类型不符:应为{},实际为{}",
                    zh_json_type(expected),
                    zh_json_type(found)
                )
            }
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
            Problem::EndsBeforeFirstDay => "最后一天早于第一天(from)".into(),
            Problem::RulingTooLong { max } => format!("一条节假日安排最多 {max} 天"),
            Problem::TooManyRulings { max } => format!("节假日安排最多 {max} 条"),
        }
    }
}

impl Problem {
    /// Recovers the typed problem from a message of the JSON reader: the engine's own
    /// deserializers write a [`Problem`]'s text, and serde's standard messages are recognised,
    /// so that each can be shown in Chinese too. Anything else stays [`Problem::Format`].
    pub fn from_reader_message(msg: &str) -> Problem {
        let quoted = |s: &str| -> Option<String> {
            s.strip_prefix('"')?.strip_suffix('"').map(str::to_string)
        };
        for e in MoneyError::ALL {
            if msg == e.to_string() {
                return Problem::Money(e);
            }
        }
        if let Some(v) = msg.strip_suffix(TIME_TAIL).and_then(quoted) {
            return Problem::NotATime(v);
        }
        if let Some(v) = msg.strip_suffix(DATE_TAIL).and_then(quoted) {
            return Problem::NotADate(v);
        }
        if let Some(v) = msg.strip_suffix(DURATION_TAIL).and_then(quoted) {
            return Problem::NotADuration(v);
        }
        if let Some(v) = msg.strip_suffix(SHARE_TAIL) {
            return Problem::NotAShare(v.to_string());
        }
        let ticked = |s: &str| -> Option<String> {
            s.strip_prefix('`')?.strip_suffix('`').map(str::to_string)
        };
        if let Some(rest) = msg.strip_prefix("unknown variant ") {
            if let Some((found, expected)) = rest.split_once(", expected ") {
                let expected = expected.trim_start_matches("one of ").replace('`', "\"");
                if let Some(found) = ticked(found) {
                    return Problem::UnknownValue { found, expected };
                }
            }
        }
        if let Some(rest) = msg.strip_prefix("unknown field ") {
            let name = rest.split_once(',').map_or(rest, |(n, _)| n);
            if let Some(name) = ticked(name) {
                return Problem::UnknownField(name);
            }
        }
        if let Some(name) = msg.strip_prefix("missing field ").and_then(ticked) {
            return Problem::MissingField(name);
        }
        if let Some(rest) = msg.strip_prefix("invalid value: ") {
            if let Some((found, expected)) = rest.split_once(", expected ") {
                return Problem::InvalidValue {
                    found: found.to_string(),
                    expected: expected.to_string(),
                };
            }
        }
        if let Some(rest) = msg.strip_prefix("invalid type: ") {
            if let Some((found, expected)) = rest.split_once(", expected ") {
                return Problem::WrongType {
                    found: found.to_string(),
                    expected: expected.to_string(),
                };
            }
        }
        Problem::Format(msg.to_string())
    }
}

/// serde's words for JSON types, in Chinese: "a string" → "字符串", "integer `5`" → "整数 5".
fn zh_json_type(words: &str) -> String {
    let words = words.trim_start_matches("a ").trim_start_matches("an ");
    let (kind, value) = match words.split_once(' ') {
        Some((k, v)) => (k, v.trim_matches('`')),
        None => (words, ""),
    };
    let zh = match kind {
        "string" => "字符串",
        "boolean" => "布尔值",
        "integer" | "u8" | "u16" | "u32" | "u64" => "整数",
        "floating" => "小数",
        "sequence" => "列表",
        "map" | "struct" => "对象",
        "null" => "null",
        _ => return words.to_string(),
    };
    let value = value.trim_start_matches("point ").trim_matches('`');
    if value.is_empty() || kind == "struct" {
        zh.to_string()
    } else {
        format!("{zh} {value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_errors_read_back_as_the_problem_of_the_same_name() {
        for e in [
            TimeError::NotATime("2025-03-03 08:10".into()),
            TimeError::NotADate("2024-1-1".into()),
            TimeError::NotADuration("soon".into()),
        ] {
            let p = Problem::from(e.clone());
            assert_eq!(p.to_string(), e.to_string());
            assert_eq!(Problem::from_reader_message(&e.to_string()), p);
        }
        assert_eq!(
            Problem::from(TimeError::OutOfTimeRange).to_string(),
            TimeError::OutOfTimeRange.to_string()
        );
        for e in MoneyError::ALL {
            assert_eq!(
                Problem::from_reader_message(&e.to_string()),
                Problem::Money(e)
            );
        }
    }
}
