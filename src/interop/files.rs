//! Files the user chooses: read as text in the browser (nothing is uploaded), and files
//! given back as `data:` addresses (downloaded with a link's `download` attribute; no
//! request leaves the browser).

use web_sys::HtmlInputElement;
use yew::{Callback, Event, TargetCast};

/// The text of a file as Chinese offices save it (issue #16), in the encoding the engine
/// finds (`spreadsheet::sniff_encoding`, as the CLI), decoded by the browser's own
/// `TextDecoder` (no decoder crate in the first load).
pub fn decode_text(bytes: &[u8]) -> String {
    decode(bytes).1
}

/// The text of a file ([`decode_text`]) and the name of the encoding it was found in.
pub fn decode(bytes: &[u8]) -> (&'static str, String) {
    let (found, bom) = slacalc::spreadsheet::sniff_encoding(bytes);
    let rest = &bytes[bom..];
    let text = if found == slacalc::spreadsheet::TextEncoding::Utf8 {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        web_sys::TextDecoder::new_with_label(found.label())
            .and_then(|d| d.decode_with_u8_array(rest))
            .unwrap_or_else(|_| String::from_utf8_lossy(rest).into_owned())
    };
    (found.name(), text)
}

/// The `onchange` of a file input that may be given the same file again (after an undo,
/// say): the file's name and bytes, once read.
pub fn read_file_bytes(then: Callback<(String, Vec<u8>)>) -> Callback<Event> {
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
            then.emit((name, js_sys::Uint8Array::new(&buffer).to_vec()));
        });
    })
}

/// The `onchange` of a file input that may be given the same file again (after an undo,
/// say): the file's name and text, once read and decoded ([`decode_text`]).
pub fn read_named_file(then: Callback<(String, String)>) -> Callback<Event> {
    read_file_bytes(then.reform(|(name, bytes): (String, Vec<u8>)| (name, decode_text(&bytes))))
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
