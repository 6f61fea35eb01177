//! The page's form state: exactly what the user typed, as text, never lost or reformatted,
//! and its translation into a case document (format v1) for the engine to read and judge.

use crate::i18n::lang::Lang;
use serde_json::{json, Map, Value};

/// One editable text field of the form, named by its case field path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The total contract price (yuan).
    Price,
    /// The first day of the warranty.
    WarrantyStart,
    /// The last day of the warranty.
    WarrantyEnd,
    /// Minutes "immediately" allows (L3.3a).
    Tolerance,
    /// The share of users that makes a "majority" (L2.1).
    Threshold,
    /// Whether deadlines follow the declared or the suggested priority (L3.3).
    PrioritySource,
    /// The incident's reference.
    Id,
    /// When the incident was reported (L1).
    ReportedAt,
    /// The priority the customer stated (L3.3).
    DeclaredPriority,
    /// The share of mailboxes affected (L2.1): a percentage, `most` or `few`.
    MailboxesPct,
    /// A fault, or a consultation (L2.3).
    Kind,
    /// What caused it (L5: who answers for it).
    Cause,
    /// When the service was interrupted (L4.1); empty: not interrupted.
    InterruptedFrom,
    /// When normal service came back (L4.1); empty: still down.
    RestoredAt,
    /// When the phone staff responded (L3.3a).
    PhoneResponseAt,
    /// When maintenance by remote access started (L3.3a).
    RemoteAccessAt,
    /// When staff responded to a general request (L3.3c).
    ResponseAt,
}

impl Field {
    /// The case path the engine names in its messages for this field.
    pub fn path(self) -> &'static str {
        match self {
            Field::Price => "contract.price",
            Field::WarrantyStart => "contract.warranty_start",
            Field::WarrantyEnd => "contract.warranty_end",
            Field::Tolerance => "interpretation.immediate_tolerance_minutes",
            Field::Threshold => "interpretation.majority_threshold_pct",
            Field::PrioritySource => "interpretation.priority_source",
            Field::Id => "incidents[0].id",
            Field::ReportedAt => "incidents[0].reported_at",
            Field::DeclaredPriority => "incidents[0].declared_priority",
            Field::MailboxesPct => "incidents[0].facts.mailboxes_affected_pct",
            Field::Kind => "incidents[0].facts.kind",
            Field::Cause => "incidents[0].cause",
            Field::InterruptedFrom => "incidents[0].interrupted_from",
            Field::RestoredAt => "incidents[0].restored_at",
            Field::PhoneResponseAt => "incidents[0].phone_response_at",
            Field::RemoteAccessAt => "incidents[0].remote_access_at",
            Field::ResponseAt => "incidents[0].response_at",
        }
    }

    /// The picker offered beside the field, if it holds a date or a time.
    pub fn picker(self) -> Option<Picker> {
        match self {
            Field::WarrantyStart | Field::WarrantyEnd => Some(Picker::Date),
            Field::ReportedAt
            | Field::InterruptedFrom
            | Field::RestoredAt
            | Field::PhoneResponseAt
            | Field::RemoteAccessAt
            | Field::ResponseAt => Some(Picker::DateTime),
            _ => None,
        }
    }

    /// The element id of the field's input on the page.
    pub fn dom_id(self) -> &'static str {
        match self {
            Field::Price => "contract-price",
            Field::WarrantyStart => "warranty-start",
            Field::WarrantyEnd => "warranty-end",
            Field::Tolerance => "tolerance",
            Field::Threshold => "threshold",
            Field::PrioritySource => "priority-source",
            Field::Id => "incident-id",
            Field::ReportedAt => "reported-at",
            Field::DeclaredPriority => "declared-priority",
            Field::MailboxesPct => "mailboxes-pct",
            Field::Kind => "kind",
            Field::Cause => "cause",
            Field::InterruptedFrom => "interrupted-from",
            Field::RestoredAt => "restored-at",
            Field::PhoneResponseAt => "phone-response-at",
            Field::RemoteAccessAt => "remote-access-at",
            Field::ResponseAt => "response-at",
        }
    }
}

/// The browser picker that may fill a field besides typing (issue #6): a date, or a date and
/// time read as UTC+08:00 wall time like a typed `2025-03-03 08:10`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picker {
    /// A date (`<input type=date>`).
    Date,
    /// A date and a time of day (`<input type=datetime-local>`).
    DateTime,
}

impl Picker {
    /// The `type` of the picker's input element.
    pub fn input_type(self) -> &'static str {
        match self {
            Picker::Date => "date",
            Picker::DateTime => "datetime-local",
        }
    }

    /// What the picker shows for a typed value: the value when it is in the picker's own form
    /// (`2025-03-03` or `2025-03-03 08:10`), else nothing (the typed text stays as it is).
    pub fn shown(self, typed: &str) -> String {
        let t = typed.trim();
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let date_ok = |d: &str| {
            d.len() == 10
                && d.as_bytes()[4] == b'-'
                && d.as_bytes()[7] == b'-'
                && digits(&d[..4])
                && digits(&d[5..7])
                && digits(&d[8..])
        };
        match self {
            Picker::Date if date_ok(t) => t.to_string(),
            Picker::DateTime => match t.split_once([' ', 'T']) {
                Some((d, hm))
                    if date_ok(d)
                        && hm.len() == 5
                        && hm.as_bytes()[2] == b':'
                        && digits(&hm[..2])
                        && digits(&hm[3..]) =>
                {
                    format!("{d}T{hm}")
                }
                _ => String::new(),
            },
            _ => String::new(),
        }
    }

    /// The picker's value as the form's typed text (`2025-03-03T08:10` → `2025-03-03 08:10`).
    pub fn typed(self, picked: &str) -> String {
        let p = picked.trim();
        match self {
            Picker::Date => p.to_string(),
            // A picker may add seconds (`08:10:00`); the form types whole minutes.
            Picker::DateTime => {
                let p = p.replacen('T', " ", 1);
                if p.len() == 19 && p.ends_with(":00") {
                    p[..16].to_string()
                } else {
                    p
                }
            }
        }
    }
}

