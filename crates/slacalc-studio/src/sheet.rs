//! Custom terms on the printed sheet (issue #15): a procurement file states exactly which
//! terms were assumed. When the case carries its own terms, printing adds a sheet of their
//! clause table in both languages (the engine's `clause_table`, as the builder shows it); the
//! page's own sheet quotes the letter's clauses, which are not these terms' (studio.css hides
//! that quotation while this sheet is there).

use slacalc::clause_table::clause_table;
use slacalc::terms::TermsSpec;

/// Id of the printed sheet of the terms.
pub const SHEET_ID: &str = "sheet-terms";

/// Text for HTML, escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The printed sheet of the custom terms `terms` (JSON), headed in Chinese when `zh`, as
/// HTML; `None` when the text does not read as inline terms.
pub fn terms_sheet_html(terms: &str, zh: bool) -> Option<String> {
    let TermsSpec::Inline(t) = serde_json::from_str(terms).ok()? else {
        return None;
    };
    let mut out = format!("<section class=\"print-sheet terms-sheet\" id=\"{SHEET_ID}\">");
    out.push_str(&format!(
        "<h1>{}</h1><p class=\"terms-sheet-name\">{} · <span lang=\"en\">{}</span> · <code>{}</code></p>",
        if zh { "所采用的条款" } else { "Terms assumed" },
        escape(&t.name.zh),
        escape(&t.name.en),
        escape(&t.id)
    ));
    out.push_str(&format!(
        "<table class=\"clause-table\" id=\"sheet-terms-table\"><thead><tr><th>{}</th><th lang=\"zh-CN\">中文</th><th lang=\"en\">English</th></tr></thead><tbody>",
        if zh { "条款" } else { "Clause" }
    ));
    for r in clause_table(&t) {
        out.push_str(&format!(
            "<tr><td><span class=\"clause\">{}</span></td><td lang=\"zh-CN\">{}</td><td lang=\"en\">{}</td></tr>",
            escape(&r.clause),
            escape(&r.zh),
            escape(&r.en)
        ));
    }
    out.push_str("</tbody></table></section>");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_terms_print_as_their_clause_table_escaped() {
        let terms = slacalc::terms::EYOU_SDJU_JSON
            .replace("\"rate_bp\": 25", "\"rate_bp\": 50")
            .replace("\"zh\": \"紧急\"", "\"zh\": \"紧急<b>\"");
        let html = terms_sheet_html(&terms, true).expect("reads");
        assert!(html.starts_with("<section class=\"print-sheet terms-sheet\" id=\"sheet-terms\"><h1>所采用的条款</h1>"), "{html}");
        assert!(html.contains("0.5%"), "{html}");
        assert!(html.contains("紧急&lt;b&gt;"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert_eq!(terms_sheet_html("\"eyou-sdju\"", true), None);
        assert_eq!(terms_sheet_html("{", false), None);
    }
}
