//! The assessment of a whole case: each incident classified (L2, L3.3), routed (L1), judged
//! for coverage (L4.1, L5), its deadlines computed (L3.3, L4.1, L3.4, L5.1), its penalty
//! counted (L4.2) and capped (L4.3); and the ledger of the contract: quarters, availability
//! and the monitoring schedule (L3.5). Every step is explained.

use crate::calendar::{self, Channel};
use crate::case::{Case, Contract, Incident, MonitoringReport};
use crate::classify;
use crate::coverage::{self, Coverage};
use crate::deadline::{self, Commitment, Deadline, Judging, Status, Stoppages};
use crate::error::{CaseError, Problem};
use crate::explain::{self, Step};
use crate::interpretation::{
    CapScope, ConsultationRule, Interpretation, OfficeCalendar, PauseRule, RestoreFrom,
};
use crate::ledger::{self, Availability, QuarterTotal, ScheduledReport};
use crate::money::Fen;
use crate::penalty::{self, Penalty};
use crate::terms::{Effect, Terms, Text};
use crate::time::Instant;
use crate::vocab::{DeadlineKind, EventLevel};
use serde::Serialize;

/// Version of the rules this build applies; a result records it.
pub const RULES_VERSION: &str = "2";

/// The result of assessing a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// The rules version that produced this result.
    pub rules_version: &'static str,
    /// The id of the terms applied.
    pub terms: String,
    /// Their name.
    pub terms_name: Text,
    /// The clauses of the terms' penalty rule and cap, and the period its rate is per.
    pub penalty_rule: PenaltyCitation,
    /// The interpretation applied (every switch, defaults and terms' values filled in).
    pub interpretation: Interpretation,
    /// The moment pending deadlines and accruing penalties were judged at.
    pub as_of: Instant,
    /// Each incident, in the order of the case.
    pub incidents: Vec<IncidentResult>,
    /// Totals over the contract (L4.3).
    pub total: Total,
    /// Damages per calendar quarter of restoration.
    pub quarters: Vec<QuarterTotal>,
    /// Availability per month of the warranty, up to `as_of`.
    pub availability_months: Vec<Availability>,
    /// Availability per calendar quarter.
    pub availability_quarters: Vec<Availability>,
    /// L3.5: the monitoring reports and where each stands.
    pub monitoring: Vec<ScheduledReport>,
}

impl Assessment {
    /// How many deadlines were missed (L3.3a–c, L4.1), over every incident.
    pub fn missed_deadlines(&self) -> usize {
        self.incidents
            .iter()
            .flat_map(|r| &r.deadlines)
            .filter(|d| d.status == Status::Missed)
            .count()
    }
}

/// Where the damages come from in the terms: rate clause, cap clause, period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PenaltyCitation {
    /// Clause of the rate (L4.2).
    pub clause: String,
    /// Clause of the cap (L4.3).
    pub cap_clause: String,
    /// The period the rate is per.
    pub per: crate::terms::Per,
}

/// The assessment of one incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncidentResult {
    /// The incident's id.
    pub id: String,
    /// The priority level (id in the terms) that sets the deadlines (L3.3).
    pub priority: String,
    /// Its name.
    pub priority_name: Text,
    /// The level the facts suggest (L3.3a–c).
    pub suggested_priority: String,
    /// Declared and suggested priority differ.
    pub priority_mismatch: bool,
    /// L2 event level.
    pub event_level: EventLevel,
    /// The clause the event level comes from.
    pub event_clause: String,
    /// L1.2 channel the report went to.
    pub channel: Channel,
    /// The clause of that channel.
    pub channel_clause: String,
    /// Which commitments apply (L4.1, L5.2, L5.3, L2.3).
    pub coverage: Coverage,
    /// The clause the coverage rests on.
    pub coverage_clause: String,
    /// Each applicable deadline.
    pub deadlines: Vec<Deadline>,
    /// Liquidated damages (L4.2) and what the cap leaves of them (L4.3).
    pub penalty: Penalty,
    /// For an unknown cause: the outcome under each possible cause.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contingent: Option<Contingent>,
    /// The reasoning, step by step, with clause ids (none from
    /// [`Context::incident_unexplained`]).
    pub explanation: Vec<Step>,
    /// What the reader must know about how the result was reached, in both languages: e.g.
    /// that the report's date is outside every known holiday ruling, so plain weekdays were
    /// used (L1.1). Absent when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
}

