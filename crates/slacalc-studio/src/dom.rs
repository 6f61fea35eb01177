//! The builder's ties to the page it is opened in, through the page's own fields, as a
//! person would use them: terms built here are written into the page's terms field
//! (`#terms-json`, custom terms turned on first), and the page's terms and language come back
//! through the slot's `data-terms` and the page's `<html lang>`.

use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

thread_local! {
    /// Terms are on their way to the page and it has not shown them yet (custom terms being
    /// turned on fill the page's field with the letter's first): what the page shows
    /// meanwhile is not news.
    static SENDING: Cell<bool> = const { Cell::new(false) };
    /// The newest terms to write, while the page's field is not there yet.
    static LATEST: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether a wait for the page's field is under way (one at a time).
    static WAITING: Cell<bool> = const { Cell::new(false) };
}

/// Whether terms are on their way to the page.
pub fn sending() -> bool {
    SENDING.with(Cell::get)
}

/// The page shows terms sent from here: what it shows next is news again.
pub fn arrived() {
    SENDING.with(|s| s.set(false));
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Writes `text` as the page's custom terms, as typed into its field: custom terms are
/// turned on first when they are off (the field appears on the page's next render; what is
/// typed meanwhile is kept, and only the newest terms are written).
pub fn send(text: String) {
    SENDING.with(|s| s.set(true));
    LATEST.with(|l| *l.borrow_mut() = Some(text));
    if !WAITING.with(Cell::get) {
        write(0);
    }
}

fn write(tries: u32) {
    WAITING.with(|w| w.set(false));
    let Some(doc) = document() else { return };
    if let Some(area) = doc
        .get_element_by_id("terms-json")
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
    {
        let Some(text) = LATEST.with(|l| l.borrow_mut().take()) else {
            return;
        };
        area.set_value(&text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(e) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = area.dispatch_event(&e);
        }
        return;
    }
    if tries == 0 {
        if let Some(toggle) = doc
            .get_element_by_id("custom-terms")
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            if !toggle.checked() {
                toggle.click();
            }
        }
    }
    if tries >= 100 {
        SENDING.with(|s| s.set(false));
        return;
    }
    WAITING.with(|w| w.set(true));
    let again = Closure::once_into_js(move || write(tries + 1));
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), 10);
    }
}

/// The page's terms (the slot's `data-terms`: empty for the letter's) and whether it is in
/// Chinese (`<html lang>`).
pub fn page_state(slot: &Element) -> (String, bool) {
    let zh = document()
        .and_then(|d| d.document_element())
        .and_then(|h| h.get_attribute("lang"))
        .is_none_or(|l| l.starts_with("zh"));
    (slot.get_attribute("data-terms").unwrap_or_default(), zh)
}

/// Calls `changed` whenever the page changes the slot's terms or its language; the observer
/// lives as long as the page.
pub fn watch(slot: &Element, changed: impl Fn() + 'static) {
    let callback = Closure::<dyn Fn()>::new(changed);
    if let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_attributes(true);
        let _ = observer.observe_with_options(slot, &options);
        if let Some(html) = document().and_then(|d| d.document_element()) {
            let _ = observer.observe_with_options(&html, &options);
        }
    }
    callback.forget();
}

/// A `data:` address of a JSON text, for a download link.
pub fn json_address(text: &str) -> String {
    format!(
        "data:application/json;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// A `data:` address of a CSV text (with a byte-order mark, for spreadsheet programs).
pub fn csv_address(text: &str) -> String {
    format!(
        "data:text/csv;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&format!("\u{feff}{text}")))
    )
}

/// Prints `shown` alone on its sheet: moved to the end of the body for the print (studio.css
/// hides the page while the body has the class `class`), and back after `#ledger-panel` and
/// without the class once printed.
pub fn print_alone(class: &'static str, shown: Element) {
    let Some(w) = web_sys::window() else { return };
    let Some(doc) = w.document() else { return };
    let Some(body) = doc.body() else { return };
    let _ = body.class_list().add_1(class);
    let _ = body.append_child(&shown);
    let after = Closure::once_into_js(move || {
        let _ = body.class_list().remove_1(class);
        if let Some(panel) = doc.get_element_by_id("ledger-panel") {
            let _ = panel.insert_adjacent_element("afterend", &shown);
        }
    });
    w.set_onafterprint(Some(after.unchecked_ref()));
    // The page's dialog (boot.js's slacalcPrintDialog), not its print with the terms' sheet.
    let dialog = js_sys::Reflect::get(&w, &"slacalcPrintDialog".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match dialog {
        Some(f) => {
            let _ = f.call0(&w);
        }
        None => {
            let _ = w.print();
        }
    }
}

/// Runs `work` once the browser has drawn its next frame (a task after the frame).
pub fn after_next_frame(work: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let task = Closure::once_into_js(work);
    let frame = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
        }
    });
    let _ = w.request_animation_frame(frame.unchecked_ref());
}

/// Clicks the page's element `id`, as a person would (a button of the page's own).
pub fn click(id: &str) {
    if let Some(e) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        e.click();
    }
}
