//! The ledger table's sorting, filtering and paging (issue #6), and the numbers of the cap
//! bar: pure functions over the incidents and their results, tested natively. The rules
//! themselves (what each incident owes, the cap) are the engine's.

use crate::state::ledger::{Row, Summary};
use slacalc::assess::IncidentResult;
use slacalc::case::Incident;
use slacalc::deadline::Status;
use slacalc::names::Named;
use slacalc::Fen;
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::ops::Range;
use std::rc::Rc;

/// Incidents shown on one page of the table.
pub const PER_PAGE: usize = 50;

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The incident's id (natural order: `inc-2` before `inc-10`).
    Id,
    /// When it was reported.
    Reported,
    /// Its priority's name.
    Priority,
    /// Who answers for it (the coverage id).
    Coverage,
    /// How long the service was down.
    Down,
    /// Its damages before the cap.
    Penalty,
    /// What it adds after the cap.
    Applied,
    /// Its deadlines: missed first, then pending.
    Deadlines,
}

impl Column {
    /// The column's name in the page (`data-col`).
    pub fn key(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Reported => "reported",
            Column::Priority => "priority",
            Column::Coverage => "coverage",
            Column::Down => "down",
            Column::Penalty => "penalty",
            Column::Applied => "applied",
            Column::Deadlines => "deadlines",
        }
    }
}

/// A sort: the column and whether it runs from the largest down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// The column sorted by.
    pub column: Column,
    /// Largest (or last) first.
    pub descending: bool,
}

impl Sort {
    /// The sort after a click on `column`: that column ascending, or the other way round if
    /// it was already sorted by it.
    pub fn toggle(current: Option<Sort>, column: Column) -> Sort {
        match current {
            Some(s) if s.column == column => Sort {
                column,
                descending: !s.descending,
            },
            _ => Sort {
                column,
                descending: false,
            },
        }
    }
}

/// What a row is sorted and filtered by.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// Its text, shared with the row's earlier facts while it stays the same.
    pub words: Rc<Words>,
    /// When it was reported (seconds since 1970).
    pub reported: i64,
    /// The coverage id (`covered`, …); empty for a row with problems.
    pub coverage: &'static str,
    /// Seconds of interruption (to the assessment time while still down).
    pub down: i64,
    /// Its damages before the cap (none for a row with problems).
    pub penalty: Fen,
    /// What it adds after the cap.
    pub applied: Fen,
    /// How many of its deadlines were missed.
    pub missed: usize,
    /// How many of its deadlines are still pending.
    pub pending: usize,
}

/// The text of a row: it changes with the incident and its classification, not with the
/// amounts (a new contract price reassesses every row, but leaves their words).
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    /// The incident's id.
    pub id: String,
    /// The priority's name.
    pub priority: String,
    /// The calendar quarter of the report (`2025-Q1`).
    pub quarter: String,
    /// Text a search looks in (Latin letters in lower case): id, priority, coverage, cause,
    /// quarter.
    pub haystack: String,
}

/// The facts of one row: its [`words`], the incident, its result (none when it has
/// problems) and what it adds after the cap.
pub fn facts(
    words: Rc<Words>,
    inc: &Incident,
    r: Option<&IncidentResult>,
    applied: Option<Fen>,
    as_of: i64,
) -> Facts {
    let down = inc
        .interrupted_from
        .map_or(0, |f| {
            inc.restored_at.map_or(as_of, |t| t.secs()) - f.secs()
        })
        .max(0);
    let count = |s: Status| r.map_or(0, |r| r.deadlines.iter().filter(|d| d.status == s).count());
    Facts {
        words,
        reported: inc.reported_at.secs(),
        coverage: r.map_or("", |r| r.coverage.id()),
        down,
        penalty: r.map_or(Fen(0), |r| r.penalty.amount),
        applied: applied.unwrap_or(Fen(0)),
        missed: count(Status::Missed),
        pending: count(Status::Pending),
    }
}

