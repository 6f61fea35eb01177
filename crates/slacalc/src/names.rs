//! What the engine's values are called, in Chinese and English, so the CLI text, the page
//! and the explanations use the same words.

use crate::calendar::Channel;
use crate::coverage::Coverage;
use crate::deadline::Status;
use crate::vocab::{DeadlineKind, EventLevel};

/// A value with a Chinese and an English name.
pub trait Named {
    /// (Chinese, English).
    fn names(&self) -> (&'static str, &'static str);
}

impl Named for EventLevel {
    /// L2.1–L2.3.
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            EventLevel::Emergency => ("紧急事件", "emergency event"),
            EventLevel::General => ("一般事件", "general event"),
            EventLevel::Consultation => ("咨询", "consultation"),
        }
    }
}

impl Named for Channel {
    /// L1.1/L1.2.
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            Channel::OfficeHotline => ("办公时间热线", "office hotline"),
            Channel::Hotline24x7 => ("7×24 小时热线", "24×7 hotline"),
        }
    }
}

impl Named for Coverage {
    /// L4.1, L5.2, L5.3, L2.3.
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            Coverage::Covered => ("适用恢复承诺", "covered"),
            Coverage::NoInterruption => ("服务未中断", "no interruption"),
            Coverage::ExcludedCustomerSide => (
                "客户方原因(尽力恢复数据)",
                "customer-side cause (best-effort data recovery)",
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
}

impl Named for DeadlineKind {
    /// L3.3a–c, L4.1.
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            DeadlineKind::PhoneResponse => ("电话响应", "phone response"),
            DeadlineKind::RemoteAccess => ("远程访问", "remote access"),
            DeadlineKind::Response => ("响应", "response"),
            DeadlineKind::Restore => ("恢复服务", "restore"),
        }
    }
}

impl Named for Status {
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            Status::Met => ("达成", "met"),
            Status::Missed => ("超时", "missed"),
            Status::Pending => ("未到期", "pending"),
        }
    }
}
