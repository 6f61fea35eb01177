//! The banner above the form while it edits a ledger row.

use crate::state::ledger::{LedgerAction, LedgerState};
use crate::state::page::PageAction;
use crate::views::text::bi;
use yew::prelude::*;

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
