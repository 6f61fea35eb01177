//! Files the user chooses: read as text in the browser (nothing is uploaded), and files
//! given back as `data:` addresses (downloaded with a link's `download` attribute; no
//! request leaves the browser).

use web_sys::HtmlInputElement;
use yew::{Callback, Event, TargetCast};

/// The text of a file as Chinese offices save it (issue #16), decoded by the browser's own
/// `TextDecoder` (nothing added to the first load): a byte-order mark decides (UTF-8,
/// UTF-16LE, UTF-16BE); else UTF-8 if the bytes are valid UTF-8; else GB18030 (GBK), what
/// Excel and WPS write as "CSV (逗号分隔)" on Chinese Windows.
pub fn decode_text(bytes: &[u8]) -> String {
    let label = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => "utf-8",
        [0xFF, 0xFE, ..] => "utf-16le",
        [0xFE, 0xFF, ..] => "utf-16be",
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => return text.to_string(),
            Err(_) => "gb18030",
        },
    };
    web_sys::TextDecoder::new_with_label(label)
        .and_then(|d| d.decode_with_u8_array(bytes))
        .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
}

/// The `onchange` of a file input that may be given the same file again (after an undo,
/// say): the file's name and text, once read and decoded ([`decode_text`]).
pub fn read_named_file(then: Callback<(String, String)>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        // The same file may be chosen again.
        input.set_value("");
        let name = file.name();
        let then = then.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            then.emit((name, decode_text(&bytes)));
        });
    })
}

/// A UTF-8 text of type `media` as a `data:` address.
fn data_url(media: &str, text: &str) -> String {
    format!(
        "data:{media};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// A calendar file (`.ics`) as a `data:` address.
pub fn calendar_address(text: &str) -> String {
    data_url("text/calendar", text)
}

/// A JSON file (custom terms) as a `data:` address.
pub fn json_address(text: &str) -> String {
    data_url("application/json", text)
}

/// A CSV file as a `data:` address, with a byte-order mark so that spreadsheet programs
/// read the Chinese text as UTF-8.
pub fn csv_address(text: &str) -> String {
    data_url("text/csv", &format!("\u{feff}{text}"))
}
