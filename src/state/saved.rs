//! The work the page keeps in the browser, as versioned documents (issue #14).
//!
//! Two documents, under keys that never change: the page's work ([`WORK_KEY`]: the form, the
//! assessment time, the form a link replaced) and the ledger ([`LEDGER_KEY`]). Each carries
//! its format version. Every version the page has shipped is read by an explicit migration to
//! the current one ([`read_work`], [`read_ledger`]). A document that cannot be read, damaged
//! or written by a newer page, is never overwritten: the page sets it aside under a key of its
//! own ([`aside_key`]), says so and offers it as a download.
//!
//! Formats of the page's work:
//! - 1 (shipped until 2026-12): `{form, as_of, previous, ledger_csv?}`, no version; the
//!   earliest pages kept an imported ledger as CSV text in `ledger_csv`.
//! - 2: `{version: 2, form, as_of, previous, saved_at, tab}`; the ledger is its own document.
//!
//! Formats of the ledger: 1 was `ledger_csv` above; 2 is `{version: 2, incidents, source}`.

use crate::state::form::FormState;
use crate::state::ledger::SavedLedger;
use serde::{Deserialize, Serialize};

/// Key of the page's work in `localStorage` (its name predates the version field inside).
pub const WORK_KEY: &str = "slacalc.page.v1";
/// Key of the ledger in `localStorage`.
pub const LEDGER_KEY: &str = "slacalc.ledger.v2";
/// Start of the keys unreadable documents are set aside under.
pub const ASIDE_PREFIX: &str = "slacalc.aside.";
/// The format of the page's work this page writes.
pub const WORK_FORMAT: u32 = 2;
/// The format of the ledger this page writes.
pub const LEDGER_FORMAT: u32 = 2;

/// Why a saved document cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    /// Not JSON, or not the shape of any format the page has shipped.
    #[error("damaged: {0}")]
    Damaged(String),
    /// Written by a newer version of the page.
    #[error("format {found} is newer than this page (it reads up to {known})")]
    Newer {
        /// The document's format.
        found: u32,
        /// The newest format this page reads.
        known: u32,
    },
}

impl Unreadable {
    /// The reason in Chinese.
    pub fn zh(&self) -> String {
        match self {
            Unreadable::Damaged(_) => "内容已损坏,无法读取".into(),
            Unreadable::Newer { found, known } => {
                format!("由较新版本的页面保存(格式 {found},本页面只能读取到格式 {known})")
            }
        }
    }

    /// The reason in English.
    pub fn en(&self) -> String {
        match self {
            Unreadable::Damaged(_) => "it is damaged and cannot be read".into(),
            Unreadable::Newer { found, known } => format!(
                "it was saved by a newer version of the page (format {found}; this page reads up to {known})"
            ),
        }
    }
}

/// The page's work in the current format ([`WORK_FORMAT`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkDoc {
    /// Always [`WORK_FORMAT`] when written by this page.
    pub version: u32,
    /// What the user typed.
    pub form: FormState,
    /// The assessment time typed.
    pub as_of: String,
    /// The form a link replaced, still restorable.
    pub previous: Option<FormState>,
    /// When it was written, in milliseconds since 1970 by the browser's clock (how tabs tell
    /// the newer work).
    #[serde(default)]
    pub saved_at: i64,
    /// Which tab wrote it (a tab ignores its own writes).
    #[serde(default)]
    pub tab: String,
}

/// Format 1 of the page's work, as the page wrote it until format 2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkV1 {
    /// What the user typed.
    pub form: FormState,
    /// The assessment time typed.
    pub as_of: String,
    /// The form a link replaced.
    pub previous: Option<FormState>,
    /// An imported ledger as CSV text (the earliest pages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger_csv: Option<String>,
}

/// The page's work read from storage: the current format, and a ledger that an early page
/// kept as CSV text inside it (format 1), to import once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadWork {
    /// The work, migrated to the current format.
    pub doc: WorkDoc,
    /// A format-1 ledger, as CSV text.
    pub ledger_csv: Option<String>,
}

/// Only the version of a document (read first, before the shape it decides).
#[derive(Deserialize)]
struct Probe {
    version: Option<u32>,
}

/// The format of a document: its `version`, or 1 when it has none (format 1 had none).
/// (Read from the text, not through a `serde_json::Value`: a second reader of every field
/// for `Value` would cost the first load about 15 KB.)
fn format_of(text: &str) -> Result<u32, Unreadable> {
    let probe: Probe = serde_json::from_str(text).map_err(damaged)?;
    Ok(probe.version.unwrap_or(1))
}

fn damaged(e: serde_json::Error) -> Unreadable {
    Unreadable::Damaged(e.to_string())
}

/// Migration of the page's work from format 1: the same fields, versioned; a ledger kept as
/// CSV text leaves the document (it is imported into the ledger's own).
pub fn migrate_work_v1(old: WorkV1) -> ReadWork {
    ReadWork {
        doc: WorkDoc {
            version: WORK_FORMAT,
            form: old.form,
            as_of: old.as_of,
            previous: old.previous,
            saved_at: 0,
            tab: String::new(),
        },
        ledger_csv: old.ledger_csv,
    }
}

