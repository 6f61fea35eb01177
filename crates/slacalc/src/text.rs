//! The assessment as readable text, in English or Chinese, every line with its clause id.

use crate::assess::Assessment;
use crate::deadline::Status;
use crate::names::Named;
use std::fmt::Write;

/// Language of human-readable output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// 简体中文.
    Zh,
    /// English.
    En,
}

impl Lang {
    fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    fn name(self, v: &impl Named) -> &'static str {
        let (zh, en) = v.names();
        self.pick(zh, en)
    }
}

/// Renders `a` as plain text.
pub fn render(a: &Assessment, lang: Lang) -> String {
    let l = lang;
    let mut out = String::new();
    for r in &a.incidents {
        let _ = writeln!(out, "{} {}", l.pick("事件", "Incident"), r.id);
        let mismatch = if r.priority_mismatch {
            format!(
                " ({} {})",
                l.pick("建议", "suggested"),
                r.suggested_priority
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  [{}] {}: {}{mismatch}",
            r.explanation.first().map_or("", |s| s.clause.as_str()),
            l.pick("优先级", "priority"),
            l.pick(&r.priority_name.zh, &r.priority_name.en)
        );
        let _ = writeln!(
            out,
            "  [{}] {}: {}",
            r.event_clause,
            l.pick("事件等级", "event level"),
            l.name(&r.event_level)
        );
        let _ = writeln!(
            out,
            "  [{}] {}: {}",
            r.channel_clause,
            l.pick("报告渠道", "channel"),
            l.name(&r.channel)
        );
        let _ = writeln!(
            out,
            "  [{}] {}: {}",
            r.coverage_clause,
            l.pick("责任认定", "coverage"),
            l.name(&r.coverage)
        );
        for d in &r.deadlines {
            let status = match d.status {
                Status::Missed => {
                    let human = match l {
                        Lang::Zh => crate::time::human_duration_zh(d.late_seconds),
                        Lang::En => crate::time::human_duration(d.late_seconds),
                    };
                    format!(
                        "{} {human} ({} {})",
                        l.name(&d.status),
                        d.late_minutes,
                        l.pick("分钟", "min")
                    )
                }
                _ => l.name(&d.status).to_string(),
            };
            let actual = d.actual.map(|t| t.short()).unwrap_or_else(|| "—".into());
            let _ = writeln!(
                out,
                "  [{}] {}: {} {}, {} {actual} → {status}",
                d.clause,
                l.name(&d.kind),
                l.pick("截止", "due"),
                d.due.short(),
                l.pick("实际", "done"),
            );
        }
        let p = &r.penalty;
        let per = match (a.penalty_rule.per, l) {
            (crate::terms::Per::Day, Lang::Zh) => "天",
            (crate::terms::Per::Day, Lang::En) => "day(s)",
            (crate::terms::Per::Hour, Lang::Zh) => "小时",
            (crate::terms::Per::Hour, Lang::En) => "hour(s)",
        };
        let accruing = if p.accruing {
            l.pick("(仍在累计)", " (still accruing)")
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  [{}] {}: {} {} = {}{accruing}; [{}] {} {}",
            a.penalty_rule.clause,
            l.pick("违约金", "penalty"),
            p.periods_exact,
            per,
            p.amount.pretty(),
            a.penalty_rule.cap_clause,
            l.pick("计入", "applied"),
            p.applied.pretty(),
        );
        for n in &r.notes {
            let _ = writeln!(
                out,
                "  {}: {}",
                l.pick("注意", "note"),
                l.pick(&n.zh, &n.en)
            );
        }
        let _ = writeln!(out, "  {}:", l.pick("理由", "reasoning"));
        for s in &r.explanation {
            let _ = writeln!(out, "    [{}] {}", s.clause, l.pick(&s.zh, &s.en));
        }
    }
    out.push_str(&render_total(a, l));
    out
}

/// The full reasoning of every incident: the interpretation applied (every switch), then
/// per incident each clause consulted with its numbers, then the ledger.
pub fn explain(a: &Assessment, lang: Lang) -> String {
    let l = lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} ({}) · {} {}",
        l.pick("条款", "Terms"),
        l.pick(&a.terms_name.zh, &a.terms_name.en),
        a.terms,
        l.pick("规则版本", "rules version"),
        a.rules_version
    );
    let _ = writeln!(out, "{}:", l.pick("所用解释", "Interpretation applied"));
    if let Ok(serde_json::Value::Object(m)) = serde_json::to_value(a.interpretation) {
        for (k, v) in m {
            let shown = match &v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let _ = writeln!(out, "  {k} = {shown}");
        }
    }
    let _ = writeln!(out, "{}: {}", l.pick("评估时间", "As of"), a.as_of.short());
    for r in &a.incidents {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{} {} — {} / {} / {}",
            l.pick("事件", "Incident"),
            r.id,
            l.pick(&r.priority_name.zh, &r.priority_name.en),
            l.name(&r.event_level),
            l.name(&r.coverage)
        );
        for n in &r.notes {
            let _ = writeln!(
                out,
                "  {}: {}",
                l.pick("注意", "note"),
                l.pick(&n.zh, &n.en)
            );
        }
        for (n, s) in r.explanation.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {:>2}. [{}] {}",
                n + 1,
                s.clause,
                l.pick(&s.zh, &s.en)
            );
        }
    }
    let _ = writeln!(out);
    for q in &a.quarters {
        let _ = writeln!(
            out,
            "{} {}: {} {}, {} {}",
            l.pick("季度", "Quarter"),
            q.quarter,
            q.incidents,
            l.pick("个事件", "incident(s)"),
            l.pick("计入", "applied"),
            q.penalty.pretty()
        );
    }
    out.push_str(&render_total(a, l));
    out
}

fn render_total(a: &Assessment, l: Lang) -> String {
    let t = &a.total;
    let reached = if t.cap_reached {
        l.pick("已达上限", "cap reached")
    } else {
        l.pick("未达上限", "cap not reached")
    };
    let mut out = format!(
        "[{}] {}: {} ({} {}; {} {}; {reached})\n",
        a.penalty_rule.cap_clause,
        l.pick("违约金合计", "Total liquidated damages"),
        t.penalty.pretty(),
        l.pick("上限", "cap"),
        t.cap.pretty(),
        l.pick("未封顶合计", "uncapped"),
        t.uncapped.pretty(),
    );
    if t.contingent.0 > 0 {
        out.push_str(&format!(
            "       {}: {}\n",
            l.pick(
                "原因未明事件若为厂商原因另计",
                "if unknown causes prove to be the vendor's, add"
            ),
            t.contingent.pretty()
        ));
    }
    out
}
