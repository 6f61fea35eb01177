//! Contract terms as data: priority levels with their criteria and commitments (L3.3a–c,
//! L4.1), the penalty rule (L4.2, L4.3), the exclusions (L5.2, L5.3), office hours (L1.1) and
//! the monitoring period (L3.5). The letter's terms are one such object, shipped as data in
//! `crates/slacalc/terms/eyou-sdju.json`; a case may carry its own terms inline instead of a preset id.

use crate::error::Problem;
use crate::time::Seconds;
use crate::vocab::{Cause, DeadlineKind, EventLevel};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Which clock a commitment runs on (L3.3a–c, L4.1); its home is [`crate::vocab`].
pub use crate::vocab::Clock;

/// Id of the built-in terms of the eyou / Shanghai Dianji University letter (a case's
/// `"terms": "eyou-sdju"`).
pub const PRESET_EYOU_SDJU: &str = "eyou-sdju";

/// The letter's terms (eyou / Shanghai Dianji University), as shipped.
pub const EYOU_SDJU_JSON: &str = include_str!("../terms/eyou-sdju.json");

/// A text in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// One commitment of a priority level: e.g. "remote access within 30 minutes" (L3.3a).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitmentSpec {
    /// Which deadline it sets.
    pub kind: DeadlineKind,
    /// The clause it comes from, cited in explanations.
    pub clause: String,
    /// How long the vendor has, e.g. `"PT30M"`, `"2h"`, or seconds.
    pub within: Seconds,
    /// The clock it runs on.
    #[serde(default = "default_clock")]
    pub clock: Clock,
    /// Whether customer-side pauses stop it (L3.4: remote access and restore).
    #[serde(default)]
    pub pauses: bool,
    /// The letter says "immediately": `within` is replaced by the interpretation's tolerance.
    #[serde(default)]
    pub immediate: bool,
}

fn default_clock() -> Clock {
    Clock::TwentyFourSeven
}

/// Facts that select a priority level; every condition given must hold, none = always.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    /// The system is (or is not) usable at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_usable: Option<bool>,
    /// The system is (or is not) seriously damaged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seriously_damaged: Option<bool>,
    /// More than this percentage of mailboxes is affected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mailboxes_over_pct: Option<u32>,
}

/// A priority level: its id (what a customer declares), name, criteria and commitments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Id used in `declared_priority`, e.g. `"urgent"`.
    pub id: String,
    /// Name shown to people.
    pub name: Text,
    /// Clause defining the level, e.g. `"L3.3a"`.
    pub clause: String,
    /// When the facts suggest this level (levels are tried in order, most severe first).
    #[serde(default)]
    pub when: Criteria,
    /// What the vendor commits to at this level.
    pub commitments: Vec<CommitmentSpec>,
}

/// How penalty periods are counted (L4.2 and its alternatives).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PenaltyDays {
    /// Every started period of the interruption counts in full (default).
    StartedPeriods,
    /// Only time past the restore deadline counts, in started periods.
    PastDeadline,
    /// Whole periods only (rounded down).
    WholeDays,
    /// Exact share of a period, to the second.
    ProRata,
    /// Every calendar day (UTC+08:00) the interruption touches.
    CalendarDays,
}

/// The period a penalty rate is quoted per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// Per 24-hour day.
    Day,
    /// Per hour.
    Hour,
}

impl Per {
    /// Seconds in one period.
    pub fn seconds(self) -> i64 {
        match self {
            Per::Day => crate::time::DAY,
            Per::Hour => 3600,
        }
    }
}

/// L4.2 and L4.3: the liquidated damages for a missed restore deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PenaltyRule {
    /// Rate in basis points of the contract price per period (L4.2: 25 = 0.25 %).
    pub rate_bp: u32,
    /// The period the rate is per.
    pub per: Per,
    /// How periods are counted.
    #[serde(default = "default_counting")]
    pub counting: PenaltyDays,
    /// Clause of the rate.
    pub clause: String,
    /// Cap in basis points of the contract price (L4.3: 500 = 5 %).
    pub cap_bp: u32,
    /// Clause of the cap.
    pub cap_clause: String,
}

fn default_counting() -> PenaltyDays {
    PenaltyDays::StartedPeriods
}

