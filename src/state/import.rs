//! A file read for the ledger but not applied yet (issue #16): what the import found
//! (encoding or workbook, rows, columns recognised by name, by synonym or by the user, rows
//! with problems), the columns it did not recognise with the user's answer for each, and the
//! first rows to answer by. The engine reads (`table::read_table`; a workbook's sheet comes
//! as CSV text from the workbook module); this keeps the user's answers and reads again.

use slacalc::spreadsheet::HEADER_SYNONYMS;
use slacalc::table::Imported;
use slacalc::terms::TermsSpec;
use std::rc::Rc;

/// A column's answer: its header and the case field it holds (`None`: left out).
pub type Answer = (String, Option<String>);

/// How many files' answers are kept (the oldest go first).
const REMEMBERED: usize = 20;

/// Answers given for the unknown columns of earlier files, by their header
/// ([`ImportDraft::header_key`]), newest last. Kept as text with control characters as
/// separators (no header holds them): a file's answers are `header U+1D answer U+1D answer…`,
/// an answer `column U+1E field` (`-`: left out), files apart by U+1C.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnMemory(Vec<(String, Vec<Answer>)>);

impl ColumnMemory {
    /// The memory kept as `text` (nothing when it is not that text).
    pub fn read(text: &str) -> ColumnMemory {
        let file = |f: &str| {
            let mut parts = f.split('\u{1d}');
            let key = parts.next()?.to_string();
            let answers = parts
                .filter_map(|a| {
                    let (c, f) = a.split_once('\u{1e}')?;
                    Some((c.to_string(), (f != "-").then(|| f.to_string())))
                })
                .collect();
            Some((key, answers))
        };
        ColumnMemory(
            text.split('\u{1c}')
                .filter(|f| !f.is_empty())
                .filter_map(file)
                .collect(),
        )
    }

    /// The memory as text to keep.
    pub fn text(&self) -> String {
        let file = |(key, answers): &(String, Vec<Answer>)| {
            let mut t = key.clone();
            for (c, f) in answers {
                t += &format!("\u{1d}{c}\u{1e}{}", f.as_deref().unwrap_or("-"));
            }
            t
        };
        self.0.iter().map(file).collect::<Vec<_>>().join("\u{1c}")
    }

    /// The answers for a file with this header.
    pub fn get(&self, key: &str) -> Option<&Vec<Answer>> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, a)| a)
    }

    /// Keeps the answers for a header (the newest; the oldest beyond 20 files go).
    pub fn insert(&mut self, key: String, answers: Vec<Answer>) {
        self.0.retain(|(k, _)| *k != key);
        self.0.push((key, answers));
        if self.0.len() > REMEMBERED {
            self.0.remove(0);
        }
    }
}

/// The file an import reads: a workbook's bytes, or a CSV's text as the page decoded it.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportFile {
    /// `.xlsx`, `.xls`, `.ods`…
    Workbook(Rc<Vec<u8>>),
    /// CSV, tab- or semicolon-separated text.
    Text(Rc<str>),
}

/// An import waiting for the user: shown with its report, applied or cancelled. The file is
/// read by the workbook module in its worker, off the page's thread (a 10,000-row file reads
/// for a second or more): the view sends [`ImportDraft::request`] and hands back the progress
/// ([`ImportDraft::read_progress`]) and what was read ([`ImportDraft::read_done`]). Each
/// answer about a column asks for another read (of the file the module kept).
#[derive(Debug, Clone)]
pub struct ImportDraft {
    /// The file's name.
    pub name: String,
    /// How it was read: `UTF-8`, `GB18030`, `UTF-16`, or a workbook's format and sheet.
    pub source: String,
    file: ImportFile,
    /// The module has the file (its first read is done): later reads do not send it again.
    sent: bool,
    terms: TermsSpec,
    memory: Rc<ColumnMemory>,
    /// The user's answer for each column they named: a case field, or `None` to leave it out.
    pub columns: Vec<Answer>,
    /// The last read done (empty until the first is).
    pub read: Rc<Imported>,
    /// A read under way with the current answers: rows read so far, and how many there are
    /// (`None`: [`ImportDraft::read`] is up to date).
    pub progress: Option<(usize, usize)>,
    /// The read asked for: the progress and result of an earlier one are dropped.
    pub gen: u64,
}

