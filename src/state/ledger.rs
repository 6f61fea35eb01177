//! The ledger the page keeps (issue #6): its incidents as the case format has them, each
//! with its assessment before the cap, kept until the incident or the contract changes; the
//! contract-wide totals (L4.3 cap, quarters, availability, L3.5 schedule) over the kept
//! results; the row the form edits; and an undo stack for delete, duplicate, add, import,
//! close and edit. Every rule is the engine's (`slacalc::assess::Context`): this only decides
//! what needs reassessing, so that editing one incident of a 1,000-incident ledger
//! reassesses one incident, not a thousand. It knows nothing of the page around it: the
//! page hands it the form it edits and the assessment time.

use crate::state::form::FormState;
use crate::state::import::{ColumnMemory, ImportDraft, ImportFile};
use slacalc::assess::{Context, IncidentResult, Ledger as Totals};
use slacalc::case::Incident;
use slacalc::table::{BadRow, Imported};
use slacalc::terms::TermsSpec;
use slacalc::{parse_case, Assessment, CaseError, Fen, Instant};
use std::rc::Rc;

/// A row's identity on the page (stable across sorting, deleting and undoing).
pub type RowKey = u64;

/// How many steps can be undone.
const UNDO_DEPTH: usize = 50;

/// One incident of the ledger.
#[derive(Debug, Clone)]
pub struct Row {
    /// Its identity on the page.
    pub key: RowKey,
    /// The incident, as the case format has it.
    pub incident: Rc<Incident>,
    /// Its assessment before the cap (or its problems), under the contract of generation
    /// `gen`, without explanation steps (the table shows figures; the form explains the
    /// incident it holds); `None` until assessed.
    pub result: Option<Rc<Result<IncidentResult, Vec<CaseError>>>>,
    gen: u64,
}

impl PartialEq for Row {
    /// The same row in the same state (the page compares versions, not contents).
    fn eq(&self, other: &Row) -> bool {
        self.key == other.key
            && Rc::ptr_eq(&self.incident, &other.incident)
            && match (&self.result, &other.result) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

impl Row {
    /// Its result, if it was assessed without problems.
    pub fn ok(&self) -> Option<&IncidentResult> {
        self.result.as_deref().and_then(|r| r.as_ref().ok())
    }
}

/// The contract-wide view of the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The engine's totals over the rows without problems.
    pub totals: Totals,
    /// What each row adds after the cap (`None`: the row has problems), in row order.
    pub applied: Vec<Option<Fen>>,
    /// The assessment time.
    pub as_of: Instant,
    /// The contract price.
    pub price: Fen,
    /// L4.3 read per incident (then there is no contract-wide share of the cap).
    pub per_incident: bool,
}

/// The incidents of the ledger and what the engine made of them.
#[derive(Debug, Clone)]
pub struct Book {
    /// The incidents, in the ledger's order.
    pub rows: Rc<Vec<Row>>,
    /// The bad rows of the import, by line and column.
    pub bad_rows: Rc<Vec<BadRow>>,
    /// The file the ledger was imported from (empty when built on the page).
    pub source: String,
    /// The totals, or the problems of the contract, terms or assessment time.
    pub summary: Option<Rc<Result<Summary, Vec<CaseError>>>>,
    ctx_key: String,
    ctx: Option<Rc<Context>>,
    gen: u64,
}

impl Book {
    fn new(rows: Vec<Row>, bad_rows: Vec<BadRow>, source: String) -> Book {
        Book {
            rows: Rc::new(rows),
            bad_rows: Rc::new(bad_rows),
            source,
            summary: None,
            ctx_key: String::new(),
            ctx: None,
            gen: 0,
        }
    }

    /// The incidents, in order.
    pub fn incidents(&self) -> impl Iterator<Item = &Incident> {
        self.rows.iter().map(|r| &*r.incident)
    }

    /// The whole assessment of the rows without problems, without explanation steps (for the
    /// assessed CSV, which has none).
    pub fn assessment(&self) -> Option<Assessment> {
        let ctx = self.ctx.as_ref()?;
        let s = self.summary.as_deref()?.as_ref().ok()?;
        let results: Vec<IncidentResult> =
            self.rows.iter().filter_map(|r| r.ok().cloned()).collect();
        Some(ctx.finish(results, s.totals.clone()))
    }

    fn position(&self, key: RowKey) -> Option<usize> {
        self.rows.iter().position(|r| r.key == key)
    }

    fn changed(&mut self) {
        self.summary = None;
    }

