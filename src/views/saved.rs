//! What the page says about the work it keeps (issue #14): saved documents it could not read,
//! set aside and never overwritten, each downloadable or deletable; and, while the browser
//! refuses to store, that the work lives only in this tab, with its exports.

use crate::i18n::lang::Lang;
use crate::interop::{files, storage};
use crate::state::page::{Page, PageAction};
use crate::state::saved::Aside;
use crate::views::text::{bi, use_lang, T};
use yew::prelude::*;

/// While the browser refuses to store: why, and the work to export (made only then).
#[derive(Debug, Clone, PartialEq)]
pub struct Failing {
    /// The browser's name for the refusal (`QuotaExceededError`, …).
    pub why: String,
    /// The form's case document.
    pub case_json: String,
    /// The ledger's incidents as CSV, if there is a ledger.
    pub ledger_csv: Option<String>,
}

impl Failing {
    /// What the notice needs of `page`, if storing fails.
    pub fn of(page: &Page) -> Option<Failing> {
        let why = page.storage_failing.clone()?;
        Some(Failing {
            why,
            case_json: page.form.to_case_text(),
            ledger_csv: page
                .ledger
                .book
                .as_ref()
                .map(|b| slacalc::table::write_incidents_in(b.incidents(), page.lang.engine())),
        })
    }
}

/// What the storage notices show and where their buttons go.
#[derive(Properties, PartialEq)]
pub struct SavedNoticesProps {
    /// The documents set aside.
    pub asides: Vec<Aside>,
    /// Storing fails: why, and the work to export.
    pub failing: Option<Failing>,
    /// Where "delete" goes.
    pub on_page: Callback<PageAction>,
}

/// The notices about saved work: one per document set aside, and one while storing fails.
#[function_component(SavedNotices)]
pub fn saved_notices(p: &SavedNoticesProps) -> Html {
    let lang = use_lang();
    html! {
        <>
            { for p.asides.iter().map(|a| aside_notice(a, &p.on_page)) }
            { p.failing.as_ref().map(|f| failing_notice(f, lang)).unwrap_or_default() }
        </>
    }
}

/// A document that could not be read: why, that it is kept, a download and a delete.
fn aside_notice(a: &Aside, on_page: &Callback<PageAction>) -> Html {
    let what = if a.what == "ledger" {
        ("保存的台账", "The saved ledger")
    } else {
        ("保存的工作", "The saved work")
    };
    let (why_zh, why_en) = a
        .reason()
        .map(|r| (r.zh(), r.en()))
        .unwrap_or_else(|| ("无法读取".into(), "it cannot be read".into()));
    let delete = {
        let (key, on_page) = (a.key.clone(), on_page.clone());
        Callback::from(move |_: MouseEvent| {
            storage::forget_aside(&key);
            on_page.emit(PageAction::ForgetAside(key.clone()));
        })
    };
    let zh = format!(
        "{}{}。它已原样另存在浏览器中(键 {}),不会被覆盖;可下载保存或发给他人。",
        what.0, why_zh, a.key
    );
    let en = format!(
        "{} could not be opened: {}. It is kept exactly as it was in this browser (key {}) and will not be overwritten; download it to keep it or send it to someone.",
        what.1, why_en, a.key
    );
    html! {
        <div class="notice error saved-aside" role="alert" data-key={a.key.clone()}>
            <p><T zh={zh} en={en} /></p>
            <a class="button aside-download" href={files::json_address(&a.text)} download={a.file_name()}>
                { bi(("下载", "Download")) }</a>
            <button type="button" class="aside-delete" onclick={delete}>{ bi(("删除", "Delete")) }</button>
        </div>
    }
}

