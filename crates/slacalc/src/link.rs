//! Share links: a whole case in the URL fragment (`#c=…`, never sent to a server), with the
//! rules version and a short digest of the result it gave when the link was made, so that a
//! link reopens the same case years later and says so if the rules have changed since.
//!
//! Format: `1` (link format version) followed by base64url (no padding) of the raw-DEFLATE
//! compressed JSON `{"rules": "2", "digest": "…", "as_of": "…", "case": {…}}`.

use crate::assess::{Assessment, IncidentResult};
use crate::case::Case;
use crate::error::CaseError;
use crate::time::Instant;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Version character of the link format.
pub const LINK_FORMAT: char = '1';

/// Longest link fragment accepted, in bytes (after `#c=`).
pub const MAX_LINK_BYTES: usize = 64 * 1024;

/// Largest decompressed payload accepted, in bytes.
pub const MAX_PAYLOAD_BYTES: usize = 1024 * 1024;

/// Why a link cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LinkError {
    /// Nothing after `#c=`.
    #[error("the link holds no case")]
    Empty,
    /// Longer than [`MAX_LINK_BYTES`].
    #[error("the link is longer than 64 KB")]
    TooLong,
    /// Made by a newer (or unknown) link format.
    #[error("the link format \"{0}\" is not known to this version")]
    UnknownFormat(String),
    /// Not base64url text.
    #[error("the link is damaged (not base64url text)")]
    NotBase64,
    /// Not DEFLATE data, or larger than allowed when unpacked.
    #[error("the link is damaged (cannot be unpacked)")]
    NotCompressed,
    /// Unpacked, but not the link's JSON.
    #[error("the link is damaged: {0}")]
    NotJson(String),
    /// A case that does not pass the case reader.
    #[error("the case in the link is not valid: {}", first(.0))]
    Case(Vec<CaseError>),
}

fn first(errs: &[CaseError]) -> String {
    errs.first().map(|e| e.en()).unwrap_or_default()
}

impl LinkError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            LinkError::Empty => "链接中没有案例".into(),
            LinkError::TooLong => "链接超过 64 KB".into(),
            LinkError::UnknownFormat(v) => format!("本版本不认识链接格式 \"{v}\""),
            LinkError::NotBase64 => "链接已损坏(不是 base64url 文本)".into(),
            LinkError::NotCompressed => "链接已损坏(无法解压)".into(),
            LinkError::NotJson(m) => format!("链接已损坏:{m}"),
            LinkError::Case(errs) => format!(
                "链接中的案例无效:{}",
                errs.first().map(|e| e.zh()).unwrap_or_default()
            ),
        }
    }
}

/// What a link carries besides the case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    rules: String,
    digest: String,
    as_of: Instant,
    #[serde(default)]
    recorded: Recorded,
    case: serde_json::Value,
}

/// The result as it was when the link was made, in brief: enough to show it beside today's
/// when the rules have changed since.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recorded {
    /// Total damages due after the cap (yuan, two decimals).
    pub penalty: String,
    /// Damages before the cap.
    pub uncapped: String,
    /// Per incident: `id`, coverage, penalty periods, amount applied.
    pub incidents: Vec<(String, String, String, String)>,
    /// What the verdict card shows before the engine has loaded (issue #17;
    /// `static/verdict.js` reads it): the one incident's [`card`], or for several the count
    /// of missed deadlines. Empty in links made before it existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<String>,
}

