//! The contract's commitments as numbers: the built-in preset of the eyou letter
//! (L1.1, L3.3a–c, L4.1–L4.3), adjusted by the case's interpretation.

use crate::calendar::Calendar;
use crate::case::{Interpretation, PRESET_EYOU_SDJU};

/// The numbers behind the letter's commitments, after the interpretation is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terms {
    /// Preset id, `"eyou-sdju"`.
    pub id: &'static str,
    /// L1.1/L3.1 office hours (Mon–Fri 09:00–18:00 Asia/Shanghai with the PRC statutory
    /// calendar), which decide the reporting channel (L1.2).
    pub office: Calendar,
    /// L3.3a/b: "immediately", in seconds after the report (interpretation: tolerance).
    pub phone_response_secs: i64,
    /// L3.3a/b: remote access within 30 minutes of the report.
    pub remote_access_secs: i64,
    /// L3.3c: response within 1 hour of the request.
    pub general_response_secs: i64,
    /// L4.1: restore normal service within 2 hours.
    pub restore_secs: i64,
    /// L4.2: 0.25 % of the contract price per day of interruption = 25 basis points.
    pub penalty_bp_per_day: u32,
    /// L4.3: total liquidated damages at most 5 % of the price = 500 basis points.
    pub cap_bp: u32,
    /// L2.1: more than this percentage of mailboxes is a majority.
    pub majority_threshold_pct: u32,
}

impl Terms {
    /// The built-in terms named `id`, read under `interp`; `None` for an unknown id.
    pub fn preset(id: &str, interp: &Interpretation) -> Option<Terms> {
        (id == PRESET_EYOU_SDJU).then(|| Terms {
            id: PRESET_EYOU_SDJU,
            office: Calendar::letter(),
            phone_response_secs: i64::from(interp.immediate_tolerance_minutes) * 60,
            remote_access_secs: 30 * 60,
            general_response_secs: 60 * 60,
            restore_secs: 2 * 60 * 60,
            penalty_bp_per_day: 25,
            cap_bp: 500,
            majority_threshold_pct: interp.majority_threshold_pct,
        })
    }
}
