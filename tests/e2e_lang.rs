//! End-to-end: the language switch (issue #6), in the built page (`dist/`) in headless
//! Chromium. Every view of the page (the assessed worked example with every collapsible part
//! open, the embed code, an imported ledger, the form with problems, the embed card and the
//! printed sheet) is walked in English and in Chinese: every visible text node and every
//! visible attribute text (placeholder, aria-label, title, alt, option text, read-only
//! values, the document title).
//!
//! - In English no Chinese character (Han, CJK punctuation, full-width forms) is left, except
//!   in what the user typed (editable inputs) and in elements that declare another language
//!   (`lang="…"`): the switch, named in the language it switches to, and the printed sheet's
//!   quotation of the letter's original Chinese clauses. The test checks that these are the
//!   only such elements.
//! - Between the two languages every text containing a letter changes, except data and
//!   codes that are the same in both (see [`same_in_both`]).
//! - The choice survives a reload; a browser that prefers English opens in English, one that
//!   prefers Chinese in Chinese (`--lang` and `Accept-Language`, which `navigator.languages`
//!   reports); the switch is a button reached with the keyboard.
//!
//! Run by `make test` (it needs `dist/` and chromedriver).
#![cfg(not(target_arch = "wasm32"))]

mod browser;

use browser::{
    cli_link, el, emulate_media, import_ledger, start, start_in, wait_text, EXAMPLE_LEDGER,
};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Client;
use std::collections::BTreeSet;
use std::time::Duration;

/// What the walker found in one view.
#[derive(Debug, Default)]
struct Walk {
    /// Every visible text (text nodes and attribute texts), trimmed, whitespace collapsed.
    texts: BTreeSet<String>,
    /// Texts inside elements that declare their own language: (selector-ish, lang, text).
    other_lang: Vec<(String, String, String)>,
    /// The `lang` of `<html>`.
    html_lang: String,
}

/// Walks the visible page (or only `scope`): see the module comment.
const WALK: &str = r##"
const scope = arguments[0] ? document.querySelector(arguments[0]) : document.body;
const texts = [];
const otherLang = [];
const norm = (t) => (t || "").replace(/\s+/g, " ").trim();
const visible = (el) => el.checkVisibility({ checkVisibilityCSS: true });
const declared = (el) => {
  const d = el.closest("[lang]");
  return d && d !== document.documentElement ? d : null;
};
const take = (el, text) => {
  text = norm(text);
  if (!text) return;
  const d = declared(el);
  if (d) {
    const named = d.closest("[id]");
    otherLang.push([(named ? "#" + named.id + " " : "") + d.tagName.toLowerCase() + (d.className ? "." + d.className : ""), d.getAttribute("lang"), text]);
  } else {
    texts.push(text);
  }
};
const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  if (!el || el.closest("script, style, noscript, option, textarea")) continue;
  if (visible(el)) take(el, n.nodeValue);
}
for (const el of scope.querySelectorAll("*")) {
  if (!visible(el)) continue;
  for (const a of ["placeholder", "aria-label", "title", "alt"]) {
    if (el.hasAttribute(a)) take(el, el.getAttribute(a));
  }
  if (el.tagName === "SELECT") {
    for (const o of el.options) take(el, o.text);
  }
  // Values the page writes itself (read-only fields); what the user typed is theirs.
  if ((el.tagName === "INPUT" || el.tagName === "TEXTAREA") && el.readOnly) take(el, el.value);
}
if (!arguments[0]) texts.push(norm(document.title));
return { texts, otherLang, htmlLang: document.documentElement.lang };
"##;

async fn walk(c: &Client, scope: Option<&str>) -> Walk {
    let v = c
        .execute(WALK, vec![serde_json::json!(scope)])
        .await
        .expect("the walker runs");
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|s| s.as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    Walk {
        texts: strings(&v["texts"]).into_iter().collect(),
        other_lang: v["otherLang"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|t| {
                        let s = strings(t);
                        (s[0].clone(), s[1].clone(), s[2].clone())
                    })
                    .collect()
            })
            .unwrap_or_default(),
        html_lang: v["htmlLang"].as_str().unwrap_or_default().to_string(),
    }
}

