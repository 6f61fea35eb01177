//! The ledger view (issue #6): every incident of the ledger in a table that sorts, filters
//! and pages (50 rows a page, so a 1,000-incident ledger stays fast), the damages against the
//! 5 % cap (L4.3) as a bar, quarters, the L3.5 monitoring schedule and availability per
//! month; a row opens in the form to edit, duplicates, deletes or shows its timeline; "add"
//! takes the form's incident; CSV import (with progress) and export; undo of each step. The
//! state and its rules are `state::ledger` and the engine; sorting and filtering
//! `state::ledger_grid`.

mod draft;
mod editing;
mod row;
mod table;
mod totals;

pub use editing::editing_banner;

use crate::i18n::labels::Bi;
use crate::i18n::lang::Lang;
use crate::interop::{browser, files, storage, workbook};
use crate::state::import::{ImportDraft, ImportFile};
use crate::state::ledger::{LedgerAction, LedgerState};
use crate::state::page::PageAction;
use crate::views::markup::Markup;
use crate::views::share::{part_button, part_status, PartArgs};
use crate::views::text::{bi, use_lang};
use draft::draft_panel;
use slacalc::terms::TermsSpec;
use std::rc::Rc;
use table::{table, use_table_ui, TableUi};
use totals::{schedules, totals};
use yew::prelude::*;

/// A chosen file (issue #16) as a draft to read and confirm: a workbook as its bytes, any
/// other file as text in the encoding found (the browser's own decoder); the module reads it
/// in its worker ([`use_import_steps`]).
fn read_file(on_ledger: &Callback<LedgerAction>, name: String, bytes: Vec<u8>) {
    let (source, file) = if workbook::is_workbook(&bytes) {
        ("workbook".to_string(), ImportFile::Workbook(Rc::new(bytes)))
    } else {
        let (encoding, text) = files::decode(&bytes);
        (encoding.to_string(), ImportFile::Text(text.into()))
    };
    on_ledger.emit(LedgerAction::Draft {
        name,
        source,
        file,
        memory: Rc::new(storage::column_memory()),
    });
}

/// A click on an export link that writes its file when asked for (not on every change of a
/// large ledger) and points the link at it.
fn export_on_click(link: NodeRef, write: impl Fn() -> String + 'static) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        if let Some(a) = link.cast::<web_sys::Element>() {
            let _ = a.set_attribute("href", &files::csv_address(&write()));
        }
    })
}

/// What the ledger panel shows and where its edits go.
#[derive(Properties, PartialEq)]
pub struct LedgerViewProps {
    /// The ledger.
    pub state: LedgerState,
    /// The form's incident can be added (the engine reads the form without problems).
    pub form_ok: bool,
    /// Where each edit goes.
    pub on_page: Callback<PageAction>,
    /// The form's case as text (the contract, terms and switches a ledger link carries).
    pub case_text: AttrValue,
    /// "Print ledger": the printed sheet becomes the ledger's, and prints.
    pub on_print: Callback<()>,
}

/// An import under way, as a progress bar: what is being done, of which file, and how far
/// it has got (rows done of how many; `None` while that is not known yet).
fn progress_line(lang: Lang, what: Bi, name: &str, done: Option<(usize, usize)>) -> Html {
    let mut m = Markup::default();
    m.open("p class=\"ledger-progress\" id=\"ledger-progress\"")
        .el("span class=\"spinner\" aria-hidden=\"true\"", "")
        .text(lang.pick(what.0, what.1))
        .text(" ")
        .text(name);
    let bar = match done.filter(|(_, n)| *n > 0) {
        Some((d, n)) => {
            m.text(&format!(" · {d} / {n}"));
            format!("progress id=\"ledger-progress-bar\" value=\"{d}\" max=\"{n}\"")
        }
        None => "progress id=\"ledger-progress-bar\"".into(),
    };
    m.el(&bar, "").close("p");
    m.html()
}

