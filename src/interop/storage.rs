//! What the page keeps in the browser's `localStorage`, so that a reload or a crash loses
//! nothing: the work (the form, the assessment time, the form a link replaced), the ledger,
//! and the chosen language. A write the browser refuses (a full quota, say) comes back as
//! the browser's name for the refusal, for the page to show.
//!
//! The documents are versioned and read through `state::saved`. One that cannot be read is
//! never overwritten (issue #14): it is copied aside under a key of its own before anything is
//! written; if even that copy is refused, its key is guarded and never written this visit.

use crate::i18n::lang::Lang;
use crate::state::import::{Answer, ColumnMemory};
use crate::state::ledger::{LedgerState, SavedLedger};
use crate::state::page::{ledger_text, BesideDoc, PageAction};
use crate::state::saved::{self, Aside, ReadWork, WorkDoc, ASIDE_PREFIX};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use yew::prelude::*;

pub use crate::state::saved::{LEDGER_KEY, WORK_KEY};

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

thread_local! {
    /// Keys holding an unreadable document that could not be copied aside: never written.
    static GUARDED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// This tab's name in the documents it writes (a tab ignores its own writes).
    static TAB: Cell<u64> = const { Cell::new(0) };
}

fn guarded(key: &str) -> bool {
    GUARDED.with(|g| g.borrow().iter().any(|k| k == key))
}

/// Refuses a write to a guarded key, in words the page shows.
fn check_not_guarded(key: &str) -> Result<(), String> {
    if guarded(key) {
        Err("unreadable saved work is kept, not overwritten".into())
    } else {
        Ok(())
    }
}

/// This tab's name: random, made once per tab.
pub fn tab_id() -> String {
    let id = TAB.with(|t| {
        if t.get() == 0 {
            t.set((js_sys::Math::random() * 9e15) as u64 + 1);
        }
        t.get()
    });
    format!("{id:x}")
}

/// What the page found in storage when it opened.
#[derive(Debug, Default)]
pub struct Found {
    /// The work, migrated to the current format.
    pub work: Option<ReadWork>,
    /// The ledger.
    pub ledger: Option<SavedLedger>,
    /// Documents that cannot be read, set aside now or on an earlier visit.
    pub asides: Vec<Aside>,
}

/// Reads one document; one that cannot be read is copied aside (or, if the copy is refused,
/// its key guarded) and reported in `asides`.
fn open_one<T>(
    key: &str,
    what: &str,
    read_doc: impl Fn(&str) -> Result<T, saved::Unreadable>,
    asides: &mut Vec<Aside>,
) -> Option<T> {
    let text = read(key)?;
    match read_doc(&text) {
        Ok(doc) => Some(doc),
        Err(_) => {
            let aside = saved::aside_key(what, js_sys::Date::now() as i64);
            let copied = writable()
                .and_then(|s| s.set_item(&aside, &text).map_err(refusal).map(|_| s))
                .and_then(|s| s.remove_item(key).map_err(refusal));
            match copied {
                Ok(()) => asides.extend(Aside::from_entry(&aside, text)),
                Err(_) => {
                    GUARDED.with(|g| g.borrow_mut().push(key.to_string()));
                    asides.push(Aside {
                        key: key.to_string(),
                        what: what.to_string(),
                        text,
                    });
                }
            }
            None
        }
    }
}

/// Opens what earlier visits kept: the work and the ledger, each migrated to the current
/// format, and every document set aside because it could not be read.
pub fn open_saved() -> Found {
    let mut found = Found::default();
    // Set aside on earlier visits.
    if let Ok(Some(s)) = gloo::utils::window().local_storage() {
        let n = s.length().unwrap_or(0);
        let keys: Vec<String> = (0..n).filter_map(|i| s.key(i).ok().flatten()).collect();
        for key in keys.into_iter().filter(|k| k.starts_with(ASIDE_PREFIX)) {
            if let Some(text) = s.get_item(&key).ok().flatten() {
                found.asides.extend(Aside::from_entry(&key, text));
            }
        }
        slacalc::order::sort_by(&mut found.asides, |a, b| a.key.cmp(&b.key));
    }
    found.work = open_one(WORK_KEY, "work", saved::read_work, &mut found.asides);
    found.ledger = open_one(LEDGER_KEY, "ledger", saved::read_ledger, &mut found.asides);
    found
}

/// Deletes a document set aside (or a guarded unreadable one, which may then be written).
pub fn forget_aside(key: &str) {
    if let Ok(s) = writable() {
        let _ = s.remove_item(key);
    }
    GUARDED.with(|g| g.borrow_mut().retain(|k| k != key));
}

/// Keeps the work, stamped with the time and this tab: the document as written, or the
/// browser's refusal as text.
pub fn store_work(doc: &WorkDoc) -> Result<WorkDoc, String> {
    check_not_guarded(WORK_KEY)?;
    let stamped = WorkDoc {
        saved_at: js_sys::Date::now() as i64,
        tab: tab_id(),
        ..doc.clone()
    };
    let text = serde_json::to_string(&stamped).map_err(|e| e.to_string())?;
    writable()?.set_item(WORK_KEY, &text).map_err(refusal)?;
    Ok(stamped)
}