/// Reads the page's work saved by any version of the page.
pub fn read_work(text: &str) -> Result<ReadWork, Unreadable> {
    match format_of(text)? {
        1 => Ok(migrate_work_v1(
            serde_json::from_str(text).map_err(damaged)?,
        )),
        WORK_FORMAT => Ok(ReadWork {
            doc: serde_json::from_str(text).map_err(damaged)?,
            ledger_csv: None,
        }),
        found if found > WORK_FORMAT => Err(Unreadable::Newer {
            found,
            known: WORK_FORMAT,
        }),
        found => Err(Unreadable::Damaged(format!(
            "format {found} was never shipped"
        ))),
    }
}

/// Reads the ledger saved by any version of the page (format 1 lived inside the page's work:
/// [`ReadWork::ledger_csv`]).
pub fn read_ledger(text: &str) -> Result<SavedLedger, Unreadable> {
    match format_of(text)? {
        LEDGER_FORMAT => serde_json::from_str(text).map_err(damaged),
        found if found > LEDGER_FORMAT => Err(Unreadable::Newer {
            found,
            known: LEDGER_FORMAT,
        }),
        found => Err(Unreadable::Damaged(format!(
            "format {found} of the ledger was never a document of its own"
        ))),
    }
}

/// The key a document that cannot be read is set aside under: what it was (`work` or
/// `ledger`) and when it was found, so that several never overwrite one another.
pub fn aside_key(what: &str, found_at_ms: i64) -> String {
    format!("{ASIDE_PREFIX}{what}.{found_at_ms}")
}

/// A document set aside: its key, what it was, and its text exactly as it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aside {
    /// Its key in `localStorage`.
    pub key: String,
    /// `work` or `ledger`.
    pub what: String,
    /// The text as it was found.
    pub text: String,
}

impl Aside {
    /// Reads a set-aside document's key and text (`None` for any other key).
    pub fn from_entry(key: &str, text: String) -> Option<Aside> {
        let rest = key.strip_prefix(ASIDE_PREFIX)?;
        let (what, _) = rest.split_once('.')?;
        Some(Aside {
            key: key.to_string(),
            what: what.to_string(),
            text,
        })
    }

    /// Why it could not be read (read again, so the reason needs no storing).
    pub fn reason(&self) -> Option<Unreadable> {
        if self.what == "ledger" {
            read_ledger(&self.text).err()
        } else {
            read_work(&self.text).err()
        }
    }

    /// The file name it downloads as.
    pub fn file_name(&self) -> String {
        let stamp = self.key.rsplit('.').next().unwrap_or_default();
        format!("slacalc-{}-{stamp}.json", self.what)
    }
}