/// The ledger's status line: an import under way (the file read, its rows read, the rows
/// assessed), why the last edit did not reach the ledger, or the last step and its undo.
fn status_line(l: &LedgerState, on_ledger: &Callback<LedgerAction>, lang: Lang) -> Html {
    if let Some(d) = &l.draft {
        if d.progress.is_some() {
            return progress_line(
                lang,
                ("正在读取各行", "Reading the rows of"),
                &d.name,
                d.progress,
            );
        }
    }
    if let Some(b) = l.book.as_ref().filter(|b| b.summary.is_none()) {
        let (done, all) = b.assessed();
        if done < all {
            return progress_line(
                lang,
                ("正在计算", "Assessing"),
                &b.source,
                Some((done, all)),
            );
        }
    }
    match (&l.importing, l.undo.last(), &l.note) {
        (Some((rows, name)), _, _) => {
            if *rows == 0 {
                progress_line(lang, ("正在读取", "Reading"), name, None)
            } else {
                progress_line(lang, ("正在导入", "Importing"), name, Some((0, *rows)))
            }
        }
        (None, _, Some((label, about))) => html! {
            <p class="ledger-note" id="ledger-note">{ bi(*label) }{ " " }{ about }</p>
        },
        (None, Some(u), None) => {
            let (label, about) = u.label();
            let undo = on_ledger.reform(|_: MouseEvent| LedgerAction::Undo);
            html! {
                <p class="undo-bar">
                    <span id="ledger-undo-label">{ bi(label) }{ " " }<strong>{ about }</strong></span>
                    <button type="button" id="ledger-undo" onclick={undo}>{ bi(("撤销", "Undo")) }</button>
                </p>
            }
        }
        (None, None, None) => html! {},
    }
}

/// The ledger itself: the rows not imported, the problems of the contract, the totals
/// against the cap, the table and the schedules; or, with no ledger, what one is.
fn body(l: &LedgerState, on_page: &Callback<PageAction>, ui: &TableUi, lang: Lang) -> Html {
    let mut m = Markup::default();
    let Some(book) = &l.book else {
        m.el("p class=\"note\"", lang.pick("导入 CSV 台账(每行一个事件),或把表单中的事件添加进来;台账按上方合同与条款计算。",
            "Import a CSV ledger (one incident per row), or add the form's incident; the ledger is assessed under the contract and terms above."));
        return m.html();
    };
    // The rows not imported and the contract's problems, as text (no handlers).
    if !book.bad_rows.is_empty() {
        m.open("details class=\"problems\" id=\"ledger-bad-rows\" open")
            .open("summary")
            .text(lang.pick("以下行未导入", "Rows not imported"))
            .text(&format!(" ({})", book.bad_rows.len()))
            .close("summary")
            .open("ul");
        for e in book.bad_rows.iter() {
            m.el("li", lang.pick(&e.zh, &e.en));
        }
        m.close("ul").close("details");
    }
    if let Some(Err(errors)) = book.summary.as_deref() {
        m.open("div class=\"problems\" id=\"ledger-problems\"")
            .open("ul");
        for e in errors {
            m.el("li", lang.pick(&e.zh(), &e.en()));
        }
        m.close("ul").close("div");
    }
    let summary = book.summary.as_deref().and_then(|s| s.as_ref().ok());
    html! {
        <>
            { m.html() }
            { summary.map(|s| totals(s, lang)).unwrap_or_default() }
            { table(&book.rows, summary, l.editing, on_page, ui, lang) }
            { summary.map(|s| schedules(s, lang)).unwrap_or_default() }
        </>
    }
}

/// Has the draft's read `gen` done by the module in its worker, telling the page how far it
/// has got and what it read (or why it could not).
async fn read_draft(draft: ImportDraft, gen: u64, on_ledger: Callback<LedgerAction>) {
    let (file, terms, columns) = draft.request();
    let on = on_ledger.clone();
    let progress = move |done, all| {
        on.emit(LedgerAction::DraftProgress {
            gen,
            progress: (done, all),
        })
    };
    on_ledger.emit(
        match workbook::read_table(file, &terms, &columns, progress).await {
            Ok(read) => LedgerAction::DraftRead {
                gen,
                read: Rc::new(read),
            },
            Err(problem) => LedgerAction::Unreadable { gen, problem },
        },
    );
}

