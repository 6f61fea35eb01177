//! Restore points (issue #14): the whole work (the page's work document and the ledger, as
//! the JSON text `state::saved` reads back) as it was just before a destructive action,
//! with when that was and what replaced it. The reducer records one for each destructive
//! action that changed the work (`state::page`); the browser keeps the last
//! [`MAX_POINTS`] in IndexedDB (`interop::history`), dropping the oldest first
//! ([`to_drop`]), and the History list brings any of them back.

use crate::state::ledger::SavedLedger;
use crate::state::saved::{read_ledger, read_work, ReadWork, Unreadable, WorkDoc};
use slacalc::Instant;

/// How many restore points the browser keeps.
pub const MAX_POINTS: usize = 20;
/// How much JSON text the restore points may hold in all (about 5 MB).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// What replaced the work kept in a restore point.
// Kept in the browser as two texts ([`Cause::code`]), not through serde: its derived
// deserializer would cost the first load several KB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// "Clear incident".
    ClearIncident,
    /// The worked example loaded over edited work.
    LoadExample,
    /// A CSV file imported over a ledger.
    Import {
        /// The file's name.
        name: String,
    },
    /// A link opened over edited work.
    OpenLink,
    /// A row of the ledger deleted.
    DeleteRow {
        /// Its incident's id.
        id: String,
    },
    /// The ledger closed.
    CloseLedger,
    /// Custom terms imported from a file over the terms typed (made by earlier versions, still
    /// read; the terms builder now keeps the terms it replaces, `builder-undo`).
    ImportTerms {
        /// The file's name.
        name: String,
    },
    /// Custom terms switched off (back to the letter's).
    TermsOff,
    /// Another tab's version of the work or the ledger taken over this tab's own.
    OtherTab,
    /// A restore point brought back (of the time `at`, in seconds since 1970).
    Restore {
        /// When the point brought back was taken.
        at: i64,
    },
}

/// The time of a point as the list shows it: `14:32` on the day of `today`, else
/// `2026-12-01 14:32` (in the contract's offset, +08:00).
pub fn time_text(at_secs: i64, today: Option<Instant>) -> String {
    let Ok(at) = Instant::from_secs(at_secs) else {
        return String::new();
    };
    let short = at.short();
    match today {
        Some(t) if t.local_date() == at.local_date() => {
            short.split_once(' ').map(|x| x.1).unwrap_or(&short).into()
        }
        _ => short,
    }
}

impl Cause {
    /// Its name and what it is about (a file, an incident id, a time), as the browser keeps
    /// them; read back by [`Cause::from_code`].
    pub fn code(&self) -> (&'static str, String) {
        match self {
            Cause::ClearIncident => ("clear_incident", String::new()),
            Cause::LoadExample => ("load_example", String::new()),
            Cause::Import { name } => ("import", name.clone()),
            Cause::OpenLink => ("open_link", String::new()),
            Cause::DeleteRow { id } => ("delete_row", id.clone()),
            Cause::CloseLedger => ("close_ledger", String::new()),
            Cause::ImportTerms { name } => ("import_terms", name.clone()),
            Cause::TermsOff => ("terms_off", String::new()),
            Cause::OtherTab => ("other_tab", String::new()),
            Cause::Restore { at } => ("restore", at.to_string()),
        }
    }

    /// The cause named `kind`, about `about` ([`Cause::code`]); `None` for a name this page
    /// does not know.
    pub fn from_code(kind: &str, about: &str) -> Option<Cause> {
        let about = about.to_string();
        Some(match kind {
            "clear_incident" => Cause::ClearIncident,
            "load_example" => Cause::LoadExample,
            "import" => Cause::Import { name: about },
            "open_link" => Cause::OpenLink,
            "delete_row" => Cause::DeleteRow { id: about },
            "close_ledger" => Cause::CloseLedger,
            "import_terms" => Cause::ImportTerms { name: about },
            "terms_off" => Cause::TermsOff,
            "other_tab" => Cause::OtherTab,
            "restore" => Cause::Restore {
                at: about.parse().ok()?,
            },
            _ => return None,
        })
    }