/// One incident's verdict in brief, for the card painted before the engine arrives:
/// `priority|event level|clauses|deadlines`, short because a one-incident link stays within
/// 400 characters. The priority is the level's id in the terms (L3.3); the event level (L2)
/// `e` emergency, `g` general, `c` consultation; the clauses are the ids the result cites
/// ([`IncidentResult::cited_clauses`]), space-separated, the letter's without their `L`
/// (`3.3a` is `L3.3a`) and any other id that starts with a digit behind a `'`; each deadline
/// is `<kind><status>[<late seconds>]`, one after the other: kind `p` phone response, `a` remote
/// access (L3.3a/b), `r` response (L3.3c), `s` restore (L4.1); status `+` met, `-` missed,
/// `?` pending. The worked example's: `urgent|e|1.2 2.1 3.3 3.3a 4.1 4.2 4.3|p+a+s-103800`.
/// A link of several incidents carries one card instead, `#<missed deadlines>` (`#3`): a
/// ledger's verdict card counts incidents and missed deadlines, and the link stays short.
pub fn card(r: &IncidentResult) -> String {
    use crate::deadline::Status;
    use crate::vocab::DeadlineKind;
    let deadlines: Vec<String> = r
        .deadlines
        .iter()
        .map(|d| {
            let kind = match d.kind {
                DeadlineKind::PhoneResponse => 'p',
                DeadlineKind::RemoteAccess => 'a',
                DeadlineKind::Response => 'r',
                DeadlineKind::Restore => 's',
            };
            let status = match d.status {
                Status::Met => '+',
                Status::Missed => '-',
                Status::Pending => '?',
            };
            if d.late_seconds > 0 {
                format!("{kind}{status}{}", d.late_seconds)
            } else {
                format!("{kind}{status}")
            }
        })
        .collect();
    let clauses: Vec<String> = r
        .cited_clauses()
        .into_iter()
        .map(|id| match id.strip_prefix('L') {
            Some(n) if n.starts_with(|c: char| c.is_ascii_digit()) => n.to_string(),
            _ if id.starts_with(|c: char| c.is_ascii_digit()) => format!("'{id}"),
            _ => id,
        })
        .collect();
    let level = match r.event_level {
        crate::vocab::EventLevel::Emergency => 'e',
        crate::vocab::EventLevel::General => 'g',
        crate::vocab::EventLevel::Consultation => 'c',
    };
    format!(
        "{}|{level}|{}|{}",
        r.priority,
        clauses.join(" "),
        deadlines.concat()
    )
}

impl Recorded {
    /// The brief of an assessment.
    pub fn of(a: &Assessment) -> Recorded {
        Recorded {
            penalty: a.total.penalty.to_string(),
            uncapped: a.total.uncapped.to_string(),
            incidents: a
                .incidents
                .iter()
                .map(|r| {
                    let cov = r.coverage.id().to_string();
                    (
                        r.id.clone(),
                        cov,
                        r.penalty.periods_exact.clone(),
                        r.penalty.applied.to_string(),
                    )
                })
                .collect(),
            cards: match a.incidents.as_slice() {
                [one] => vec![card(one)],
                [] => Vec::new(),
                // A ledger's card counts incidents and missed deadlines only.
                _ => vec![format!("#{}", a.missed_deadlines())],
            },
        }
    }
}

/// A link, opened: the case, the moment it was assessed at, and what it said then.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The case.
    pub case: Case,
    /// The assessment time recorded in the link (pending deadlines are judged at it).
    pub as_of: Instant,
    /// The rules version that made the link.
    pub rules: String,
    /// The digest of the result when the link was made.
    pub digest: String,
    /// The result in brief when the link was made.
    pub recorded: Recorded,
}

/// Field names and their short forms in a link (short forms are upper case; no case field
/// is, so the mapping is reversible).
const KEYS: [(&str, &str); 38] = [
    ("version", "A"),
    ("terms", "B"),
    ("interpretation", "C"),
    ("contract", "D"),
    ("price", "E"),
    ("currency", "F"),
    ("warranty_start", "G"),
    ("warranty_end", "H"),
    ("incidents", "I"),
    ("id", "J"),
    ("reported_at", "K"),
    ("declared_priority", "L"),
    ("facts", "M"),
    ("mailboxes_affected_pct", "N"),
    ("system_usable", "O"),
    ("seriously_damaged", "P"),
    ("kind", "Q"),
    ("cause", "R"),
    ("force_majeure", "S"),
    ("customer_pauses", "T"),
    ("interrupted_from", "U"),
    ("restored_at", "V"),
    ("phone_response_at", "W"),
    ("remote_access_at", "X"),
    ("response_at", "Y"),
    ("start", "Z"),
    ("end", "AA"),
    ("monitoring_reports", "AB"),
    ("period", "AC"),
    ("delivered_at", "AD"),
    ("rules", "AE"),
    ("digest", "AF"),
    ("as_of", "AG"),
    ("case", "AH"),
    ("recorded", "AI"),
    ("uncapped", "AJ"),
    ("cards", "AK"),
    ("penalty", "AL"),
];

