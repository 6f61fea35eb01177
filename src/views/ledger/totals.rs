//! The ledger's totals: the damages against the cap (L4.3) as a bar and in figures, and
//! per quarter the damages, the L3.5 monitoring schedule and the availability.

use crate::i18n::lang::Lang;
use crate::state::ledger::Summary;
use crate::state::ledger_grid as grid;
use crate::views::monitoring::{count, reports_table};
use crate::views::text::bi;
use slacalc::ledger::ReportStatus;
use slacalc::Fen;
use yew::prelude::*;

/// The damages against the cap (L4.3): a bar, the amounts and the percentages.
pub fn totals(s: &Summary, lang: Lang) -> Html {
    let t = &s.totals.total;
    let used_pct = grid::percent(t.penalty, t.cap);
    // The bar's width: the percentage text, at most 100 (no float parsing in the page).
    let width = if t.penalty >= t.cap {
        "100".to_string()
    } else {
        used_pct.clone()
    };
    // The damages and the cap as shares of the contract price.
    let of_price = format!(
        " {} % / {} %",
        grid::percent(t.penalty, s.price),
        grid::percent(t.cap, s.price)
    );
    html! {
        <div class="ledger-totals">
            if !s.per_incident {
                <div class="cap-bar" id="ledger-cap">
                    <div class="cap-track" role="meter" aria-valuemin="0" aria-valuemax="100" aria-valuenow={used_pct.clone()}
                        aria-label={lang.pick("已用违约金上限的比例", "Share of the damages cap used")}>
                        // An SVG rectangle, not a styled width: the page's policy allows no inline style.
                        <svg class="cap-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect class={classes!("cap-fill", t.cap_reached.then_some("full"))} x="0" y="0" width={width} height="10" />
                        </svg>
                    </div>
                    <p class="cap-numbers" id="ledger-cap-numbers">
                        <strong>{ format!("{} / {}", t.penalty.pretty(), t.cap.pretty()) }</strong>
                        { " · " }{ bi(("已用上限", "of the cap used")) }{ format!(" {used_pct} %") }
                        { " · " }{ bi(("合同总价的", "of the contract price")) }
                        { of_price }
                        if t.cap_reached { { " · " }<span class="flag">{ bi(("已达到上限", "cap reached")) }</span> }
                    </p>
                </div>
            }
            <dl class="ledger-total">
                <dt>{ bi(("违约金合计(封顶后)", "Total after the cap")) }</dt><dd id="ledger-total">{ t.penalty.pretty() }</dd>
                <dt>{ bi(("未封顶合计", "Before the cap")) }</dt><dd id="ledger-uncapped">{ t.uncapped.pretty() }</dd>
                <dt>{ bi(("上限", "Cap")) }{ " " }<span class="clause">{ "L4.3" }</span></dt>
                <dd>{ t.cap.pretty() }if s.per_incident { { " " }{ bi(("(每一事件)", "(each incident)")) } }</dd>
                if t.contingent > Fen(0) {
                    <dt>{ bi(("原因未明者若为厂商原因", "If the unknown causes are the vendor's")) }</dt><dd>{ t.contingent.pretty() }</dd>
                }
            </dl>
        </div>
    }
}

/// Per quarter, the L3.5 schedule and availability per month.
pub fn schedules(s: &Summary, lang: Lang) -> Html {
    let t = &s.totals;
    let overdue = count(&t.monitoring, ReportStatus::Overdue);
    html! {
        <div class="ledger-schedules">
            <details id="ledger-quarters-box">
                <summary>{ bi(("各季度违约金(按恢复时间)", "Damages per quarter (by restoration)")) }</summary>
                <table id="ledger-quarters">
                    <thead><tr><th>{ bi(("季度", "Quarter")) }</th><th>{ bi(("事件", "Incidents")) }</th>
                        <th>{ bi(("计入(封顶后)", "Applied")) }</th><th>{ bi(("未封顶", "Before the cap")) }</th></tr></thead>
                    <tbody>
                    { for t.quarters.iter().map(|q| html! {
                        <tr><td>{ lang.period(&q.quarter) }</td><td>{ q.incidents }</td><td>{ q.penalty.pretty() }</td><td>{ q.uncapped.pretty() }</td></tr>
                    }) }
                    </tbody>
                </table>
            </details>
            if !t.monitoring.is_empty() {
                <details id="ledger-monitoring-box">
                    <summary>{ bi(("远程监测报告(每季度)", "Remote-monitoring reports (quarterly)")) }{ " " }<span class="clause">{ "L3.5" }</span>
                        { format!(" · {} · ", t.monitoring.len()) }{ bi(("逾期", "overdue")) }{ format!(" {overdue}") }</summary>
                    { reports_table("ledger-monitoring", &t.monitoring, lang) }
                </details>
            }
            <details id="ledger-availability">
                <summary>{ bi(("可用率(无厂商原因中断的时间占比)", "Availability (share of time without vendor-caused interruption)")) }</summary>
                <table>
                    <thead><tr><th>{ bi(("期间", "Period")) }</th><th>{ bi(("中断", "Down")) }</th><th>{ bi(("可用率", "Availability")) }</th></tr></thead>
                    <tbody>
                    { for t.availability_quarters.iter().chain(t.availability_months.iter()).map(|v| html! {
                        <tr class={classes!((v.down_seconds > 0).then_some("down"))}>
                            <td>{ lang.period(&v.period) }</td>
                            <td>{ lang.duration(v.down_seconds) }</td>
                            <td>{ format!("{} %", v.availability_pct) }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
            </details>
        </div>
    }
}