/// One interpretation switch of `CLAUSES.md` that the page offers beside its clause.
pub struct Switch {
    /// Key inside `interpretation` (`clocks.restore` for a nested one).
    pub key: &'static str,
    /// Case path the engine names in its messages.
    pub path: &'static str,
    /// Element id.
    pub dom: &'static str,
    /// Clause it belongs to.
    pub clause: &'static str,
    /// Label (Chinese, English).
    pub label: (&'static str, &'static str),
    /// Choices (value, Chinese, English); empty = a number typed in.
    pub options: &'static [(&'static str, &'static str, &'static str)],
}

/// The choice that leaves a switch to the terms.
const DEFAULT: (&str, &str, &str) = ("", "默认(按条款)", "default (as the terms say)");

/// The clocks a deadline may run on (the choices of the clock switches).
const CLOCKS: [(&str, &str, &str); 3] = [
    DEFAULT,
    ("24x7", "7×24 小时", "24×7"),
    ("office_hours", "办公时间", "office hours"),
];

/// The switches beyond tolerance, threshold and priority source, in clause order.
pub const SWITCHES: [Switch; 12] = [
    Switch {
        key: "office_calendar",
        path: "interpretation.office_calendar",
        dom: "sw-office-calendar",
        clause: "L1.1",
        label: ("办公时间日历", "Office-hours calendar"),
        options: &[
            DEFAULT,
            ("prc", "法定节假日与调休", "PRC holidays and make-up days"),
            ("plain", "仅周一至周五", "plain Mon–Fri"),
        ],
    },
    Switch {
        key: "consultation",
        path: "interpretation.consultation",
        dom: "sw-consultation",
        clause: "L2.3",
        label: ("咨询的时限", "Consultation timer"),
        options: &[
            ("", "无时限(默认)", "no timer (default)"),
            ("general", "按一般优先级 1 小时", "as general, 1 h"),
        ],
    },
    Switch {
        key: "clocks.phone_response",
        path: "interpretation.clocks.phone_response",
        dom: "sw-clock-phone",
        clause: "L3.3a",
        label: ("电话响应时钟", "Phone-response clock"),
        options: &CLOCKS,
    },
    Switch {
        key: "clocks.remote_access",
        path: "interpretation.clocks.remote_access",
        dom: "sw-clock-remote",
        clause: "L3.3a",
        label: ("远程访问时钟", "Remote-access clock"),
        options: &CLOCKS,
    },
    Switch {
        key: "clocks.response",
        path: "interpretation.clocks.response",
        dom: "sw-clock-response",
        clause: "L3.3c",
        label: ("一般响应时钟", "Response clock"),
        options: &CLOCKS,
    },
    Switch {
        key: "customer_pauses",
        path: "interpretation.customer_pauses",
        dom: "sw-pauses",
        clause: "L3.4",
        label: ("客户方暂停", "Customer pauses"),
        options: &[
            ("", "暂停计时(默认)", "stop the clocks (default)"),
            ("ignore", "不考虑暂停", "ignored"),
        ],
    },
    Switch {
        key: "monitoring_grace_days",
        path: "interpretation.monitoring_grace_days",
        dom: "sw-grace",
        clause: "L3.5",
        label: ("监测报告宽限天数", "Monitoring grace days"),
        options: &[],
    },
    Switch {
        key: "restore_clock_from",
        path: "interpretation.restore_clock_from",
        dom: "sw-restore-from",
        clause: "L4.1",
        label: ("恢复时限起算", "Restore clock from"),
        options: &[
            ("", "报告时间(默认)", "the report (default)"),
            ("interruption", "中断开始", "the interruption"),
        ],
    },
    Switch {
        key: "clocks.restore",
        path: "interpretation.clocks.restore",
        dom: "sw-clock-restore",
        clause: "L4.1",
        label: ("恢复时钟", "Restore clock"),
        options: &CLOCKS,
    },
    Switch {
        key: "penalty_days",
        path: "interpretation.penalty_days",
        dom: "sw-penalty-days",
        clause: "L4.2",
        label: ("违约天数计法", "Counting penalty days"),
        options: &[
            DEFAULT,
            (
                "started_periods",
                "每开始 24 小时计一天",
                "each started 24 h",
            ),
            (
                "past_deadline",
                "只计超时部分",
                "only time past the deadline",
            ),
            ("whole_days", "只计整天", "whole days only"),
            ("pro_rata", "按比例", "pro rata"),
            ("calendar_days", "按涉及的自然日", "calendar days touched"),
        ],
    },
    Switch {
        key: "cap_scope",
        path: "interpretation.cap_scope",
        dom: "sw-cap-scope",
        clause: "L4.3",
        label: ("5 % 上限范围", "Scope of the 5 % cap"),
        options: &[
            ("", "整个合同累计(默认)", "whole contract (default)"),
            ("incident", "每一事件", "each incident"),
        ],
    },
    Switch {
        key: "force_majeure_extension",
        path: "interpretation.force_majeure_extension",
        dom: "sw-fm",
        clause: "L5.1",
        label: ("不可抗力顺延", "Force-majeure extension"),
        options: &[
            ("", "向上取整为整天(默认)", "whole days (default)"),
            ("exact", "按实际时长", "exact duration"),
        ],
    },
];

