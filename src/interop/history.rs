//! The restore points in the browser's IndexedDB (issue #14): database `slacalc`, object
//! store `restore_points`, each point an object `{cause, about, at, work, ledger}` (`work` and
//! `ledger`: the JSON texts `state::saved` reads) under a key counting up (so the newest has
//! the highest). They survive reloads and browser restarts; the last 20, within about
//! 5 MB of JSON, are kept, the oldest dropped first (`state::history::to_drop`). Nothing
//! leaves the browser: IndexedDB is local storage, outside the page's `connect-src 'none'`.

use crate::state::history::{to_drop, Cause, Recorded, RestorePoint};
use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Event, IdbDatabase, IdbObjectStore, IdbObjectStoreParameters, IdbOpenDbRequest, IdbRequest,
    IdbTransactionMode,
};
use yew::prelude::*;

/// The database's name.
pub const DB_NAME: &str = "slacalc";
/// The object store of the restore points.
pub const STORE: &str = "restore_points";
const DB_VERSION: u32 = 1;

thread_local! {
    /// Why the browser refused to keep the last restore point, if it did.
    static REFUSED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Why the browser refused to keep the last restore point (shown by the History list).
pub fn refused() -> Option<String> {
    REFUSED.with(|r| r.borrow().clone())
}

/// A point as the browser keeps it.
fn to_js(p: &RestorePoint) -> JsValue {
    let o = Object::new();
    let (kind, about) = p.cause.code();
    let ledger = p.ledger.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    for (k, v) in [
        ("cause", JsValue::from_str(kind)),
        ("about", JsValue::from_str(&about)),
        ("at", JsValue::from_f64(p.at as f64)),
        ("work", JsValue::from_str(&p.work)),
        ("ledger", ledger),
    ] {
        let _ = Reflect::set(&o, &k.into(), &v);
    }
    o.into()
}

/// A point kept by the browser (`None`: not one this page can read).
fn from_js(v: &JsValue) -> Option<RestorePoint> {
    let get = |k: &str| Reflect::get(v, &k.into()).ok();
    let text = |k: &str| get(k).and_then(|x| x.as_string());
    Some(RestorePoint {
        cause: Cause::from_code(&text("cause")?, &text("about").unwrap_or_default())?,
        at: get("at")?.as_f64()? as i64,
        work: text("work")?,
        ledger: text("ledger"),
    })
}

/// The bytes of JSON text a kept point holds (what the size limit counts).
fn bytes(v: &JsValue) -> usize {
    let len = |k: &str| {
        Reflect::get(v, &k.into())
            .ok()
            .filter(JsValue::is_string)
            .map_or(0, |s| {
                s.unchecked_into::<js_sys::JsString>().length() as usize
            })
    };
    len("work") + len("ledger")
}

/// The browser's name for an error (`QuotaExceededError`, …).
fn named(e: JsValue) -> String {
    js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "IndexedDB error".into())
}

/// The result of a request, once it succeeds.
async fn done(req: &IdbRequest) -> Result<JsValue, String> {
    let finished = js_sys::Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    // The error event names no error: the request's `error` (a DOMException) does.
    JsFuture::from(finished)
        .await
        .map_err(|_| named(Reflect::get(req, &"error".into()).unwrap_or_default()))?;
    req.result().map_err(named)
}

/// The database, made (with its store) on first use.
async fn open() -> Result<IdbDatabase, String> {
    let factory = gloo::utils::window()
        .indexed_db()
        .map_err(named)?
        .ok_or("no IndexedDB")?;
    let req: IdbOpenDbRequest = factory.open_with_u32(DB_NAME, DB_VERSION).map_err(named)?;
    let upgrade = Closure::<dyn FnMut(Event)>::new(|e: Event| {
        let db = e
            .target()
            .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|d| d.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            let params = IdbObjectStoreParameters::new();
            params.set_auto_increment(true);
            let _ = db.create_object_store_with_optional_parameters(STORE, &params);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = done(&req).await;
    req.set_onupgradeneeded(None);
    drop(upgrade);
    db?.dyn_into().map_err(named)
}

/// The store in a new transaction.
fn store(db: &IdbDatabase, mode: IdbTransactionMode) -> Result<IdbObjectStore, String> {
    db.transaction_with_str_and_mode(STORE, mode)
        .and_then(|t| t.object_store(STORE))
        .map_err(named)
}

/// Every point kept, oldest first: its key and what is kept.
async fn all(db: &IdbDatabase) -> Result<Vec<(JsValue, JsValue)>, String> {
    let s = store(db, IdbTransactionMode::Readonly)?;
    // Both asked for at once, in one transaction: the same points.
    let keys = s.get_all_keys().map_err(named)?;
    let values = s.get_all().map_err(named)?;
    let keys: Array = done(&keys).await?.unchecked_into();
    let values: Array = done(&values).await?.unchecked_into();
    Ok(keys.iter().zip(values.iter()).collect())
}

/// Keeps `points` (oldest first), then drops the oldest beyond the limit (the texts'
/// lengths in UTF-16 units stand for their bytes).
pub async fn keep(points: Vec<Rc<RestorePoint>>) -> Result<(), String> {
    let db = open().await?;
    let s = store(&db, IdbTransactionMode::Readwrite)?;
    let mut last = None;
    for p in points {
        last = Some(s.add(&to_js(&p)).map_err(named)?);
    }
    if let Some(req) = last {
        done(&req).await?;
    }
    let kept = all(&db).await?;
    let sizes: Vec<(usize, usize)> = kept.iter().map(|(_, v)| bytes(v)).enumerate().collect();
    let drop = to_drop(&sizes);
    if !drop.is_empty() {
        let s = store(&db, IdbTransactionMode::Readwrite)?;
        let mut last = None;
        for i in drop {
            last = Some(s.delete(&kept[i].0).map_err(named)?);
        }
        if let Some(req) = last {
            done(&req).await?;
        }
    }
    db.close();
    Ok(())
}

/// The points kept, newest first (any that cannot be read left out).
pub async fn list() -> Result<Vec<Rc<RestorePoint>>, String> {
    let db = open().await?;
    let kept = all(&db).await;
    db.close();
    Ok(kept?
        .into_iter()
        .rev()
        .filter_map(|(_, v)| from_js(&v).map(Rc::new))
        .collect())
}

/// Writes each restore point the reducer records, once, in order. Returns how many points
/// were recorded when the last write ended (a list on screen reads the store again when it
/// moves); a refusal is kept for the list to show ([`refused`]).
#[hook]
pub fn use_restore_points(recorded: &Recorded) -> u64 {
    let written = use_state(|| 0u64);
    let seen = use_mut_ref(|| 0u64);
    let recorded = recorded.clone();
    let setter = written.setter();
    use_effect_with(recorded.seq, move |seq| {
        let new: Vec<Rc<RestorePoint>> = recorded.after(*seen.borrow()).cloned().collect();
        *seen.borrow_mut() = *seq;
        if !new.is_empty() {
            let seq = *seq;
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = keep(new).await.err();
                REFUSED.with(|r| *r.borrow_mut() = outcome);
                setter.set(seq);
            });
        }
    });
    *written
}
