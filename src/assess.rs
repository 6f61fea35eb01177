//! The assessment of a whole case: each incident classified (L2, L3.3), routed (L1), judged
//! for coverage (L4.1, L5), its deadlines computed (L3.3, L4.1, L3.4, L5.1), its penalty
//! counted (L4.2) and capped across the contract (L4.3), every step explained.

use crate::calendar::{self, Channel, DayKind, Routing};
use crate::case::{Case, Cause, Incident, Interpretation, Priority, PrioritySource};
use crate::classify::{self, Classification, EventLevel};
use crate::coverage::{self, Coverage};
use crate::deadline::{self, Commitment, Deadline, DeadlineKind, Status, Stoppages};
use crate::error::{CaseError, Problem};
use crate::explain::Step;
use crate::ledger;
use crate::money::Fen;
use crate::names::Named;
use crate::penalty::{self, Penalty};
use crate::terms::Terms;
use crate::time::{human_duration, human_duration_zh, Instant};
use chrono::Datelike;
use serde::Serialize;

/// Version of the rules this build applies; a result records it.
pub const RULES_VERSION: &str = "1";

/// The result of assessing a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// The rules version that produced this result.
    pub rules_version: &'static str,
    /// The terms applied.
    pub terms: String,
    /// The interpretation applied (every switch, defaults included).
    pub interpretation: Interpretation,
    /// The moment pending deadlines and accruing penalties were judged at.
    pub as_of: Instant,
    /// Each incident, in the order of the case.
    pub incidents: Vec<IncidentResult>,
    /// Totals over the contract (L4.3).
    pub total: Total,
}

/// The assessment of one incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncidentResult {
    /// The incident's id.
    pub id: String,
    /// The priority that sets the deadlines (L3.3).
    pub priority: Priority,
    /// The priority the facts suggest (L3.3a–c).
    pub suggested_priority: Priority,
    /// Declared and suggested priority differ.
    pub priority_mismatch: bool,
    /// L2 event level.
    pub event_level: EventLevel,
    /// L1.2 channel the report went to.
    pub channel: Channel,
    /// Which commitments apply (L4.1, L5.2, L5.3, L2.3).
    pub coverage: Coverage,
    /// Each applicable deadline.
    pub deadlines: Vec<Deadline>,
    /// Liquidated damages (L4.2) and what the cap leaves of them (L4.3).
    pub penalty: Penalty,
    /// For an unknown cause: the outcome under each possible cause.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contingent: Option<Contingent>,
    /// The reasoning, step by step, with clause ids.
    pub explanation: Vec<Step>,
}

/// Both outcomes of an incident whose cause is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contingent {
    /// If the vendor caused it: covered (L4.1), with this penalty before the cap.
    pub if_vendor: Outcome,
    /// If it was anything else (L5.2 or L5.3): no restore commitment, no penalty.
    pub if_not_vendor: Outcome,
}

/// One possible outcome of a contingent incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// Coverage under that cause.
    pub coverage: Coverage,
    /// Penalty days under that cause.
    pub penalty_days: u64,
    /// Penalty amount under that cause, before the cap.
    pub penalty_amount: Fen,
}

/// Totals over the whole contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Total {
    /// Liquidated damages due after the cap (sum of `applied`).
    pub penalty: Fen,
    /// What they would be without the cap.
    pub uncapped: Fen,
    /// L4.3: 5 % of the contract price.
    pub cap: Fen,
    /// The cap has been reached.
    pub cap_reached: bool,
    /// Penalties of contingent incidents if their cause turns out to be the vendor's
    /// (not included in `penalty`).
    pub contingent: Fen,
}

fn overflow(path: String) -> Vec<CaseError> {
    vec![CaseError::at(path, Problem::OutOfTimeRange)]
}