/// A Chinese character: Han, CJK symbols and punctuation (、。〔〕), full-width forms (,:()).
fn chinese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
            | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
    })
}

/// The incident ids of the data (the worked example and the imported ledger): the user's
/// references, shown as they were written in both languages.
fn data_ids() -> Vec<String> {
    let csv = include_str!("../examples/incidents.csv");
    csv.lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .map(str::to_string)
        .collect()
}

/// A text that is rightly the same in both languages: after taking out data (incident ids,
/// addresses, the result digest) and codes (clause ids such as `L4.2`, `L1–L6`, `L3.3a`;
/// `SLA`, `slacalc`, `UPS`, `CSV`, `JSON`, `PDF`, `UTC`; the typed-time masks `YYYY-MM-DD HH:MM`;
/// the case field `monitoring_reports`; the name of an imported file such as `incidents.csv`), no
/// letter is left.
fn same_in_both(text: &str, ids: &[String]) -> bool {
    let mut rest = text.to_string();
    if rest.starts_with("http://") || rest.starts_with("file://") {
        return true;
    }
    for id in ids {
        rest = rest.replace(id.as_str(), " ");
    }
    let words = [
        "slacalc",
        "SLA",
        "UPS",
        "CSV",
        "JSON",
        "PDF",
        "UTC",
        "YYYY",
        "MM",
        "DD",
        "HH",
        "monitoring_reports",
    ];
    let rest: Vec<String> = rest
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    rest.iter().all(|w| {
        let clause = w.starts_with('L')
            && w[1..].chars().next().is_some_and(|c| c.is_ascii_digit())
            && w[1..]
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || matches!(c, 'a'..='c'));
        let digest = w.len() == 16 && w.chars().all(|c| c.is_ascii_hexdigit());
        let file = w.ends_with(".csv");
        clause
            || digest
            || file
            || words.contains(&w.as_str())
            || !w.chars().any(char::is_alphabetic)
    })
}

/// Clicks the language switch and waits until the document says `want` (`en`, `zh-CN`).
async fn switch_to(c: &Client, want: &str) {
    el(c, "#lang-switch")
        .await
        .click()
        .await
        .expect("the switch clicks");
    html_lang_is(c, want).await;
}

