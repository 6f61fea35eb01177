//! The ledger view (issue #6): every incident of the ledger in a table that sorts, filters
//! and pages (50 rows a page, so a 1,000-incident ledger stays fast), the damages against the
//! 5 % cap (L4.3) as a bar, quarters, the L3.5 monitoring schedule and availability per
//! month; a row opens in the form to edit, duplicates, deletes or shows its timeline; "add"
//! takes the form's incident; CSV import (with progress) and export; undo of each step. The
//! state and its rules are `ledger_state` and the engine; sorting and filtering `ledger_grid`.

use crate::i18n::labels::{bi, use_lang, Lang};
use crate::state::ledger::{LedgerAction, LedgerState, Row, RowKey, SavedLedger, Summary};
use crate::state::ledger_grid::{self as grid, Column, Facts, Filter, Sort};
use crate::state::page::PageAction;
use crate::views::timeline::Timeline;
use slacalc::deadline::Status;
use slacalc::names::Named;
use slacalc::{Fen, Instant};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Key of the saved ledger in `localStorage` (version 1 was CSV text inside the page's work).
pub const LEDGER_KEY: &str = "slacalc.ledger.v2";

/// The ledger kept by an earlier visit, if any (and readable).
pub fn load_ledger() -> Option<SavedLedger> {
    let storage = gloo::utils::window().local_storage().ok()??;
    let text = storage.get_item(LEDGER_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

/// Keeps the ledger (or its absence) in `localStorage`; the browser's refusal as text.
fn store_ledger(saved: Option<&SavedLedger>) -> Result<(), String> {
    let storage = gloo::utils::window()
        .local_storage()
        .map_err(|e| format!("{e:?}"))?
        .ok_or_else(|| "no localStorage".to_string())?;
    let result = match saved {
        Some(s) => {
            let text = serde_json::to_string(s).map_err(|e| e.to_string())?;
            storage.set_item(LEDGER_KEY, &text)
        }
        None => storage.remove_item(LEDGER_KEY),
    };
    result.map_err(|e| {
        js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_else(|| "storage error".into())
    })
}

/// Keeps the ledger in the browser's storage: once it has not changed for half a second
/// (writing a 1,000-incident ledger takes longer than a frame, so not on every keystroke),
/// and at once when the page is left.
#[hook]
pub fn use_ledger_storage(state: &LedgerState, on_problem: Callback<String>) {
    // The ledger waiting to be written (cheap to hold: its rows are shared).
    let pending: Rc<RefCell<Option<LedgerState>>> = use_mut_ref(|| None);
    let write = move |l: LedgerState, on_problem: &Callback<String>| {
        if let Err(e) = store_ledger(l.saved().as_ref()) {
            on_problem.emit(e);
        }
    };
    {
        let pending = pending.clone();
        let on_problem = on_problem.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                    if let Some(l) = pending.borrow_mut().take() {
                        write(l, &on_problem);
                    }
                });
            move || drop(listener)
        });
    }
    // Counts changes: a wait ends in a write only if no change came during it.
    let changes = use_mut_ref(|| 0u64);
    let rev = state.rev;
    let state = state.clone();
    use_effect_with(rev, move |rev| {
        // The first render only reads what was kept.
        if *rev > 0 {
            *pending.borrow_mut() = Some(state);
            let mine = {
                let mut n = changes.borrow_mut();
                *n += 1;
                *n
            };
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(Duration::from_millis(500)).await;
                if *changes.borrow() != mine {
                    return;
                }
                let latest = pending.borrow_mut().take();
                if let Some(l) = latest {
                    write(l, &on_problem);
                }
            });
        }
    });
}

/// Resolves after the browser has painted a frame (so a message shown before slow work is
/// seen before the work starts).
async fn next_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    yew::platform::time::sleep(Duration::from_millis(0)).await;
}

/// The `onchange` of the ledger's file input: the file's name and text, once read.
fn read_file(then: Callback<(String, String)>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        // The same file may be chosen again (after an undo, say).
        input.set_value("");
        let name = file.name();
        let then = then.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else {
                return;
            };
            if let Some(text) = text.as_string() {
                then.emit((name, text));
            }
        });
    })
}

