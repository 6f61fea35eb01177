//! Taking a result off the page: the embed address and its `<iframe>` snippet, the calendar
//! file of pending deadlines (RFC 5545), and the share link as a QR code (SVG path data).
//! Pure text functions; the views (`header`, `embed`, `sheet`) render them.

use slacalc::deadline::DeadlineKind;
use slacalc::{Assessment, Case};

/// The fragment parameter that asks for the compact read-only card.
pub const EMBED_PARAM: &str = "embed=1";

/// Whether a fragment (`#c=…&embed=1`) asks for the embed card.
pub fn wants_embed(fragment: &str) -> bool {
    fragment
        .trim_start_matches('#')
        .split('&')
        .any(|p| p == EMBED_PARAM)
}

/// The same address without `&embed=1`: the case in the full calculator.
pub fn without_embed(href: &str) -> String {
    let Some((base, fragment)) = href.split_once('#') else {
        return href.to_string();
    };
    let kept: Vec<&str> = fragment.split('&').filter(|p| *p != EMBED_PARAM).collect();
    format!("{base}#{}", kept.join("&"))
}

/// The embed address of a share link (`…#c=…&embed=1`).
pub fn embed_url(share: &str) -> String {
    format!("{}&{EMBED_PARAM}", without_embed(share))
}

/// Text made safe inside a double-quoted HTML attribute.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// What "Copy embed code" gives: an `<iframe>` of the embed card and the few lines that size
/// it from the height the card reports (`{slacalc: "height", height: N}` via `postMessage`).
/// Works in any page, also one opened from a file.
/// The iframe's title is in `lang`, the language of the page the code was copied from.
pub fn embed_snippet(share: &str, lang: crate::i18n::lang::Lang) -> String {
    format!(
        r#"<iframe src="{}" title="{} (slacalc)" style="width:100%;max-width:560px;height:420px;border:0"></iframe>
<script>
window.addEventListener("message", function (e) {{
  if (!e.data || e.data.slacalc !== "height") return;
  document.querySelectorAll("iframe").forEach(function (f) {{
    if (f.contentWindow === e.source) f.style.height = e.data.height + "px";
  }});
}});
</script>"#,
        attr(&embed_url(share)),
        lang.pick("SLA 评估", "SLA assessment")
    )
}

/// 64-bit FNV-1a of a text (stable event ids; not a security measure).
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// An iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped.
fn ics_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// One content line, folded at 75 octets (never inside a character), ending in CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// An instant as an iCalendar UTC date-time (`20250303T021000Z`).
fn ics_utc(t: &slacalc::Instant) -> String {
    use chrono::{Datelike, Timelike};
    let u = t.0.naive_utc();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        u.year(),
        u.month(),
        u.day(),
        u.hour(),
        u.minute(),
        u.second()
    )
}

/// The calendar file (`.ics`) of every pending deadline: one VEVENT each, from the due time
/// to 15 minutes after it, in UTC; its UID is stable for the incident (id and report time)
/// and the kind of deadline. `None` when nothing is pending.
pub fn ics(case: &Case, a: &Assessment) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    for r in &a.incidents {
        let reported = case
            .incidents
            .iter()
            .find(|i| i.id == r.id)
            .map(|i| i.reported_at.secs())
            .unwrap_or_default();
        for d in r
            .deadlines
            .iter()
            .filter(|d| d.status == slacalc::deadline::Status::Pending)
        {
            let (zh, en) = slacalc::names::Named::names(&d.kind);
            let kind = match d.kind {
                DeadlineKind::PhoneResponse => "phone-response",
                DeadlineKind::RemoteAccess => "remote-access",
                DeadlineKind::Response => "response",
                DeadlineKind::Restore => "restore",
            };
            let end = d.due.plus(15 * 60).unwrap_or(d.due);
            lines.extend([
                "BEGIN:VEVENT".to_string(),
                format!(
                    "UID:{:016x}-{kind}@slacalc",
                    fnv(&format!("{}|{reported}", r.id))
                ),
                format!("DTSTAMP:{}", ics_utc(&a.as_of)),
                format!("DTSTART:{}", ics_utc(&d.due)),
                format!("DTEND:{}", ics_utc(&end)),
                format!(
                    "SUMMARY:{}",
                    ics_text(&format!("SLA 截止 {zh} · {en} ({}) · {}", d.clause, r.id))
                ),
                format!(
                    "DESCRIPTION:{}",
                    ics_text(&format!(
                        "事件 Incident {}\n条款 Clause {}\n截止 Due {} (UTC+08:00)\nslacalc rules v{}",
                        r.id,
                        d.clause,
                        d.due.short(),
                        a.rules_version
                    ))
                ),
                "END:VEVENT".to_string(),
            ]);
        }
    }
    if lines.is_empty() {
        return None;
    }
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//slacalc//SLA deadlines//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, l);
    }
    for l in &lines {
        push_line(&mut out, l);
    }
    push_line(&mut out, "END:VCALENDAR");
    Some(out)
}

