//! The parts loaded on demand (issue #16), with `import()` of this origin, never in the first
//! load (static/boot.js): the workbook module (the ledger import's readers, run in its worker:
//! workbooks, CSV, the synonyms and time notations; the `.xlsx` writer; the table for
//! documents, from a share link the module assesses again) and the timeline's picture.

use crate::state::import::{Answer, ImportFile};
use js_sys::{Function, Promise, Reflect, Uint8Array};
use slacalc::table::Imported;
use slacalc::terms::TermsSpec;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Whether a file's first bytes are a workbook's: a zip (`.xlsx`, `.ods`) or an OLE2
/// compound file (`.xls`).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// The module's export `name`, loading the module on first use.
async fn export(name: &str) -> Result<Function, JsValue> {
    let window = gloo::utils::window();
    let load: Function = Reflect::get(&window, &"slacalcWorkbook".into())?.dyn_into()?;
    let promise: Promise = load.call0(&window)?.dyn_into()?;
    let module = JsFuture::from(promise).await?;
    Reflect::get(&module, &name.into())?.dyn_into()
}

/// A problem from JavaScript as text.
fn text(e: JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
        .unwrap_or_default()
}

/// Runs boot.js's helper `name` (`slacalcCopyDocument`, `slacalcCopyPicture`, `slacalcCopyText`:
/// the first two load their part on demand) with `args`, and tells `done` how it
/// went (the problem as text: the clipboard refused, the part could not load…).
pub fn run(name: &'static str, args: Vec<JsValue>, done: yew::Callback<Result<(), String>>) {
    wasm_bindgen_futures::spawn_local(async move {
        let go = async {
            let window = gloo::utils::window();
            let f: Function = Reflect::get(&window, &name.into())?.dyn_into()?;
            let args: js_sys::Array = args.into_iter().collect();
            let promise: Promise = f.apply(&window, &args)?.dyn_into()?;
            JsFuture::from(promise).await.map(|_| ())
        };
        done.emit(go.await.map_err(text));
    });
}

/// Reads a file for the ledger's import in the module's worker (boot.js's
/// `slacalcReadTable`: off the page's thread, so a 10,000-row file does not stop the page):
/// `file` is sent for its first read (the worker keeps it; `None` reads the kept one again),
/// under `terms` with the user's answers `columns`. `progress` hears the rows read so far
/// and how many there are between slices. What was read, or the problem as text (the
/// module's message, or why it could not load). A newer read ends this one unanswered.
pub async fn read_table(
    file: Option<ImportFile>,
    terms: &TermsSpec,
    columns: &[Answer],
    progress: impl Fn(usize, usize) + 'static,
) -> Result<Imported, String> {
    let (data, workbook): (JsValue, bool) = match &file {
        Some(ImportFile::Workbook(bytes)) => (Uint8Array::from(bytes.as_slice()).into(), true),
        Some(ImportFile::Text(text)) => (JsValue::from_str(text), false),
        None => (JsValue::UNDEFINED, false),
    };
    let terms = serde_json::to_string(terms).map_err(|e| e.to_string())?;
    let columns = serde_json::to_string(columns).map_err(|e| e.to_string())?;
    let heard = Closure::<dyn Fn(f64, f64)>::new(move |done: f64, all: f64| {
        progress(done as usize, all as usize)
    });
    let go = async {
        let window = gloo::utils::window();
        let read: Function = Reflect::get(&window, &"slacalcReadTable".into())?.dyn_into()?;
        let args: js_sys::Array = [
            data,
            workbook.into(),
            terms.into(),
            columns.into(),
            heard.as_ref().clone(),
        ]
        .into_iter()
        .collect();
        let promise: Promise = read.apply(&window, &args)?.dyn_into()?;
        JsFuture::from(promise).await
    };
    let json = go.await.map_err(text)?.as_string().unwrap_or_default();
    drop(heard);
    serde_json::from_str(&json).map_err(|e| e.to_string())
}

/// Reads holiday rulings (L1.1) from a notice text, a holiday JSON or an iCalendar file in the
/// module (its readers stay out of the first load): the rulings, or the problem in Chinese
/// and English. `year` is for a notice that names none (0: none); `earlier` are the rulings
/// already added (a notice that extends a break needs it).
pub async fn rulings(
    input: &str,
    year: i32,
    earlier: &[slacalc::calendar::HolidayRuling],
) -> Result<Vec<slacalc::calendar::HolidayRuling>, (String, String)> {
    let earlier = serde_json::to_string(earlier).unwrap_or_default();
    let problem = |e: String| match e.split_once('\u{1f}') {
        Some((zh, en)) => (zh.to_string(), en.to_string()),
        None => (e.clone(), e),
    };
    let read = export("rulings_of_text")
        .await
        .map_err(|e| problem(text(e)))?;
    let out = read
        .call3(&JsValue::NULL, &input.into(), &year.into(), &earlier.into())
        .map_err(|e| problem(text(e)))?
        .as_string()
        .unwrap_or_default();
    serde_json::from_str(&out).map_err(|e| problem(e.to_string()))
}
