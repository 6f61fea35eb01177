//! The "History" button of the header and its list (issue #14): the restore points the
//! browser keeps (`interop::history`), newest first, each with what replaced it and when; any
//! can be brought back, and bringing one back can be undone. The button also hands each point
//! the reducer records to the browser (so a write that ends re-renders the button, not the
//! page).

use crate::interop::{browser, history};
use crate::state::history::{Recorded, RestorePoint};
use crate::state::page::{PageAction, Restored};
use crate::views::text::{bi, use_lang, T};
use std::rc::Rc;
use yew::prelude::*;

/// What the History button needs.
#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    /// The points the reducer recorded, to be kept by the browser.
    pub recorded: Recorded,
    /// The point brought back last, while it can be undone.
    pub restored: Option<Restored>,
    /// Where "bring back" and "undo" go.
    pub on_page: Callback<PageAction>,
}

/// The points as read from the browser: not yet, the list, or why not.
type Listed = Option<Result<Vec<Rc<RestorePoint>>, String>>;

/// The History button, its list when open, and the undo of the point brought back last.
#[function_component(HistoryButton)]
pub fn history_button(p: &HistoryProps) -> Html {
    let lang = use_lang();
    // Moves when the browser has kept new points: the open list reads them again.
    let written = history::use_restore_points(&p.recorded);
    let open = use_state(|| false);
    let listed: UseStateHandle<Listed> = use_state(|| None);
    {
        let listed = listed.clone();
        use_effect_with((*open, written), move |(open, _)| {
            if *open {
                wasm_bindgen_futures::spawn_local(async move {
                    listed.set(Some(history::list().await));
                });
            }
        });
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            browser::focus("history-open");
        })
    };
    let on_key = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                open.set(false);
                browser::focus("history-open");
            }
        })
    };
    let today = Some(browser::now());
    let undo = p.restored.as_ref().map(|r| {
        let (zh, en) = r.point.label(today);
        let onclick = p.on_page.reform(|_: MouseEvent| PageAction::UndoRestore);
        html! {
            <p class="undo-bar history-undo-bar" id="history-restored" role="status">
                <span><T zh={format!("已恢复:{zh}")} en={format!("Brought back the work from {en}")} /></span>
                <button type="button" id="history-undo" {onclick}>{ bi(("撤销", "Undo")) }</button>
            </p>
        }
    });
    html! {
        <>
            <button type="button" id="history-open" aria-expanded={(*open).to_string()}
                aria-controls="history-panel" onclick={toggle}>{ bi(("历史", "History")) }</button>
            if *open {
                <section id="history-panel" class="history-panel" aria-labelledby="history-title" onkeydown={on_key}>
                    <h2 id="history-title">{ bi(("还原点", "Restore points")) }</h2>
                    <p class="note">{ bi((
                        "清空、替换或删除之前,页面会在本浏览器中保存当时的全部工作(表单与台账),保留最近 20 个;恢复任何一个之前,当前工作也会先保存为还原点。",
                        "Before anything is cleared, replaced or deleted, the page keeps the whole work (form and ledger) as it was, in this browser: the last 20. Bringing one back first keeps the current work as a restore point too.",
                    )) }</p>
                    if let Some(e) = history::refused() {
                        <p class="note error" id="history-refused">{ lang.pick(
                            &format!("浏览器拒绝保存最近的还原点({e})。"),
                            &format!("The browser refused to keep the latest restore point ({e})."),
                        ) }</p>
                    }
                    { points(&listed, &p.on_page, lang, today) }
                    <button type="button" id="history-close" onclick={close}>{ bi(("关闭", "Close")) }</button>
                </section>
            }
            { undo.unwrap_or_default() }
        </>
    }
}

/// The list of points, newest first, each with its "bring back".
fn points(
    listed: &Listed,
    on_page: &Callback<PageAction>,
    lang: crate::i18n::lang::Lang,
    today: Option<slacalc::Instant>,
) -> Html {
    match listed {
        None => html! { <p class="note">{ bi(("正在读取…", "Reading…")) }</p> },
        Some(Err(e)) => html! {
            <p class="note error" id="history-error">{ lang.pick(
                &format!("浏览器无法读取还原点({e})。"),
                &format!("The browser cannot read the restore points ({e})."),
            ) }</p>
        },
        Some(Ok(list)) if list.is_empty() => html! {
            <p class="note" id="history-empty">{ bi(("还没有还原点。", "No restore points yet.")) }</p>
        },
        Some(Ok(list)) => html! {
            <ol id="history-list" class="history-list">
                { for list.iter().enumerate().map(|(i, point)| {
                    let (zh, en) = point.label(today);
                    let label = lang.pick(&zh, &en).to_string();
                    let (hz, he) = point.holds();
                    let holds = lang.pick(&hz, &he).to_string();
                    let id = format!("history-label-{i}");
                    let point = point.clone();
                    let onclick = on_page.reform(move |_: MouseEvent| PageAction::Restore(point.clone()));
                    html! {
                        <li class="history-item">
                            <span class="history-text" id={id.clone()}>
                                <span class="history-label">{ label }</span>
                                <span class="history-holds">{ holds }</span>
                            </span>
                            <button type="button" class="history-restore" aria-describedby={id} {onclick}>
                                { bi(("恢复", "Bring back")) }</button>
                        </li>
                    }
                }) }
            </ol>
        },
    }
}
