//! `slacalc-bench`: the business-time engine as a bench-only wasm module (issue #8), loaded by
//! this crate's `index.html` beside dayjs-business-time, never by the page. Each export runs a whole
//! batch inside wasm, so one call crosses the JS boundary, not one per deadline.
//!
//! Calendar of the comparison: Mon–Fri 09:00–18:00 Asia/Shanghai (L1.1) with a plain list of
//! holiday dates and no make-up workdays, which dayjs-business-time cannot express.

mod batch;

mod exports {
    use super::batch;
    use wasm_bindgen::prelude::*;

    /// The PRC statutory holidays of `first..=last` as `YYYY-MM-DD,…`.
    #[wasm_bindgen]
    pub fn prc_holidays(first: i32, last: i32) -> String {
        batch::prc_dates(first, last, true).join(",")
    }

    /// The PRC make-up workdays of `first..=last` (left out of the comparison), `YYYY-MM-DD,…`.
    #[wasm_bindgen]
    pub fn prc_makeup_days(first: i32, last: i32) -> String {
        batch::prc_dates(first, last, false).join(",")
    }

    /// The deadline of each `(start, minutes)` pair, in UTC milliseconds.
    #[wasm_bindgen]
    pub fn deadlines(
        holidays: &str,
        starts_ms: &[f64],
        minutes: &[u32],
    ) -> Result<Vec<f64>, JsError> {
        let cal = batch::calendar(holidays).map_err(|e| JsError::new(&e))?;
        let mut out = Vec::with_capacity(starts_ms.len());
        batch::run(&cal, starts_ms, minutes, |t| out.push(t)).map_err(|e| JsError::new(&e))?;
        Ok(out)
    }

    /// The sum of the deadlines of every pair (UTC milliseconds): the timed call.
    #[wasm_bindgen]
    pub fn checksum(holidays: &str, starts_ms: &[f64], minutes: &[u32]) -> Result<f64, JsError> {
        let cal = batch::calendar(holidays).map_err(|e| JsError::new(&e))?;
        let mut sum = 0.0;
        batch::run(&cal, starts_ms, minutes, |t| sum += t).map_err(|e| JsError::new(&e))?;
        Ok(sum)
    }
}

/// The work is in the exports above, called from `bench.js`; Trunk builds a wasm binary.
fn main() {}