    /// The rows assessed under the current contract so far, and how many there are (an
    /// import of thousands of rows is assessed a slice at a time, [`ASSESS_SLICE`]).
    pub fn assessed(&self) -> (usize, usize) {
        let done = self
            .rows
            .iter()
            .filter(|r| r.gen == self.gen && r.result.is_some())
            .count();
        (done, self.rows.len())
    }
}

/// How many rows are assessed in one step of the page: a contract change of a 1,000-incident
/// ledger in one frame, a 10,000-row import in slices between frames (the page stays
/// responsive, with its progress shown).
pub const ASSESS_SLICE: usize = 1_500;

/// A step that can be undone, and how.
#[derive(Debug, Clone)]
pub enum Undo {
    /// A row was deleted from `at`: put it back.
    Deleted {
        /// The row deleted.
        row: Row,
        /// Where it was.
        at: usize,
    },
    /// A row was added (or duplicated): take it away.
    Added {
        /// The row added.
        key: RowKey,
        /// Its incident's id.
        id: String,
    },
    /// A ledger was imported over another (or closed): bring the other back.
    Replaced {
        /// The ledger before (none: there was none).
        book: Option<Book>,
        /// The file imported; `None` when the ledger was closed.
        imported: Option<String>,
    },
    /// The form was filled with a row to edit: bring back what it held.
    Edited {
        /// What the form held.
        form: Box<FormState>,
        /// The row it was editing then, if any.
        editing: Option<RowKey>,
        /// The id of the incident opened.
        id: String,
    },
}

impl Undo {
    /// What undoing takes back: a label and the incident id or file it is about.
    pub fn label(&self) -> (Label, String) {
        match self {
            Undo::Deleted { row, .. } => (("已删除", "Deleted"), row.incident.id.clone()),
            Undo::Added { id, .. } => (("已添加", "Added"), id.clone()),
            Undo::Replaced {
                imported: Some(name),
                book: Some(_),
            } => (
                (
                    "已导入并替换了之前的台账:",
                    "Imported, replacing the previous ledger:",
                ),
                name.clone(),
            ),
            Undo::Replaced {
                imported: Some(name),
                book: None,
            } => (("已导入", "Imported"), name.clone()),
            Undo::Replaced { imported: None, .. } => {
                (("已关闭台账", "Closed the ledger"), String::new())
            }
            Undo::Edited { id, .. } => (
                ("表单已载入此事件以便编辑:", "The form holds, for editing:"),
                id.clone(),
            ),
        }
    }
}

/// An edit of the ledger.
#[derive(Debug, Clone, PartialEq)]
pub enum LedgerAction {
    /// A file of about `rows` rows is being read (shown before the work starts).
    ImportStart {
        /// About how many incidents (the file's data lines).
        rows: usize,
        /// The file's name.
        name: String,
    },
    /// The ledger an earlier version kept as CSV text, read by the module: it becomes the
    /// ledger, with nothing to undo (it is what was saved); `Err`: why it could not be read.
    Migrated(Result<Rc<Imported>, String>),
    /// A file chosen, to read and show before its rows are applied (issue #16): its name,
    /// its encoding (or that it is a workbook), the file, and the answers remembered for
    /// files' headers.
    Draft {
        /// The file's name.
        name: String,
        /// `UTF-8`, `GB18030`, `UTF-16`, or `workbook` (its format and sheet once read).
        source: String,
        /// The file.
        file: ImportFile,
        /// Answers given before for files' unknown columns.
        memory: Rc<ColumnMemory>,
    },
    /// The user's answer for a column of the draft: a case field, or `None` to leave it out.
    Answer {
        /// The column's header.
        column: String,
        /// The field it holds.
        field: Option<String>,
    },
    /// The draft's read `gen` could not be done (a workbook the module refused, the module
    /// could not load…): the problem, as the reader said it.
    Unreadable {
        /// The read.
        gen: u64,
        /// The problem.
        problem: String,
    },
    /// How far the draft's read `gen` has got: records read, and how many there are.
    DraftProgress {
        /// The read.
        gen: u64,
        /// Records read, of how many.
        progress: (usize, usize),
    },
    /// The draft's read `gen` is done.
    DraftRead {
        /// The read.
        gen: u64,
        /// What it read.
        read: Rc<Imported>,
    },
    /// Assess the next slice of rows not assessed yet ([`ASSESS_SLICE`]; every edit does).
    Assess,
    /// Apply the draft's rows (replacing the ledger, undoably).
    ApplyDraft,
    /// Forget the draft.
    CancelDraft,
    /// Put the ledger away (undoably).
    Close,
    /// Delete a row (undoably).
    Delete(RowKey),
    /// Copy a row below itself, under a new id (`id-2`, …).
    Duplicate(RowKey),
    /// Add the form's incident as a new row.
    AddFromForm,
    /// Open a row in the form: the form's edits go to that row.
    Edit(RowKey),
    /// Stop sending the form's edits to the row.
    StopEditing,
    /// Take back the last step that can be undone.
    Undo,
}

/// A text in Chinese and English.
pub type Label = (&'static str, &'static str);

/// A message of the ledger panel, and the incident id it is about (may be empty).
pub type Note = (Label, String);

/// Everything the page knows about its ledger.
#[derive(Debug, Clone, Default)]
pub struct LedgerState {
    /// The ledger, if one is open.
    pub book: Option<Book>,
    /// The steps that can be undone, the last last (at most 50).
    pub undo: Vec<Undo>,
    /// The row the form edits.
    pub editing: Option<RowKey>,
    /// An import under way: about how many rows, from which file.
    pub importing: Option<(usize, String)>,
    /// A file read and shown, not applied yet.
    pub draft: Option<ImportDraft>,
    /// Why the last edit did not reach the ledger, if it did not.
    pub note: Option<Note>,
    /// Counts every change of the rows (the page saves the ledger when it moves).
    pub rev: u64,
    next_key: RowKey,
    /// The last read of a draft asked for.
    draft_gen: u64,
    /// A ledger an earlier version kept as CSV text, and the terms to read it under: read
    /// by the module when the page has started ([`LedgerAction::Migrated`]).
    pub legacy_csv: Option<(Rc<str>, TermsSpec)>,
}

impl PartialEq for LedgerState {
    /// The same state version (compared by what changed, not by contents).
    fn eq(&self, other: &LedgerState) -> bool {
        let same_book = match (&self.book, &other.book) {
            (Some(a), Some(b)) => {
                Rc::ptr_eq(&a.rows, &b.rows)
                    && Rc::ptr_eq(&a.bad_rows, &b.bad_rows)
                    && match (&a.summary, &b.summary) {
                        (Some(x), Some(y)) => Rc::ptr_eq(x, y),
                        (None, None) => true,
                        _ => false,
                    }
            }
            (None, None) => true,
            _ => false,
        };
        same_book
            && self.rev == other.rev
            && self.undo.len() == other.undo.len()
            && self.editing == other.editing
            && self.importing == other.importing
            && self.draft == other.draft
            && self.note == other.note
    }
}

impl Eq for LedgerState {}

/// The ledger as the browser keeps it (`localStorage`, key `slacalc.ledger.v2`).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SavedLedger {
    /// `2` (version 1 was the CSV text inside the page's saved work).
    pub version: u32,
    /// The incidents, in order.
    pub incidents: Vec<Incident>,
    /// The file the ledger was imported from (empty when built on the page).
    #[serde(default)]
    pub source: String,
}