/// Assesses a validated case as of `as_of` (the caller's "now"; the engine reads no clock).
pub fn assess(case: &Case, as_of: Instant) -> Result<Assessment, Vec<CaseError>> {
    crate::validate::validate(case)?;
    let interp = case.interpretation;
    let terms = Terms::preset(&case.terms, &interp).ok_or_else(|| {
        vec![CaseError::at(
            "terms",
            Problem::UnknownTerms(case.terms.clone()),
        )]
    })?;
    let price = case.contract.price;
    let cap = price
        .share_bp(terms.cap_bp, 1)
        .ok_or_else(|| overflow("contract.price".into()))?;

    let mut results = Vec::with_capacity(case.incidents.len());
    for (n, inc) in case.incidents.iter().enumerate() {
        let r = assess_incident(inc, &terms, &interp, case, as_of)
            .ok_or_else(|| overflow(format!("incidents[{n}]")))?;
        results.push(r);
    }

    // L4.3: covered penalties take their share of the cap in order of restoration
    // (still-interrupted incidents last, as of now), ties in case order.
    let mut order: Vec<usize> = (0..results.len())
        .filter(|&i| results[i].coverage == Coverage::Covered && results[i].penalty.amount > Fen(0))
        .collect();
    let end_of = |i: usize| case.incidents[i].restored_at.unwrap_or(as_of);
    order.sort_by_key(|&i| (end_of(i), i));
    let claims: Vec<Fen> = order.iter().map(|&i| results[i].penalty.amount).collect();
    let granted = ledger::apply_cap(cap, &claims);
    let mut used = Fen(0);
    for (&i, &got) in order.iter().zip(&granted) {
        let r = &mut results[i];
        r.penalty.applied = got;
        r.explanation
            .push(cap_step(cap, used, r.penalty.amount, got));
        used = used
            .checked_add(got)
            .ok_or_else(|| overflow("contract.price".into()))?;
    }

    let sum = |f: &dyn Fn(&IncidentResult) -> Fen| -> Option<Fen> {
        results
            .iter()
            .try_fold(Fen(0), |acc, r| acc.checked_add(f(r)))
    };
    let uncapped = sum(&|r| {
        if r.coverage == Coverage::Covered {
            r.penalty.amount
        } else {
            Fen(0)
        }
    })
    .ok_or_else(|| overflow("incidents".into()))?;
    let contingent = sum(&|r| {
        r.contingent
            .as_ref()
            .map_or(Fen(0), |c| c.if_vendor.penalty_amount)
    })
    .ok_or_else(|| overflow("incidents".into()))?;

    Ok(Assessment {
        rules_version: RULES_VERSION,
        terms: case.terms.clone(),
        interpretation: interp,
        as_of: as_of.local(),
        total: Total {
            penalty: used,
            uncapped,
            cap,
            cap_reached: uncapped >= cap && cap > Fen(0),
            contingent,
        },
        incidents: results,
    })
}