/// While the browser refuses to store: the work lives only in this tab; export it.
fn failing_notice(f: &Failing, lang: Lang) -> Html {
    let why = &f.why;
    let case = files::json_address(&f.case_json);
    let ledger = f.ledger_csv.as_deref().map(files::csv_address);
    html! {
        <div id="storage-failing" class="notice error" role="alert">
            <p>{ lang.pick(
                &format!("浏览器拒绝保存({why}):你的工作目前只保存在这个标签页中,关闭或刷新就会丢失。请导出保存。恢复保存后此提示会消失。"),
                &format!("The browser refuses to store your work ({why}): it lives only in this tab and is lost when the tab is closed or reloaded. Export it to keep it. This notice goes once storing works again."),
            ) }</p>
            <a id="export-case" class="button" href={case} download="slacalc-case.json">{ bi(("导出案例 JSON", "Export case JSON")) }</a>
            if let Some(href) = ledger {
                <a id="export-ledger" class="button" href={href} download="slacalc-incidents.csv">{ bi(("导出台账 CSV", "Export incidents CSV")) }</a>
            }
        </div>
    }
}

/// What the tab notices show (issue #14, tabs that agree).
#[derive(Properties, PartialEq)]
pub struct TabNoticesProps {
    /// This tab was opened from a link and shows its case beside the saved work.
    pub beside: bool,
    /// Another tab changed the work while this tab had unsaved edits.
    pub other_work: bool,
    /// Another tab changed the ledger while this tab had unsaved ledger edits.
    pub other_ledger: bool,
    /// Where the buttons go.
    pub on_page: Callback<PageAction>,
}

/// A tab opened from a link (its case beside the saved work: keep it as the work, or open
/// the saved work), and another tab's work or ledger kept beside this tab's own.
#[function_component(TabNotices)]
pub fn tab_notices(p: &TabNoticesProps) -> Html {
    let keep = p
        .on_page
        .reform(|_: MouseEvent| PageAction::KeepLinkAsWork(storage::read_shared().0));
    let open = p.on_page.reform(|_: MouseEvent| {
        let (work, ledger) = storage::read_shared();
        PageAction::OpenSaved(work, ledger)
    });
    let keep_mine = p.on_page.reform(|_: MouseEvent| PageAction::KeepMine);
    html! {
        <>
            if p.beside {
                <div id="beside" class="notice" role="status">
                    <p>{ bi(("此标签页显示的是链接中的案例,与你保存的工作并存:这里的修改只保存在本标签页中,不会覆盖其他标签页中的工作。",
                        "This tab shows the case from the link beside your saved work: changes made here are kept in this tab only and do not overwrite the work in your other tabs.")) }</p>
                    <button type="button" id="keep-link" onclick={keep}>{ bi(("将此案例保存为我的工作", "Keep this case as my work")) }</button>
                    <button type="button" id="open-saved" onclick={open}>{ bi(("打开我保存的工作", "Open my saved work")) }</button>
                </div>
            }
            if p.other_work {
                <div id="other-tab" class="notice" role="status">
                    <p>{ bi(("另一个标签页修改了工作,而本标签页有尚未保存的修改:两个版本都保留,本标签页的内容不变;在你选择之前,两者互不覆盖。",
                        "Another tab changed the work while this tab had changes not yet saved: both are kept and this tab still shows its own; neither overwrites the other until you choose.")) }</p>
                    <button type="button" id="use-other-tab" onclick={p.on_page.reform(|_: MouseEvent| PageAction::UseOtherWork)}>
                        { bi(("使用另一个标签页的版本", "Use the other tab's version")) }</button>
                    <button type="button" class="keep-mine" onclick={keep_mine.clone()}>{ bi(("保留本标签页的版本", "Keep this tab's version")) }</button>
                </div>
            }
            if p.other_ledger {
                <div id="other-tab-ledger" class="notice" role="status">
                    <p>{ bi(("另一个标签页修改了台账,而本标签页的台账有尚未保存的修改:两个版本都保留,本标签页的台账不变;在你选择之前,两者互不覆盖。",
                        "Another tab changed the ledger while this tab's ledger had changes not yet saved: both are kept and this tab still shows its own; neither overwrites the other until you choose.")) }</p>
                    <button type="button" id="use-other-ledger" onclick={p.on_page.reform(|_: MouseEvent| PageAction::UseOtherLedger)}>
                        { bi(("使用另一个标签页的台账", "Use the other tab's ledger")) }</button>
                    <button type="button" class="keep-mine" onclick={keep_mine}>{ bi(("保留本标签页的台账", "Keep this tab's ledger")) }</button>
                </div>
            }
        </>
    }
}
