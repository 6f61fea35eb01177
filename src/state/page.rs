//! The page's one state and its reducer: the form, the assessment time, what a link said
//! when it was opened, the work a link replaced (so it can be restored), the ledger and the
//! language. Every edit of the page is a [`PageAction`] applied here.

use crate::i18n::lang::Lang;
use crate::state::form::{Action, FormState};
use crate::state::history::{Cause, Recorded, RestorePoint};
use crate::state::ledger::{LedgerAction, LedgerState, SavedLedger};
use crate::state::saved::{Aside, ReadWork, WorkDoc, WORK_FORMAT};
use slacalc::link::{self, Opened};
use slacalc::{assess, parse_case, Assessment, Case, CaseError, Instant, Problem};
use std::rc::Rc;
use yew::Reducible;

/// A message above the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Something went wrong (shown in red), or just information.
    pub error: bool,
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// Everything on the page that can change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// What the user typed.
    pub form: FormState,
    /// Assessment time as typed (`2025-03-05 00:00` or RFC 3339); empty = now.
    pub as_of: String,
    /// The message of the last link opened.
    pub notice: Option<Notice>,
    /// The form a link replaced.
    pub previous: Option<Box<FormState>>,
    /// The address asked for the compact read-only card (`#c=…&embed=1`).
    pub embed: bool,
    /// The ledger: incidents imported as CSV or added from the form, assessed under the
    /// form's contract, terms and interpretation (`ledger_state`).
    pub ledger: LedgerState,
    /// The language the page is shown in (the remembered choice, else the browser's).
    pub lang: Lang,
    /// Saved documents the page could not read, set aside under keys of their own and never
    /// overwritten (issue #14): announced until the user downloads or deletes them.
    pub asides: Vec<Aside>,
    /// The browser's refusal of the last write, while it lasts (issue #14): the work lives
    /// only in this tab until a write succeeds again.
    pub storage_failing: Option<String>,
    /// Restore points recorded before destructive actions, for the browser to keep
    /// (`state::history`, `interop::history`).
    pub recorded: Recorded,
    /// The restore point brought back last, while it can be undone.
    pub restored: Option<Restored>,
}

/// A restore point brought back, and the work it replaced (itself a restore point, so the
/// bringing back can be undone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The point brought back.
    pub point: Rc<RestorePoint>,
    /// The work before it was brought back.
    pub before: Rc<RestorePoint>,
}

/// An edit of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum PageAction {
    /// An edit of the form.
    Form(Action),
    /// The assessment time typed.
    SetAsOf(String),
    /// A link fragment to open (`#c=…`).
    OpenLink(String),
    /// Bring back the form a link replaced.
    RestorePrevious,
    /// Hide the notice.
    Dismiss,
    /// An edit of the ledger.
    Ledger(LedgerAction),
    /// The browser's storage refused to keep the work (e.g. its quota is full).
    StorageProblem(String),
    /// The browser's storage kept the work again after refusing it.
    StorageWorks,
    /// A set-aside document was deleted by the user (its key).
    ForgetAside(String),
    /// Show the page in this language.
    SetLang(Lang),
    /// Bring back a restore point (recording the work it replaces as one first).
    Restore(Rc<RestorePoint>),
    /// Take back the last restore point brought back.
    UndoRestore,
}

impl Page {
    /// The page as it opens: the worked example, judged now.
    pub fn new() -> Page {
        Page {
            form: FormState::worked_example(),
            as_of: String::new(),
            notice: None,
            previous: None,
            embed: false,
            ledger: LedgerState::default(),
            lang: Lang::default(),
            asides: Vec::new(),
            storage_failing: None,
            recorded: Recorded::default(),
            restored: None,
        }
    }

    /// What to keep in storage (nothing for an embedded card, which must not replace the
    /// user's own work).
    /// (Its time and tab are stamped when it is written: `interop::storage`.)
    pub fn saved(&self) -> Option<WorkDoc> {
        (!self.embed).then(|| WorkDoc {
            version: WORK_FORMAT,
            form: self.form.clone(),
            as_of: self.as_of.clone(),
            previous: self.previous.as_deref().cloned(),
            saved_at: 0,
            tab: String::new(),
        })
    }