impl PartialEq for ImportDraft {
    /// The same draft read the same way (compared by what changed, not by contents).
    fn eq(&self, other: &ImportDraft) -> bool {
        Rc::ptr_eq(&self.read, &other.read)
            && self.columns == other.columns
            && self.progress == other.progress
            && self.gen == other.gen
    }
}

impl ImportDraft {
    /// A draft of `file` under `terms`, to be read (read `gen`); the answers remembered for
    /// files with the same header are used once its header is known.
    pub fn new(
        name: String,
        source: String,
        file: ImportFile,
        terms: TermsSpec,
        memory: Rc<ColumnMemory>,
        gen: u64,
    ) -> ImportDraft {
        ImportDraft {
            name,
            source,
            file,
            sent: false,
            terms,
            memory,
            columns: Vec::new(),
            read: Rc::default(),
            progress: Some((0, 0)),
            gen,
        }
    }

    /// What the module is asked to read: the file (only until the module has it), the
    /// terms and the answers.
    pub fn request(&self) -> (Option<ImportFile>, TermsSpec, Vec<Answer>) {
        let file = (!self.sent).then(|| self.file.clone());
        (file, self.terms.clone(), self.columns.clone())
    }

    /// A read under way for read `gen` has got this far.
    pub fn read_progress(&mut self, gen: u64, progress: (usize, usize)) {
        if gen == self.gen {
            self.progress = Some(progress);
        }
    }

    /// Read `gen` is done (kept only if it is still the one asked for). Whether another
    /// read is wanted: the first read found a header the user has answered for before, and
    /// those answers are now the draft's (read `next`).
    pub fn read_done(&mut self, gen: u64, read: Rc<Imported>, next: u64) -> bool {
        if gen != self.gen {
            return false;
        }
        if let Some((format, sheet)) = &read.workbook {
            self.source = format!("{format} · {sheet}");
        }
        let first = !self.sent;
        self.sent = true;
        self.read = read;
        self.progress = None;
        let remembered = self.memory.get(&self.header_key()).cloned();
        match remembered.filter(|a| first && self.columns.is_empty() && !a.is_empty()) {
            Some(answers) => {
                self.columns = answers;
                self.gen = next;
                self.progress = Some((0, self.read.report.rows));
                true
            }
            None => false,
        }
    }

    /// The user's answer for `column` (`None`: leave it out): read `gen` is asked for.
    pub fn answer(&mut self, column: String, field: Option<String>, gen: u64) {
        self.columns.retain(|(c, _)| *c != column);
        self.columns.push((column, field));
        self.gen = gen;
        self.progress = Some((0, self.read.report.rows));
    }

    /// The read asked for, done at once by the engine (tests: the page's is the module's).
    #[cfg(test)]
    pub fn read_now(&mut self) -> bool {
        let ImportFile::Text(text) = &self.file else {
            return false;
        };
        let read = imported_now(text, &self.terms, &self.columns);
        let next = self.gen + 1;
        self.read_done(self.gen, Rc::new(read), next)
    }

    /// The columns to ask about: those the engine did not recognise, and those the user
    /// has answered (so an answer can be changed), in the file's order.
    pub fn asked(&self) -> Vec<String> {
        let unknown = &self.read.unknown;
        self.header()
            .into_iter()
            .filter(|h| unknown.contains(h) || self.columns.iter().any(|(c, _)| c == h))
            .collect()
    }

    /// The user's answer for a column, if any: `Some(None)` when it is left out.
    pub fn answer_of(&self, column: &str) -> Option<Option<&str>> {
        self.columns
            .iter()
            .find(|(c, _)| c == column)
            .map(|(_, f)| f.as_deref())
    }

    /// Whether the rows can be applied: read with the current answers, every column known
    /// or answered, and some row read.
    pub fn ready(&self) -> bool {
        self.progress.is_none()
            && self.asked().iter().all(|c| self.answer_of(c).is_some())
            && !self.read.incidents.is_empty()
    }

    /// The header and the first rows, as text, to answer by.
    pub fn preview(&self) -> &[Vec<String>] {
        &self.read.preview
    }

    /// The header's cells, trimmed.
    pub fn header(&self) -> Vec<String> {
        self.read.preview.first().cloned().unwrap_or_default()
    }

    /// The key under which the answers are remembered: the header as read.
    pub fn header_key(&self) -> String {
        self.header().join("\u{1f}")
    }
}

