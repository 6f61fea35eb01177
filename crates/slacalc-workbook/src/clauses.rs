//! The terms assumed as a readable clause table (issue #15, `slacalc::clause_table`), as HTML
//! for the page, built in this on-demand module: the table's words (durations, clocks,
//! counting rules in both languages) weigh about 4 KB gzip, more than the page's first load
//! has room for.

use crate::document::escape;
use slacalc::clause_table::clause_table;
use slacalc::terms::{Terms, TermsSpec};

/// The clause table of `terms` (custom terms as JSON; empty: the letter's) as an HTML table
/// (`#clause-table`: each row the clause id and the clause in words), Chinese when `lang`
/// starts with `zh`, else English; or the problem when the JSON does not read as terms.
pub fn clause_table_html(terms: &str, lang: &str) -> Result<String, String> {
    let terms: Terms = if terms.trim().is_empty() {
        Terms::preset(slacalc::case::PRESET_EYOU_SDJU)
            .ok_or_else(|| "the letter's terms do not read".to_string())?
    } else {
        match serde_json::from_str(terms) {
            Ok(TermsSpec::Inline(t)) => *t,
            Ok(TermsSpec::Preset(id)) => {
                Terms::preset(&id).ok_or_else(|| format!("no terms named {id}"))?
            }
            Err(e) => return Err(e.to_string()),
        }
    };
    let zh = lang.starts_with("zh");
    let mut out = String::from("<table id=\"clause-table\"><tbody>");
    for r in clause_table(&terms) {
        out.push_str("<tr><td><span class=\"clause\">");
        out.push_str(&escape(&r.clause));
        out.push_str("</span></td><td>");
        out.push_str(&escape(if zh { &r.zh } else { &r.en }));
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table>");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_letters_terms_read_as_a_table_in_both_languages() {
        let zh = clause_table_html("", "zh-CN").unwrap_or_default();
        assert!(
            zh.starts_with(
                "<table id=\"clause-table\"><tbody><tr><td><span class=\"clause\">L1.1</span>"
            ),
            "{zh}"
        );
        assert!(zh.contains("0.25%"), "{zh}");
        let en = clause_table_html("", "en").unwrap_or_default();
        assert!(en.contains("L4.3"), "{en}");
        assert!(!en.contains("违约金"), "{en}");
    }

    #[test]
    fn custom_terms_are_tabled_as_given_and_their_text_escaped() {
        let letter = slacalc::terms::EYOU_SDJU_JSON;
        let custom = letter
            .replace("\"rate_bp\": 25", "\"rate_bp\": 50")
            .replacen("\"L4.2\"", "\"<b>L4.2</b>\"", 1);
        let html = clause_table_html(&custom, "zh").unwrap_or_default();
        assert!(html.contains("0.5%"), "{html}");
        assert!(html.contains("&lt;b&gt;L4.2&lt;/b&gt;"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(clause_table_html("{", "zh").is_err());
    }
}
