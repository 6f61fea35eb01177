//! The import's report before its rows are applied (issue #16): how the file was read, its
//! rows, its columns recognised by name, by synonym or by the user, its rows with problems,
//! and, for each column the engine did not recognise, a question with the file's first
//! values: which field it holds, or to leave it out. The answers are remembered for files
//! with the same header.

use crate::i18n::lang::Lang;
use crate::interop::{browser, storage};
use crate::state::import::{field_choices, ImportDraft};
use crate::state::ledger::LedgerAction;
use crate::views::text::bi;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// "GB18030, 412 rows; columns by name 3, by synonym 3, by you 1, left out 1; 2 rows with
/// problems", and what applying replaces.
fn summary(d: &ImportDraft, replacing: usize, lang: Lang) -> String {
    let r = &d.read.report;
    let (name, source) = (&d.name, &d.source);
    if d.progress.is_some() && d.read.report == Default::default() {
        // The first read is under way (its progress is in the status line).
        return match lang {
            Lang::Zh => format!("{name}:{source},正在读取各行…"),
            Lang::En => format!("{name}: {source}, reading its rows…"),
        };
    }
    let mut s = match lang {
        Lang::Zh => format!(
            "{name}:{source},{} 行;按字段名识别 {} 列,按同义词 {} 列,由你指定 {} 列,忽略 {} 列;{} 行有问题(导入后逐行列出;其余行照常导入)。",
            r.rows, r.by_name, r.by_synonym, r.by_user, r.ignored, r.bad_rows
        ),
        Lang::En => format!(
            "{name}: {source}, {} rows; columns recognised by name {}, by synonym {}, named by you {}, left out {}; {} rows with problems (listed once imported; the others are imported).",
            r.rows, r.by_name, r.by_synonym, r.by_user, r.ignored, r.bad_rows
        ),
    };
    if replacing > 0 {
        s += &match lang {
            Lang::Zh => format!("导入将替换台账中现有的 {replacing} 个事件(之后仍可撤销)。"),
            Lang::En => format!(
                " Importing replaces the {replacing} incidents in the ledger (you can still undo it)."
            ),
        };
    }
    s
}

/// One unknown column's question: its first values and a choice of field.
fn question(d: &ImportDraft, column: &str, on_ledger: &Callback<LedgerAction>) -> Html {
    let at = d
        .preview()
        .first()
        .and_then(|h| h.iter().position(|c| c == column));
    let samples: Vec<&str> = d
        .preview()
        .iter()
        .skip(1)
        .filter_map(|r| r.get(at?).map(String::as_str))
        .collect();
    let answer = d.answer_of(column);
    let onchange = {
        let column = column.to_string();
        on_ledger.reform(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            LedgerAction::Answer {
                column: column.clone(),
                field: (v != "-").then_some(v),
            }
        })
    };
    html! {
        <li>
            <label>
                <strong>{ column }</strong>{ " " }<span class="note">{ samples.join(" · ") }</span>{ " " }
                <select {onchange} data-column={column.to_string()}>
                    <option value="" disabled=true selected={answer.is_none()}>{ bi(("请选择…", "Choose…")) }</option>
                    <option value="-" selected={answer == Some(None)}>{ bi(("忽略此列", "Leave it out")) }</option>
                    { for field_choices().map(|(f, zh)| html! {
                        <option value={f} selected={answer == Some(Some(f))}>{ format!("{zh} · {f}") }</option>
                    }) }
                </select>
            </label>
        </li>
    }
}

/// The draft's panel: the report, the questions, and import or cancel (the rows with
/// problems are listed by row and column once imported, beside the good ones).
pub fn draft_panel(
    d: &ImportDraft,
    replacing: usize,
    on_ledger: &Callback<LedgerAction>,
    lang: Lang,
) -> Html {
    let asked = d.asked();
    let apply = {
        let (on_ledger, key, columns, rows, name) = (
            on_ledger.clone(),
            d.header_key(),
            d.columns.clone(),
            d.read.incidents.len(),
            d.name.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if !columns.is_empty() {
                storage::remember_columns(key.clone(), columns.clone());
            }
            let (on_ledger, name) = (on_ledger.clone(), name.clone());
            wasm_bindgen_futures::spawn_local(async move {
                on_ledger.emit(LedgerAction::ImportStart { rows, name });
                browser::painted("#ledger-progress").await;
                on_ledger.emit(LedgerAction::ApplyDraft);
            });
        })
    };
    let cancel = on_ledger.reform(|_: MouseEvent| LedgerAction::CancelDraft);
    html! {
        <div class="confirm-bar" id="ledger-confirm" role="alertdialog" aria-labelledby="ledger-confirm-text">
            <p id="ledger-confirm-text">{ summary(d, replacing, lang) }</p>
            if !asked.is_empty() {
                <p>{ bi(("这些列未能识别,请指明各列是哪一项:", "These columns were not recognised; say what each holds:")) }</p>
                <ul id="ledger-mapping">{ for asked.iter().map(|c| question(d, c, on_ledger)) }</ul>
            }

            <button type="button" id="ledger-confirm-replace" onclick={apply} disabled={!d.ready()}>
                { if replacing > 0 { bi(("替换", "Replace")) } else { bi(("导入", "Import")) } }</button>
            <button type="button" id="ledger-confirm-cancel" onclick={cancel}>{ bi(("取消", "Cancel")) }</button>
        </div>
    }
}