    /// What happened, in Chinese and English, as in "before …".
    fn what(&self, today: Option<Instant>) -> (String, String) {
        match self {
            Cause::ClearIncident => ("清空事件".into(), "clearing the incident".into()),
            Cause::LoadExample => ("载入示例".into(), "loading the worked example".into()),
            Cause::Import { name } => (format!("导入 {name}"), format!("importing {name}")),
            Cause::OpenLink => ("打开链接".into(), "opening a link".into()),
            Cause::DeleteRow { id } => (
                format!("删除台账中的 {id}"),
                format!("deleting {id} from the ledger"),
            ),
            Cause::CloseLedger => ("关闭台账".into(), "closing the ledger".into()),
            Cause::ImportTerms { name } => (
                format!("导入条款 {name}"),
                format!("importing the terms {name}"),
            ),
            Cause::TermsOff => (
                "停用自定义条款".into(),
                "switching the custom terms off".into(),
            ),
            Cause::OtherTab => (
                "换用另一个标签页的版本".into(),
                "taking the other tab's version".into(),
            ),
            Cause::Restore { at } => {
                let t = time_text(*at, today);
                (format!("恢复 {t} 的状态"), format!("bringing back {t}"))
            }
        }
    }
}

/// The whole work just before a destructive action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestorePoint {
    /// What replaced it.
    pub cause: Cause,
    /// When, in seconds since 1970 (the action's stamp, to the minute).
    pub at: i64,
    /// The page's work document (`WorkDoc`) as JSON text.
    pub work: String,
    /// The ledger (`SavedLedger`) as JSON text; none: there was no ledger.
    pub ledger: Option<String>,
}

impl RestorePoint {
    /// The point of `work` and `ledger`, replaced at `now` by `cause`.
    pub fn new(
        cause: Cause,
        now: Instant,
        work: &WorkDoc,
        ledger: Option<&SavedLedger>,
    ) -> RestorePoint {
        RestorePoint {
            cause,
            at: now.secs(),
            work: serde_json::to_string(work).unwrap_or_default(),
            ledger: ledger.and_then(|l| serde_json::to_string(l).ok()),
        }
    }

    /// Its label in Chinese and English: "导入 incidents.csv 之前,14:32" / "before importing
    /// incidents.csv, 14:32" (with the date when it is not of `today`'s date).
    pub fn label(&self, today: Option<Instant>) -> (String, String) {
        let (zh, en) = self.cause.what(today);
        let t = time_text(self.at, today);
        // A space between a name written in Latin letters and the Chinese after it.
        let gap = if zh.ends_with(|c: char| c.is_ascii()) {
            " "
        } else {
            ""
        };
        (format!("{zh}{gap}之前,{t}"), format!("before {en}, {t}"))
    }

    /// What it holds, to tell points of the same label apart: the form's incident id, and
    /// whether there was a ledger, in Chinese and English ("事件 a-1,含台账", "incident a-1,
    /// with a ledger").
    pub fn holds(&self) -> (String, String) {
        let id = read_work(&self.work)
            .map(|w| w.doc.form.id)
            .unwrap_or_default();
        match self.ledger {
            Some(_) => (
                format!("事件 {id},含台账"),
                format!("incident {id}, with a ledger"),
            ),
            None => (format!("事件 {id}"), format!("incident {id}")),
        }
    }

    /// The work and the ledger it holds, read by the readers of saved work (so a point of an
    /// older format is migrated).
    pub fn read(&self) -> Result<(ReadWork, Option<SavedLedger>), Unreadable> {
        let work = read_work(&self.work)?;
        let ledger = self.ledger.as_deref().map(read_ledger).transpose()?;
        Ok((work, ledger))
    }
}

/// Of the points kept, oldest first as `(key, bytes of its JSON text as stored)`, the keys to drop so that at most
/// [`MAX_POINTS`] remain holding at most [`MAX_BYTES`]: the oldest go first; the newest is
/// always kept (even alone over the limit: it is the one just asked for).
pub fn to_drop<K: Copy>(kept: &[(K, usize)]) -> Vec<K> {
    to_drop_within(kept, MAX_POINTS, MAX_BYTES)
}

