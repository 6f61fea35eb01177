//! Terms as a readable clause table (issue #15), one row per clause in Chinese and English,
//! like `CLAUSES.md`: office hours (L1.1) and the out-of-hours line (L1.2), the priority levels
//! (L3.3), one row per commitment of each level (L3.3a–c, L4.1), customer pauses (L3.4),
//! monitoring (L3.5), the damages rule (L4.2) and its cap (L4.3), force majeure (L5.1) and the
//! exclusions (L5.2, L5.3). Each row cites the clause id the terms give.

use crate::calendar::Channel;
use crate::interpretation::Interpretation;
use crate::names::{counting_names, office_days, Named};
use crate::terms::{Criteria, Effect, Per, Terms};
use crate::time::{human_duration, human_duration_zh};
use crate::vocab::DeadlineKind;

/// One row of the clause table: the clause id the terms give (may be empty for custom terms
/// that give none) and the clause in words, e.g. `L3.3a`, "紧急:远程访问 30分钟内(24×7 时钟,
/// 客户方暂停不计)", "Level 1 (urgent): remote access within 30 min (24×7 clock; customer-side
/// pauses excluded)" (in English the notes are separated by `;`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ClauseRow {
    /// Clause id, e.g. `L4.2`.
    pub clause: String,
    /// The clause in Chinese.
    pub zh: String,
    /// The clause in English.
    pub en: String,
}

/// A percentage from basis points, without floats or trailing zeros: 25 → `0.25`, 500 → `5`,
/// 250 → `2.5` (L4.2 rate, L4.3 cap).
pub fn percent_bp(bp: u32) -> String {
    let frac = format!("{:02}", bp % 100);
    match frac.trim_end_matches('0') {
        "" => format!("{}", bp / 100),
        f => format!("{}.{f}", bp / 100),
    }
}

/// English words joined as `a, b or c`.
fn or_list(words: &[&str]) -> String {
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => words.join(""),
    }
}

/// The conditions of a level (L3.3a–c: "system unusable", "seriously damaged"), joined.
fn criteria(c: &Criteria, (mzh, men): (&str, &str)) -> (String, String) {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if let Some(u) = c.system_usable {
        zh.push(
            if u {
                "系统可用"
            } else {
                "系统不能正常使用"
            }
            .to_string(),
        );
        en.push(
            if u {
                "system usable"
            } else {
                "system unusable"
            }
            .to_string(),
        );
    }
    if let Some(d) = c.seriously_damaged {
        zh.push(
            if d {
                "系统受损严重"
            } else {
                "系统未严重受损"
            }
            .to_string(),
        );
        en.push(
            if d {
                "seriously damaged"
            } else {
                "not seriously damaged"
            }
            .to_string(),
        );
    }
    if let Some(p) = c.mailboxes_over_pct {
        zh.push(format!("超过 {p}% 的{mzh}受影响"));
        en.push(format!("more than {p} % of {men} affected"));
    }
    if zh.is_empty() {
        return ("其余情况".into(), "otherwise".into());
    }
    (zh.join("且"), en.join(" and "))
}

