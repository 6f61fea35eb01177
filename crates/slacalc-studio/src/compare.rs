//! Offers compared (issue #15): the page's ledger assessed under two to four terms side by
//! side (the ledger's own, the letter's, terms kept in the library): each terms' damages after
//! the cap (L4.3), the cap, missed deadlines (L3.3a–c, L4.1), and each incident's damages.
//! The engine's `LiveComparison` keeps it: an incident edited on the page (its row open in
//! the form: the ledger panel's `data-edit`) is reassessed alone under each terms. Exported
//! as CSV (the engine's, as `slacalc compare --csv`) and printed on one A4 sheet.

use crate::library::{self, Entry};
use slacalc::case::Case;
use slacalc::compare::{Comparison, LiveComparison, Offer, MAX_TERMS, MIN_TERMS};
use slacalc::terms::TermsSpec;
use slacalc::text::Lang;
use slacalc::Instant;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How many incidents the view lists (the CSV has them all).
pub const SHOWN_ROWS: usize = 200;

/// One set of terms that may be compared: its name and the terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The column's name.
    pub name: String,
    /// The terms.
    pub terms: TermsSpec,
}

/// The terms the ledger may be compared under: its own, the letter's (unless they are its
/// own), and each kept in the library.
pub fn choices(ledger: &Case, library: &[Entry], zh: bool) -> Vec<Choice> {
    let mut out = Vec::new();
    let own_name = match &ledger.terms {
        TermsSpec::Inline(t) => {
            let n = if zh { &t.name.zh } else { &t.name.en };
            if n.trim().is_empty() {
                t.id.clone()
            } else {
                n.clone()
            }
        }
        TermsSpec::Preset(id) => id.clone(),
    };
    let own = if zh {
        format!("本台账:{own_name}")
    } else {
        format!("This ledger: {own_name}")
    };
    out.push(Choice {
        name: own,
        terms: ledger.terms.clone(),
    });
    if !matches!(&ledger.terms, TermsSpec::Preset(id) if id == slacalc::terms::PRESET_EYOU_SDJU) {
        out.push(Choice {
            name: if zh { "承诺函" } else { "The letter" }.to_string(),
            terms: TermsSpec::Preset(slacalc::terms::PRESET_EYOU_SDJU.into()),
        });
    }
    for e in library {
        if let Ok(TermsSpec::Inline(t)) = serde_json::from_value::<TermsSpec>(e.terms.clone()) {
            out.push(Choice {
                name: e.name.clone(),
                terms: TermsSpec::Inline(t),
            });
        }
    }
    out
}

/// Where the comparison comes from.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The ledger (contract, terms, incidents), from its share link.
    pub ledger: Rc<Case>,
    /// When it is judged (the link's assessment time).
    pub as_of: Instant,
    /// In Chinese.
    pub zh: bool,
}

/// The comparison being shown (with how many times it was made: the view's `data-version`),
/// or why there is none.
type Shown = Option<Result<(u64, Rc<Comparison>), (String, String)>>;

