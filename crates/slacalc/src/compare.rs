//! Offer comparison: one ledger (a contract and its incidents) assessed under 2 to 4 sets of
//! terms, side by side: per terms the damages after the cap (L4.2, L4.3), whether the cap was
//! reached and how many deadlines were missed (L3.3a–c, L4.1); per incident what it adds
//! under each. What a vendor's offer would have cost over the same history.
//!
//! The ledger's declared priorities (L3.3) name the levels of the terms it was kept under.
//! Under terms that have no level of that id, the declared priority is set aside and the
//! level suggested from the facts applies instead; the comparison names those incidents.
//!
//! [`LiveComparison`] keeps such a comparison up to date as the ledger's incidents are edited
//! one at a time, reassessing only the edited one (issue #15).

use crate::assess::{assess, terms_of, Assessment};
use crate::case::{Case, Incident};
use crate::error::CaseError;
use crate::interpretation::Interpretation;
use crate::money::Fen;
use crate::table::{ColumnKind, Export};
use crate::terms::{Terms, TermsSpec};
use crate::text::Lang;
use crate::time::Instant;
use serde::Serialize;
use std::fmt::Write;
use thiserror::Error;

mod live;
pub use live::LiveComparison;

/// Fewest terms a comparison takes.
pub const MIN_TERMS: usize = 2;

/// Most terms a comparison takes (the columns of one table people can read).
pub const MAX_TERMS: usize = 4;

/// One set of terms to assess the ledger under: its name (a column of the comparison), the
/// terms, and optionally the interpretation (else the ledger's own).
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    /// Name shown as the column's header, e.g. the terms file's stem.
    pub name: String,
    /// The terms: a preset id or inline terms.
    pub terms: TermsSpec,
    /// The interpretation to apply; `None` keeps the ledger case's.
    pub interpretation: Option<Interpretation>,
}

/// Why a comparison cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CompareError {
    /// Fewer than [`MIN_TERMS`] or more than [`MAX_TERMS`] terms.
    #[error("terms: {given} given; a comparison takes 2 to 4")]
    TermsCount {
        /// How many were given.
        given: usize,
    },
    /// Two terms with the same name (the columns would not tell them apart).
    #[error("terms[{index}].name: \"{name}\" names an earlier terms too")]
    DuplicateName {
        /// Position of the second one, from 0.
        index: usize,
        /// The name.
        name: String,
    },
    /// The ledger cannot be assessed under the terms at `index` (bad terms, or a case they
    /// refuse).
    #[error("terms[{index}] ({name}): {}", first_en(.errors))]
    Case {
        /// Position of the terms, from 0.
        index: usize,
        /// Their name.
        name: String,
        /// What is wrong, by field path of the case.
        errors: Vec<CaseError>,
    },
}

fn first_en(errs: &[CaseError]) -> String {
    errs.first().map(|e| e.en()).unwrap_or_default()
}

impl CompareError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            CompareError::TermsCount { given } => {
                format!("terms:给出了 {given} 套条款;比较需要 2 至 4 套")
            }
            CompareError::DuplicateName { index, name } => {
                format!("terms[{index}].name:\"{name}\" 与前面的条款重名")
            }
            CompareError::Case {
                index,
                name,
                errors,
            } => format!(
                "terms[{index}]({name}):{}",
                errors.first().map(|e| e.zh()).unwrap_or_default()
            ),
        }
    }
}

/// Checks that `given` terms are a number a comparison takes ([`MIN_TERMS`]–[`MAX_TERMS`]).
pub fn check_count(given: usize) -> Result<(), CompareError> {
    if (MIN_TERMS..=MAX_TERMS).contains(&given) {
        Ok(())
    } else {
        Err(CompareError::TermsCount { given })
    }
}

/// Checks that `offers` are a number a comparison takes, each with its own name.
fn check_offers(offers: &[Offer]) -> Result<(), CompareError> {
    check_count(offers.len())?;
    for (index, offer) in offers.iter().enumerate() {
        if offers[..index].iter().any(|o| o.name == offer.name) {
            return Err(CompareError::DuplicateName {
                index,
                name: offer.name.clone(),
            });
        }
    }
    Ok(())
}

