//! The ledger's table: a filter (text, coverage, quarter), headers that sort, one page of
//! rows, and the pages.

use super::row::LedgerRow;
use crate::i18n::labels::{coverage_names, Bi};
use crate::i18n::lang::Lang;
use crate::state::ledger::{Row, RowKey, Summary};
use crate::state::ledger_grid::{self as grid, Column, Facts, FactsCache, Filter, Sort};
use crate::state::page::PageAction;
use crate::views::text::bi;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the table remembers between renders: sort, filter, page, the open row, the facts.
pub struct TableUi {
    sort: UseStateHandle<Option<Sort>>,
    filter: UseStateHandle<Filter>,
    page: UseStateHandle<usize>,
    expanded: UseStateHandle<Option<RowKey>>,
    cache: Rc<RefCell<FactsCache>>,
    on_toggle: Callback<RowKey>,
}

/// The table's memory between renders, kept by the ledger panel.
#[hook]
pub fn use_table_ui() -> TableUi {
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
        cache: use_mut_ref(FactsCache::default),
        on_toggle,
    }
}

/// The filter: text, coverage and quarter (the choices are those of `facts`); a new value
/// goes back to the first page.
fn filter_bar(ui: &TableUi, facts: &[Rc<Facts>], lang: Lang) -> Html {
    let (filter, page) = (&ui.filter, &ui.page);
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
    html! {
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
                        let name = coverage_names(c);
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
    }
}

/// The header of a sortable column: a button that sorts by it (then the other way round),
/// with the sort it shows.
fn sort_header(sort: &UseStateHandle<Option<Sort>>, column: Column, label: Bi) -> Html {
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
}

/// Which rows are shown (`range` of the `shown` rows the filter keeps, of `total`), and the
/// buttons to the other pages.
fn pager(
    page: &UseStateHandle<usize>,
    (range, pages, shown_page): (Range<usize>, usize, usize),
    shown: usize,
    total: usize,
    lang: Lang,
) -> Html {
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    let first = if range.is_empty() { 0 } else { range.start + 1 };
    html! {
        <div class="pager">
            <span id="ledger-shown">{ bi(("显示", "Showing")) }{ format!(" {first}–{} / {shown} · ", range.end) }
                { bi(("台账总行数", "rows in the ledger")) }{ format!(" {total}") }</span>
            if pages > 1 {
                <button type="button" id="ledger-prev" disabled={shown_page == 0} onclick={go(shown_page.saturating_sub(1))}
                    aria-label={lang.pick("上一页", "Previous page")}>{ "‹" }</button>
                <span id="ledger-page">{ format!("{} / {}", shown_page + 1, pages) }</span>
                <button type="button" id="ledger-next" disabled={shown_page + 1 >= pages} onclick={go(shown_page + 1)}
                    aria-label={lang.pick("下一页", "Next page")}>{ "›" }</button>
            }
        </div>
    }
}

/// The table of `rows` (assessed as `summary`; the row `editing` is in the form): filter,
/// sortable headers, one page of rows, pages.
pub fn table(
    rows: &[Row],
    summary: Option<&Summary>,
    editing: Option<RowKey>,
    on_page: &Callback<PageAction>,
    ui: &TableUi,
    lang: Lang,
) -> Html {
    let TableUi {
        sort,
        filter,
        page,
        expanded,
        cache,
        on_toggle,
    } = ui;
    let applied = |i: usize| summary.and_then(|s| s.applied.get(i).copied().flatten());
    // Facts of every row (sorting and filtering need all), from the cache where unchanged.
    let facts = cache.borrow_mut().facts(rows, summary);
    let order = grid::select(&facts, filter, **sort);
    let paged = grid::page(order.len(), **page, grid::PER_PAGE);
    let range = paged.0.clone();
    let as_of_instant = summary.map(|s| s.as_of);
    html! {
        <div class="ledger-table">
            { filter_bar(ui, &facts, lang) }
            <div class="table-scroll">
                <table id="ledger">
                    <thead><tr>
                        { sort_header(sort, Column::Id, ("编号", "Id")) }
                        { sort_header(sort, Column::Reported, ("报告时间", "Reported")) }
                        { sort_header(sort, Column::Priority, ("优先级", "Priority")) }
                        { sort_header(sort, Column::Coverage, ("责任认定", "Coverage")) }
                        { sort_header(sort, Column::Down, ("中断时长", "Down")) }
                        { sort_header(sort, Column::Penalty, ("违约金", "Damages")) }
                        { sort_header(sort, Column::Applied, ("计入(封顶后)", "Applied")) }
                        { sort_header(sort, Column::Deadlines, ("期限", "Deadlines")) }
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
            { pager(page, paged, order.len(), rows.len(), lang) }
        </div>
    }
}
