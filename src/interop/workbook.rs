//! The workbook module (issue #16): calamine's readers as their own wasm, loaded with
//! `import()` of this origin the first time a workbook is picked (static/boot.js,
//! `slacalcWorkbook`), never in the first load. It gives a sheet back as CSV text, which the
//! page's own engine reads as any CSV (`table::read_table`).

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

/// Reads the first sheet of a workbook; the problem as text (the module's message, or why
/// it could not load).
pub async fn first_sheet(bytes: &[u8]) -> Result<Sheet, String> {
    let text = |e: JsValue| {
        e.as_string()
            .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
            .unwrap_or_default()
    };
    let read = export("workbook_grid").await.map_err(text)?;
    let out = read
        .call2(&JsValue::NULL, &Uint8Array::from(bytes), &"".into())
        .map_err(text)?
        .as_string()
        .unwrap_or_default();
    let mut parts = out.splitn(3, '\u{1f}').map(str::to_string);
    Ok(Sheet {
        format: parts.next().unwrap_or_default(),
        sheet: parts.next().unwrap_or_default(),
        csv: parts.next().unwrap_or_default(),
    })
}
