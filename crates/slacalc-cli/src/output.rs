//! Where the CLI's results and problems go. Results go to standard output; a reader that goes
//! away early (`slacalc terms | head -1`, `… | less` quit before the end) ends the run quietly
//! with status 0, as command-line tools do, instead of a panic. Problems go to standard error,
//! which is never a reason to fail.

use std::io::{self, Write};

/// Standard output could not take the result.
#[derive(Debug)]
pub enum WriteError {
    /// The reader closed the pipe (`| head`): the run ends quietly, status 0.
    Closed,
    /// Any other failure (a full disk, a device error): reported, status 1.
    Failed(io::Error),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> WriteError {
        if e.kind() == io::ErrorKind::BrokenPipe {
            WriteError::Closed
        } else {
            WriteError::Failed(e)
        }
    }
}

/// Writes `text` to standard output as it is, and flushes it.
pub fn print(text: &str) -> Result<(), WriteError> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Writes `line` and a newline to standard output, and flushes it.
pub fn println(line: &str) -> Result<(), WriteError> {
    let mut out = io::stdout().lock();
    out.write_all(line.as_bytes())?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// Writes a binary result (a workbook) to standard output, and flushes it (the caller has
/// made sure it is not a terminal).
pub fn write_binary(bytes: &[u8]) -> Result<(), WriteError> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

/// Writes `line` to standard error. A closed or failing standard error is ignored: there is
/// nowhere left to say so.
pub fn warn(line: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{line}");
}