/// The ledger's result under one set of terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermsResult {
    /// The name given ([`Offer::name`]).
    pub name: String,
    /// The id of the terms applied.
    pub terms: String,
    /// Damages due after the cap, over the whole ledger (L4.2, L4.3).
    pub penalty: Fen,
    /// Damages before the cap.
    pub uncapped: Fen,
    /// The cap of these terms on this contract (L4.3).
    pub cap: Fen,
    /// The cap was reached.
    pub cap_reached: bool,
    /// Deadlines missed over every incident (L3.3a–c, L4.1).
    pub missed_deadlines: usize,
    /// Incidents whose declared priority is not a level of these terms: the level suggested
    /// from the facts applied instead (L3.3).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub priority_from_facts: Vec<String>,
}

/// One incident's damages under each terms, in the order of [`Comparison::terms`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncidentDamages {
    /// The incident's id.
    pub id: String,
    /// What it adds to the damages after the cap (L4.3, taken in order of restoration),
    /// under each terms.
    pub damages: Vec<Fen>,
}

/// One ledger assessed under several terms, side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The moment pending deadlines and accruing damages were judged at.
    pub as_of: Instant,
    /// Each terms' totals, in the order given.
    pub terms: Vec<TermsResult>,
    /// Each incident, in the order of the ledger.
    pub incidents: Vec<IncidentDamages>,
}

/// The ledger case under one offer's terms: its declared priorities that the terms have no
/// level for set aside (returned by incident id).
fn under(ledger: &Case, offer: &Offer) -> Result<(Case, Vec<String>), Vec<CaseError>> {
    let mut case = Case {
        terms: offer.terms.clone(),
        interpretation: offer.interpretation.unwrap_or(ledger.interpretation),
        ..ledger.clone()
    };
    let terms = terms_of(&case)?;
    let mut set_aside = Vec::new();
    for inc in &mut case.incidents {
        if set_aside_priority(inc, &terms) {
            set_aside.push(inc.id.clone());
        }
    }
    Ok((case, set_aside))
}

/// Sets aside the declared priority of `inc` if `terms` have no level of that id (L3.3: the
/// level suggested from the facts applies instead); whether it did.
fn set_aside_priority(inc: &mut Incident, terms: &Terms) -> bool {
    let unknown = inc
        .declared_priority
        .as_deref()
        .is_some_and(|p| terms.level(p).is_none());
    if unknown {
        inc.declared_priority = None;
    }
    unknown
}