/// What an excluded cause does to the commitments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// No SLA timer and no penalty (L5.3: outside free maintenance).
    NoSla,
    /// Response timers run; no restore commitment and no penalty (L5.2: best effort).
    BestEffort,
    /// Every deadline is extended by `extend_by`.
    Extend,
}

/// An exclusion clause: causes and their effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// The causes it covers.
    pub causes: Vec<Cause>,
    /// What it does.
    pub effect: Effect,
    /// For `extend`: by how much.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extend_by: Option<Seconds>,
    /// The clause.
    pub clause: String,
}

/// L1.1: the office hours (and so the office-hours clock).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeHoursSpec {
    /// Days open, `"mon"` … `"sun"`.
    pub days: Vec<String>,
    /// Opening time `HH:MM`.
    pub open: String,
    /// Closing time `HH:MM`.
    pub close: String,
    /// Whether PRC statutory holidays and make-up workdays apply.
    #[serde(default = "yes")]
    pub prc_holidays: bool,
    /// Clause.
    pub clause: String,
}

fn yes() -> bool {
    true
}

/// L3.5: periodic remote-monitoring reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    /// One report every this many months, counted from the warranty start.
    pub every_months: u32,
    /// Clause.
    pub clause: String,
}

/// A whole set of contract terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// Short id, e.g. `"eyou-sdju"`.
    pub id: String,
    /// Name shown to people.
    pub name: Text,
    /// Office hours (L1.1).
    pub office_hours: OfficeHoursSpec,
    /// Priority levels, most severe first; the last is the fallback.
    pub levels: Vec<Level>,
    /// Clause of the customer's duty to state a priority (L3.3).
    pub priority_clause: String,
    /// Clause of the vendor-cause restore commitment and its warranty condition (L4.1).
    pub restore_clause: String,
    /// The damages rule.
    pub penalty: PenaltyRule,
    /// Exclusion clauses.
    #[serde(default)]
    pub exclusions: Vec<Exclusion>,
    /// Force-majeure clause (L5.1).
    pub force_majeure_clause: String,
    /// Customer-pause clause (L3.4).
    pub pause_clause: String,
    /// Monitoring reports, if the contract has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring: Option<Monitoring>,
    /// Clauses of the event levels (L2.1 emergency, L2.2 general, L2.3 consultation), if
    /// the contract has them; else the priority clause is cited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_clauses: Option<EventClauses>,
    /// Clause of the out-of-hours line (L1.2), if any; else the office-hours clause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_hours_clause: Option<String>,
    /// What the levels' criteria count, in the contract's own words (L2.1, L2.2: "most" or
    /// "few" of them affected; a level's `mailboxes_over_pct`): the letter counts mailboxes, a
    /// network contract sites, a hosting contract services, a helpdesk users. Named in both
    /// languages, plural (`{"zh": "用户", "en": "users"}`); none: mailboxes, as the letter.
    /// The case keeps the share in `facts.mailboxes_affected_pct` whatever it counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Text>,
}

/// What the letter's criteria count (L2.1): mailboxes.
pub const MAILBOXES: (&str, &str) = ("邮箱", "mailboxes");

/// The clauses defining event levels (L2.1–L2.3 in the letter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventClauses {
    /// Emergency event (majority affected).
    pub emergency: String,
    /// General event (minority affected).
    pub general: String,
    /// Consultation.
    pub consultation: String,
}

impl Terms {
    /// The clause cited for an event level.
    pub fn event_clause(&self, level: EventLevel) -> String {
        use EventLevel as E;
        match (&self.event_clauses, level) {
            (Some(c), E::Emergency) => c.emergency.clone(),
            (Some(c), E::General) => c.general.clone(),
            (Some(c), E::Consultation) => c.consultation.clone(),
            (None, _) => self.priority_clause.clone(),
        }
    }

    /// The clause cited for a report reaching the out-of-hours line.
    pub fn after_hours(&self) -> String {
        self.after_hours_clause
            .clone()
            .unwrap_or_else(|| self.office_hours.clause.clone())
    }
}

impl Terms {
    /// The built-in terms named `id` (read from their JSON once, then copied).
    pub fn preset(id: &str) -> Option<Terms> {
        static LETTER: std::sync::OnceLock<Option<Terms>> = std::sync::OnceLock::new();
        match id {
            // Read through `TermsSpec`, the same path as inline terms in a case, so that the
            // reader of the terms tree exists once in the wasm build.
            PRESET_EYOU_SDJU => LETTER
                .get_or_init(|| match serde_json::from_str(EYOU_SDJU_JSON) {
                    Ok(TermsSpec::Inline(t)) => Some(*t),
                    _ => None,
                })
                .clone(),
            _ => None,
        }
    }