/// A yes/no fact of the incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// The system can still be used normally (L3.3a).
    SystemUsable,
    /// The system is seriously damaged (L3.3b).
    SeriouslyDamaged,
}

/// A span the user lists: a force-majeure event (with its kind) or a customer pause.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct SpanRow {
    /// The force-majeure event (war, fire, flood, …); unused for a pause.
    pub kind: String,
    /// When it began, as typed.
    pub start: String,
    /// When it ended, as typed.
    pub end: String,
}

/// Which part of a span row is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanPart {
    /// The force-majeure event.
    Kind,
    /// Its start.
    Start,
    /// Its end.
    End,
}

/// Which list of spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanList {
    /// Force majeure (L5.1): extends the deadlines by as long as it lasted.
    ForceMajeure,
    /// Customer-side pauses (L3.4), e.g. the remote-access gateway unavailable.
    Pauses,
}

impl SpanList {
    /// The case path of the list (the engine names its rows' problems under it).
    pub fn path(self) -> &'static str {
        match self {
            SpanList::ForceMajeure => "incidents[0].force_majeure",
            SpanList::Pauses => "incidents[0].customer_pauses",
        }
    }
    /// The prefix of its inputs' element ids (`fm-0-start`, …).
    pub fn dom_prefix(self) -> &'static str {
        match self {
            SpanList::ForceMajeure => "fm",
            SpanList::Pauses => "pause",
        }
    }
}

/// Everything the user typed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FormState {
    /// The total contract price (yuan), as typed.
    pub price: String,
    /// The first day of the warranty.
    pub warranty_start: String,
    /// The last day of the warranty.
    pub warranty_end: String,
    /// Minutes "immediately" allows (L3.3a).
    pub tolerance: String,
    /// The share of users that makes a "majority" (L2.1).
    pub threshold: String,
    /// `declared` or `suggested`: the priority the deadlines follow (L3.3).
    pub priority_source: String,
    /// The incident's reference.
    pub id: String,
    /// When it was reported (L1).
    pub reported_at: String,
    /// The priority the customer stated (empty: none).
    pub declared_priority: String,
    /// The share of mailboxes affected: a percentage, `most` or `few` (L2.1).
    pub mailboxes_pct: String,
    /// The system can still be used normally (L3.3a).
    pub system_usable: bool,
    /// The system is seriously damaged (L3.3b).
    pub seriously_damaged: bool,
    /// `fault` or `consultation` (L2.3).
    pub kind: String,
    /// What caused it (L5).
    pub cause: String,
    /// When the service was interrupted (empty: not interrupted).
    pub interrupted_from: String,
    /// When normal service came back (empty: still down).
    pub restored_at: String,
    /// When the phone staff responded (L3.3a).
    pub phone_response_at: String,
    /// When maintenance by remote access started (L3.3a).
    pub remote_access_at: String,
    /// When staff responded to a general request (L3.3c).
    pub response_at: String,
    /// Force-majeure events (L5.1).
    pub force_majeure: Vec<SpanRow>,
    /// Customer-side pauses (L3.4).
    pub pauses: Vec<SpanRow>,
    /// Values of [`SWITCHES`], in order; empty = the default.
    pub switches: Vec<String>,
    /// Custom terms typed or imported (JSON text), used instead of the preset when set.
    pub custom_terms: Option<String>,
    /// Holiday rulings the user added (L1.1, issue #15): a notice, holiday JSON or iCalendar
    /// file read and confirmed, or a link's. They go into the case's `holidays`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<slacalc::calendar::HolidayRuling>,
    /// A notice text, holiday JSON or iCalendar file pasted or opened, not read yet (kept
    /// with the work like anything typed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub holiday_text: String,
    /// The year for a notice text that names none, as typed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub holiday_year: String,
    /// What reading [`FormState::holiday_text`] found, shown for confirmation before it is
    /// added (issue #15): the rulings, or the problem (Chinese, English). Not kept.
    #[serde(skip)]
    pub holiday_found: Option<Result<Vec<slacalc::calendar::HolidayRuling>, (String, String)>>,
}

impl FormState {
    /// The worked example of `CLAUSES.md`, which the page opens with.
    pub fn worked_example() -> FormState {
        FormState {
            price: "1000000.00".into(),
            warranty_start: "2024-01-01".into(),
            warranty_end: "2026-12-31".into(),
            tolerance: "15".into(),
            threshold: "50".into(),
            priority_source: "declared".into(),
            id: "2025-03-03-mail-down".into(),
            reported_at: "2025-03-03 08:10".into(),
            declared_priority: "urgent".into(),
            mailboxes_pct: "100".into(),
            system_usable: false,
            seriously_damaged: true,
            kind: "fault".into(),
            cause: "vendor".into(),
            interrupted_from: "2025-03-03 08:00".into(),
            restored_at: "2025-03-04 15:00".into(),
            phone_response_at: "2025-03-03 08:12".into(),
            remote_access_at: "2025-03-03 08:35".into(),
            response_at: String::new(),
            force_majeure: vec![],
            pauses: vec![],
            switches: vec![String::new(); SWITCHES.len()],
            custom_terms: None,
            holidays: Vec::new(),
            holiday_text: String::new(),
            holiday_year: String::new(),
            holiday_found: None,
        }
    }