/// A CSV text read at once by the engine, as the module hands a read over (tests, which
/// have no module: the page's reads are the module's, in its worker).
#[cfg(test)]
pub fn imported_now(text: &str, terms: &TermsSpec, columns: &[Answer]) -> Imported {
    let opts = slacalc::table::ReadOptions {
        columns: columns.to_vec(),
        ..Default::default()
    };
    let mut reading = slacalc::table::TableReading::of_text(text, terms, &opts);
    let preview = reading.preview(4);
    reading.step(usize::MAX);
    Imported::of(reading.finish(), preview)
}

/// The case fields a column can be named as, with a Chinese name for each (the first of its
/// synonyms), in the order of the synonyms' table.
pub fn field_choices() -> impl Iterator<Item = (&'static str, &'static str)> {
    HEADER_SYNONYMS
        .iter()
        .map(|(field, names)| (*field, names.first().copied().unwrap_or(field)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "工单,报障时间,优先级,比例,可用,严重,类型,原因,中断开始,恢复时间,备注\n\
        a1,2025/3/3 8:10,紧急,100,否,是,故障,厂商,2025/3/3 8:00,2025/3/3 20:00,x\n";

    fn draft(memory: &ColumnMemory) -> ImportDraft {
        let mut d = ImportDraft::new(
            "log.csv".into(),
            "UTF-8".into(),
            ImportFile::Text(TEXT.into()),
            TermsSpec::Preset(slacalc::case::PRESET_EYOU_SDJU.into()),
            Rc::new(memory.clone()),
            1,
        );
        assert!(d.request().0.is_some(), "the first read sends the file");
        // Read again at once with the answers remembered for its header, if any.
        if d.read_now() {
            assert!(d.request().0.is_none(), "the module keeps the file");
            d.read_now();
        }
        d
    }

    #[test]
    fn unknown_columns_are_asked_and_answers_read_the_rows() {
        let mut d = draft(&ColumnMemory::default());
        // 可用 and 类型 are synonyms (of system_usable, kind); these four are not.
        let asked = d.asked();
        assert_eq!(asked, ["工单", "比例", "严重", "备注"]);
        assert!(!d.ready());
        // The report counts the file's rows while it asks, none read yet.
        assert_eq!(d.read.report.rows, 1);
        assert!(d.read.incidents.is_empty());
        for c in asked.clone() {
            let field = match c.as_str() {
                "工单" => Some("id".to_string()),
                "比例" => Some("mailboxes_affected_pct".into()),
                "严重" => Some("seriously_damaged".into()),
                _ => None,
            };
            d.answer(c, field, d.gen + 1);
            assert!(!d.ready(), "not ready while the rows are read again");
            // A read of an earlier answer, done late, is dropped.
            let stale = Rc::new(Imported::default());
            assert!(!d.read_done(d.gen - 1, stale, d.gen + 1));
            assert!(d.progress.is_some());
            d.read_now();
        }
        assert!(d.ready(), "{:?}", d.read.bad_rows);
        assert_eq!(d.read.incidents.len(), 1);
        assert_eq!((d.read.report.by_user, d.read.report.ignored), (3, 1));
        assert_eq!(
            d.asked(),
            asked,
            "answered columns stay asked, to be changed"
        );
        // Asked again from memory: the same file reads at once.
        let mut memory = ColumnMemory::default();
        memory.insert(d.header_key(), d.columns.clone());
        // Kept as text and read back.
        let memory = ColumnMemory::read(&memory.text());
        let again = draft(&memory);
        assert!(again.ready());
        assert_eq!(again.header_key(), d.header_key());
        assert_eq!(again.preview()[1][0], "a1");
    }

    #[test]
    fn answers_for_another_header_are_not_used() {
        let mut memory = ColumnMemory::default();
        memory.insert("其他\u{1f}列".into(), vec![("工单".into(), None)]);
        assert!(draft(&memory).columns.is_empty());
        for n in 0..25 {
            memory.insert(format!("{n}"), Vec::new());
        }
        assert_eq!(memory.0.len(), 20, "the oldest go");
        assert!(memory.get("24").is_some() && memory.get("4").is_none());
    }

    #[test]
    fn every_field_has_a_chinese_name() {
        assert!(field_choices().all(|(f, zh)| !f.is_empty() && !zh.is_ascii()));
    }
}