    /// The page as it opens: the work saved in the browser (if any, migrated to the current
    /// format: `state::saved`) and its ledger, then the link in the address opened over it
    /// (the saved work stays restorable).
    pub fn opening(
        fragment: Option<String>,
        saved: Option<ReadWork>,
        ledger: Option<SavedLedger>,
    ) -> Page {
        let mut page = Page::new();
        if let Some(ReadWork { doc, ledger_csv }) = saved {
            page.form = doc.form;
            page.as_of = doc.as_of;
            page.previous = doc.previous.map(Box::new);
            // A ledger saved as CSV text by an earlier version: read it as an import.
            if let Some(text) = ledger_csv {
                page.ledger.apply(
                    LedgerAction::Import {
                        text,
                        name: String::new(),
                    },
                    &mut page.form,
                );
                page.ledger.undo.clear();
            }
        }
        if let Some(l) = ledger {
            page.ledger.restore(l);
        }
        if let Some(fragment) = fragment {
            page.apply(PageAction::OpenLink(fragment));
        }
        // An embedded card shows its link only: the user's ledger is not even read.
        if page.embed {
            page.ledger = LedgerState::default();
        }
        page
    }

    /// The page as it opens at an address fragment, with nothing saved: the link in it
    /// opened, if any.
    #[cfg(test)]
    pub fn at(fragment: Option<String>) -> Page {
        Page::opening(fragment, None, None)
    }

    /// The assessment time: the typed one, or `now`.
    pub fn as_of(&self, now: Instant) -> Result<Instant, Vec<CaseError>> {
        if self.as_of.trim().is_empty() {
            return Ok(now);
        }
        let text = slacalc::time::normalize_typed(&self.as_of);
        Instant::parse(&text).map_err(|_| {
            vec![CaseError::at(
                "as_of",
                Problem::NotATime(self.as_of.trim().to_string()),
            )]
        })
    }

    /// The case and its assessment, or the problems with them.
    pub fn evaluate(&self, now: Instant) -> Result<(Case, Assessment), Vec<CaseError>> {
        let as_of = self.as_of(now)?;
        let case = parse_case(&self.form.to_case_text())?;
        let a = assess(&case, as_of)?;
        Ok((case, a))
    }

    /// Brings the ledger's assessment up to date under the form's contract, at the typed
    /// assessment time or `now` (see [`LedgerState::refresh`]).
    pub fn refresh_ledger(&mut self, now: Instant) {
        let as_of = self.as_of(now);
        self.ledger.refresh(&self.form, as_of, &self.as_of);
    }

    /// Applies one edit.
    pub fn apply(&mut self, action: PageAction) {
        match action {
            PageAction::Form(a) => {
                // Loading the example or clearing the incident starts something new: the
                // ledger row being edited keeps its values.
                if matches!(a, Action::LoadExample | Action::ClearIncident) {
                    self.ledger.editing = None;
                }
                self.form.apply(a);
                self.ledger.sync_editing(&self.form);
            }
            PageAction::SetAsOf(t) => self.as_of = t,
            PageAction::OpenLink(fragment) => {
                self.ledger.editing = None;
                self.embed = crate::state::share::wants_embed(&fragment);
                self.open(&fragment)
            }
            PageAction::RestorePrevious => {
                if let Some(prev) = self.previous.take() {
                    self.ledger.editing = None;
                    self.form = *prev;
                    self.as_of.clear();
                    self.notice = None;
                }
            }
            PageAction::Dismiss => self.notice = None,
            PageAction::Ledger(a) => self.ledger.apply(a, &mut self.form),
            PageAction::SetLang(lang) => self.lang = lang,
            PageAction::StorageProblem(e) => self.storage_failing = Some(e),
            PageAction::StorageWorks => self.storage_failing = None,
            PageAction::ForgetAside(key) => self.asides.retain(|a| a.key != key),
            PageAction::Restore(point) => {
                if self.put_back(&point) {
                    self.restored = None;
                }
            }
            PageAction::UndoRestore => {
                if let Some(r) = self.restored.take() {
                    self.put_back(&r.before);
                }
            }
        }
    }

