//! The offer comparison of a ledger kept up to date as its incidents are edited one at a time
//! (issue #15): each incident's result under each offer is kept, an edit reassesses only the
//! edited incident, and the contract-wide part (L4.3 cap, totals) is taken afresh over the
//! kept results.

use super::{
    check_offers, set_aside_priority, under, CompareError, Comparison, IncidentDamages, Offer,
    TermsResult,
};
use crate::assess::{terms_of, Context, IncidentResult};
use crate::case::{Case, Incident};
use crate::deadline::Status;
use crate::error::{CaseError, Problem};
use crate::money::Fen;
use crate::terms::Terms;
use crate::time::Instant;
use crate::validate::{duplicate_ids, validate, validate_incident};

/// An offer comparison kept up to date as the ledger's incidents are edited one at a time
/// (issue #15): each incident is assessed once per offer (without its explanation,
/// [`Context::incident_unexplained`]), an edit ([`LiveComparison::replace`]) reassesses only
/// the edited incident, and [`LiveComparison::comparison`] takes the L4.3 cap and the totals
/// over the kept results. It gives the same [`Comparison`] as [`super::compare`] of the ledger
/// as edited, for a ledger of a thousand incidents under 2 to 4 offers without reassessing
/// the others.
#[derive(Debug, Clone)]
pub struct LiveComparison {
    /// The moment pending deadlines and accruing damages are judged at.
    as_of: Instant,
    /// The ledger's incidents as given (declared priorities kept).
    incidents: Vec<Incident>,
    /// Each offer's part, in the order given.
    offers: Vec<Kept>,
}

/// What one offer keeps: its prepared context and each incident's result before the cap.
#[derive(Debug, Clone)]
struct Kept {
    name: String,
    terms: Terms,
    ctx: Context,
    /// Each incident's result before the cap (L4.3 comes from [`Context::ledger`]).
    results: Vec<IncidentResult>,
    /// Whether each incident's declared priority was set aside under these terms (L3.3).
    set_aside: Vec<bool>,
}

