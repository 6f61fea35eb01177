//! Case format v1: the one JSON document every front end reads (page, CLI, share links).
//! It holds the contract (L6: price and warranty period) and the incidents with their facts.

use crate::error::Problem;
use crate::money::Fen;
use crate::time::Instant;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The only case format version this build reads.
pub const CASE_VERSION: u32 = 1;

/// What caused the fault (L4.1, L5.2, L5.3); its home is [`crate::vocab`].
pub use crate::vocab::Cause;

/// Id of the built-in terms of the letter; its home is [`crate::terms`].
pub use crate::terms::PRESET_EYOU_SDJU;

/// How the vague words of the letter are read, and its switches; their home is
/// [`crate::interpretation`].
pub use crate::interpretation::{
    CapScope, Clocks, ConsultationRule, Extension, Interpretation, OfficeCalendar, PauseRule,
    PrioritySource, RestoreFrom,
};

/// A whole case: one contract and its incidents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Format version; must be 1.
    pub version: u32,
    /// The terms: the id of a built-in preset (`"eyou-sdju"`) or an inline terms object.
    pub terms: crate::terms::TermsSpec,
    /// How the vague words of the letter are read (see `CLAUSES.md`); defaults when absent.
    #[serde(default, skip_serializing_if = "Interpretation::is_default")]
    pub interpretation: Interpretation,
    /// The contract the letter belongs to (L6).
    pub contract: Contract,
    /// The incidents under this contract.
    #[serde(default)]
    pub incidents: Vec<Incident>,
    /// Monitoring reports delivered so far (L3.5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monitoring_reports: Vec<MonitoringReport>,
    /// Holiday rulings beyond the built-in PRC table (L1.1), e.g. the next year's State
    /// Council notice; absent when there are none, so older cases and links are unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<HolidayRuling>,
}

/// A holiday ruling of the case (L1.1); its home is [`crate::calendar::rulings`].
pub use crate::calendar::rulings::{HolidayRuling, RulingKind};

/// A delivered remote-monitoring report (L3.5): which period it covers and when it came.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonitoringReport {
    /// The period, counted from 1 at the warranty start.
    pub period: u32,
    /// When the customer received it.
    pub delivered_at: Instant,
}

/// The contract's total price and warranty period (L6, L4.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    /// Total contract price, the base of L4.2 and L4.3, e.g. `"1000000.00"`.
    pub price: Fen,
    /// Currency of the price; only `"CNY"` is supported.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// First day of the warranty period (inclusive, Asia/Shanghai date).
    #[serde(with = "crate::time::date")]
    pub warranty_start: NaiveDate,
    /// Last day of the warranty period (inclusive).
    #[serde(with = "crate::time::date")]
    pub warranty_end: NaiveDate,
}

fn default_currency() -> String {
    "CNY".to_string()
}

/// L2.3 versus L2.1/L2.2: is the request a fault or a consultation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// Something is broken.
    Fault,
    /// Help with migration, upgrade, expansion or enhancement (L2.3).
    Consultation,
}

/// Share of mailboxes affected (L2.1/L2.2): a percentage, or the words "most" / "few".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailboxShare {
    /// Percent in hundredths (5050 = 50.5 %), 0–10000.
    Hundredths(u32),
    /// "most": the majority, whatever the threshold.
    Most,
    /// "few": a minority.
    Few,
}

impl MailboxShare {
    /// Parses "75", "50.5", "most", "few".
    pub fn parse(s: &str) -> Option<MailboxShare> {
        let t = s.trim().trim_end_matches('%').trim();
        match t {
            "most" | "多数" => return Some(MailboxShare::Most),
            "few" | "少数" => return Some(MailboxShare::Few),
            _ => {}
        }
        let (int, frac) = t.split_once('.').unwrap_or((t, ""));
        if int.is_empty()
            || int.len() > 3
            || frac.len() > 2
            || !int.chars().all(|c| c.is_ascii_digit())
            || !frac.chars().all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let i: u32 = int.parse().ok()?;
        let mut f = frac.to_string();
        while f.len() < 2 {
            f.push('0');
        }
        let h = i * 100 + f.parse::<u32>().ok()?;
        (h <= 10_000).then_some(MailboxShare::Hundredths(h))
    }

    /// Whether this share is more than `threshold_pct` percent (L2.1 "majority").
    pub fn is_majority(&self, threshold_pct: u32) -> bool {
        match self {
            MailboxShare::Hundredths(h) => *h > threshold_pct * 100,
            MailboxShare::Most => true,
            MailboxShare::Few => false,
        }
    }

