//! The printable assessment (one A4 page, for a procurement file): contract, incident,
//! timeline, verdict, deadlines, damages, the clauses it rests on quoted, the interpretation
//! applied, and the share link as a QR code and as text with the rules version and the
//! result's digest. Hidden on screen; `@media print` shows only it. In the page's language;
//! an English sheet quotes each clause in English and also in the letter's original Chinese
//! (marked `lang="zh-CN"`), the text that binds.

use crate::i18n::clauses::{self, Clause};
use crate::i18n::labels::{self, Bi};
use crate::i18n::lang::Lang;
use crate::state::form::SWITCHES;
use crate::state::share;
use crate::views::markup::Markup;
use crate::views::text::{status_class, use_lang};
use crate::views::timeline::Timeline;
use slacalc::assess::{Assessment, IncidentResult};
use slacalc::case::{Contract, Incident};
use slacalc::Case;
use std::rc::Rc;
use yew::prelude::*;

/// What the sheet prints.
#[derive(Properties, PartialEq)]
pub struct SheetProps {
    /// The case as assessed.
    pub case: Rc<Case>,
    /// Its assessment.
    pub a: Rc<Assessment>,
    /// Its share link.
    pub link: AttrValue,
}

/// A serialized enum value as its word (`"vendor"`).
fn word(v: &impl serde::Serialize) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// A switch: key in the interpretation, clause, label, its choices (value, Chinese, English).
type Row = (
    &'static str,
    &'static str,
    Bi,
    &'static [(&'static str, &'static str, &'static str)],
);

/// Every interpretation switch as applied: (clause, label, value in `lang`).
fn interpretation(a: &Assessment, lang: Lang) -> Vec<(&'static str, Bi, String)> {
    let Ok(serde_json::Value::Object(top)) = serde_json::to_value(a.interpretation) else {
        return Vec::new();
    };
    let mut flat: Vec<(String, String)> = Vec::new();
    for (k, v) in top {
        match v {
            serde_json::Value::Object(inner) => flat.extend(
                inner
                    .into_iter()
                    .map(|(k2, v2)| (format!("{k}.{k2}"), word(&v2))),
            ),
            v => flat.push((k, word(&v))),
        }
    }
    let fixed: [Row; 3] = [
        (
            "immediate_tolerance_minutes",
            "L3.3a",
            ("“立即响应”容差(分钟)", "\"Immediately\" tolerance (min)"),
            &[],
        ),
        (
            "majority_threshold_pct",
            "L2.1",
            ("“多数用户”阈值 %", "\"Majority\" threshold %"),
            &[],
        ),
        (
            "priority_source",
            "L3.3",
            ("期限依据的优先级", "Priority for deadlines"),
            &labels::PRIORITY_SOURCES,
        ),
    ];
    let rows = fixed.iter().map(|(k, c, l, o)| (*k, *c, *l, *o)).chain(
        SWITCHES
            .iter()
            .map(|s| (s.key, s.clause, s.label, s.options)),
    );
    rows.filter_map(|(key, clause, label, options)| {
        let value = flat.iter().find(|(k, _)| k == key)?.1.clone();
        // A value the choices do not list is the default (the choice without a value).
        let shown = options
            .iter()
            .find(|o| o.0 == value)
            .or_else(|| options.iter().find(|o| o.0.is_empty()))
            .map(|o| lang.pick(o.1, o.2).to_string())
            .unwrap_or(value);
        Some((clause, label, shown))
    })
    .collect()
}

/// The incident's moments as the sheet lists them (the restoration always, `—` while the
/// service is still down), then its force-majeure and customer-pause spans.
fn moments(inc: &Incident, lang: Lang) -> Vec<(Bi, String)> {
    [
        (("报告", "Reported"), Some(&inc.reported_at)),
        (
            ("中断开始", "Interrupted from"),
            inc.interrupted_from.as_ref(),
        ),
        (
            ("电话响应", "Phone response"),
            inc.phone_response_at.as_ref(),
        ),
        (("远程访问", "Remote access"), inc.remote_access_at.as_ref()),
        (("一般响应", "Response"), inc.response_at.as_ref()),
        (("恢复", "Restored"), inc.restored_at.as_ref()),
    ]
    .into_iter()
    .filter(|(l, t)| t.is_some() || l.1 == "Restored")
    .map(|(l, t)| (l, lang.opt_date_time(t)))
    .chain(inc.force_majeure.iter().map(|f| {
        (
            ("不可抗力 L5.1", "Force majeure L5.1"),
            format!(
                "{} – {} ({})",
                lang.date_time(&f.start),
                lang.date_time(&f.end),
                f.kind
            ),
        )
    }))
    .chain(inc.customer_pauses.iter().map(|s| {
        (
            ("客户方暂停 L3.4", "Customer pause L3.4"),
            format!("{} – {}", lang.date_time(&s.start), lang.date_time(&s.end)),
        )
    }))
    .collect()
}

