//! One incident of the ledger table: its figures (or its problems), its actions (edit in
//! the form, duplicate, delete) and, when opened, its timeline.

use crate::i18n::labels::name;
use crate::interop::browser;
use crate::state::ledger::{LedgerAction, Row, RowKey};
use crate::state::page::PageAction;
use crate::views::text::{bi, use_lang};
use crate::views::timeline::Timeline;
use slacalc::deadline::Status;
use slacalc::names::Named;
use slacalc::{Fen, Instant};
use std::rc::Rc;
use yew::prelude::*;

/// One row of the ledger table.
#[derive(Properties, PartialEq)]
pub struct RowProps {
    /// The incident and its result.
    pub row: Row,
    /// Seconds of interruption (to the assessment time while still down).
    pub down: i64,
    /// What it adds after the cap (none: the row has problems, or the contract does).
    pub applied: Option<Fen>,
    /// Its timeline is shown.
    pub expanded: bool,
    /// The form edits it.
    pub editing: bool,
    /// The assessment time (none while the contract has problems).
    pub as_of: Option<Instant>,
    /// Where its edits go.
    pub on_page: Callback<PageAction>,
    /// Opens or closes its timeline.
    pub on_toggle: Callback<RowKey>,
}

/// One incident of the table (and its timeline when opened).
#[function_component(LedgerRow)]
pub fn ledger_row(p: &RowProps) -> Html {
    let lang = use_lang();
    let r = &p.row;
    let inc = &r.incident;
    let key = r.key;
    let on_ledger = p.on_page.reform(PageAction::Ledger);
    let edit = {
        let on_ledger = on_ledger.clone();
        Callback::from(move |_: MouseEvent| {
            on_ledger.emit(LedgerAction::Edit(key));
            // The form is where the row is edited: go there.
            browser::focus("incident-id");
        })
    };
    let duplicate = on_ledger.reform(move |_: MouseEvent| LedgerAction::Duplicate(key));
    let delete = on_ledger.reform(move |_: MouseEvent| LedgerAction::Delete(key));
    let toggle = p.on_toggle.reform(move |_: MouseEvent| key);
    let id = &inc.id;
    let cells = match r.result.as_deref() {
        Some(Ok(res)) => {
            let count = |s: Status| res.deadlines.iter().filter(|d| d.status == s).count();
            let (met, missed, pending) = (
                count(Status::Met),
                count(Status::Missed),
                count(Status::Pending),
            );
            // Each deadline and its status, for the cell's tooltip.
            let title = res
                .deadlines
                .iter()
                .map(|d| {
                    let (k, s) = (d.kind.names(), d.status.names());
                    format!("{} {}", lang.pick(k.0, k.1), lang.pick(s.0, s.1))
                })
                .collect::<Vec<_>>()
                .join(" · ");
            html! {
                <>
                    <td>{ lang.pick(&res.priority_name.zh, &res.priority_name.en).to_string() }</td>
                    <td data-coverage={res.coverage.id()}>{ name(lang, &res.coverage) }</td>
                    <td>{ if inc.interrupted_from.is_some() { lang.duration(p.down) } else { "—".into() } }</td>
                    <td class="num">{ res.penalty.amount.pretty() }</td>
                    <td class="num applied">{ p.applied.map(|a| a.pretty()).unwrap_or_else(|| "—".into()) }</td>
                    <td class="deadlines" {title}>
                        if met > 0 { <span class="status met">{ format!("✓{met}") }</span> }
                        if missed > 0 { <span class="status missed">{ format!("✗{missed}") }</span> }
                        if pending > 0 { <span class="status pending">{ format!("…{pending}") }</span> }
                        if res.deadlines.is_empty() { { "—" } }
                    </td>
                </>
            }
        }
        Some(Err(errors)) => html! {
            <td colspan="6" class="row-problems">{ for errors.iter().map(|e| html! { <span>{ lang.pick(&e.zh(), &e.en()).to_string() }</span> }) }</td>
        },
        None => html! { <td colspan="6">{ "…" }</td> },
    };
    let timeline = match (p.expanded, r.ok(), p.as_of) {
        (true, Some(res), Some(as_of)) => html! {
            <tr class="ledger-detail">
                <td colspan="9">
                    <Timeline id={format!("timeline-row-{key}")} incident={inc.clone()} result={Rc::new(res.clone())} as_of={as_of} />
                </td>
            </tr>
        },
        _ => html! {},
    };
    let has_missed = r
        .ok()
        .is_some_and(|x| x.deadlines.iter().any(|d| d.status == Status::Missed));
    html! {
        <>
            <tr class={classes!("ledger-row", p.editing.then_some("editing"), has_missed.then_some("has-missed"))}
                data-key={key.to_string()} data-id={id.clone()}>
                <td class="id">
                    <button type="button" class="expand" onclick={toggle} aria-expanded={p.expanded.to_string()}
                        aria-label={lang.pick(&format!("显示「{id}」的时间线"), &format!("Show the timeline of \"{id}\"")).to_string()}>
                        { if p.expanded { "▾" } else { "▸" } }</button>
                    { id }
                    if p.editing { { " " }<span class="flag">{ bi(("✎ 编辑中", "✎ editing")) }</span> }
                </td>
                <td class="when">{ lang.date_time(&inc.reported_at) }</td>
                { cells }
                <td class="actions-cell">
                    <button type="button" class="row-edit" onclick={edit}
                        aria-label={lang.pick(&format!("在表单中编辑「{id}」"), &format!("Edit \"{id}\" in the form")).to_string()}>
                        { bi(("编辑", "Edit")) }</button>
                    <button type="button" class="row-duplicate" onclick={duplicate}
                        aria-label={lang.pick(&format!("复制「{id}」"), &format!("Duplicate \"{id}\"")).to_string()}>
                        { bi(("复制", "Duplicate")) }</button>
                    <button type="button" class="row-delete" onclick={delete}
                        aria-label={lang.pick(&format!("删除「{id}」(可撤销)"), &format!("Delete \"{id}\" (can be undone)")).to_string()}>
                        { bi(("删除", "Delete")) }</button>
                </td>
            </tr>
            { timeline }
        </>
    }
}
