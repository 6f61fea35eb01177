use crate::holidays::HolidayArgs;
use crate::output::{self, WriteError};
use clap::{Args, Parser, Subcommand, ValueEnum};
use slacalc::case::{Case, Contract, Interpretation};
use slacalc::compare::{self, CompareError};
use slacalc::spreadsheet::DateSystem;
use slacalc::table;
use slacalc::terms::{Terms, TermsSpec};
use slacalc::text::{self, Lang};
use slacalc::{assess, parse_case, Assessment, CaseError, Instant};
use std::io::Read;
use std::process::ExitCode;

/// SLA calculator: the eyou service commitment letter, or any contract written as terms.
#[derive(Parser)]
#[command(name = "slacalc", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Assess every incident of a case file (JSON, format v1; `-` reads standard input),
    /// or of a ledger of incidents (CSV or workbook) with --ledger.
    Assess {
        /// Case file, or `-` for standard input (not with --csv).
        file: Option<String>,
        #[command(flatten)]
        csv: CsvArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Language of text output.
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// Judge pending deadlines and accruing penalties at this RFC 3339 time (default: now).
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        holidays: HolidayArgs,
    },
    /// Print the full reasoning of every incident: each clause consulted, the reading chosen,
    /// the numbers.
    Explain {
        /// Case file, or `-` for standard input.
        file: String,
        /// Language.
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// Judge at this RFC 3339 time (default: now).
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        holidays: HolidayArgs,
    },
    /// Print the share link of a case; with --ledger, one link per row (an empty line for a bad
    /// row, so the links line up with a spreadsheet's rows), or with --one-link one link for
    /// the whole ledger.
    Link {
        /// Case file, or `-` for standard input (not with --csv).
        file: Option<String>,
        #[command(flatten)]
        csv: CsvArgs,
        /// With --ledger: one link that holds the whole ledger: every incident, the cap across
        /// them (L4.3).
        #[arg(long, requires = "csv")]
        one_link: bool,
        /// Address of the page the link opens.
        #[arg(long, default_value = "http://127.0.0.1:8080/")]
        base: String,
        /// Assess at this RFC 3339 time (recorded in the link; default: now).
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        holidays: HolidayArgs,
    },
    /// Assess one ledger under 2 to 4 sets of terms side by side (an offer comparison): per
    /// terms the damages after the cap (L4.3), whether the cap was reached and the missed
    /// deadlines; per incident its damages under each.
    Compare {
        #[command(flatten)]
        ledger: LedgerArgs,
        /// Terms to compare, 2 to 4 (repeat the flag): a terms JSON file as `slacalc terms`
        /// prints it, `letter` (the built-in letter) or a preset id (`preset:eyou-sdju`). Each
        /// column is named after the file's stem or the preset. The ledger is read under the
        /// first; a declared priority that other terms have no level for is set aside there,
        /// and the level the facts suggest applies (L3.3).
        #[arg(long = "terms", value_name = "FILE.json|letter|preset:ID")]
        terms: Vec<String>,
        /// Output format: a table of incidents by terms with the totals last (csv), readable
        /// text, or the comparison as JSON.
        #[arg(long, value_enum, default_value_t = CompareFormat::Csv)]
        format: CompareFormat,
        /// Language of the header and labels (csv) or of the text.
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// Judge pending deadlines and accruing penalties at this RFC 3339 time (default: now).
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        holidays: HolidayArgs,
    },
    /// Business time: day types, add, between (L1.1 office hours with the PRC calendar).
    #[command(subcommand)]
    Calendar(crate::calendar_cmd::CalendarCommand),
    /// Read a ledger (CSV or workbook) and write its incidents back as the page exports them:
    /// CSV, or .xlsx with date cells (--format xlsx, to standard output).
    Incidents {
        #[command(flatten)]
        csv: CsvArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
        format: TableFormat,
        /// Language of the header.
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
    },
    /// Print built-in terms as JSON (to start custom terms from), or with --table any terms as
    /// a clause table in words (Markdown).
    Terms {
        /// Preset id, or (with --table) a terms JSON file.
        #[arg(default_value = "eyou-sdju", value_name = "ID|FILE.json")]
        id: String,
        /// Print the terms as a Markdown table of clauses in words, one row per commitment,
        /// with office hours, damages, cap, exclusions and monitoring, each citing its clause.
        #[arg(long)]
        table: bool,
        /// With --table: the language of the table.
        #[arg(long, value_enum, default_value_t = LangArg::Zh, requires = "table")]
        lang: LangArg,
    },
}