/// The comparison of offers.
#[function_component(Compare)]
pub fn compare_view(p: &Props) -> Html {
    let zh = p.zh;
    let l = move |pair: (&'static str, &'static str)| if zh { pair.0 } else { pair.1 };
    let library = use_memo((), |_| library::load().unwrap_or_default());
    let options = use_memo((p.ledger.clone(), zh), |(ledger, zh)| {
        choices(ledger, &library, *zh)
    });
    let picked = use_state(|| (0..options.len().min(MAX_TERMS)).collect::<Vec<usize>>());
    let live: Rc<RefCell<Option<LiveComparison>>> = use_mut_ref(|| None);
    let shown = use_state(|| Shown::None);
    let stale = use_state(|| false);
    // The ledger's own total as compared (when its own terms are picked), for the check that
    // the ledger on the page is still the one compared.
    let own: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    {
        let own_name = options.first().map(|c| c.name.clone());
        let total = match &*shown {
            Some(Ok((_, c))) => c
                .terms
                .iter()
                .find(|t| Some(&t.name) == own_name.as_ref())
                .map(|t| t.penalty.pretty()),
            _ => None,
        };
        *own.borrow_mut() = total;
    }
    {
        let (own, stale) = (own.clone(), stale.clone());
        use_effect_with((), move |_| watch_ledger(own, stale));
    }
    // The comparison made again when the terms picked change.
    {
        let (live, shown, ledger, options, as_of) = (
            live.clone(),
            shown.clone(),
            p.ledger.clone(),
            options.clone(),
            p.as_of,
        );
        use_effect_with((*picked).clone(), move |picked| {
            let offers: Vec<Offer> = picked
                .iter()
                .filter_map(|i| options.get(*i))
                .map(|c| Offer {
                    name: c.name.clone(),
                    terms: c.terms.clone(),
                    interpretation: None,
                })
                .collect();
            let made = LiveComparison::new(&ledger, &offers, as_of);
            let result = match made {
                Ok(lc) => {
                    let c = lc.comparison();
                    *live.borrow_mut() = Some(lc);
                    c.map(|c| (0, Rc::new(c)))
                        .map_err(|e| (e.zh(), e.to_string()))
                }
                Err(e) => {
                    *live.borrow_mut() = None;
                    Err((e.zh(), e.to_string()))
                }
            };
            shown.set(Some(result));
        });
    }
    // An incident edited on the page: reassessed alone under each terms.
    {
        let (live, shown) = (live.clone(), shown.clone());
        use_effect_with((), move |_| watch_edits(live, shown));
    }
    let toggles = options.iter().enumerate().map(|(i, c)| {
        let picked = picked.clone();
        let on = picked.contains(&i);
        let onchange = Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut v: Vec<usize> = (*picked).clone();
            v.retain(|x| *x != i);
            if checked {
                v.push(i);
                v.sort_unstable();
            }
            picked.set(v);
        });
        html! {
            <label class="b-check"><input type="checkbox" id={format!("compare-pick-{i}")} checked={on} {onchange} />{ " " }{ &c.name }</label>
        }
    });
    let count = picked.len();
    let body = match &*shown {
        None => html! {},
        Some(Err((ezh, een))) => {
            html! { <p class="field-error" id="compare-problem">{ if zh { ezh } else { een } }</p> }
        }
        Some(Ok((_, c))) => table(c, zh),
    };
    let version = match &*shown {
        Some(Ok((v, _))) => v.to_string(),
        _ => String::new(),
    };
    let csv = match &*shown {
        Some(Ok((_, c))) => {
            crate::dom::csv_address(&c.to_csv(if zh { Lang::Zh } else { Lang::En }))
        }
        _ => String::new(),
    };
    let again = Callback::from(|_: MouseEvent| crate::dom::click("ledger-compare"));
    let close = Callback::from(|_: MouseEvent| {
        if let Some(panel) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("compare-panel"))
        {
            panel.remove();
        }
    });
    let print = Callback::from(|_: MouseEvent| {
        if let Some(panel) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("compare-panel"))
        {
            crate::dom::print_alone("printing-compare", panel);
        }
    });
    html! {
        <div class="compare" lang={l(("zh-CN", "en"))} data-version={version}>
            <h2>{ l(("比较条款(同一台账)", "Offers compared (the same ledger)")) }{ " " }<span class="clause">{ "L4.2 · L4.3" }</span></h2>
            <p class="note">{ if zh {
                format!("选择 {MIN_TERMS}–{MAX_TERMS} 套条款(已选 {count} 套)。条款库中的条款在条款编辑器中存入。在表单中编辑台账中的事件时,比较随之更新。")
            } else {
                format!("Pick {MIN_TERMS} to {MAX_TERMS} terms ({count} picked). Terms are kept in the library from the terms builder. Editing an incident of the ledger in the form updates the comparison.")
            } }</p>
            <div class="row compare-picks">{ for toggles }</div>
            <div class="row">
                <a id="compare-csv" class="button" download="slacalc-compare.csv" href={csv}>{ l(("导出 CSV", "Export CSV")) }</a>
                <button type="button" id="compare-print" onclick={print}>{ l(("打印比较 / PDF", "Print comparison / PDF")) }</button>
                <button type="button" id="compare-close" onclick={close}>{ l(("关闭比较", "Close comparison")) }</button>
            </div>
            if *stale {
                <p class="note warn" id="compare-stale">
                    { l(("台账已变更(导入、删除、合同或条款的修改),此比较可能已过时。", "The ledger has changed (an import, a deletion, the contract or the terms): this comparison may be out of date. ")) }
                    <button type="button" id="compare-again" onclick={again}>{ l(("重新比较", "Compare again")) }</button>
                </p>
            }
            { body }
        </div>
    }
}

