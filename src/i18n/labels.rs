//! The page's words for the engine's values, and the one way the page shows a text: a `Bi`
//! pair (Chinese, English) of which only the page's language is shown (issue #6).

use slacalc::deadline::Status;
pub use slacalc::names::Named;
use yew::prelude::*;

pub use crate::i18n::lang::Lang;

/// A label in both languages.
pub type Bi = (&'static str, &'static str);

/// The page's language, from the context the app provides (Chinese when there is none).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// A text in both languages.
#[derive(Properties, PartialEq)]
pub struct TProps {
    /// Chinese.
    pub zh: AttrValue,
    /// English.
    pub en: AttrValue,
}

/// A text shown in the page's language (and shown again when the language changes).
#[function_component(T)]
pub fn t(p: &TProps) -> Html {
    let text = match use_lang() {
        Lang::Zh => p.zh.clone(),
        Lang::En => p.en.clone(),
    };
    html! { { text } }
}

/// A label as page text, in the page's language.
pub fn bi(label: Bi) -> Html {
    html! { <T zh={label.0} en={label.1} /> }
}

/// The two names of an engine value.
pub fn of(v: &impl Named) -> Bi {
    v.names()
}

/// The name of an engine value in `lang` (as plain text, for long tables).
pub fn name(lang: Lang, v: &impl Named) -> &'static str {
    let (zh, en) = v.names();
    lang.pick(zh, en)
}

/// A moment in `lang` (or `—`) whose date and time each stay on one line: a narrow table
/// breaks between them, never inside a date.
pub fn when(lang: Lang, t: Option<&slacalc::Instant>) -> Html {
    let text = lang.opt_date_time(t);
    match text.rsplit_once(' ') {
        Some((date, time)) => html! {
            <span class="when"><span>{ date.to_string() }</span>{ " " }<span>{ time.to_string() }</span></span>
        },
        None => html! { { text } },
    }
}

/// How late a deadline was met (`+28小时50分钟`, `+28 h 50 min`): a narrow table may break it
/// between its units, never inside one.
pub fn late(lang: Lang, secs: i64) -> Html {
    let pieces = crate::i18n::lang::units(&format!("+{}", lang.duration(secs)));
    html! {
        <span class="late">
            { for pieces.into_iter().enumerate().map(|(i, p)| html! {
                <>if i > 0 { <wbr /> }<span>{ p }</span></>
            }) }
        </span>
    }
}

pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::Missed => "missed",
        Status::Pending => "pending",
    }
}

/// Options of the cause select: value, Chinese, English, clause.
pub const CAUSES: [(&str, &str, &str); 9] = [
    ("vendor", "厂商软件或人员", "vendor software or staff"),
    (
        "customer_power",
        "客户方停电 (L5.2)",
        "customer power cut (L5.2)",
    ),
    (
        "customer_water",
        "客户方进水 (L5.2)",
        "customer water ingress (L5.2)",
    ),
    (
        "customer_ups",
        "客户方 UPS 中断 (L5.2)",
        "customer UPS failure (L5.2)",
    ),
    (
        "server_hardware",
        "服务器硬件 (L5.3)",
        "server hardware (L5.3)",
    ),
    (
        "operating_system",
        "操作系统 (L5.3)",
        "operating system (L5.3)",
    ),
    (
        "customer_misoperation",
        "客户误操作 (L5.3)",
        "customer mis-operation (L5.3)",
    ),
    ("network", "网络环境 (L5.3)", "network environment (L5.3)"),
    ("unknown", "原因未明", "unknown"),
];

/// Options of the declared-priority select.
pub const PRIORITIES: [(&str, &str, &str); 4] = [
    ("", "未说明", "not stated"),
    ("urgent", "紧急 (L3.3a)", "urgent"),
    ("serious", "严重 (L3.3b)", "serious"),
    ("general", "一般 (L3.3c)", "general"),
];

/// Options of the request-kind select.
pub const KINDS: [(&str, &str, &str); 2] = [
    ("fault", "故障", "fault"),
    ("consultation", "咨询 (L2.3)", "consultation"),
];

/// Options of the priority-source switch.
pub const PRIORITY_SOURCES: [(&str, &str, &str); 2] = [
    ("declared", "按客户说明(默认)", "declared (default)"),
    ("suggested", "按建议优先级", "suggested"),
];