/// A time written `YYYY-MM-DDThh:mm:00+08:00` becomes `~YYYYMMDDhhmm`; a text that starts
/// with `~` gets a second `~`. Everything else is kept.
fn squeeze_text(s: &str) -> String {
    let b = s.as_bytes();
    let shape = b.len() == 25
        && s.ends_with(":00+08:00")
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':';
    let digits: String = s.chars().take(16).filter(|c| c.is_ascii_digit()).collect();
    if shape && digits.len() == 12 {
        format!("~{digits}")
    } else if s.starts_with('~') {
        format!("~{s}")
    } else {
        s.to_string()
    }
}

fn expand_text(s: &str) -> String {
    if let Some(rest) = s.strip_prefix("~~") {
        return format!("~{rest}");
    }
    match s.strip_prefix('~') {
        Some(d) if d.len() == 12 && d.bytes().all(|c| c.is_ascii_digit()) => format!(
            "{}-{}-{}T{}:{}:00+08:00",
            &d[0..4],
            &d[4..6],
            &d[6..8],
            &d[8..10],
            &d[10..12]
        ),
        _ => s.to_string(),
    }
}

/// Shortens field names and times (see [`KEYS`], `squeeze_text`); `expand` undoes it.
fn squeeze(v: serde_json::Value, expand: bool) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let key = KEYS
                        .iter()
                        .find(|(long, short)| if expand { *short == k } else { *long == k })
                        .map_or(k.clone(), |(long, short)| {
                            if expand {
                                long.to_string()
                            } else {
                                short.to_string()
                            }
                        });
                    (key, squeeze(v, expand))
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(|v| squeeze(v, expand)).collect()),
        Value::String(s) if expand => Value::String(expand_text(&s)),
        Value::String(s) => Value::String(squeeze_text(&s)),
        other => other,
    }
}

/// 64-bit FNV-1a: enough to tell one result from another (it guards against change, not
/// against forgery), and a few lines instead of a hash crate in the page.
struct Fnv(u64);