/// The data rows of a CSV text (its lines but the header).
fn data_rows(text: &str) -> usize {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .count()
        .saturating_sub(1)
}

/// Imports a file: says how many rows are coming, lets that show, then imports (reading and
/// assessing 1,000 rows takes longer than 100 ms).
fn start_import(on_page: &Callback<PageAction>, name: String, text: String) {
    let on_page = on_page.clone();
    wasm_bindgen_futures::spawn_local(async move {
        on_page.emit(PageAction::Ledger(LedgerAction::ImportStart {
            rows: data_rows(&text),
            name: name.clone(),
        }));
        next_paint().await;
        on_page.emit(PageAction::Ledger(LedgerAction::Import { text, name }));
    });
}

/// A CSV file as a `data:` address (with a byte-order mark, so that spreadsheet programs
/// read the Chinese text as UTF-8).
fn csv_address(text: &str) -> String {
    format!(
        "data:text/csv;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&format!("\u{feff}{text}")))
    )
}

#[derive(Properties, PartialEq)]
pub struct LedgerViewProps {
    pub state: LedgerState,
    /// The form's incident can be added (the engine reads the form without problems).
    pub form_ok: bool,
    pub on_page: Callback<PageAction>,
}

/// The ledger panel.
#[function_component(LedgerView)]
pub fn ledger_view(p: &LedgerViewProps) -> Html {
    let lang = use_lang();
    let ui = use_table_ui();
    let l = &p.state;
    let on_ledger = p.on_page.reform(PageAction::Ledger);
    // An import over a ledger asks first (and can still be undone after).
    let pending = use_state(|| None::<(String, String)>);
    let onimport = {
        let (on_page, pending, has_rows) = (
            p.on_page.clone(),
            pending.clone(),
            l.book.as_ref().is_some_and(|b| !b.rows.is_empty()),
        );
        read_file(Callback::from(move |(name, text): (String, String)| {
            if has_rows {
                pending.set(Some((name, text)));
            } else {
                start_import(&on_page, name, text);
            }
        }))
    };
    let confirm = match (&*pending, &l.book) {
        (Some((name, text)), Some(book)) => {
            let replace = {
                let (on_page, pending, name, text) = (
                    p.on_page.clone(),
                    pending.clone(),
                    name.clone(),
                    text.clone(),
                );
                Callback::from(move |_: MouseEvent| {
                    pending.set(None);
                    start_import(&on_page, name.clone(), text.clone());
                })
            };
            let cancel = {
                let pending = pending.clone();
                Callback::from(move |_: MouseEvent| pending.set(None))
            };
            let rows = data_rows(text);
            let n = book.rows.len();
            let question = match lang {
                Lang::Zh => format!(
                    "导入 {name}({rows} 行)将替换台账中现有的 {n} 个事件(之后仍可撤销)。要替换吗?"
                ),
                Lang::En => format!(
                    "Importing {name} ({rows} rows) replaces the {n} incidents in the ledger (you can still undo it). Replace them?"
                ),
            };
            html! {
                <div class="confirm-bar" id="ledger-confirm" role="alertdialog" aria-labelledby="ledger-confirm-text">
                    <p id="ledger-confirm-text">{ question }</p>
                    <button type="button" id="ledger-confirm-replace" onclick={replace}>{ bi(("替换", "Replace")) }</button>
                    <button type="button" id="ledger-confirm-cancel" onclick={cancel}>{ bi(("取消", "Cancel")) }</button>
                </div>
            }
        }
        _ => html! {},
    };
    let add = on_ledger.reform(|_: MouseEvent| LedgerAction::AddFromForm);
    let undo = on_ledger.reform(|_: MouseEvent| LedgerAction::Undo);
    let close = on_ledger.reform(|_: MouseEvent| LedgerAction::Close);
    let export = NodeRef::default();
    let export_incidents = NodeRef::default();
    let (on_export, on_export_incidents) = match &l.book {
        Some(book) => {
            let (b1, b2) = (book.clone(), book.clone());
            let (r1, r2) = (export.clone(), export_incidents.clone());
            (
                Callback::from(move |_: MouseEvent| {
                    // Written when asked for (not on every change of a large ledger).
                    let text = b1
                        .assessment()
                        .map(|a| slacalc::table::write_assessment(&a))
                        .unwrap_or_default();
                    if let Some(a) = r1.cast::<web_sys::Element>() {
                        let _ = a.set_attribute("href", &csv_address(&text));
                    }
                }),
                Callback::from(move |_: MouseEvent| {
                    let text = slacalc::table::write_incidents(b2.incidents());
                    if let Some(a) = r2.cast::<web_sys::Element>() {
                        let _ = a.set_attribute("href", &csv_address(&text));
                    }
                }),
            )
        }
        None => (Callback::noop(), Callback::noop()),
    };
    let status = match (&l.importing, l.undo.last(), &l.note) {
        (Some((rows, name)), _, _) => html! {
            <p class="ledger-progress" id="ledger-progress">
                <span class="spinner" aria-hidden="true"></span>
                { bi(("正在导入", "Importing")) }{ format!(" {name} · {rows} ") }{ bi(("行,请稍候…", "rows, please wait…")) }
            </p>
        },
        (None, _, Some((label, about))) => html! {
            <p class="ledger-note" id="ledger-note">{ bi(*label) }{ " " }{ about }</p>
        },
        (None, Some(u), None) => {
            let (label, about) = u.label();
            html! {
                <p class="undo-bar">
                    <span id="ledger-undo-label">{ bi(label) }{ " " }<strong>{ about }</strong></span>
                    <button type="button" id="ledger-undo" onclick={undo}>{ bi(("撤销", "Undo")) }</button>
                </p>
            }
        }
        (None, None, None) => html! {},
    };
    let body = match &l.book {
        None => html! {
            <p class="note">{ bi(("导入 CSV 台账(每行一个事件),或把表单中的事件添加进来;台账按上方合同与条款计算。",
                "Import a CSV ledger (one incident per row), or add the form's incident; the ledger is assessed under the contract and terms above.")) }</p>
        },
        Some(book) => {
            let problems = match book.summary.as_deref() {
                Some(Err(errors)) => html! {
                    <div class="problems" id="ledger-problems"><ul>
                        { for errors.iter().map(|e| html! { <li>{ lang.pick(&e.zh(), &e.en()).to_string() }</li> }) }
                    </ul></div>
                },
                _ => html! {},
            };
            let summary = book.summary.as_deref().and_then(|s| s.as_ref().ok());
            html! {
                <>
                    if !book.bad_rows.is_empty() {
                        <details class="problems" id="ledger-bad-rows" open=true>
                            <summary>{ bi(("以下行未导入", "Rows not imported")) }{ format!(" ({})", book.bad_rows.len()) }</summary>
                            <ul>
                                { for book.bad_rows.iter().map(|e| html! { <li>{ lang.pick(&e.zh(), &e.en()).to_string() }</li> }) }
                            </ul>
                        </details>
                    }
                    { problems }
                    { summary.map(|s| totals(s, lang)).unwrap_or_default() }
                    { table(&book.rows, summary, l.editing, &p.on_page, &ui, lang) }
                    { summary.map(|s| schedules(s, lang)).unwrap_or_default() }
                </>
            }
        }
    };
    html! {
        <section class="card ledger-panel" id="ledger-panel">
            <h2>{ bi(("台账", "Ledger")) }{ " " }<span class="clause">{ "L4.3 · L3.5" }</span>
                if let Some(b) = &l.book {
                    <span class="ledger-count">{ format!(" · {}", b.rows.len()) }{ bi((" 个事件", " incidents")) }</span>
                }
            </h2>
            <div class="ledger-tools">
                <label class="file">{ bi(("导入 CSV…", "Import CSV…")) }
                    <input type="file" id="ledger-import" accept=".csv,text/csv" onchange={onimport} />
                </label>
                <button type="button" id="ledger-add" onclick={add} disabled={!p.form_ok}
                    title={lang.pick("把表单中的事件作为新的一行加入台账", "Add the form's incident as a new row")}>
                    { bi(("+ 添加表单中的事件", "+ Add the form's incident")) }</button>
                if l.book.is_some() {
                    <a id="ledger-export-incidents" class="button" href="#" download="slacalc-incidents.csv"
                        ref={export_incidents} onclick={on_export_incidents}>{ bi(("导出台账 CSV", "Export incidents CSV")) }</a>
                    <a id="ledger-export" class="button" href="#" download="slacalc-ledger.csv"
                        ref={export} onclick={on_export}>{ bi(("导出评估结果 CSV", "Export assessed CSV")) }</a>
                    <button type="button" id="ledger-close" onclick={close}>{ bi(("关闭台账", "Close ledger")) }</button>
                }
            </div>
            { confirm }
            <div class="ledger-status" role="status" aria-live="polite">{ status }</div>
            { body }
        </section>
    }
}

