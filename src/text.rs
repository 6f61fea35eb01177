//! The assessment as readable text, in English or Chinese, every line with its clause id.

use crate::assess::Assessment;
use crate::deadline::{DeadlineKind, Status};
use std::fmt::Write;

/// Language of human-readable output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// 简体中文.
    Zh,
    /// English.
    En,
}

/// Renders `a` as plain text.
pub fn render(a: &Assessment, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    for r in &a.incidents {
        let _ = writeln!(out, "{} {}", if zh { "事件" } else { "Incident" }, r.id);
        let _ = writeln!(
            out,
            "  {}: {:?} / {:?}{}",
            if zh {
                "优先级 / 事件等级"
            } else {
                "priority / event level"
            },
            r.priority,
            r.event_level,
            if r.priority_mismatch {
                if zh {
                    "(与建议不一致)"
                } else {
                    " (differs from the suggested priority)"
                }
            } else {
                ""
            }
        );
        let _ = writeln!(
            out,
            "  {}: {:?}",
            if zh { "责任认定" } else { "coverage" },
            r.coverage
        );
        for d in &r.deadlines {
            let kind = match (d.kind, zh) {
                (DeadlineKind::PhoneResponse, true) => "电话响应",
                (DeadlineKind::RemoteAccess, true) => "远程访问",
                (DeadlineKind::Response, true) => "响应",
                (DeadlineKind::Restore, true) => "恢复服务",
                (DeadlineKind::PhoneResponse, false) => "phone response",
                (DeadlineKind::RemoteAccess, false) => "remote access",
                (DeadlineKind::Response, false) => "response",
                (DeadlineKind::Restore, false) => "restore",
            };
            let status = match (d.status, zh) {
                (Status::Met, true) => "达成".to_string(),
                (Status::Pending, true) => "未到期".to_string(),
                (Status::Missed, true) => format!("超时 {} 分钟", d.late_minutes),
                (Status::Met, false) => "met".to_string(),
                (Status::Pending, false) => "pending".to_string(),
                (Status::Missed, false) => format!("missed by {} min", d.late_minutes),
            };
            let _ = writeln!(
                out,
                "  [{}] {kind}: {} {} → {status}",
                d.clause,
                if zh { "截止" } else { "due" },
                d.due.short()
            );
        }
        let p = &r.penalty;
        let _ = writeln!(
            out,
            "  [L4.2] {}: {} {} = {}; [L4.3] {} {}{}",
            if zh { "违约金" } else { "penalty" },
            p.days,
            if zh { "天" } else { "day(s)" },
            p.amount.pretty(),
            if zh { "计入" } else { "applied" },
            p.applied.pretty(),
            if p.accruing {
                if zh {
                    "(仍在累计)"
                } else {
                    " (still accruing)"
                }
            } else {
                ""
            }
        );
        let _ = writeln!(out, "  {}:", if zh { "理由" } else { "reasoning" });
        for s in &r.explanation {
            let _ = writeln!(out, "    [{}] {}", s.clause, if zh { &s.zh } else { &s.en });
        }
    }
    let t = &a.total;
    let _ = writeln!(
        out,
        "{}: {} ({} {}; {} {}{})",
        if zh {
            "违约金合计"
        } else {
            "Total liquidated damages"
        },
        t.penalty.pretty(),
        if zh { "上限" } else { "cap" },
        t.cap.pretty(),
        if zh { "未封顶合计" } else { "uncapped" },
        t.uncapped.pretty(),
        if t.cap_reached {
            if zh {
                ",已达上限"
            } else {
                ", cap reached"
            }
        } else if zh {
            ",未达上限"
        } else {
            ", cap not reached"
        }
    );
    out
}
