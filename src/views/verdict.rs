//! The verdict card (issue #17): what a shared link says, in the first screen of a phone. The
//! incident (or the ledger's count), the damages after the cap (L4.2, L4.3) in large type,
//! each deadline met, missed by how long or pending, coverage, priority and event level in
//! words, the clauses cited and the moment it was assessed at. The page leads with it when
//! opened from a link, and the embed card is made of it. `static/verdict.js` paints the same
//! card (the same elements and classes) from the link's brief before the engine arrives.

use crate::i18n::labels;
use crate::i18n::lang::Lang;
use crate::views::text::{bi, late, status_class, use_lang};
use slacalc::assess::{Assessment, IncidentResult};
use std::rc::Rc;
use yew::prelude::*;

/// The assessment the card shows.
#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    /// The assessment of the linked case (one incident, or a ledger of them).
    pub a: Rc<Assessment>,
}

/// The verdict of an assessment, at a glance.
#[function_component(VerdictCard)]
pub fn verdict_card(p: &VerdictProps) -> Html {
    let lang = use_lang();
    let a = &p.a;
    let one = match a.incidents.as_slice() {
        [r] => Some(r),
        _ => None,
    };
    let what = match one {
        Some(r) => html! { <>{ bi(("事件", "Incident")) }{ " " }<strong>{ &r.id }</strong></> },
        None => {
            let missed = a.missed_deadlines();
            html! { { match lang {
                Lang::Zh => format!("{} 个事件 · {missed} 项期限超时", a.incidents.len()),
                Lang::En => format!("{} incidents · {missed} deadlines missed", a.incidents.len()),
            } } }
        }
    };
    html! {
        <section class="verdict-card" id="verdict-card">
            <p class="vc-what">{ what }</p>
            <p class="vc-amount">
                <span class="vc-label">{ bi(("违约金(封顶后)", "Damages after the cap")) }</span>
                <span class="big" id="verdict-amount">{ a.total.penalty.pretty() }</span>
                if a.total.cap_reached { <span class="flag">{ bi(("已达上限", "cap reached")) }</span> }
            </p>
            if let Some(r) = one { { incident(lang, r) } }
            <p class="meta" id="verdict-as-of">{ lang.pick("评估时间 ", "As of ") }{ lang.date_time(&a.as_of) }</p>
        </section>
    }
}

/// One incident's classification, deadlines and clauses.
fn incident(lang: Lang, r: &IncidentResult) -> Html {
    html! {
        <>
            <p class="vc-class" id="verdict-class" data-value={r.coverage.id()}>
                { bi(labels::of(&r.coverage)) }{ " · " }
                { lang.pick(&r.priority_name.zh, &r.priority_name.en) }{ " · " }
                { bi(labels::of(&r.event_level)) }
            </p>
            if !r.deadlines.is_empty() {
                <ul class="vc-deadlines" id="verdict-deadlines">
                    { for r.deadlines.iter().map(|d| html! {
                        <li class="deadline" data-kind={format!("{:?}", d.kind)}>
                            { bi(labels::of(&d.kind)) }{ " " }
                            <span class={classes!("status", status_class(d.status))}>{ bi(labels::of(&d.status)) }
                                if d.late_seconds > 0 { { " " }{ late(lang, d.late_seconds) } }</span>
                        </li>
                    }) }
                </ul>
            }
            { crate::views::result::notes(lang, r, "verdict-notes", false) }
            <p class="vc-clauses" id="verdict-clauses">
                { for r.cited_clauses().into_iter().map(|c| html! { <><span class="clause">{ c }</span>{ " " }</> }) }
            </p>
        </>
    }
}
