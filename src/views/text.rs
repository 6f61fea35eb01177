//! The one way the page shows a text: a [`Bi`] pair (Chinese, English) of which only the
//! page's language is shown, and shown again when the language changes; and the page's
//! ways of writing moments, lateness and a deadline's status.

use crate::i18n::labels::Bi;
use crate::i18n::lang::Lang;
use crate::views::markup::Markup;
use slacalc::deadline::Status;
use yew::prelude::*;

/// The page's language, from the context the app provides (Chinese when there is none).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// A text in both languages.
#[derive(Properties, PartialEq)]
pub struct TProps {
    /// Chinese.
    pub zh: AttrValue,
    /// English.
    pub en: AttrValue,
}

/// A text shown in the page's language (and shown again when the language changes).
#[function_component(T)]
pub fn t(p: &TProps) -> Html {
    let text = match use_lang() {
        Lang::Zh => p.zh.clone(),
        Lang::En => p.en.clone(),
    };
    html! { { text } }
}

/// A label as page text, in the page's language.
pub fn bi(label: Bi) -> Html {
    html! { <T zh={label.0} en={label.1} /> }
}

/// How late a deadline was met (`+28小时50分钟`, `+28 h 50 min`): a narrow table may break it
/// between its units, never inside one.
pub fn late(lang: Lang, secs: i64) -> Html {
    let pieces = crate::i18n::lang::units(&format!("+{}", lang.duration(secs)));
    html! {
        <span class="late">
            { for pieces.into_iter().enumerate().map(|(i, p)| html! {
                <>if i > 0 { <wbr /> }<span>{ p }</span></>
            }) }
        </span>
    }
}

/// A moment in `lang` (or `—`) whose date and time each stay on one line: a narrow table
/// breaks between them, never inside a date.
pub fn when_markup(m: &mut Markup, lang: Lang, t: Option<&slacalc::Instant>) {
    let text = lang.opt_date_time(t);
    match text.rsplit_once(' ') {
        Some((date, time)) => {
            m.open("span class=\"when\"")
                .el("span", date)
                .text(" ")
                .el("span", time)
                .close("span");
        }
        None => {
            m.text(&text);
        }
    }
}

/// [`late`] as markup.
pub fn late_markup(m: &mut Markup, lang: Lang, secs: i64) {
    let pieces = crate::i18n::lang::units(&format!("+{}", lang.duration(secs)));
    m.open("span class=\"late\"");
    for (i, p) in pieces.into_iter().enumerate() {
        if i > 0 {
            m.open("wbr");
        }
        m.el("span", &p);
    }
    m.close("span");
}

/// The class a deadline's status is drawn with (`met`, `missed`, `pending`).
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Met => "met",
        Status::Missed => "missed",
        Status::Pending => "pending",
    }
}