fn assess_incident(
    inc: &Incident,
    terms: &Terms,
    interp: &Interpretation,
    case: &Case,
    as_of: Instant,
) -> Option<IncidentResult> {
    let cls = classify::classify(inc, interp);
    let routing = calendar::channel(&terms.office, &inc.reported_at);
    let channel = routing.channel;
    let cov = coverage::coverage(inc, &case.contract);
    let mut steps = vec![
        priority_step(inc, &cls, interp),
        event_step(inc, &cls, terms),
        channel_step(inc, &routing),
        coverage_step(inc, cov, case),
    ];

    let stop = Stoppages {
        pauses: crate::span::merge(
            inc.customer_pauses
                .iter()
                .map(|p| (p.start.secs(), p.end.secs()))
                .collect(),
        ),
        force_majeure: {
            let mut v: Vec<(i64, i64)> = inc
                .force_majeure
                .iter()
                .map(|f| (f.start.secs(), f.end.secs()))
                .collect();
            v.sort_unstable();
            v
        },
    };

    let mut deadlines = Vec::new();
    let commit = |kind, clause, allowed_seconds, pauses_apply| Commitment {
        kind,
        clause,
        allowed_seconds,
        pauses_apply,
    };
    let mut add = |c: Commitment, actual: Option<Instant>| -> Option<()> {
        deadlines.push(deadline::deadline(
            c,
            inc.reported_at,
            &stop,
            actual,
            as_of,
        )?);
        Some(())
    };
    if cov.response_timers() {
        match cls.priority {
            Priority::Urgent | Priority::Serious => {
                let clause = if cls.priority == Priority::Urgent {
                    "L3.3a"
                } else {
                    "L3.3b"
                };
                let phone = commit(
                    DeadlineKind::PhoneResponse,
                    clause,
                    terms.phone_response_secs,
                    false,
                );
                add(phone, inc.phone_response_at)?;
                let remote = commit(
                    DeadlineKind::RemoteAccess,
                    clause,
                    terms.remote_access_secs,
                    true,
                );
                add(remote, inc.remote_access_at)?;
            }
            Priority::General => {
                let c = commit(
                    DeadlineKind::Response,
                    "L3.3c",
                    terms.general_response_secs,
                    false,
                );
                add(c, inc.response_at)?;
            }
        }
    }
    if cov.restore_timer() {
        // L4.1 default: the 2-hour clock runs from the report.
        let c = commit(DeadlineKind::Restore, "L4.1", terms.restore_secs, true);
        add(c, inc.restored_at)?;
    }
    for d in &deadlines {
        steps.extend(deadline_steps(d, interp));
    }

    let mut pen = Penalty::default();
    let restore_missed = deadlines
        .iter()
        .any(|d| d.kind == DeadlineKind::Restore && d.status == Status::Missed);
    if let (true, Some(from)) = (restore_missed, inc.interrupted_from) {
        let (to, accruing) = match inc.restored_at {
            Some(t) => (t, false),
            None => (as_of, true),
        };
        let mut excluded = stop.pauses.clone();
        excluded.extend(stop.force_majeure.iter().copied());
        pen = penalty::penalty(
            case.contract.price,
            terms.penalty_bp_per_day,
            from.secs(),
            to.secs(),
            &excluded,
            accruing,
        )?;
        steps.push(penalty_step(&pen, from, to, case.contract.price, terms));
    } else if cov.restore_timer() {
        steps.push(Step::new(
            "L4.2",
            "恢复期限未被违反,不产生违约金。",
            "The restore deadline was not missed: no liquidated damages.",
        ));
    }

    let contingent = (cov == Coverage::Contingent).then_some(Contingent {
        if_vendor: Outcome {
            coverage: Coverage::Covered,
            penalty_days: pen.days,
            penalty_amount: pen.amount,
        },
        if_not_vendor: Outcome {
            coverage: Coverage::OutsideFreeMaintenance,
            penalty_days: 0,
            penalty_amount: Fen(0),
        },
    });
    if let Some(c) = &contingent {
        steps.push(Step::new(
            "L4.3",
            format!(
                "原因未明:若为我方(厂商)原因,违约金为 {};若为其他原因(L5.2/L5.3),为 ¥0.00。确定原因前不计入累计总额。",
                c.if_vendor.penalty_amount.pretty()
            ),
            format!(
                "Cause unknown: if the vendor caused it the damages are {}; for any other cause (L5.2/L5.3) ¥0.00. Not counted in the running total until the cause is settled.",
                c.if_vendor.penalty_amount.pretty()
            ),
        ));
    }

    Some(IncidentResult {
        id: inc.id.clone(),
        priority: cls.priority,
        suggested_priority: cls.suggested,
        priority_mismatch: cls.mismatch,
        event_level: cls.event_level,
        channel,
        coverage: cov,
        deadlines,
        penalty: pen,
        contingent,
        explanation: steps,
    })
}

