//! The terms library (issue #15): terms kept in this browser under names people give them,
//! to start from or compare later. One versioned document in `localStorage`; a document this
//! version cannot read is never overwritten.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

/// Key of the library in `localStorage`.
pub const KEY: &str = "slacalc.terms-library";

/// Version of the library document.
pub const VERSION: u32 = 1;

/// Terms kept under a name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The name people gave them (unique in the library).
    pub name: String,
    /// The terms, as the case's inline `terms` object.
    pub terms: Value,
}

/// The library document.
#[derive(Debug, Serialize, Deserialize)]
struct Doc {
    version: u32,
    entries: Vec<Entry>,
}

/// Why the library could not be read or kept.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LibraryError {
    /// The browser gives no storage (private mode, storage off).
    #[error("this browser keeps nothing (no localStorage)")]
    NoStorage,
    /// The browser refused the write (`QuotaExceededError`: the store is full).
    #[error("the browser refused to keep it ({0})")]
    Refused(String),
    /// What is kept under the key is not a library this version reads: left as it is.
    #[error("the library kept in this browser does not read (left untouched)")]
    Unreadable,
    /// A name is needed to keep terms under.
    #[error("a name is needed")]
    NoName,
}

impl LibraryError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            LibraryError::NoStorage => "此浏览器无法保存(没有 localStorage)".into(),
            LibraryError::Refused(n) => format!("浏览器拒绝保存({n}),存储可能已满"),
            LibraryError::Unreadable => "浏览器中已有的条款库无法读取(未改动它)".into(),
            LibraryError::NoName => "请先填写名称".into(),
        }
    }
}

/// The library as kept: its entries (none when nothing is kept).
pub fn read(kept: Option<&str>) -> Result<Vec<Entry>, LibraryError> {
    match kept {
        None => Ok(Vec::new()),
        Some(text) => match serde_json::from_str::<Doc>(text) {
            Ok(d) if d.version == VERSION => Ok(d.entries),
            _ => Err(LibraryError::Unreadable),
        },
    }
}

/// The library with `terms` kept under `name` (replacing terms of that name), as the text
/// to keep.
pub fn with(
    entries: &[Entry],
    name: &str,
    terms: Value,
) -> Result<(Vec<Entry>, String), LibraryError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(LibraryError::NoName);
    }
    let mut entries: Vec<Entry> = entries.iter().filter(|e| e.name != name).cloned().collect();
    entries.push(Entry {
        name: name.to_string(),
        terms,
    });
    let text = write(&entries);
    Ok((entries, text))
}

/// The library without the terms named `name`, as the text to keep.
pub fn without(entries: &[Entry], name: &str) -> (Vec<Entry>, String) {
    let entries: Vec<Entry> = entries.iter().filter(|e| e.name != name).cloned().collect();
    let text = write(&entries);
    (entries, text)
}

fn write(entries: &[Entry]) -> String {
    serde_json::to_string(&serde_json::json!({ "version": VERSION, "entries": entries }))
        .unwrap_or_default()
}

/// The library kept in this browser.
pub fn load() -> Result<Vec<Entry>, LibraryError> {
    let storage = storage()?;
    read(storage.get_item(KEY).ok().flatten().as_deref())
}

/// Keeps `text` as the library, unless what is kept does not read.
pub fn store(text: &str) -> Result<(), LibraryError> {
    let storage = storage()?;
    read(storage.get_item(KEY).ok().flatten().as_deref())?;
    storage.set_item(KEY, text).map_err(|e| {
        LibraryError::Refused(
            js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_else(|| "storage error".into()),
        )
    })
}

fn storage() -> Result<web_sys::Storage, LibraryError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(LibraryError::NoStorage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn terms_are_kept_by_name_and_replaced_under_the_same_name() {
        let (e, text) = with(&[], "A 报价", json!({"id": "a"})).expect("kept");
        let (e, _) = with(&e, "B", json!({"id": "b"})).expect("kept");
        let (e, text2) = with(&e, " A 报价 ", json!({"id": "a2"})).expect("kept");
        assert_eq!(e.len(), 2);
        assert_eq!(
            read(Some(&text2)).expect("reads")[1].terms,
            json!({"id": "a2"})
        );
        assert_eq!(read(Some(&text)).expect("reads").len(), 1);
        let (e, _) = without(&e, "B");
        assert_eq!(e.len(), 1);
        assert_eq!(with(&e, "  ", json!({})), Err(LibraryError::NoName));
    }

    #[test]
    fn a_library_of_another_version_is_not_read_as_empty() {
        assert_eq!(read(None), Ok(Vec::new()));
        assert_eq!(
            read(Some("{\"version\":2,\"entries\":[]}")),
            Err(LibraryError::Unreadable)
        );
        assert_eq!(read(Some("garbage")), Err(LibraryError::Unreadable));
    }
}
