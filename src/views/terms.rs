//! The contract's terms in the form: the letter's, or custom terms (as JSON, or built in the
//! terms builder, which the studio module opens in this fieldset's slot).

use crate::state::form::Action;
use crate::views::fields::FieldErrors;
use crate::views::share::{part_button, part_status, PartArgs};
use crate::views::text::bi;
use slacalc::CaseError;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The terms being edited.
#[derive(Properties, PartialEq)]
pub struct TermsProps {
    /// Custom terms as typed (JSON); none: the letter's.
    pub text: Option<String>,
    /// The engine's problems with the case (those under `terms` are shown here).
    pub errors: Rc<Vec<CaseError>>,
    /// Where an edit goes.
    pub on_action: Callback<Action>,
}

/// The contract's terms: the letter's preset, or custom terms as JSON (typed, or written by the
/// terms builder, which also imports and exports them), checked by the engine like the rest
/// of the case.
#[function_component(TermsEditor)]
pub fn terms_editor(p: &TermsProps) -> Html {
    let custom = p.text.is_some();
    let toggle = p.on_action.reform(|e: Event| {
        Action::UseCustomTerms(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let oninput = p.on_action.reform(|e: InputEvent| {
        Action::SetTerms(
            e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value(),
        )
    });
    let errors: Vec<CaseError> = p
        .errors
        .iter()
        .filter(|e| e.path == "terms" || e.path.starts_with("terms."))
        .cloned()
        .collect();
    // The clause table and the builder are the studio module's (opened in the slot when asked
    // for): it follows the slot's terms (empty: the letter's) and the page's language.
    let done = use_state(|| None);
    let args: Rc<PartArgs> = Rc::new(|| Some(Vec::new()));
    html! {
        <fieldset>
            <legend>{ bi(("条款", "Terms")) }{ " " }<span class="clause">{ "L1–L6" }</span></legend>
            { part_button("show-clause-table", ("条款表与条款编辑器", "Clause table and terms builder"), "slacalcClauseTable", args, &done) }
            { part_status(&done) }
            <div id="clause-table-slot" data-terms={p.text.clone().unwrap_or_default()}></div>
            <div class="field check">
                <input type="checkbox" id="custom-terms" checked={custom} onchange={toggle} />
                <label for="custom-terms">{ bi(("使用自定义条款(JSON)代替承诺函", "Custom terms (JSON) instead of the letter")) }</label>
            </div>
            if let Some(text) = &p.text {
                <div class={classes!("field", (!errors.is_empty()).then_some("invalid"))}>
                    <label for="terms-json">{ bi(("条款 JSON", "Terms JSON")) }</label>
                    <textarea id="terms-json" rows="12" spellcheck="false" value={text.clone()} {oninput} />
                    <FieldErrors path="terms" errors={errors} />
                </div>
            }
        </fieldset>
    }
}