/// The facts of each row of the ledger (by position), kept between renders until the row,
/// what it adds after the cap or the assessment time changes; their words, until the
/// incident or its classification does (sorting and filtering need every row's facts: an
/// edit of one incident of a 1,000-incident ledger recomputes one).
#[derive(Default)]
pub struct FactsCache(Vec<(Row, Option<Fen>, i64, Rc<Facts>)>);

impl FactsCache {
    /// The facts of every row of `rows` under `summary` (what each adds after the cap, the
    /// assessment time), from the cache where unchanged.
    pub fn facts(&mut self, rows: &[Row], summary: Option<&Summary>) -> Vec<Rc<Facts>> {
        let as_of = summary.map_or(0, |s| s.as_of.secs());
        let c = &mut self.0;
        c.truncate(rows.len());
        rows.iter()
            .enumerate()
            .map(|(i, r)| {
                let a = summary.and_then(|s| s.applied.get(i).copied().flatten());
                match c.get(i) {
                    Some((row, had, t, f)) if row == r && *had == a && *t == as_of => f.clone(),
                    before => {
                        // A new contract price reassesses the row but leaves its words.
                        let words = match before {
                            Some((row, _, _, f))
                                if Rc::ptr_eq(&row.incident, &r.incident)
                                    && same_words(row.ok(), r.ok()) =>
                            {
                                f.words.clone()
                            }
                            _ => Rc::new(words(&r.incident, r.ok())),
                        };
                        let f = Rc::new(facts(words, &r.incident, r.ok(), a, as_of));
                        let entry = (r.clone(), a, as_of, f.clone());
                        match c.get_mut(i) {
                            Some(slot) => *slot = entry,
                            None => c.push(entry),
                        }
                        f
                    }
                }
            })
            .collect()
    }
}

/// Whether two results of the same incident give it the same [`words`] (the same priority
/// and coverage, or both none).
pub fn same_words(a: Option<&IncidentResult>, b: Option<&IncidentResult>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.priority == b.priority
                && a.priority_name == b.priority_name
                && a.coverage == b.coverage
        }
        (None, None) => true,
        _ => false,
    }
}

/// The text of a row: the incident and its result (none when it has problems).
pub fn words(inc: &Incident, r: Option<&IncidentResult>) -> Words {
    let quarter = slacalc::ledger::quarter_of(inc.reported_at);
    let cause = serde_json::to_string(&inc.cause).unwrap_or_default();
    let (priority, haystack_extra) = match r {
        Some(r) => {
            let (czh, cen) = r.coverage.names();
            (
                r.priority_name.zh.clone(),
                format!(
                    "{} {} {} {czh} {cen}",
                    r.priority, r.priority_name.zh, r.priority_name.en
                ),
            )
        }
        None => (String::new(), String::new()),
    };
    Words {
        haystack: format!("{} {cause} {quarter} {haystack_extra}", inc.id).to_ascii_lowercase(),
        id: inc.id.clone(),
        priority,
        quarter,
    }
}

/// Compares text with its runs of digits as numbers: `i2` before `i10`.
pub fn natural(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let mut n = String::new();
                while let Some(c) = x.next_if(char::is_ascii_digit) {
                    n.push(c);
                }
                let mut m = String::new();
                while let Some(d) = y.next_if(char::is_ascii_digit) {
                    m.push(d);
                }
                let (n, m) = (n.trim_start_matches('0'), m.trim_start_matches('0'));
                let o = n.len().cmp(&m.len()).then_with(|| n.cmp(m));
                if o != Ordering::Equal {
                    return o;
                }
            }
            (Some(c), Some(d)) => {
                if c != d {
                    return c.cmp(&d);
                }
                x.next();
                y.next();
            }
        }
    }
}

/// The order of two rows by `column`, ascending.
fn compare(a: &Facts, b: &Facts, column: Column) -> Ordering {
    match column {
        Column::Id => natural(&a.words.id, &b.words.id),
        Column::Reported => a.reported.cmp(&b.reported),
        Column::Priority => a.words.priority.cmp(&b.words.priority),
        Column::Coverage => a.coverage.cmp(b.coverage),
        Column::Down => a.down.cmp(&b.down),
        Column::Penalty => a.penalty.cmp(&b.penalty),
        Column::Applied => a.applied.cmp(&b.applied),
        // Most missed first when descending; then most pending.
        Column::Deadlines => (a.missed, a.pending).cmp(&(b.missed, b.pending)),
    }
}

