//! `slacalc`: the command-line shell over the engine. It reads a case (file or stdin), passes
//! it with "now" (or `--as-of`) to the engine and prints the assessment as JSON or text.
//! Bad input exits with status 2 and one line per problem, naming the field path.

mod calendar_cmd;
mod cli;
mod compare_cmd;
mod decode;
mod holidays;
mod ledger_file;
mod output;

fn main() -> std::process::ExitCode {
    cli::main()
}
