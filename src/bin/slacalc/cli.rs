use clap::{Parser, Subcommand, ValueEnum};
use slacalc::text::{self, Lang};
use slacalc::{assess, parse_case, CaseError, Instant};
use std::io::Read;
use std::process::ExitCode;

/// SLA calculator for the eyou service commitment letter (and, later, other contracts).
#[derive(Parser)]
#[command(name = "slacalc", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Assess every incident of a case file (JSON, format v1); `-` reads standard input.
    Assess {
        /// Case file, or `-` for standard input.
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Language of text output.
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// Judge pending deadlines and accruing penalties at this RFC 3339 time (default: now).
        #[arg(long)]
        as_of: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

fn fail(errors: &[CaseError]) -> ExitCode {
    for e in errors {
        eprintln!("error: {} ({})", e.en(), e.problem.zh());
    }
    ExitCode::from(2)
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Assess {
            file,
            format,
            lang,
            as_of,
        } => {
            let input = if file == "-" {
                let mut s = String::new();
                std::io::stdin().read_to_string(&mut s).map(|_| s)
            } else {
                std::fs::read_to_string(&file)
            };
            let input = match input {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("error: {file}: cannot read: {e}");
                    return ExitCode::from(2);
                }
            };
            let as_of = match as_of {
                Some(s) => match Instant::parse(&s) {
                    Ok(t) => t,
                    Err(_) => {
                        eprintln!("error: --as-of: \"{s}\" is not an RFC 3339 time with offset, e.g. 2025-03-03T08:10:00+08:00");
                        return ExitCode::from(2);
                    }
                },
                None => Instant(chrono::Local::now().fixed_offset()),
            };
            let case = match parse_case(&input) {
                Ok(c) => c,
                Err(errs) => return fail(&errs),
            };
            let result = match assess(&case, as_of) {
                Ok(r) => r,
                Err(errs) => return fail(&errs),
            };
            match format {
                Format::Json => match serde_json::to_string_pretty(&result) {
                    Ok(s) => println!("{s}"),
                    Err(e) => {
                        eprintln!("error: cannot write the result: {e}");
                        return ExitCode::from(1);
                    }
                },
                Format::Text => {
                    let lang = match lang {
                        LangArg::Zh => Lang::Zh,
                        LangArg::En => Lang::En,
                    };
                    print!("{}", text::render(&result, lang));
                }
            }
            ExitCode::SUCCESS
        }
    }
}
