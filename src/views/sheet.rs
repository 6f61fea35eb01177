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
use crate::views::text::{bi, status_class, use_lang};
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
fn head(a: &Assessment, lang: Lang) -> Html {
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
    html! {
        <header class="sheet-head">
            <h1>{ bi(("SLA 履约评估单", "SLA assessment")) }</h1>
            <p>{ lang.pick(&a.terms_name.zh, &a.terms_name.en) }{ when }</p>
        </header>
    }
}

/// The left column: the contract (price, warranty) and the incident's facts as reported.
fn contract_and_incident(c: &Contract, inc: &Incident, lang: Lang) -> Html {
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
    html! {
        <div>
            <h2>{ bi(("合同", "Contract")) }{ " " }<span class="clause">{ "L6" }</span></h2>
            <dl>
                <dt>{ bi(("合同总价", "Total price")) }</dt><dd>{ price }</dd>
                <dt>{ bi(("保修期", "Warranty")) }</dt><dd>{ format!("{} – {}", lang.date(c.warranty_start), lang.date(c.warranty_end)) }</dd>
            </dl>
            <h2>{ bi(("事件", "Incident")) }</h2>
            <dl>
                <dt>{ bi(("编号", "Reference")) }</dt><dd id="sheet-incident">{ &inc.id }</dd>
                <dt>{ bi(("客户说明的优先级", "Declared priority")) }</dt><dd>{ declared.unwrap_or("—") }</dd>
                <dt>{ bi(("受影响邮箱", "Mailboxes affected")) }</dt><dd>{ share }</dd>
                <dt>{ bi(("系统可用", "System usable")) }</dt><dd>{ yes_no(facts.system_usable) }</dd>
                <dt>{ bi(("受损严重", "Seriously damaged")) }</dt><dd>{ yes_no(facts.seriously_damaged) }</dd>
                <dt>{ bi(("原因", "Cause")) }</dt><dd>{ cause }</dd>
            </dl>
        </div>
    }
}

/// The right column: the incident's moments, the verdict and the timeline drawing.
fn moments_and_verdict(inc: &Incident, r: &IncidentResult, a: &Assessment, lang: Lang) -> Html {
    html! {
        <div>
            <h2>{ bi(("时间线", "Timeline")) }{ " (UTC+08:00)" }</h2>
            <dl>
                { for moments(inc, lang).iter().map(|(l, t)| html! { <><dt>{ bi(*l) }</dt><dd>{ t }</dd></> }) }
            </dl>
            <h2>{ bi(("结论", "Verdict")) }</h2>
            <dl>
                <dt>{ bi(("责任认定", "Coverage")) }</dt><dd id="sheet-coverage">{ bi(labels::of(&r.coverage)) }{ " " }<span class="clause">{ &r.coverage_clause }</span></dd>
                <dt>{ bi(("优先级", "Priority")) }</dt><dd>{ lang.pick(&r.priority_name.zh, &r.priority_name.en) }</dd>
                <dt>{ bi(("事件等级", "Event level")) }</dt><dd>{ bi(labels::of(&r.event_level)) }</dd>
                <dt>{ bi(("报告渠道", "Channel")) }</dt><dd>{ bi(labels::of(&r.channel)) }</dd>
            </dl>
            <Timeline id="sheet-timeline" width={460} incident={Rc::new(inc.clone())} result={Rc::new(r.clone())} as_of={a.as_of} />
        </div>
    }
}