/// The comparison as a table: each terms' totals, then each incident's damages.
fn table(c: &Comparison, zh: bool) -> Html {
    let l = |pair: (&'static str, &'static str)| if zh { pair.0 } else { pair.1 };
    let best = c.terms.iter().map(|t| t.penalty).max();
    let row = |id: &str, label: &str, cells: Vec<String>| {
        html! {
            <tr id={id.to_string()}><th scope="row">{ label }</th>{ for cells.into_iter().map(|v| html! { <td class="num">{ v }</td> }) }</tr>
        }
    };
    let shown = c.incidents.iter().take(SHOWN_ROWS).map(|i| {
        html! {
            <tr class="compare-incident" data-id={i.id.clone()}>
                <td>{ &i.id }</td>
                { for i.damages.iter().map(|d| html! { <td class="num">{ d.pretty() }</td> }) }
            </tr>
        }
    });
    let more = c.incidents.len().saturating_sub(SHOWN_ROWS);
    html! {
        <>
        <table class="compare-table" id="compare-totals">
            <thead><tr><th></th>{ for c.terms.iter().map(|t| html! { <th scope="col">{ &t.name }<br/><code>{ &t.terms }</code></th> }) }</tr></thead>
            <tbody>
                <tr id="compare-penalty"><th scope="row">{ l(("违约金(封顶后)", "Damages after the cap")) }</th>
                    { for c.terms.iter().map(|t| html! {
                        <td class={classes!("num", "big", (Some(t.penalty) == best && c.terms.len() > 1).then_some("most"))}>{ t.penalty.pretty() }</td>
                    }) }
                </tr>
                { row("compare-uncapped", l(("封顶前", "Before the cap")), c.terms.iter().map(|t| t.uncapped.pretty()).collect()) }
                { row("compare-cap", l(("封顶额", "Cap")), c.terms.iter().map(|t| t.cap.pretty()).collect()) }
                { row("compare-cap-reached", l(("达到封顶", "Cap reached")), c.terms.iter().map(|t| l(if t.cap_reached { ("是", "yes") } else { ("否", "no") }).to_string()).collect()) }
                { row("compare-missed", l(("超时的期限", "Deadlines missed")), c.terms.iter().map(|t| t.missed_deadlines.to_string()).collect()) }
                { row("compare-from-facts", l(("按事实定级的事件", "Priority from the facts")), c.terms.iter().map(|t| t.priority_from_facts.len().to_string()).collect()) }
            </tbody>
        </table>
        <p class="note">{ l(("违约金最高的一列是对采购方保护最多的条款。", "The column with the highest damages is the offer that protects the buyer most.")) }</p>
        <table class="compare-table" id="compare-incidents">
            <thead><tr><th>{ l(("事件", "Incident")) }</th>{ for c.terms.iter().map(|t| html! { <th scope="col">{ &t.name }</th> }) }</tr></thead>
            <tbody>{ for shown }</tbody>
        </table>
        if more > 0 {
            <p class="note" id="compare-more">{ if zh { format!("另有 {more} 个事件,见导出的 CSV。") } else { format!("{more} more incidents in the exported CSV.") } }</p>
        }
        </>
    }
}

