//! An assessment as a table for procurement documents (issue #16, "Copy for documents"): HTML
//! that Word and WPS keep as a table when pasted, and the same rows as tab-separated text
//! beside it. One row per deadline (L3.3a–c, L4.1): the incident, its priority and event level
//! (L2), the deadline with its due time, actual time and status; the incident's damages after
//! the cap (L4.2, L4.3) and the clauses cited; then the total after the cap against the cap,
//! and the share link. Built in the on-demand module (not in the page's first load) from the
//! engine's own assessment.

use slacalc::names::Named;
use slacalc::text::Lang;
use slacalc::Assessment;

/// The table twice: as HTML (a `<table>`, every text escaped) and as plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// HTML: a heading, the table, the link.
    pub html: String,
    /// The same, tab-separated, one line per row.
    pub text: String,
}

/// A text as HTML text (also the clause table's, `clauses.rs`).
pub(crate) fn escape(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `(Chinese, English)` in `lang`.
fn pick(names: (&'static str, &'static str), lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => names.0,
        Lang::En => names.1,
    }
}

/// The document of an assessment (one incident, or a whole ledger), its share link `link`
/// (may be empty), in `lang`.
pub fn document(a: &Assessment, link: &str, lang: Lang) -> Document {
    let header = [
        ("事件", "Incident"),
        ("优先级", "Priority"),
        ("事件等级", "Event level"),
        ("期限", "Deadline"),
        ("应于", "Due"),
        ("实际", "Actual"),
        ("状态", "Status"),
        ("违约金(封顶后)", "Damages (after the cap)"),
        ("引用条款", "Clauses cited"),
    ]
    .map(|h| pick(h, lang).to_string());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for r in &a.incidents {
        let priority = match lang {
            Lang::Zh => &r.priority_name.zh,
            Lang::En => &r.priority_name.en,
        };
        let first = [
            r.id.clone(),
            priority.clone(),
            format!("{} ({})", pick(r.event_level.names(), lang), r.event_clause),
        ];
        let last = [r.penalty.applied.pretty(), r.cited_clauses().join(" ")];
        let deadlines: Vec<[String; 4]> = r
            .deadlines
            .iter()
            .map(|d| {
                [
                    format!("{} ({})", pick(d.kind.names(), lang), d.clause),
                    d.due.short(),
                    d.actual.map(|t| t.short()).unwrap_or_default(),
                    pick(d.status.names(), lang).to_string(),
                ]
            })
            .collect();
        let lines = deadlines.len().max(1);
        for k in 0..lines {
            let mut row: Vec<String> = if k == 0 {
                first.to_vec()
            } else {
                vec![String::new(); 3]
            };
            row.extend(deadlines.get(k).cloned().unwrap_or_default());
            row.extend(if k == 0 {
                last.to_vec()
            } else {
                vec![String::new(); 2]
            });
            rows.push(row);
        }
    }
    let cap = match (lang, a.total.cap_reached) {
        (Lang::Zh, true) => format!("上限 {}(已达到)", a.total.cap.pretty()),
        (Lang::Zh, false) => format!("上限 {}(未达到)", a.total.cap.pretty()),
        (Lang::En, true) => format!("cap {} (reached)", a.total.cap.pretty()),
        (Lang::En, false) => format!("cap {} (not reached)", a.total.cap.pretty()),
    };
    let mut total = vec![String::new(); header.len()];
    total[0] = pick(("合计(L4.3)", "Total (L4.3)"), lang).to_string();
    total[6] = cap;
    total[7] = a.total.penalty.pretty();
    rows.push(total);
    let title = match lang {
        Lang::Zh => format!("SLA 评估:{}(评估时间 {})", a.terms_name.zh, a.as_of.short()),
        Lang::En => format!(
            "SLA assessment: {} (as of {})",
            a.terms_name.en,
            a.as_of.short()
        ),
    };
    let line = |cells: &[String]| cells.join("\t");
    let mut text = vec![title.clone(), line(&header)];
    text.extend(rows.iter().map(|r| line(r)));
    let mut html = format!(
        "<p><strong>{}</strong></p><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><thead><tr>",
        escape(&title)
    );
    for h in &header {
        html += &format!("<th>{}</th>", escape(h));
    }
    html += "</tr></thead><tbody>";
    for r in &rows {
        html += "<tr>";
        for c in r {
            html += &format!("<td>{}</td>", escape(c));
        }
        html += "</tr>";
    }
    html += "</tbody></table>";
    if !link.is_empty() {
        let label = pick(("链接(重新打开此案例)", "Link (reopens this case)"), lang);
        html += &format!(
            "<p>{}: <a href=\"{}\">{}</a></p>",
            escape(label),
            escape(link),
            escape(link)
        );
        text.push(format!("{label}: {link}"));
    }
    Document {
        html,
        text: text.join("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use slacalc::{assess, parse_case, Instant};

    fn worked() -> Assessment {
        let text = include_str!("../../../examples/worked-example.json");
        let case = parse_case(text).unwrap_or_else(|e| panic!("{e:?}"));
        let at = Instant::parse("2026-01-01T00:00:00+08:00").unwrap_or_else(|e| panic!("{e}"));
        assess(&case, at).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn the_worked_example_as_a_table_with_every_deadline_and_the_total() {
        let d = document(&worked(), "https://x.invalid/#c=1&<b>", Lang::En);
        // The worked example: urgent, restored the next day at 15:00; the restore deadline
        // (L4.1, due 10:10) missed; 2 started days × 0.25 % × ¥1,000,000.00 = ¥5,000.00,
        // under the 5 % cap of ¥50,000.00.
        assert!(d.html.contains("<table"), "{}", d.html);
        // The header and each row; the text has the title and the link besides.
        assert_eq!(d.html.matches("<tr>").count(), d.text.lines().count() - 2);
        for want in [
            "restore (L4.1)",
            "2025-03-03 10:10",
            "2025-03-04 15:00",
            "missed",
            "¥5,000.00",
            "cap ¥50,000.00 (not reached)",
            "L4.2",
        ] {
            assert!(d.html.contains(want), "{want}: {}", d.html);
            assert!(d.text.contains(want), "{want}: {}", d.text);
        }
        // The link is text, escaped, never markup.
        assert!(d.html.contains("#c=1&amp;&lt;b&gt;"), "{}", d.html);
        assert!(!d.html.contains("<b>"));
    }

    #[test]
    fn chinese_headers_and_names() {
        let d = document(&worked(), "", Lang::Zh);
        for want in [
            "事件等级",
            "恢复服务 (L4.1)",
            "超时",
            "上限 ¥50,000.00(未达到)",
        ] {
            assert!(d.html.contains(want), "{want}: {}", d.html);
        }
        assert!(!d.html.contains("<a "), "no link given, none written");
    }
}