    /// The level with this id.
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == id)
    }

    /// The exclusion covering `cause`, if any.
    pub fn exclusion(&self, cause: Cause) -> Option<&Exclusion> {
        self.exclusions.iter().find(|e| e.causes.contains(&cause))
    }

    /// What the levels' criteria count, in Chinese and English ([`Terms::measure`]; the
    /// letter's mailboxes when the terms name nothing).
    pub fn measure_words(&self) -> (&str, &str) {
        match &self.measure {
            Some(m) => (m.zh.trim(), m.en.trim()),
            None => MAILBOXES,
        }
    }

    /// Checks the terms themselves; problems are reported under `path` (`terms`).
    pub fn check(&self, path: &str, errs: &mut Vec<crate::error::CaseError>) {
        use crate::error::CaseError;
        if self.id.trim().is_empty() {
            errs.push(CaseError::at(format!("{path}.id"), Problem::Empty));
        }
        if let Some(m) = &self.measure {
            for (lang, word) in [("zh", &m.zh), ("en", &m.en)] {
                if word.trim().is_empty() {
                    errs.push(CaseError::at(
                        format!("{path}.measure.{lang}"),
                        Problem::Empty,
                    ));
                }
            }
        }
        if self.levels.is_empty() {
            errs.push(CaseError::at(format!("{path}.levels"), Problem::Empty));
        }
        let mut seen = std::collections::HashSet::new();
        for (n, l) in self.levels.iter().enumerate() {
            if l.id.trim().is_empty() {
                errs.push(CaseError::at(
                    format!("{path}.levels[{n}].id"),
                    Problem::Empty,
                ));
            } else if !seen.insert(l.id.as_str()) {
                errs.push(CaseError::at(
                    format!("{path}.levels[{n}].id"),
                    Problem::DuplicateId(l.id.clone()),
                ));
            }
            if let Some(p) = l.when.mailboxes_over_pct.filter(|p| *p > 100) {
                errs.push(CaseError::at(
                    format!("{path}.levels[{n}].when.mailboxes_over_pct"),
                    Problem::OutOfRange {
                        min: 0,
                        max: 100,
                        value: p,
                    },
                ));
            }
            for (k, c) in l.commitments.iter().enumerate() {
                if c.within.0 <= 0 && !c.immediate {
                    errs.push(CaseError::at(
                        format!("{path}.levels[{n}].commitments[{k}].within"),
                        Problem::NotPositive,
                    ));
                }
            }
        }
        if self.penalty.cap_bp > 10_000 {
            errs.push(CaseError::at(
                format!("{path}.penalty.cap_bp"),
                Problem::OutOfRange {
                    min: 0,
                    max: 10_000,
                    value: self.penalty.cap_bp,
                },
            ));
        }
        if self.penalty.rate_bp > 10_000 {
            errs.push(CaseError::at(
                format!("{path}.penalty.rate_bp"),
                Problem::OutOfRange {
                    min: 0,
                    max: 10_000,
                    value: self.penalty.rate_bp,
                },
            ));
        }
        for (n, e) in self.exclusions.iter().enumerate() {
            if e.effect == Effect::Extend && e.extend_by.is_none() {
                errs.push(CaseError::at(
                    format!("{path}.exclusions[{n}].extend_by"),
                    Problem::MissingField("extend_by".into()),
                ));
            }
        }
        if let Some(m) = &self.monitoring {
            if !(1..=24).contains(&m.every_months) {
                errs.push(CaseError::at(
                    format!("{path}.monitoring.every_months"),
                    Problem::OutOfRange {
                        min: 1,
                        max: 24,
                        value: m.every_months,
                    },
                ));
            }
        }
        let oh = &self.office_hours;
        for (n, d) in oh.days.iter().enumerate() {
            if weekday(d).is_none() {
                errs.push(CaseError::at(
                    format!("{path}.office_hours.days[{n}]"),
                    Problem::UnknownValue {
                        found: d.clone(),
                        expected: "\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\""
                            .into(),
                    },
                ));
            }
        }
        let before = errs.len();
        for (name, t) in [("open", &oh.open), ("close", &oh.close)] {
            // 24:00 ends a day; it cannot open one.
            let read = clock_time(t).filter(|&s| name == "close" || s < 24 * 3600);
            if read.is_none() {
                errs.push(CaseError::at(
                    format!("{path}.office_hours.{name}"),
                    Problem::NotAClockTime(t.clone()),
                ));
            }
        }
        // Hours that read one by one but make no office (no day at all, say):
        // refused here, as the assessment would refuse them (L1.1).
        if errs.len() == before && oh.calendar(true).is_none() {
            errs.push(CaseError::at(
                format!("{path}.office_hours"),
                Problem::NotAClockTime(format!("{}–{}", oh.open, oh.close)),
            ));
        }
    }
}