/// The sheet's title line: the terms, the assessment time and the rules version.
fn head(m: &mut Markup, title: Bi, a: &Assessment, lang: Lang) {
    let when = match lang {
        Lang::Zh => format!(
            " · 评估时间 {} (UTC+08:00) · 规则版本 {}",
            lang.date_time(&a.as_of),
            a.rules_version
        ),
        Lang::En => format!(
            " · as of {} (UTC+08:00) · rules v{}",
            lang.date_time(&a.as_of),
            a.rules_version
        ),
    };
    m.open("header class=\"sheet-head\"")
        .el("h1", lang.pick(title.0, title.1))
        .open("p")
        .text(lang.pick(&a.terms_name.zh, &a.terms_name.en))
        .text(&when)
        .close("p")
        .close("header");
}

/// A heading with its clause ids.
fn h2(m: &mut Markup, lang: Lang, label: Bi, clause: &str) {
    m.open("h2").text(lang.pick(label.0, label.1));
    if !clause.is_empty() {
        m.text(" ").clause(clause);
    }
    m.close("h2");
}

/// Terms and values of a `dl`: each label in `lang`, each value as text.
fn dl(m: &mut Markup, lang: Lang, rows: &[(Bi, &str)]) {
    for (label, value) in rows {
        m.el("dt", lang.pick(label.0, label.1)).el("dd", value);
    }
}

/// The left column: the contract (price, warranty) and the incident's facts as reported.
fn contract_and_incident(m: &mut Markup, c: &Contract, inc: &Incident, lang: Lang) {
    let cause = word(&inc.cause);
    let cause = labels::CAUSES
        .iter()
        .find(|x| x.0 == cause)
        .map(|x| lang.pick(x.1, x.2).to_string())
        .unwrap_or(cause);
    let declared = inc.declared_priority.as_deref().map(|d| {
        labels::PRIORITIES
            .iter()
            .find(|o| o.0 == d)
            .map_or(d, |o| lang.pick(o.1, o.2))
    });
    let facts = &inc.facts;
    let share = word(&facts.mailboxes_affected_pct);
    // A number is a percentage; `most` and `few` are words.
    let share = if share.chars().all(|ch| ch.is_ascii_digit() || ch == '.') {
        format!("{share} %")
    } else {
        share
    };
    let yes_no = |b: bool| {
        if b {
            lang.pick("是", "yes")
        } else {
            lang.pick("否", "no")
        }
    };
    let price = match (lang, c.currency.as_str()) {
        (Lang::Zh, "CNY") => format!("{}(人民币)", c.price.pretty()),
        (_, code) => format!("{} ({code})", c.price.pretty()),
    };
    let warranty = format!(
        "{} – {}",
        lang.date(c.warranty_start),
        lang.date(c.warranty_end)
    );
    m.open("div");
    h2(m, lang, ("合同", "Contract"), "L6");
    m.open("dl");
    dl(
        m,
        lang,
        &[
            (("合同总价", "Total price"), &price),
            (("保修期", "Warranty"), &warranty),
        ],
    );
    m.close("dl");
    h2(m, lang, ("事件", "Incident"), "");
    m.open("dl")
        .el("dt", lang.pick("编号", "Reference"))
        .el("dd id=\"sheet-incident\"", &inc.id);
    dl(
        m,
        lang,
        &[
            (
                ("客户说明的优先级", "Declared priority"),
                declared.unwrap_or("—"),
            ),
            (("受影响邮箱", "Mailboxes affected"), &share),
            (("系统可用", "System usable"), yes_no(facts.system_usable)),
            (
                ("受损严重", "Seriously damaged"),
                yes_no(facts.seriously_damaged),
            ),
            (("原因", "Cause"), &cause),
        ],
    );
    m.close("dl").close("div");
}

/// The right column's text: the incident's moments and the verdict (the timeline drawing
/// follows it).
fn moments_and_verdict(m: &mut Markup, inc: &Incident, r: &IncidentResult, lang: Lang) {
    let pick = |b: Bi| lang.pick(b.0, b.1);
    m.open("h2")
        .text(pick(("时间线", "Timeline")))
        .text(" (UTC+08:00)")
        .close("h2");
    let moments = moments(inc, lang);
    let rows: Vec<(Bi, &str)> = moments.iter().map(|(l, t)| (*l, t.as_str())).collect();
    m.open("dl");
    dl(m, lang, &rows);
    m.close("dl");
    h2(m, lang, ("结论", "Verdict"), "");
    m.open("dl")
        .el("dt", pick(("责任认定", "Coverage")))
        .open("dd id=\"sheet-coverage\"")
        .text(pick(labels::of(&r.coverage)))
        .text(" ")
        .clause(&r.coverage_clause)
        .close("dd");
    dl(
        m,
        lang,
        &[
            (
                ("优先级", "Priority"),
                lang.pick(&r.priority_name.zh, &r.priority_name.en),
            ),
            (
                ("事件等级", "Event level"),
                pick(labels::of(&r.event_level)),
            ),
            (("报告渠道", "Channel"), pick(labels::of(&r.channel))),
        ],
    );
    m.close("dl");
}