/// Reads a ledger an earlier version kept as CSV text, in the module's worker.
async fn read_legacy(text: Rc<str>, terms: TermsSpec, on_ledger: Callback<LedgerAction>) {
    let read = workbook::read_table(Some(ImportFile::Text(text)), &terms, &[], |_, _| {}).await;
    on_ledger.emit(LedgerAction::Migrated(read.map(Rc::new)));
}

/// Steps the import: the draft read by the module while a read is asked for, a ledger kept as
/// CSV by an earlier version read once, and the ledger's rows assessed a slice at a time
/// between frames while some are not.
#[hook]
fn use_import_steps(l: &LedgerState, on_ledger: &Callback<LedgerAction>) {
    let reading = l
        .draft
        .as_ref()
        .filter(|d| d.progress.is_some())
        .map(|d| d.gen);
    let draft = l.draft.clone();
    let on = on_ledger.clone();
    use_effect_with(reading, move |gen| {
        if let (Some(gen), Some(d)) = (*gen, draft) {
            wasm_bindgen_futures::spawn_local(read_draft(d, gen, on));
        }
    });
    let legacy = l.legacy_csv.clone();
    let on = on_ledger.clone();
    use_effect_with(legacy.is_some(), move |_| {
        if let Some((text, terms)) = legacy {
            wasm_bindgen_futures::spawn_local(read_legacy(text, terms, on));
        }
    });
    let assessing = l
        .book
        .as_ref()
        .filter(|b| b.summary.is_none())
        .map(|b| b.assessed())
        .filter(|(done, all)| done < all);
    let on = on_ledger.clone();
    use_effect_with(assessing, move |pending| {
        if pending.is_some() {
            wasm_bindgen_futures::spawn_local(async move {
                browser::yield_now().await;
                on.emit(LedgerAction::Assess);
            });
        }
    });
}

