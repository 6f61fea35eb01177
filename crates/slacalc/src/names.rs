//! What the engine's values are called, in Chinese and English, so the CLI text, the page
//! and the explanations use the same words.

use crate::calendar::Channel;
use crate::coverage::Coverage;
use crate::deadline::Status;
use crate::penalty::period_names;
use crate::terms::{Effect, PenaltyDays, Per};
use crate::vocab::{Cause, Clock, DeadlineKind, EventLevel};

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

impl Named for Cause {
    /// L4.1 (vendor), L5.2, L5.3.
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            Cause::Vendor => ("厂商(我方)原因", "a vendor cause"),
            Cause::CustomerPower => ("客户方停电", "a customer-side power cut"),
            Cause::CustomerWater => ("客户方进水", "water ingress on the customer's side"),
            Cause::CustomerUps => ("客户方 UPS 电力中断", "a customer UPS failure"),
            Cause::ServerHardware => ("服务器硬件问题", "server hardware"),
            Cause::OperatingSystem => ("操作系统问题", "the operating system"),
            Cause::CustomerMisoperation => ("客户误操作", "customer mis-operation"),
            Cause::Network => ("网络环境问题", "the network environment"),
            Cause::Unknown => ("原因未明", "an unknown cause"),
        }
    }
}

impl Named for Clock {
    /// L3.3a–c, L4.1 (the office-hours clock counts the hours of L1.1).
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            Clock::TwentyFourSeven => ("24×7 时钟", "24×7 clock"),
            Clock::OfficeHours => ("办公时间时钟", "office-hours clock"),
        }
    }
}

impl Named for Effect {
    /// L5.2 (best effort), L5.3 (no SLA); `extend` is followed by its duration ("by 4 h").
    fn names(&self) -> (&'static str, &'static str) {
        match self {
            Effect::NoSla => (
                "不计服务时限、无违约金(不在免费维护范围,收费)",
                "no SLA timer, no damages (outside free maintenance, billable)",
            ),
            Effect::BestEffort => (
                "响应时限照计,尽力恢复数据,无恢复承诺、无违约金",
                "response timers run; best-effort recovery, no restore commitment, no damages",
            ),
            Effect::Extend => ("所有期限顺延", "every deadline extended"),
        }
    }
}

/// L4.2: how penalty periods (`per`, a day or an hour) are counted, in words.
pub fn counting_names(counting: PenaltyDays, per: Per) -> (String, String) {
    let (p, e) = period_names(per);
    match counting {
        PenaltyDays::StartedPeriods => (
            format!("每开始一{p}计一{p}"),
            format!("each started {e} counts in full"),
        ),
        PenaltyDays::PastDeadline => (
            format!("只计恢复期限之后的时间,每开始一{p}计一{p}"),
            format!("only time past the restore deadline, each started {e} in full"),
        ),
        PenaltyDays::WholeDays => (
            format!("只计完整的{p}(向下取整)"),
            format!("whole {e}s only (rounded down)"),
        ),
        PenaltyDays::ProRata => (
            format!("按实际时长折算{p}数"),
            format!("the exact share of a {e}"),
        ),
        PenaltyDays::CalendarDays => (
            format!("按涉及的自然{p}计"),
            format!("each calendar {e} touched"),
        ),
    }
}

/// L1.1: the open days of office hours in words: `周一至周五` / `Mon–Fri` for a run of three or
/// more consecutive days, else each day (`周六、周日` / `Sat, Sun`); an unknown id is kept as
/// written.
pub fn office_days(days: &[String]) -> (String, String) {
    const DAYS: [(&str, &str, &str); 7] = [
        ("mon", "周一", "Mon"),
        ("tue", "周二", "Tue"),
        ("wed", "周三", "Wed"),
        ("thu", "周四", "Thu"),
        ("fri", "周五", "Fri"),
        ("sat", "周六", "Sat"),
        ("sun", "周日", "Sun"),
    ];
    let index: Vec<Option<usize>> = days
        .iter()
        .map(|d| DAYS.iter().position(|x| x.0 == d.to_ascii_lowercase()))
        .collect();
    let run = index.len() >= 3
        && index
            .windows(2)
            .all(|w| matches!((w[0], w[1]), (Some(a), Some(b)) if b == a + 1));
    if let (true, Some(Some(first)), Some(Some(last))) = (run, index.first(), index.last()) {
        let (a, b) = (DAYS[*first], DAYS[*last]);
        return (format!("{}至{}", a.1, b.1), format!("{}–{}", a.2, b.2));
    }
    let name = |i: usize, zh: bool| -> String {
        match index[i] {
            Some(k) if zh => DAYS[k].1.to_string(),
            Some(k) => DAYS[k].2.to_string(),
            None => days[i].clone(),
        }
    };
    let zh: Vec<String> = (0..days.len()).map(|i| name(i, true)).collect();
    let en: Vec<String> = (0..days.len()).map(|i| name(i, false)).collect();
    (zh.join("、"), en.join(", "))
}

#[cfg(test)]
mod days_tests {
    use super::office_days;

    #[test]
    fn office_days_read_as_words() {
        let d = |s: &[&str]| office_days(&s.iter().map(|x| x.to_string()).collect::<Vec<_>>());
        assert_eq!(
            d(&["mon", "tue", "wed", "thu", "fri"]),
            ("周一至周五".to_string(), "Mon–Fri".to_string())
        );
        assert_eq!(
            d(&["sat", "sun"]),
            ("周六、周日".to_string(), "Sat, Sun".to_string())
        );
        assert_eq!(
            d(&["mon", "wed", "fri"]),
            ("周一、周三、周五".to_string(), "Mon, Wed, Fri".to_string())
        );
        assert_eq!(d(&["x"]), ("x".to_string(), "x".to_string()));
    }
}