impl Fnv {
    fn update(&mut self, text: String) {
        for b in text.bytes() {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// A short digest (16 hex digits) of what a result says: every incident's coverage,
/// deadlines and damages, and the totals.
pub fn digest(a: &Assessment) -> String {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    for r in &a.incidents {
        h.update(format!("{}|{}|{:?}|", r.id, r.priority, r.coverage));
        for d in &r.deadlines {
            h.update(format!("{:?}@{}:{:?}|", d.kind, d.due.secs(), d.status));
        }
        h.update(format!(
            "{}|{}|{};",
            r.penalty.periods_exact, r.penalty.amount, r.penalty.applied
        ));
    }
    h.update(format!(
        "{}|{}|{}",
        a.total.penalty, a.total.uncapped, a.total.cap
    ));
    format!("{:016x}", h.0)
}

/// The fragment value (after `#c=`) for a case and its assessment.
pub fn encode(case: &Case, a: &Assessment) -> String {
    let payload = Payload {
        rules: a.rules_version.to_string(),
        digest: digest(a),
        as_of: a.as_of,
        recorded: Recorded::of(a),
        case: serde_json::to_value(case).unwrap_or_default(),
    };
    let json = serde_json::to_value(&payload)
        .map(|v| squeeze(v, false).to_string())
        .unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 10);
    format!("{LINK_FORMAT}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// A whole share URL: `base` (the page's address) with the case in its fragment.
pub fn url(base: &str, case: &Case, a: &Assessment) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#c={}", encode(case, a))
}

/// Opens a fragment value (with or without a leading `#c=` / `c=`). Never panics: any text
/// gives a case or a [`LinkError`].
pub fn decode(fragment: &str) -> Result<Opened, LinkError> {
    let text = fragment.trim();
    let text = text.strip_prefix('#').unwrap_or(text);
    let text = text
        .split('&')
        .find_map(|p| p.strip_prefix("c="))
        .unwrap_or(text);
    if text.is_empty() {
        return Err(LinkError::Empty);
    }
    if text.len() > MAX_LINK_BYTES {
        return Err(LinkError::TooLong);
    }
    let mut chars = text.chars();
    let format = chars.next().ok_or(LinkError::Empty)?;
    if format != LINK_FORMAT {
        return Err(LinkError::UnknownFormat(format.to_string()));
    }
    let packed = URL_SAFE_NO_PAD
        .decode(chars.as_str())
        .map_err(|_| LinkError::NotBase64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_PAYLOAD_BYTES)
        .map_err(|_| LinkError::NotCompressed)?;
    let json = String::from_utf8(json).map_err(|_| LinkError::NotJson("not UTF-8 text".into()))?;
    let raw: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| LinkError::NotJson(e.to_string()))?;
    let payload: Payload = serde_json::from_value(squeeze(raw, true))
        .map_err(|e| LinkError::NotJson(e.to_string()))?;
    let case = crate::validate::parse_case(&payload.case.to_string()).map_err(LinkError::Case)?;
    Ok(Opened {
        case,
        as_of: payload.as_of,
        rules: payload.rules,
        digest: payload.digest,
        recorded: payload.recorded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn worked() -> (Case, Assessment) {
        let case =
            crate::validate::parse_case(include_str!("../../../examples/worked-example.json"))
                .unwrap_or_else(|e| panic!("{e:?}"));
        let as_of = Instant::parse("2026-01-01T00:00:00+08:00").unwrap_or_else(|e| panic!("{e}"));
        let a = crate::assess::assess(&case, as_of).unwrap_or_else(|e| panic!("{e:?}"));
        (case, a)
    }

    #[test]
    fn a_link_reopens_the_same_case_and_result() {
        let (case, a) = worked();
        let link = url("https://example.invalid/slacalc/#old", &case, &a);
        assert!(link.starts_with("https://example.invalid/slacalc/#c=1"));
        let fragment = link.split_once('#').map_or(0, |x| x.1.len());
        assert!(fragment < 400, "{fragment} chars");
        let opened = decode(link.split_once('#').map(|x| x.1).unwrap_or(""))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(opened.case, case);
        assert_eq!(opened.as_of, a.as_of);
        assert_eq!(opened.digest, digest(&a));
        assert_eq!(opened.rules, crate::assess::RULES_VERSION);
        assert_eq!(opened.recorded, Recorded::of(&a));
    }

    #[test]
    fn the_brief_carries_the_verdict_card() {
        // The worked example (examples/worked-example.json): urgent, an emergency event (L2.1),
        // reported outside office hours (L1.2), the priority stated by the customer (L3.3),
        // phone response and remote access met, restore missed by 28 h 50 min (103,800 s).
        let (_, a) = worked();
        assert_eq!(
            Recorded::of(&a).cards,
            ["urgent|e|1.2 2.1 3.3 3.3a 4.1 4.2 4.3|p+a+s-103800"]
        );
    }

    #[test]
    fn a_link_from_older_rules_still_opens_with_its_recorded_result() {
        // Simulate a link made by a build whose rules gave another result: rules "1", and
        // one penalty day less (¥2,500.00 instead of ¥5,000.00).
        let (case, mut old) = worked();
        old.rules_version = "1";
        old.incidents[0].penalty.days = 1;
        old.incidents[0].penalty.periods_exact = "1".into();
        old.incidents[0].penalty.applied = crate::money::Fen(250_000);
        old.total.penalty = crate::money::Fen(250_000);
        let fragment = encode(&case, &old);
        let opened = decode(&fragment).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(opened.case, case);
        assert_eq!(opened.rules, "1");
        assert_eq!(opened.recorded.penalty, "2500.00");
        let today =
            crate::assess::assess(&opened.case, opened.as_of).unwrap_or_else(|e| panic!("{e:?}"));
        assert_ne!(
            digest(&today),
            opened.digest,
            "today's rules give another result"
        );
        assert_eq!(today.total.penalty.to_string(), "5000.00");
    }

    #[test]
    fn texts_that_look_like_short_times_survive() {
        for s in [
            "~202503030810",
            "~~x",
            "~",
            "2025-03-03T08:10:30+08:00",
            "2025-03-03T08:10:00Z",
        ] {
            assert_eq!(expand_text(&squeeze_text(s)), s);
        }
        assert_eq!(squeeze_text("2025-03-03T08:10:00+08:00"), "~202503030810");
    }

    #[test]
    fn any_text_gives_a_case_or_an_error() {
        for bad in [
            "",
            "#c=",
            "c=2abc",
            "c=1!!!",
            "c=1AAAA",
            "1eJzLSM3JyQcABiwCFQ",
            "#c=1%%",
        ] {
            assert!(decode(bad).is_err(), "{bad}");
        }
        assert_eq!(decode(&"1".repeat(70_000)), Err(LinkError::TooLong));
    }
}
