//! The page's form state: exactly what the user typed, as text, never lost or reformatted,
//! and its translation into a case document (format v1) for the engine to read and judge.

use serde_json::{json, Map, Value};

/// One editable text field of the form, named by its case field path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Price,
    WarrantyStart,
    WarrantyEnd,
    Tolerance,
    Threshold,
    PrioritySource,
    Id,
    ReportedAt,
    DeclaredPriority,
    MailboxesPct,
    Kind,
    Cause,
    InterruptedFrom,
    RestoredAt,
    PhoneResponseAt,
    RemoteAccessAt,
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

/// A yes/no fact of the incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    SystemUsable,
    SeriouslyDamaged,
}

/// A span the user lists: a force-majeure event (with its kind) or a customer pause.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SpanRow {
    pub kind: String,
    pub start: String,
    pub end: String,
}

/// Which part of a span row is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanPart {
    Kind,
    Start,
    End,
}

/// Which list of spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanList {
    ForceMajeure,
    Pauses,
}

impl SpanList {
    pub fn path(self) -> &'static str {
        match self {
            SpanList::ForceMajeure => "incidents[0].force_majeure",
            SpanList::Pauses => "incidents[0].customer_pauses",
        }
    }
    pub fn dom_prefix(self) -> &'static str {
        match self {
            SpanList::ForceMajeure => "fm",
            SpanList::Pauses => "pause",
        }
    }
}

/// Everything the user typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormState {
    pub price: String,
    pub warranty_start: String,
    pub warranty_end: String,
    pub tolerance: String,
    pub threshold: String,
    pub priority_source: String,
    pub id: String,
    pub reported_at: String,
    pub declared_priority: String,
    pub mailboxes_pct: String,
    pub system_usable: bool,
    pub seriously_damaged: bool,
    pub kind: String,
    pub cause: String,
    pub interrupted_from: String,
    pub restored_at: String,
    pub phone_response_at: String,
    pub remote_access_at: String,
    pub response_at: String,
    pub force_majeure: Vec<SpanRow>,
    pub pauses: Vec<SpanRow>,
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
            Action::LoadExample => *self = FormState::worked_example(),
            Action::ClearIncident => *self = self.blank_incident(),
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
        json!({
            "version": 1,
            "terms": "eyou-sdju",
            "interpretation": {
                "immediate_tolerance_minutes": number_or_text(&self.tolerance),
                "majority_threshold_pct": number_or_text(&self.threshold),
                "priority_source": self.priority_source,
            },
            "contract": {
                "price": self.price,
                "currency": "CNY",
                "warranty_start": self.warranty_start.trim(),
                "warranty_end": self.warranty_end.trim(),
            },
            "incidents": [Value::Object(incident)],
        })
    }
}

/// An edit of the form.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Set(Field, String),
    Toggle(Flag, bool),
    AddSpan(SpanList),
    RemoveSpan(SpanList, usize),
    SetSpan(SpanList, usize, SpanPart, String),
    LoadExample,
    ClearIncident,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assess_form(f: &FormState) -> Result<slacalc::Assessment, Vec<slacalc::CaseError>> {
        let as_of = slacalc::Instant::parse("2026-01-01T00:00:00+08:00").expect("time");
        let case = slacalc::parse_case(&f.to_case().to_string())?;
        slacalc::assess(&case, as_of)
    }

    #[test]
    fn the_opening_form_is_the_worked_example() {
        let a = assess_form(&FormState::worked_example()).expect("valid");
        assert_eq!(a.incidents[0].penalty.amount.to_string(), "5000.00");
        let from_file = slacalc::parse_case(include_str!("../../../examples/worked-example.json"))
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