impl IncidentResult {
    /// The clauses the result rests on, each once: its event level's (L2), every step of its
    /// explanation's, its deadlines' (L3.3a–c, L4.1) and its coverage's (L4.1, L5.x). A
    /// combined id such as `L1.1/L1.2` counts as both. The letter's ids (`L…`) come in the
    /// letter's order, other terms' ids after them as first cited.
    pub fn cited_clauses(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        let all = std::iter::once(self.event_clause.as_str())
            .chain(self.explanation.iter().map(|s| s.clause.as_str()))
            .chain(self.deadlines.iter().map(|d| d.clause.as_str()))
            .chain(std::iter::once(self.coverage_clause.as_str()));
        for c in all {
            for id in c.split(|ch: char| ch == ',' || ch == '/' || ch.is_whitespace()) {
                if id.chars().any(|ch| ch.is_ascii_alphanumeric()) && !ids.iter().any(|x| x == id) {
                    ids.push(id.to_string());
                }
            }
        }
        crate::order::sort_by_key(&mut ids, |id| clause_order(id));
        ids
    }
}

/// A clause id's place: the letter's ids by number (`L2.1` < `L3.3a` < `L4.1`), then any
/// other id (in the order first cited: the sort is stable).
fn clause_order(id: &str) -> (u32, u32, String) {
    let Some(rest) = id.strip_prefix('L') else {
        return (u32::MAX, 0, String::new());
    };
    let (major, minor) = rest.split_once('.').unwrap_or((rest, ""));
    let digits: String = minor.chars().take_while(char::is_ascii_digit).collect();
    let letters: String = minor.chars().skip(digits.len()).collect();
    match major.parse() {
        Ok(major) => (major, digits.parse().unwrap_or(0), letters),
        Err(_) => (u32::MAX, 0, String::new()),
    }
}

/// Both outcomes of an incident whose cause is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contingent {
    /// If the vendor caused it: covered (L4.1), with this penalty before the cap.
    pub if_vendor: Outcome,
    /// If it was an excluded cause (L5.2 or L5.3): no restore commitment, no penalty.
    pub if_not_vendor: Outcome,
}

/// One possible outcome of a contingent incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// Coverage under that cause.
    pub coverage: Coverage,
    /// Penalty days under that cause.
    pub penalty_days: u64,
    /// Penalty amount under that cause, before the cap.
    pub penalty_amount: Fen,
}

/// Totals over the whole contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Total {
    /// Liquidated damages due after the cap (sum of `applied`).
    pub penalty: Fen,
    /// What they would be without the cap.
    pub uncapped: Fen,
    /// L4.3: the cap (5 % of the contract price in the letter), per contract or per incident.
    pub cap: Fen,
    /// The cap has been reached (by the contract, or by some incident).
    pub cap_reached: bool,
    /// Penalties of contingent incidents if their cause turns out to be the vendor's
    /// (not included in `penalty`).
    pub contingent: Fen,
}

fn overflow(path: String) -> Vec<CaseError> {
    vec![CaseError::at(path, Problem::OutOfTimeRange)]
}

/// The terms a case names, or the problem with them.
pub fn terms_of(case: &Case) -> Result<Terms, Vec<CaseError>> {
    case.terms.resolve().ok_or_else(|| {
        vec![CaseError::at(
            "terms",
            Problem::UnknownTerms(case.terms.id().to_string()),
        )]
    })
}

/// Assesses a validated case as of `as_of` (the caller's "now"; the engine reads no clock).
pub fn assess(case: &Case, as_of: Instant) -> Result<Assessment, Vec<CaseError>> {
    crate::validate::validate(case)?;
    let ctx = Context::prepare(case, as_of)?;
    let mut results = Vec::with_capacity(case.incidents.len());
    for (n, inc) in case.incidents.iter().enumerate() {
        let r = ctx
            .assess_one(inc, Explain::Steps)
            .map_err(|p| vec![CaseError::at(format!("incidents[{n}]"), p)])?;
        results.push(r);
    }
    let items: Vec<(&Incident, &IncidentResult)> = case.incidents.iter().zip(&results).collect();
    let ledger = ctx.ledger(&items)?;
    Ok(ctx.finish(results, ledger))
}

