//! The page's one state and its reducer: the form, the assessment time, what a link said
//! when it was opened, the work a link replaced (so it can be restored), the ledger and the
//! language. Every edit of the page is a [`PageAction`] applied here.

use crate::i18n::lang::Lang;
use crate::state::form::{Action, FormState};
use crate::state::history::{Cause, Recorded, RestorePoint};
use crate::state::ledger::{LedgerAction, LedgerState, SavedLedger};
use crate::state::saved::{read_ledger, Aside, ReadWork, WorkDoc, WORK_FORMAT};
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
    /// Tabs that agree (issue #14): this tab, what it last wrote or took, and what another
    /// tab wrote while this one had edits of its own.
    pub tabs: Tabs,
    /// Restore points recorded before destructive actions, for the browser to keep
    /// (`state::history`, `interop::history`).
    pub recorded: Recorded,
    /// The restore point brought back last, while it can be undone.
    pub restored: Option<Restored>,
    /// The link opened last holds several incidents, now the ledger (issue #16): the verdict
    /// card sums the ledger up.
    pub linked_ledger: bool,
}

/// How this tab stands with the other tabs of the page (issue #14, "tabs that agree").
///
/// Every tab keeps the work and the ledger under the same keys of `localStorage`; the
/// browser tells the other tabs of each write (the `storage` event). A tab takes the other
/// tab's newer state when its own is what it last wrote or took; otherwise it keeps its own
/// and offers the other's ([`Tabs::other_work`], [`Tabs::other_ledger`]), never replacing one
/// with the other unasked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tabs {
    /// This tab's name in the documents it writes (`interop::storage::tab_id`).
    pub id: String,
    /// The work this tab last wrote or took, as stamped in storage.
    pub work: Option<WorkDoc>,
    /// The ledger this tab last wrote or took, as the JSON text in storage (`None`: none
    /// kept); unknown (outer `None`) until the first write or read.
    pub ledger: Option<Option<String>>,
    /// Another tab's work, newer, that arrived while this tab had unsaved edits.
    pub other_work: Option<Box<WorkDoc>>,
    /// Another tab's ledger (its text; `None`: it closed the ledger), that arrived while this
    /// tab had unsaved ledger edits.
    pub other_ledger: Option<Option<String>>,
    /// This tab was opened from a shared link (this fragment): it shows the link's case
    /// beside the saved work, keeps its edits in its own `sessionStorage` and writes nothing
    /// the other tabs share until the user keeps the case as the work.
    pub beside: Option<String>,
}

