//! The clipboard.

/// Puts `text` on the clipboard (the browser may refuse; nothing is reported then).
pub fn copy(text: &str) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let _ = clipboard.write_text(text);
}
