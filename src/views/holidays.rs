//! Holiday rulings beyond the built-in PRC table (L1.1, issue #15): the next year's State
//! Council notice pasted (or a holiday JSON or iCalendar file opened), read by the engine in
//! the on-demand module, shown for confirmation, then added to the case. The rulings added
//! are listed with their source and can be removed one by one.

use crate::i18n::lang::Lang;
use crate::interop::{files, workbook};
use crate::state::form::{Action, FormState};
use crate::views::fields::FieldErrors;
use crate::views::markup::Markup;
use crate::views::text::{bi, use_lang, T};
use slacalc::calendar::{HolidayRuling, RulingKind};
use slacalc::CaseError;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The rulings, the text being read and where edits go.
#[derive(Properties, PartialEq)]
pub struct HolidaysProps {
    /// The form (its rulings, holiday text, year and what was found).
    pub form: Rc<FormState>,
    /// The engine's problems with the case (those under `holidays` are shown here).
    pub errors: Rc<Vec<CaseError>>,
    /// Where an edit goes.
    pub on_action: Callback<Action>,
}

/// A table of rulings (days, off or worked, name, source) as markup, with a remove button
/// per row (`data-i`, its place) when `remove`.
fn table(id: &str, rulings: &[HolidayRuling], remove: bool, lang: Lang) -> Html {
    let pick = |b: (&'static str, &'static str)| lang.pick(b.0, b.1);
    let mut m = Markup::default();
    m.open(&format!("table id=\"{id}\""))
        .open("thead")
        .open("tr");
    for h in [
        ("日期", "Days"),
        ("安排", "Ruling"),
        ("名称", "Name"),
        ("来源", "Source"),
    ] {
        m.el("th", pick(h));
    }
    m.close("tr").close("thead").open("tbody");
    for (i, r) in rulings.iter().enumerate() {
        let days = match r.to {
            Some(to) if to != r.from => format!("{} – {}", r.from, to),
            _ => r.from.to_string(),
        };
        let kind = match r.kind {
            RulingKind::Off => ("放假", "day off"),
            RulingKind::Workday => ("调休上班", "make-up workday"),
        };
        m.open("tr")
            .el("td class=\"when\"", &days)
            .el("td", pick(kind))
            .el("td", lang.pick(&r.name, r.english()))
            .el("td", &r.source);
        if remove {
            m.open("td")
                .el(
                    &format!("button type=\"button\" class=\"remove\" data-i=\"{i}\""),
                    pick(("删除", "Remove")),
                )
                .close("td");
        }
        m.close("tr");
    }
    m.close("tbody").close("table");
    m.html()
}

/// The place of the ruling whose remove button was clicked (the table's buttons are markup,
/// so one listener around the table reads their `data-i`).
fn clicked_row(e: &MouseEvent) -> Option<usize> {
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    target.get_attribute("data-i")?.parse().ok()
}

/// The case's holiday rulings and the reader of new ones: paste or open, read, confirm.
#[function_component(HolidaysView)]
pub fn holidays_view(p: &HolidaysProps) -> Html {
    let f = &p.form;
    let on = &p.on_action;
    let lang = use_lang();
    let oninput = on.reform(|e: InputEvent| {
        Action::SetHolidayText(e.target_unchecked_into::<HtmlTextAreaElement>().value())
    });
    let onyear = on.reform(|e: InputEvent| {
        Action::SetHolidayYear(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let onfile = files::read_named_file(on.reform(|(_, text)| Action::SetHolidayText(text)));
    let read = {
        let (text, year, earlier, on) = (
            f.holiday_text.clone(),
            f.holiday_year.trim().parse().unwrap_or(0),
            f.holidays.clone(),
            on.clone(),
        );
        Callback::from(move |_| {
            let (text, earlier, on) = (text.clone(), earlier.clone(), on.clone());
            wasm_bindgen_futures::spawn_local(async move {
                on.emit(Action::HolidaysRead(
                    workbook::rulings(&text, year, &earlier).await,
                ));
            });
        })
    };
    let remove = {
        let on = on.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(i) = clicked_row(&e) {
                on.emit(Action::RemoveHoliday(i));
            }
        })
    };
    let errors: Vec<CaseError> = p
        .errors
        .iter()
        .filter(|e| e.path.starts_with("holidays"))
        .cloned()
        .collect();
    html! {
        <fieldset id="holidays">
            <legend>{ bi(("节假日安排", "Holiday rulings")) }{ " " }<span class="clause">{ "L1.1" }</span></legend>
            <p class="hint">{ bi(("内置国务院通知至 2026 年。之后的年份:粘贴当年通知全文,或打开节假日 JSON、iCalendar 文件,读取并确认后加入。",
                "Built-in State Council notices run to 2026. For later years paste the year's notice, or open a holiday JSON or iCalendar file; read it, check it, add it.")) }</p>
            if !f.holidays.is_empty() {
                <div onclick={remove}>
                    { table("holiday-rulings", &f.holidays, true, lang) }
                </div>
            }
            <FieldErrors path="holidays" errors={errors} />
            <div class="field">
                <label for="holiday-text">{ bi(("通知文本、节假日 JSON 或 iCalendar", "Notice text, holiday JSON or iCalendar")) }</label>
                <textarea id="holiday-text" rows="4" value={f.holiday_text.clone()} {oninput} />
            </div>
            <div class="row">
                <div class="field">
                    <label for="holiday-year">{ bi(("年份(通知未写明时)", "Year (if the notice names none)")) }</label>
                    <input id="holiday-year" inputmode="numeric" value={f.holiday_year.clone()} oninput={onyear} />
                </div>
                <label class="file">{ bi(("打开文件…", "Open file…")) }
                    <input type="file" id="holiday-file" accept=".txt,.json,.ics,text/plain,application/json,text/calendar" onchange={onfile} />
                </label>
                <button type="button" id="holiday-read" disabled={f.holiday_text.trim().is_empty()} onclick={read}>
                    { bi(("读取", "Read")) }</button>
            </div>
            { match &f.holiday_found {
                Some(Ok(found)) => html! {
                    <div id="holiday-confirm" class="confirm-bar">
                        <p><T zh={format!("找到 {} 条安排。确认无误后加入:", found.len())}
                              en={format!("Rulings found: {}. Check them, then add them:", found.len())} /></p>
                        { table("holiday-found", found, false, lang) }
                        <button type="button" id="holiday-add" onclick={on.reform(|_| Action::AddHolidays)}>{ bi(("加入", "Add")) }</button>
                        <button type="button" id="holiday-cancel" onclick={on.reform(|_| Action::DropHolidays)}>{ bi(("取消", "Cancel")) }</button>
                    </div>
                },
                Some(Err((zh, en))) => html! {
                    <p id="holiday-problem" class="error" role="alert"><T zh={zh.clone()} en={en.clone()} /></p>
                },
                None => html! {},
            } }
        </fieldset>
    }
}