/// A ledger and the contract it is kept under, given by flags (shared by `assess`, `link`,
/// `incidents` and `compare`).
#[derive(Args)]
struct LedgerArgs {
    /// A ledger of incidents, one per row: a workbook (.xlsx, .xls, .ods, found from the
    /// bytes) or a text table (CSV, or tab- or semicolon-separated; UTF-8, UTF-16 or
    /// GB18030/GBK); headers in Chinese or English (docs/case-format.md); `-` for stdin.
    #[arg(long = "ledger", visible_alias = "csv", value_name = "FILE")]
    csv: Option<String>,
    /// With --ledger: the sheet of a workbook to read, by name or number from 1 (the first).
    #[arg(long, value_name = "NAME|N")]
    sheet: Option<String>,
    /// With --csv: the field an unrecognised column holds (`--map 备注=-` leaves it out);
    /// repeatable.
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    map: Vec<String>,
    /// With --csv: serial numbers in time cells count days from 1900 (Excel, WPS) or 1904.
    #[arg(long, value_name = "1900|1904", default_value = "1900")]
    dates: String,
    /// With --csv: total contract price in yuan, e.g. 1000000.00.
    #[arg(long)]
    price: Option<String>,
    /// With --csv: warranty period `YYYY-MM-DD..YYYY-MM-DD`.
    #[arg(long)]
    warranty: Option<String>,
}

/// A ledger under one set of terms.
#[derive(Args)]
struct CsvArgs {
    #[command(flatten)]
    ledger: LedgerArgs,
    /// With --csv: terms preset id or a terms JSON file.
    #[arg(long, default_value = "eyou-sdju")]
    terms: String,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
    Csv,
    /// The assessed ledger as an .xlsx workbook (to standard output; not to a terminal).
    Xlsx,
}

/// The formats of a table of incidents.
#[derive(Clone, Copy, ValueEnum)]
enum TableFormat {
    Csv,
    /// An .xlsx workbook (to standard output; not to a terminal).
    Xlsx,
}