/// Each deadline: commitment, clause, due, actual, status (and how late).
fn deadlines(m: &mut Markup, r: &IncidentResult, lang: Lang) {
    let pick = |b: Bi| lang.pick(b.0, b.1);
    m.open("table class=\"sheet-deadlines\"")
        .open("thead")
        .open("tr");
    for label in [
        ("承诺", "Commitment"),
        ("条款", "Clause"),
        ("截止", "Due"),
        ("实际", "Actual"),
        ("结果", "Status"),
    ] {
        m.el("th", pick(label));
    }
    m.close("tr").close("thead").open("tbody");
    for d in &r.deadlines {
        m.open("tr")
            .el("td", pick(labels::of(&d.kind)))
            .open("td")
            .clause(&d.clause)
            .close("td")
            .el("td", &lang.date_time(&d.due))
            .el("td", &lang.opt_date_time(d.actual.as_ref()))
            .open(&format!("td class=\"status {}\"", status_class(d.status)))
            .text(pick(labels::of(&d.status)));
        if d.late_seconds > 0 {
            m.text(&format!(" +{}", lang.duration(d.late_seconds)));
        }
        m.close("td").close("tr");
    }
    m.close("tbody").close("table");
}

/// The damages (L4.2) with the days, what counts after the cap, and the cap (L4.3).
fn penalty(m: &mut Markup, r: &IncidentResult, a: &Assessment, lang: Lang) {
    let figures = match lang {
        Lang::Zh => format!(
            " · {} · 计入(封顶后){} · 上限 {}{}",
            lang.days(r.penalty.days),
            r.penalty.applied.pretty(),
            a.total.cap.pretty(),
            if a.total.cap_reached {
                " · 已达上限"
            } else {
                ""
            }
        ),
        Lang::En => format!(
            " · {} · applied after the cap {} · cap {}{}",
            lang.days(r.penalty.days),
            r.penalty.applied.pretty(),
            a.total.cap.pretty(),
            if a.total.cap_reached {
                " · cap reached"
            } else {
                ""
            }
        ),
    };
    m.open("div class=\"sheet-penalty\"");
    h2(m, lang, ("违约金", "Liquidated damages"), "L4.2 · L4.3");
    m.open("p")
        .el(
            "strong class=\"big\" id=\"sheet-penalty\"",
            &r.penalty.amount.pretty(),
        )
        .text(&figures);
    if r.penalty.accruing {
        m.text(" · ").text(lang.pick("仍在累计", "still accruing"));
    }
    m.close("p").close("div");
}

/// Every clause the result rests on, quoted: in Chinese; or in English beside the original
/// Chinese the letter binds with.
fn clauses(m: &mut Markup, cited: &[&Clause], lang: Lang) {
    m.open("table class=\"sheet-clauses\" id=\"sheet-clauses\"")
        .open("tbody");
    for c in cited {
        m.open("tr").open("td").clause(c.0).close("td");
        match lang {
            Lang::Zh => m.el("td colspan=\"2\"", c.1),
            // The English rendering, and the original the letter binds with.
            Lang::En => m.el("td", c.2).el("td class=\"orig\" lang=\"zh-CN\"", c.1),
        };
        m.close("tr");
    }
    m.close("tbody").close("table");
}