    /// The work of a restore point back in the page (form, assessment time, the form a link
    /// replaced, the ledger); `false` (and a notice) if it cannot be read.
    fn put_back(&mut self, point: &RestorePoint) -> bool {
        match point.read() {
            Ok((work, ledger)) => {
                self.form = work.doc.form;
                self.as_of = work.doc.as_of;
                self.previous = work.doc.previous.map(Box::new);
                self.notice = None;
                self.ledger.replace_with(ledger);
                // A ledger an early page kept as CSV text inside its work.
                if let Some(text) = work.ledger_csv {
                    let name = String::new();
                    self.ledger
                        .apply(LedgerAction::Import { text, name }, &mut self.form);
                    self.ledger.undo.clear();
                }
                true
            }
            Err(e) => {
                self.notice = Some(Notice {
                    error: true,
                    zh: format!("无法恢复这个还原点:{}。当前工作未改动。", e.zh()),
                    en: format!("This restore point cannot be brought back: {}. Your current work is unchanged.", e.en()),
                });
                false
            }
        }
    }

    /// What a destructive action about to be applied replaces, if it may replace the user's
    /// work: "Clear incident", the example or a link over edited work, an import over a
    /// ledger, deleting a row, closing the ledger, terms imported or switched off, and
    /// bringing back a restore point.
    fn destroys(&self, action: &PageAction) -> Option<Cause> {
        let edited = self.form != FormState::worked_example() || !self.as_of.trim().is_empty();
        let book = self.ledger.book.as_ref();
        match action {
            PageAction::Form(Action::ClearIncident) => Some(Cause::ClearIncident),
            PageAction::Form(Action::LoadExample) => Some(Cause::LoadExample),
            PageAction::Form(Action::ImportTerms { name, .. }) => {
                Some(Cause::ImportTerms { name: name.clone() })
            }
            PageAction::Form(Action::UseCustomTerms(false)) => Some(Cause::TermsOff),
            PageAction::OpenLink(_) if edited => Some(Cause::OpenLink),
            PageAction::Ledger(LedgerAction::Import { name, .. }) if book.is_some() => {
                Some(Cause::Import { name: name.clone() })
            }
            PageAction::Ledger(LedgerAction::Close) => Some(Cause::CloseLedger),
            PageAction::Ledger(LedgerAction::Delete(key)) => {
                let row = book?.rows.iter().find(|r| r.key == *key)?;
                Some(Cause::DeleteRow {
                    id: row.incident.id.clone(),
                })
            }
            PageAction::Restore(p) if p.read().is_ok() => Some(Cause::Restore { at: p.at }),
            _ => None,
        }
    }

    /// Applies one edit made at `now`; before a destructive one that changes the work, the
    /// work as it was is recorded as a restore point (`state::history`).
    /// Once the work changes after a point was brought back, that can no longer be undone
    /// (the undo would lose the change).
    pub fn apply_at(&mut self, action: PageAction, now: Instant) {
        let Some(cause) = self.destroys(&action) else {
            if self.restored.is_none() || matches!(action, PageAction::UndoRestore) {
                return self.apply(action);
            }
            let before = (self.form.clone(), self.as_of.clone(), self.ledger.rev);
            self.apply(action);
            if before != (self.form.clone(), self.as_of.clone(), self.ledger.rev) {
                self.restored = None;
            }
            return;
        };
        let restoring = match &action {
            PageAction::Restore(p) => Some(p.clone()),
            _ => None,
        };
        let (work, ledger, rev) = (self.saved(), self.ledger.clone(), self.ledger.rev);
        self.apply(action);
        let Some(work) = work else { return };
        let changed = self.saved().as_ref() != Some(&work) || self.ledger.rev != rev;
        if changed || restoring.is_some() {
            let point = Rc::new(RestorePoint::new(
                cause,
                now,
                &work,
                ledger.saved().as_ref(),
            ));
            self.restored = restoring.map(|brought| Restored {
                point: brought,
                before: point.clone(),
            });
            self.recorded.push(point);
        }
    }