/// What a tab opened from a link keeps in its own `sessionStorage` (a reload of that tab
/// gives it back; other tabs never see it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BesideDoc {
    /// The link fragment the tab was opened at (`#c=…`).
    pub link: String,
    /// The tab's work (its stamp unused).
    pub work: WorkDoc,
    /// The tab's ledger, as JSON text (`None`: no ledger open).
    pub ledger: Option<String>,
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
    /// A set-aside document was deleted by the user (its key).
    ForgetAside(String),
    /// Show the page in this language.
    SetLang(Lang),
    /// Another tab wrote the work (the document as stamped in storage).
    FromOtherTab(WorkDoc),
    /// Another tab wrote the ledger (its JSON text; `None`: it closed the ledger).
    LedgerFromOtherTab(Option<String>),
    /// Take the other tab's work offered in the notice (this tab's form stays restorable).
    UseOtherWork,
    /// Take the other tab's ledger offered in the notice.
    UseOtherLedger,
    /// Keep this tab's own version and hide the other tab's offer.
    KeepMine,
    /// The work was written (as stamped).
    WorkStored(WorkDoc),
    /// The ledger was written (its JSON text; `None`: removed).
    LedgerStored(Option<String>),
    /// A tab opened from a link makes the link's case the shared work; the work saved until
    /// then (read just now, if any) stays restorable.
    KeepLinkAsWork(Option<WorkDoc>),
    /// A tab opened from a link opens the saved work (read just now) and its ledger (JSON
    /// text) instead; the link's case stays restorable.
    OpenSaved(Option<WorkDoc>, Option<String>),
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
            tabs: Tabs::default(),
            recorded: Recorded::default(),
            restored: None,
            linked_ledger: false,
        }
    }

    /// What to keep in storage (nothing for an embedded card, which must not replace the
    /// user's own work).
    /// (Its time and tab are stamped when it is written: `interop::storage`.)
    pub fn saved(&self) -> Option<WorkDoc> {
        (!self.embed && self.tabs.beside.is_none()).then(|| self.work())
    }

    /// The work of this tab, unstamped.
    pub fn work(&self) -> WorkDoc {
        WorkDoc {
            version: WORK_FORMAT,
            form: self.form.clone(),
            as_of: self.as_of.clone(),
            previous: self.previous.as_deref().cloned(),
            saved_at: 0,
            tab: String::new(),
        }
    }

    /// What a tab opened from a link keeps in its own storage (none for any other tab).
    pub fn beside_doc(&self) -> Option<BesideDoc> {
        let link = self.tabs.beside.clone()?;
        (!self.embed).then(|| BesideDoc {
            link,
            work: self.work(),
            ledger: ledger_text(&self.ledger),
        })
    }

    /// The work to write, if it differs from what this tab last wrote or took (and no other
    /// tab's work waits beside it for the user's choice: neither replaces the other unasked).
    pub fn to_store(&self) -> Option<WorkDoc> {
        if self.tabs.other_work.is_some() {
            return None;
        }
        let doc = self.saved()?;
        let same = self.tabs.work.as_ref().is_some_and(|w| same_work(w, &doc));
        (!same).then_some(doc)
    }

    /// The ledger is written to the storage the tabs share: not by an embed card or a tab
    /// opened from a link, nor while another tab's ledger waits beside this one's.
    pub fn ledger_shared(&self) -> bool {
        !self.embed && self.tabs.beside.is_none() && self.tabs.other_ledger.is_none()
    }

    /// This tab has work it has not written (nor taken from another tab).
    fn unsaved_work(&self) -> bool {
        match &self.tabs.work {
            Some(w) => !same_work(w, &self.work()),
            // Nothing written or read yet: anything but the opening example is the user's.
            None => self.form != FormState::worked_example() || !self.as_of.is_empty(),
        }
    }

    /// This tab has ledger edits it has not written (nor taken from another tab).
    fn unsaved_ledger(&self) -> bool {
        match &self.tabs.ledger {
            Some(text) => *text != ledger_text(&self.ledger),
            None => self.ledger.book.is_some(),
        }
    }

    /// The page as it opens: the work saved in the browser (if any, migrated to the current
    /// format: `state::saved`) and its ledger; then, for an address with a link (`#c=…`), the
    /// link's case beside that work (issue #14: the tab writes only its own `session`, so the
    /// other tabs' work stays as it is); a tab `reloaded` at its link gets its own edits back
    /// from `session`, and a link opened anew in it replaces them, restorable.
    pub fn opening(
        fragment: Option<String>,
        saved: Option<ReadWork>,
        ledger: Option<SavedLedger>,
        session: Option<BesideDoc>,
        reloaded: bool,
    ) -> Page {
        let mut page = Page::new();
        let mut migrated = false;
        if let Some(ReadWork { doc, ledger_csv }) = saved {
            page.form = doc.form.clone();
            page.as_of = doc.as_of.clone();
            page.previous = doc.previous.clone().map(Box::new);
            // Written by this format: what this tab starts from (a migrated one is written).
            migrated = doc.saved_at == 0 || ledger_csv.is_some();
            if !migrated {
                page.tabs.work = Some(doc);
            }
            // A ledger saved as CSV text by an earlier version: read by the module once the
            // page has started (LedgerAction::Migrated).
            if let Some(text) = ledger_csv {
                page.ledger.migrate_csv(text, &page.form);
            }
        }
        if let Some(l) = ledger {
            page.ledger.restore(l);
        }
        if !migrated {
            page.tabs.ledger = Some(ledger_text(&page.ledger));
        }
        let embed = fragment
            .as_deref()
            .is_some_and(crate::state::share::wants_embed);
        match (fragment, session) {
            // An embedded card shows its link only: the user's ledger is not even read.
            (Some(fragment), _) if embed => {
                page.ledger = LedgerState::default();
                page.apply(PageAction::OpenLink(fragment));
            }
            // This tab was opened from a link before a reload: its own edits come back.
            (fragment, Some(own)) => {
                page.tabs.beside = Some(own.link.clone());
                page.form = own.work.form;
                page.as_of = own.work.as_of;
                page.previous = own.work.previous.map(Box::new);
                page.ledger = LedgerState::default();
                if let Some(l) = own.ledger.as_deref().and_then(|t| read_ledger(t).ok()) {
                    page.ledger.restore(l);
                }
                page.linked_ledger =
                    link::decode(&own.link).is_ok_and(|o| o.case.incidents.len() > 1);
                // A link opened anew in this tab: opened over its own edits, restorable.
                if let Some(f) = fragment.filter(|f| *f != own.link || !reloaded) {
                    page.apply(PageAction::OpenLink(f));
                }
            }
            (Some(fragment), None) => {
                let kept = page.previous.take();
                page.apply(PageAction::OpenLink(fragment.clone()));
                if page.previous.take().is_some() {
                    // The saved work is not replaced, only shown beside: nothing to restore.
                    page.tabs.beside = Some(fragment);
                } else {
                    // A link that cannot be opened leaves the tab on the saved work.
                    page.previous = kept;
                }
            }
            (None, None) => {}
        }
        page
    }

    /// The page as it opens at an address fragment, with nothing saved: the link in it
    /// opened, if any.
    #[cfg(test)]
    pub fn at(fragment: Option<String>) -> Page {
        Page::opening(fragment, None, None, None, false)
    }

    /// The assessment time: the typed one, or `now` to the whole minute (issue #17: a link
    /// records its as-of as people read it, `2026-12-02 14:36`, as the CLI does).
    pub fn as_of(&self, now: Instant) -> Result<Instant, Vec<CaseError>> {
        if self.as_of.trim().is_empty() {
            return Ok(Instant::from_secs(now.secs().div_euclid(60) * 60).unwrap_or(now));
        }
        let text = slacalc::time::normalize_typed(&self.as_of);
        Instant::parse(&text).map_err(|_| {
            vec![CaseError::at(
                "as_of",
                Problem::NotATime(self.as_of.trim().to_string()),
            )]
        })
    }

    /// The assessment time as its field shows it: a moment written to the second or finer (a
    /// link made before links recorded whole minutes: `2026-12-02T14:36:24.858765+08:00`)
    /// shows as people read it, `2026-12-02 14:36`; the exact moment stays the one assessed
    /// until the field is edited.
    pub fn as_of_shown(&self) -> String {
        let text = self.as_of.trim();
        match Instant::parse(text) {
            Ok(t) if text.contains('T') => t.short(),
            _ => self.as_of.clone(),
        }
    }

    /// What the verdict card of a link sums up (issue #17): the ledger a link of several
    /// incidents opened as (issue #16), else the form's case as `outcome` assessed it.
    pub fn verdict(&self, outcome: &Result<Assessment, Vec<CaseError>>) -> Option<Assessment> {
        if self.linked_ledger {
            self.ledger.book.as_ref().and_then(|b| b.assessment())
        } else {
            outcome.as_ref().ok().cloned()
        }
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
            PageAction::ForgetAside(key) => self.asides.retain(|a| a.key != key),
            PageAction::FromOtherTab(doc) => self.work_from_other_tab(doc),
            PageAction::LedgerFromOtherTab(text) => self.ledger_from_other_tab(text),
            PageAction::UseOtherWork => {
                if let Some(doc) = self.tabs.other_work.take() {
                    let mine = self.form.clone();
                    self.take_work(*doc);
                    // This tab's own form stays restorable.
                    if self.form != mine {
                        self.previous = Some(Box::new(mine));
                        self.notice = Some(Notice {
                            error: false,
                            zh: "已换用另一个标签页的版本;本标签页之前的输入可以恢复。".into(),
                            en: "Now using the other tab's version; this tab's previous input can be restored.".into(),
                        });
                    }
                }
            }
            PageAction::UseOtherLedger => {
                if let Some(text) = self.tabs.other_ledger.take() {
                    self.take_ledger(text);
                }
            }
            PageAction::KeepMine => {
                // This tab's own is written now (over the other tab's, as chosen).
                self.tabs.other_work = None;
                if self.tabs.other_ledger.take().is_some() {
                    self.ledger.rev += 1;
                }
            }
            PageAction::WorkStored(doc) => {
                self.storage_failing = None;
                self.tabs.work = Some(doc);
            }
            PageAction::LedgerStored(text) => {
                self.storage_failing = None;
                self.tabs.ledger = Some(text);
            }
            PageAction::KeepLinkAsWork(shared) => {
                if self.tabs.beside.take().is_some() {
                    self.previous = shared.map(|d| Box::new(d.form));
                    // Written next: the work, and the ledger if this tab changed it.
                    self.tabs.work = None;
                    if self.unsaved_ledger() {
                        self.ledger.rev += 1;
                    }
                    self.notice = Some(Notice {
                        error: false,
                        zh: "此案例已保存为你的工作,所有标签页共用;之前保存的工作可以恢复。"
                            .into(),
                        en: "This case is now your work, shared by your tabs; the work saved before can be restored.".into(),
                    });
                }
            }
            PageAction::OpenSaved(doc, ledger) => {
                if self.tabs.beside.take().is_some() {
                    let link_case = self.form.clone();
                    match doc {
                        Some(doc) => self.take_work(doc),
                        None => {
                            self.tabs.work = None;
                            self.form = FormState::worked_example();
                            self.as_of.clear();
                        }
                    }
                    if self.unsaved_ledger() && ledger != ledger_text(&self.ledger) {
                        // This tab changed its ledger: kept, the saved one offered beside it.
                        self.tabs.ledger = Some(ledger.clone());
                        self.tabs.other_ledger = Some(ledger);
                    } else {
                        self.take_ledger(ledger);
                    }
                    self.previous = Some(Box::new(link_case));
                    self.notice = Some(Notice {
                        error: false,
                        zh: "已打开你保存的工作;链接中的案例可以恢复。".into(),
                        en: "Opened your saved work; the case from the link can be restored."
                            .into(),
                    });
                }
            }
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
                    self.ledger.migrate_csv(text, &self.form);
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
            PageAction::Form(Action::UseCustomTerms(false)) => Some(Cause::TermsOff),
            // (A link of several incidents replaces the ledger too.)
            PageAction::OpenLink(_) if edited || book.is_some() => Some(Cause::OpenLink),
            PageAction::Ledger(LedgerAction::ApplyDraft) if book.is_some() => {
                let name = self.ledger.draft.as_ref()?.name.clone();
                Some(Cause::Import { name })
            }
            PageAction::Ledger(LedgerAction::Close) => Some(Cause::CloseLedger),
            PageAction::Ledger(LedgerAction::Delete(key)) => {
                let row = book?.rows.iter().find(|r| r.key == *key)?;
                Some(Cause::DeleteRow {
                    id: row.incident.id.clone(),
                })
            }
            PageAction::Restore(p) if p.read().is_ok() => Some(Cause::Restore { at: p.at }),
            // Choosing the other tab's version keeps this tab's own as a point (tabs, #14).
            PageAction::UseOtherWork if self.tabs.other_work.is_some() => Some(Cause::OtherTab),
            PageAction::UseOtherLedger if self.tabs.other_ledger.is_some() => Some(Cause::OtherTab),
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

    /// Another tab wrote the work: a newer one is taken when this tab has nothing unsaved,
    /// else offered beside this tab's own; this tab's own writes, older ones and the same
    /// work are ignored; a tab opened from a link keeps the link's case.
    fn work_from_other_tab(&mut self, doc: WorkDoc) {
        if doc.tab == self.tabs.id || self.embed || self.tabs.beside.is_some() {
            return;
        }
        if let Some(known) = &self.tabs.work {
            if doc.saved_at < known.saved_at || *known == doc {
                return;
            }
        }
        if same_work(&doc, &self.work()) {
            // Already the same: only what this tab knows of storage changes.
            self.tabs.work = Some(doc);
        } else if self.unsaved_work() {
            self.tabs.other_work = Some(Box::new(doc));
        } else {
            self.take_work(doc);
        }
    }

    /// Takes the other tab's work as this tab's own (and as what it last knew of storage).
    fn take_work(&mut self, doc: WorkDoc) {
        if self.form != doc.form {
            self.ledger.editing = None;
        }
        self.form = doc.form.clone();
        self.as_of = doc.as_of.clone();
        self.previous = doc.previous.clone().map(Box::new);
        self.ledger.sync_editing(&self.form);
        if self.tabs.other_work.as_deref() == Some(&doc) {
            self.tabs.other_work = None;
        }
        self.tabs.work = Some(doc);
    }

    /// Another tab wrote the ledger (its JSON text; `None`: closed): taken when this tab has
    /// no unsaved ledger edits, else offered beside its own.
    fn ledger_from_other_tab(&mut self, text: Option<String>) {
        if self.embed || self.tabs.beside.is_some() {
            return;
        }
        if text == ledger_text(&self.ledger) {
            self.tabs.ledger = Some(text);
        } else if self.unsaved_ledger() {
            self.tabs.other_ledger = Some(text);
        } else {
            self.take_ledger(text);
        }
    }

    /// Takes a ledger kept by another tab (one that cannot be read is left alone).
    fn take_ledger(&mut self, text: Option<String>) {
        let saved = match text.as_deref().map(read_ledger) {
            Some(Ok(l)) => Some(l),
            Some(Err(_)) => return,
            None => None,
        };
        self.ledger.editing = None;
        self.ledger.undo.clear();
        self.ledger.book = None;
        if let Some(l) = saved {
            self.ledger.restore(l);
        }
        self.tabs.ledger = Some(text);
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
        // A link of several incidents opens as the ledger (issue #16): every incident, the
        // cap across them; the form shows the first.
        self.linked_ledger = extra > 0;
        if self.linked_ledger {
            self.ledger.replace_with(Some(SavedLedger {
                version: 2,
                incidents: case.incidents.clone(),
                source: String::new(),
            }));
        }
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
                format!(
                    "{zh} 链接含 {} 个事件,已全部载入下方的事件台账;表单显示第一个。",
                    extra + 1
                ),
                format!(
                    "{en} The link holds {} incidents, all open in the ledger below; the form shows the first.",
                    extra + 1
                ),
            )
        } else {
            (zh, en)
        };
        self.notice = Some(Notice { error, zh, en });
    }
}