/// The formats of a comparison.
#[derive(Clone, Copy, ValueEnum)]
enum CompareFormat {
    Csv,
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

impl LangArg {
    fn lang(self) -> Lang {
        match self {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// How a run that does not finish its work ends (the exit codes are in docs/cli.md).
enum Failure {
    /// Problems, one line each on standard error, and the exit status: 2 for bad input or
    /// usage (nothing assessed), 1 when the result could not be written.
    Report(Vec<String>, u8),
    /// The reader of standard output went away (`| head`): stop quietly, status 0.
    OutputClosed,
}

impl From<Vec<CaseError>> for Failure {
    fn from(errors: Vec<CaseError>) -> Failure {
        Failure::Report(
            errors
                .iter()
                .map(|e| format!("error: {} ({})", e.en(), e.problem.zh()))
                .collect(),
            2,
        )
    }
}

impl From<WriteError> for Failure {
    fn from(e: WriteError) -> Failure {
        match e {
            WriteError::Closed => Failure::OutputClosed,
            WriteError::Failed(e) => Failure::Report(
                vec![format!("error: cannot write to standard output: {e}")],
                1,
            ),
        }
    }
}

fn usage(msg: String) -> Failure {
    Failure::Report(vec![format!("error: {msg}")], 2)
}

/// A workbook is written to standard output only when that is not a terminal.
fn binary_output_allowed() -> Result<(), Failure> {
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(usage(
            "a workbook is not written to a terminal; redirect it, e.g. > ledger.xlsx".into(),
        ));
    }
    Ok(())
}

/// The bytes of a file, or of standard input for `-`.
fn read_bytes(file: &str) -> Result<Vec<u8>, Failure> {
    if file == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map(|_| b)
            .map_err(|e| usage(format!("standard input: cannot read: {e}")))
    } else {
        std::fs::read(file).map_err(|e| usage(format!("{file}: cannot read: {e}")))
    }
}

/// How `--map` and `--dates` ask the table to be read.
fn read_options(args: &LedgerArgs) -> Result<table::ReadOptions, Failure> {
    let mut columns = Vec::new();
    for m in &args.map {
        let (column, field) = m.rsplit_once('=').ok_or_else(|| {
            usage(format!(
                "--map \"{m}\": expected COLUMN=FIELD, or COLUMN=- to leave it out"
            ))
        })?;
        let field = field.trim();
        columns.push((
            column.trim().to_string(),
            (field != "-" && !field.is_empty()).then(|| field.to_string()),
        ));
    }
    let dates = match args.dates.as_str() {
        "1900" => DateSystem::From1900,
        "1904" => DateSystem::From1904,
        other => return Err(usage(format!("--dates \"{other}\": expected 1900 or 1904"))),
    };
    Ok(table::ReadOptions { columns, dates })
}

/// Reads a ledger given with --ledger (a workbook or a text table, `ledger_file`), and says
/// on standard error what was done ("GB18030, tab-separated, 6 rows; 12 columns by synonym,
/// …", "xlsx, sheet 事件 (1 of 1), 7 rows; …") unless it was a plain UTF-8 CSV of field names.
fn read_csv_table(
    path: &str,
    args: &LedgerArgs,
    terms: &TermsSpec,
) -> Result<table::TableRead, Failure> {
    let bytes = read_bytes(path)?;
    let ledger = crate::ledger_file::read_ledger(
        path,
        &bytes,
        args.sheet.as_deref(),
        terms,
        &read_options(args)?,
    )
    .map_err(usage)?;
    if let Some(line) = &ledger.summary {
        output::warn(line);
    }
    let read = ledger.read;
    if read
        .problems
        .iter()
        .any(|p| p.line == 1 && matches!(p.problem, slacalc::Problem::UnknownField(_)))
    {
        output::warn("hint: name an unrecognised column with --map COLUMN=FIELD, or leave it out with --map COLUMN=-");
    }
    Ok(read)
}

fn read(file: &str) -> Result<String, Failure> {
    if file == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map(|_| s)
            .map_err(|e| usage(format!("standard input: cannot read: {e}")))
    } else {
        std::fs::read_to_string(file).map_err(|e| usage(format!("{file}: cannot read: {e}")))
    }
}

fn as_of(arg: Option<String>) -> Result<Instant, Failure> {
    match arg {
        Some(s) => Instant::parse(&s).map_err(|_| {
            usage(format!(
                "--as-of: \"{s}\" is not an RFC 3339 time with offset, e.g. 2025-03-03T08:10:00+08:00"
            ))
        }),
        // Now, to the whole minute, as the page takes it: a link records its as-of, and people
        // read it (issue #17: never fractional seconds).
        None => {
            let now = chrono::Local::now().fixed_offset();
            let minute = now.timestamp().div_euclid(60) * 60;
            let t = chrono::DateTime::from_timestamp(minute, 0)
                .map(|t| t.with_timezone(now.offset()))
                .unwrap_or(now);
            Ok(Instant(t))
        }
    }
}

/// Builds a case from a CSV of incidents and the contract given on the command line; bad
/// rows are reported (the good ones are kept).
fn csv_case(file: &str, args: &CsvArgs) -> Result<(Case, Vec<String>), Failure> {
    let template = csv_template(&args.ledger, terms_spec(&args.terms)?)?;
    let table::TableRead {
        incidents: good,
        problems: bad,
        ..
    } = read_csv_table(file, &args.ledger, &template.terms)?;
    let warnings = row_errors(file, &bad);
    let case = Case {
        incidents: good.into_iter().map(|(_, inc)| inc).collect(),
        ..template
    };
    Ok((case, warnings))
}

/// The terms of `--terms`: a preset id or a terms JSON file.
fn terms_spec(terms: &str) -> Result<TermsSpec, Failure> {
    Ok(if terms.ends_with(".json") {
        let t: Terms = serde_json::from_str(&read(terms)?)
            .map_err(|e| usage(format!("--terms {terms}: {e}")))?;
        TermsSpec::Inline(Box::new(t))
    } else {
        TermsSpec::Preset(terms.to_string())
    })
}

/// The problems of a ledger's rows, one `error: PATH: line N, column C: …` line each.
fn row_errors(path: &str, problems: &[table::RowError]) -> Vec<String> {
    problems
        .iter()
        .map(|e| format!("error: {path}: {} ({})", e.en(), e.problem.zh()))
        .collect()
}

/// The case of the contract given on the command line, under `terms`, without incidents.
fn csv_template(args: &LedgerArgs, terms: TermsSpec) -> Result<Case, Failure> {
    let price = args
        .price
        .as_deref()
        .ok_or_else(|| usage("--price is needed with --csv".into()))?;
    let warranty = args
        .warranty
        .as_deref()
        .ok_or_else(|| usage("--warranty START..END is needed with --csv".into()))?;
    let (start, end) = warranty
        .split_once("..")
        .ok_or_else(|| usage(format!("--warranty: \"{warranty}\" is not START..END")))?;
    let date = |s: &str, flag: &str| {
        slacalc::time::parse_date(s.trim()).ok_or_else(|| {
            usage(format!(
                "--warranty: \"{s}\" is not a date like 2024-01-01 ({flag})"
            ))
        })
    };
    Ok(Case {
        version: 1,
        terms,
        interpretation: Interpretation::default(),
        contract: Contract {
            price: price
                .parse()
                .map_err(|e: slacalc::money::MoneyError| usage(format!("--price: {e}")))?,
            currency: "CNY".into(),
            warranty_start: date(start, "start")?,
            warranty_end: date(end, "end")?,
        },
        incidents: Vec::new(),
        monitoring_reports: Vec::new(),
        holidays: Vec::new(),
    })
}

/// The case with the rulings of `--holidays` added after its own (they are checked with the
/// case when it is assessed, and travel in its link).
fn with_holidays(mut case: Case, args: &HolidayArgs) -> Result<Case, Failure> {
    case.holidays.extend(args.read().map_err(usage)?);
    Ok(case)
}

fn print(result: &Assessment, format: Format, lang: Lang) -> Result<(), Failure> {
    match format {
        Format::Json => {
            let s = serde_json::to_string_pretty(result).map_err(|e| {
                Failure::Report(vec![format!("error: cannot write the result: {e}")], 1)
            })?;
            output::println(&s)?;
        }
        Format::Text => output::print(&text::render(result, lang))?,
        Format::Csv => output::print(&table::write_assessment(result))?,
        Format::Xlsx => {
            let bytes = slacalc_workbook::assessment_xlsx(result, lang)
                .map_err(|e| Failure::Report(vec![format!("error: {e}")], 1))?;
            output::write_binary(&bytes)?;
        }
    }
    Ok(())
}

fn run(cli: Cli) -> Result<u8, Failure> {
    match cli.command {
        Command::Assess {
            file,
            csv,
            format,
            lang,
            as_of: when,
            holidays,
        } => {
            let when = as_of(when)?;
            if matches!(format, Format::Xlsx) {
                binary_output_allowed()?;
            }
            let (case, warnings) = match (&csv.ledger.csv, file) {
                (Some(path), None) => csv_case(path, &csv)?,
                (None, Some(file)) => (parse_case(&read(&file)?)?, Vec::new()),
                (Some(_), Some(_)) => {
                    return Err(usage("give either a case FILE or --csv, not both".into()))
                }
                (None, None) => {
                    return Err(usage(
                        "give a case FILE (or - for stdin), or --csv FILE".into(),
                    ))
                }
            };
            if !warnings.is_empty() && case.incidents.is_empty() {
                return Err(Failure::Report(warnings, 2));
            }
            let case = with_holidays(case, &holidays)?;
            let result = assess(&case, when)?;
            print(&result, format, lang.lang())?;
            for w in &warnings {
                output::warn(w);
            }
            Ok(if warnings.is_empty() { 0 } else { 1 })
        }
        Command::Explain {
            file,
            lang,
            as_of: when,
            holidays,
        } => {
            let when = as_of(when)?;
            let case = with_holidays(parse_case(&read(&file)?)?, &holidays)?;
            let result = assess(&case, when)?;
            output::print(&text::explain(&result, lang.lang()))?;
            Ok(0)
        }
        Command::Link {
            file,
            csv,
            one_link,
            base,
            as_of: when,
            holidays,
        } => {
            let when = as_of(when)?;
            match (&csv.ledger.csv, file) {
                (None, Some(file)) => {
                    let case = with_holidays(parse_case(&read(&file)?)?, &holidays)?;
                    let result = assess(&case, when)?;
                    output::println(&slacalc::link::url(&base, &case, &result))?;
                    Ok(0)
                }
                (Some(path), None) => {
                    let template = with_holidays(
                        csv_template(&csv.ledger, terms_spec(&csv.terms)?)?,
                        &holidays,
                    )?;
                    let table::TableRead {
                        incidents: good,
                        problems: bad,
                        ..
                    } = read_csv_table(path, &csv.ledger, &template.terms)?;
                    if one_link {
                        let case = Case {
                            incidents: good.into_iter().map(|(_, inc)| inc).collect(),
                            ..template
                        };
                        return ledger_link(path, &case, &bad, &base, when);
                    }
                    let rows = good
                        .iter()
                        .map(|(l, _)| *l)
                        .chain(bad.iter().map(|e| e.line));
                    let last = rows.max().unwrap_or(1);
                    for line in 2..=last {
                        match good.iter().find(|(l, _)| *l == line) {
                            Some((_, inc)) => {
                                let case = Case {
                                    incidents: vec![inc.clone()],
                                    ..template.clone()
                                };
                                let result = assess(&case, when)?;
                                output::println(&slacalc::link::url(&base, &case, &result))?;
                            }
                            None => output::println("")?,
                        }
                    }
                    for e in &bad {
                        output::warn(&format!("error: {path}: {} ({})", e.en(), e.problem.zh()));
                    }
                    Ok(if bad.is_empty() { 0 } else { 1 })
                }
                (Some(_), Some(_)) => {
                    Err(usage("give either a case FILE or --csv, not both".into()))
                }
                (None, None) => Err(usage(
                    "give a case FILE (or - for stdin), or --csv FILE".into(),
                )),
            }
        }
        Command::Compare {
            ledger,
            terms,
            format,
            lang,
            as_of: when,
            holidays,
        } => {
            let when = as_of(when)?;
            let offers = crate::compare_cmd::offers(&terms).map_err(usage)?;
            let path = ledger
                .csv
                .as_deref()
                .ok_or_else(|| usage("give the ledger with --ledger FILE".into()))?;
            let first = offers
                .first()
                .map(|o| o.terms.clone())
                .ok_or_else(|| usage("--terms: none given".into()))?;
            let template = with_holidays(csv_template(&ledger, first)?, &holidays)?;
            let read = read_csv_table(path, &ledger, &template.terms)?;
            let warnings = row_errors(path, &read.problems);
            if read.incidents.is_empty() && !warnings.is_empty() {
                return Err(Failure::Report(warnings, 2));
            }
            let case = Case {
                incidents: read.incidents.into_iter().map(|(_, inc)| inc).collect(),
                ..template
            };
            let result =
                compare::compare(&case, &offers, when).map_err(|e| compare_failure(e, &terms))?;
            let lang = lang.lang();
            match format {
                CompareFormat::Csv => output::print(&result.to_csv(lang))?,
                CompareFormat::Text => output::print(&result.render(lang))?,
                CompareFormat::Json => {
                    let s = serde_json::to_string_pretty(&result).map_err(|e| {
                        Failure::Report(vec![format!("error: cannot write the result: {e}")], 1)
                    })?;
                    output::println(&s)?;
                }
            }
            for t in result
                .terms
                .iter()
                .filter(|t| !t.priority_from_facts.is_empty())
            {
                output::warn(&format!(
                    "note: {}: {} incident(s) declare a priority these terms have no level for; the level the facts suggest applies (L3.3): {}",
                    t.name,
                    t.priority_from_facts.len(),
                    t.priority_from_facts.join(", ")
                ));
            }
            for w in &warnings {
                output::warn(w);
            }
            Ok(if warnings.is_empty() { 0 } else { 1 })
        }
        Command::Calendar(cmd) => {
            let text = crate::calendar_cmd::run(cmd).map_err(usage)?;
            output::print(&text)?;
            Ok(0)
        }
        Command::Incidents { csv, format, lang } => {
            if matches!(format, TableFormat::Xlsx) {
                binary_output_allowed()?;
            }
            let path = csv
                .ledger
                .csv
                .as_deref()
                .ok_or_else(|| usage("give the ledger with --ledger FILE".into()))?;
            let terms = terms_spec(&csv.terms)?;
            let read = read_csv_table(path, &csv.ledger, &terms)?;
            if read.incidents.is_empty() && !read.problems.is_empty() {
                return Err(Failure::Report(row_errors(path, &read.problems), 2));
            }
            let incidents = read.incidents.iter().map(|(_, i)| i);
            match format {
                TableFormat::Csv => {
                    output::print(&table::write_incidents_in(incidents, lang.lang()))?
                }
                TableFormat::Xlsx => {
                    let bytes = slacalc_workbook::incidents_xlsx(incidents, lang.lang())
                        .map_err(|e| Failure::Report(vec![format!("error: {e}")], 1))?;
                    output::write_binary(&bytes)?;
                }
            }
            for w in row_errors(path, &read.problems) {
                output::warn(&w);
            }
            Ok(if read.problems.is_empty() { 0 } else { 1 })
        }
        Command::Terms { id, table, lang } => {
            if table {
                let t = match terms_spec(&id)? {
                    TermsSpec::Inline(t) => *t,
                    TermsSpec::Preset(p) => Terms::preset(&p).ok_or_else(|| {
                        usage(format!(
                            "unknown terms \"{p}\" (built-in: \"eyou-sdju\", or a FILE.json)"
                        ))
                    })?,
                };
                output::print(&clause_markdown(&t, lang.lang()))?;
                return Ok(0);
            }
            let t = Terms::preset(&id).ok_or_else(|| {
                usage(format!("unknown terms \"{id}\" (built-in: \"eyou-sdju\")"))
            })?;
            let s = serde_json::to_string_pretty(&t)
                .map_err(|e| Failure::Report(vec![format!("error: {e}")], 1))?;
            output::println(&s)?;
            Ok(0)
        }
    }
}

/// The terms as a Markdown clause table (`slacalc terms --table`): `| clause | text |` (in
/// Chinese `| 条款 | 内容 |`), one row per [`slacalc::clause_table::ClauseRow`]; a `|` in a
/// cell is escaped and a line break becomes a space, so every row stays one table row.
fn clause_markdown(terms: &Terms, lang: Lang) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace(['\r', '\n'], " ");
    let mut out = match lang {
        Lang::Zh => "| 条款 | 内容 |\n|---|---|\n",
        Lang::En => "| clause | text |\n|---|---|\n",
    }
    .to_string();
    for r in slacalc::clause_table::clause_table(terms) {
        let text = match lang {
            Lang::Zh => &r.zh,
            Lang::En => &r.en,
        };
        out.push_str(&format!("| {} | {} |\n", cell(&r.clause), cell(text)));
    }
    out
}