/// The terms as a clause table, in the order of `CLAUSES.md`: L1.1, L1.2, L3.3, each level's
/// commitments (L3.3a–c, L4.1), L3.4, L3.5, L4.2, L4.3, L5.1, then each exclusion (L5.2, L5.3).
/// "Immediately" (L3.3a/b) is shown with the default tolerance of the interpretation.
pub fn clause_table(terms: &Terms) -> Vec<ClauseRow> {
    let mut rows = Vec::new();
    let mut row = |clause: &str, zh: String, en: String| {
        rows.push(ClauseRow {
            clause: clause.to_string(),
            zh,
            en,
        })
    };
    let oh = &terms.office_hours;
    let (dzh, den) = office_days(&oh.days);
    let (hzh, hen) = if oh.prc_holidays {
        (
            ",按法定节假日和调休上班日调整",
            ", PRC statutory holidays off and make-up workdays on",
        )
    } else {
        (",不按法定节假日调整", ", no holiday calendar")
    };
    row(
        &oh.clause,
        format!("办公时间:{dzh} {}–{}(北京时间){hzh}", oh.open, oh.close),
        format!(
            "Office hours: {den} {}–{} (UTC+08:00){hen}",
            oh.open, oh.close
        ),
    );
    if let Some(c) = &terms.after_hours_clause {
        let (lzh, len) = Channel::Hotline24x7.names();
        row(
            c,
            format!("非办公时间:拨打{lzh}"),
            format!("Outside office hours: the {len}"),
        );
    }
    let (mut pzh, mut pen) = (Vec::new(), Vec::new());
    for l in &terms.levels {
        let (czh, cen) = criteria(&l.when, terms.measure_words());
        pzh.push(format!("{}({czh})", l.name.zh));
        pen.push(format!("{} ({cen})", l.name.en));
    }
    row(
        &terms.priority_clause,
        format!("客户说明优先级,由重到轻:{}", pzh.join("、")),
        format!(
            "The customer states the priority, most severe first: {}",
            pen.join("; ")
        ),
    );
    let tolerance = Interpretation::default().immediate_tolerance_minutes;
    let mut paused: Vec<DeadlineKind> = Vec::new();
    for (n, l) in terms.levels.iter().enumerate() {
        for c in &l.commitments {
            let (kzh, ken) = c.kind.names();
            // The notes in brackets: the L4.1 condition, the "immediately" reading, the
            // clock, the L3.4 pauses.
            let (mut nzh, mut nen) = (Vec::new(), Vec::new());
            if c.kind == DeadlineKind::Restore {
                nzh.push("厂商原因、保修期内".to_string());
                nen.push("vendor cause, in the warranty period".to_string());
            }
            let (wzh, wen) = if c.immediate {
                nzh.push(format!("默认按 {tolerance} 分钟内计"));
                nen.push(format!("read as within {tolerance} min by default"));
                ("立即".to_string(), "immediately".to_string())
            } else {
                (
                    format!("{}内", human_duration_zh(c.within.0)),
                    format!("within {}", human_duration(c.within.0)),
                )
            };
            let (czh, cen) = c.clock.names();
            nzh.push(czh.to_string());
            nen.push(cen.to_string());
            if c.pauses {
                nzh.push("客户方暂停不计".to_string());
                nen.push("customer-side pauses excluded".to_string());
                if !paused.contains(&c.kind) {
                    paused.push(c.kind);
                }
            }
            let (xzh, xen) = (nzh.join(","), nen.join("; "));
            row(
                &c.clause,
                format!("{}:{kzh} {wzh}({xzh})", l.name.zh),
                format!("Level {} ({}): {ken} {wen} ({xen})", n + 1, l.name.en),
            );
        }
    }
    if !paused.is_empty() {
        let kzh: Vec<&str> = paused.iter().map(|k| k.names().0).collect();
        let ken: Vec<&str> = paused.iter().map(|k| k.names().1).collect();
        row(
            &terms.pause_clause,
            format!("客户方原因暂停(如客户提供的网关不可用)的时间不计入{}时限", kzh.join("、")),
            format!(
                "Time the customer's side holds things up (e.g. its gateway unavailable) does not count against the {} clocks",
                ken.join(" and ")
            ),
        );
    }
    if let Some(m) = &terms.monitoring {
        row(
            &m.clause,
            format!(
                "远程系统监测:每 {} 个月提交一次报告(自保修期开始起算)",
                m.every_months
            ),
            match m.every_months {
                1 => "Remote monitoring: one report every month, counted from the warranty start"
                    .into(),
                n => format!(
                    "Remote monitoring: one report every {n} months, counted from the warranty start"
                ),
            },
        );
    }
    let p = &terms.penalty;
    let (czh, cen) = counting_names(p.counting, p.per);
    let (per_zh, per_en) = match p.per {
        Per::Day => ("每中断一天", "per day"),
        Per::Hour => ("每中断一小时", "per hour"),
    };
    row(
        &p.clause,
        format!(
            "未能按时恢复:{per_zh}支付合同总价的 {}% 违约金;{czh}",
            percent_bp(p.rate_bp)
        ),
        format!(
            "Restore deadline missed: {} % of the total contract price {per_en} of interruption as liquidated damages; {cen}",
            percent_bp(p.rate_bp)
        ),
    );
    row(
        &p.cap_clause,
        format!(
            "违约金累计不超过合同总价的 {}%(默认整个合同累计,可选每一事件)",
            percent_bp(p.cap_bp)
        ),
        format!(
            "Damages never exceed {} % of the total contract price (by default cumulative over the contract; per incident as an alternative)",
            percent_bp(p.cap_bp)
        ),
    );
    row(
        &terms.force_majeure_clause,
        "不可抗力:期限顺延,顺延日数与事件持续日数相等;不可抗力时间不计违约".into(),
        "Force majeure: deadlines extended by as many days as the event lasted; its time is never a penalty period".into(),
    );
    for e in &terms.exclusions {
        let czh: Vec<&str> = e.causes.iter().map(|c| c.names().0).collect();
        let cen: Vec<&str> = e.causes.iter().map(|c| c.names().1).collect();
        let (mut ezh, mut een) = (
            e.effect.names().0.to_string(),
            e.effect.names().1.to_string(),
        );
        if let (Effect::Extend, Some(by)) = (e.effect, e.extend_by) {
            ezh = format!("{ezh} {}", human_duration_zh(by.0));
            een = format!("{een} by {}", human_duration(by.0));
        }
        row(
            &e.clause,
            format!("由{}引起:{ezh}", czh.join("、")),
            format!("Caused by {}: {een}", or_list(&cen)),
        );
    }
    rows
}
