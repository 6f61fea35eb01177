//! The parts loaded on demand (issue #16), with `import()` of this origin, never in the first
//! load (static/boot.js): the workbook module (calamine's readers, which give a sheet back as
//! CSV text for the page's own engine to read as any CSV; the `.xlsx` writer; the table for
//! documents, from a share link the module assesses again) and the timeline's picture.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Whether a file's first bytes are a workbook's: a zip (`.xlsx`, `.ods`) or an OLE2
/// compound file (`.xls`).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// A workbook's first sheet as the module read it.
pub struct Sheet {
    /// `xlsx`, `xls`, `ods`…
    pub format: String,
    /// The sheet's name.
    pub sheet: String,
    /// The sheet as CSV text, each cell as the text the engine's readers take it as (a date
    /// cell as `YYYY-MM-DD HH:MM:SS`): read as any CSV, with no reader of typed cells (their
    /// floats and date-times) in the first load.
    pub csv: String,
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

/// Reads the first sheet of a workbook in a worker (boot.js's `slacalcReadWorkbook`: the
/// workbook module off the page's thread, so a 10,000-row sheet does not stop the page); the
/// problem as text (the module's message, or why it could not load).
pub async fn first_sheet(bytes: &[u8]) -> Result<Sheet, String> {
    let go = async {
        let window = gloo::utils::window();
        let read: Function = Reflect::get(&window, &"slacalcReadWorkbook".into())?.dyn_into()?;
        let promise: Promise = read.call1(&window, &Uint8Array::from(bytes))?.dyn_into()?;
        JsFuture::from(promise).await
    };
    let out = go.await.map_err(text)?.as_string().unwrap_or_default();
    let mut parts = out.splitn(3, '\u{1f}').map(str::to_string);
    Ok(Sheet {
        format: parts.next().unwrap_or_default(),
        sheet: parts.next().unwrap_or_default(),
        csv: parts.next().unwrap_or_default(),
    })
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