/// What the table is narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Text anywhere in id, priority, coverage, cause or quarter (Latin letters in any case).
    pub text: String,
    /// A coverage id, or empty for all.
    pub coverage: String,
    /// A quarter of the report (`2025-Q1`), or empty for all.
    pub quarter: String,
}

impl Filter {
    /// Whether the filter keeps `f`, given its text already lower-cased.
    fn keeps(&self, text: &str, f: &Facts) -> bool {
        (text.is_empty() || f.words.haystack.contains(text))
            && (self.coverage.is_empty() || f.coverage == self.coverage)
            && (self.quarter.is_empty() || f.words.quarter == self.quarter)
    }
}

/// The rows to show, in the order to show them: those the filter keeps, sorted (ties and
/// no sort keep the ledger's order).
pub fn select<F: Borrow<Facts>>(rows: &[F], filter: &Filter, sort: Option<Sort>) -> Vec<usize> {
    let text = filter.text.trim().to_ascii_lowercase();
    let mut keep: Vec<usize> = (0..rows.len())
        .filter(|&i| filter.keeps(&text, rows[i].borrow()))
        .collect();
    if let Some(s) = sort {
        slacalc::order::sort_by(&mut keep, |&i, &j| {
            let o = compare(rows[i].borrow(), rows[j].borrow(), s.column);
            if s.descending {
                o.reverse()
            } else {
                o
            }
        });
    }
    keep
}

/// One page of `total` rows: the range to show, the number of pages and the page shown
/// (clamped, from 0).
pub fn page(total: usize, wanted: usize, per: usize) -> (Range<usize>, usize, usize) {
    let per = per.max(1);
    let pages = total.div_ceil(per).max(1);
    let p = wanted.min(pages - 1);
    let start = p * per;
    (start..(start + per).min(total), pages, p)
}

/// The distinct values of a column, sorted (the choices of a filter).
pub fn choices<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<&str> = values.filter(|s| !s.is_empty()).collect();
    slacalc::order::sort(&mut v);
    v.dedup();
    v.into_iter().map(str::to_string).collect()
}