impl LedgerState {
    fn row(&mut self, incident: Incident) -> Row {
        self.next_key += 1;
        Row {
            key: self.next_key,
            incident: Rc::new(incident),
            result: None,
            gen: 0,
        }
    }

    fn push(&mut self, u: Undo) {
        self.undo.push(u);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
    }

    /// The link of the whole ledger (issue #16) under the case `case_text` (the form's:
    /// its contract, terms and switches): every incident and the ledger's assessment (the
    /// cap across them), so the link opens as this ledger. `None` while it has problems.
    pub fn link(&self, case_text: &str, base: &str) -> Option<String> {
        let book = self.book.as_ref()?;
        let a = book.assessment()?;
        let mut case = parse_case(case_text).ok()?;
        case.incidents = book.incidents().cloned().collect();
        Some(slacalc::link::url(base, &case, &a))
    }

    /// The row open in the form, for the comparison of offers (issue #15, which follows it):
    /// its position, a space, the incident as JSON.
    pub fn edited(&self) -> Option<String> {
        let book = self.book.as_ref()?;
        let n = book.position(self.editing?)?;
        Some(format!(
            "{n} {}",
            serde_json::to_string(&*book.rows[n].incident).ok()?
        ))
    }

    /// What to keep in storage.
    pub fn saved(&self) -> Option<SavedLedger> {
        self.book.as_ref().map(|b| SavedLedger {
            version: 2,
            incidents: b.incidents().cloned().collect(),
            source: b.source.clone(),
        })
    }

    /// The ledger of a restore point (none: no ledger) in place of this one: a change of
    /// its own (saved again), with nothing left to undo of the ledger it replaced.
    pub fn replace_with(&mut self, saved: Option<SavedLedger>) {
        self.book = None;
        if let Some(saved) = saved {
            self.restore(saved);
        }
        self.undo.clear();
        self.editing = None;
        self.importing = None;
        self.note = None;
        self.rev += 1;
    }

    /// A ledger an earlier version kept as CSV text inside the saved work, to be read under
    /// the terms of `form` once the page has started (the readers are the module's).
    pub fn migrate_csv(&mut self, text: String, form: &FormState) {
        self.legacy_csv = Some((text.into(), terms_of(form)));
    }

