//! Explanation steps: every conclusion of an assessment with the clause it comes from, in
//! Chinese and English.

use crate::calendar::{Channel, DayKind, Routing};
use crate::case::{Contract, Incident};
use crate::classify::Classification;
use crate::coverage::Coverage;
use crate::deadline::{Deadline, Status};
use crate::interpretation::{Extension, Interpretation, PrioritySource, RestoreFrom};
use crate::money::Fen;
use crate::names::{counting_names, office_days, Named};
use crate::penalty::{period_names, Penalty};
use crate::terms::{PenaltyDays, Terms};
use crate::time::{human_duration, human_duration_zh, Instant};
use crate::vocab::{Clock, DeadlineKind, EventLevel};
use chrono::Datelike;
use serde::Serialize;

/// One step of reasoning, citing a clause id (e.g. `L4.2`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Clause id, e.g. `L3.3a`.
    pub clause: String,
    /// The step in Chinese.
    pub zh: String,
    /// The step in English.
    pub en: String,
}

impl Step {
    /// A step citing `clause`.
    pub fn new(clause: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Step {
        Step {
            clause: clause.into(),
            zh: zh.into(),
            en: en.into(),
        }
    }
}

fn level_names(terms: &Terms, id: &str) -> (String, String, String) {
    match terms.level(id) {
        Some(l) => (l.name.zh.clone(), l.name.en.clone(), l.clause.clone()),
        None => (
            id.to_string(),
            id.to_string(),
            terms.priority_clause.clone(),
        ),
    }
}

/// L3.3: the suggested and the applied priority.
pub fn priority(
    inc: &Incident,
    cls: &Classification,
    terms: &Terms,
    interp: &Interpretation,
) -> Step {
    let (szh, sen, sclause) = level_names(terms, &cls.suggested);
    let (fzh, fen) = if !inc.facts.system_usable {
        ("系统不能正常使用", "The system cannot be used normally")
    } else if inc.facts.seriously_damaged {
        (
            "系统可用但受损严重",
            "The system is usable but seriously damaged",
        )
    } else {
        (
            "系统可用且未严重受损",
            "The system is usable and not seriously damaged",
        )
    };
    let (pzh, pen, _) = level_names(terms, &cls.priority);
    let (zh_tail, en_tail) = match (&inc.declared_priority, interp.priority_source) {
        (None, _) => (
            format!("客户未说明优先级,按建议优先级「{pzh}」计算期限。"),
            format!("No priority was declared: deadlines use the suggested one ({pen})."),
        ),
        (Some(d), PrioritySource::Declared) => {
            let (dzh, den, _) = level_names(terms, d);
            let flag = if cls.mismatch {
                (
                    "(与建议不一致,已标记)",
                    " (differs from the suggestion: flagged)",
                )
            } else {
                ("", "")
            };
            (
                format!("客户说明的优先级为「{dzh}」{},按客户说明计算期限(默认解释)。", flag.0),
                format!(
                    "The customer declared {den}{}; the declared priority sets the deadlines (default reading).",
                    flag.1
                ),
            )
        }
        (Some(d), PrioritySource::Suggested) => {
            let (dzh, den, _) = level_names(terms, d);
            (
                format!("客户说明的优先级为「{dzh}」,但所选解释按建议优先级「{pzh}」计算期限。"),
                format!("The customer declared {den}, but the chosen reading uses the suggested priority ({pen})."),
            )
        }
    };
    Step::new(
        terms.priority_clause.clone(),
        format!("{fzh},建议优先级「{szh}」({sclause})。{zh_tail}"),
        format!("{fen} → suggested priority {sen} ({sclause}). {en_tail}"),
    )
}

/// L2.1–L2.3: the event level.
pub fn event(inc: &Incident, cls: &Classification, threshold: u32, terms: &Terms) -> Step {
    let share = inc.facts.mailboxes_affected_pct.describe();
    let clause = terms.event_clause(cls.event_level);
    // In the contract's own words (L2.1: the letter's mailboxes).
    let (mzh, men) = terms.measure_words();
    match cls.event_level {
        EventLevel::Consultation => Step::new(
            clause,
            "请求属于咨询(过渡、升级、扩容或增强),不是故障。",
            "The request is a consultation (migration, upgrade, expansion, enhancement), not a fault.",
        ),
        EventLevel::Emergency => Step::new(
            clause,
            format!("受影响{mzh} {share},超过 {threshold} %(多数用户):紧急事件。"),
            format!("{share} of {men} affected, more than {threshold} % (the majority): emergency event."),
        ),
        EventLevel::General => Step::new(
            clause,
            format!("受影响{mzh} {share},不超过 {threshold} %(少数用户):一般事件。"),
            format!("{share} of {men} affected, not more than {threshold} % (a minority): general event."),
        ),
    }
}

/// L1.1: the note an incident carries when its report date is outside every known holiday
/// ruling (the built-in table and the case's own): plain weekdays were used, and the year's
/// rulings can be imported. `None` inside the known years.
pub fn outside_note(inc: &Incident, routing: &Routing) -> Option<crate::terms::Text> {
    let c = routing.outside.as_ref()?;
    routing.kind?;
    let when = inc.reported_at.short();
    let date = when.get(..10).unwrap_or_default();
    let year = date.get(..4).unwrap_or_default();
    let (a, b) = (c.first.year(), c.last.year());
    Some(crate::terms::Text {
        zh: format!(
            "{date} 不在已知节假日安排的年份内({a}–{b}):办公时间按普通工作周计算,未考虑节假日和调休(L1.1)。可导入 {year} 年的节假日安排(国务院办公厅通知文本、节假日 JSON 或 iCalendar 文件)后重新计算。"
        ),
        en: format!(
            "{date} is outside the years of known holiday rulings ({a}–{b}): office hours were taken as plain weekdays, without holidays or make-up workdays (L1.1). Import the holiday rulings for {year} (the State Council notice text, a holiday JSON or an iCalendar file) to apply them."
        ),
    })
}

/// L1.1: the days holiday rulings added to the case decided inside a deadline on the
/// office-hours clock (its start to its due date), each run of days with its name and source;
/// `None` for the 24×7 clock or when no ruling fell inside.
pub fn rulings_in(d: &Deadline, office: &crate::calendar::Calendar) -> Option<Step> {
    use crate::calendar::range::{date_of, day_number};
    if d.clock != Clock::OfficeHours {
        return None;
    }
    let table = office.days();
    let exception = |n: i64| table.get(n).ok().flatten();
    let date = |n: i64| date_of(n).map(|d| d.to_string()).unwrap_or_default();
    let (first, last) = (
        day_number(d.from.local_date()),
        day_number(d.due.local_date()),
    );
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    // A deadline of a few business days spans weeks at most; 400 days bounds the walk.
    let mut n = first;
    while n <= last.min(first + 400) {
        let e = exception(n);
        let Some((e, src)) = e.as_ref().and_then(|e| {
            let src = e.source.as_ref().filter(|s| s.is_ruling())?;
            Some((e, src))
        }) else {
            n += 1;
            continue;
        };
        // The run of days under the same ruling.
        let mut end = n;
        while end < last && exception(end + 1).as_ref() == Some(e) {
            end += 1;
        }
        let span = if end == n {
            date(n)
        } else {
            format!("{}–{}", date(n), date(end))
        };
        let (wzh, wen) = if e.kind == DayKind::Holiday {
            ("放假", "day(s) off")
        } else {
            ("调休上班", "make-up workday(s)")
        };
        zh.push(format!("{span} {}{wzh}({src})", e.name.zh()));
        en.push(format!("{span} {} {wen} ({src})", e.name.en()));
        n = end + 1;
    }
    if zh.is_empty() {
        return None;
    }
    let (kzh, ken) = d.kind.names();
    Some(Step::new(
        d.clause.clone(),
        format!(
            "{kzh}期限按办公时间计算,期间按案例所附节假日安排:{}。",
            zh.join(";")
        ),
        format!(
            "The {ken} deadline runs on office hours, with the holiday rulings added to the case: {}.",
            en.join("; ")
        ),
    ))
}

/// L1.1/L1.2: the channel of the report, with the day type that decided it (statutory
/// holiday, make-up workday, weekend, workday, or a date outside the holiday table's years).
pub fn channel(inc: &Incident, routing: &Routing, terms: &Terms) -> Step {
    let when = inc.reported_at.short();
    let date = when.get(..10).unwrap_or_default();
    let oh = &terms.office_hours;
    let (days_zh, days_en) = office_days(&oh.days);
    let hours_zh = format!("{days_zh} {}–{}", oh.open, oh.close);
    let hours_en = format!("{days_en} {}–{}", oh.open, oh.close);
    let (what_zh, what_en, detail_zh, detail_en) = match (
        &routing.outside,
        routing.kind,
        &routing.exception,
    ) {
        (Some(c), _, _) => {
            let (a, b) = (c.first.year(), c.last.year());
            (
                    "不在法定节假日表的年份内",
                    "is outside the years of the statutory holiday calendar",
                    format!("({a}–{b}),节假日和调休未知,按普通工作日计算;可导入该年的节假日安排"),
                    format!(" ({a}–{b}): holidays and make-up workdays are unknown, so plain weekdays are applied; that year's holiday rulings can be imported"),
                )
        }
        (None, Some(kind), Some(e)) => {
            let src = e.source.as_ref().map(|s| s.as_str()).unwrap_or_default();
            // A ruling added to the case is cited as such, with its document.
            let (added_zh, added_en) = if e.source.as_ref().is_some_and(|s| s.is_ruling()) {
                ("案例所附节假日安排:", "holiday ruling added to the case: ")
            } else {
                ("", "")
            };
            let (wzh, wen) = if kind == DayKind::Holiday {
                ("是法定节假日", "is a statutory holiday")
            } else {
                ("是调休上班日", "is a make-up workday (调休上班日)")
            };
            (
                wzh,
                wen,
                format!("({} {added_zh}{src})", e.name.zh()),
                format!(" ({}, {added_en}{src})", e.name.en()),
            )
        }
        (None, Some(DayKind::Weekend), None) => {
            ("是周末", "is a weekend day", String::new(), String::new())
        }
        (None, Some(_), None) => ("是工作日", "is a workday", String::new(), String::new()),
        (None, None, _) => (
            "超出支持的年份",
            "is outside the supported years",
            String::new(),
            String::new(),
        ),
    };
    let (clause, inside_zh, inside_en) = match routing.channel {
        Channel::OfficeHotline => (oh.clause.clone(), "在", "inside"),
        Channel::Hotline24x7 => (terms.after_hours(), "不在", "outside"),
    };
    let (line_zh, line_en) = routing.channel.names();
    Step::new(
        clause,
        format!("报告时间 {when}(UTC+08:00):{date} {what_zh}{detail_zh},{inside_zh}办公时间({hours_zh})内:{line_zh}。"),
        format!("Reported {when} (UTC+08:00): {date} {what_en}{detail_en}, {inside_en} office hours ({hours_en}): {line_en}."),
    )
}

/// L4.1, L5.2, L5.3, L2.3: whether the commitments apply.
pub fn coverage(
    inc: &Incident,
    cov: Coverage,
    clause: &str,
    w: &Contract,
    consultation_timer: bool,
) -> Step {
    let (czh, cen) = inc.cause.names();
    let (zh, en) = match cov {
        Coverage::Consultation if consultation_timer => (
            "咨询按一般优先级计响应时限(所选解释),无恢复时限。".to_string(),
            "A consultation gets the general priority's response timer (chosen reading); no restore timer.".to_string(),
        ),
        Coverage::Consultation => (
            "咨询不计响应或恢复时限(默认解释),适用办公时间支持(L3.1)。".to_string(),
            "No response or restore timer runs for a consultation (default reading); office-hours support applies (L3.1).".to_string(),
        ),
        Coverage::OutsideWarranty => (
            format!("事件发生于保修期({} 至 {})之外:承诺的时限和违约金不适用。", w.warranty_start, w.warranty_end),
            format!("The incident started outside the warranty period ({} to {}): the timers and damages do not apply.", w.warranty_start, w.warranty_end),
        ),
        Coverage::ExcludedCustomerSide => (
            format!("原因为{czh}:厂商协助尽量找回数据,但不承诺百分之百恢复;无恢复时限,无违约金。响应时限仍适用。"),
            format!("Caused by {cen}: best-effort data recovery, no 100 % promise; no restore commitment and no damages. Response timers still run."),
        ),
        Coverage::OutsideFreeMaintenance => (
            format!("原因为{czh}:不在免费维护范围之内(收费服务),无 SLA 时限,无违约金。"),
            format!("Caused by {cen}: outside free maintenance (billable); no SLA timer and no damages."),
        ),
        Coverage::NoInterruption => (
            "服务未中断:恢复承诺不适用,只计响应时限。".to_string(),
            "Service was not interrupted: the restore commitment does not apply, only response timers.".to_string(),
        ),
        Coverage::Contingent => (
            "原因未明:若为厂商原因则适用恢复承诺和违约金;若为免责条款所列原因则不适用。下列期限按厂商原因计算。".to_string(),
            "Cause unknown: if the vendor caused it the restore commitment and damages apply; for an excluded cause they do not. The deadlines below assume a vendor cause.".to_string(),
        ),
        Coverage::Covered => (
            format!("保修期内({} 至 {})由{czh}造成服务中断:恢复承诺适用。", w.warranty_start, w.warranty_end),
            format!("Service interruption by {cen} inside the warranty period ({} to {}): the restore commitment applies.", w.warranty_start, w.warranty_end),
        ),
    };
    Step::new(clause, zh, en)
}

/// L3.3a–c, L4.1, L3.4, L5.1: one deadline, its extensions and its verdict.
pub fn deadline(
    d: &Deadline,
    interp: &Interpretation,
    terms: &Terms,
    immediate: bool,
) -> Vec<Step> {
    let (kzh, ken_lower) = d.kind.names();
    let ken = match d.kind {
        DeadlineKind::PhoneResponse => "Phone response",
        DeadlineKind::RemoteAccess => "Remote access",
        DeadlineKind::Response => "Response",
        DeadlineKind::Restore => "Restore",
    };
    let start = if d.kind == DeadlineKind::Restore {
        match interp.restore_clock_from {
            RestoreFrom::Report => (
                "报告(或其后的中断开始)",
                "report (or a later start of the interruption)",
            ),
            RestoreFrom::Interruption => ("中断开始", "start of the interruption"),
        }
    } else {
        ("报告", "report")
    };
    let (rzh, ren) = if immediate {
        (
            format!(
                "“立即”按报告后 {} 分钟内计(容差设置)",
                interp.immediate_tolerance_minutes
            ),
            format!(
                "\"immediately\" read as within {} min of the report (tolerance setting)",
                interp.immediate_tolerance_minutes
            ),
        )
    } else {
        (
            format!("{}后 {}", start.0, human_duration_zh(d.allowed_seconds)),
            format!("{} + {}", start.1, human_duration(d.allowed_seconds)),
        )
    };
    let (czh, cen) = d.clock.names();
    let mut steps = Vec::new();
    if d.paused_seconds > 0 {
        steps.push(Step::new(
            terms.pause_clause.clone(),
            format!("客户方暂停(如网关不可用){},{}期限顺延。", human_duration_zh(d.paused_seconds), kzh),
            format!("Customer-side pause (e.g. gateway unavailable) of {}: the {ken_lower} deadline moves later by that.", human_duration(d.paused_seconds)),
        ));
    }
    if d.force_majeure_seconds > 0 {
        let (hzh, hen) = match interp.force_majeure_extension {
            Extension::WholeDays => (
                "事件持续时间向上取整为整天",
                "the event's duration rounded up to whole days",
            ),
            Extension::Exact => ("按事件实际持续时间", "the event's exact duration"),
        };
        steps.push(Step::new(
            terms.force_majeure_clause.clone(),
            format!(
                "不可抗力:{kzh}期限延长 {}({hzh})。",
                human_duration_zh(d.force_majeure_seconds)
            ),
            format!(
                "Force majeure: the {ken_lower} deadline is extended by {} ({hen}).",
                human_duration(d.force_majeure_seconds)
            ),
        ));
    }
    let due = d.due.short();
    let (szh, sen) = match (d.status, d.actual) {
        (Status::Met, Some(a)) => (
            format!("实际 {}:已达成。", a.short()),
            format!("done {}: met.", a.short()),
        ),
        (Status::Missed, Some(a)) => (
            format!(
                "实际 {}:超时 {}。",
                a.short(),
                human_duration_zh(d.late_seconds)
            ),
            format!(
                "done {}: missed by {}.",
                a.short(),
                human_duration(d.late_seconds)
            ),
        ),
        (Status::Missed, None) => (
            format!(
                "截至评估时间尚未完成:已超时 {}。",
                human_duration_zh(d.late_seconds)
            ),
            format!(
                "not done as of the assessment: missed, {} late so far.",
                human_duration(d.late_seconds)
            ),
        ),
        _ => ("尚未到期。".to_string(), "not yet due.".to_string()),
    };
    steps.push(Step::new(
        d.clause.clone(),
        format!("{kzh}期限:{rzh},{czh},截止 {due};{szh}"),
        format!("{ken} due {due} ({ren}, {cen}); {sen}"),
    ));
    steps
}

/// L4.2: the penalty and how its periods were counted.
pub fn penalty(
    p: &Penalty,
    from: Instant,
    to: Instant,
    price: Fen,
    terms: &Terms,
    counting: PenaltyDays,
) -> Step {
    let r = &terms.penalty;
    let rate = format!("{}.{:02} %", r.rate_bp / 100, r.rate_bp % 100);
    let (pzh, pen) = period_names(r.per);
    let end_zh = if p.accruing {
        "评估时间(仍在中断)"
    } else {
        "恢复"
    };
    let end_en = if p.accruing {
        "the assessment time (still interrupted)"
    } else {
        "restoration"
    };
    let (mzh, men) = counting_names(counting, r.per);
    Step::new(
        r.clause.clone(),
        format!(
            "中断 {} 至{} {} 共 {},扣除不可抗力和客户方暂停 {},计 {};{mzh}:{} {pzh} × {rate} × {} = {}。",
            from.short(), end_zh, to.short(), human_duration_zh(p.interrupted_seconds),
            human_duration_zh(p.excluded_seconds), human_duration_zh(p.counted_seconds),
            p.periods_exact, price.pretty(), p.amount.pretty()
        ),
        format!(
            "Interrupted from {} to {} {}: {}; counted {} after {} of force majeure and customer pauses; {men}: {} {pen}(s) × {rate} × {} = {}.",
            from.short(), end_en, to.short(), human_duration(p.interrupted_seconds),
            human_duration(p.counted_seconds), human_duration(p.excluded_seconds),
            p.periods_exact, price.pretty(), p.amount.pretty()
        ),
    )
}

/// L4.3: what the cap leaves of an incident's damages.
pub fn cap(
    clause: &str,
    cap: Fen,
    used_before: Fen,
    amount: Fen,
    got: Fen,
    per_incident: bool,
) -> Step {
    let scope = if per_incident {
        ("每一事件", "per incident (chosen reading)")
    } else {
        ("整个合同累计", "cumulative over the contract")
    };
    if got == amount {
        Step::new(
            clause,
            format!(
                "上限({})为 {};此前已计 {},本事件计入 {},未达上限。",
                scope.0,
                cap.pretty(),
                used_before.pretty(),
                got.pretty()
            ),
            format!(
                "Cap ({}) {}; {} used before this incident, this one adds {}: cap not reached.",
                scope.1,
                cap.pretty(),
                used_before.pretty(),
                got.pretty()
            ),
        )
    } else {
        Step::new(
            clause,
            format!("上限({})为 {};此前已计 {},本事件本应 {},实际只计入 {}(已达上限)。", scope.0, cap.pretty(), used_before.pretty(), amount.pretty(), got.pretty()),
            format!("Cap ({}) {}; {} used before this incident, which would cost {} but adds only {}: cap reached.", scope.1, cap.pretty(), used_before.pretty(), amount.pretty(), got.pretty()),
        )
    }
}
