//! The result of the case on the page: the verdict, the deadlines, the timeline, the
//! damages, the explanation and the monitoring reports.

use crate::i18n::labels::Bi;
use crate::i18n::labels::{self, PRIORITIES};
use crate::i18n::lang::Lang;
use crate::views::markup::Markup;
use crate::views::monitoring::MonitoringCard;
use crate::views::text::{bi, late_markup, status_class, use_lang, when_markup};
use crate::views::timeline::Timeline;
use slacalc::assess::{Assessment, IncidentResult};
use slacalc::case::Incident;
use slacalc::CaseError;
use std::rc::Rc;
use yew::prelude::*;

/// The result to show.
#[derive(Properties, PartialEq)]
pub struct ResultProps {
    /// The assessment of the form's case, or the problems to correct first.
    pub outcome: Rc<Result<Assessment, Vec<CaseError>>>,
    /// The incident assessed (for its timeline).
    pub incident: Option<Rc<Incident>>,
}

/// The result: verdict, deadlines, timeline, damages, how it was worked out and the
/// monitoring reports; or, while the input has problems, the list of them.
#[function_component(ResultView)]
pub fn result_view(p: &ResultProps) -> Html {
    let lang = use_lang();
    match &*p.outcome {
        Err(errors) => html! {
            <section class="results" id="result" aria-live="polite">
                <div class="problems" id="problems">
                    <h2>{ bi(("请更正标出的输入", "Please correct the marked input")) }</h2>
                    <ul>
                        { for errors.iter().map(|e| html! { <li>{ lang.pick(&e.zh(), &e.en()).to_string() }</li> }) }
                    </ul>
                </div>
            </section>
        },
        Ok(a) => {
            let Some(r) = a.incidents.first() else {
                return html! { <section class="results" id="result"></section> };
            };
            html! {
                <section class="results" id="result" aria-live="polite">
                    <Verdict r={r.clone()} />
                    { notes(lang, r, "notes", true) }
                    <Deadlines r={r.clone()} />
                    if let Some(inc) = &p.incident {
                        <div class="card" id="timeline-card">
                            <h2>{ bi(("时间线", "Timeline")) }</h2>
                            <Timeline id="timeline" incident={inc.clone()} result={Rc::new(r.clone())} as_of={a.as_of} />
                        </div>
                    }
                    <PenaltyCard r={r.clone()} a={Rc::new(a.clone())} />
                    <Explanation r={r.clone()} />
                    <MonitoringCard a={Rc::new(a.clone())} />
                    <p class="meta">{ match lang {
                        Lang::Zh => format!("规则版本 {} · 评估时间 {}", a.rules_version, lang.date_time(&a.as_of)),
                        Lang::En => format!("Rules v{} · as of {}", a.rules_version, lang.date_time(&a.as_of)),
                    } }</p>
                </section>
            }
        }
    }
}

/// What the engine says the result rests on beyond the terms (e.g. a report outside every
/// known year of holiday rulings, timed on plain weekdays, L1.1): said, never silent. With
/// `offer`, a button leads to the holiday rulings' reader (issue #15).
pub fn notes(lang: Lang, r: &IncidentResult, id: &'static str, offer: bool) -> Html {
    if r.notes.is_empty() {
        return html! {};
    }
    html! {
        <div class="card notes" {id} role="note">
            { for r.notes.iter().map(|n| html! { <p class="flag">{ lang.pick(&n.zh, &n.en) }</p> }) }
            if offer {
                <button type="button" id="offer-holidays" onclick={|_| crate::interop::browser::focus("holiday-text")}>
                    { bi(("加入节假日安排…", "Add holiday rulings…")) }</button>
            }
        </div>
    }
}

/// One incident's result.
#[derive(Properties, PartialEq)]
pub struct IncidentProps {
    /// The engine's result for the incident.
    pub r: IncidentResult,
}

/// Who answers for the incident and how urgent it is: priority (and the one the facts
/// suggest when they differ), event level, channel, coverage.
#[function_component(Verdict)]
pub fn verdict(p: &IncidentProps) -> Html {
    let lang = use_lang();
    let pick = |b: Bi| lang.pick(b.0, b.1);
    let r = &p.r;
    // The suggested level by the name the priority select gives it (its id for custom terms).
    let suggested = PRIORITIES
        .iter()
        .find(|o| o.0 == r.suggested_priority)
        .map(|o| lang.pick(o.1, o.2))
        .unwrap_or(&r.suggested_priority);
    let mut m = Markup::default();
    m.open("div class=\"card verdict\"")
        .open("dl")
        .el("dt", pick(("优先级", "Priority")))
        .open("dd id=\"priority\"")
        .text(lang.pick(&r.priority_name.zh, &r.priority_name.en));
    if r.priority_mismatch {
        m.el(
            "span class=\"flag\" id=\"priority-mismatch\"",
            &format!(" ⚠ {}{suggested}", lang.pick("建议:", "suggested: ")),
        );
    }
    m.close("dd")
        .el("dt", pick(("事件等级", "Event level")))
        .el("dd id=\"event-level\"", pick(labels::of(&r.event_level)))
        .el("dt", pick(("报告渠道", "Channel")))
        .el("dd id=\"channel\"", pick(labels::of(&r.channel)))
        .el("dt", pick(("责任认定", "Coverage")))
        .el(
            &format!("dd id=\"coverage\" data-value=\"{:?}\"", r.coverage),
            pick(labels::of(&r.coverage)),
        )
        .close("dl")
        .close("div");
    m.html()
}