    /// The ledger kept by an earlier visit.
    pub fn restore(&mut self, saved: SavedLedger) {
        self.legacy_csv = None;
        let rows = saved.incidents.into_iter().map(|i| self.row(i)).collect();
        self.book = Some(Book::new(rows, Vec::new(), saved.source));
    }
}

/// `base`, or `base-2`, `base-3`, … whichever no row has.
fn unique_id(base: &str, rows: &[Row]) -> String {
    let taken = |id: &str| rows.iter().any(|r| r.incident.id == id);
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// The case of the form's contract, terms and interpretation, without incidents, as text.
fn contract_text(form: &FormState) -> Result<String, Vec<CaseError>> {
    let text = form.to_case_text();
    let mut v: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        // Custom terms that are not JSON: the engine names the problem.
        Err(_) => return Err(parse_case(&text).err().unwrap_or_default()),
    };
    v["incidents"] = serde_json::json!([]);
    Ok(v.to_string())
}

/// The form with the incident fields of `inc` (contract, terms and switches kept as typed).
pub fn form_with_incident(form: &FormState, inc: &Incident) -> FormState {
    let case = slacalc::Case {
        version: 1,
        terms: slacalc::terms::TermsSpec::Preset(slacalc::case::PRESET_EYOU_SDJU.into()),
        interpretation: Default::default(),
        contract: slacalc::case::Contract {
            price: Fen(0),
            currency: "CNY".into(),
            warranty_start: inc.reported_at.local_date(),
            warranty_end: inc.reported_at.local_date(),
        },
        incidents: vec![inc.clone()],
        monitoring_reports: Vec::new(),
        holidays: Vec::new(),
    };
    let f = FormState::from_case(&case);
    FormState {
        id: f.id,
        reported_at: f.reported_at,
        declared_priority: f.declared_priority,
        mailboxes_pct: f.mailboxes_pct,
        system_usable: f.system_usable,
        seriously_damaged: f.seriously_damaged,
        kind: f.kind,
        cause: f.cause,
        interrupted_from: f.interrupted_from,
        restored_at: f.restored_at,
        phone_response_at: f.phone_response_at,
        remote_access_at: f.remote_access_at,
        response_at: f.response_at,
        force_majeure: f.force_majeure,
        pauses: f.pauses,
        ..form.clone()
    }
}

/// The terms the form's case gives (the letter's when the form's terms cannot be read).
fn terms_of(form: &FormState) -> slacalc::terms::TermsSpec {
    contract_text(form)
        .ok()
        .and_then(|t| parse_case(&t).ok())
        .map(|c| c.terms)
        .unwrap_or_else(|| {
            slacalc::terms::TermsSpec::Preset(slacalc::case::PRESET_EYOU_SDJU.into())
        })
}

impl LedgerState {
    /// The incidents read from file `name` (and its bad rows) in place of the ledger
    /// (undoably).
    fn take(&mut self, incidents: Vec<Incident>, bad: Vec<BadRow>, name: String) {
        let rows = incidents.into_iter().map(|inc| self.row(inc)).collect();
        let before = self.book.replace(Book::new(rows, bad, name.clone()));
        self.push(Undo::Replaced {
            book: before,
            imported: Some(name),
        });
        self.editing = None;
        self.importing = None;
        self.rev += 1;
    }

    /// The incidents and bad rows of a table read, from file `name`, in place of the ledger
    /// (undoably).
    fn take_read(&mut self, read: Rc<Imported>, name: String) {
        let read = Rc::try_unwrap(read).unwrap_or_else(|r| (*r).clone());
        self.take(read.incidents, read.bad_rows, name);
    }