/// The ledger panel.
#[function_component(LedgerView)]
pub fn ledger_view(p: &LedgerViewProps) -> Html {
    let lang = use_lang();
    let ui = use_table_ui();
    let l = &p.state;
    let on_ledger = p.on_page.reform(PageAction::Ledger);
    use_import_steps(l, &on_ledger);
    // What a file holds is shown before it is applied (and can still be undone after).
    let onimport = {
        let on_ledger = on_ledger.clone();
        files::read_file_bytes(Callback::from(move |(name, bytes)| {
            read_file(&on_ledger, name, bytes)
        }))
    };
    let confirm = match &l.draft {
        Some(d) => draft_panel(
            d,
            l.book.as_ref().map_or(0, |b| b.rows.len()),
            &on_ledger,
            lang,
        ),
        None => html! {},
    };
    // The ledger's link, made when asked for (a large ledger's takes a while).
    let done = use_state(|| None);
    let ledger_url = {
        let (state, text) = (l.clone(), p.case_text.clone());
        move || state.link(&text, &browser::page_address())
    };
    let ledger_url: Rc<dyn Fn() -> Option<String>> = Rc::new(ledger_url);
    let (u0, u1) = (ledger_url.clone(), ledger_url);
    let copy_link: Rc<PartArgs> = Rc::new(move || u0().map(|u| vec![u.into()]));
    let document: Rc<PartArgs> = Rc::new(move || u1().map(|u| vec![u.into(), lang.code().into()]));
    let assessed = l
        .book
        .as_ref()
        .is_some_and(|b| matches!(b.summary.as_deref(), Some(Ok(_))));
    let add = on_ledger.reform(|_: MouseEvent| LedgerAction::AddFromForm);
    let close = on_ledger.reform(|_: MouseEvent| LedgerAction::Close);
    let export = NodeRef::default();
    let export_incidents = NodeRef::default();
    let (on_export, on_export_incidents) = match &l.book {
        Some(book) => {
            let (b1, b2) = (book.clone(), book.clone());
            (
                // Headers in the page's language (Chinese ones read back as they are).
                export_on_click(export.clone(), move || {
                    b1.assessment()
                        .map(|a| slacalc::table::write_assessment_in(&a, lang.engine()))
                        .unwrap_or_default()
                }),
                export_on_click(export_incidents.clone(), move || {
                    slacalc::table::write_incidents_in(b2.incidents(), lang.engine())
                }),
            )
        }
        None => (Callback::noop(), Callback::noop()),
    };
    html! {
        <section class="card ledger-panel" id="ledger-panel" data-edit={l.edited()}>
            <h2>{ bi(("台账", "Ledger")) }{ " " }<span class="clause">{ "L4.3 · L3.5" }</span>
                if let Some(b) = &l.book {
                    <span class="ledger-count">{ format!(" · {}", b.rows.len()) }{ bi((" 个事件", " incidents")) }</span>
                }
            </h2>
            <div class="ledger-tools">
                <label class="file">{ bi(("导入 CSV/Excel…", "Import CSV/Excel…")) }
                    <input type="file" id="ledger-import" accept=".csv,.tsv,.txt,.xlsx,.xls,.ods,text/csv,text/plain" onchange={onimport} />
                </label>
                <button type="button" id="ledger-add" onclick={add} disabled={!p.form_ok}
                    title={lang.pick("把表单中的事件作为新的一行加入台账", "Add the form's incident as a new row")}>
                    { bi(("+ 添加表单中的事件", "+ Add the form's incident")) }</button>
                if l.book.is_some() {
                    <a id="ledger-export-incidents" class="button" href="#" download="slacalc-incidents.csv"
                        ref={export_incidents} onclick={on_export_incidents}>{ bi(("导出台账 CSV", "Export incidents CSV")) }</a>
                    <a id="ledger-export" class="button" href="#" download="slacalc-ledger.csv"
                        ref={export} onclick={on_export}>{ bi(("导出评估结果 CSV", "Export assessed CSV")) }</a>
                    if assessed {
                        { part_button("ledger-copy-link", ("复制台账链接", "Copy link of this ledger"), "slacalcCopyText", copy_link, &done) }
                        { part_button("ledger-copy-document", ("复制到文档(表格)", "Copy for documents (table)"), "slacalcCopyDocument", document.clone(), &done) }
                        { part_button("ledger-export-xlsx", ("导出 Excel (.xlsx)", "Export Excel (.xlsx)"), "slacalcSaveWorkbook", document.clone(), &done) }
                        { part_button("ledger-compare", ("比较条款", "Compare terms"), "slacalcCompare", document, &done) }
                    }
                    if assessed {
                        <button type="button" id="ledger-print" onclick={p.on_print.reform(|_: MouseEvent| ())}>{ bi(("打印台账 / PDF", "Print ledger / PDF")) }</button>
                    }
                    <button type="button" id="ledger-close" onclick={close}>{ bi(("关闭台账", "Close ledger")) }</button>
                }
            </div>
            { confirm }
            { part_status(&done) }
            <div class="ledger-status" role="status" aria-live="polite">{ status_line(l, &on_ledger, lang) }</div>
            { body(l, &p.on_page, &ui, lang) }
        </section>
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    //! The ledger view in headless Chromium (`make wasm-test`).
    use super::{LedgerView, LedgerViewProps};
    use crate::state::page::Page;
    use crate::views::test_util::{settle, text};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    async fn the_table_lists_sorts_and_pages_the_ledger() {
        let mut page = Page::new();
        page.as_of = "2026-01-01 00:00".into();
        page.import_csv(
            include_str!("../../../examples/incidents.csv"),
            "incidents.csv",
        );
        let now = slacalc::Instant::parse("2026-06-01T00:00:00+08:00").expect("time");
        page.refresh_ledger(now);
        let root = crate::views::test_util::root();
        yew::Renderer::<LedgerView>::with_root_and_props(
            root.clone(),
            LedgerViewProps {
                state: page.ledger.clone(),
                form_ok: true,
                on_page: yew::Callback::noop(),
                case_text: page.form.to_case_text().into(),
                on_print: yew::Callback::noop(),
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
