//! The result of the case on the page: the verdict, the deadlines, the timeline, the
//! damages, the explanation and the monitoring reports.

use crate::i18n::labels::{self, PRIORITIES};
use crate::i18n::lang::Lang;
use crate::views::monitoring::MonitoringCard;
use crate::views::text::{bi, late, status_class, use_lang, when};
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
    let r = &p.r;
    // The suggested level by the name the priority select gives it (its id for custom terms).
    let suggested = PRIORITIES
        .iter()
        .find(|o| o.0 == r.suggested_priority)
        .map(|o| lang.pick(o.1, o.2))
        .unwrap_or(&r.suggested_priority);
    html! {
        <div class="card verdict">
            <dl>
                <dt>{ bi(("优先级", "Priority")) }</dt>
                <dd id="priority">{ lang.pick(&r.priority_name.zh, &r.priority_name.en) }
                    if r.priority_mismatch {
                        <span class="flag" id="priority-mismatch">{ format!(" ⚠ {}{suggested}", lang.pick("建议:", "suggested: ")) }</span>
                    }
                </dd>
                <dt>{ bi(("事件等级", "Event level")) }</dt>
                <dd id="event-level">{ bi(labels::of(&r.event_level)) }</dd>
                <dt>{ bi(("报告渠道", "Channel")) }</dt>
                <dd id="channel">{ bi(labels::of(&r.channel)) }</dd>
                <dt>{ bi(("责任认定", "Coverage")) }</dt>
                <dd id="coverage" data-value={format!("{:?}", r.coverage)}>{ bi(labels::of(&r.coverage)) }</dd>
            </dl>
        </div>
    }
}

/// Each deadline of the incident: its commitment and clause, when it was due, when it was
/// met, and whether it was met, missed (by how much) or is pending.
#[function_component(Deadlines)]
pub fn deadlines(p: &IncidentProps) -> Html {
    let lang = use_lang();
    let r = &p.r;
    if r.deadlines.is_empty() {
        return html! { <div class="card"><p id="no-deadlines">{ bi(("无适用时限", "No deadline applies")) }</p></div> };
    }
    html! {
        <div class="card">
            <h2>{ bi(("期限", "Deadlines")) }</h2>
            <table id="deadlines">
                <thead><tr>
                    <th>{ bi(("承诺(条款)", "Commitment (clause)")) }</th>
                    <th>{ bi(("截止", "Due")) }</th><th>{ bi(("实际", "Actual")) }</th><th>{ bi(("结果", "Status")) }</th>
                </tr></thead>
                <tbody>
                { for r.deadlines.iter().map(|d| {
                    html! {
                        <tr class="deadline" data-kind={format!("{:?}", d.kind)}>
                            <td>{ bi(labels::of(&d.kind)) }{ " " }<span class="clause">{ &d.clause }</span></td>
                            // Labelled for a narrow screen, where the rows stack (style.css).
                            <td data-label={lang.pick("截止", "Due")}>{ when(lang, Some(&d.due)) }</td>
                            <td data-label={lang.pick("实际", "Actual")}>{ when(lang, d.actual.as_ref()) }</td>
                            <td class={classes!("status", status_class(d.status))}>{ bi(labels::of(&d.status)) }
                                if d.late_seconds > 0 { { " " }{ late(lang, d.late_seconds) } }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </div>
    }
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
    let pen = &p.r.penalty;
    let t = &p.a.total;
    html! {
        <div class="card penalty">
            <h2>{ bi(("违约金", "Liquidated damages")) }{ " " }<span class="clause">{ "L4.2 · L4.3" }</span></h2>
            <p class="big" id="penalty-amount">{ pen.amount.pretty() }</p>
            <dl>
                <dt>{ bi(("违约天数", "Penalty days")) }</dt><dd id="penalty-days">{ pen.days }
                    if pen.accruing { { " " }<span class="flag">{ bi(("仍在累计", "still accruing")) }</span> }</dd>
                <dt>{ bi(("计入金额(封顶后)", "Applied after cap")) }</dt><dd id="penalty-applied">{ pen.applied.pretty() }</dd>
                <dt>{ bi(("上限 5 %", "Cap 5 %")) }</dt><dd id="cap-amount">{ t.cap.pretty() }</dd>
                <dt>{ bi(("是否达到上限", "Cap reached")) }</dt>
                <dd id="cap-reached">{ if t.cap_reached { bi(("已达到", "yes")) } else { bi(("未达到", "no")) } }</dd>
            </dl>
            if let Some(c) = &p.r.contingent {
                <p class="contingent" id="contingent">
                    { match lang {
                        Lang::Zh => format!("若为厂商原因:{},{};若为其他原因:{}。", lang.days(c.if_vendor.penalty_days), c.if_vendor.penalty_amount.pretty(), c.if_not_vendor.penalty_amount.pretty()),
                        Lang::En => format!("If the vendor caused it: {}, {}; any other cause: {}.", lang.days(c.if_vendor.penalty_days), c.if_vendor.penalty_amount.pretty(), c.if_not_vendor.penalty_amount.pretty()),
                    } }
                </p>
            }
        </div>
    }
}

/// How the result was worked out, step by step, each step with its clause.
#[function_component(Explanation)]
pub fn explanation(p: &IncidentProps) -> Html {
    let lang = use_lang();
    html! {
        <div class="card">
            <h2>{ bi(("计算依据", "How this was worked out")) }</h2>
            <ol class="steps" id="explanation">
                { for p.r.explanation.iter().map(|s| html! {
                    <li><span class="clause">{ &s.clause }</span>{ " " }{ lang.pick(&s.zh, &s.en) }</li>
                }) }
            </ol>
        </div>
    }
}