fn priority_names(p: Priority) -> (&'static str, &'static str, &'static str) {
    let (zh, en) = p.names();
    let clause = match p {
        Priority::Urgent => "L3.3a",
        Priority::Serious => "L3.3b",
        Priority::General => "L3.3c",
    };
    (zh, en, clause)
}

fn priority_step(inc: &Incident, cls: &Classification, interp: &Interpretation) -> Step {
    let (szh, sen, sclause) = priority_names(cls.suggested);
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
    let (pzh, pen, _) = priority_names(cls.priority);
    let (zh_tail, en_tail) = match (inc.declared_priority, interp.priority_source) {
        (None, _) => (
            format!("客户未说明优先级,按建议优先级「{pzh}」计算期限。"),
            format!("No priority was declared: deadlines use the suggested one ({pen})."),
        ),
        (Some(d), PrioritySource::Declared) => {
            let (dzh, den, _) = priority_names(d);
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
                format!("The customer declared {den}{}; the declared priority sets the deadlines (default reading).", flag.1),
            )
        }
        (Some(d), PrioritySource::Suggested) => {
            let (dzh, den, _) = priority_names(d);
            (
                format!("客户说明的优先级为「{dzh}」,但所选解释按建议优先级「{pzh}」计算期限。"),
                format!("The customer declared {den}, but the chosen reading uses the suggested priority ({pen})."),
            )
        }
    };
    Step::new(
        "L3.3",
        format!("{fzh},建议优先级「{szh}」({sclause})。{zh_tail}"),
        format!("{} → suggested priority {sen} ({sclause}). {en_tail}", fen),
    )
}

fn event_step(inc: &Incident, cls: &Classification, terms: &Terms) -> Step {
    let share = inc.facts.mailboxes_affected_pct.describe();
    let t = terms.majority_threshold_pct;
    match cls.event_level {
        EventLevel::Consultation => Step::new(
            "L2.3",
            "请求属于咨询(过渡、升级、扩容或增强),不是故障。",
            "The request is a consultation (migration, upgrade, expansion, enhancement), not a fault.",
        ),
        EventLevel::Emergency => Step::new(
            "L2.1",
            format!("受影响邮箱 {share},超过 {t} %(多数用户):紧急事件。"),
            format!("{share} of mailboxes affected, more than {t} % (the majority): emergency event."),
        ),
        EventLevel::General => Step::new(
            "L2.2",
            format!("受影响邮箱 {share},不超过 {t} %(少数用户):一般事件。"),
            format!("{share} of mailboxes affected, not more than {t} % (a minority): general event."),
        ),
    }
}

fn channel_step(inc: &Incident, routing: &Routing) -> Step {
    let when = inc.reported_at.short();
    // The report's date in the calendar's zone (UTC+08:00, as `short` shows it).
    let date = when.get(..10).unwrap_or_default();
    // (what the day is, details), in Chinese and English; few format! calls, as this runs in
    // the web page, whose first load has a size budget.
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
                    format!("({a}–{b}),节假日和调休未知,按普通周一至周五计算"),
                    format!(" ({a}–{b}): holidays and make-up workdays are unknown, so plain Mon–Fri is applied"),
                )
        }
        (None, Some(kind), Some(e)) => {
            let (zh, en) = (e.name.zh(), e.name.en());
            let src = e.source.unwrap_or_default();
            let (wzh, wen) = if kind == DayKind::Holiday {
                ("是法定节假日", "is a statutory holiday")
            } else {
                ("是调休上班日", "is a make-up workday (调休上班日)")
            };
            (wzh, wen, format!("({zh} {src})"), format!(" ({en}, {src})"))
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
        Channel::OfficeHotline => ("L1.1", "在", "inside"),
        Channel::Hotline24x7 => ("L1.2", "不在", "outside"),
    };
    let (line_zh, line_en) = routing.channel.names();
    Step::new(
        clause,
        format!("报告时间 {when}(UTC+08:00):{date} {what_zh}{detail_zh},{inside_zh}办公时间(周一至周五 9:00–18:00)内:{line_zh}。"),
        format!("Reported {when} (UTC+08:00): {date} {what_en}{detail_en}, {inside_en} office hours (Mon–Fri 09:00–18:00): {line_en}."),
    )
}