    /// A form with nothing typed in the incident, the contract kept.
    pub fn blank_incident(&self) -> FormState {
        FormState {
            id: "1".into(),
            reported_at: String::new(),
            declared_priority: String::new(),
            mailboxes_pct: String::new(),
            system_usable: true,
            seriously_damaged: false,
            kind: "fault".into(),
            cause: "vendor".into(),
            interrupted_from: String::new(),
            restored_at: String::new(),
            phone_response_at: String::new(),
            remote_access_at: String::new(),
            response_at: String::new(),
            force_majeure: vec![],
            pauses: vec![],
            ..self.clone()
        }
    }

    /// The text of a field.
    pub fn get(&self, f: Field) -> &str {
        match f {
            Field::Price => &self.price,
            Field::WarrantyStart => &self.warranty_start,
            Field::WarrantyEnd => &self.warranty_end,
            Field::Tolerance => &self.tolerance,
            Field::Threshold => &self.threshold,
            Field::PrioritySource => &self.priority_source,
            Field::Id => &self.id,
            Field::ReportedAt => &self.reported_at,
            Field::DeclaredPriority => &self.declared_priority,
            Field::MailboxesPct => &self.mailboxes_pct,
            Field::Kind => &self.kind,
            Field::Cause => &self.cause,
            Field::InterruptedFrom => &self.interrupted_from,
            Field::RestoredAt => &self.restored_at,
            Field::PhoneResponseAt => &self.phone_response_at,
            Field::RemoteAccessAt => &self.remote_access_at,
            Field::ResponseAt => &self.response_at,
        }
    }

    fn get_mut(&mut self, f: Field) -> &mut String {
        match f {
            Field::Price => &mut self.price,
            Field::WarrantyStart => &mut self.warranty_start,
            Field::WarrantyEnd => &mut self.warranty_end,
            Field::Tolerance => &mut self.tolerance,
            Field::Threshold => &mut self.threshold,
            Field::PrioritySource => &mut self.priority_source,
            Field::Id => &mut self.id,
            Field::ReportedAt => &mut self.reported_at,
            Field::DeclaredPriority => &mut self.declared_priority,
            Field::MailboxesPct => &mut self.mailboxes_pct,
            Field::Kind => &mut self.kind,
            Field::Cause => &mut self.cause,
            Field::InterruptedFrom => &mut self.interrupted_from,
            Field::RestoredAt => &mut self.restored_at,
            Field::PhoneResponseAt => &mut self.phone_response_at,
            Field::RemoteAccessAt => &mut self.remote_access_at,
            Field::ResponseAt => &mut self.response_at,
        }
    }

    /// The list of spans of one kind.
    pub fn spans(&self, list: SpanList) -> &[SpanRow] {
        match list {
            SpanList::ForceMajeure => &self.force_majeure,
            SpanList::Pauses => &self.pauses,
        }
    }

    fn spans_mut(&mut self, list: SpanList) -> &mut Vec<SpanRow> {
        match list {
            SpanList::ForceMajeure => &mut self.force_majeure,
            SpanList::Pauses => &mut self.pauses,
        }
    }