    /// Applies one edit of the ledger; `form` is the page's form (an edit opens a row in it,
    /// its undo brings back what the form held; "add" takes its incident).
    pub fn apply(&mut self, action: LedgerAction, form: &mut FormState) {
        let l = self;
        if action == LedgerAction::Assess {
            // The next slice is assessed by `refresh`; nothing else changes.
            return;
        }
        l.note = None;
        match action {
            LedgerAction::Assess => {}
            LedgerAction::ImportStart { rows, name } => l.importing = Some((rows, name)),
            LedgerAction::Migrated(read) => {
                if l.legacy_csv.take().is_none() {
                    return;
                }
                match read {
                    Ok(read) => {
                        l.take_read(read, String::new());
                        l.undo.clear();
                    }
                    Err(problem) => {
                        l.note = Some((
                            (
                                "无法读取早先保存的台账",
                                "Could not read the ledger saved earlier",
                            ),
                            problem,
                        ));
                    }
                }
            }
            LedgerAction::Draft {
                name,
                source,
                file,
                memory,
            } => {
                l.draft_gen += 1;
                l.draft = Some(ImportDraft::new(
                    name,
                    source,
                    file,
                    terms_of(form),
                    memory,
                    l.draft_gen,
                ));
                l.importing = None;
            }
            LedgerAction::Answer { column, field } => {
                if let Some(d) = l.draft.as_mut() {
                    l.draft_gen += 1;
                    d.answer(column, field, l.draft_gen);
                }
            }
            LedgerAction::DraftProgress { gen, progress } => {
                if let Some(d) = l.draft.as_mut() {
                    d.read_progress(gen, progress);
                }
            }
            LedgerAction::DraftRead { gen, read } => {
                if let Some(d) = l.draft.as_mut() {
                    if d.read_done(gen, read, l.draft_gen + 1) {
                        l.draft_gen += 1;
                    }
                }
            }
            LedgerAction::ApplyDraft => {
                if let Some(d) = l.draft.take().filter(|d| d.ready()) {
                    l.take_read(d.read, d.name);
                }
            }
            LedgerAction::Unreadable { gen, problem } => {
                if let Some(d) = l.draft.take_if(|d| d.gen == gen) {
                    let name = d.name;
                    l.note = Some((("无法读取", "Could not read"), format!("{name}: {problem}")));
                    l.importing = None;
                }
            }
            LedgerAction::CancelDraft => {
                l.draft = None;
                l.importing = None;
            }
            LedgerAction::Close => {
                if let Some(before) = l.book.take() {
                    l.push(Undo::Replaced {
                        book: Some(before),
                        imported: None,
                    });
                    l.editing = None;
                    l.rev += 1;
                }
            }
            LedgerAction::Delete(key) => {
                let Some(book) = l.book.as_mut() else { return };
                let Some(at) = book.position(key) else { return };
                let row = Rc::make_mut(&mut book.rows).remove(at);
                book.changed();
                if l.editing == Some(key) {
                    l.editing = None;
                }
                l.push(Undo::Deleted { row, at });
                l.rev += 1;
            }
            LedgerAction::Duplicate(key) => {
                let Some(book) = l.book.as_ref() else { return };
                let Some(at) = book.position(key) else { return };
                let mut copy = (*book.rows[at].incident).clone();
                copy.id = unique_id(&copy.id, &book.rows);
                let id = copy.id.clone();
                let row = l.row(copy);
                let key = row.key;
                if let Some(book) = l.book.as_mut() {
                    Rc::make_mut(&mut book.rows).insert(at + 1, row);
                    book.changed();
                }
                l.push(Undo::Added { key, id });
                l.rev += 1;
            }
            LedgerAction::AddFromForm => {
                let inc = match parse_case(&form.to_case_text()) {
                    Ok(case) => case.incidents.into_iter().next(),
                    Err(_) => None,
                };
                let Some(mut inc) = inc else {
                    l.note = Some((
                        (
                            "表单中的事件有待更正的输入,未添加。",
                            "The form's incident has input to correct; nothing was added.",
                        ),
                        String::new(),
                    ));
                    return;
                };
                let book = l
                    .book
                    .get_or_insert_with(|| Book::new(Vec::new(), Vec::new(), String::new()));
                inc.id = unique_id(&inc.id, &book.rows);
                let id = inc.id.clone();
                let row = l.row(inc);
                let key = row.key;
                if let Some(book) = l.book.as_mut() {
                    Rc::make_mut(&mut book.rows).push(row);
                    book.changed();
                }
                l.push(Undo::Added { key, id });
                l.rev += 1;
            }
            LedgerAction::Edit(key) => {
                let Some(book) = l.book.as_ref() else { return };
                let Some(at) = book.position(key) else { return };
                let inc = book.rows[at].incident.clone();
                let next = form_with_incident(form, &inc);
                let before = std::mem::replace(form, next);
                l.push(Undo::Edited {
                    form: Box::new(before),
                    editing: l.editing,
                    id: inc.id.clone(),
                });
                l.editing = Some(key);
            }
            LedgerAction::StopEditing => l.editing = None,
            LedgerAction::Undo => {
                let Some(u) = l.undo.pop() else { return };
                match u {
                    Undo::Deleted { row, at } => {
                        let book = l.book.get_or_insert_with(|| {
                            Book::new(Vec::new(), Vec::new(), String::new())
                        });
                        if book.position(row.key).is_none() {
                            let rows = Rc::make_mut(&mut book.rows);
                            let at = at.min(rows.len());
                            rows.insert(at, row);
                            book.changed();
                        }
                    }
                    Undo::Added { key, .. } => {
                        if let Some(book) = l.book.as_mut() {
                            if let Some(at) = book.position(key) {
                                Rc::make_mut(&mut book.rows).remove(at);
                                book.changed();
                            }
                        }
                        if l.editing == Some(key) {
                            l.editing = None;
                        }
                    }
                    Undo::Replaced { book, .. } => {
                        l.book = book;
                        l.editing = None;
                    }
                    Undo::Edited {
                        form: before,
                        editing,
                        ..
                    } => {
                        *form = *before;
                        l.editing = editing
                            .filter(|k| l.book.as_ref().and_then(|b| b.position(*k)).is_some());
                    }
                }
                l.rev += 1;
            }
        }
    }

