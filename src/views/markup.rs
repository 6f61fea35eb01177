//! Static parts of the page written as HTML text instead of `html!` (which compiles every
//! element into code of its own: the printable sheet alone was 33 KB of wasm). Only for parts
//! without event handlers of their own; text from the case is always escaped.

use yew::{AttrValue, Html};

/// HTML being written.
#[derive(Default)]
pub struct Markup(pub String);

/// Appends `s` with `<`, `>`, `&`, `"` and `'` escaped.
pub fn push_esc(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

impl Markup {
    /// A start tag written as given (`tag` with its attributes: the page's own text, never
    /// the case's).
    pub fn open(&mut self, tag: &str) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// The end tag of `name`.
    pub fn close(&mut self, name: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(name);
        self.0.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, s: &str) -> &mut Self {
        push_esc(&mut self.0, s);
        self
    }

    /// An element holding text: `tag` as in [`Markup::open`], its name the first word.
    pub fn el(&mut self, tag: &str, s: &str) -> &mut Self {
        let name = tag.split(' ').next().unwrap_or(tag);
        self.open(tag).text(s).close(name)
    }

    /// A clause id as the page marks it.
    pub fn clause(&mut self, id: &str) -> &mut Self {
        self.el("span class=\"clause\"", id)
    }

    /// The markup as a node of the page.
    pub fn html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_elements_close_by_name() {
        let mut m = Markup::default();
        m.el("td class=\"x\"", "<img onerror='1'>&").clause("L4.1");
        assert_eq!(
            m.0,
            "<td class=\"x\">&lt;img onerror=&#39;1&#39;&gt;&amp;</td><span class=\"clause\">L4.1</span>"
        );
    }
}
