//! The form's lists of time spans: force majeure (L5.1) and customer-side pauses (L3.4).

use crate::i18n::labels::Bi;
use crate::i18n::lang::Lang;
use crate::state::form::{Action, Picker, SpanList, SpanPart, SpanRow};
use crate::views::fields::{errors_at, FieldErrors, PickerButton};
use crate::views::text::{bi, use_lang};
use slacalc::CaseError;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// One list of spans of the form.
#[derive(Properties, PartialEq)]
pub struct SpansProps {
    /// Which list.
    pub list: SpanList,
    /// Its rows as typed.
    pub rows: Vec<SpanRow>,
    /// The engine's problems with the case (each row's are shown at it).
    pub errors: Rc<Vec<CaseError>>,
    /// Where an edit goes.
    pub on_action: Callback<Action>,
}

/// The spans of force majeure (L5.1) or of customer-side pauses (L3.4): rows of start and
/// end (and, for force majeure, the event), added and removed.

#[function_component(SpansView)]
pub fn spans_view(p: &SpansProps) -> Html {
    let lang = use_lang();
    let list = p.list;
    let (title, clause, note): (Bi, &str, Bi) = match list {
        SpanList::ForceMajeure => (
            ("不可抗力", "Force majeure"),
            "L5.1",
            (
                "战争、火灾、水灾、台风、地震、传染病、政变等",
                "war, fire, flood, typhoon, earthquake, epidemic, coup, …",
            ),
        ),
        SpanList::Pauses => (
            ("客户方暂停", "Customer-side pauses"),
            "L3.4",
            (
                "如客户提供的远程网关不可用",
                "e.g. the customer's remote-access gateway unavailable",
            ),
        ),
    };
    let add = p
        .on_action
        .reform(move |_: MouseEvent| Action::AddSpan(list));
    let prefix = list.dom_prefix();
    html! {
        <fieldset>
            <legend>{ bi(title) }{ " " }<span class="clause">{ clause }</span></legend>
            <p class="note">{ bi(note) }</p>
            { for p.rows.iter().enumerate().map(|(i, row)| {
                let part_input = |part: SpanPart, value: &str, label: Bi, name: &str| {
                    let id = format!("{prefix}-{i}-{name}");
                    let path = format!("{}[{i}].{name}", list.path());
                    let errs = errors_at(&p.errors, &path);
                    let oninput = p.on_action.reform(move |e: InputEvent| {
                        Action::SetSpan(list, i, part, e.target_unchecked_into::<HtmlInputElement>().value())
                    });
                    let picker = (part != SpanPart::Kind).then(|| {
                        let on_pick = p.on_action.reform(move |v: String| Action::SetSpan(list, i, part, v));
                        html! { <PickerButton kind={Picker::DateTime} typed={value.to_string()} {label} id={id.clone()} {on_pick} /> }
                    });
                    html! {
                        <div class={classes!("field", (!errs.is_empty()).then_some("invalid"))}>
                            <label for={id.clone()}>{ bi(label) }</label>
                            <div class={classes!(picker.is_some().then_some("with-picker"))}>
                                <input type="text" id={id} value={value.to_string()} placeholder={"YYYY-MM-DD HH:MM"} autocomplete="off" {oninput} />
                                { picker.unwrap_or_default() }
                            </div>
                            <FieldErrors path={AttrValue::from(path)} errors={errs} />
                        </div>
                    }
                };
                let remove = p.on_action.reform(move |_: MouseEvent| Action::RemoveSpan(list, i));
                html! {
                    <div class="span-row">
                        if list == SpanList::ForceMajeure {
                            { part_input(SpanPart::Kind, &row.kind, ("事件", "Event"), "kind") }
                        }
                        { part_input(SpanPart::Start, &row.start, ("开始", "Start"), "start") }
                        { part_input(SpanPart::End, &row.end, ("结束", "End"), "end") }
                        <button type="button" class="remove" onclick={remove}
                            aria-label={match lang { Lang::Zh => format!("删除第 {} 行", i + 1), Lang::En => format!("Remove row {}", i + 1) }}>{ "×" }</button>
                    </div>
                }
            }) }
            <button type="button" id={format!("add-{prefix}")} onclick={add}>{ "+ " }{ bi(("添加", "Add")) }</button>
        </fieldset>
    }
}