    /// Opens a link: a good one replaces the form (keeping the old one restorable) and says
    /// whether today's rules give the result recorded in it; a bad one changes nothing but
    /// the notice.
    fn open(&mut self, fragment: &str) {
        match link::decode(fragment) {
            Ok(opened) => self.load(opened),
            Err(e) => {
                self.notice = Some(Notice {
                    error: true,
                    zh: format!("无法打开链接:{}。当前输入未改动。", e.zh()),
                    en: format!("The link cannot be opened: {e}. Your current input is unchanged."),
                })
            }
        }
    }

    fn load(&mut self, opened: Opened) {
        let Opened {
            case,
            as_of,
            rules,
            digest,
            recorded,
        } = opened;
        let now_result = assess(&case, as_of).map(|a| (link::digest(&a), a));
        let extra = case.incidents.len().saturating_sub(1);
        self.previous = Some(Box::new(self.form.clone()));
        self.form = FormState::from_case(&case);
        self.as_of = crate::state::form::typed_time(&as_of);
        let (error, zh, en) = match now_result {
            Ok((d, _)) if d == digest => (
                false,
                format!("已打开链接中的案例,结果与生成链接时一致(规则版本 {rules})。"),
                format!("Opened the case from the link; the result is the same as when the link was made (rules v{rules})."),
            ),
            Ok((_, now)) => {
                // Both results, the one recorded in the link (older rules) first.
                let then_total = recorded
                    .penalty
                    .parse::<slacalc::Fen>()
                    .map(|f| f.pretty())
                    .unwrap_or_else(|_| recorded.penalty.clone());
                let then_each: Vec<String> = recorded
                    .incidents
                    .iter()
                    .map(|(id, cov, periods, applied)| format!("{id}: {cov}, {periods}, {applied}"))
                    .collect();
                let now_each: Vec<String> = now
                    .incidents
                    .iter()
                    .map(|r| {
                        let cov = r.coverage.id().to_string();
                        format!("{}: {cov}, {}, {}", r.id, r.penalty.periods_exact, r.penalty.applied)
                    })
                    .collect();
                let (now_rules, now_total) = (now.rules_version, now.total.penalty.pretty());
                (
                    true,
                    format!(
                        "注意:规则已从版本 {rules} 改为 {now_rules},结果不同。生成链接时(规则 {rules}):违约金合计 {then_total}({});按当前规则(规则 {now_rules}):{now_total}({})。",
                        then_each.join(";"),
                        now_each.join(";")
                    ),
                    format!(
                        "Note: the rules changed from v{rules} to v{now_rules} and the result differs. When the link was made (rules v{rules}): total damages {then_total} ({}); under today's rules (v{now_rules}): {now_total} ({}).",
                        then_each.join("; "),
                        now_each.join("; ")
                    ),
                )
            }
            Err(_) => (
                true,
                "链接中的案例无法按当前规则评估。".to_string(),
                "The case in the link cannot be assessed under the current rules.".to_string(),
            ),
        };
        let (zh, en) = if extra > 0 {
            (
                format!("{zh} 链接含 {} 个事件,本页显示第一个。", extra + 1),
                format!(
                    "{en} The link holds {} incidents; this page shows the first.",
                    extra + 1
                ),
            )
        } else {
            (zh, en)
        };
        self.notice = Some(Notice { error, zh, en });
    }
}

/// An edit of the page and when it was made (the browser's clock, to the minute): the
/// reducer reads no clock, so it runs natively in tests.
pub struct Stamped {
    /// The edit.
    pub action: PageAction,
    /// "Now", for pending deadlines when no assessment time is typed.
    pub now: Instant,
}

