//! `--holidays FILE` (repeatable) and `--holiday-year YYYY`: holiday rulings beyond the built-in
//! PRC table (issue #15), from a State Council notice text, the yearly holiday JSON or an
//! iCalendar file, each recognised by content (`slacalc::calendar::rulings::read`). The files
//! are read in order, so an amendment (e.g. a break extended) follows its notice.

use clap::Args;
use slacalc::calendar::rulings::{self, HolidayRuling, RulingsFormat};

/// The holiday-ruling flags of the commands that assess or show a calendar.
#[derive(Args, Default)]
pub struct HolidayArgs {
    /// Holiday rulings beyond the built-in PRC table (2004–2026): a State Council notice text,
    /// a holiday JSON ({"year":…,"days":[…]}) or an .ics file; repeatable, read in order.
    #[arg(long = "holidays", value_name = "FILE")]
    pub files: Vec<String>,
    /// The year a notice text arranges, when the text names none (e.g. 2027).
    #[arg(long = "holiday-year", value_name = "YYYY")]
    pub year: Option<i32>,
}

impl HolidayArgs {
    /// The rulings of every file, in order; one line per file on standard error says what was
    /// read (the CLI's confirmation of what it applies). A file that does not read is the
    /// error, naming the file, in English and Chinese.
    pub fn read(&self) -> Result<Vec<HolidayRuling>, String> {
        let mut all: Vec<HolidayRuling> = Vec::new();
        for file in &self.files {
            let bytes =
                std::fs::read(file).map_err(|e| format!("--holidays {file}: cannot read: {e}"))?;
            let text = crate::decode::decode(&bytes).text;
            let found = rulings::read(&text, self.year, &all)
                .map_err(|e| format!("--holidays {file}: {e} ({})", e.zh()))?;
            crate::output::warn(&summary(file, rulings::sniff(&text), &found));
            all.extend(found);
        }
        Ok(all)
    }
}

/// `FILE: notice text, 14 rulings 2026-12-31..2027-10-09 (国办发明电〔2026〕9号)`.
fn summary(file: &str, format: RulingsFormat, found: &[HolidayRuling]) -> String {
    let kind = match format {
        RulingsFormat::Notice => "notice text",
        RulingsFormat::Json => "holiday JSON",
        RulingsFormat::Ics => "iCalendar",
    };
    let first = found.iter().map(|r| r.from).min();
    let last = found.iter().map(HolidayRuling::last).max();
    let mut sources: Vec<&str> = found.iter().map(|r| r.source.as_str()).collect();
    sources.dedup();
    let span = match (first, last) {
        (Some(a), Some(b)) => format!(" {a}..{b}"),
        _ => String::new(),
    };
    format!(
        "{file}: {kind}, {} holiday rulings{span} ({})",
        found.len(),
        sources.join(", ")
    )
}
