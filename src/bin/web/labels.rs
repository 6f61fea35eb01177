//! The page's words for the engine's values, Chinese first with English beside.

use slacalc::calendar::Channel;
use slacalc::case::Priority;
use slacalc::classify::EventLevel;
use slacalc::coverage::Coverage;
use slacalc::deadline::{DeadlineKind, Status};

/// A label in both languages.
pub type Bi = (&'static str, &'static str);

pub fn priority(p: Priority) -> Bi {
    match p {
        Priority::Urgent => ("紧急", "urgent"),
        Priority::Serious => ("严重", "serious"),
        Priority::General => ("一般", "general"),
    }
}

pub fn event_level(e: EventLevel) -> Bi {
    match e {
        EventLevel::Emergency => ("紧急事件", "emergency event"),
        EventLevel::General => ("一般事件", "general event"),
        EventLevel::Consultation => ("咨询", "consultation"),
    }
}

pub fn channel(c: Channel) -> Bi {
    match c {
        Channel::OfficeHotline => ("办公时间热线", "office hotline"),
        Channel::Hotline24x7 => ("7×24 小时热线", "24×7 hotline"),
    }
}

pub fn coverage(c: Coverage) -> Bi {
    match c {
        Coverage::Covered => ("适用恢复承诺", "covered"),
        Coverage::NoInterruption => ("服务未中断", "no interruption"),
        Coverage::ExcludedCustomerSide => (
            "客户方原因(尽力恢复数据)",
            "customer-side cause (best-effort recovery)",
        ),
        Coverage::OutsideFreeMaintenance => (
            "不在免费维护范围(收费)",
            "outside free maintenance (billable)",
        ),
        Coverage::OutsideWarranty => ("保修期外", "outside the warranty period"),
        Coverage::Consultation => ("咨询,无时限", "consultation, no timer"),
        Coverage::Contingent => ("取决于原因", "contingent on the cause"),
    }
}

pub fn deadline_kind(k: DeadlineKind) -> Bi {
    match k {
        DeadlineKind::PhoneResponse => ("电话响应", "phone response"),
        DeadlineKind::RemoteAccess => ("远程访问", "remote access"),
        DeadlineKind::Response => ("响应", "response"),
        DeadlineKind::Restore => ("恢复服务", "restore"),
    }
}

pub fn status(s: Status) -> Bi {
    match s {
        Status::Met => ("达成", "met"),
        Status::Missed => ("超时", "missed"),
        Status::Pending => ("未到期", "pending"),
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