impl Reducible for Page {
    type Action = Stamped;

    /// The page after one edit, its ledger assessed again where the edit changed it.
    fn reduce(self: Rc<Self>, edit: Stamped) -> Rc<Self> {
        // A write that worked changes nothing unless writes were failing (no new render).
        if matches!(edit.action, PageAction::StorageWorks) && self.storage_failing.is_none() {
            return self;
        }
        let mut next = (*self).clone();
        next.apply_at(edit.action, edit.now);
        next.refresh_ledger(edit.now);
        Rc::new(next)
    }
}

impl Default for Page {
    fn default() -> Self {
        Page::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_link_made_from_the_page_reopens_it() {
        let mut page = Page::new();
        page.as_of = "2026-01-01 00:00".into();
        let now = at("2026-06-01T00:00:00+08:00");
        let (case, a) = page.evaluate(now).expect("valid");
        let url = link::url("http://x/", &case, &a);
        let mut other = Page::new();
        other.form.apply(Action::ClearIncident);
        other.apply(PageAction::OpenLink(
            url.split_once('#')
                .map(|x| x.1.to_string())
                .unwrap_or_default(),
        ));
        assert_eq!(other.form, page.form);
        assert_eq!(other.as_of, "2026-01-01 00:00");
        let notice = other.notice.clone().expect("notice");
        assert!(!notice.error, "{notice:?}");
        // The replaced work comes back.
        other.apply(PageAction::RestorePrevious);
        assert_eq!(other.form.id, "1");
    }

    #[test]
    fn a_link_from_older_rules_shows_both_results_old_first() {
        // A link made by a build whose rules gave one penalty day less (simulated).
        let page = Page::new();
        let now = at("2026-06-01T00:00:00+08:00");
        let (case, mut old) = page.evaluate(now).expect("valid");
        old.rules_version = "1";
        old.incidents[0].penalty.periods_exact = "1".into();
        old.incidents[0].penalty.applied = slacalc::Fen(250_000);
        old.total.penalty = slacalc::Fen(250_000);
        let mut other = Page::new();
        other.apply(PageAction::OpenLink(format!(
            "#c={}",
            link::encode(&case, &old)
        )));
        let n = other.notice.clone().expect("notice");
        assert!(n.error);
        let (then, today) = (n.en.find("¥2,500.00"), n.en.find("¥5,000.00"));
        assert!(
            then.is_some() && today.is_some() && then < today,
            "{}",
            n.en
        );
        assert!(n.en.contains("rules changed from v1 to v"), "{}", n.en);
    }

    #[test]
    fn a_csv_ledger_is_assessed_under_the_form_contract() {
        let mut page = Page::new();
        page.as_of = "2026-01-01 00:00".into();
        let csv = "id,reported_at,declared_priority,mailboxes_affected_pct,system_usable,seriously_damaged,kind,cause,interrupted_from,restored_at
a,2025-03-03 08:10,urgent,100,no,yes,fault,vendor,2025-03-03 08:00,2025-03-04 15:00
b,2025-03-05 25:00,urgent,100,no,yes,fault,vendor,,
";
        page.apply(PageAction::Ledger(LedgerAction::Import {
            text: csv.into(),
            name: "l.csv".into(),
        }));
        page.refresh_ledger(at("2026-06-01T00:00:00+08:00"));
        let book = page.ledger.book.as_ref().expect("imported");
        let summary = book.summary.as_deref().expect("assessed");
        // Row a is the worked example: 2 days × 0.25 % × ¥1,000,000.00; row b is bad.
        let totals = &summary.as_ref().expect("totals").totals;
        assert_eq!(totals.total.penalty.to_string(), "5000.00");
        assert_eq!(book.bad_rows.len(), 1);
        assert_eq!(
            (book.bad_rows[0].line, book.bad_rows[0].column.as_str()),
            (3, "reported_at")
        );
        page.apply(PageAction::Ledger(LedgerAction::Close));
        assert!(page.ledger.book.is_none());
    }

    #[test]
    fn a_ledger_saved_as_csv_by_an_earlier_version_still_opens() {
        let text = serde_json::json!({
            "form": FormState::worked_example(),
            "as_of": "2026-01-01 00:00",
            "previous": null,
            "ledger_csv": include_str!("../../examples/incidents.csv"),
        })
        .to_string();
        let old = crate::state::saved::read_work(&text).expect("the old format reads");
        let mut page = Page::opening(None, Some(old), None);
        page.refresh_ledger(at("2026-06-01T00:00:00+08:00"));
        let book = page.ledger.book.as_ref().expect("the ledger is back");
        assert_eq!(book.rows.len(), 6);
        assert!(page.ledger.undo.is_empty());
        // Saved again, it is kept as incidents under its own key, not as CSV.
        let again = serde_json::to_value(page.saved().expect("saved")).expect("JSON");
        assert!(again.get("ledger_csv").is_none());
        assert_eq!(page.ledger.saved().expect("ledger").incidents.len(), 6);
    }

    #[test]
    fn saved_work_comes_back_and_a_link_keeps_it_restorable() {
        let mut page = Page::new();
        page.form
            .apply(Action::Set(crate::state::form::Field::Id, "mine".into()));
        page.as_of = "2026-01-01 00:00".into();
        let saved = page.saved().expect("saved");
        let text = serde_json::to_string(&saved).expect("JSON");
        let back = crate::state::saved::read_work(&text).expect("reads back");
        let reopened = Page::opening(None, Some(back.clone()), None);
        assert_eq!(reopened.form.id, "mine");
        assert_eq!(reopened.as_of, "2026-01-01 00:00");
        // Opening a link over saved work: the work is the restorable previous form.
        let (case, a) = Page::new()
            .evaluate(at("2026-06-01T00:00:00+08:00"))
            .expect("valid");
        let fragment = format!("#c={}", link::encode(&case, &a));
        let mut linked = Page::opening(Some(fragment), Some(back), None);
        assert_eq!(linked.form.id, "2025-03-03-mail-down");
        linked.apply(PageAction::RestorePrevious);
        assert_eq!(linked.form.id, "mine");
    }

    #[test]
    fn the_language_is_page_state_apart_from_the_work() {
        let mut page = Page::new();
        let saved = page.saved();
        page.apply(PageAction::SetLang(Lang::En));
        assert_eq!(page.lang, Lang::En);
        // The work kept in storage does not change with the language (kept on its own).
        assert_eq!(page.saved(), saved);
        page.apply(PageAction::SetLang(Lang::Zh));
        assert_eq!(page.lang, Lang::Zh);
    }

    #[test]
    fn a_bad_link_keeps_the_work() {
        let mut page = Page::new();
        page.form
            .apply(Action::Set(crate::state::form::Field::Id, "mine".into()));
        let before = page.form.clone();
        page.apply(PageAction::OpenLink("#c=1garbage".into()));
        assert_eq!(page.form, before);
        assert!(page.notice.as_ref().is_some_and(|n| n.error));
        assert!(page.previous.is_none());
    }

    #[test]
    fn an_embed_address_opens_its_case_read_only() {
        let mut page = Page::new();
        page.as_of = "2026-01-01 00:00".into();
        let (case, a) = page
            .evaluate(at("2026-06-01T00:00:00+08:00"))
            .expect("valid");
        let url = link::url("http://x/", &case, &a);
        let fragment = url.split_once('#').map(|x| x.1).unwrap_or_default();
        let ledger = SavedLedger {
            version: 2,
            incidents: case.incidents.clone(),
            source: String::new(),
        };
        let embedded = Page::opening(Some(format!("#{fragment}&embed=1")), None, Some(ledger));
        assert!(embedded.embed);
        assert!(
            embedded.ledger.book.is_none(),
            "an embed leaves the ledger alone"
        );
        assert_eq!(embedded.form, page.form);
        assert!(!Page::at(Some(format!("#{fragment}"))).embed);
        assert!(!Page::at(None).embed);
    }
}