fn cause_names(c: Cause) -> (&'static str, &'static str) {
    match c {
        Cause::Vendor => ("厂商(我方)原因", "a vendor cause"),
        Cause::CustomerPower => ("客户方停电", "a customer-side power cut"),
        Cause::CustomerWater => ("客户方进水", "water ingress on the customer's side"),
        Cause::CustomerUps => ("客户方 UPS 电力中断", "a customer UPS failure"),
        Cause::ServerHardware => ("服务器硬件问题", "server hardware"),
        Cause::OperatingSystem => ("操作系统问题", "the operating system"),
        Cause::CustomerMisoperation => ("客户误操作", "customer mis-operation"),
        Cause::Network => ("网络环境问题", "the network environment"),
        Cause::Unknown => ("原因未明", "an unknown cause"),
    }
}

fn coverage_step(inc: &Incident, cov: Coverage, case: &Case) -> Step {
    let (czh, cen) = cause_names(inc.cause);
    let w = &case.contract;
    let clause = cov.clause();
    match cov {
        Coverage::Consultation => Step::new(
            clause,
            "咨询不计响应或恢复时限(默认解释),适用办公时间支持(L3.1)。",
            "No response or restore timer runs for a consultation (default reading); office-hours support applies (L3.1).",
        ),
        Coverage::OutsideWarranty => Step::new(
            clause,
            format!("事件发生于保修期({} 至 {})之外:承诺函的时限和违约金不适用。", w.warranty_start, w.warranty_end),
            format!("The incident started outside the warranty period ({} to {}): the letter's timers and damages do not apply.", w.warranty_start, w.warranty_end),
        ),
        Coverage::ExcludedCustomerSide => Step::new(
            clause,
            format!("原因为{czh}:厂商协助尽量找回数据,但不承诺百分之百恢复;无恢复时限,无违约金。响应时限仍适用。"),
            format!("Caused by {cen}: best-effort data recovery, no 100 % promise; no restore commitment and no damages. Response timers still run."),
        ),
        Coverage::OutsideFreeMaintenance => Step::new(
            clause,
            format!("原因为{czh}:不在免费维护范围之内(收费服务),无 SLA 时限,无违约金。"),
            format!("Caused by {cen}: outside free maintenance (billable); no SLA timer and no damages."),
        ),
        Coverage::NoInterruption => Step::new(
            clause,
            "服务未中断:两小时恢复承诺不适用,只计响应时限。",
            "Service was not interrupted: the 2-hour restore commitment does not apply, only response timers.",
        ),
        Coverage::Contingent => Step::new(
            clause,
            "原因未明:若为厂商原因则适用两小时恢复承诺和违约金;若为 L5.2/L5.3 所列原因则不适用。下列期限按厂商原因计算。",
            "Cause unknown: if the vendor caused it the 2-hour restore commitment and damages apply; for an L5.2/L5.3 cause they do not. The deadlines below assume a vendor cause.",
        ),
        Coverage::Covered => Step::new(
            clause,
            format!("保修期内({} 至 {})由厂商原因造成服务中断:两小时恢复承诺适用。", w.warranty_start, w.warranty_end),
            format!("Service interruption by a vendor cause inside the warranty period ({} to {}): the 2-hour restore commitment applies.", w.warranty_start, w.warranty_end),
        ),
    }
}