// Native tests (proptest runs natively; the state needs no browser).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::state::page::Page;
    use proptest::prelude::*;
    use serde_json::Value;

    const WORK_V1: &str = include_str!("../../tests/fixtures/saved/2026-11-work-v1.json");
    const LEDGER_V2: &str = include_str!("../../tests/fixtures/saved/2026-11-ledger-v2.json");

    #[test]
    fn the_work_and_ledger_of_november_2026_open_intact() {
        // Made by the page at commit 8f8d9d0 (tests/fixtures/saved/README.md).
        let work = read_work(WORK_V1).expect("format 1 reads");
        let ledger = read_ledger(LEDGER_V2).expect("format 2 reads");
        let raw: Value = serde_json::from_str(WORK_V1).expect("JSON");
        let page = Page::opening(None, Some(work), Some(ledger), None, false);
        // What was typed.
        assert_eq!(page.form.price, "880000.00");
        assert_eq!(page.form.id, "2025-04-07-mta-queue-2");
        assert_eq!(page.as_of, "2026-01-01 00:00");
        assert_eq!(serde_json::to_value(&page.form).expect("JSON"), raw["form"]);
        // The custom terms, as typed.
        let terms = page
            .form
            .custom_terms
            .as_deref()
            .expect("custom terms kept");
        assert_eq!(Some(terms), raw["form"]["custom_terms"].as_str());
        // The ledger: every incident, in order.
        let book = page.ledger.book.as_ref().expect("the ledger");
        let ids: Vec<&str> = book.incidents().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "2025-03-03-mail-down",
                "2025-07-typhoon-outage",
                "2025-04-upgrade-advice",
                "2025-06-power-cut",
                "2025-05-quota-bug",
                "2025-09-mystery-outage"
            ]
        );
        // Saved again: format 2, the same ledger.
        let again = page.saved().expect("saved");
        assert_eq!(again.version, WORK_FORMAT);
        let back: Value = serde_json::from_str(LEDGER_V2).expect("JSON");
        let ledger_again =
            serde_json::to_value(page.ledger.saved().expect("ledger")).expect("JSON");
        assert_eq!(ledger_again, back);
    }

    #[test]
    fn a_damaged_document_is_named_as_such() {
        for text in ["", "{", "null", "[]", "{\"form\":1}", "\u{0}garbage"] {
            assert!(
                matches!(read_work(text), Err(Unreadable::Damaged(_))),
                "{text:?}"
            );
            assert!(
                matches!(read_ledger(text), Err(Unreadable::Damaged(_))),
                "{text:?}"
            );
        }
        // Cut short, as a full disk or a killed browser might leave it.
        let cut = &WORK_V1[..WORK_V1.len() / 2];
        assert!(matches!(read_work(cut), Err(Unreadable::Damaged(_))));
        assert!(matches!(
            read_work(r#"{"version":"two"}"#),
            Err(Unreadable::Damaged(_))
        ));
        // The ledger never had a document of format 1 (it lived inside the work).
        assert!(matches!(
            read_ledger(r#"{"version":1,"incidents":[],"source":""}"#),
            Err(Unreadable::Damaged(_))
        ));
    }

    #[test]
    fn a_document_of_a_newer_page_is_named_as_such() {
        let mut v: Value = serde_json::from_str(WORK_V1).expect("JSON");
        v["version"] = 3.into();
        let e = read_work(&v.to_string()).expect_err("newer");
        assert_eq!(e, Unreadable::Newer { found: 3, known: 2 });
        assert!(e.en().contains("newer version"), "{}", e.en());
        assert!(e.zh().contains("较新版本"), "{}", e.zh());
        let mut l: Value = serde_json::from_str(LEDGER_V2).expect("JSON");
        l["version"] = 7.into();
        assert_eq!(
            read_ledger(&l.to_string()).expect_err("newer"),
            Unreadable::Newer { found: 7, known: 2 }
        );
    }

    #[test]
    fn a_document_set_aside_keeps_its_text_and_reason() {
        let key = aside_key("work", 1_764_662_400_000);
        assert_eq!(key, "slacalc.aside.work.1764662400000");
        let a = Aside::from_entry(&key, "{".into()).expect("an aside key");
        assert_eq!(a.what, "work");
        assert_eq!(a.text, "{");
        assert!(matches!(a.reason(), Some(Unreadable::Damaged(_))));
        assert_eq!(a.file_name(), "slacalc-work-1764662400000.json");
        assert!(Aside::from_entry(WORK_KEY, String::new()).is_none());
        assert!(Aside::from_entry("slacalc.lang", String::new()).is_none());
    }

    /// Text as people type it into the form's fields: any characters, Chinese included.
    fn typed() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            "[0-9 .:/-]{0,20}",
            "\\PC{0,24}",
            "[故障恢复时间邮件系统 ]{0,12}",
        ]
    }

    /// A form of format 1 as the page wrote it: any text in any field.
    fn form_v1() -> impl Strategy<Value = FormState> {
        (
            proptest::collection::vec(typed(), 20),
            any::<(bool, bool)>(),
            proptest::option::of(typed()),
        )
            .prop_map(|(t, (usable, damaged), terms)| {
                let mut f = FormState::worked_example();
                let fields = [
                    &mut f.price,
                    &mut f.warranty_start,
                    &mut f.warranty_end,
                    &mut f.tolerance,
                    &mut f.threshold,
                    &mut f.priority_source,
                    &mut f.id,
                    &mut f.reported_at,
                    &mut f.declared_priority,
                    &mut f.mailboxes_pct,
                    &mut f.kind,
                    &mut f.cause,
                    &mut f.interrupted_from,
                    &mut f.restored_at,
                    &mut f.phone_response_at,
                    &mut f.remote_access_at,
                    &mut f.response_at,
                ];
                for (field, text) in fields.into_iter().zip(t.iter()) {
                    *field = text.clone();
                }
                f.system_usable = usable;
                f.seriously_damaged = damaged;
                f.switches[0] = t[17].clone();
                f.custom_terms = terms;
                f
            })
    }

    proptest! {
        #[test]
        fn any_format_1_document_reads_into_format_2_and_saves_back_equal(
            form in form_v1(),
            previous in proptest::option::of(form_v1()),
            as_of in typed(),
        ) {
            let old = WorkV1 { form, as_of, previous, ledger_csv: None };
            let text = serde_json::to_string(&old).expect("JSON");
            let read = read_work(&text).expect("format 1 reads");
            prop_assert_eq!(&read.ledger_csv, &None);
            prop_assert_eq!(read.doc.version, WORK_FORMAT);
            prop_assert_eq!(&read.doc.form, &old.form);
            prop_assert_eq!(&read.doc.as_of, &old.as_of);
            prop_assert_eq!(&read.doc.previous, &old.previous);
            // Opened by the page and saved again, it reads back equal.
            let page = Page::opening(None, Some(read.clone()), None, None, false);
            let saved = page.saved().expect("saved");
            prop_assert_eq!(&saved, &read.doc);
            let again = read_work(&serde_json::to_string(&saved).expect("JSON")).expect("reads");
            prop_assert_eq!(again.doc, saved);
        }

        #[test]
        fn no_text_makes_the_readers_panic(text in "\\PC{0,200}") {
            let _ = read_work(&text);
            let _ = read_ledger(&text);
        }
    }
}