/// `part` as a share of `whole` in percent with two decimals (`"12.50"`), rounded half up;
/// `"0.00"` when `whole` is zero.
pub fn percent(part: Fen, whole: Fen) -> String {
    if whole.0 <= 0 {
        return "0.00".into();
    }
    let hundredths = (part.0 * 20_000 + whole.0) / (2 * whole.0);
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ledger() -> (Vec<Incident>, slacalc::Assessment) {
        let text = include_str!("../../examples/incidents.csv");
        let terms = slacalc::terms::TermsSpec::Preset("eyou-sdju".into());
        let (good, _) = slacalc::table::read_incidents(text, &terms);
        let incidents: Vec<Incident> = good.into_iter().map(|(_, i)| i).collect();
        let mut case = slacalc::parse_case(include_str!("../../examples/worked-example.json"))
            .expect("example");
        case.incidents = incidents.clone();
        let as_of = slacalc::Instant::parse("2026-01-01T00:00:00+08:00").expect("time");
        (incidents, slacalc::assess(&case, as_of).expect("assessed"))
    }

    fn all_facts() -> Vec<Facts> {
        let (incidents, a) = ledger();
        let as_of = a.as_of.secs();
        incidents
            .iter()
            .zip(&a.incidents)
            .map(|(i, r)| {
                let w = Rc::new(words(i, Some(r)));
                facts(w, i, Some(r), Some(r.penalty.applied), as_of)
            })
            .collect()
    }

    #[test]
    fn natural_order_reads_numbers_as_numbers() {
        let mut v = vec!["i10", "i2", "i1", "a", "i02b", "i2a"];
        v.sort_by(|a, b| natural(a, b));
        assert_eq!(v, ["a", "i1", "i2", "i2a", "i02b", "i10"]);
    }

    #[test]
    fn sorting_by_damages_puts_the_largest_first_when_descending() {
        let f = all_facts();
        let sort = Sort::toggle(None, Column::Penalty);
        assert!(!sort.descending);
        let sort = Sort::toggle(Some(sort), Column::Penalty);
        assert!(sort.descending);
        let order = select(&f, &Filter::default(), Some(sort));
        assert_eq!(order.len(), f.len());
        assert!(order.windows(2).all(|w| f[w[0]].penalty >= f[w[1]].penalty));
        assert!(f[order[0]].penalty > Fen(0));
        // No sort: the ledger's order.
        assert_eq!(
            select(&f, &Filter::default(), None),
            (0..f.len()).collect::<Vec<_>>()
        );
        // Ties keep the ledger's order both ways.
        let by_cov = select(
            &f,
            &Filter::default(),
            Some(Sort::toggle(None, Column::Coverage)),
        );
        let covered: Vec<usize> = by_cov
            .into_iter()
            .filter(|&i| f[i].coverage == "covered")
            .collect();
        assert!(covered.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_filter_narrows_by_text_coverage_and_quarter() {
        let f = all_facts();
        let only = |filter: Filter| -> Vec<String> {
            select(&f, &filter, None)
                .into_iter()
                .map(|i| f[i].words.id.clone())
                .collect()
        };
        assert_eq!(
            only(Filter {
                text: "TYPHOON".into(),
                ..Filter::default()
            }),
            ["2025-07-typhoon-outage"]
        );
        let covered = only(Filter {
            coverage: "covered".into(),
            ..Filter::default()
        });
        assert!(covered.contains(&"2025-03-03-mail-down".to_string()));
        assert!(!covered.contains(&"2025-06-power-cut".to_string()));
        assert_eq!(
            only(Filter {
                quarter: "2025-Q1".into(),
                ..Filter::default()
            }),
            ["2025-03-03-mail-down"]
        );
        // Chinese words find their rows too.
        assert!(only(Filter {
            text: "客户方".into(),
            ..Filter::default()
        })
        .contains(&"2025-06-power-cut".to_string()));
        let q = choices(f.iter().map(|x| x.words.quarter.as_str()));
        assert_eq!(q, ["2025-Q1", "2025-Q2", "2025-Q3"]);
    }

    #[test]
    fn a_new_price_keeps_every_rows_words() {
        let (incidents, a) = ledger();
        let mut case = slacalc::parse_case(include_str!("../../examples/worked-example.json"))
            .expect("example");
        case.incidents = incidents.clone();
        case.contract.price = Fen(123_456_789);
        let b = slacalc::assess(&case, a.as_of).expect("assessed");
        assert_ne!(a.total, b.total);
        for ((inc, before), after) in incidents.iter().zip(&a.incidents).zip(&b.incidents) {
            assert!(same_words(Some(before), Some(after)));
            let kept = Rc::new(words(inc, Some(before)));
            let fresh = Rc::new(words(inc, Some(after)));
            let t = a.as_of.secs();
            let applied = Some(after.penalty.applied);
            assert_eq!(
                facts(kept, inc, Some(after), applied, t),
                facts(fresh, inc, Some(after), applied, t)
            );
        }
    }

    #[test]
    fn pages_of_fifty() {
        assert_eq!(page(1000, 0, PER_PAGE), (0..50, 20, 0));
        assert_eq!(page(1000, 19, PER_PAGE), (950..1000, 20, 19));
        assert_eq!(page(1001, 20, PER_PAGE), (1000..1001, 21, 20));
        assert_eq!(page(10, 5, PER_PAGE), (0..10, 1, 0));
        assert_eq!(page(0, 3, PER_PAGE), (0..0, 1, 0));
    }

    #[test]
    fn percentages_round_half_up() {
        assert_eq!(percent(Fen(500_000), Fen(5_000_000)), "10.00");
        assert_eq!(percent(Fen(1), Fen(3)), "33.33");
        assert_eq!(percent(Fen(2), Fen(3)), "66.67");
        assert_eq!(percent(Fen(5), Fen(0)), "0.00");
    }
}
