//! The page's words for the engine's values and the choices of its selects, each a pair
//! (Chinese, English) of which the page shows only its language (issue #6).

use crate::i18n::lang::Lang;
use slacalc::names::Named;

/// A label in both languages: (Chinese, English).
pub type Bi = (&'static str, &'static str);

/// The two names of an engine value.
pub fn of(v: &impl Named) -> Bi {
    v.names()
}

/// The name of an engine value in `lang` (as plain text, for long tables).
pub fn name(lang: Lang, v: &impl Named) -> &'static str {
    let (zh, en) = v.names();
    lang.pick(zh, en)
}

/// The two names of a coverage id (`covered`, …; empty for an id the engine does not have).
pub fn coverage_names(id: &str) -> Bi {
    use slacalc::coverage::Coverage as C;
    [
        C::Covered,
        C::NoInterruption,
        C::ExcludedCustomerSide,
        C::OutsideFreeMaintenance,
        C::OutsideWarranty,
        C::Consultation,
        C::Contingent,
    ]
    .into_iter()
    .find(|c| c.id() == id)
    .map_or(("", ""), |c| c.names())
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