/// Follows the page's ledger panel: when the row open in the form changes (`data-edit`:
/// its position, a space, the incident as JSON), that incident is reassessed under each terms
/// after the page's next frame (the page draws its own ledger first; edits made meanwhile are
/// taken together).
fn watch_edits(live: Rc<RefCell<Option<LiveComparison>>>, shown: UseStateHandle<Shown>) {
    let Some(panel) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("ledger-panel"))
    else {
        return;
    };
    let pending: Rc<RefCell<Option<(usize, slacalc::case::Incident)>>> = Rc::default();
    let version = Rc::new(std::cell::Cell::new(0u64));
    let watched = panel.clone();
    let callback = Closure::<dyn Fn()>::new(move || {
        let Some(edit) = watched.get_attribute("data-edit") else {
            return;
        };
        let Some((n, json)) = edit.split_once(' ') else {
            return;
        };
        let (Ok(n), Ok(incident)) = (n.parse::<usize>(), serde_json::from_str(json)) else {
            return;
        };
        let first = pending.borrow_mut().replace((n, incident)).is_none();
        if !first {
            return;
        }
        let (pending, live, shown, version) = (
            pending.clone(),
            live.clone(),
            shown.clone(),
            version.clone(),
        );
        crate::dom::after_next_frame(move || {
            let Some((n, incident)) = pending.borrow_mut().take() else {
                return;
            };
            let mut guard = live.borrow_mut();
            let Some(lc) = guard.as_mut() else {
                return;
            };
            // An edit that does not assess (a field half typed) leaves the comparison as it was.
            if lc.replace(n, incident).is_ok() {
                if let Ok(c) = lc.comparison() {
                    version.set(version.get() + 1);
                    shown.set(Some(Ok((version.get(), Rc::new(c)))));
                }
            }
        });
    });
    if let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of1(&"data-edit".into()));
        let _ = observer.observe_with_options(&panel, &options);
    }
    callback.forget();
}

/// Follows the page's ledger panel as a whole: when its total after the cap is no longer the
/// ledger's own total as compared (checked two frames after a change, once an edit followed
/// has been compared), or the ledger is gone, the comparison says it may be out of date. An
/// edit of the row open in the form is followed (`watch_edits`); an import, a deletion or a
/// change of the contract or terms is not.
fn watch_ledger(own: Rc<RefCell<Option<String>>>, stale: UseStateHandle<bool>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(panel) = doc.get_element_by_id("ledger-panel") else {
        return;
    };
    let check = Rc::new(move || {
        let (own, stale) = (own.clone(), stale.clone());
        crate::dom::after_next_frame(move || {
            crate::dom::after_next_frame(move || {
                let page = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("ledger-total"))
                    .and_then(|e| e.text_content());
                let compared = own.borrow().clone();
                let out_of_date = match (page, compared) {
                    (Some(page), Some(compared)) => page.trim() != compared,
                    // The ledger closed, or without totals (problems): not the one compared.
                    (None, _) => true,
                    (Some(_), None) => false,
                };
                if *stale != out_of_date {
                    stale.set(out_of_date);
                }
            });
        });
    });
    let callback = Closure::<dyn Fn()>::new(move || check());
    if let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_character_data(true);
        options.set_subtree(true);
        let _ = observer.observe_with_options(&panel, &options);
        if let Some(parent) = panel.parent_element() {
            let only_children = web_sys::MutationObserverInit::new();
            only_children.set_child_list(true);
            let _ = observer.observe_with_options(&parent, &only_children);
        }
    }
    callback.forget();
}