async fn html_lang_is(c: &Client, want: &str) {
    for _ in 0..100 {
        let lang = c
            .execute("return document.documentElement.lang;", vec![])
            .await
            .expect("script runs");
        if lang.as_str() == Some(want) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("<html lang> never became {want}");
}

async fn run(c: &Client, script: &str) {
    c.execute(script, vec![]).await.expect("script runs");
    tokio::time::sleep(Duration::from_millis(150)).await;
}

/// Opens every collapsible part and shows what only a click shows.
async fn open_everything(c: &Client) {
    run(
        c,
        "document.querySelectorAll('details').forEach(d => d.open = true);",
    )
    .await;
    let find = |css: &'static str| c.find(fantoccini::Locator::Css(css));
    if find("#embed-code").await.is_err() {
        // (Only while there is a result to share.)
        if let Ok(copy) = find("#copy-embed").await {
            copy.click().await.expect("embed code");
            el(c, "#embed-code").await;
        }
    }
}

/// The views of the page in the current language: the assessed case with its notice, embed
/// code and ledger; the form with problems (a force-majeure and a pause row, empty); the printed
/// sheet (print media). Returns them named.
async fn views(c: &Client, wd: u16) -> Vec<(&'static str, Walk)> {
    let mut out = Vec::new();
    open_everything(c).await;
    wait_text(c, "#penalty-amount", |t| t == "¥5,000.00").await;
    el(c, "#ledger tbody tr").await;
    out.push(("main", walk(c, None).await));
    emulate_media(c, wd, serde_json::json!({ "media": "print" })).await;
    out.push(("print sheet", walk(c, Some("#print-sheet")).await));
    emulate_media(c, wd, serde_json::json!({ "media": "" })).await;
    // Problems: empty span rows, each marked with the engine's message.
    el(c, "#add-fm").await.click().await.expect("add a row");
    el(c, "#add-pause").await.click().await.expect("add a row");
    el(c, "#problems").await;
    el(c, "#fm-0-start").await;
    open_everything(c).await;
    out.push(("problems", walk(c, None).await));
    for css in ["#fm-0-kind", "#pause-0-start"] {
        let row = format!(
            "document.querySelector('{css}').closest('.span-row').querySelector('.remove').click();"
        );
        run(c, &row).await;
    }
    wait_text(c, "#penalty-amount", |t| t == "¥5,000.00").await;
    out
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn every_visible_text_changes_with_the_language() {
    let (url, c, wd, _server, _driver) = start().await;
    let link = cli_link(&url);
    c.goto(&link).await.expect("link opens");
    wait_text(&c, "#penalty-amount", |t| t == "¥5,000.00").await;
    el(&c, "#notice").await;
    // A ledger, so that its table, totals and periods are walked too.
    import_ledger(&c, EXAMPLE_LEDGER).await;
    el(&c, "#ledger tbody tr").await;

    let mut walks = Vec::new();
    for (lang, tag) in [("en", "en"), ("zh", "zh-CN")] {
        let now = c
            .execute("return document.documentElement.lang;", vec![])
            .await
            .expect("script runs");
        if now.as_str() != Some(tag) {
            switch_to(&c, tag).await;
        }
        let mut views = views(&c, wd).await;
        // The embed card of the same case, in the same language.
        c.goto(&format!("{link}&embed=1"))
            .await
            .expect("card opens");
        wait_text(&c, "#verdict-amount", |t| t == "¥5,000.00").await;
        views.push(("embed card", walk(&c, None).await));
        c.goto(&link).await.expect("link opens");
        wait_text(&c, "#penalty-amount", |t| t == "¥5,000.00").await;
        el(&c, "#ledger tbody tr").await;
        for (view, w) in &views {
            assert_eq!(w.html_lang, tag, "{view}: <html lang>");
        }
        walks.push((lang, views));
    }

    let ids = data_ids();
    let (en, zh) = (&walks[0].1, &walks[1].1);
    let mut problems = Vec::new();
    for ((view, e), (_, z)) in en.iter().zip(zh) {
        assert!(e.texts.len() > 20, "{view}: walked {} texts", e.texts.len());
        // English: no Chinese left.
        for t in e.texts.iter().filter(|t| chinese(t)) {
            problems.push(format!("{view}, English: Chinese left in {t:?}"));
        }
        // Only the switch and the sheet's original clauses declare another language.
        for (w, (where_, lang, text)) in [("en", e), ("zh", z)]
            .iter()
            .flat_map(|(w, walk)| walk.other_lang.iter().map(move |x| (*w, x)))
        {
            let expected = match w {
                "en" => {
                    (where_ == "#lang-switch span" && lang == "zh-CN")
                        || (where_ == "#sheet-clauses td.orig"
                            && lang == "zh-CN"
                            && *view == "print sheet")
                }
                _ => where_ == "#lang-switch span" && lang == "en",
            };
            if !expected {
                problems.push(format!(
                    "{view}, {w}: unexpected lang={lang} at {where_}: {text:?}"
                ));
            }
        }
        // Chinese: the language of the page is Chinese, and English words are gone (below).
        assert!(
            z.texts.iter().filter(|t| chinese(t)).count() > 10,
            "{view}: Chinese texts"
        );
        // Every text with a letter differs between the languages, except data and codes.
        for t in e.texts.intersection(&z.texts) {
            if !same_in_both(t, &ids) {
                problems.push(format!("{view}: the same in both languages: {t:?}"));
            }
        }
    }
    if std::env::var_os("E2E_LANG_DUMP").is_some() {
        for (lang, views) in &walks {
            for (view, w) in views {
                println!("== {lang} {view}\n{:#?}\n{:#?}", w.texts, w.other_lang);
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The English views did show English (a sanity check of the walk itself).
    let main_en = &en[0].1.texts;
    for want in [
        "SLA calculator",
        "Liquidated damages",
        "How this was worked out",
        "Ledger",
    ] {
        assert!(main_en.contains(want), "{want:?} in {main_en:?}");
    }
    let main_zh = &zh[0].1.texts;
    for want in ["SLA 计算器", "违约金", "计算依据", "台账"] {
        assert!(main_zh.contains(want), "{want:?} in {main_zh:?}");
    }
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn the_choice_is_remembered_and_the_switch_is_a_keyboard_button() {
    let (url, c, _wd, _server, _driver) = start().await;
    c.goto(&url).await.expect("page opens");
    el(&c, "#penalty-amount").await;
    // The browser prefers English (webdriver.json): the page opens in English.
    html_lang_is(&c, "en").await;
    let switch = el(&c, "#lang-switch").await;
    assert_eq!(switch.text().await.expect("text"), "中文");
    let name = el(&c, "#lang-switch span[lang]").await;
    assert_eq!(
        name.attr("lang").await.expect("lang").as_deref(),
        Some("zh-CN"),
        "the switch's name is marked as Chinese"
    );
    // The switch is the first thing Tab reaches; Enter presses it.
    run(
        &c,
        "document.activeElement && document.activeElement.blur();",
    )
    .await;
    let keys = |k: Key| {
        KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: k.into() })
            .then(KeyAction::Up { value: k.into() })
    };
    c.perform_actions(keys(Key::Tab)).await.expect("Tab");
    let focused = c
        .execute("return document.activeElement.id;", vec![])
        .await
        .expect("script runs");
    assert_eq!(focused.as_str(), Some("lang-switch"));
    c.perform_actions(keys(Key::Enter)).await.expect("Enter");
    html_lang_is(&c, "zh-CN").await;
    wait_text(&c, "#lang-switch", |t| t == "English").await;
    let title = c
        .execute("return document.title;", vec![])
        .await
        .expect("script runs");
    assert_eq!(title.as_str(), Some("SLA 计算器 · slacalc"));
    // The choice survives a reload, over the browser's preference.
    c.refresh().await.expect("reloads");
    el(&c, "#penalty-amount").await;
    html_lang_is(&c, "zh-CN").await;
    let stored = c
        .execute("return localStorage.getItem('slacalc.lang');", vec![])
        .await
        .expect("script runs");
    assert_eq!(stored.as_str(), Some("zh"));
    wait_text(&c, "#lang-switch", |t| t == "English").await;
    c.close().await.expect("closes");
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by `make test` (make e2e)"]
async fn a_browser_opens_the_page_in_its_own_language() {
    for (prefers, tag, title) in [
        ("zh-CN", "zh-CN", "SLA 计算器 · slacalc"),
        ("en-US", "en", "SLA calculator · slacalc"),
    ] {
        let (url, c, _wd, _server, _driver) = start_in(Some(prefers)).await;
        c.goto(&url).await.expect("page opens");
        el(&c, "#penalty-amount").await;
        let langs = c
            .execute("return navigator.languages;", vec![])
            .await
            .expect("script runs");
        assert_eq!(
            langs[0].as_str(),
            Some(prefers),
            "the browser prefers {prefers}"
        );
        html_lang_is(&c, tag).await;
        let shown = c
            .execute("return document.title;", vec![])
            .await
            .expect("script runs");
        assert_eq!(shown.as_str(), Some(title));
        c.close().await.expect("closes");
    }
}