/// Assesses the incidents, contract, holidays and monitoring reports of `ledger` under each
/// offer's terms (the ledger's own terms are not used) at `as_of`, and sets the results side
/// by side. 2 to 4 offers, each with its own name.
pub fn compare(
    ledger: &Case,
    offers: &[Offer],
    as_of: Instant,
) -> Result<Comparison, CompareError> {
    check_offers(offers)?;
    let mut results: Vec<(TermsResult, Assessment)> = Vec::with_capacity(offers.len());
    for (index, offer) in offers.iter().enumerate() {
        let fail = |errors| CompareError::Case {
            index,
            name: offer.name.clone(),
            errors,
        };
        let (case, priority_from_facts) = under(ledger, offer).map_err(fail)?;
        let a = assess(&case, as_of).map_err(fail)?;
        let totals = TermsResult {
            name: offer.name.clone(),
            terms: a.terms.clone(),
            penalty: a.total.penalty,
            uncapped: a.total.uncapped,
            cap: a.total.cap,
            cap_reached: a.total.cap_reached,
            missed_deadlines: a.missed_deadlines(),
            priority_from_facts,
        };
        results.push((totals, a));
    }
    let incidents = ledger
        .incidents
        .iter()
        .enumerate()
        .map(|(n, inc)| IncidentDamages {
            id: inc.id.clone(),
            damages: results
                .iter()
                .map(|(_, a)| a.incidents.get(n).map_or(Fen(0), |r| r.penalty.applied))
                .collect(),
        })
        .collect();
    Ok(Comparison {
        as_of,
        terms: results.into_iter().map(|(t, _)| t).collect(),
        incidents,
    })
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

impl Comparison {
    /// The comparison as a table: a header of `id` and one column per terms (its name), one
    /// row per incident with its damages after the cap under each, then three rows: the total
    /// after the cap, whether the cap was reached (`yes`/`no`, `是`/`否`) and the missed
    /// deadlines. Amounts in yuan with two decimals, as [`crate::table`] writes money; the
    /// header and the labels of the last rows in `lang`.
    pub fn export(&self, lang: Lang) -> Export {
        let mut header = vec![pick(lang, "编号", "id").to_string()];
        header.extend(self.terms.iter().map(|t| t.name.clone()));
        let mut kinds = vec![ColumnKind::Text];
        kinds.extend(self.terms.iter().map(|_| ColumnKind::Yuan));
        let mut rows: Vec<Vec<String>> = self
            .incidents
            .iter()
            .map(|inc| {
                let mut row = vec![inc.id.clone()];
                row.extend(inc.damages.iter().map(Fen::to_string));
                row
            })
            .collect();
        let total_row = |label: &str, cell: &dyn Fn(&TermsResult) -> String| {
            let mut row = vec![label.to_string()];
            row.extend(self.terms.iter().map(cell));
            row
        };
        rows.push(total_row(
            pick(lang, "封顶后合计", "total after cap"),
            &|t| t.penalty.to_string(),
        ));
        rows.push(total_row(pick(lang, "达到上限", "cap reached"), &|t| {
            match (t.cap_reached, lang) {
                (true, Lang::Zh) => "是",
                (false, Lang::Zh) => "否",
                (true, Lang::En) => "yes",
                (false, Lang::En) => "no",
            }
            .to_string()
        }));
        rows.push(total_row(
            pick(lang, "超时次数", "missed deadlines"),
            &|t| t.missed_deadlines.to_string(),
        ));
        Export {
            header,
            kinds,
            rows,
        }
    }

    /// The table of [`Comparison::export`] as CSV.
    pub fn to_csv(&self, lang: Lang) -> String {
        self.export(lang).to_csv()
    }

    /// The comparison as readable text in `lang`: each terms' totals with the clauses' ids
    /// (L4.3 cap, L3.3 priorities from the facts), then each incident's damages under each.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        let (terms, incidents, as_of) = (self.terms.len(), self.incidents.len(), self.as_of);
        let _ = match lang {
            Lang::Zh => writeln!(out, "比较 {terms} 套条款,{incidents} 个事件,截至 {as_of}"),
            Lang::En => writeln!(
                out,
                "Comparison of {terms} terms over {incidents} incident(s), as of {as_of}"
            ),
        };
        for t in &self.terms {
            let reached = match (t.cap_reached, lang) {
                (true, Lang::Zh) => "已达到",
                (false, Lang::Zh) => "未达到",
                (true, Lang::En) => "reached",
                (false, Lang::En) => "not reached",
            };
            let _ = match lang {
                Lang::Zh => writeln!(
                    out,
                    "{}({}):封顶后违约金 {}(封顶前 {};[L4.3] 上限 {},{});超时 {} 次",
                    t.name,
                    t.terms,
                    t.penalty.pretty(),
                    t.uncapped.pretty(),
                    t.cap.pretty(),
                    reached,
                    t.missed_deadlines
                ),
                Lang::En => writeln!(
                    out,
                    "{} ({}): damages after the cap {} (before the cap {}; [L4.3] cap {}, {}); missed deadlines: {}",
                    t.name,
                    t.terms,
                    t.penalty.pretty(),
                    t.uncapped.pretty(),
                    t.cap.pretty(),
                    reached,
                    t.missed_deadlines
                ),
            };
            if !t.priority_from_facts.is_empty() {
                let _ = writeln!(
                    out,
                    "  [L3.3] {}{}",
                    pick(
                        lang,
                        "申报的优先级不是这套条款的等级,按事实建议的等级计:",
                        "declared priority not a level of these terms, the level suggested by the facts applied: "
                    ),
                    t.priority_from_facts.join(", ")
                );
            }
        }
        let _ = writeln!(
            out,
            "{}",
            pick(
                lang,
                "各事件(封顶后计入金额):",
                "Per incident (damages after the cap):"
            )
        );
        for inc in &self.incidents {
            let cells: Vec<String> = self
                .terms
                .iter()
                .zip(&inc.damages)
                .map(|(t, d)| format!("{} {}", t.name, d.pretty()))
                .collect();
            let _ = writeln!(out, "  {}: {}", inc.id, cells.join("; "));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terms::Terms;

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    const AS_OF: &str = "2026-01-01T00:00:00+08:00";

    fn worked() -> Case {
        crate::validate::parse_case(include_str!("../../../examples/worked-example.json"))
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// The worked example plus a second vendor outage, urgent, 2025-06-02 08:00 to
    /// 2025-06-10 08:00 (exactly 8 × 24 h), reported at 08:00, phone response 08:05, remote
    /// access 08:20 (both met), restore due 10:00 (missed).
    fn two_incidents() -> Case {
        let mut case = worked();
        let mut b = case.incidents[0].clone();
        b.id = "b".into();
        b.reported_at = at("2025-06-02T08:00:00+08:00");
        b.interrupted_from = Some(at("2025-06-02T08:00:00+08:00"));
        b.phone_response_at = Some(at("2025-06-02T08:05:00+08:00"));
        b.remote_access_at = Some(at("2025-06-02T08:20:00+08:00"));
        b.restored_at = Some(at("2025-06-10T08:00:00+08:00"));
        case.incidents.push(b);
        case
    }

    fn letter() -> Terms {
        Terms::preset("eyou-sdju").unwrap_or_else(|| panic!("the letter ships"))
    }

    fn offer(name: &str, terms: Terms) -> Offer {
        Offer {
            name: name.into(),
            terms: TermsSpec::Inline(Box::new(terms)),
            interpretation: None,
        }
    }

    fn preset(name: &str) -> Offer {
        Offer {
            name: name.into(),
            terms: TermsSpec::Preset("eyou-sdju".into()),
            interpretation: None,
        }
    }

    #[test]
    fn a_higher_rate_and_a_lower_cap_change_the_damages() {
        // Price ¥1,000,000.00. The worked example: 2 started days (31 h); b: 8 days.
        // Letter (L4.2 0.25 %/day = ¥2,500.00; L4.3 5 % = ¥50,000.00):
        //   a 2 × 2,500 = ¥5,000.00, b 8 × 2,500 = ¥20,000.00, total ¥25,000.00, cap not reached.
        // Rate 0.40 %/day (¥4,000.00): a ¥8,000.00, b ¥32,000.00, total ¥40,000.00 < ¥50,000.00.
        // Cap 2 % (¥20,000.00): a ¥5,000.00 (restored first), b gets what is left of the cap,
        //   20,000 − 5,000 = ¥15,000.00 (of ¥20,000.00); total ¥20,000.00, cap reached.
        let mut rate = letter();
        rate.penalty.rate_bp = 40;
        let mut cap = letter();
        cap.penalty.cap_bp = 200;
        let c = compare(
            &two_incidents(),
            &[preset("letter"), offer("rate", rate), offer("cap", cap)],
            at(AS_OF),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let totals: Vec<(i128, i128, bool, usize)> = c
            .terms
            .iter()
            .map(|t| (t.penalty.0, t.uncapped.0, t.cap_reached, t.missed_deadlines))
            .collect();
        assert_eq!(
            totals,
            [
                (2_500_000, 2_500_000, false, 2),
                (4_000_000, 4_000_000, false, 2),
                (2_000_000, 2_500_000, true, 2),
            ]
        );
        assert_eq!(c.terms[2].cap, Fen(2_000_000));
        assert_eq!(c.incidents[0].id, "2025-03-03-mail-down");
        assert_eq!(
            c.incidents[0].damages,
            [Fen(500_000), Fen(800_000), Fen(500_000)]
        );
        assert_eq!(
            c.incidents[1].damages,
            [Fen(2_000_000), Fen(3_200_000), Fen(1_500_000)]
        );
        assert!(c.terms.iter().all(|t| t.priority_from_facts.is_empty()));
    }

    #[test]
    fn the_same_terms_give_the_same_columns() {
        let c = compare(
            &two_incidents(),
            &[preset("a"), offer("b", letter())],
            at(AS_OF),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.terms[0].penalty, c.terms[1].penalty);
        assert!(c.incidents.iter().all(|i| i.damages[0] == i.damages[1]));
    }

    #[test]
    fn other_terms_level_the_incident_from_the_facts() {
        // Campus terms (examples/terms-campus-network.json) have no level "urgent": the worked
        // example's declared priority is set aside and the facts (unusable, 100 % of
        // mailboxes) suggest P1: restore within 4 h of the report (08:10 → 12:10, missed),
        // phone 10 min (08:12 ≤ 08:20, met), remote access 30 min (08:35 ≤ 08:40, met).
        // N4.2: 0.05 % per started hour = ¥500.00; 08:00 → 15:00 the next day = 31 hours
        // = ¥15,500.00; N4.3 cap 3 % = ¥30,000.00, not reached.
        let campus: Terms =
            serde_json::from_str(include_str!("../../../examples/terms-campus-network.json"))
                .unwrap_or_else(|e| panic!("{e}"));
        let c = compare(
            &worked(),
            &[preset("letter"), offer("campus", campus)],
            at(AS_OF),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.terms[1].terms, "campus-network-2025");
        assert_eq!(c.terms[1].penalty, Fen(1_550_000));
        assert_eq!(c.terms[1].cap, Fen(3_000_000));
        assert!(!c.terms[1].cap_reached);
        assert_eq!(c.terms[1].missed_deadlines, 1);
        assert_eq!(c.terms[1].priority_from_facts, ["2025-03-03-mail-down"]);
        assert!(c.terms[0].priority_from_facts.is_empty());
        assert_eq!(c.incidents[0].damages, [Fen(500_000), Fen(1_550_000)]);
    }

    #[test]
    fn two_to_four_terms_each_named_once() {
        let case = worked();
        let when = at(AS_OF);
        let one = compare(&case, &[preset("a")], when);
        assert_eq!(one, Err(CompareError::TermsCount { given: 1 }));
        let five: Vec<Offer> = ["a", "b", "c", "d", "e"].map(preset).into();
        assert_eq!(
            compare(&case, &five, when),
            Err(CompareError::TermsCount { given: 5 })
        );
        assert!(CompareError::TermsCount { given: 5 }
            .to_string()
            .starts_with("terms: 5 given"));
        assert!(compare(&case, &five[..4], when).is_ok());
        let twice = compare(&case, &[preset("a"), preset("b"), preset("a")], when);
        assert_eq!(
            twice,
            Err(CompareError::DuplicateName {
                index: 2,
                name: "a".into()
            })
        );
        let unknown = Offer {
            name: "x".into(),
            terms: TermsSpec::Preset("nope".into()),
            interpretation: None,
        };
        match compare(&case, &[preset("a"), unknown], when) {
            Err(e @ CompareError::Case { index: 1, .. }) => {
                assert!(e.to_string().starts_with("terms[1] (x): terms: "), "{e}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_interpretation_applies_to_its_terms_only() {
        // Whole days only (L4.2 alternative): 31 h = 1 whole day = ¥2,500.00.
        let whole = Offer {
            interpretation: Some(Interpretation {
                penalty_days: Some(crate::terms::PenaltyDays::WholeDays),
                ..Interpretation::default()
            }),
            ..preset("whole")
        };
        let c = compare(&worked(), &[preset("letter"), whole], at(AS_OF))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.incidents[0].damages, [Fen(500_000), Fen(250_000)]);
    }

    #[test]
    fn the_table_has_a_column_per_terms_and_the_totals_last() {
        let mut cap = letter();
        cap.penalty.cap_bp = 200;
        let c = compare(
            &two_incidents(),
            &[preset("letter"), offer("cap 2%, \"tight\"", cap)],
            at(AS_OF),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            c.to_csv(Lang::En),
            "id,letter,\"cap 2%, \"\"tight\"\"\"\n\
             2025-03-03-mail-down,5000.00,5000.00\n\
             b,20000.00,15000.00\n\
             total after cap,25000.00,20000.00\n\
             cap reached,no,yes\n\
             missed deadlines,2,2\n"
        );
        let zh = c.to_csv(Lang::Zh);
        assert!(zh.starts_with("编号,letter,"), "{zh}");
        assert!(zh.contains("\n封顶后合计,25000.00,20000.00\n达到上限,否,是\n超时次数,2,2\n"));
        let e = c.export(Lang::En);
        assert_eq!(
            e.kinds,
            [ColumnKind::Text, ColumnKind::Yuan, ColumnKind::Yuan]
        );
        let text = c.render(Lang::En);
        assert!(
            text.contains("letter (eyou-sdju): damages after the cap ¥25,000.00"),
            "{text}"
        );
        assert!(
            text.contains("  b: letter ¥20,000.00; cap 2%, \"tight\" ¥15,000.00"),
            "{text}"
        );
        assert!(c.render(Lang::Zh).contains("封顶后违约金 ¥20,000.00"));
    }
}