/// Each deadline of the incident: its commitment and clause, when it was due, when it was
/// met, and whether it was met, missed (by how much) or is pending.
#[function_component(Deadlines)]
pub fn deadlines(p: &IncidentProps) -> Html {
    let lang = use_lang();
    let pick = |b: Bi| lang.pick(b.0, b.1);
    let r = &p.r;
    let mut m = Markup::default();
    m.open("div class=\"card\"");
    if r.deadlines.is_empty() {
        m.el(
            "p id=\"no-deadlines\"",
            pick(("无适用时限", "No deadline applies")),
        );
        m.close("div");
        return m.html();
    }
    m.el("h2", pick(("期限", "Deadlines")))
        .open("table id=\"deadlines\"")
        .open("thead")
        .open("tr");
    for h in [
        ("承诺(条款)", "Commitment (clause)"),
        ("截止", "Due"),
        ("实际", "Actual"),
        ("结果", "Status"),
    ] {
        m.el("th", pick(h));
    }
    m.close("tr").close("thead").open("tbody");
    // Due and actual are labelled for a narrow screen, where the rows stack (style.css).
    let (due, actual) = (pick(("截止", "Due")), pick(("实际", "Actual")));
    for d in &r.deadlines {
        m.open(&format!("tr class=\"deadline\" data-kind=\"{:?}\"", d.kind))
            .open("td")
            .text(pick(labels::of(&d.kind)))
            .text(" ")
            .clause(&d.clause)
            .close("td")
            .open(&format!("td data-label=\"{due}\""));
        when_markup(&mut m, lang, Some(&d.due));
        m.close("td").open(&format!("td data-label=\"{actual}\""));
        when_markup(&mut m, lang, d.actual.as_ref());
        m.close("td")
            .open(&format!("td class=\"status {}\"", status_class(d.status)))
            .text(pick(labels::of(&d.status)));
        if d.late_seconds > 0 {
            m.text(" ");
            late_markup(&mut m, lang, d.late_seconds);
        }
        m.close("td").close("tr");
    }
    m.close("tbody").close("table").close("div");
    m.html()
}

/// The damages of one incident, against the case's cap.
#[derive(Properties, PartialEq)]
pub struct PenaltyProps {
    /// The engine's result for the incident.
    pub r: IncidentResult,
    /// The whole assessment (its cap).
    pub a: Rc<Assessment>,
}

/// The liquidated damages (L4.2) and the cap (L4.3): amount, penalty days, what counts
/// after the cap, and what an unknown cause would make of it.
#[function_component(PenaltyCard)]
pub fn penalty_card(p: &PenaltyProps) -> Html {
    let lang = use_lang();
    let pick = |b: Bi| lang.pick(b.0, b.1);
    let pen = &p.r.penalty;
    let t = &p.a.total;
    let mut m = Markup::default();
    m.open("div class=\"card penalty\"")
        .open("h2")
        .text(pick(("违约金", "Liquidated damages")))
        .text(" ")
        .clause("L4.2 · L4.3")
        .close("h2")
        .el(
            "p class=\"big\" id=\"penalty-amount\"",
            &pen.amount.pretty(),
        )
        .open("dl")
        .el("dt", pick(("违约天数", "Penalty days")))
        .open("dd id=\"penalty-days\"")
        .text(&pen.days.to_string());
    if pen.accruing {
        m.text(" ")
            .el("span class=\"flag\"", pick(("仍在累计", "still accruing")));
    }
    let reached = if t.cap_reached {
        ("已达到", "yes")
    } else {
        ("未达到", "no")
    };
    m.close("dd")
        .el("dt", pick(("计入金额(封顶后)", "Applied after cap")))
        .el("dd id=\"penalty-applied\"", &pen.applied.pretty())
        .el("dt", pick(("上限 5 %", "Cap 5 %")))
        .el("dd id=\"cap-amount\"", &t.cap.pretty())
        .el("dt", pick(("是否达到上限", "Cap reached")))
        .el("dd id=\"cap-reached\"", pick(reached))
        .close("dl");
    if let Some(c) = &p.r.contingent {
        let text = match lang {
            Lang::Zh => format!(
                "若为厂商原因:{},{};若为其他原因:{}。",
                lang.days(c.if_vendor.penalty_days),
                c.if_vendor.penalty_amount.pretty(),
                c.if_not_vendor.penalty_amount.pretty()
            ),
            Lang::En => format!(
                "If the vendor caused it: {}, {}; any other cause: {}.",
                lang.days(c.if_vendor.penalty_days),
                c.if_vendor.penalty_amount.pretty(),
                c.if_not_vendor.penalty_amount.pretty()
            ),
        };
        m.el("p class=\"contingent\" id=\"contingent\"", &text);
    }
    m.close("div");
    m.html()
}

/// How the result was worked out, step by step, each step with its clause.
#[function_component(Explanation)]
pub fn explanation(p: &IncidentProps) -> Html {
    let lang = use_lang();
    let mut m = Markup::default();
    m.open("div class=\"card\"")
        .el("h2", lang.pick("计算依据", "How this was worked out"))
        .open("ol class=\"steps\" id=\"explanation\"");
    for s in &p.r.explanation {
        m.open("li")
            .clause(&s.clause)
            .text(" ")
            .text(lang.pick(&s.zh, &s.en))
            .close("li");
    }
    m.close("ol").close("div");
    m.html()
}
