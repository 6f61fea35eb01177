//! Files the user chooses: read as text in the browser (nothing is uploaded), and files
//! given back as `data:` addresses (downloaded with a link's `download` attribute; no
//! request leaves the browser).

use web_sys::HtmlInputElement;
use yew::{Callback, Event, TargetCast};

/// The `onchange` of a file input that may be given the same file again (after an undo,
/// say): the file's name and text, once read.
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
            let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else {
                return;
            };
            if let Some(text) = text.as_string() {
                then.emit((name, text));
            }
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