    /// After an edit of the form: while a row is being edited, the form's incident (when
    /// the engine reads it without problems and its id is the row's own) replaces the row's.
    pub fn sync_editing(&mut self, form: &FormState) {
        let l = self;
        let Some(key) = l.editing else { return };
        let Some(book) = l.book.as_mut() else {
            l.editing = None;
            return;
        };
        let Some(at) = book.position(key) else {
            l.editing = None;
            return;
        };
        let inc = match parse_case(&form.to_case_text()) {
            Ok(case) => case.incidents.into_iter().next(),
            Err(_) => None,
        };
        let Some(inc) = inc else {
            l.note = Some((
                (
                    "表单有待更正的输入:台账中仍是此事件上次的有效内容。",
                    "The form has input to correct: the ledger keeps this incident's last valid version.",
                ),
                String::new(),
            ));
            return;
        };
        if book
            .rows
            .iter()
            .any(|r| r.key != key && r.incident.id == inc.id)
        {
            l.note = Some((
                (
                    "此编号已被台账中另一事件使用,未写入台账:",
                    "Another incident of the ledger has this id; not written to the ledger:",
                ),
                inc.id,
            ));
            return;
        }
        l.note = None;
        if *book.rows[at].incident != inc {
            let row = &mut Rc::make_mut(&mut book.rows)[at];
            row.incident = Rc::new(inc);
            row.result = None;
            book.changed();
            l.rev += 1;
        }
    }

    /// Brings the ledger's assessment up to date at `as_of` (the assessment time, or what is
    /// wrong with `typed_as_of`, the text typed for it): the contract, terms and
    /// interpretation of `form` are prepared once while they stay the same; each incident is
    /// assessed once until it or they change, without its explanation (a contract change
    /// reassesses every incident, and that must fit in a frame: at most [`ASSESS_SLICE`] rows
    /// are assessed in one step, the next steps assess the rest); the totals are recomputed
    /// over the kept results when anything changed and every row is assessed.
    pub fn refresh(
        &mut self,
        form: &FormState,
        as_of: Result<Instant, Vec<CaseError>>,
        typed_as_of: &str,
    ) {
        let contract = contract_text(form);
        let Some(book) = self.book.as_mut() else {
            return;
        };
        let key = match (&as_of, &contract) {
            (Ok(t), Ok(text)) => format!("{}\n{text}", t.secs()),
            // Something to correct: the key is what was typed.
            _ => format!("!{typed_as_of}\n{}", form.to_case_text()),
        };
        if key != book.ctx_key {
            book.ctx = None;
            book.gen += 1;
            book.ctx_key = key;
            book.summary = None;
            let ctx = as_of.and_then(|t| {
                let case = parse_case(&contract?)?;
                Context::new(&case, t)
            });
            match ctx {
                Ok(c) => book.ctx = Some(Rc::new(c)),
                Err(errors) => book.summary = Some(Rc::new(Err(errors))),
            }
        }
        let Some(ctx) = book.ctx.clone() else { return };
        let gen = book.gen;
        if book.rows.iter().any(|r| r.gen != gen || r.result.is_none()) {
            let mut budget = ASSESS_SLICE;
            for (n, r) in Rc::make_mut(&mut book.rows).iter_mut().enumerate() {
                if r.gen != gen || r.result.is_none() {
                    if budget == 0 {
                        break;
                    }
                    budget -= 1;
                    r.result = Some(Rc::new(ctx.incident_unexplained(n, &r.incident)));
                    r.gen = gen;
                }
            }
            book.summary = None;
            // The totals once every row is assessed (the next steps assess the rest).
            if budget == 0 && book.assessed().0 < book.rows.len() {
                return;
            }
        }
        if book.summary.is_none() {
            let items: Vec<(&Incident, &IncidentResult)> = book
                .rows
                .iter()
                .filter_map(|r| r.ok().map(|res| (&*r.incident, res)))
                .collect();
            let summary = ctx.ledger(&items).map(|totals| {
                let mut granted = totals.applied.iter();
                let applied = book
                    .rows
                    .iter()
                    .map(|r| r.ok().and_then(|_| granted.next().copied()))
                    .collect();
                Summary {
                    totals,
                    applied,
                    as_of: ctx.as_of(),
                    price: ctx.contract().price,
                    per_incident: ctx.interpretation().cap_scope
                        == slacalc::case::CapScope::Incident,
                }
            });
            book.summary = Some(Rc::new(summary));
        }
    }
}