    /// Applies one edit.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Set(f, v) => *self.get_mut(f) = v,
            Action::Toggle(Flag::SystemUsable, v) => self.system_usable = v,
            Action::Toggle(Flag::SeriouslyDamaged, v) => self.seriously_damaged = v,
            Action::AddSpan(list) => self.spans_mut(list).push(SpanRow::default()),
            Action::RemoveSpan(list, i) => {
                let v = self.spans_mut(list);
                if i < v.len() {
                    v.remove(i);
                }
            }
            Action::SetSpan(list, i, part, value) => {
                if let Some(row) = self.spans_mut(list).get_mut(i) {
                    match part {
                        SpanPart::Kind => row.kind = value,
                        SpanPart::Start => row.start = value,
                        SpanPart::End => row.end = value,
                    }
                }
            }
            Action::SetSwitch(i, value) => {
                if let Some(v) = self.switches.get_mut(i) {
                    *v = value;
                }
            }
            Action::UseCustomTerms(on) => {
                self.custom_terms = on.then(|| {
                    self.custom_terms
                        .clone()
                        .unwrap_or_else(|| slacalc::terms::EYOU_SDJU_JSON.to_string())
                });
            }
            Action::SetTerms(text) => self.custom_terms = Some(text),
            // What was found was read from the text before: it goes with any change.
            Action::SetHolidayText(text) => {
                self.holiday_text = text;
                self.holiday_found = None;
            }
            Action::SetHolidayYear(year) => {
                self.holiday_year = year;
                self.holiday_found = None;
            }
            Action::HolidaysRead(found) => self.holiday_found = Some(found),
            Action::AddHolidays => {
                if let Some(Ok(found)) = self.holiday_found.take() {
                    self.holidays.extend(found);
                    self.holiday_text.clear();
                }
            }
            Action::DropHolidays => self.holiday_found = None,
            Action::RemoveHoliday(i) => {
                if i < self.holidays.len() {
                    self.holidays.remove(i);
                }
            }
            Action::LoadExample => *self = FormState::worked_example(),
            Action::ClearIncident => *self = self.blank_incident(),
        }
    }

    /// The case document as text: [`FormState::to_case`], with custom terms spliced in as
    /// typed, so that the engine reads them and names any problem under `terms.…`.
    pub fn to_case_text(&self) -> String {
        const MARK: &str = "\u{1}terms\u{1}";
        let mut v = self.to_case();
        match &self.custom_terms {
            Some(text) => {
                v["terms"] = Value::String(MARK.to_string());
                let quoted = Value::String(MARK.to_string()).to_string();
                v.to_string().replacen(&quoted, text, 1)
            }
            None => v.to_string(),
        }
    }

    /// The case document the form describes. Text goes to the engine as typed (typed local
    /// times are written in RFC 3339 in UTC+08:00), so the engine's messages name the field.
    pub fn to_case(&self) -> Value {
        let ts = |s: &str| Value::String(slacalc::time::normalize_typed(s));
        let number_or_text = |s: &str| -> Value {
            let t = s.trim();
            match t.parse::<u64>() {
                Ok(n) => json!(n),
                Err(_) => Value::String(t.to_string()),
            }
        };
        let mut incident = Map::new();
        incident.insert("id".into(), json!(self.id));
        incident.insert("reported_at".into(), ts(&self.reported_at));
        if !self.declared_priority.is_empty() {
            incident.insert("declared_priority".into(), json!(self.declared_priority));
        }
        incident.insert(
            "facts".into(),
            json!({
                "mailboxes_affected_pct": number_or_text(&self.mailboxes_pct),
                "system_usable": self.system_usable,
                "seriously_damaged": self.seriously_damaged,
                "kind": self.kind,
            }),
        );
        incident.insert("cause".into(), json!(self.cause));
        let spans = |list: SpanList, with_kind: bool| -> Value {
            Value::Array(
                self.spans(list)
                    .iter()
                    .map(|r| {
                        let mut m = Map::new();
                        if with_kind {
                            m.insert("kind".into(), json!(r.kind));
                        }
                        m.insert("start".into(), ts(&r.start));
                        m.insert("end".into(), ts(&r.end));
                        Value::Object(m)
                    })
                    .collect(),
            )
        };
        if !self.force_majeure.is_empty() {
            incident.insert("force_majeure".into(), spans(SpanList::ForceMajeure, true));
        }
        if !self.pauses.is_empty() {
            incident.insert("customer_pauses".into(), spans(SpanList::Pauses, false));
        }
        for (name, text) in [
            ("interrupted_from", &self.interrupted_from),
            ("restored_at", &self.restored_at),
            ("phone_response_at", &self.phone_response_at),
            ("remote_access_at", &self.remote_access_at),
            ("response_at", &self.response_at),
        ] {
            if !text.trim().is_empty() {
                incident.insert(name.into(), ts(text));
            }
        }
        let mut interpretation = Map::new();
        interpretation.insert(
            "immediate_tolerance_minutes".into(),
            number_or_text(&self.tolerance),
        );
        interpretation.insert(
            "majority_threshold_pct".into(),
            number_or_text(&self.threshold),
        );
        interpretation.insert("priority_source".into(), json!(self.priority_source));
        let mut clocks = Map::new();
        for (sw, value) in SWITCHES.iter().zip(&self.switches) {
            if value.trim().is_empty() {
                continue;
            }
            let v = if sw.options.is_empty() {
                number_or_text(value)
            } else {
                json!(value)
            };
            match sw.key.strip_prefix("clocks.") {
                Some(kind) => clocks.insert(kind.to_string(), v),
                None => interpretation.insert(sw.key.to_string(), v),
            };
        }
        if !clocks.is_empty() {
            interpretation.insert("clocks".into(), Value::Object(clocks));
        }
        let mut case = json!({
            "version": 1,
            "terms": "eyou-sdju",
            "interpretation": Value::Object(interpretation),
            "contract": {
                "price": self.price,
                "currency": "CNY",
                "warranty_start": self.warranty_start.trim(),
                "warranty_end": self.warranty_end.trim(),
            },
            "incidents": [Value::Object(incident)],
        });
        if !self.holidays.is_empty() {
            case["holidays"] = serde_json::to_value(&self.holidays).unwrap_or_default();
        }
        case
    }
}

/// An edit of the form.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A field typed (or picked).
    Set(Field, String),
    /// A yes/no fact ticked or unticked.
    Toggle(Flag, bool),
    /// A new empty row in a list of spans.
    AddSpan(SpanList),
    /// A row of a list of spans removed.
    RemoveSpan(SpanList, usize),
    /// A part of a span row typed.
    SetSpan(SpanList, usize, SpanPart, String),
    /// An interpretation switch ([`SWITCHES`], by place) set.
    SetSwitch(usize, String),
    /// Custom terms instead of the letter's (they start as the letter's, as JSON), or back.
    UseCustomTerms(bool),
    /// The custom terms' JSON typed.
    SetTerms(String),
    /// Holiday rulings to read typed, pasted or opened from a file (L1.1); what was found
    /// in the text before goes.
    SetHolidayText(String),
    /// The year for a notice that names none typed (what was found before goes).
    SetHolidayYear(String),
    /// What reading the holiday text found (rulings, or the problem in Chinese and English).
    HolidaysRead(Result<Vec<slacalc::calendar::HolidayRuling>, (String, String)>),
    /// The rulings found added to the case's (a later ruling of a day wins); the text read
    /// is cleared.
    AddHolidays,
    /// The rulings found dropped; the text stays for another try.
    DropHolidays,
    /// A ruling of the case removed (by place).
    RemoveHoliday(usize),
    /// The worked example of `CLAUSES.md` back in the form.
    LoadExample,
    /// A blank incident (the contract, terms and switches kept).
    ClearIncident,
}