/// What assessing any incident of one contract needs, prepared once: the terms, the
/// interpretation applied, the cap (L4.3) and the office calendar (L1.1). A front end that
/// keeps a ledger assesses each incident with [`Context::incident`] when it changes (or with
/// [`Context::incident_unexplained`] when it shows the figures but not the reasoning), and the
/// contract-wide totals with [`Context::ledger`] over the per-incident results it kept: the
/// same numbers as [`assess`] of the whole case, without reassessing the unchanged incidents.
#[derive(Debug, Clone)]
pub struct Context {
    terms: Terms,
    interp: Interpretation,
    cap: Fen,
    office: calendar::Calendar,
    contract: Contract,
    monitoring_reports: Vec<MonitoringReport>,
    as_of: Instant,
}

/// The contract-wide part of an assessment over given per-incident results: L4.3 (what
/// each incident adds after the cap, and the step that explains it), the totals, the
/// quarters, availability and the L3.5 schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ledger {
    /// What each incident adds after the cap, in the order given.
    pub applied: Vec<Fen>,
    /// For each incident with damages, what the earlier ones had used of the cap when it
    /// took its share (the L4.3 step [`Context::finish`] explains); `None` for the others.
    pub cap_used_before: Vec<Option<Fen>>,
    /// Totals over the contract (L4.3).
    pub total: Total,
    /// Damages per calendar quarter of restoration.
    pub quarters: Vec<QuarterTotal>,
    /// Availability per month of the warranty, up to `as_of`.
    pub availability_months: Vec<Availability>,
    /// Availability per calendar quarter.
    pub availability_quarters: Vec<Availability>,
    /// L3.5: the monitoring reports and where each stands.
    pub monitoring: Vec<ScheduledReport>,
}

impl Context {
    /// Checks the contract, terms, interpretation and monitoring reports of `case` (not its
    /// incidents) and prepares their assessment as of `as_of`.
    pub fn new(case: &Case, as_of: Instant) -> Result<Context, Vec<CaseError>> {
        crate::validate::validate_contract(case)?;
        Context::prepare(case, as_of)
    }

    fn prepare(case: &Case, as_of: Instant) -> Result<Context, Vec<CaseError>> {
        if !crate::validate::in_range(&as_of) {
            return Err(vec![CaseError::at(
                "as_of",
                crate::validate::year_problem(),
            )]);
        }
        let terms = terms_of(case)?;
        let interp = case.interpretation.resolved(&terms);
        let cap = case
            .contract
            .price
            .share_bp(terms.penalty.cap_bp, 1)
            .ok_or_else(|| overflow("contract.price".into()))?;
        // L1.1: the office hours, with the PRC holiday calendar unless read as plain weekdays.
        let plain = interp.office_calendar == Some(OfficeCalendar::Plain);
        let office = terms
            .office_hours
            .calendar_with(plain, &case.holidays)
            .ok_or_else(|| {
                let oh = &terms.office_hours;
                vec![CaseError::at(
                    "terms.office_hours",
                    Problem::NotAClockTime(format!("{}–{}", oh.open, oh.close)),
                )]
            })?;
        Ok(Context {
            terms,
            interp,
            cap,
            office,
            contract: case.contract.clone(),
            monitoring_reports: case.monitoring_reports.clone(),
            as_of,
        })
    }

    /// The moment the assessment is judged at.
    pub fn as_of(&self) -> Instant {
        self.as_of
    }

    /// The contract (L6): price and warranty.
    pub fn contract(&self) -> &Contract {
        &self.contract
    }

    /// The interpretation applied (every switch filled in).
    pub fn interpretation(&self) -> &Interpretation {
        &self.interp
    }

    /// Checks and assesses one incident (named `incidents[n]` in its problems) before the
    /// cap: its `penalty.applied` is zero and its explanation has no L4.3 step yet; both come
    /// from [`Context::ledger`]. Whether its id is unique is the ledger's to check.
    pub fn incident(&self, n: usize, inc: &Incident) -> Result<IncidentResult, Vec<CaseError>> {
        self.checked(n, inc, Explain::Steps)
    }