/// A CSV text imported as a person imports a file (chosen, read, applied), read at once by
/// the engine (tests: the page's reads are the module's, in its worker).
#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::form::{Action, Field};
    use crate::state::page::{Page, PageAction};

    const CSV: &str = include_str!("../../examples/incidents.csv");

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    fn page() -> Page {
        let mut p = Page::new();
        p.as_of = "2026-01-01 00:00".into();
        p
    }

    fn act(p: &mut Page, a: LedgerAction) {
        p.apply(PageAction::Ledger(a));
        p.refresh_ledger(at("2026-06-01T00:00:00+08:00"));
    }

    fn ids(p: &Page) -> Vec<String> {
        p.ledger
            .book
            .as_ref()
            .map(|b| b.incidents().map(|i| i.id.clone()).collect())
            .unwrap_or_default()
    }

    fn total(p: &Page) -> String {
        let s = p
            .ledger
            .book
            .as_ref()
            .and_then(|b| b.summary.clone())
            .expect("summary");
        let s = s.as_ref().as_ref().expect("totals");
        s.totals.total.penalty.pretty()
    }

    fn key(p: &Page, id: &str) -> RowKey {
        let b = p.ledger.book.as_ref().expect("book");
        b.rows
            .iter()
            .find(|r| r.incident.id == id)
            .expect("row")
            .key
    }

    fn import(p: &mut Page, text: &str, name: &str) {
        p.import_csv(text, name);
        p.refresh_ledger(at("2026-06-01T00:00:00+08:00"));
    }

    /// The CLI's assessment of the same ledger (the engine on the whole case).
    fn whole(p: &Page) -> Assessment {
        let mut case = parse_case(&p.form.to_case_text()).expect("form");
        case.incidents = p
            .ledger
            .book
            .as_ref()
            .expect("book")
            .incidents()
            .cloned()
            .collect();
        slacalc::assess(&case, at("2026-01-01T00:00:00+08:00")).expect("assessed")
    }

    #[test]
    fn an_imported_ledger_is_assessed_like_the_whole_case() {
        let mut p = page();
        import(&mut p, CSV, "incidents.csv");
        let book = p.ledger.book.as_ref().expect("book");
        assert_eq!(book.bad_rows.len(), 1);
        assert_eq!(
            (book.bad_rows[0].line, book.bad_rows[0].column.as_str()),
            (5, "restored_at")
        );
        let mut a = whole(&p);
        // The same figures; the rows carry no explanation steps.
        for r in &mut a.incidents {
            r.explanation.clear();
        }
        assert_eq!(book.assessment().expect("assessment"), a);
        assert_eq!(total(&p), a.total.penalty.pretty());
    }

    #[test]
    fn delete_duplicate_add_and_undo_each() {
        let mut p = page();
        import(&mut p, CSV, "incidents.csv");
        let first = ids(&p);
        let k = key(&p, "2025-05-quota-bug");
        act(&mut p, LedgerAction::Delete(k));
        assert!(!ids(&p).contains(&"2025-05-quota-bug".to_string()));
        act(&mut p, LedgerAction::Undo);
        assert_eq!(ids(&p), first);
        let k = key(&p, "2025-03-03-mail-down");
        act(&mut p, LedgerAction::Duplicate(k));
        assert_eq!(ids(&p)[1], "2025-03-03-mail-down-2");
        assert_eq!(whole(&p).total.penalty.pretty(), total(&p));
        act(&mut p, LedgerAction::Undo);
        assert_eq!(ids(&p), first);
        // The form's incident (the worked example) added twice: the second gets a new id.
        act(&mut p, LedgerAction::AddFromForm);
        assert_eq!(
            ids(&p).last().map(String::as_str),
            Some("2025-03-03-mail-down-2")
        );
        assert_eq!(
            p.ledger.undo.last().map(|u| u.label()),
            Some((("已添加", "Added"), "2025-03-03-mail-down-2".to_string()))
        );
        act(&mut p, LedgerAction::Undo);
        assert_eq!(ids(&p), first);
    }

    #[test]
    fn an_import_over_a_ledger_is_undone_back_to_it() {
        let mut p = page();
        import(&mut p, CSV, "a.csv");
        let first = ids(&p);
        let other = "id,reported_at,declared_priority,mailboxes_affected_pct,system_usable,seriously_damaged,kind,cause,interrupted_from,restored_at\nx,2025-03-03 08:10,urgent,100,no,yes,fault,vendor,2025-03-03 08:00,2025-03-03 20:00\n";
        import(&mut p, other, "b.csv");
        assert_eq!(ids(&p), ["x"]);
        assert!(p
            .ledger
            .undo
            .last()
            .is_some_and(|u| u.label().0 .1.contains("replacing")));
        act(&mut p, LedgerAction::Undo);
        assert_eq!(ids(&p), first);
        act(&mut p, LedgerAction::Close);
        assert!(p.ledger.book.is_none());
        act(&mut p, LedgerAction::Undo);
        assert_eq!(ids(&p), first);
        assert_eq!(total(&p), whole(&p).total.penalty.pretty());
    }

    #[test]
    fn editing_a_row_in_the_form_reassesses_only_it() {
        let mut p = page();
        import(&mut p, CSV, "a.csv");
        let k = key(&p, "2025-05-quota-bug");
        act(&mut p, LedgerAction::Edit(k));
        assert_eq!(p.form.id, "2025-05-quota-bug");
        assert_eq!(p.form.price, "1000000.00", "the contract is kept");
        let before: Vec<Row> = p.ledger.book.as_ref().expect("book").rows.to_vec();
        // Restore the worked example's outage 24 hours later: more damages.
        let mail = key(&p, "2025-03-03-mail-down");
        act(&mut p, LedgerAction::Edit(mail));
        p.apply(PageAction::Form(Action::Set(
            Field::RestoredAt,
            "2025-03-05 15:00".into(),
        )));
        p.refresh_ledger(at("2026-06-01T00:00:00+08:00"));
        let after = p.ledger.book.as_ref().expect("book").rows.to_vec();
        let same: Vec<bool> = before.iter().zip(&after).map(|(a, b)| a == b).collect();
        assert_eq!(same.iter().filter(|s| !**s).count(), 1, "{same:?}");
        assert_eq!(total(&p), whole(&p).total.penalty.pretty());
        // A half-typed time keeps the last valid version and says so.
        p.apply(PageAction::Form(Action::Set(
            Field::RestoredAt,
            "2025-03-0".into(),
        )));
        assert!(p.ledger.note.is_some());
        // Another row's id is refused.
        p.apply(PageAction::Form(Action::Set(
            Field::RestoredAt,
            "2025-03-05 15:00".into(),
        )));
        p.apply(PageAction::Form(Action::Set(
            Field::Id,
            "2025-05-quota-bug".into(),
        )));
        assert!(p
            .ledger
            .note
            .as_ref()
            .is_some_and(|n| n.0 .1.contains("not written")));
        assert!(ids(&p).contains(&"2025-03-03-mail-down".to_string()));
        // Undo the second edit: the form holds the first row again and edits it.
        act(&mut p, LedgerAction::Undo);
        assert_eq!(p.form.id, "2025-05-quota-bug");
        assert_eq!(p.ledger.editing, Some(k));
        // Loading the worked example stops editing: the row keeps its values.
        p.apply(PageAction::Form(Action::LoadExample));
        assert_eq!(p.ledger.editing, None);
        assert!(ids(&p).contains(&"2025-05-quota-bug".to_string()));
    }

    #[test]
    fn a_contract_change_reassesses_every_row_and_a_bad_one_is_shown() {
        let mut p = page();
        import(&mut p, CSV, "a.csv");
        let t1 = total(&p);
        p.apply(PageAction::Form(Action::Set(
            Field::Price,
            "2000000".into(),
        )));
        p.refresh_ledger(at("2026-06-01T00:00:00+08:00"));
        assert_ne!(total(&p), t1);
        assert_eq!(total(&p), whole(&p).total.penalty.pretty());
        p.apply(PageAction::Form(Action::Set(Field::Price, "abc".into())));
        p.refresh_ledger(at("2026-06-01T00:00:00+08:00"));
        let s = p
            .ledger
            .book
            .as_ref()
            .and_then(|b| b.summary.clone())
            .expect("summary");
        assert_eq!(
            s.as_ref().as_ref().expect_err("bad price")[0].path,
            "contract.price"
        );
    }

    #[test]
    fn the_ledger_is_saved_and_comes_back() {
        let mut p = page();
        import(&mut p, CSV, "a.csv");
        let saved = p.ledger.saved().expect("saved");
        let text = serde_json::to_string(&saved).expect("JSON");
        let back: SavedLedger = serde_json::from_str(&text).expect("reads back");
        let mut q = page();
        q.ledger.restore(back);
        q.refresh_ledger(at("2026-06-01T00:00:00+08:00"));
        assert_eq!(ids(&q), ids(&p));
        assert_eq!(total(&q), total(&p));
    }
}