/// A number of incidents as a [`Problem::OutOfRange`] bound.
fn bound(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl LiveComparison {
    /// The ledger assessed under each offer at `as_of`, with the same checks and errors as
    /// [`super::compare`]: 2 to 4 offers each named once, the ledger case under each offer's
    /// terms (its declared priorities they have no level for set aside, L3.3) checked whole,
    /// its problems under [`CompareError::Case`]. Every incident is assessed once per offer.
    pub fn new(
        ledger: &Case,
        offers: &[Offer],
        as_of: Instant,
    ) -> Result<LiveComparison, CompareError> {
        check_offers(offers)?;
        let mut kept = Vec::with_capacity(offers.len());
        for (index, offer) in offers.iter().enumerate() {
            let fail = |errors| CompareError::Case {
                index,
                name: offer.name.clone(),
                errors,
            };
            let (case, _) = under(ledger, offer).map_err(fail)?;
            validate(&case).map_err(fail)?;
            let terms = terms_of(&case).map_err(fail)?;
            let ctx = Context::new(&case, as_of).map_err(fail)?;
            let results = case
                .incidents
                .iter()
                .enumerate()
                .map(|(n, inc)| ctx.incident_unexplained(n, inc))
                .collect::<Result<Vec<_>, _>>()
                .map_err(fail)?;
            // The totals are checked here too, as `compare` checks them offer by offer.
            let items: Vec<_> = case.incidents.iter().zip(&results).collect();
            ctx.ledger(&items).map_err(fail)?;
            let set_aside = ledger
                .incidents
                .iter()
                .zip(&case.incidents)
                .map(|(given, applied)| given.declared_priority != applied.declared_priority)
                .collect();
            kept.push(Kept {
                name: offer.name.clone(),
                terms,
                ctx,
                results,
                set_aside,
            });
        }
        Ok(LiveComparison {
            as_of,
            incidents: ledger.incidents.clone(),
            offers: kept,
        })
    }

    /// Incident `n` of the ledger replaced by `incident` (as edited) and reassessed under each
    /// offer, its declared priority set aside under terms that have no level of that id (L3.3);
    /// the other incidents are not reassessed. On any error nothing changes: the problems of
    /// the edited incident (paths `incidents[n]…`, an id another incident has as
    /// [`crate::validate::validate`] names it) under the first offer that refuses it, as
    /// [`CompareError::Case`]; an `n` past the last incident is `incidents[n]` out of range
    /// (`incidents` empty in an empty ledger), named under the first offer.
    pub fn replace(&mut self, n: usize, incident: Incident) -> Result<(), CompareError> {
        let len = self.incidents.len();
        if n >= len {
            let error = if len == 0 {
                CaseError::at("incidents", Problem::Empty)
            } else {
                let problem = Problem::OutOfRange {
                    min: 0,
                    max: bound(len - 1),
                    value: bound(n),
                };
                CaseError::at(format!("incidents[{n}]"), problem)
            };
            return Err(CompareError::Case {
                index: 0,
                name: self
                    .offers
                    .first()
                    .map(|o| o.name.clone())
                    .unwrap_or_default(),
                errors: vec![error],
            });
        }
        // A duplicate id is named where `validate` names it: at this incident if an earlier
        // one has its id (first among its problems), else at the later one (after them).
        let own = format!("incidents[{n}].id");
        let ids = self.incidents.iter().enumerate().map(|(m, inc)| {
            if m == n {
                incident.id.as_str()
            } else {
                inc.id.as_str()
            }
        });
        let (before, after): (Vec<_>, Vec<_>) =
            duplicate_ids(ids).into_iter().partition(|e| e.path == own);
        let mut fresh = Vec::with_capacity(self.offers.len());
        for (index, o) in self.offers.iter().enumerate() {
            let mut inc = incident.clone();
            let aside = set_aside_priority(&mut inc, &o.terms);
            let mut errors = before.clone();
            errors.extend(
                validate_incident(n, &inc, &o.terms)
                    .err()
                    .unwrap_or_default(),
            );
            errors.extend(after.iter().cloned());
            let result = if errors.is_empty() {
                o.ctx.incident_unexplained(n, &inc)
            } else {
                Err(errors)
            };
            match result {
                Ok(r) => fresh.push((r, aside)),
                Err(errors) => {
                    return Err(CompareError::Case {
                        index,
                        name: o.name.clone(),
                        errors,
                    })
                }
            }
        }
        for (o, (r, aside)) in self.offers.iter_mut().zip(fresh) {
            o.results[n] = r;
            o.set_aside[n] = aside;
        }
        self.incidents[n] = incident;
        Ok(())
    }

    /// The comparison now: under each offer the cap taken over the kept results (L4.3, in
    /// order of restoration, [`Context::ledger`]), the totals (L4.2, L4.3), the deadlines
    /// missed (L3.3a–c, L4.1) and the incidents whose declared priority was set aside (L3.3);
    /// each incident's damages after the cap under each. An error only if a total leaves the
    /// supported range.
    pub fn comparison(&self) -> Result<Comparison, CompareError> {
        let mut terms = Vec::with_capacity(self.offers.len());
        let mut applied = Vec::with_capacity(self.offers.len());
        for (index, o) in self.offers.iter().enumerate() {
            let items: Vec<_> = self.incidents.iter().zip(&o.results).collect();
            let ledger = o.ctx.ledger(&items).map_err(|errors| CompareError::Case {
                index,
                name: o.name.clone(),
                errors,
            })?;
            let total = &ledger.total;
            terms.push(TermsResult {
                name: o.name.clone(),
                terms: o.terms.id.clone(),
                penalty: total.penalty,
                uncapped: total.uncapped,
                cap: total.cap,
                cap_reached: total.cap_reached,
                // As `Assessment::missed_deadlines` counts them.
                missed_deadlines: o
                    .results
                    .iter()
                    .flat_map(|r| &r.deadlines)
                    .filter(|d| d.status == Status::Missed)
                    .count(),
                priority_from_facts: self
                    .incidents
                    .iter()
                    .zip(&o.set_aside)
                    .filter(|(_, aside)| **aside)
                    .map(|(inc, _)| inc.id.clone())
                    .collect(),
            });
            applied.push(ledger.applied);
        }
        let incidents = self
            .incidents
            .iter()
            .enumerate()
            .map(|(n, inc)| IncidentDamages {
                id: inc.id.clone(),
                damages: applied
                    .iter()
                    .map(|a| a.get(n).copied().unwrap_or(Fen(0)))
                    .collect(),
            })
            .collect();
        Ok(Comparison {
            as_of: self.as_of,
            terms,
            incidents,
        })
    }

    /// How many incidents the ledger has.
    pub fn len(&self) -> usize {
        self.incidents.len()
    }

    /// The ledger has no incidents.
    pub fn is_empty(&self) -> bool {
        self.incidents.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::super::compare;
    use super::*;
    use crate::terms::TermsSpec;
    use crate::validate::parse_case;
    use proptest::prelude::*;

    const AS_OF: &str = "2026-01-01T00:00:00+08:00";

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    fn ledger_3y_as_kept() -> Case {
        parse_case(include_str!("../../../../examples/ledger-3y.json"))
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// The three-year ledger without its monitoring reports (L3.5): the campus terms have
    /// other monitoring periods, and refuse them.
    fn ledger_3y() -> Case {
        Case {
            monitoring_reports: Vec::new(),
            ..ledger_3y_as_kept()
        }
    }

    fn ledger_cap() -> Case {
        parse_case(include_str!("../../../../examples/ledger-cap.json"))
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn letter() -> Terms {
        Terms::preset("eyou-sdju").unwrap_or_else(|| panic!("the letter ships"))
    }

    fn inline(name: &str, terms: Terms) -> Offer {
        Offer {
            name: name.into(),
            terms: TermsSpec::Inline(Box::new(terms)),
            interpretation: None,
        }
    }

    /// The letter by its preset id, the campus terms (no level of the letter's ids: every
    /// declared priority set aside, L3.3), the letter at 0.40 %/day (L4.2) and at a 2 % cap
    /// (L4.3).
    fn offers() -> Vec<Offer> {
        let campus: Terms = serde_json::from_str(include_str!(
            "../../../../examples/terms-campus-network.json"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        let mut rate = letter();
        rate.penalty.rate_bp = 40;
        let mut cap = letter();
        cap.penalty.cap_bp = 200;
        vec![
            Offer {
                name: "letter".into(),
                terms: TermsSpec::Preset("eyou-sdju".into()),
                interpretation: None,
            },
            inline("campus", campus),
            inline("rate", rate),
            inline("cap", cap),
        ]
    }

    fn live(ledger: &Case, offers: &[Offer]) -> LiveComparison {
        LiveComparison::new(ledger, offers, at(AS_OF)).unwrap_or_else(|e| panic!("{e}"))
    }

    /// `live` now, which must be `compare` of `ledger`.
    fn assert_same(live: &LiveComparison, ledger: &Case, offers: &[Offer]) {
        assert_eq!(live.comparison(), compare(ledger, offers, at(AS_OF)));
    }

    #[test]
    fn a_new_live_comparison_is_the_comparison() {
        let all = offers();
        for ledger in [ledger_3y(), ledger_cap()] {
            for k in 2..=4 {
                let l = live(&ledger, &all[..k]);
                assert_eq!(l.len(), ledger.incidents.len());
                assert!(!l.is_empty());
                assert_same(&l, &ledger, &all[..k]);
            }
        }
        // The cap example reaches the 2 % cap; the campus terms set every priority aside.
        let c = live(&ledger_cap(), &all)
            .comparison()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(c.terms[3].cap_reached);
        assert_eq!(c.terms[1].priority_from_facts.len(), c.incidents.len());
        // The checks of `compare`, with its errors: too few offers, a name twice, a case the
        // campus terms refuse (monitoring reports of periods they do not have).
        let twice = [all[0].clone(), all[0].clone()];
        for (case, given) in [
            (ledger_cap(), &all[..1]),
            (ledger_cap(), &twice[..]),
            (ledger_3y_as_kept(), &all[..]),
        ] {
            let err = LiveComparison::new(&case, given, at(AS_OF)).map(|_| ());
            assert_eq!(err, compare(&case, given, at(AS_OF)).map(|_| ()));
            assert!(err.is_err());
        }
    }

    #[test]
    fn a_replaced_incident_gives_the_comparison_of_the_edited_ledger() {
        let all = offers();
        let mut ledger = ledger_3y();
        let mut l = live(&ledger, &all);
        let n = ledger
            .incidents
            .iter()
            .position(|i| i.restored_at.is_some() && i.declared_priority.is_some())
            .unwrap_or_else(|| panic!("an incident restored, with a declared priority"));
        let mut edit = |l: &mut LiveComparison, f: &dyn Fn(&mut Incident)| {
            let mut inc = ledger.incidents[n].clone();
            f(&mut inc);
            l.replace(n, inc.clone()).unwrap_or_else(|e| panic!("{e}"));
            ledger.incidents[n] = inc;
            assert_same(l, &ledger, &all);
            assert_eq!(
                l.comparison(),
                live(&ledger, &all).comparison(),
                "as if new"
            );
        };
        // Restored three days later: more started days (L4.2), a later place in the cap (L4.3).
        edit(&mut l, &|inc| {
            inc.restored_at = inc.restored_at.and_then(|t| t.plus(3 * 86_400));
        });
        // Another declared priority (L3.3), then one no terms have a level of, then none.
        edit(&mut l, &|inc| {
            inc.declared_priority = Some("general".into())
        });
        edit(&mut l, &|inc| inc.declared_priority = Some("P2".into()));
        edit(&mut l, &|inc| inc.declared_priority = None);
        edit(&mut l, &|inc| inc.declared_priority = Some("urgent".into()));
        // Another id: the set-aside priorities name it under the campus terms.
        edit(&mut l, &|inc| inc.id = "renamed".into());
        let c = l.comparison().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.incidents[n].id, "renamed");
        assert!(c.terms[1]
            .priority_from_facts
            .contains(&"renamed".to_string()));
        assert!(!c.terms[0]
            .priority_from_facts
            .contains(&"renamed".to_string()));
        // Still interrupted: accruing to `as_of`, last in the order of the cap (L4.3).
        edit(&mut l, &|inc| inc.restored_at = None);
    }

    #[test]
    fn a_bad_edit_is_refused_and_changes_nothing() {
        let all = offers();
        let ledger = ledger_cap();
        let mut l = live(&ledger, &all);
        let before = l.comparison();
        let refused = |l: &mut LiveComparison, n: usize, inc: Incident| {
            let mut edited = ledger.clone();
            edited.incidents[n] = inc.clone();
            let err = l.replace(n, inc);
            assert_eq!(err, compare(&edited, &all, at(AS_OF)).map(|_| ()));
            assert_eq!(l.comparison(), before);
            err
        };
        // Restored before the interruption started.
        let mut early = ledger.incidents[1].clone();
        early.restored_at = early.interrupted_from.and_then(|t| t.plus(-3600));
        match refused(&mut l, 1, early) {
            Err(CompareError::Case {
                index: 0, errors, ..
            }) => {
                assert_eq!(errors[0].path, "incidents[1].restored_at");
                assert_eq!(errors[0].problem, Problem::RestoredBeforeInterruption);
            }
            other => panic!("{other:?}"),
        }
        // The id of an earlier incident (named here), of a later one (named there).
        for (n, m, at) in [(2, 0, 2), (0, 3, 3)] {
            let mut twin = ledger.incidents[n].clone();
            twin.id = ledger.incidents[m].id.clone();
            match refused(&mut l, n, twin) {
                Err(CompareError::Case {
                    index: 0, errors, ..
                }) => {
                    assert_eq!(errors[0].path, format!("incidents[{at}].id"));
                    assert!(matches!(errors[0].problem, Problem::DuplicateId(_)));
                }
                other => panic!("{other:?}"),
            }
        }
        // Past the last incident.
        let err = l.replace(4, ledger.incidents[0].clone());
        match err {
            Err(CompareError::Case {
                index: 0, errors, ..
            }) => {
                assert_eq!(errors[0].path, "incidents[4]");
                assert_eq!(
                    errors[0].en(),
                    "incidents[4]: must be between 0 and 3, not 4"
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(l.comparison(), before);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Any incident of the three-year ledger restored earlier or later (or refused as
        /// `compare` refuses it), edit after edit: the live comparison stays `compare`'s.
        #[test]
        fn shifted_restorations_keep_live_and_compare_equal(
            edits in prop::collection::vec((0usize..64, -72i64 * 60..=240 * 60), 1..4)
        ) {
            let all = offers();
            let mut ledger = ledger_3y();
            let mut l = live(&ledger, &all[..3]);
            for (pick, minutes) in edits {
                let n = pick % ledger.incidents.len();
                let mut inc = ledger.incidents[n].clone();
                let from = inc.restored_at.or(inc.interrupted_from).unwrap_or(inc.reported_at);
                inc.restored_at = from.plus(minutes * 60);
                let mut edited = ledger.clone();
                edited.incidents[n] = inc.clone();
                let expected = compare(&edited, &all[..3], at(AS_OF));
                let before = l.comparison();
                match l.replace(n, inc) {
                    Ok(()) => {
                        ledger = edited;
                        prop_assert_eq!(l.comparison(), expected);
                    }
                    Err(e) => {
                        prop_assert_eq!(Err(e), expected.map(|_| ()));
                        prop_assert_eq!(l.comparison(), before);
                    }
                }
            }
            prop_assert_eq!(l.comparison(), compare(&ledger, &all[..3], at(AS_OF)));
        }
    }
}
