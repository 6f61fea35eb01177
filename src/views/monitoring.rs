//! The L3.5 remote-monitoring reports: one every quarter of the warranty, each delivered,
//! due, overdue or upcoming. Shown for the case on the page and for the ledger.

use crate::i18n::labels::Bi;
use crate::i18n::lang::Lang;
use crate::views::text::{bi, use_lang};
use slacalc::assess::Assessment;
use slacalc::ledger::{ReportStatus, ScheduledReport};
use std::rc::Rc;
use yew::prelude::*;

/// A report's status in words, and the class it is drawn with.
fn report_status(s: ReportStatus) -> (Bi, &'static str) {
    match s {
        ReportStatus::Delivered => (("已提交", "delivered"), "met"),
        ReportStatus::Due => (("待提交", "due"), "pending"),
        ReportStatus::Overdue => (("已逾期", "overdue"), "missed"),
        ReportStatus::Upcoming => (("未开始", "upcoming"), ""),
    }
}

/// The reports as a table (element id `id`): number, period, due date, status.
pub fn reports_table(id: &'static str, reports: &[ScheduledReport], lang: Lang) -> Html {
    html! {
        <table id={id}>
            <thead><tr>
                <th>{ "#" }</th><th>{ bi(("周期", "Period")) }</th><th>{ bi(("截止", "Due")) }</th><th>{ bi(("状态", "Status")) }</th>
            </tr></thead>
            <tbody>
            { for reports.iter().map(|m| {
                let (label, class) = report_status(m.status);
                html! {
                    <tr>
                        <td>{ m.period }</td>
                        <td>{ format!("{} – {}", lang.date(m.from), lang.date(m.to)) }</td>
                        <td>{ lang.date(m.due) }</td>
                        <td class={classes!("status", class)}>{ bi(label) }</td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
    }
}

/// How many of `reports` have status `s`.
pub fn count(reports: &[ScheduledReport], s: ReportStatus) -> usize {
    reports.iter().filter(|m| m.status == s).count()
}

/// The assessment whose reports are shown.
#[derive(Properties, PartialEq)]
pub struct MonitoringProps {
    /// The assessment of the case on the page.
    pub a: Rc<Assessment>,
}

/// L3.5: the quarterly monitoring reports of the warranty and where each stands (nothing
/// when the terms ask for none).
#[function_component(MonitoringCard)]
pub fn monitoring_card(p: &MonitoringProps) -> Html {
    let lang = use_lang();
    let reports = &p.a.monitoring;
    if reports.is_empty() {
        return html! {};
    }
    let (overdue, delivered) = (
        count(reports, ReportStatus::Overdue),
        count(reports, ReportStatus::Delivered),
    );
    let counts = match lang {
        Lang::Zh => format!(
            " · 共 {} 份,已提交 {delivered} 份,逾期 {overdue} 份",
            reports.len()
        ),
        Lang::En => format!(
            " · {} reports, {delivered} delivered, {overdue} overdue",
            reports.len()
        ),
    };
    html! {
        <details class="card" id="monitoring-card">
            <summary><h2>{ bi(("远程监测报告", "Remote-monitoring reports")) }{ " " }<span class="clause">{ "L3.5" }</span>
                { counts }</h2></summary>
            <p class="note">{ bi(("交付记录写在案例的 monitoring_reports 中(CLI / JSON)。", "Deliveries are recorded in the case's monitoring_reports (CLI / JSON).")) }</p>
            { reports_table("monitoring", reports, lang) }
        </details>
    }
}