fn deadline_steps(d: &Deadline, interp: &Interpretation) -> Vec<Step> {
    let (kzh, ken_lower) = d.kind.names();
    let ken = match d.kind {
        DeadlineKind::PhoneResponse => "Phone response",
        DeadlineKind::RemoteAccess => "Remote access",
        DeadlineKind::Response => "Response",
        DeadlineKind::Restore => "Restore",
    };
    let (rzh, ren) = match d.kind {
        DeadlineKind::PhoneResponse => (
            format!(
                "“立即”按报告后 {} 分钟内计(容差设置)",
                interp.immediate_tolerance_minutes
            ),
            format!(
                "\"immediately\" read as within {} min of the report (tolerance setting)",
                interp.immediate_tolerance_minutes
            ),
        ),
        _ => (
            format!("报告后 {}", human_duration_zh(d.allowed_seconds)),
            format!("report + {}", human_duration(d.allowed_seconds)),
        ),
    };
    let mut steps = Vec::new();
    if d.paused_seconds > 0 {
        steps.push(Step::new(
            "L3.4",
            format!("客户方暂停(如网关不可用){},{}期限顺延。", human_duration_zh(d.paused_seconds), kzh),
            format!("Customer-side pause (e.g. gateway unavailable) of {}: the {} deadline moves later by that.", human_duration(d.paused_seconds), ken_lower),
        ));
    }
    if d.force_majeure_seconds > 0 {
        steps.push(Step::new(
            "L5.1",
            format!("不可抗力:{}期限延长 {} 天(事件持续时间向上取整为整天)。", kzh, d.force_majeure_seconds / crate::time::DAY),
            format!("Force majeure: the {} deadline is extended by {} day(s) (the event's duration rounded up to whole days).", ken_lower, d.force_majeure_seconds / crate::time::DAY),
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
        d.clause,
        format!("{kzh}期限:{rzh},24×7 时钟,截止 {due};{szh}"),
        format!("{ken} due {due} ({ren}, 24×7 clock); {sen}"),
    ));
    steps
}

fn penalty_step(p: &Penalty, from: Instant, to: Instant, price: Fen, terms: &Terms) -> Step {
    let rate = format!(
        "{}.{:02} %",
        terms.penalty_bp_per_day / 100,
        terms.penalty_bp_per_day % 100
    );
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
    Step::new(
        "L4.2",
        format!(
            "中断 {} 至{} {} 共 {},扣除不可抗力和客户方暂停 {},计 {};每开始一个 24 小时计一天:{} 天 × {rate} × {} = {}。",
            from.short(), end_zh, to.short(), human_duration_zh(p.interrupted_seconds),
            human_duration_zh(p.excluded_seconds), human_duration_zh(p.counted_seconds),
            p.days, price.pretty(), p.amount.pretty()
        ),
        format!(
            "Interrupted from {} to {} {}: {}, minus {} of force majeure and customer pauses = {}; each started 24-hour period counts as a day: {} day(s) × {rate} × {} = {}.",
            from.short(), end_en, to.short(), human_duration(p.interrupted_seconds),
            human_duration(p.excluded_seconds), human_duration(p.counted_seconds),
            p.days, price.pretty(), p.amount.pretty()
        ),
    )
}

fn cap_step(cap: Fen, used_before: Fen, amount: Fen, got: Fen) -> Step {
    if got == amount {
        Step::new(
            "L4.3",
            format!("累计上限为合同总价的 5 % = {};此前已计 {},本事件计入 {},未达上限。", cap.pretty(), used_before.pretty(), got.pretty()),
            format!("Cap 5 % of the contract price = {}; {} used before this incident, this one adds {}: cap not reached.", cap.pretty(), used_before.pretty(), got.pretty()),
        )
    } else {
        Step::new(
            "L4.3",
            format!("累计上限为合同总价的 5 % = {};此前已计 {},本事件本应 {},实际只计入 {}(已达上限)。", cap.pretty(), used_before.pretty(), amount.pretty(), got.pretty()),
            format!("Cap 5 % of the contract price = {}; {} used before this incident, which would cost {} but adds only {}: cap reached.", cap.pretty(), used_before.pretty(), amount.pretty(), got.pretty()),
        )
    }
}
