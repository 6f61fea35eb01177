//! `slacalc calendar …`: business-time questions about a calendar (L1.1 office hours with the
//! PRC statutory calendar by default, or holidays from an iCalendar file).

use clap::{Args, Subcommand};
use slacalc::calendar::{
    format_duration, load_ics, parse_duration, Calendar, CalendarError, DayTable, WeeklyHours, Zone,
};

/// Business-time questions about a calendar (L1.1 office hours by default).
#[derive(Subcommand)]
pub enum CalendarCommand {
    /// One line per date from FROM to TO (inclusive): `YYYY-MM-DD workday|weekend|holiday|makeup-workday [name]`.
    Days {
        /// First date, YYYY-MM-DD.
        from: String,
        /// Last date, YYYY-MM-DD.
        to: String,
        #[command(flatten)]
        cal: CalendarArgs,
    },
    /// The instant DURATION of open time after START (durations: 1h30m, 2d, 45s, PT90M; a day
    /// is 24 hours of open time).
    Add {
        /// RFC 3339, or `YYYY-MM-DD HH:MM` in the calendar's zone.
        start: String,
        /// Business duration.
        duration: String,
        #[command(flatten)]
        cal: CalendarArgs,
    },
    /// Open time between A and B.
    Between {
        /// RFC 3339, or `YYYY-MM-DD HH:MM` in the calendar's zone.
        a: String,
        /// RFC 3339, or `YYYY-MM-DD HH:MM` in the calendar's zone.
        b: String,
        #[command(flatten)]
        cal: CalendarArgs,
    },
}

/// Which calendar to use.
#[derive(Args)]
pub struct CalendarArgs {
    /// `prc` (the built-in PRC statutory calendar) or an iCalendar file of holidays.
    #[arg(long, default_value = "prc")]
    calendar: String,
    /// Weekly hours, e.g. "Mon-Fri 09:00-18:00; Sat 22:00-06:00".
    #[arg(long, default_value = "Mon-Fri 09:00-18:00")]
    hours: String,
    /// IANA time zone of the hours.
    #[arg(long, default_value = "Asia/Shanghai")]
    zone: String,
    #[command(flatten)]
    holidays: crate::holidays::HolidayArgs,
}

impl CalendarArgs {
    fn load(&self) -> Result<Calendar, String> {
        let zone = Zone::iana(&self.zone).map_err(|e| e.to_string())?;
        let hours = WeeklyHours::parse(&self.hours).map_err(|e| e.to_string())?;
        if self.calendar == "prc" {
            let mut days = DayTable::prc();
            days.add_rulings(&self.holidays.read()?);
            return Ok(Calendar::new(zone, hours, days));
        }
        if !self.holidays.files.is_empty() {
            return Err("--holidays extends the PRC calendar: use it with --calendar prc (an .ics calendar brings its own holidays)".into());
        }
        let text = std::fs::read_to_string(&self.calendar)
            .map_err(|e| format!("{}: cannot read: {e}", self.calendar))?;
        load_ics(&text, Calendar::new(zone, hours, DayTable::none()))
            .map_err(|e| format!("{}: {e}", self.calendar))
    }
}

/// Answers a calendar question: the text to print, or the problem.
pub fn run(cmd: CalendarCommand) -> Result<String, String> {
    let err = |e: CalendarError| e.to_string();
    match cmd {
        CalendarCommand::Days { from, to, cal } => {
            let cal = cal.load()?;
            let date = |s: &str| {
                slacalc::time::parse_date(s.trim())
                    .ok_or_else(|| format!("\"{s}\" is not a date like 2025-10-01"))
            };
            let (mut d, to) = (date(&from)?, date(&to)?);
            if to < d {
                return Err("TO is before FROM".into());
            }
            let mut out = String::new();
            while d <= to {
                match cal.day(d) {
                    Ok(info) => {
                        out.push_str(&format!("{d} {}", info.kind.word()));
                        if let Some(n) = &info.name {
                            if n.zh() == n.en() {
                                out.push_str(&format!(" {}", n.en()));
                            } else {
                                out.push_str(&format!(" {} ({})", n.en(), n.zh()));
                            }
                        }
                        for c in &info.closures {
                            let local = |t: i64| {
                                cal.instant(t)
                                    .map(|i| i.0.format("%Y-%m-%d %H:%M").to_string())
                                    .unwrap_or_default()
                            };
                            out.push_str(&format!(
                                " [closed {}–{} {}]",
                                local(c.start),
                                local(c.end),
                                c.name.en()
                            ));
                        }
                        out.push('\n');
                    }
                    Err(CalendarError::OutsideCoverage {
                        first, last, table, ..
                    }) => {
                        out.push_str(&format!(
                            "{d} unknown (outside the {table}, {first} to {last})\n"
                        ));
                    }
                    Err(e) => return Err(format!("{d}: {e}")),
                }
                d = d.succ_opt().ok_or("date overflow")?;
            }
            Ok(out)
        }
        CalendarCommand::Add {
            start,
            duration,
            cal,
        } => {
            let cal = cal.load()?;
            let start = cal.parse_time(&start).map_err(err)?;
            let d = parse_duration(&duration).map_err(err)?;
            Ok(format!("{}\n", cal.add(start, d).map_err(err)?))
        }
        CalendarCommand::Between { a, b, cal } => {
            let cal = cal.load()?;
            let (a, b) = (
                cal.parse_time(&a).map_err(err)?,
                cal.parse_time(&b).map_err(err)?,
            );
            let secs = cal.between(a, b).map_err(err)?;
            Ok(format!("{} ({secs} seconds)\n", format_duration(secs)))
        }
    }
}
