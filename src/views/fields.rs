//! The form's fields: typed text (with a date or time picker where it helps), choices, the
//! interpretation switches, and the engine's problems shown under each.

use crate::i18n::labels::Bi;
use crate::state::form::{Action, Field, Picker, SWITCHES};
use crate::views::text::{bi, use_lang};
use slacalc::CaseError;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The problems of `errors` at exactly `path`.
pub fn errors_at(errors: &[CaseError], path: &str) -> Vec<CaseError> {
    errors.iter().filter(|e| e.path == path).cloned().collect()
}

/// A typed field of the form.
#[derive(Properties, PartialEq)]
pub struct TextProps {
    /// Which field.
    pub field: Field,
    /// Its label.
    pub label: Bi,
    /// Its label in the terms' own words, in the page's language, when they name it (#15:
    /// "受影响用户 %" for terms that count users); `label` otherwise.
    #[prop_or_default]
    pub named: Option<AttrValue>,
    /// The clause it belongs to (empty: none shown).
    pub clause: &'static str,
    /// What to type, shown while it is empty.
    pub hint: Bi,
    /// What is typed.
    pub value: String,
    /// The engine's problems with it.
    pub errors: Vec<CaseError>,
    /// Where an edit goes.
    pub on_action: Callback<Action>,
}

/// A typed field with its label, clause and problems (and a calendar button for a date or
/// time).
#[function_component(TextField)]
pub fn text_field(p: &TextProps) -> Html {
    let lang = use_lang();
    let field = p.field;
    let oninput = p.on_action.reform(move |e: InputEvent| {
        Action::Set(field, e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let id = field.dom_id();
    let invalid = !p.errors.is_empty();
    // Typed text is the field; a date or time can also be picked, which types it in.
    let picker = field.picker().map(|kind| {
        let on_pick = p.on_action.reform(move |v: String| Action::Set(field, v));
        html! { <PickerButton {kind} typed={p.value.clone()} label={p.label} id={id} {on_pick} /> }
    });
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id}>{ p.named.clone().unwrap_or_else(|| lang.pick(p.label.0, p.label.1).into()) }
                if !p.clause.is_empty() { { " " }<span class="clause">{ p.clause }</span> }</label>
            <div class={classes!(picker.is_some().then_some("with-picker"))}>
                <input type="text" id={id} value={p.value.clone()} placeholder={lang.pick(p.hint.0, p.hint.1)}
                    aria-invalid={invalid.to_string()} autocomplete="off" {oninput} />
                { picker.unwrap_or_default() }
            </div>
            <FieldErrors path={field.path()} errors={p.errors.clone()} />
        </div>
    }
}

/// A date or time picker beside a typed field.
#[derive(Properties, PartialEq)]
pub struct PickerProps {
    /// Date, or date and time.
    pub kind: Picker,
    /// The field's typed text.
    pub typed: String,
    /// The field's label, named in the picker's own.
    pub label: Bi,
    /// The field's element id.
    pub id: AttrValue,
    /// The picked value, as the field's typed text.
    pub on_pick: Callback<String>,
}

/// The browser's date (or date-time) picker beside a typed field, showing only its calendar
/// button; what is picked is typed into the field in the form's own notation.
#[function_component(PickerButton)]
pub fn picker_button(p: &PickerProps) -> Html {
    let lang = use_lang();
    let kind = p.kind;
    let onchange = p
        .on_pick
        .reform(move |e: Event| kind.typed(&e.target_unchecked_into::<HtmlInputElement>().value()));
    let what = match kind {
        Picker::Date => lang.pick("选择日期:", "Pick a date: "),
        Picker::DateTime => lang.pick("选择日期时间:", "Pick a date and time: "),
    };
    html! {
        <input type={kind.input_type()} class="picker" id={format!("{}-picker", p.id)}
            value={kind.shown(&p.typed)} aria-label={format!("{what}{}", lang.pick(p.label.0, p.label.1))}
            title={lang.pick("日历", "Calendar")} {onchange} />
    }
}

/// A field of the form chosen from a list.
#[derive(Properties, PartialEq)]
pub struct SelectProps {
    /// Which field.
    pub field: Field,
    /// Its label.
    pub label: Bi,
    /// The clause it belongs to.
    pub clause: &'static str,
    /// The choices: value, Chinese, English.
    pub options: &'static [(&'static str, &'static str, &'static str)],
    /// The value chosen.
    pub value: String,
    /// The engine's problems with it.
    pub errors: Vec<CaseError>,
    /// Where a choice goes.
    pub on_action: Callback<Action>,
}

