//! What the page keeps in the browser's `localStorage`, so that a reload or a crash loses
//! nothing: the work (the form, the assessment time, the form a link replaced), the ledger,
//! and the chosen language. A write the browser refuses (a full quota, say) comes back as
//! the browser's name for the refusal, for the page to show.

use crate::i18n::lang::Lang;
use crate::state::ledger::{LedgerState, SavedLedger};
use crate::state::page::Saved;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use yew::prelude::*;

/// Key of the saved work.
pub const WORK_KEY: &str = "slacalc.page.v1";

/// Key of the saved ledger (version 1 was CSV text inside the saved work).
pub const LEDGER_KEY: &str = "slacalc.ledger.v2";

/// Key of the chosen language (`zh` or `en`).
pub const LANG_KEY: &str = "slacalc.lang";

/// The text kept under `key`, if there is storage and something readable in it.
fn read(key: &str) -> Option<String> {
    let storage = gloo::utils::window().local_storage().ok()??;
    storage.get_item(key).ok()?
}

/// The browser's storage, or why there is none.
fn writable() -> Result<web_sys::Storage, String> {
    gloo::utils::window()
        .local_storage()
        .map_err(|e| format!("{e:?}"))?
        .ok_or_else(|| "no localStorage".to_string())
}

/// The name of the exception a write was refused with (`QuotaExceededError`, …).
fn refusal(e: wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "storage error".into())
}

/// The work saved by an earlier visit, if any (and readable).
pub fn load_work() -> Option<Saved> {
    serde_json::from_str(&read(WORK_KEY)?).ok()
}

/// Keeps the work; the browser's refusal as text.
pub fn store_work(saved: &Saved) -> Result<(), String> {
    let text = serde_json::to_string(saved).map_err(|e| e.to_string())?;
    writable()?.set_item(WORK_KEY, &text).map_err(refusal)
}

/// The ledger kept by an earlier visit, if any (and readable).
pub fn load_ledger() -> Option<SavedLedger> {
    serde_json::from_str(&read(LEDGER_KEY)?).ok()
}

/// Keeps the ledger (or forgets it when there is none); the browser's refusal as text.
fn store_ledger(saved: Option<&SavedLedger>) -> Result<(), String> {
    let storage = writable()?;
    let result = match saved {
        Some(s) => {
            let text = serde_json::to_string(s).map_err(|e| e.to_string())?;
            storage.set_item(LEDGER_KEY, &text)
        }
        None => storage.remove_item(LEDGER_KEY),
    };
    result.map_err(refusal)
}

/// The language chosen on an earlier visit, if any.
pub fn stored_lang() -> Option<Lang> {
    Lang::from_tag(&read(LANG_KEY)?)
}

/// Remembers the language chosen with the switch (a refusal only loses the choice).
pub fn store_lang(lang: Lang) {
    if let Ok(Some(s)) = gloo::utils::window().local_storage() {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
}

/// Keeps the ledger in the browser's storage: once it has not changed for half a second
/// (writing a 1,000-incident ledger takes longer than a frame, so not on every keystroke),
/// and at once when the page is left. A refusal goes to `on_problem`.
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
            let listener = super::browser::listen("pagehide", move |_| {
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
