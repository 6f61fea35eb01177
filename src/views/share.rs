//! Taking the result away: the share link to copy, the embed code, printing (the
//! printable sheet) and the calendar file of pending deadlines.

use crate::interop::{browser, clipboard, files, workbook};
use crate::state::share;
use crate::views::text::{bi, use_lang};
use std::rc::Rc;
use yew::prelude::*;

/// What the sharing tools offer.
#[derive(Properties, PartialEq)]
pub struct ToolsProps {
    /// The share link of the case (none while the form has problems: no tools).
    pub link: Option<String>,
    /// The calendar file of its pending deadlines (none: nothing to add).
    pub ics: Option<String>,
    /// The incident's id (names the calendar file).
    pub id: String,
}

/// A click that copies `text` to the clipboard and marks `done` (the button then says so).
fn copy_on_click(text: String, done: UseStateHandle<bool>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        clipboard::copy(&text);
        done.set(true);
    })
}

/// What a part button passes to its helper, made when clicked (`None`: nothing to do).
pub type PartArgs = dyn Fn() -> Option<Vec<wasm_bindgen::JsValue>>;

/// A button that runs boot.js's helper `name` with `args` (a part loaded on demand, issue
/// #16) and says in `status` how it went.
pub fn part_button(
    id: &'static str,
    label: (&'static str, &'static str),
    name: &'static str,
    args: Rc<PartArgs>,
    status: &UseStateHandle<Option<Result<&'static str, String>>>,
) -> Html {
    let status = status.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        if let Some(args) = args() {
            let status = status.clone();
            workbook::run(
                name,
                args,
                Callback::from(move |r: Result<(), String>| status.set(Some(r.map(|_| id)))),
            );
        }
    });
    html! { <button type="button" {id} {onclick}>{ bi(label) }</button> }
}

/// What the last part button did: done (its id, marked on the line) or the problem.
pub fn part_status(status: &Option<Result<&'static str, String>>) -> Html {
    match status {
        None => html! {},
        Some(Ok(id)) => {
            html! { <p class="note" id="part-status" data-done={*id}>{ bi(("完成", "Done")) }</p> }
        }
        Some(Err(e)) => {
            html! { <p class="note" id="part-status">{ bi(("未完成:", "Not done: ")) }{ e }</p> }
        }
    }
}

/// The result beyond the page: the embed code, the printable sheet, the calendar file.
#[function_component(ShareTools)]
pub fn share_tools(p: &ToolsProps) -> Html {
    let shown = use_state(|| false);
    let done = use_state(|| None);
    let lang = use_lang();
    let Some(link) = p.link.clone() else {
        return html! {};
    };
    let snippet = share::embed_snippet(&link, lang);
    let url = link.clone();
    let document: Rc<PartArgs> =
        Rc::new(move || Some(vec![url.as_str().into(), lang.code().into()]));
    let file = format!("{}-timeline.png", p.id);
    let picture: Rc<PartArgs> =
        Rc::new(move || Some(vec!["#timeline svg.tl".into(), file.as_str().into()]));
    let on_embed = copy_on_click(snippet.clone(), shown.clone());
    let on_print = Callback::from(|_: MouseEvent| browser::print());
    let calendar = match &p.ics {
        Some(text) => html! {
            <a id="ics-download" class="button" href={files::calendar_address(text)}
                download={share::ics_file_name(&p.id)}>
                { bi(("添加期限到日历", "Add deadlines to calendar")) }</a>
        },
        None => html! {
            <button type="button" id="ics-download" disabled=true title={lang.pick("无待办期限", "No pending deadline")}>
                { bi(("添加期限到日历(无待办期限)", "Add deadlines to calendar (none pending)")) }</button>
        },
    };
    html! {
        <div class="tools">
            <div class="actions">
                <button type="button" id="copy-embed" onclick={on_embed}>
                    { bi(if *shown { ("已复制嵌入代码", "Embed code copied") } else { ("复制嵌入代码", "Copy embed code") }) }</button>
                <button type="button" id="print" onclick={on_print}>{ bi(("打印 / PDF", "Print / PDF")) }</button>
                { calendar }
                { part_button("copy-document", ("复制到文档(表格)", "Copy for documents (table)"), "slacalcCopyDocument", document, &done) }
                { part_button("copy-timeline", ("复制时间线图片", "Copy timeline as image"), "slacalcCopyPicture", picture, &done) }
            </div>
            { part_status(&done) }
            if *shown {
                <div class="field embed-code">
                    <label for="embed-code">{ bi(("嵌入代码(iframe 与自动调整高度的脚本)", "Embed code (iframe and the script that sizes it)")) }</label>
                    <textarea id="embed-code" rows="9" readonly=true spellcheck="false" value={snippet} />
                </div>
            }
        </div>
    }
}

/// What the share link shows.
#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The share link of the case (none while the form has problems: nothing shown).
    pub link: Option<String>,
}

/// The share link of the case on the page, to copy.
#[function_component(ShareLink)]
pub fn share_link(p: &ShareProps) -> Html {
    let copied = use_state(|| false);
    let Some(link) = p.link.clone() else {
        return html! {};
    };
    let onclick = copy_on_click(link.clone(), copied.clone());
    html! {
        <div class="field share">
            <label for="share-link">{ bi(("分享链接", "Share link")) }</label>
            <div class="row">
                <input type="text" id="share-link" readonly=true value={link} />
                <button type="button" id="copy-link" {onclick}>
                    { bi(if *copied { ("已复制", "Copied") } else { ("复制链接", "Copy link") }) }
                </button>
            </div>
        </div>
    }
}