/// The damages against the cap (L4.3): a bar, the amounts and the percentages.
fn totals(s: &Summary, lang: crate::i18n::labels::Lang) -> Html {
    let t = &s.totals.total;
    let used_pct = grid::percent(t.penalty, t.cap);
    // The bar's width: the percentage text, at most 100 (no float parsing in the page).
    let width = if t.penalty >= t.cap {
        "100".to_string()
    } else {
        used_pct.clone()
    };
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
                        { format!(" {} % / {} %", grid::percent(t.penalty, s.price), grid::percent(t.cap, s.price)) }
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
fn schedules(s: &Summary, lang: crate::i18n::labels::Lang) -> Html {
    use slacalc::ledger::ReportStatus;
    let t = &s.totals;
    let report = |st: ReportStatus| -> ((&'static str, &'static str), &'static str) {
        match st {
            ReportStatus::Delivered => (("已提交", "delivered"), "met"),
            ReportStatus::Due => (("待提交", "due"), "pending"),
            ReportStatus::Overdue => (("已逾期", "overdue"), "missed"),
            ReportStatus::Upcoming => (("未开始", "upcoming"), ""),
        }
    };
    let overdue = t
        .monitoring
        .iter()
        .filter(|m| m.status == ReportStatus::Overdue)
        .count();
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
                    <table id="ledger-monitoring">
                        <thead><tr><th>{ "#" }</th><th>{ bi(("周期", "Period")) }</th><th>{ bi(("截止", "Due")) }</th><th>{ bi(("状态", "Status")) }</th></tr></thead>
                        <tbody>
                        { for t.monitoring.iter().map(|m| {
                            let (label, class) = report(m.status);
                            html! {
                                <tr><td>{ m.period }</td><td>{ format!("{} – {}", lang.date(m.from), lang.date(m.to)) }</td><td>{ lang.date(m.due) }</td>
                                    <td class={classes!("status", class)}>{ bi(label) }</td></tr>
                            }
                        }) }
                        </tbody>
                    </table>
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

/// The facts of each row (by position), kept until the row (or what it adds after the
/// cap) changes; their words, until the incident or its classification does.
type FactsCache = Vec<(Row, Option<Fen>, i64, Rc<Facts>)>;

/// What the table remembers between renders: sort, filter, page, the open row, the facts.
struct TableUi {
    sort: UseStateHandle<Option<Sort>>,
    filter: UseStateHandle<Filter>,
    page: UseStateHandle<usize>,
    expanded: UseStateHandle<Option<RowKey>>,
    cache: Rc<RefCell<FactsCache>>,
    on_toggle: Callback<RowKey>,
}

#[hook]
fn use_table_ui() -> TableUi {
    let expanded = use_state(|| None::<RowKey>);
    // The same callback while the open row stays (a row re-renders only when its own props
    // change: editing one incident of a long ledger re-renders one row).
    let on_toggle = {
        let setter = expanded.setter();
        use_callback(*expanded, move |k: RowKey, open| {
            setter.set(if *open == Some(k) { None } else { Some(k) })
        })
    };
    TableUi {
        sort: use_state(|| None::<Sort>),
        filter: use_state(Filter::default),
        page: use_state(|| 0usize),
        expanded,
        cache: use_mut_ref(FactsCache::new),
        on_toggle,
    }
}

/// The table: filter, sortable headers, one page of rows, pages.
fn table(
    rows: &[Row],
    summary: Option<&Summary>,
    editing: Option<RowKey>,
    on_page: &Callback<PageAction>,
    ui: &TableUi,
    lang: crate::i18n::labels::Lang,
) -> Html {
    let TableUi {
        sort,
        filter,
        page,
        expanded,
        cache,
        on_toggle,
    } = ui;
    let as_of = summary.map_or(0, |s| s.as_of.secs());
    let applied = |i: usize| summary.and_then(|s| s.applied.get(i).copied().flatten());
    // Facts of every row (sorting and filtering need all), from the cache where unchanged.
    let facts: Vec<Rc<Facts>> = {
        let mut c = cache.borrow_mut();
        c.truncate(rows.len());
        rows.iter()
            .enumerate()
            .map(|(i, r)| {
                let a = applied(i);
                match c.get(i) {
                    Some((row, had, t, f)) if row == r && *had == a && *t == as_of => f.clone(),
                    before => {
                        // A new contract price reassesses the row but leaves its words.
                        let words = match before {
                            Some((row, _, _, f))
                                if Rc::ptr_eq(&row.incident, &r.incident)
                                    && grid::same_words(row.ok(), r.ok()) =>
                            {
                                f.words.clone()
                            }
                            _ => Rc::new(grid::words(&r.incident, r.ok())),
                        };
                        let f = Rc::new(grid::facts(words, &r.incident, r.ok(), a, as_of));
                        let entry = (r.clone(), a, as_of, f.clone());
                        match c.get_mut(i) {
                            Some(slot) => *slot = entry,
                            None => c.push(entry),
                        }
                        f
                    }
                }
            })
            .collect()
    };
    let order = grid::select(&facts, filter, **sort);
    let (range, pages, shown_page) = grid::page(order.len(), **page, grid::PER_PAGE);
    let quarters = grid::choices(facts.iter().map(|f| f.words.quarter.as_str()));
    let coverages = grid::choices(facts.iter().map(|f| f.coverage));

    // A new filter value (which part, the value): back to the first page.
    let set_filter = {
        let (filter, page) = (filter.clone(), page.clone());
        Callback::from(move |(part, v): (u8, String)| {
            let mut f = (*filter).clone();
            match part {
                0 => f.text = v,
                1 => f.coverage = v,
                _ => f.quarter = v,
            }
            filter.set(f);
            page.set(0);
        })
    };
    let on_text = set_filter
        .reform(|e: InputEvent| (0, e.target_unchecked_into::<HtmlInputElement>().value()));
    let on_coverage =
        set_filter.reform(|e: Event| (1, e.target_unchecked_into::<HtmlSelectElement>().value()));
    let on_quarter =
        set_filter.reform(|e: Event| (2, e.target_unchecked_into::<HtmlSelectElement>().value()));
    let header = |column: Column, label: (&'static str, &'static str)| {
        let current = (**sort).filter(|s| s.column == column);
        let aria = match current {
            Some(s) if s.descending => "descending",
            Some(_) => "ascending",
            None => "none",
        };
        let arrow = match current {
            Some(s) if s.descending => " ▼",
            Some(_) => " ▲",
            None => "",
        };
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_: MouseEvent| sort.set(Some(Sort::toggle(*sort, column))))
        };
        html! {
            <th aria-sort={aria}>
                <button type="button" class="sort" data-col={column.key()} {onclick}>{ bi(label) }{ arrow }</button>
            </th>
        }
    };
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    let pager = html! {
        <div class="pager">
            <span id="ledger-shown">{ bi(("显示", "Showing")) }{ format!(" {}–{} / {} · ", if range.is_empty() { 0 } else { range.start + 1 }, range.end, order.len()) }
                { bi(("台账总行数", "rows in the ledger")) }{ format!(" {}", rows.len()) }</span>
            if pages > 1 {
                <button type="button" id="ledger-prev" disabled={shown_page == 0} onclick={go(shown_page.saturating_sub(1))}
                    aria-label={lang.pick("上一页", "Previous page")}>{ "‹" }</button>
                <span id="ledger-page">{ format!("{} / {}", shown_page + 1, pages) }</span>
                <button type="button" id="ledger-next" disabled={shown_page + 1 >= pages} onclick={go(shown_page + 1)}
                    aria-label={lang.pick("下一页", "Next page")}>{ "›" }</button>
            }
        </div>
    };
    let as_of_instant = summary.map(|s| s.as_of);
    html! {
        <div class="ledger-table">
            <div class="ledger-filter row">
                <div class="field">
                    <label for="ledger-filter">{ bi(("筛选", "Filter")) }</label>
                    <input type="text" id="ledger-filter" value={filter.text.clone()} oninput={on_text} autocomplete="off"
                        placeholder={lang.pick("编号、原因、优先级…", "id, cause, priority…")} />
                </div>
                <div class="field">
                    <label for="ledger-filter-coverage">{ bi(("责任认定", "Coverage")) }</label>
                    <select id="ledger-filter-coverage" onchange={on_coverage}>
                        <option value="" selected={filter.coverage.is_empty()}>{ lang.pick("全部", "all") }</option>
                        { for coverages.iter().map(|c| {
                            let name = coverage_name(c);
                            html! { <option value={c.clone()} selected={filter.coverage == *c}>{ lang.pick(name.0, name.1) }</option> }
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="ledger-filter-quarter">{ bi(("季度(报告)", "Quarter (reported)")) }</label>
                    <select id="ledger-filter-quarter" onchange={on_quarter}>
                        <option value="" selected={filter.quarter.is_empty()}>{ lang.pick("全部", "all") }</option>
                        { for quarters.iter().map(|q| html! { <option value={q.clone()} selected={filter.quarter == *q}>{ lang.period(q) }</option> }) }
                    </select>
                </div>
            </div>
            <div class="table-scroll">
                <table id="ledger">
                    <thead><tr>
                        { header(Column::Id, ("编号", "Id")) }
                        { header(Column::Reported, ("报告时间", "Reported")) }
                        { header(Column::Priority, ("优先级", "Priority")) }
                        { header(Column::Coverage, ("责任认定", "Coverage")) }
                        { header(Column::Down, ("中断时长", "Down")) }
                        { header(Column::Penalty, ("违约金", "Damages")) }
                        { header(Column::Applied, ("计入(封顶后)", "Applied")) }
                        { header(Column::Deadlines, ("期限", "Deadlines")) }
                        <th>{ bi(("操作", "Actions")) }</th>
                    </tr></thead>
                    <tbody>
                    { for order[range].iter().map(|&i| {
                        let r = &rows[i];
                        html! {
                            <LedgerRow key={r.key} row={r.clone()} down={facts[i].down} applied={applied(i)}
                                expanded={**expanded == Some(r.key)} editing={editing == Some(r.key)}
                                as_of={as_of_instant} on_page={on_page.clone()} on_toggle={on_toggle.clone()} />
                        }
                    }) }
                    </tbody>
                </table>
            </div>
            { pager }
        </div>
    }
}

/// The names of a coverage id.
fn coverage_name(id: &str) -> (&'static str, &'static str) {
    use slacalc::coverage::Coverage as C;
    [
        C::Covered,
        C::NoInterruption,
        C::ExcludedCustomerSide,
        C::OutsideFreeMaintenance,
        C::OutsideWarranty,
        C::Consultation,
        C::Contingent,
    ]
    .into_iter()
    .find(|c| c.id() == id)
    .map_or(("", ""), |c| c.names())
}

#[derive(Properties, PartialEq)]
struct RowProps {
    row: Row,
    down: i64,
    applied: Option<Fen>,
    expanded: bool,
    editing: bool,
    as_of: Option<Instant>,
    on_page: Callback<PageAction>,
    on_toggle: Callback<RowKey>,
}

/// One incident of the table (and its timeline when opened).
#[function_component(LedgerRow)]
fn ledger_row(p: &RowProps) -> Html {
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
            if let Some(el) = gloo::utils::document().get_element_by_id("incident-id") {
                el.scroll_into_view();
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
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
            html! {
                <>
                    <td>{ lang.pick(&res.priority_name.zh, &res.priority_name.en).to_string() }</td>
                    <td data-coverage={res.coverage.id()}>{ crate::i18n::labels::name(lang, &res.coverage) }</td>
                    <td>{ if inc.interrupted_from.is_some() { lang.duration(p.down) } else { "—".into() } }</td>
                    <td class="num">{ res.penalty.amount.pretty() }</td>
                    <td class="num applied">{ p.applied.map(|a| a.pretty()).unwrap_or_else(|| "—".into()) }</td>
                    <td class="deadlines" title={res.deadlines.iter().map(|d| {
                        let (k, s) = (d.kind.names(), d.status.names());
                        format!("{} {}", lang.pick(k.0, k.1), lang.pick(s.0, s.1))
                    }).collect::<Vec<_>>().join(" · ")}>
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
    html! {
        <>
            <tr class={classes!("ledger-row", p.editing.then_some("editing"), r.ok().is_some_and(|x| x.deadlines.iter().any(|d| d.status == Status::Missed)).then_some("has-missed"))}
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

/// Above the form while it edits a ledger row: which one, and a way to stop.
pub fn editing_banner(l: &LedgerState, on_page: &Callback<PageAction>) -> Html {
    let Some(key) = l.editing else {
        return html! {};
    };
    let id = l
        .book
        .as_ref()
        .and_then(|b| b.rows.iter().find(|r| r.key == key))
        .map(|r| r.incident.id.clone())
        .unwrap_or_default();
    let done = on_page.reform(|_: MouseEvent| PageAction::Ledger(LedgerAction::StopEditing));
    html! {
        <div class="editing-banner" id="editing-banner" role="status">
            <p>{ bi(("正在编辑台账中的事件", "Editing the ledger's incident")) }{ " " }<strong>{ id }</strong>
                { " · " }{ bi(("表单中的修改直接写入台账。", "changes in the form go straight to the ledger.")) }
            if let Some((label, about)) = &l.note {
                <br /><span class="flag" id="editing-note">{ bi(*label) }{ " " }{ about }</span>
            }
            </p>
            <button type="button" id="editing-done" onclick={done}>{ bi(("完成编辑", "Done editing")) }</button>
        </div>
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    //! The ledger view in headless Chromium (`make wasm-test`).
    use super::{LedgerView, LedgerViewProps};
    use crate::state::ledger::LedgerAction;
    use crate::state::page::{Page, PageAction};
    use crate::views::test_util::{settle, text};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    async fn the_table_lists_sorts_and_pages_the_ledger() {
        let mut page = Page::new();
        page.as_of = "2026-01-01 00:00".into();
        page.apply(PageAction::Ledger(LedgerAction::Import {
            text: include_str!("../../../examples/incidents.csv").into(),
            name: "incidents.csv".into(),
        }));
        let now = slacalc::Instant::parse("2026-06-01T00:00:00+08:00").expect("time");
        page.refresh_ledger(now);
        let root = crate::views::test_util::root();
        yew::Renderer::<LedgerView>::with_root_and_props(
            root.clone(),
            LedgerViewProps {
                state: page.ledger.clone(),
                form_ok: true,
                on_page: yew::Callback::noop(),
            },
        )
        .render();
        settle().await;
        let rows = |root: &web_sys::Element| {
            root.query_selector_all("#ledger tbody tr.ledger-row")
                .expect("rows")
                .length()
        };
        assert_eq!(rows(&root), 6);
        assert_eq!(text(&root, "#ledger-total").await, "¥10,000.00");
        // (No language context here: the page's default, Chinese.)
        assert!(text(&root, "#ledger-bad-rows").await.contains("第 5 行"));
        let sort: web_sys::HtmlElement = root
            .query_selector("button.sort[data-col=applied]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into().ok())
            .expect("a sort button");
        sort.click();
        settle().await;
        sort.click();
        settle().await;
        let th = root
            .query_selector("th[aria-sort=descending] button[data-col=applied]")
            .ok()
            .flatten();
        assert!(th.is_some(), "sorted by what each adds, largest first");
        let first = root
            .query_selector("#ledger tbody tr.ledger-row td.applied")
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .unwrap_or_default();
        assert_eq!(first, "¥5,000.00");
    }
}