    /// [`Context::incident`] without the explanation (its `explanation` is empty): the same
    /// classification (L2, L3.3), channel (L1.2), coverage (L4.1, L5), deadlines and damages
    /// (L4.2), so the same [`Context::ledger`] (L4.3) and totals, in a fraction of the time
    /// (the steps are formatted text in two languages; `benches/assess.rs`: about a fifth).
    /// For a ledger of many incidents whose reasoning is read one incident at a time:
    /// [`Context::incident`] explains that one.
    pub fn incident_unexplained(
        &self,
        n: usize,
        inc: &Incident,
    ) -> Result<IncidentResult, Vec<CaseError>> {
        self.checked(n, inc, Explain::No)
    }

    fn checked(
        &self,
        n: usize,
        inc: &Incident,
        explain: Explain,
    ) -> Result<IncidentResult, Vec<CaseError>> {
        crate::validate::validate_incident(n, inc, &self.terms)?;
        self.assess_one(inc, explain)
            .map_err(|p| vec![CaseError::at(format!("incidents[{n}]"), p)])
    }

    fn assess_one(&self, inc: &Incident, explain: Explain) -> Result<IncidentResult, Problem> {
        assess_incident(
            inc,
            &self.terms,
            &self.interp,
            &self.contract,
            self.as_of,
            &self.office,
            explain,
        )
    }

    /// L4.3 and the ledger over `items`, each incident with its result from
    /// [`Context::incident`] (the incidents' ids must be unique: see
    /// [`crate::validate::duplicate_ids`]). Covered penalties take their share of the cap in
    /// order of restoration (still-interrupted incidents last, as of now), ties in the given
    /// order; or, read per incident, each is capped on its own.
    pub fn ledger(&self, items: &[(&Incident, &IncidentResult)]) -> Result<Ledger, Vec<CaseError>> {
        let (cap, as_of, terms) = (self.cap, self.as_of, &self.terms);
        let mut order: Vec<usize> = (0..items.len())
            .filter(|&i| {
                let r = items[i].1;
                r.coverage == Coverage::Covered && r.penalty.amount > Fen(0)
            })
            .collect();
        let end_of = |i: usize| items[i].0.restored_at.unwrap_or(as_of);
        crate::order::sort_by_key(&mut order, |&i| (end_of(i), i));
        let claims: Vec<Fen> = order.iter().map(|&i| items[i].1.penalty.amount).collect();
        let per_incident = self.interp.cap_scope == CapScope::Incident;
        let granted = if per_incident {
            claims.iter().map(|c| (*c).min(cap)).collect()
        } else {
            ledger::apply_cap(cap, &claims)
        };
        let mut applied = vec![Fen(0); items.len()];
        let mut cap_used_before = vec![None; items.len()];
        let mut used = Fen(0);
        // Per calendar quarter of restoration (`keys` (year, quarter) beside `quarters`).
        let mut keys: Vec<(i32, u32)> = Vec::new();
        let mut quarters: Vec<QuarterTotal> = Vec::new();
        for (&i, &got) in order.iter().zip(&granted) {
            let amount = items[i].1.penalty.amount;
            applied[i] = got;
            cap_used_before[i] = Some(if per_incident { Fen(0) } else { used });
            used = used
                .checked_add(got)
                .ok_or_else(|| overflow("contract.price".into()))?;
            let q = ledger::quarter_key(end_of(i));
            let slot = match keys.iter().position(|k| *k == q) {
                Some(n) => n,
                None => {
                    keys.push(q);
                    quarters.push(QuarterTotal {
                        quarter: format!("{}-Q{}", q.0, q.1),
                        incidents: 0,
                        penalty: Fen(0),
                        uncapped: Fen(0),
                    });
                    quarters.len() - 1
                }
            };
            let t = &mut quarters[slot];
            t.incidents += 1;
            t.penalty = t
                .penalty
                .checked_add(got)
                .ok_or_else(|| overflow("incidents".into()))?;
            t.uncapped = t
                .uncapped
                .checked_add(amount)
                .ok_or_else(|| overflow("incidents".into()))?;
        }
        crate::order::sort_by(&mut quarters, |a, b| a.quarter.cmp(&b.quarter));

        let sum = |f: &dyn Fn(&IncidentResult) -> Fen| -> Option<Fen> {
            items
                .iter()
                .try_fold(Fen(0), |acc, (_, r)| acc.checked_add(f(r)))
        };
        let uncapped = sum(&|r| {
            if r.coverage == Coverage::Covered {
                r.penalty.amount
            } else {
                Fen(0)
            }
        })
        .ok_or_else(|| overflow("incidents".into()))?;
        let contingent = sum(&|r| {
            r.contingent
                .as_ref()
                .map_or(Fen(0), |c| c.if_vendor.penalty_amount)
        })
        .ok_or_else(|| overflow("incidents".into()))?;
        let cap_reached = cap > Fen(0)
            && if per_incident {
                claims.iter().any(|c| *c >= cap)
            } else {
                uncapped >= cap
            };

        // Availability: vendor-caused interruption time (covered incidents) per period.
        let down = crate::span::merge(
            items
                .iter()
                .filter(|(_, r)| r.coverage == Coverage::Covered)
                .filter_map(|(inc, _)| {
                    let from = inc.interrupted_from?.secs();
                    Some((from, inc.restored_at.unwrap_or(as_of).secs()))
                })
                .collect(),
        );
        let c = &self.contract;
        let months = ledger::periods(c.warranty_start, c.warranty_end, as_of.secs(), false);
        let quarters_p = ledger::periods(c.warranty_start, c.warranty_end, as_of.secs(), true);
        let monitoring = terms.monitoring.as_ref().map_or_else(Vec::new, |m| {
            ledger::monitoring_schedule(
                c.warranty_start,
                c.warranty_end,
                m.every_months,
                self.interp.monitoring_grace_days,
                &self.monitoring_reports,
                as_of,
            )
        });
        Ok(Ledger {
            applied,
            cap_used_before,
            total: Total {
                penalty: used,
                uncapped,
                cap,
                cap_reached,
                contingent,
            },
            quarters,
            availability_months: ledger::availability(&months, &down),
            availability_quarters: ledger::availability(&quarters_p, &down),
            monitoring,
        })
    }