/// How a case time is shown in the form: `2025-03-03 08:10` when it is a whole minute in
/// UTC+08:00 (the way people type it), else its RFC 3339 text.
pub fn typed_time(t: &slacalc::Instant) -> String {
    let rfc = t.to_string();
    if rfc.ends_with(":00+08:00") && rfc.len() == 25 {
        t.short()
    } else {
        rfc
    }
}

impl FormState {
    /// The form showing a case (its first incident: the page edits one incident at a time).
    pub fn from_case(case: &slacalc::Case) -> FormState {
        let mut f = FormState::worked_example().blank_incident();
        let c = &case.contract;
        f.price = c.price.to_string();
        f.warranty_start = c.warranty_start.to_string();
        f.warranty_end = c.warranty_end.to_string();
        let i = &case.interpretation;
        f.tolerance = i.immediate_tolerance_minutes.to_string();
        f.threshold = i.majority_threshold_pct.to_string();
        let interp = serde_json::to_value(i).unwrap_or_default();
        f.priority_source = interp["priority_source"]
            .as_str()
            .unwrap_or("declared")
            .to_string();
        // A switch at its default shows as "default" (empty), as the form started.
        let defaults =
            serde_json::to_value(slacalc::case::Interpretation::default()).unwrap_or_default();
        f.switches = SWITCHES
            .iter()
            .map(|sw| {
                let v = sw.key.split('.').fold(&interp, |v, k| &v[k]);
                let d = sw.key.split('.').fold(&defaults, |v, k| &v[k]);
                match v {
                    _ if v == d => String::new(),
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    _ => String::new(),
                }
            })
            .collect();
        if let slacalc::terms::TermsSpec::Inline(t) = &case.terms {
            f.custom_terms = serde_json::to_string_pretty(t).ok();
        }
        f.holidays = case.holidays.clone();
        let Some(inc) = case.incidents.first() else {
            return f;
        };
        let opt = |t: &Option<slacalc::Instant>| t.as_ref().map(typed_time).unwrap_or_default();
        f.id = inc.id.clone();
        f.reported_at = typed_time(&inc.reported_at);
        f.declared_priority = inc.declared_priority.clone().unwrap_or_default();
        f.mailboxes_pct = serde_json::to_value(inc.facts.mailboxes_affected_pct)
            .map(|v| match v {
                Value::String(s) => s,
                other => other.to_string(),
            })
            .unwrap_or_default();
        f.system_usable = inc.facts.system_usable;
        f.seriously_damaged = inc.facts.seriously_damaged;
        let word = |v: Value| v.as_str().unwrap_or_default().to_string();
        f.kind = word(serde_json::to_value(inc.facts.kind).unwrap_or_default());
        f.cause = word(serde_json::to_value(inc.cause).unwrap_or_default());
        f.interrupted_from = opt(&inc.interrupted_from);
        f.restored_at = opt(&inc.restored_at);
        f.phone_response_at = opt(&inc.phone_response_at);
        f.remote_access_at = opt(&inc.remote_access_at);
        f.response_at = opt(&inc.response_at);
        f.force_majeure = inc
            .force_majeure
            .iter()
            .map(|e| SpanRow {
                kind: e.kind.clone(),
                start: typed_time(&e.start),
                end: typed_time(&e.end),
            })
            .collect();
        f.pauses = inc
            .customer_pauses
            .iter()
            .map(|p| SpanRow {
                kind: String::new(),
                start: typed_time(&p.start),
                end: typed_time(&p.end),
            })
            .collect();
        f
    }
}

#[cfg(test)]
mod picker_tests {
    use super::Picker;

    #[test]
    fn a_typed_value_in_the_picker_notation_shows_in_the_picker() {
        assert_eq!(
            Picker::DateTime.shown("2025-03-03 08:10"),
            "2025-03-03T08:10"
        );
        assert_eq!(
            Picker::DateTime.shown(" 2025-03-03T08:10 "),
            "2025-03-03T08:10"
        );
        assert_eq!(Picker::Date.shown("2024-01-01"), "2024-01-01");
        // Anything else stays typed only: the picker shows nothing rather than a guess.
        for t in [
            "",
            "2025-03-03",
            "2025-03-03T08:10:00+08:00",
            "03/03/2025 08:10",
            "2025-3-3 8:10",
        ] {
            assert_eq!(Picker::DateTime.shown(t), "", "{t}");
        }
        assert_eq!(Picker::Date.shown("2024-01-01 00:00"), "");
    }

    #[test]
    fn a_picked_value_is_typed_in_the_form_notation() {
        assert_eq!(
            Picker::DateTime.typed("2025-03-03T08:10"),
            "2025-03-03 08:10"
        );
        assert_eq!(
            Picker::DateTime.typed("2025-03-03T08:10:00"),
            "2025-03-03 08:10"
        );
        assert_eq!(Picker::Date.typed("2026-12-31"), "2026-12-31");
        assert_eq!(
            Picker::DateTime.typed(&Picker::DateTime.shown("2025-03-03 08:10")),
            "2025-03-03 08:10"
        );
    }
}