    /// "75 %", "50.5 %", "most", "few", for explanations.
    pub fn describe(&self) -> String {
        match self {
            MailboxShare::Hundredths(h) => format!("{} %", pct_text(*h)),
            MailboxShare::Most => "most".into(),
            MailboxShare::Few => "few".into(),
        }
    }
}

/// Hundredths of a percent as the shortest decimal text: 7500 → "75", 5050 → "50.5".
fn pct_text(h: u32) -> String {
    if h % 100 == 0 {
        (h / 100).to_string()
    } else {
        format!("{}.{:02}", h / 100, h % 100)
            .trim_end_matches('0')
            .to_string()
    }
}

impl Serialize for MailboxShare {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            MailboxShare::Hundredths(h) if h % 100 == 0 => s.serialize_u32(h / 100),
            MailboxShare::Hundredths(h) => s.serialize_str(&pct_text(*h)),
            MailboxShare::Most => s.serialize_str("most"),
            MailboxShare::Few => s.serialize_str("few"),
        }
    }
}

impl<'de> Deserialize<'de> for MailboxShare {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ShareVisitor)
    }
}

/// Reads a share from a JSON number or string; errors carry the reader's position.
struct ShareVisitor;

impl ShareVisitor {
    fn read<E: serde::de::Error>(shown: String, text: &str) -> Result<MailboxShare, E> {
        MailboxShare::parse(text).ok_or_else(|| E::custom(Problem::NotAShare(shown)))
    }
}

impl<'de> serde::de::Visitor<'de> for ShareVisitor {
    type Value = MailboxShare;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a percentage 0–100, \"most\" or \"few\"")
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<MailboxShare, E> {
        Self::read(v.to_string(), &v.to_string())
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<MailboxShare, E> {
        Self::read(v.to_string(), &v.to_string())
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<MailboxShare, E> {
        // Only the written digits matter: the shortest text of the number is read exactly
        // (serde_json's own number formatting, no float arithmetic).
        let text = serde_json::Number::from_f64(v).map_or_else(String::new, |n| n.to_string());
        Self::read(text.clone(), &text)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<MailboxShare, E> {
        Self::read(format!("\"{v}\""), v)
    }
}

/// The facts of an incident from which its priority and event level are suggested.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// Share of the system's mailboxes whose mail is affected (L2.1/L2.2).
    pub mailboxes_affected_pct: MailboxShare,
    /// Whether the system can be used normally at all (L3.3a).
    pub system_usable: bool,
    /// Whether the system is seriously damaged: data damage, a core function down (L3.3b).
    pub seriously_damaged: bool,
    /// Fault or consultation (L2.3).
    pub kind: RequestKind,
}

/// A force-majeure event (L5.1): war, fire, flood, typhoon, earthquake, epidemic, coup, …
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForceMajeure {
    /// What happened, e.g. "typhoon".
    pub kind: String,
    /// When it began.
    pub start: Instant,
    /// When it ended.
    pub end: Instant,
}

/// A span during which the customer's side held the work up, e.g. the gateway of L3.4 was down.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pause {
    /// Start of the pause.
    pub start: Instant,
    /// End of the pause.
    pub end: Instant,
}

/// One incident: a report (L1, L3) and what happened after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// The user's own reference, unique in the case.
    pub id: String,
    /// When the vendor received the report (phone, 24×7 line or fax, L1.1–L1.3).
    pub reported_at: Instant,
    /// The priority level the customer stated when reporting (L3.3), by its id in the terms
    /// (`"urgent"`, `"serious"`, `"general"` in the letter), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_priority: Option<String>,
    /// The facts that suggest priority and event level.
    pub facts: Facts,
    /// What caused it (L4.1 vendor cause; L5.2, L5.3 exclusions).
    pub cause: Cause,
    /// Force-majeure events that hindered performance (L5.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub force_majeure: Vec<ForceMajeure>,
    /// Customer-side pauses, e.g. the remote-access gateway unavailable (L3.4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub customer_pauses: Vec<Pause>,
    /// When normal service stopped; absent when service was never interrupted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interrupted_from: Option<Instant>,
    /// When normal service came back (L4.1); absent while still interrupted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored_at: Option<Instant>,
    /// When phone staff responded (L3.3a/b "immediately").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_response_at: Option<Instant>,
    /// When an engineer started work by remote access (L3.3a/b, L3.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_access_at: Option<Instant>,
    /// When support staff responded to a general request (L3.3c).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_at: Option<Instant>,
}
