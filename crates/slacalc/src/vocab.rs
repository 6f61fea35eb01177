//! The letter's shared words, at the bottom of the engine (this module uses no other): what
//! caused a fault, which commitment a deadline belongs to, the event levels of L2 and the
//! clock a commitment runs on. The terms, the case, the classification and the deadlines all
//! speak them; each keeps its serde name, the word the case format and the results use.

use serde::{Deserialize, Serialize};

/// What caused the fault; decides the exclusions of L5.2 and L5.3 (and whether the vendor
/// cause of L4.1 holds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// The vendor's software or staff (including a vendor engineer's mistake).
    Vendor,
    /// L5.2: customer-side power cut.
    CustomerPower,
    /// L5.2: water ingress on the customer's side.
    CustomerWater,
    /// L5.2: customer UPS failure.
    CustomerUps,
    /// L5.3: server hardware.
    ServerHardware,
    /// L5.3: operating system.
    OperatingSystem,
    /// L5.3: the customer's mis-operation.
    CustomerMisoperation,
    /// L5.3: network environment.
    Network,
    /// Not known yet: the outcome is contingent on the cause.
    Unknown,
}

/// Which commitment a deadline belongs to: the timed promises of L3.3a–c and L4.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// L3.3a/b: phone staff respond "immediately".
    PhoneResponse,
    /// L3.3a/b: an engineer starts remote access within 30 minutes.
    RemoteAccess,
    /// L3.3c: staff respond within 1 hour.
    Response,
    /// L4.1: normal service restored within 2 hours.
    Restore,
}

/// L2: the event level of the letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventLevel {
    /// L2.1 紧急事件: the majority of users' mail is affected.
    Emergency,
    /// L2.2 一般事件: a minority is affected.
    General,
    /// L2.3 咨询: a consultation, not a fault.
    Consultation,
}

/// Which clock a commitment runs on (L3.3a–c, L4.1; the alternative "office-hours clock"
/// counts only the office hours of L1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Clock {
    /// Every second counts, day and night (the letter's default).
    #[serde(rename = "24x7")]
    TwentyFourSeven,
    /// Only office hours count (L1.1 with the holiday calendar).
    #[serde(rename = "office_hours")]
    OfficeHours,
}