/// The label of the share affected in the terms' own words (#15: what their levels' criteria
/// count, `terms.measure`), in `lang`: "受影响用户 %", "Affected users %"; `None` for terms
/// that name no measure (the letter's mailboxes).
pub fn measure_label(terms: &slacalc::terms::TermsSpec, lang: Lang) -> Option<String> {
    let slacalc::terms::TermsSpec::Inline(t) = terms else {
        return None;
    };
    t.measure.as_ref()?;
    let (zh, en) = t.measure_words();
    Some(match lang {
        Lang::Zh => format!("受影响{zh} %"),
        Lang::En => format!("Affected {en} %"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assess_form(f: &FormState) -> Result<slacalc::Assessment, Vec<slacalc::CaseError>> {
        let as_of = slacalc::Instant::parse("2026-01-01T00:00:00+08:00").expect("time");
        let case = slacalc::parse_case(&f.to_case_text())?;
        slacalc::assess(&case, as_of)
    }

    /// Issue #15: rulings read from a notice are confirmed, added to the case, kept with the
    /// work, carried by the case (and so its link) and read back by `from_case`.
    #[test]
    fn holiday_rulings_are_confirmed_then_carried_by_the_case() {
        use slacalc::calendar::{rulings::notice, Channel};
        const NOTICE: &str = "国务院办公厅关于2027年部分节假日安排的通知\n国办发明电〔2026〕99号\n\
            二、春节:2月5日(周五)至2月12日(周五)放假调休,共8天。2月7日(周日)上班。";
        let mut f = FormState::worked_example();
        for field in [
            Field::ReportedAt,
            Field::PhoneResponseAt,
            Field::RemoteAccessAt,
        ] {
            f.apply(Action::Set(field, "2027-02-08 10:00".into()));
        }
        f.apply(Action::Set(Field::WarrantyEnd, "2027-12-31".into()));
        let at = slacalc::Instant::parse("2027-06-01T00:00:00+08:00").expect("time");
        let assess_at = |f: &FormState| {
            let case = slacalc::parse_case(&f.to_case_text()).expect("case");
            slacalc::assess(&case, at).expect("assessed")
        };
        // Monday 2027-02-08 without rulings: a plain weekday, and the result says so.
        let before = assess_at(&f);
        assert_eq!(before.incidents[0].channel, Channel::OfficeHotline);
        assert_eq!(before.incidents[0].notes.len(), 1);

        f.apply(Action::SetHolidayText(NOTICE.into()));
        let found = notice::read_notice(NOTICE, None, &[]).expect("read");
        f.apply(Action::HolidaysRead(Ok(found.clone())));
        // Read is not added: the case is unchanged until the user confirms.
        assert!(f.holidays.is_empty());
        assert_eq!(assess_at(&f).incidents[0].channel, Channel::OfficeHotline);
        f.apply(Action::AddHolidays);
        assert_eq!(f.holidays, found);
        assert!(f.holiday_text.is_empty() && f.holiday_found.is_none());
        let after = assess_at(&f);
        assert_eq!(after.incidents[0].channel, Channel::Hotline24x7);
        assert!(after.incidents[0].notes.is_empty());

        // The case (and so a link made of it) carries them; the form read back has them.
        let case = slacalc::parse_case(&f.to_case_text()).expect("case");
        assert_eq!(case.holidays, found);
        assert_eq!(FormState::from_case(&case).holidays, found);
        // Kept with the work (the text typed too); what was found is not.
        f.apply(Action::SetHolidayText("2028".into()));
        f.apply(Action::HolidaysRead(Err(("年份".into(), "year".into()))));
        let saved: FormState =
            serde_json::from_str(&serde_json::to_string(&f).expect("json")).expect("reads");
        assert_eq!(saved.holidays, found);
        assert_eq!(saved.holiday_text, "2028");
        assert_eq!(saved.holiday_found, None);
        // Work saved before rulings existed reads with none.
        let mut old = serde_json::to_value(FormState::worked_example()).expect("json");
        old.as_object_mut().map(|o| o.remove("holidays"));
        let old: FormState = serde_json::from_value(old).expect("reads");
        assert!(old.holidays.is_empty());
        // A reading goes when the text it was read from changes; a wrong one is dropped; an
        // added ruling removed.
        f.apply(Action::HolidaysRead(Ok(found.clone())));
        f.apply(Action::SetHolidayText("2029".into()));
        assert_eq!(f.holiday_found, None);
        f.apply(Action::HolidaysRead(Ok(found.clone())));
        f.apply(Action::SetHolidayYear("2029".into()));
        assert_eq!(f.holiday_found, None);
        f.apply(Action::HolidaysRead(Ok(found.clone())));
        f.apply(Action::DropHolidays);
        assert_eq!(f.holiday_found, None);
        f.apply(Action::RemoveHoliday(0));
        f.apply(Action::RemoveHoliday(99));
        assert_eq!(f.holidays.len(), found.len() - 1);
    }

    #[test]
    fn the_share_is_asked_with_the_name_the_terms_give_what_they_count() {
        let read = |text: &str| serde_json::from_str(text).expect("terms");
        let campus = include_str!("../../examples/terms-campus-network.json");
        assert_eq!(
            measure_label(&read(campus), Lang::Zh).as_deref(),
            Some("受影响用户 %")
        );
        assert_eq!(
            measure_label(&read(campus), Lang::En).as_deref(),
            Some("Affected users %")
        );
        // Terms that name no measure, and the letter: the letter's label.
        let unnamed = campus.replace(
            "\"measure\": {\n    \"zh\": \"用户\",\n    \"en\": \"users\"\n  },",
            "",
        );
        assert!(!unnamed.contains("measure"), "{unnamed}");
        assert_eq!(measure_label(&read(&unnamed), Lang::En), None);
        assert_eq!(measure_label(&read("\"eyou-sdju\""), Lang::Zh), None);
    }

    #[test]
    fn custom_terms_are_read_by_the_engine_with_their_paths() {
        let mut f = FormState::worked_example();
        f.apply(Action::UseCustomTerms(true));
        let a = assess_form(&f).expect("the preset as custom terms");
        assert_eq!(a.incidents[0].penalty.amount.to_string(), "5000.00");
        let text = f.custom_terms.clone().unwrap_or_default();
        f.apply(Action::SetTerms(
            text.replace("\"rate_bp\": 25", "\"rate_bp\": 50"),
        ));
        let a = assess_form(&f).expect("custom rate");
        assert_eq!(a.incidents[0].penalty.amount.to_string(), "10000.00");
        f.apply(Action::SetTerms(
            text.replace("\"cap_bp\": 500", "\"cap_bp\": 50000"),
        ));
        let errs = assess_form(&f).expect_err("cap over 100 %");
        assert_eq!(errs[0].path, "terms.penalty.cap_bp");
        f.apply(Action::SetTerms(
            text.replace("\"per\": \"day\"", "\"per\": \"week\""),
        ));
        let errs = assess_form(&f).expect_err("unknown period");
        assert_eq!(errs[0].path, "terms.penalty.per");
        f.apply(Action::UseCustomTerms(false));
        assert!(assess_form(&f).is_ok());
    }

    #[test]
    fn the_opening_form_is_the_worked_example() {
        let a = assess_form(&FormState::worked_example()).expect("valid");
        assert_eq!(a.incidents[0].penalty.amount.to_string(), "5000.00");
        let from_file = slacalc::parse_case(include_str!("../../examples/worked-example.json"))
            .expect("example reads");
        let from_form = slacalc::parse_case(&FormState::worked_example().to_case().to_string())
            .expect("form reads");
        assert_eq!(from_form.incidents, from_file.incidents);
        assert_eq!(from_form.contract, from_file.contract);
    }

    #[test]
    fn typed_text_is_kept_and_judged_by_the_engine() {
        let mut f = FormState::worked_example();
        f.apply(Action::Set(Field::Price, "abc".into()));
        assert_eq!(f.price, "abc");
        let errs = assess_form(&f).expect_err("bad price");
        assert_eq!(errs[0].path, Field::Price.path());
        f.apply(Action::Set(Field::MailboxesPct, "50.5".into()));
        f.apply(Action::Set(Field::Price, "1,000,000".into()));
        assert!(assess_form(&f).is_ok());
    }

    #[test]
    fn every_switch_reaches_the_engine() {
        let mut f = FormState::worked_example();
        let at = |key: &str| SWITCHES.iter().position(|s| s.key == key).expect("switch");
        f.apply(Action::SetSwitch(at("penalty_days"), "whole_days".into()));
        f.apply(Action::SetSwitch(at("clocks.restore"), "24x7".into()));
        f.apply(Action::SetSwitch(at("monitoring_grace_days"), "10".into()));
        let a = assess_form(&f).expect("valid");
        // Whole days: floor(31 h / 24 h) = 1 day = ¥2,500.00.
        assert_eq!(a.incidents[0].penalty.amount.to_string(), "2500.00");
        assert_eq!(a.interpretation.monitoring_grace_days, 10);
        f.apply(Action::SetSwitch(at("monitoring_grace_days"), "x".into()));
        let errs = assess_form(&f).expect_err("bad grace days");
        assert_eq!(errs[0].path, "interpretation.monitoring_grace_days");
        for sw in &SWITCHES {
            for (value, _, _) in sw.options {
                let mut g = FormState::worked_example();
                g.apply(Action::SetSwitch(at(sw.key), value.to_string()));
                assert!(assess_form(&g).is_ok(), "{} = {value}", sw.key);
            }
        }
    }

    #[test]
    fn span_rows_are_added_edited_and_removed() {
        let mut f = FormState::worked_example();
        f.apply(Action::AddSpan(SpanList::Pauses));
        f.apply(Action::SetSpan(
            SpanList::Pauses,
            0,
            SpanPart::Start,
            "2025-03-03 08:20".into(),
        ));
        f.apply(Action::SetSpan(
            SpanList::Pauses,
            0,
            SpanPart::End,
            "2025-03-03 09:20".into(),
        ));
        let a = assess_form(&f).expect("valid");
        let restore = a.incidents[0].deadlines.last().expect("restore");
        assert_eq!(restore.paused_seconds, 3600);
        f.apply(Action::RemoveSpan(SpanList::Pauses, 0));
        f.apply(Action::RemoveSpan(SpanList::Pauses, 5));
        assert!(f.pauses.is_empty());
    }

    #[test]
    fn every_field_maps_to_the_path_the_engine_reports() {
        let mut f = FormState::worked_example();
        for (field, bad) in [
            (Field::WarrantyStart, "2024/01/01"),
            (Field::ReportedAt, "soon"),
            (Field::MailboxesPct, "lots"),
            (Field::Tolerance, "-1"),
        ] {
            let keep = f.get(field).to_string();
            f.apply(Action::Set(field, bad.into()));
            let errs = assess_form(&f).expect_err(bad);
            assert_eq!(errs[0].path, field.path(), "{bad}");
            f.apply(Action::Set(field, keep));
        }
    }
}