/// The ledger as the JSON text kept in storage (`None`: no ledger open).
pub fn ledger_text(ledger: &LedgerState) -> Option<String> {
    ledger
        .saved()
        .map(|l| serde_json::to_string(&l).unwrap_or_default())
}

/// The same work: the form, the assessment time and the restorable form (not the stamp).
fn same_work(a: &WorkDoc, b: &WorkDoc) -> bool {
    a.form == b.form && a.as_of == b.as_of && a.previous == b.previous
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
        // A write that worked changes nothing unless writes were failing or this tab's record
        // of what storage holds moves (no new render).
        let unchanged = match &edit.action {
            PageAction::WorkStored(doc) => {
                self.storage_failing.is_none() && self.tabs.work.as_ref() == Some(doc)
            }
            PageAction::LedgerStored(text) => {
                self.storage_failing.is_none() && self.tabs.ledger.as_ref() == Some(text)
            }
            _ => false,
        };
        if unchanged {
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

/// A CSV text imported as a person imports a file (chosen, read, applied), read at once by
/// the engine (tests: the page's reads are the module's, in its worker), and assessed.
#[cfg(test)]
impl Page {
    pub fn import_csv(&mut self, text: &str, name: &str) {
        let Ok(now) = Instant::parse("2026-06-01T00:00:00+08:00") else {
            return;
        };
        self.apply_at(
            PageAction::Ledger(LedgerAction::Draft {
                name: name.into(),
                source: "UTF-8".into(),
                file: crate::state::import::ImportFile::Text(text.into()),
                memory: Rc::default(),
            }),
            now,
        );
        if let Some(mut d) = self.ledger.draft.take() {
            while d.read_now() {}
            self.ledger.draft = Some(d);
        }
        self.apply_at(PageAction::Ledger(LedgerAction::ApplyDraft), now);
        self.refresh_ledger(now);
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
    fn a_link_of_several_incidents_opens_as_the_ledger() {
        // examples/ledger-cap.json: several incidents whose damages reach the L4.3 cap.
        let case = parse_case(include_str!("../../examples/ledger-cap.json")).expect("case");
        let as_of = at("2026-01-01T00:00:00+08:00");
        let a = assess(&case, as_of).expect("assessed");
        let fragment = link::encode(&case, &a);
        let mut page = Page::new();
        page.apply_at(PageAction::OpenLink(fragment.clone()), as_of);
        page.refresh_ledger(as_of);
        assert!(page.linked_ledger);
        let book = page.ledger.book.as_ref().expect("the ledger");
        assert_eq!(book.rows.len(), case.incidents.len());
        let sums = page.verdict(&Err(Vec::new())).expect("the ledger assessed");
        assert_eq!(sums.total.penalty, a.total.penalty);
        assert_eq!(sums.incidents.len(), case.incidents.len());
        let notice = page.notice.clone().expect("notice");
        assert!(
            !notice.error && notice.en.contains("all open in the ledger"),
            "{notice:?}"
        );
        // The same link in an embed card: the ledger's total too.
        let mut card = Page::at(Some(format!("c={fragment}&embed=1")));
        card.refresh_ledger(as_of);
        assert!(card.embed);
        let sums = card.verdict(&Err(Vec::new())).expect("the ledger assessed");
        assert_eq!(sums.total.penalty, a.total.penalty);
        // A link of one incident leaves the ledger alone.
        let (one, a1) = {
            let c = parse_case(include_str!("../../examples/worked-example.json")).expect("case");
            let a = assess(&c, as_of).expect("assessed");
            (c, a)
        };
        page.apply_at(PageAction::OpenLink(link::encode(&one, &a1)), as_of);
        assert!(!page.linked_ledger);
        assert_eq!(
            page.ledger.book.as_ref().map(|b| b.rows.len()),
            Some(case.incidents.len())
        );
    }

    #[test]
    fn now_is_taken_to_the_minute_and_an_exact_as_of_shows_as_people_read_it() {
        // Issue #17: a link made "now" records a whole minute.
        let mut page = Page::new();
        let now = at("2026-12-02T14:36:44.230150211+08:00");
        assert_eq!(page.as_of(now), Ok(at("2026-12-02T14:36:00+08:00")));
        let (_, a) = page.evaluate(now).expect("valid");
        assert_eq!(a.as_of.to_string(), "2026-12-02T14:36:00+08:00");
        // A link recorded to the nanosecond (before) shows minutes, and is assessed exactly.
        page.as_of = "2026-12-02T14:36:44.230150211+08:00".into();
        assert_eq!(page.as_of_shown(), "2026-12-02 14:36");
        assert_eq!(page.as_of(now), Ok(now));
        page.as_of = "2026-12-02T06:36:44Z".into();
        assert_eq!(page.as_of_shown(), "2026-12-02 14:36");
        // What the user typed shows as typed.
        for typed in ["2026-12-02 14:3", "", "tomorrow"] {
            page.as_of = typed.into();
            assert_eq!(page.as_of_shown(), typed);
        }
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
        page.import_csv(csv, "l.csv");
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
    fn the_link_of_a_ledger_opens_as_that_ledger() {
        let mut page = Page::new();
        page.as_of = "2026-01-01 00:00".into();
        page.import_csv(
            include_str!("../../examples/incidents.csv"),
            "incidents.csv",
        );
        let now = at("2026-06-01T00:00:00+08:00");
        page.refresh_ledger(now);
        let url = page
            .ledger
            .link(&page.form.to_case_text(), "http://x/")
            .expect("a ledger without problems");
        let fragment = url.split_once('#').map(|x| x.1).unwrap_or_default();
        // The link's digest is the engine's own assessment of the case it carries.
        let opened = link::decode(fragment.trim_start_matches("c=")).expect("decodes");
        let again = assess(&opened.case, opened.as_of).expect("assessed");
        assert_eq!(link::digest(&again), opened.digest);
        let book = page.ledger.book.as_ref().expect("ledger");
        assert_eq!(opened.case.incidents.len(), book.rows.len());
        let mut other = Page::new();
        other.apply_at(PageAction::OpenLink(fragment.to_string()), now);
        other.refresh_ledger(now);
        let reopened = other.ledger.book.as_ref().expect("opens as the ledger");
        assert_eq!(reopened.rows.len(), book.rows.len());
        let total = |b: &crate::state::ledger::Book| b.assessment().map(|a| a.total.penalty);
        assert_eq!(total(reopened), total(book));
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
        let mut page = Page::opening(None, Some(old), None, None, false);
        // Read by the module once the page has started (here at once by the engine).
        let (text, terms) = page.ledger.legacy_csv.clone().expect("waits to be read");
        let read = crate::state::import::imported_now(&text, &terms, &[]);
        page.apply(PageAction::Ledger(LedgerAction::Migrated(Ok(Rc::new(
            read,
        )))));
        assert!(page.ledger.legacy_csv.is_none());
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
        let reopened = Page::opening(None, Some(back.clone()), None, None, false);
        assert_eq!(reopened.form.id, "mine");
        assert_eq!(reopened.as_of, "2026-01-01 00:00");
        // Opening a link over saved work: the work is the restorable previous form.
        let (case, a) = Page::new()
            .evaluate(at("2026-06-01T00:00:00+08:00"))
            .expect("valid");
        let fragment = format!("#c={}", link::encode(&case, &a));
        let mut linked = Page::opening(
            Some(fragment.clone()),
            Some(back.clone()),
            None,
            None,
            false,
        );
        assert_eq!(linked.form.id, "2025-03-03-mail-down");
        // Opened at the page's start, the link's case is beside the saved work: not written
        // over it (issue #14), the saved work one click away, the case then restorable.
        assert_eq!(linked.tabs.beside.as_deref(), Some(fragment.as_str()));
        assert_eq!(linked.saved(), None);
        linked.apply(PageAction::OpenSaved(Some(back.doc.clone()), None));
        assert_eq!(linked.form.id, "mine");
        assert!(linked.saved().is_some());
        linked.apply(PageAction::RestorePrevious);
        assert_eq!(linked.form.id, "2025-03-03-mail-down");
        // A link opened later in a tab (a hashchange) replaces the form, restorable.
        let mut later = Page::opening(None, Some(back), None, None, false);
        later.apply(PageAction::OpenLink(fragment));
        assert_eq!(later.form.id, "2025-03-03-mail-down");
        later.apply(PageAction::RestorePrevious);
        assert_eq!(later.form.id, "mine");
    }

    /// A page that opened on work written by a tab `b` at `at` ms, as tab `a`.
    fn tab_with(id: &str, at: i64) -> (Page, WorkDoc) {
        let mut doc = Page::new().work();
        doc.form
            .apply(Action::Set(crate::state::form::Field::Id, id.into()));
        doc.saved_at = at;
        doc.tab = "b".into();
        let read = ReadWork {
            doc: doc.clone(),
            ledger_csv: None,
        };
        let mut page = Page::opening(None, Some(read), None, None, false);
        page.tabs.id = "a".into();
        (page, doc)
    }

    fn from(tab: &str, at: i64, id: &str) -> WorkDoc {
        let mut doc = Page::new().work();
        doc.form
            .apply(Action::Set(crate::state::form::Field::Id, id.into()));
        doc.saved_at = at;
        doc.tab = tab.into();
        doc
    }

    #[test]
    fn a_tab_without_unsaved_edits_takes_the_other_tabs_newer_work() {
        let (mut page, _) = tab_with("first", 100);
        // Nothing to write: the work is what this tab read.
        assert_eq!(page.to_store(), None);
        let newer = from("b", 200, "from-b");
        page.apply(PageAction::FromOtherTab(newer.clone()));
        assert_eq!(page.form.id, "from-b");
        assert_eq!(page.tabs.work.as_ref(), Some(&newer));
        assert!(page.tabs.other_work.is_none());
        // Taken, not written back (the tabs do not echo each other).
        assert_eq!(page.to_store(), None);
        // An edit, written and acknowledged, is this tab's again.
        page.apply(PageAction::Form(Action::Set(
            crate::state::form::Field::Price,
            "2000000".into(),
        )));
        let mut written = page.to_store().expect("to write");
        written.saved_at = 300;
        written.tab = "a".into();
        page.apply(PageAction::WorkStored(written.clone()));
        assert_eq!(page.to_store(), None);
        // The other tab takes it back with both edits.
        let (mut b, _) = tab_with("from-b", 200);
        b.tabs.id = "b".into();
        b.apply(PageAction::FromOtherTab(written));
        assert_eq!(
            (b.form.id.as_str(), b.form.price.as_str()),
            ("from-b", "2000000")
        );
    }

    #[test]
    fn a_tab_with_unsaved_edits_keeps_them_and_offers_the_other_tabs_work() {
        let (mut page, _) = tab_with("first", 100);
        page.apply(PageAction::Form(Action::Set(
            crate::state::form::Field::Id,
            "mine-unsaved".into(),
        )));
        page.apply(PageAction::FromOtherTab(from("b", 200, "theirs")));
        assert_eq!(page.form.id, "mine-unsaved", "its own stays");
        let offered = page.tabs.other_work.as_deref().expect("offered");
        assert_eq!(offered.form.id, "theirs");
        // Neither is written over the other until the user chooses.
        assert_eq!(page.to_store(), None);
        // Taken on request: this tab's own form restorable.
        page.apply(PageAction::UseOtherWork);
        assert_eq!(page.form.id, "theirs");
        assert!(page.tabs.other_work.is_none());
        page.apply(PageAction::RestorePrevious);
        assert_eq!(page.form.id, "mine-unsaved");
        // Or dismissed.
        page.apply(PageAction::FromOtherTab(from("b", 300, "again")));
        assert!(page.tabs.other_work.is_some());
        page.apply(PageAction::KeepMine);
        assert!(page.tabs.other_work.is_none());
        assert_eq!(page.form.id, "mine-unsaved");
        assert!(page.to_store().is_some(), "its own is written as chosen");
    }

    #[test]
    fn taking_the_other_tabs_version_keeps_this_tabs_own_as_a_restore_point() {
        let (mut page, _) = tab_with("first", 100);
        let now = at("2026-06-01T00:00:00+08:00");
        page.apply_at(
            PageAction::Form(Action::Set(
                crate::state::form::Field::Id,
                "mine-unsaved".into(),
            )),
            now,
        );
        page.apply_at(PageAction::FromOtherTab(from("b", 200, "theirs")), now);
        let seq = page.recorded.seq;
        page.apply_at(PageAction::UseOtherWork, now);
        assert_eq!(page.form.id, "theirs");
        assert_eq!(page.recorded.seq, seq + 1, "this tab's own was kept");
        let (_, point) = page.recorded.points.last().expect("a point");
        assert_eq!(point.cause, crate::state::history::Cause::OtherTab);
        let (work, _) = point.read().expect("readable");
        assert_eq!(work.doc.form.id, "mine-unsaved");
        // With nothing offered, the action records nothing.
        page.apply_at(PageAction::UseOtherWork, now);
        assert_eq!(page.recorded.seq, seq + 1);
    }

    #[test]
    fn own_older_and_known_writes_are_ignored() {
        let (mut page, known) = tab_with("first", 100);
        let before = page.clone();
        // This tab's own write (the browser does not send it back, but if it did).
        page.apply(PageAction::FromOtherTab(from("a", 200, "own")));
        // An older one, written before what this tab knows.
        page.apply(PageAction::FromOtherTab(from("b", 50, "older")));
        // The one it already has.
        page.apply(PageAction::FromOtherTab(known));
        assert_eq!(page, before);
        // A tab showing an embed card or a link's case keeps it.
        let (case, a) = Page::new()
            .evaluate(at("2026-06-01T00:00:00+08:00"))
            .expect("valid");
        let fragment = format!("#c={}", link::encode(&case, &a));
        let mut beside = Page::opening(Some(fragment), None, None, None, false);
        beside.apply(PageAction::FromOtherTab(from("b", 200, "theirs")));
        assert_eq!(beside.form.id, "2025-03-03-mail-down");
        assert!(beside.tabs.other_work.is_none());
    }

    fn ledger_of(ids: &[&str]) -> Option<String> {
        let case = Page::new()
            .evaluate(at("2026-06-01T00:00:00+08:00"))
            .expect("valid")
            .0;
        let incidents = ids
            .iter()
            .map(|id| {
                let mut i = case.incidents[0].clone();
                i.id = (*id).to_string();
                i
            })
            .collect();
        let l = SavedLedger {
            version: 2,
            incidents,
            source: String::new(),
        };
        Some(serde_json::to_string(&l).expect("JSON"))
    }

    fn ledger_ids(page: &Page) -> Vec<String> {
        page.ledger
            .book
            .as_ref()
            .map(|b| b.incidents().map(|i| i.id.clone()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn the_ledger_is_taken_from_another_tab_or_kept_beside_unsaved_edits() {
        let (mut page, _) = tab_with("first", 100);
        assert_eq!(page.tabs.ledger, Some(None));
        page.apply(PageAction::LedgerFromOtherTab(ledger_of(&["x", "y"])));
        assert_eq!(ledger_ids(&page), ["x", "y"]);
        assert_eq!(page.ledger.rev, 0, "taken, not written back");
        // Closed in the other tab: closed here too.
        page.apply(PageAction::LedgerFromOtherTab(None));
        assert!(page.ledger.book.is_none());
        // An unsaved edit here (the ledger is written half a second after its last change).
        page.apply(PageAction::LedgerFromOtherTab(ledger_of(&["x"])));
        page.apply(PageAction::Ledger(LedgerAction::AddFromForm));
        let mine = ledger_ids(&page);
        assert_eq!(mine.len(), 2);
        page.apply(PageAction::LedgerFromOtherTab(ledger_of(&["z"])));
        assert_eq!(ledger_ids(&page), mine, "its own stays");
        assert_eq!(page.tabs.other_ledger, Some(ledger_of(&["z"])));
        assert!(
            !page.ledger_shared(),
            "not written over the other until chosen"
        );
        let mut kept = page.clone();
        kept.apply(PageAction::KeepMine);
        assert!(kept.ledger_shared() && kept.ledger.rev > page.ledger.rev);
        assert_eq!(ledger_ids(&kept), mine);
        page.apply(PageAction::UseOtherLedger);
        assert_eq!(ledger_ids(&page), ["z"]);
        // Written and acknowledged: the next change from another tab is taken.
        page.apply(PageAction::Ledger(LedgerAction::AddFromForm));
        page.apply(PageAction::LedgerStored(ledger_text(&page.ledger)));
        page.apply(PageAction::LedgerFromOtherTab(ledger_of(&["w"])));
        assert_eq!(ledger_ids(&page), ["w"]);
    }

    #[test]
    fn a_tab_opened_from_a_link_keeps_its_case_beside_and_can_make_it_the_work() {
        let (case, a) = Page::new()
            .evaluate(at("2026-06-01T00:00:00+08:00"))
            .expect("valid");
        let fragment = format!("#c={}", link::encode(&case, &a));
        let shared = from("b", 100, "shared-work");
        let read = ReadWork {
            doc: shared.clone(),
            ledger_csv: None,
        };
        let mut page = Page::opening(
            Some(fragment.clone()),
            Some(read.clone()),
            None,
            None,
            false,
        );
        assert_eq!(page.saved(), None, "writes nothing the tabs share");
        assert!(page.previous.is_none());
        page.apply(PageAction::Form(Action::Set(
            crate::state::form::Field::Price,
            "2000000".into(),
        )));
        // Kept in the tab's own storage, and given back on a reload of that tab.
        let own = page.beside_doc().expect("kept in the tab");
        assert_eq!(own.link, fragment);
        let reloaded = Page::opening(
            Some(fragment.clone()),
            Some(read.clone()),
            None,
            Some(own.clone()),
            true,
        );
        assert_eq!(reloaded.form.price, "2000000");
        assert!(reloaded.previous.is_none());
        // The same link opened anew in that tab: the link's case, the tab's own restorable.
        let mut anew = Page::opening(
            Some(fragment.clone()),
            Some(read.clone()),
            None,
            Some(own.clone()),
            false,
        );
        assert_eq!(anew.form.price, "1000000.00");
        anew.apply(PageAction::RestorePrevious);
        assert_eq!(anew.form.price, "2000000");
        assert_eq!(reloaded.tabs.beside.as_deref(), Some(fragment.as_str()));
        // A damaged link typed into that tab later changes nothing typed.
        let bad = Page::opening(
            Some("#c=1damaged".into()),
            Some(read),
            None,
            Some(own),
            false,
        );
        assert_eq!(bad.form.price, "2000000");
        assert!(bad.notice.as_ref().is_some_and(|n| n.error));
        // Kept as the work: written over the shared work, which stays restorable.
        page.apply(PageAction::KeepLinkAsWork(Some(shared)));
        assert!(page.tabs.beside.is_none());
        assert_eq!(page.beside_doc(), None);
        let doc = page.to_store().expect("written now");
        assert_eq!(doc.form.price, "2000000");
        assert_eq!(
            doc.previous.as_ref().map(|f| f.id.as_str()),
            Some("shared-work")
        );
        page.apply(PageAction::RestorePrevious);
        assert_eq!(page.form.id, "shared-work");
        // Opening the saved work instead: a ledger edited in the link's tab is kept, the
        // saved one offered beside it.
        let mut edited = Page::opening(Some(fragment.clone()), None, None, None, false);
        edited.apply(PageAction::Ledger(LedgerAction::AddFromForm));
        let own_ledger = ledger_ids(&edited);
        edited.apply(PageAction::OpenSaved(None, ledger_of(&["saved"])));
        assert_eq!(ledger_ids(&edited), own_ledger);
        assert_eq!(edited.tabs.other_ledger, Some(ledger_of(&["saved"])));
        assert!(!edited.ledger_shared());
        edited.apply(PageAction::UseOtherLedger);
        assert_eq!(ledger_ids(&edited), ["saved"]);
        // A damaged link at the start leaves the tab on the saved work, shared as before.
        let mut plain = Page::opening(Some("#c=1damaged".into()), None, None, None, false);
        assert!(plain.tabs.beside.is_none());
        plain.tabs.id = "a".into();
        assert!(plain.saved().is_some());
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
        let embedded = Page::opening(
            Some(format!("#{fragment}&embed=1")),
            None,
            Some(ledger),
            None,
            false,
        );
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