/// Each deadline: commitment, clause, due, actual, status (and how late).
fn deadlines(r: &IncidentResult, lang: Lang) -> Html {
    html! {
        <table class="sheet-deadlines">
            <thead><tr>
                <th>{ bi(("承诺", "Commitment")) }</th><th>{ bi(("条款", "Clause")) }</th>
                <th>{ bi(("截止", "Due")) }</th><th>{ bi(("实际", "Actual")) }</th><th>{ bi(("结果", "Status")) }</th>
            </tr></thead>
            <tbody>
            { for r.deadlines.iter().map(|d| {
                let late = (d.late_seconds > 0).then(|| format!(" +{}", lang.duration(d.late_seconds)));
                html! {
                    <tr>
                        <td>{ bi(labels::of(&d.kind)) }</td>
                        <td><span class="clause">{ &d.clause }</span></td>
                        <td>{ lang.date_time(&d.due) }</td>
                        <td>{ lang.opt_date_time(d.actual.as_ref()) }</td>
                        <td class={classes!("status", status_class(d.status))}>{ bi(labels::of(&d.status)) }{ late.unwrap_or_default() }</td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
    }
}

/// The damages (L4.2) with the days, what counts after the cap, and the cap (L4.3).
fn penalty(r: &IncidentResult, a: &Assessment, lang: Lang) -> Html {
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
    html! {
        <div class="sheet-penalty">
            <h2>{ bi(("违约金", "Liquidated damages")) }{ " " }<span class="clause">{ "L4.2 · L4.3" }</span></h2>
            <p><strong class="big" id="sheet-penalty">{ r.penalty.amount.pretty() }</strong>
                { figures }
                if r.penalty.accruing { { " · " }{ bi(("仍在累计", "still accruing")) } }</p>
        </div>
    }
}

/// Every clause the result rests on, quoted: in Chinese; or in English beside the original
/// Chinese the letter binds with.
fn clauses(cited: &[&Clause], lang: Lang) -> Html {
    html! {
        <table class="sheet-clauses" id="sheet-clauses">
            <tbody>
            { for cited.iter().map(|c| match lang {
                Lang::Zh => html! {
                    <tr><td><span class="clause">{ c.0 }</span></td><td colspan="2">{ c.1 }</td></tr>
                },
                // The English rendering, and the original the letter binds with.
                Lang::En => html! {
                    <tr><td><span class="clause">{ c.0 }</span></td><td>{ c.2 }</td><td class="orig" lang="zh-CN">{ c.1 }</td></tr>
                },
            }) }
            </tbody>
        </table>
    }
}

/// The share link as a QR code and as text, with the rules version and the result's
/// digest.
fn foot(link: &AttrValue, a: &Assessment, lang: Lang) -> Html {
    let qr = share::qr_path(link);
    let rules = match lang {
        Lang::Zh => format!("规则版本 {} · 结果摘要 ", a.rules_version),
        Lang::En => format!("Rules v{} · result digest ", a.rules_version),
    };
    html! {
        <footer class="sheet-foot">
            if let Some((n, d)) = qr {
                <svg id="share-qr" class="qr" viewBox={format!("0 0 {n} {n}")} role="img" aria-label={lang.pick("分享链接二维码", "QR code of the share link")}>
                    <rect width={n.to_string()} height={n.to_string()} fill="#fff" />
                    <path d={d} fill="#000" shape-rendering="crispEdges" />
                </svg>
            }
            <div>
                <p>{ bi(("分享链接(可重新打开本案例与结果)", "Share link (reopens this case and result)")) }</p>
                <p class="sheet-link" id="sheet-link">{ link.to_string() }</p>
                <p>{ rules }<code id="sheet-digest">{ slacalc::link::digest(a) }</code></p>
                <p>{ bi(("由 slacalc 在浏览器本地计算。", "Computed locally in the browser by slacalc.")) }</p>
            </div>
        </footer>
    }
}

/// The printable one-page assessment.
#[function_component(PrintSheet)]
pub fn print_sheet(p: &SheetProps) -> Html {
    let lang = use_lang();
    let a = &p.a;
    let (Some(r), Some(inc)) = (a.incidents.first(), p.case.incidents.first()) else {
        return html! {};
    };
    let cited = clauses::cited(r);
    html! {
        <section class="print-sheet" id="print-sheet">
            { head(a, lang) }
            <div class="sheet-cols">
                { contract_and_incident(&p.case.contract, inc, lang) }
                { moments_and_verdict(inc, r, a, lang) }
            </div>
            if !r.deadlines.is_empty() {
                { deadlines(r, lang) }
            }
            { penalty(r, a, lang) }
            <h2>{ bi(("所依据的条款原文", "Clauses relied on")) }</h2>
            { clauses(&cited, lang) }
            <h2>{ bi(("采用的解释", "Interpretation applied")) }</h2>
            <ul class="sheet-interp">
                { for interpretation(a, lang).into_iter().map(|(clause, label, value)| html! {
                    <li><span class="clause">{ clause }</span>{ " " }{ bi(label) }{ lang.pick(":", ": ") }<strong>{ value }</strong></li>
                }) }
            </ul>
            { foot(&p.link, a, lang) }
        </section>
    }
}