/// [`to_drop`] under other limits.
pub fn to_drop_within<K: Copy>(kept: &[(K, usize)], points: usize, bytes: usize) -> Vec<K> {
    let mut total: usize = kept.iter().map(|k| k.1).sum();
    let mut count = kept.len();
    let mut drop = Vec::new();
    for (key, size) in kept {
        if count <= 1 || (count <= points && total <= bytes) {
            break;
        }
        drop.push(*key);
        count -= 1;
        total -= size;
    }
    drop
}

/// The restore points the reducer recorded and the browser has not kept yet: each numbered,
/// so the page writes each once (`interop::history`). Cheap to clone (the points are shared)
/// and to compare (by the number of the last).
#[derive(Debug, Clone, Default)]
pub struct Recorded {
    /// How many points were recorded so far (the number of the last).
    pub seq: u64,
    /// The last points recorded, with their numbers (at most [`MAX_POINTS`]).
    pub points: Vec<(u64, std::rc::Rc<RestorePoint>)>,
}

impl PartialEq for Recorded {
    fn eq(&self, other: &Recorded) -> bool {
        self.seq == other.seq
    }
}

impl Eq for Recorded {}

impl Recorded {
    /// Records a point.
    pub fn push(&mut self, point: impl Into<std::rc::Rc<RestorePoint>>) {
        self.seq += 1;
        self.points.push((self.seq, point.into()));
        if self.points.len() > MAX_POINTS {
            self.points.remove(0);
        }
    }