/// The share link as a QR code and as text, with the rules version and the result's
/// digest; a link too long for any QR code says so (issue #16). Its ids begin with `ids`
/// (`ledger-` on the ledger's sheet).
fn foot(m: &mut Markup, ids: &str, link: &str, a: &Assessment, lang: Lang) {
    let rules = match lang {
        Lang::Zh => format!("规则版本 {} · 结果摘要 ", a.rules_version),
        Lang::En => format!("Rules v{} · result digest ", a.rules_version),
    };
    m.open("footer class=\"sheet-foot\"");
    match share::qr_path(link) {
        Some((n, d)) => {
            m.open(&format!(
                "svg id=\"{ids}share-qr\" class=\"qr\" viewBox=\"0 0 {n} {n}\" role=\"img\" aria-label=\"{}\"",
                lang.pick("分享链接二维码", "QR code of the share link")
            ))
            .open(&format!("rect width=\"{n}\" height=\"{n}\" fill=\"#fff\""))
            .close("rect")
            .open(&format!(
                "path d=\"{d}\" fill=\"#000\" shape-rendering=\"crispEdges\""
            ))
            .close("path")
            .close("svg");
        }
        None => {
            m.el(
                &format!("p id=\"{ids}share-qr-too-long\" class=\"flag\""),
                lang.pick(
                    "链接太长,二维码放不下:请用下面的链接文本。",
                    "The link is too long for a QR code: use the link text below.",
                ),
            );
        }
    }
    m.open("div")
        .el(
            "p",
            lang.pick(
                "分享链接(可重新打开本案例与结果)",
                "Share link (reopens this case and result)",
            ),
        )
        .el(
            &format!("p class=\"sheet-link\" id=\"{ids}sheet-link\""),
            link,
        )
        .open("p")
        .text(&rules)
        .el(
            &format!("code id=\"{ids}sheet-digest\""),
            &slacalc::link::digest(a),
        )
        .close("p")
        .el(
            "p",
            lang.pick(
                "由 slacalc 在浏览器本地计算。",
                "Computed locally in the browser by slacalc.",
            ),
        )
        .close("div")
        .close("footer");
}

/// The readings of the letter applied, as a list.
fn interpretation_list(m: &mut Markup, a: &Assessment, lang: Lang) {
    m.el("h2", lang.pick("采用的解释", "Interpretation applied"))
        .open("ul class=\"sheet-interp\"");
    for (clause, label, value) in interpretation(a, lang) {
        m.open("li")
            .clause(clause)
            .text(" ")
            .text(lang.pick(label.0, label.1))
            .text(lang.pick(":", ": "))
            .el("strong", &value)
            .close("li");
    }
    m.close("ul");
}

/// The printable one-page assessment. Written as HTML text ([`Markup`]), all but the
/// timeline drawing, which is the page's own component.
#[function_component(PrintSheet)]
pub fn print_sheet(p: &SheetProps) -> Html {
    let lang = use_lang();
    let a = &p.a;
    let (Some(r), Some(inc)) = (a.incidents.first(), p.case.incidents.first()) else {
        return html! {};
    };
    let mut top = Markup::default();
    head(&mut top, ("SLA 履约评估单", "SLA assessment"), a, lang);
    let mut left = Markup::default();
    contract_and_incident(&mut left, &p.case.contract, inc, lang);
    let mut right = Markup::default();
    moments_and_verdict(&mut right, inc, r, lang);
    let mut rest = Markup::default();
    if !r.deadlines.is_empty() {
        deadlines(&mut rest, r, lang);
    }
    penalty(&mut rest, r, a, lang);
    rest.el("h2", lang.pick("所依据的条款原文", "Clauses relied on"));
    clauses(&mut rest, &clauses::cited(r), lang);
    interpretation_list(&mut rest, a, lang);
    foot(&mut rest, "", &p.link, a, lang);
    html! {
        <section class="print-sheet" id="print-sheet">
            { top.html() }
            <div class="sheet-cols">
                { left.html() }
                <div>
                    { right.html() }
                    <Timeline id="sheet-timeline" width={460} incident={Rc::new(inc.clone())} result={Rc::new(r.clone())} as_of={a.as_of} />
                </div>
            </div>
            { rest.html() }
        </section>
    }
}

mod ledger;
pub use ledger::LedgerSheet;

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::{PrintSheet, SheetProps};
    use crate::views::test_util::{root, settle, text};
    use std::rc::Rc;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// Issue #16: a link too long for any QR code (version 40 holds 2,953 bytes) is printed as
    /// text, and the sheet says why there is no code.
    #[wasm_bindgen_test]
    async fn a_link_too_long_for_a_qr_code_says_so() {
        let case = slacalc::parse_case(include_str!("../../examples/worked-example.json"))
            .expect("example");
        let as_of = slacalc::Instant::parse("2026-01-01T00:00:00+08:00").expect("time");
        let a = slacalc::assess(&case, as_of).expect("assessed");
        let link = format!("https://example.org/slacalc/#c=1{}", "Ab9_".repeat(1000));
        let root = root();
        yew::Renderer::<PrintSheet>::with_root_and_props(
            root.clone(),
            SheetProps {
                case: Rc::new(case),
                a: Rc::new(a),
                link: link.clone().into(),
            },
        )
        .render();
        settle().await;
        assert!(root.query_selector("#share-qr").ok().flatten().is_none());
        assert!(text(&root, "#share-qr-too-long").await.contains("二维码"));
        assert_eq!(text(&root, "#sheet-link").await, link);
    }
}