/// Keeps the ledger's JSON text (or forgets the ledger when there is none); the browser's
/// refusal as text.
fn store_ledger(text: Option<&str>) -> Result<(), String> {
    check_not_guarded(LEDGER_KEY)?;
    let storage = writable()?;
    let result = match text {
        Some(text) => storage.set_item(LEDGER_KEY, text),
        None => storage.remove_item(LEDGER_KEY),
    };
    result.map_err(refusal)
}

/// Keys, in a tab's own `sessionStorage`, of the work of a tab opened from a link (issue #14):
/// the link, the work (a document of the work's format) and the ledger (of the ledger's).
pub const BESIDE_KEYS: [&str; 3] = [
    "slacalc.beside.link",
    "slacalc.beside.work",
    "slacalc.beside.ledger",
];

fn session() -> Option<web_sys::Storage> {
    gloo::utils::window().session_storage().ok()?
}

/// The work this tab keeps beside the shared work, if it was opened from a link. (Read with
/// the readers of the saved documents: no reader of its own in the wasm.)
pub fn read_beside() -> Option<BesideDoc> {
    let s = session()?;
    let get = |key: &str| s.get_item(key).ok().flatten();
    let link = get(BESIDE_KEYS[0])?;
    let work = saved::read_work(&get(BESIDE_KEYS[1])?).ok()?.doc;
    let ledger = get(BESIDE_KEYS[2]).filter(|t| saved::read_ledger(t).is_ok());
    Some(BesideDoc { link, work, ledger })
}

/// Keeps the work of a tab opened from a link in that tab's own storage (or forgets it).
pub fn store_beside(doc: Option<&BesideDoc>) {
    let Some(s) = session() else { return };
    let work = doc.and_then(|d| serde_json::to_string(&d.work).ok());
    let texts = [
        doc.map(|d| d.link.clone()),
        work,
        doc.and_then(|d| d.ledger.clone()),
    ];
    for (key, text) in BESIDE_KEYS.iter().zip(texts) {
        let _ = match text {
            Some(t) => s.set_item(key, &t),
            None => s.remove_item(key),
        };
    }
}

/// The shared work and ledger (its JSON text) as stored just now (what cannot be read: none).
pub fn read_shared() -> (Option<WorkDoc>, Option<String>) {
    let work = read(WORK_KEY).and_then(|t| saved::read_work(&t).ok());
    let ledger = read(LEDGER_KEY).filter(|t| saved::read_ledger(t).is_ok());
    (work.map(|w| w.doc), ledger)
}

/// Tells the page of each write of the work or the ledger by another tab (the `storage`
/// event fires in every tab of the page but the one that wrote), until the listener returned
/// is dropped. Work that cannot be read is left to the next opening (which sets it aside).
pub fn listen_other_tabs(on_page: Callback<PageAction>) -> gloo::events::EventListener {
    super::browser::listen("storage", move |e| {
        let get = |name: &str| {
            js_sys::Reflect::get(e, &name.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        match get("key").as_deref() {
            Some(WORK_KEY) => {
                if let Some(Ok(read)) = get("newValue").map(|t| saved::read_work(&t)) {
                    on_page.emit(PageAction::FromOtherTab(read.doc));
                }
            }
            Some(LEDGER_KEY) => on_page.emit(PageAction::LedgerFromOtherTab(get("newValue"))),
            _ => {}
        }
    })
}

/// Where the answers given for unknown columns of imported files are kept (issue #16).
const COLUMNS_KEY: &str = "slacalc.columns";

/// The answers given for unknown columns, by header (none when nothing was kept).
pub fn column_memory() -> ColumnMemory {
    ColumnMemory::read(&read(COLUMNS_KEY).unwrap_or_default())
}

/// Keeps the answers for a file's header with the others (a refusal only loses them).
pub fn remember_columns(header: String, columns: Vec<Answer>) {
    let mut memory = column_memory();
    memory.insert(header, columns);
    if let Ok(s) = writable() {
        let _ = s.set_item(COLUMNS_KEY, &memory.text());
    }
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
/// and at once when the page is left. Each write's outcome (the text written, or the refusal
/// as text) goes to `on_result`. Nothing is written while `shared` is false (a tab opened
/// from a link keeps its ledger in its own storage).
#[hook]
pub fn use_ledger_storage(
    state: &LedgerState,
    shared: bool,
    on_result: Callback<Result<Option<String>, String>>,
) {
    let on_problem = on_result;
    // The ledger waiting to be written (cheap to hold: its rows are shared).
    let pending: Rc<RefCell<Option<LedgerState>>> = use_mut_ref(|| None);
    // Whether it may be written now (read when the wait ends and when the page is left).
    let may_write = use_mut_ref(|| shared);
    *may_write.borrow_mut() = shared;
    let write = move |l: LedgerState, on_result: &Callback<Result<Option<String>, String>>| {
        let text = ledger_text(&l);
        on_result.emit(store_ledger(text.as_deref()).map(|()| text));
    };
    {
        let pending = pending.clone();
        let on_problem = on_problem.clone();
        let may_write = may_write.clone();
        use_effect_with((), move |_| {
            let listener = super::browser::listen("pagehide", move |_| {
                let latest = pending.borrow_mut().take();
                if let Some(l) = latest.filter(|_| *may_write.borrow()) {
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
        if *rev > 0 && shared {
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
                // (Dropped if it may no longer be written: another tab's ledger came.)
                let latest = pending.borrow_mut().take();
                if let Some(l) = latest.filter(|_| *may_write.borrow()) {
                    write(l, &on_problem);
                }
            });
        }
    });
}