    /// The points numbered after `seen`, oldest first.
    pub fn after(&self, seen: u64) -> impl Iterator<Item = &std::rc::Rc<RestorePoint>> {
        self.points
            .iter()
            .filter(move |(n, _)| *n > seen)
            .map(|(_, p)| p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::form::{Action, Field};
    use crate::state::ledger::LedgerAction;
    use crate::state::page::{Page, PageAction, Stamped};
    use std::rc::Rc;
    use yew::Reducible;

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    const NOW: &str = "2026-12-02T14:32:00+08:00";
    const CSV: &str = include_str!("../../examples/incidents.csv");

    fn point(cause: Cause) -> RestorePoint {
        let page = Page::new();
        RestorePoint::new(cause, at(NOW), &page.saved().expect("work"), None)
    }

    #[test]
    fn a_point_is_labelled_with_what_replaced_it_and_when() {
        let today = Some(at("2026-12-02T20:00:00+08:00"));
        let p = point(Cause::Import {
            name: "incidents.csv".into(),
        });
        assert_eq!(
            p.label(today),
            (
                "导入 incidents.csv 之前,14:32".to_string(),
                "before importing incidents.csv, 14:32".to_string()
            )
        );
        // Another day: the date too.
        let (zh, en) = p.label(Some(at("2026-12-03T09:00:00+08:00")));
        assert_eq!(zh, "导入 incidents.csv 之前,2026-12-02 14:32");
        assert_eq!(en, "before importing incidents.csv, 2026-12-02 14:32");
        let labels = [
            (
                Cause::ClearIncident,
                "清空事件之前",
                "before clearing the incident",
            ),
            (
                Cause::LoadExample,
                "载入示例之前",
                "before loading the worked example",
            ),
            (Cause::OpenLink, "打开链接之前", "before opening a link"),
            (
                Cause::DeleteRow { id: "a-1".into() },
                "删除台账中的 a-1 之前",
                "before deleting a-1 from the ledger",
            ),
            (
                Cause::CloseLedger,
                "关闭台账之前",
                "before closing the ledger",
            ),
            (
                Cause::OtherTab,
                "换用另一个标签页的版本之前",
                "before taking the other tab's version",
            ),
            (
                Cause::ImportTerms {
                    name: "t.json".into(),
                },
                "导入条款 t.json 之前",
                "before importing the terms t.json",
            ),
            (
                Cause::TermsOff,
                "停用自定义条款之前",
                "before switching the custom terms off",
            ),
            (
                Cause::Restore {
                    at: at("2026-12-02T09:05:00+08:00").secs(),
                },
                "恢复 09:05 的状态之前",
                "before bringing back 09:05",
            ),
        ];
        for (cause, zh, en) in labels {
            let (kind, about) = cause.code();
            assert_eq!(Cause::from_code(kind, &about), Some(cause.clone()));
            let (z, e) = point(cause).label(today);
            assert_eq!(z, format!("{zh},14:32"));
            assert_eq!(e, format!("{en}, 14:32"));
        }
        assert_eq!(Cause::from_code("newer_kind", ""), None);
        assert_eq!(Cause::from_code("restore", "noon"), None);
    }

    #[test]
    fn the_oldest_points_go_first_beyond_twenty_or_five_megabytes() {
        let small: Vec<(u32, usize)> = (1..=25).map(|k| (k, 1_000)).collect();
        assert_eq!(to_drop(&small), vec![1, 2, 3, 4, 5]);
        assert!(to_drop(&small[..20]).is_empty());
        // 1.5 MB each: four are 6 MB, so the oldest goes.
        let big: Vec<(u32, usize)> = (1..=4).map(|k| (k, 1_500_000)).collect();
        assert_eq!(to_drop(&big), vec![1]);
        let mixed = [(1, 4_000_000), (2, 10), (3, 2_000_000)];
        assert_eq!(to_drop(&mixed), vec![1]);
        // The newest stays, even alone over the limit.
        assert!(to_drop(&[(9, 6_000_000)]).is_empty());
        assert_eq!(to_drop(&[(1, 10), (9, 6_000_000)]), vec![1]);
        assert!(to_drop::<u32>(&[]).is_empty());
        assert_eq!(to_drop_within(&[(1, 1), (2, 1), (3, 1)], 2, 100), vec![1]);
    }

    #[test]
    fn recorded_points_keep_their_numbers_and_the_last_twenty() {
        let mut r = Recorded::default();
        for _ in 0..23 {
            r.push(point(Cause::ClearIncident));
        }
        assert_eq!(r.seq, 23);
        assert_eq!(r.points.len(), MAX_POINTS);
        assert_eq!(r.after(20).count(), 3);
        assert_eq!(r.after(0).count(), MAX_POINTS);
    }

    /// The page after `action`, stamped at 14:32, through the reducer.
    fn reduce(page: Page, action: PageAction) -> Page {
        let next = Rc::new(page).reduce(Stamped {
            action,
            now: at(NOW),
        });
        (*next).clone()
    }

    fn edited() -> Page {
        reduce(
            Page::new(),
            PageAction::Form(Action::Set(Field::Id, "mine".into())),
        )
    }

    fn with_ledger(page: Page) -> Page {
        imported(page, CSV, "incidents.csv")
    }

    /// `text` imported as a person does it (chosen, read, applied).
    fn imported(page: Page, text: &str, name: &str) -> Page {
        let mut page = page;
        page.import_csv(text, name);
        page
    }

    fn last(page: &Page) -> RestorePoint {
        (*page.recorded.points.last().expect("a point").1).clone()
    }

    #[test]
    fn ordinary_edits_record_nothing() {
        let mut page = edited();
        for a in [
            PageAction::Form(Action::Set(Field::Price, "5".into())),
            PageAction::SetAsOf("2026-01-01 00:00".into()),
            PageAction::Form(Action::UseCustomTerms(true)),
            PageAction::Form(Action::SetTerms("{}".into())),
            PageAction::SetLang(crate::i18n::lang::Lang::En),
            PageAction::Dismiss,
        ] {
            page = reduce(page, a);
        }
        // A first import (no ledger before) replaces nothing.
        let page = with_ledger(page);
        let page = reduce(page, PageAction::Ledger(LedgerAction::AddFromForm));
        assert_eq!(page.recorded.seq, 0);
        // Nor does clearing an incident already clear, or loading the example over itself.
        let page = reduce(Page::new(), PageAction::Form(Action::LoadExample));
        let page = reduce(page, PageAction::Form(Action::ClearIncident));
        assert_eq!(page.recorded.seq, 1);
        let page = reduce(page, PageAction::Form(Action::ClearIncident));
        assert_eq!(page.recorded.seq, 1);
    }

    #[test]
    fn clearing_the_incident_keeps_what_it_held() {
        let page = reduce(edited(), PageAction::Form(Action::ClearIncident));
        assert_eq!(page.form.id, "1");
        let p = last(&page);
        assert_eq!(p.cause, Cause::ClearIncident);
        assert_eq!(p.at, at(NOW).secs());
        let (work, ledger) = p.read().expect("reads back");
        assert_eq!(work.doc.form.id, "mine");
        assert_eq!(p.holds(), ("事件 mine".into(), "incident mine".into()));
        assert!(ledger.is_none());
        // Brought back through the reducer; that records the cleared state first.
        let back = reduce(page, PageAction::Restore(Rc::new(p.clone())));
        assert_eq!(back.form.id, "mine");
        assert_eq!(back.recorded.seq, 2);
        let before = last(&back);
        assert_eq!(before.cause, Cause::Restore { at: p.at });
        assert_eq!(before.read().expect("reads").0.doc.form.id, "1");
        // An edit after bringing back: no undo any more (it would lose the edit).
        let edited_after = reduce(
            back.clone(),
            PageAction::Form(Action::Set(Field::Price, "7".into())),
        );
        assert!(edited_after.restored.is_none());
        let unchanged = reduce(back.clone(), PageAction::Dismiss);
        assert!(unchanged.restored.is_some());
        // And undone: the cleared form again, with no new point.
        let undone = reduce(back, PageAction::UndoRestore);
        assert_eq!(undone.form.id, "1");
        assert_eq!(undone.recorded.seq, 2);
        assert!(undone.restored.is_none());
    }

    #[test]
    fn each_destructive_action_records_the_work_before_it() {
        // The worked example over edited work.
        let page = reduce(edited(), PageAction::Form(Action::LoadExample));
        assert_eq!(last(&page).cause, Cause::LoadExample);
        assert_eq!(last(&page).read().expect("reads").0.doc.form.id, "mine");
        // An import over a ledger: the ledger before comes back whole.
        let page = with_ledger(edited());
        let page = imported(page, &CSV.replace("A-1", "X-1"), "other.csv");
        let p = last(&page);
        assert_eq!(
            p.cause,
            Cause::Import {
                name: "other.csv".into()
            }
        );
        let ledger = p.read().expect("reads").1.expect("a ledger");
        assert_eq!(ledger.incidents.len(), 6);
        assert_eq!(p.holds().1, "incident mine, with a ledger");
        // A row deleted: named by its id.
        let page = with_ledger(edited());
        let row = page.ledger.book.as_ref().expect("ledger").rows[1].clone();
        let page = reduce(page, PageAction::Ledger(LedgerAction::Delete(row.key)));
        assert_eq!(
            last(&page).cause,
            Cause::DeleteRow {
                id: row.incident.id.clone()
            }
        );
        // Closing the ledger, then restoring it.
        let page = reduce(page, PageAction::Ledger(LedgerAction::Close));
        let p = last(&page);
        assert_eq!(p.cause, Cause::CloseLedger);
        assert!(page.ledger.book.is_none());
        let back = reduce(page, PageAction::Restore(Rc::new(p)));
        assert_eq!(back.ledger.book.as_ref().map(|b| b.rows.len()), Some(5));
        // Custom terms typed (the terms builder writes them so too), and switched off.
        let page = reduce(edited(), PageAction::Form(Action::UseCustomTerms(true)));
        let page = reduce(page, PageAction::Form(Action::SetTerms("{}".into())));
        assert_eq!(page.form.custom_terms.as_deref(), Some("{}"));
        let page = reduce(page, PageAction::Form(Action::UseCustomTerms(false)));
        let p = last(&page);
        assert_eq!(p.cause, Cause::TermsOff);
        assert_eq!(
            p.read().expect("reads").0.doc.form.custom_terms.as_deref(),
            Some("{}")
        );
    }

    #[test]
    fn a_link_over_edited_work_records_it_over_the_example_not() {
        let (case, a) = Page::new()
            .evaluate(at("2026-06-01T00:00:00+08:00"))
            .expect("valid");
        let fragment = format!("#c={}", slacalc::link::encode(&case, &a));
        let mut page = Page::new();
        page.form.price = "2000000.00".into();
        let page = reduce(page, PageAction::OpenLink(fragment.clone()));
        let p = last(&page);
        assert_eq!(p.cause, Cause::OpenLink);
        assert_eq!(p.read().expect("reads").0.doc.form.price, "2000000.00");
        // Over the untouched example: nothing of the user's was replaced.
        let page = reduce(Page::new(), PageAction::OpenLink(fragment));
        assert_eq!(page.recorded.seq, 0);
    }
}