/// The name of the calendar file of incident `id` (`slacalc-<id>.ics`, every character but
/// ASCII letters, digits and `-` written `_`).
pub fn ics_file_name(id: &str) -> String {
    let name: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("slacalc-{name}.ics")
}

/// A QR code of `text` (error correction L) as SVG: the side in modules (with a 4-module
/// quiet zone) and the path data of the dark modules, one sub-path per horizontal run.
pub fn qr_path(text: &str) -> Option<(i32, String)> {
    use qrcodegen::{QrCode, QrCodeEcc};
    use std::fmt::Write;
    let qr = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let n = qr.size();
    let mut d = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if qr.get_module(x, y) {
                let start = x;
                while x < n && qr.get_module(x, y) {
                    x += 1;
                }
                let _ = write!(
                    d,
                    "M{} {}h{}v1h-{}z",
                    start + 4,
                    y + 4,
                    x - start,
                    x - start
                );
            } else {
                x += 1;
            }
        }
    }
    Some((n + 8, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use slacalc::{assess, parse_case, Instant};

    #[test]
    fn the_embed_parameter_is_added_and_dropped() {
        let share = "http://x/#c=1abc";
        assert_eq!(embed_url(share), "http://x/#c=1abc&embed=1");
        assert_eq!(embed_url(&embed_url(share)), "http://x/#c=1abc&embed=1");
        assert!(wants_embed("#c=1abc&embed=1"));
        assert!(!wants_embed("#c=1abc"));
        assert!(!wants_embed("#c=1embed=1"));
        assert_eq!(without_embed("http://x/#c=1abc&embed=1"), share);
        assert_eq!(without_embed("http://x/"), "http://x/");
        let snippet = embed_snippet(share, crate::i18n::lang::Lang::En);
        assert!(snippet.starts_with("<iframe src=\"http://x/#c=1abc&amp;embed=1\""));
        assert!(snippet.contains(" title=\"SLA assessment (slacalc)\""));
        let zh = embed_snippet(share, crate::i18n::lang::Lang::Zh);
        assert!(zh.contains(" title=\"SLA 评估 (slacalc)\""));
        assert!(snippet.contains("e.data.height + \"px\""));
    }

    const WORKED: &str = include_str!("../../examples/worked-example.json");

    fn at(t: &str) -> Instant {
        Instant::parse(t).unwrap_or_else(|e| panic!("{e}"))
    }

    fn worked() -> (Case, Assessment) {
        let case = parse_case(WORKED).unwrap_or_else(|e| panic!("{e:?}"));
        let a = assess(&case, at("2026-01-01T00:00:00+08:00")).unwrap_or_else(|e| panic!("{e:?}"));
        (case, a)
    }

    /// The worked example one minute after the report: nothing done yet, every deadline pending.
    fn pending() -> (Case, Assessment) {
        let mut v: serde_json::Value = serde_json::from_str(WORKED).expect("JSON");
        let inc = &mut v["incidents"][0];
        for k in ["restored_at", "phone_response_at", "remote_access_at"] {
            inc.as_object_mut().expect("object").remove(k);
        }
        let case = parse_case(&v.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
        let a = assess(&case, at("2025-03-03T08:11:00+08:00")).unwrap_or_else(|e| panic!("{e:?}"));
        (case, a)
    }

    #[test]
    fn the_calendar_file_lists_every_pending_deadline_in_utc() {
        let (case, a) = pending();
        let text = ics(&case, &a).expect("pending deadlines");
        assert!(
            text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
            "{text}"
        );
        assert!(text.ends_with("END:VCALENDAR\r\n"), "{text}");
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 3, "{text}");
        // 08:25, 08:40 and 10:10 at +08:00.
        for due in ["20250303T002500Z", "20250303T004000Z", "20250303T021000Z"] {
            assert!(
                text.contains(&format!("DTSTART:{due}\r\n")),
                "{due}: {text}"
            );
        }
        assert!(text.contains("DTEND:20250303T022500Z\r\n"), "{text}");
        assert!(text.contains("DTSTAMP:20250303T001100Z\r\n"), "{text}");
        let unfolded = text.replace("\r\n ", "");
        assert!(
            unfolded.contains("SUMMARY:SLA 截止 恢复服务 · restore (L4.1) · 2025-03-03-mail-down"),
            "{unfolded}"
        );
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "folded at 75 octets: {line:?}");
        }
        // The same incident and kind keep their UID; kinds differ.
        let uids: Vec<&str> = unfolded.lines().filter(|l| l.starts_with("UID:")).collect();
        assert_eq!(uids.len(), 3);
        assert!(uids[0] != uids[1] && uids[1] != uids[2]);
        let later = assess(&case, at("2025-03-03T08:20:00+08:00")).expect("assess");
        let again = ics(&case, &later).expect("still pending");
        assert!(again.replace("\r\n ", "").contains(uids[2]), "stable UID");
        // Nothing pending, nothing to add.
        let (case, a) = worked();
        assert!(ics(&case, &a).is_none());
    }
}
