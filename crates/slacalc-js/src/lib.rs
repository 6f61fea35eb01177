//! The JS API: the engine's `assess` and share links, exported by wasm-bindgen as a module of
//! its own, which the page's `boot.js` loads on demand: `await slacalcApi()` on the page's
//! window gives `{ assess, link }` (docs/js-api.md, `examples/js-api.html`). Not in the page's
//! first load (its JSON-to-JS serializer alone weighed 6 KB gzip there). It also reads the
//! ledger's imports for the page's worker ([`import`]: `TableSource`).

pub mod import;

use slacalc::{CaseError, Instant};
use wasm_bindgen::prelude::*;

/// A case given as a JSON text or as a plain object, read by the engine.
fn read_case(case: &JsValue) -> Result<slacalc::Case, JsValue> {
    let text = match case.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(case)
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| {
                problems(&[CaseError::at(
                    "",
                    slacalc::Problem::Format(
                        "the case is neither JSON text nor a plain object".into(),
                    ),
                )])
            })?,
    };
    slacalc::parse_case(&text).map_err(|e| problems(&e))
}

/// The moment to judge at: the given time (RFC 3339, or `2025-03-05 00:00` read in UTC+08:00),
/// or now when absent or empty.
fn read_as_of(as_of: Option<String>) -> Result<Instant, JsValue> {
    match as_of.filter(|t| !t.trim().is_empty()) {
        None => {
            let secs = (js_sys::Date::now() / 1000.0).floor() as i64;
            let utc = chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default();
            Ok(Instant(utc.fixed_offset()).local())
        }
        Some(t) => Instant::parse(&slacalc::time::normalize_typed(&t)).map_err(|_| {
            problems(&[CaseError::at(
                "as_of",
                slacalc::Problem::NotATime(t.trim().to_string()),
            )])
        }),
    }
}

/// What is thrown on bad input: an `Error` whose message lists every problem (English), with
/// `problems`: `[{path, zh, en}]`, the engine's own messages.
fn problems(errors: &[CaseError]) -> JsValue {
    let list = js_sys::Array::new();
    for e in errors {
        let item = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&item, &"path".into(), &e.path.as_str().into());
        let _ = js_sys::Reflect::set(&item, &"zh".into(), &e.zh().into());
        let _ = js_sys::Reflect::set(&item, &"en".into(), &e.en().into());
        list.push(&item);
    }
    let message: Vec<String> = errors.iter().map(|e| e.en()).collect();
    let error = js_sys::Error::new(&message.join("; "));
    let _ = js_sys::Reflect::set(&error, &"problems".into(), &list);
    error.into()
}

/// `assess(case, asOf)`: the assessment of a case (object or JSON text, format v1) as a plain
/// object, the same document `slacalc assess` prints. `asOf` (optional) is when pending
/// deadlines are judged. Throws an `Error` with `problems` on bad input.
#[wasm_bindgen(js_name = assess)]
pub fn js_assess(case: JsValue, as_of: Option<String>) -> Result<JsValue, JsValue> {
    let case = read_case(&case)?;
    let a = slacalc::assess(&case, read_as_of(as_of)?).map_err(|e| problems(&e))?;
    serde::Serialize::serialize(&a, &serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

/// `link(case, base, asOf)`: the share link of a case: `base` (the page's address) with the
/// case, the rules version and the result's digest in its `#c=…` fragment. Throws an `Error`
/// with `problems` on bad input.
#[wasm_bindgen(js_name = link)]
pub fn js_link(case: JsValue, base: String, as_of: Option<String>) -> Result<String, JsValue> {
    let case = read_case(&case)?;
    let a = slacalc::assess(&case, read_as_of(as_of)?).map_err(|e| problems(&e))?;
    Ok(slacalc::link::url(&base, &case, &a))
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    //! The JS API in headless Chromium (`make wasm-test`).
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    const WORKED: &str = include_str!("../../../examples/worked-example.json");

    fn worked() -> (slacalc::Case, slacalc::Assessment) {
        let case = slacalc::parse_case(WORKED).expect("example");
        let as_of = slacalc::Instant::parse("2026-01-01T00:00:00+08:00").expect("time");
        let a = slacalc::assess(&case, as_of).expect("assessed");
        (case, a)
    }

    #[wasm_bindgen_test]
    fn the_js_api_assesses_and_links() {
        let result = crate::js_assess(WORKED.into(), Some("2026-01-01T00:00:00+08:00".into()))
            .expect("assessed");
        let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).expect(k);
        let first = get(&get(&result, "incidents"), "0");
        assert_eq!(
            get(&get(&first, "penalty"), "amount")
                .as_string()
                .as_deref(),
            Some("5000.00")
        );
        // A plain object works as well as JSON text.
        let object = js_sys::JSON::parse(WORKED).expect("object");
        let link = crate::js_link(
            object,
            "https://x.invalid/".into(),
            Some("2026-01-01 00:00".into()),
        )
        .expect("link");
        let (case, a) = worked();
        assert_eq!(link, slacalc::link::url("https://x.invalid/", &case, &a));
        // Bad input throws the engine's messages with their paths.
        let err = crate::js_assess(WORKED.replace("1000000.00", "-5").into(), None)
            .expect_err("rejected");
        let problems = get(&err, "problems");
        assert_eq!(
            get(&get(&problems, "0"), "path").as_string().as_deref(),
            Some("contract.price")
        );
    }
}