    /// The whole assessment from the per-incident results and their ledger (each result
    /// gets what it adds after the cap, and, if it has an explanation, the L4.3 step that
    /// explains it; results of [`Context::incident_unexplained`] stay without).
    pub fn finish(&self, mut results: Vec<IncidentResult>, ledger: Ledger) -> Assessment {
        let Ledger {
            applied,
            cap_used_before,
            total,
            quarters,
            availability_months,
            availability_quarters,
            monitoring,
        } = ledger;
        let terms = &self.terms;
        let per_incident = self.interp.cap_scope == CapScope::Incident;
        for ((r, got), before) in results.iter_mut().zip(applied).zip(cap_used_before) {
            r.penalty.applied = got;
            // An explained result has at least its L3.3, L2, L1.2 and coverage steps.
            if let Some(before) = before.filter(|_| !r.explanation.is_empty()) {
                r.explanation.push(explain::cap(
                    &terms.penalty.cap_clause,
                    self.cap,
                    before,
                    r.penalty.amount,
                    got,
                    per_incident,
                ));
            }
        }
        Assessment {
            rules_version: RULES_VERSION,
            terms: terms.id.clone(),
            terms_name: terms.name.clone(),
            penalty_rule: PenaltyCitation {
                clause: terms.penalty.clause.clone(),
                cap_clause: terms.penalty.cap_clause.clone(),
                per: terms.penalty.per,
            },
            interpretation: self.interp,
            as_of: self.as_of.local(),
            total,
            incidents: results,
            quarters,
            availability_months,
            availability_quarters,
            monitoring,
        }
    }
}

/// Whether an incident's assessment writes its explanation steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Explain {
    Steps,
    No,
}

/// The explanation of one incident as it is written, or not written at all
/// ([`Context::incident_unexplained`]): a step is built only when it is kept.
struct Steps {
    keep: bool,
    list: Vec<Step>,
}

impl Steps {
    fn new(explain: Explain) -> Steps {
        Steps {
            keep: explain == Explain::Steps,
            list: Vec::new(),
        }
    }