/// Prints the one link of a whole ledger (`link --ledger FILE --one-link`): every good row's
/// incident in one case, assessed together so the cap (L4.3) runs across them; the bad rows
/// are reported as for `assess` (status 1, or 2 when no row is good).
fn ledger_link(
    path: &str,
    case: &Case,
    bad: &[table::RowError],
    base: &str,
    when: Instant,
) -> Result<u8, Failure> {
    let warnings = row_errors(path, bad);
    if case.incidents.is_empty() && !warnings.is_empty() {
        return Err(Failure::Report(warnings, 2));
    }
    let result = assess(case, when)?;
    let fragment = slacalc::link::encode(case, &result);
    if fragment.len() > slacalc::link::MAX_LINK_BYTES {
        return Err(usage(format!(
            "{path}: the link of the whole ledger would be {} bytes, more than a link holds ({}); split the ledger, or leave out --one-link",
            fragment.len(),
            slacalc::link::MAX_LINK_BYTES
        )));
    }
    output::println(&slacalc::link::url(base, case, &result))?;
    for w in &warnings {
        output::warn(w);
    }
    Ok(if warnings.is_empty() { 0 } else { 1 })
}

/// A comparison that could not be made, its problems naming the `--terms` argument.
fn compare_failure(e: CompareError, args: &[String]) -> Failure {
    match e {
        CompareError::Case { index, errors, .. } => {
            let arg = args.get(index).map_or("?", String::as_str);
            Failure::Report(
                errors
                    .iter()
                    .map(|e| format!("error: --terms {arg}: {} ({})", e.en(), e.problem.zh()))
                    .collect(),
                2,
            )
        }
        other => usage(format!("--{other} ({})", other.zh())),
    }
}

pub fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => ExitCode::from(code),
        Err(Failure::Report(lines, code)) => {
            for l in lines {
                output::warn(&l);
            }
            ExitCode::from(code)
        }
        Err(Failure::OutputClosed) => ExitCode::SUCCESS,
    }
}