/// A choice with its label, clause and problems.
#[function_component(SelectField)]
pub fn select_field(p: &SelectProps) -> Html {
    let lang = use_lang();
    let field = p.field;
    let onchange = p.on_action.reform(move |e: Event| {
        Action::Set(
            field,
            e.target_unchecked_into::<HtmlSelectElement>().value(),
        )
    });
    let id = field.dom_id();
    html! {
        <div class={classes!("field", (!p.errors.is_empty()).then_some("invalid"))}>
            <label for={id}>{ bi(p.label) }{ " " }<span class="clause">{ p.clause }</span></label>
            <select id={id} {onchange}>
                { for p.options.iter().map(|(v, zh, en)| html! {
                    <option value={*v} selected={*v == p.value}>{ lang.pick(zh, en) }</option>
                }) }
            </select>
            <FieldErrors path={field.path()} errors={p.errors.clone()} />
        </div>
    }
}

/// One interpretation switch.
#[derive(Properties, PartialEq)]
pub struct SwitchProps {
    /// Its place in [`SWITCHES`].
    pub index: usize,
    /// Its value (empty: the default, as the terms say).
    pub value: String,
    /// The engine's problems with it.
    pub errors: Vec<CaseError>,
    /// Where a change goes.
    pub on_action: Callback<Action>,
}

/// One interpretation switch, labelled with its clause: a choice, or a number typed in.
#[function_component(SwitchField)]
pub fn switch_field(p: &SwitchProps) -> Html {
    let Some(sw) = SWITCHES.get(p.index) else {
        return html! {};
    };
    let i = p.index;
    let lang = use_lang();
    let label = html! {
        <label for={sw.dom}>{ bi(sw.label) }{ " " }<span class="clause">{ sw.clause }</span></label>
    };
    let control = if sw.options.is_empty() {
        let oninput = p.on_action.reform(move |e: InputEvent| {
            Action::SetSwitch(i, e.target_unchecked_into::<HtmlInputElement>().value())
        });
        html! { <input type="text" id={sw.dom} value={p.value.clone()} placeholder="0" autocomplete="off" {oninput} /> }
    } else {
        let onchange = p.on_action.reform(move |e: Event| {
            Action::SetSwitch(i, e.target_unchecked_into::<HtmlSelectElement>().value())
        });
        html! {
            <select id={sw.dom} {onchange}>
                { for sw.options.iter().map(|(v, zh, en)| html! {
                    <option value={*v} selected={*v == p.value}>{ lang.pick(zh, en) }</option>
                }) }
            </select>
        }
    };
    html! {
        <div class={classes!("field", (!p.errors.is_empty()).then_some("invalid"))}>
            { label }{ control }
            <FieldErrors path={sw.path} errors={p.errors.clone()} />
        </div>
    }
}

/// The problems of one field.
#[derive(Properties, PartialEq)]
pub struct FieldErrorsProps {
    /// The field's case path.
    pub path: AttrValue,
    /// Its problems.
    pub errors: Vec<CaseError>,
}

/// The engine's messages about one field, under it, in the page's language.
#[function_component(FieldErrors)]
pub fn field_errors(p: &FieldErrorsProps) -> Html {
    let lang = use_lang();
    html! {
        { for p.errors.iter().map(|e| {
            // A problem deeper inside the field (e.g. `terms.levels[0].id`) names its path.
            let (zh, en) = if e.path == p.path.as_str() {
                (e.problem.zh(), e.problem.to_string())
            } else {
                (e.zh(), e.en())
            };
            html! {
                <p class="field-error" role="alert" data-path={p.path.clone()}>
                    { lang.pick(&zh, &en).to_string() }
                </p>
            }
        }) }
    }
}