/// A weekday from its three-letter English name (`"mon"`).
pub fn weekday(name: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    Some(match name.trim().to_ascii_lowercase().as_str() {
        "mon" => Mon,
        "tue" => Tue,
        "wed" => Wed,
        "thu" => Thu,
        "fri" => Fri,
        "sat" => Sat,
        "sun" => Sun,
        _ => return None,
    })
}

/// Seconds after midnight of a time of day `HH:MM` (`24:00` allowed as the end of a day).
pub fn clock_time(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 3600 + m * 60)
}

impl OfficeHoursSpec {
    /// The office-hours calendar this describes (L1.1): the weekly hours in Asia/Shanghai,
    /// with the PRC statutory holidays and make-up workdays unless `plain`. `None` when a day
    /// or time does not read, or the office never opens.
    pub fn calendar(&self, plain: bool) -> Option<crate::calendar::Calendar> {
        self.calendar_with(plain, &[])
    }

    /// [`OfficeHoursSpec::calendar`] with a case's holiday rulings added to the PRC table
    /// (they apply where the PRC table does: not to plain weekdays).
    pub fn calendar_with(
        &self,
        plain: bool,
        rulings: &[crate::calendar::HolidayRuling],
    ) -> Option<crate::calendar::Calendar> {
        use crate::calendar::{Calendar, DayTable, Span, WeeklyHours, Zone};
        let (open, close) = (clock_time(&self.open)?, clock_time(&self.close)?);
        let mut hours = WeeklyHours::closed();
        for d in &self.days {
            let day = weekday(d)?.num_days_from_monday() as usize;
            // An evening-to-morning shift (close before open) crosses midnight.
            hours.add(day, Span::new(open, close).ok()?);
        }
        if hours.is_closed() {
            return None;
        }
        let days = if plain || !self.prc_holidays {
            DayTable::none()
        } else {
            let mut t = DayTable::prc();
            t.add_rulings(rulings);
            t
        };
        Some(Calendar::new(Zone::asia_shanghai(), hours, days))
    }
}

/// The case's `terms`: a preset id or an inline object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermsSpec {
    /// A built-in preset, by id (`"eyou-sdju"`).
    Preset(String),
    /// Terms written out in the case.
    Inline(Box<Terms>),
}

impl TermsSpec {
    /// The id of the terms.
    pub fn id(&self) -> &str {
        match self {
            TermsSpec::Preset(id) => id,
            TermsSpec::Inline(t) => &t.id,
        }
    }

    /// The terms themselves; `None` for an unknown preset.
    pub fn resolve(&self) -> Option<Terms> {
        match self {
            TermsSpec::Preset(id) => Terms::preset(id),
            TermsSpec::Inline(t) => Some((**t).clone()),
        }
    }
}

impl Serialize for TermsSpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            TermsSpec::Preset(id) => s.serialize_str(id),
            TermsSpec::Inline(t) => t.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for TermsSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = TermsSpec;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a preset id such as \"eyou-sdju\" or a terms object")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<TermsSpec, E> {
                Ok(TermsSpec::Preset(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<TermsSpec, A::Error> {
                Terms::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|t| TermsSpec::Inline(Box::new(t)))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letter_ships_as_data() {
        let t = Terms::preset("eyou-sdju").expect("preset reads");
        assert_eq!(t.levels.len(), 3);
        assert_eq!(t.levels[0].id, "urgent");
        assert_eq!(t.penalty.rate_bp, 25);
        assert_eq!(t.penalty.cap_bp, 500);
        let mut errs = Vec::new();
        t.check("terms", &mut errs);
        assert!(errs.is_empty(), "{errs:?}");
    }
}