    /// Adds the step `step` builds.
    fn add(&mut self, step: impl FnOnce() -> Step) {
        if self.keep {
            self.list.push(step());
        }
    }

    /// Adds the steps `steps` builds.
    fn add_all<I: IntoIterator<Item = Step>>(&mut self, steps: impl FnOnce() -> I) {
        if self.keep {
            self.list.extend(steps());
        }
    }
}

fn assess_incident(
    inc: &Incident,
    terms: &Terms,
    interp: &Interpretation,
    contract: &Contract,
    as_of: Instant,
    office: &calendar::Calendar,
    explain: Explain,
) -> Result<IncidentResult, Problem> {
    let mut cls = classify::classify(inc, terms, interp);
    let routing = calendar::channel(office, &inc.reported_at);
    let channel = routing.channel;
    let notes: Vec<Text> = explain::outside_note(inc, &routing).into_iter().collect();
    let (cov, cov_clause) = coverage::coverage(inc, contract, terms);
    let consultation_timer =
        cov == Coverage::Consultation && interp.consultation == ConsultationRule::General;
    let mut steps = Steps::new(explain);
    if consultation_timer {
        // L2.3 read as general: the lowest level, whatever was declared.
        let lowest = terms.levels.last().map(|l| (l.id.clone(), l.name.clone()));
        let (id, name) = lowest.unwrap_or_else(|| {
            (
                cls.priority.clone(),
                Text {
                    zh: cls.priority.clone(),
                    en: cls.priority.clone(),
                },
            )
        });
        cls.priority = id;
        steps.add(|| Step::new(
            terms.priority_clause.clone(),
            format!("咨询按最低优先级「{}」计(所选解释),不论客户说明的优先级。", name.zh),
            format!("A consultation is read as the lowest priority ({}) (chosen reading), whatever was declared.", name.en),
        ));
    } else {
        steps.add(|| explain::priority(inc, &cls, terms, interp));
    }
    steps.add_all(|| {
        [
            explain::event(inc, &cls, interp.majority_threshold_pct, terms),
            explain::channel(inc, &routing, terms),
            explain::coverage(inc, cov, &cov_clause, contract, consultation_timer),
        ]
    });

    let pauses_count = interp.customer_pauses == PauseRule::Count;
    let stop = Stoppages {
        pauses: if pauses_count {
            crate::span::merge(
                inc.customer_pauses
                    .iter()
                    .map(|p| (p.start.secs(), p.end.secs()))
                    .collect(),
            )
        } else {
            Vec::new()
        },
        force_majeure: {
            let mut v: Vec<(i64, i64)> = inc
                .force_majeure
                .iter()
                .map(|f| (f.start.secs(), f.end.secs()))
                .collect();
            crate::order::sort(&mut v);
            v
        },
    };
    let judging = Judging {
        stop: &stop,
        how: interp.force_majeure_extension,
        as_of,
        office,
    };

    // A consultation read as general takes the lowest level's response commitment.
    let level = if consultation_timer {
        terms.levels.last()
    } else {
        terms.level(&cls.priority)
    };
    // An exclusion that extends (rather than removes) the commitments.
    let extension = terms
        .exclusion(inc.cause)
        .filter(|e| e.effect == Effect::Extend)
        .and_then(|e| e.extend_by.map(|s| (s.0, e.clause.clone())));
    let mut deadlines = Vec::new();
    for spec in level.map(|l| l.commitments.as_slice()).unwrap_or_default() {
        let restore = spec.kind == DeadlineKind::Restore;
        let applies = if consultation_timer {
            spec.kind == DeadlineKind::Response
        } else if restore {
            cov.restore_timer()
        } else {
            cov.response_timers()
        };
        if !applies {
            continue;
        }
        let mut allowed = if spec.immediate {
            i64::from(interp.immediate_tolerance_minutes) * 60
        } else {
            spec.within.0
        };
        if let Some((by, _)) = &extension {
            allowed += by;
        }
        let from = match (restore, interp.restore_clock_from, inc.interrupted_from) {
            (true, RestoreFrom::Report, Some(i)) => i.max(inc.reported_at),
            (true, RestoreFrom::Interruption, Some(i)) => i,
            _ => inc.reported_at,
        };
        let actual = match spec.kind {
            DeadlineKind::PhoneResponse => inc.phone_response_at,
            DeadlineKind::RemoteAccess => inc.remote_access_at,
            DeadlineKind::Response => inc.response_at,
            DeadlineKind::Restore => inc.restored_at,
        };
        let c = Commitment {
            kind: spec.kind,
            clause: spec.clause.clone(),
            allowed_seconds: allowed,
            pauses_apply: spec.pauses && pauses_count,
            // The case's switch if it set one (or the one clock all levels share), else this
            // level's own clock: `Interpretation::resolved`.
            clock: interp.clocks.of(spec.kind).unwrap_or(spec.clock),
        };
        let d = deadline::deadline(c, from, actual, &judging)?;
        steps.add_all(|| explain::deadline(&d, interp, terms, spec.immediate));
        steps.add_all(|| explain::rulings_in(&d, office));
        deadlines.push(d);
    }
    if let Some((by, clause)) = &extension {
        steps.add(|| {
            Step::new(
                clause.clone(),
                format!(
                    "此原因使各期限延长 {}。",
                    crate::time::human_duration_zh(*by)
                ),
                format!(
                    "This cause extends every deadline by {}.",
                    crate::time::human_duration(*by)
                ),
            )
        });
    }

    let mut pen = Penalty::default();
    let restore = deadlines.iter().find(|d| d.kind == DeadlineKind::Restore);
    let counting = interp.penalty_days.unwrap_or(terms.penalty.counting);
    match (restore, inc.interrupted_from) {
        (Some(d), Some(from)) if d.status == Status::Missed => {
            let (to, accruing) = match inc.restored_at {
                Some(t) => (t, false),
                None => (as_of, true),
            };
            let mut excluded = stop.pauses.clone();
            excluded.extend(stop.force_majeure.iter().copied());
            let i = penalty::Interruption {
                from: from.secs(),
                to: to.secs(),
                due: d.due.secs(),
                excluded: &excluded,
                accruing,
            };
            pen = penalty::penalty(contract.price, &terms.penalty, counting, &i)
                .ok_or(Problem::OutOfTimeRange)?;
            steps.add(|| explain::penalty(&pen, from, to, contract.price, terms, counting));
        }
        (Some(_), _) => steps.add(|| {
            Step::new(
                terms.penalty.clause.clone(),
                "恢复期限未被违反,不产生违约金。",
                "The restore deadline was not missed: no liquidated damages.",
            )
        }),
        _ => {}
    }

    let contingent = (cov == Coverage::Contingent).then_some(Contingent {
        if_vendor: Outcome {
            coverage: Coverage::Covered,
            penalty_days: pen.days,
            penalty_amount: pen.amount,
        },
        if_not_vendor: Outcome {
            coverage: Coverage::OutsideFreeMaintenance,
            penalty_days: 0,
            penalty_amount: Fen(0),
        },
    });
    if let Some(c) = &contingent {
        steps.add(|| Step::new(
            terms.penalty.cap_clause.clone(),
            format!(
                "原因未明:若为厂商原因,违约金为 {};若为免责原因,为 ¥0.00。确定原因前不计入累计总额。",
                c.if_vendor.penalty_amount.pretty()
            ),
            format!(
                "Cause unknown: if the vendor caused it the damages are {}; for an excluded cause ¥0.00. Not counted in the running total until the cause is settled.",
                c.if_vendor.penalty_amount.pretty()
            ),
        ));
    }

    let priority_name = terms
        .level(&cls.priority)
        .map(|l| l.name.clone())
        .unwrap_or_else(|| Text {
            zh: cls.priority.clone(),
            en: cls.priority.clone(),
        });
    Ok(IncidentResult {
        id: inc.id.clone(),
        priority: cls.priority,
        priority_name,
        suggested_priority: cls.suggested,
        priority_mismatch: cls.mismatch,
        event_level: cls.event_level,
        event_clause: terms.event_clause(cls.event_level),
        channel_clause: match channel {
            Channel::OfficeHotline => terms.office_hours.clause.clone(),
            Channel::Hotline24x7 => terms.after_hours(),
        },
        channel,
        coverage: cov,
        coverage_clause: cov_clause,
        deadlines,
        penalty: pen,
        contingent,
        explanation: steps.list,
        notes,
    })
}
