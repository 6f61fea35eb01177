//! The form, exactly as the user typed it: the contract (L6), the incident, its timeline, the
//! terms, the force-majeure (L5.1) and customer-pause (L3.4) spans, and the interpretation
//! switches of `CLAUSES.md`. The engine judges it on every change; its problems are shown at
//! their fields.

use crate::i18n::labels::{self, Bi};
use crate::state::form::{Action, Field, Flag, FormState, SpanList, SWITCHES};
use crate::views::fields::{errors_at, SelectField, SwitchField, TextField};
use crate::views::holidays::HolidaysView;
use crate::views::spans::SpansView;
use crate::views::terms::TermsEditor;
use crate::views::text::bi;
use slacalc::CaseError;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the form shows and where its edits go.
#[derive(Properties, PartialEq)]
pub struct FormProps {
    /// What the user typed.
    pub form: Rc<FormState>,
    /// The engine's problems with it, each at its field's path.
    pub errors: Rc<Vec<CaseError>>,
    /// Where each edit goes.
    pub on_action: Callback<Action>,
    /// The share field's label in the custom terms' own words (#15: what their criteria
    /// count, [`FormState::measure_label`]); the letter's mailboxes when `None`.
    #[prop_or_default]
    pub measure: Option<AttrValue>,
}

/// The form: contract, incident, timeline, terms, force majeure, customer pauses and the
/// interpretation switches, each field beside its clause and under its problems.
#[function_component(FormView)]
pub fn form_view(p: &FormProps) -> Html {
    let f = &p.form;
    let text_named = |field: Field, label: Bi, named, clause: &'static str, hint: Bi| {
        html! {
            <TextField field={field} label={label} {named} clause={clause} hint={hint}
                value={f.get(field).to_string()}
                errors={errors_at(&p.errors, field.path())}
                on_action={p.on_action.clone()} />
        }
    };
    let text = |field: Field, label: Bi, clause: &'static str, hint: Bi| {
        text_named(field, label, None, clause, hint)
    };
    let select = |field: Field,
                  label: Bi,
                  clause: &'static str,
                  options: &'static [(&'static str, &'static str, &'static str)]| {
        html! {
            <SelectField field={field} label={label} clause={clause} options={options}
                value={f.get(field).to_string()}
                errors={errors_at(&p.errors, field.path())}
                on_action={p.on_action.clone()} />
        }
    };
    let flag = |flag: Flag, id: &'static str, label: Bi, clause: &'static str, checked: bool| {
        let onchange = p.on_action.reform(move |e: Event| {
            Action::Toggle(
                flag,
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            )
        });
        html! {
            <div class="field check">
                <input type="checkbox" id={id} checked={checked} {onchange} />
                <label for={id}>{ bi(label) }{ " " }<span class="clause">{ clause }</span></label>
            </div>
        }
    };
    const T: Bi = ("YYYY-MM-DD HH:MM", "YYYY-MM-DD HH:MM");
    const D: Bi = ("YYYY-MM-DD", "YYYY-MM-DD");
    html! {
        <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <fieldset>
                <legend>{ bi(("合同", "Contract")) }{ " " }<span class="clause">{ "L6" }</span></legend>
                { text(Field::Price, ("合同总价(元)", "Total contract price (¥)"), "L4.2", ("1000000.00", "1000000.00")) }
                <div class="row">
                    { text(Field::WarrantyStart, ("保修期开始", "Warranty from"), "L4.1", D) }
                    { text(Field::WarrantyEnd, ("保修期结束", "Warranty to"), "L4.1", D) }
                </div>
            </fieldset>
            <fieldset>
                <legend>{ bi(("事件", "Incident")) }</legend>
                <div class="row">
                    { text(Field::Id, ("编号", "Reference"), "", ("", "")) }
                    { select(Field::DeclaredPriority, ("客户说明的优先级", "Declared priority"), "L3.3", &labels::PRIORITIES) }
                </div>
                { text(Field::ReportedAt, ("报告时间 (UTC+08:00)", "Reported at (UTC+08:00)"), "L1", T) }
                <div class="row">
                    { text_named(Field::MailboxesPct, ("受影响邮箱 %", "Mailboxes affected %"), p.measure.clone(), "L2.1", ("0–100、most(多数)或 few(少数)", "0–100, most or few")) }
                    { select(Field::Kind, ("请求类型", "Request"), "L2.3", &labels::KINDS) }
                </div>
                { flag(Flag::SystemUsable, "system-usable", ("系统可以正常使用", "System usable"), "L3.3a", f.system_usable) }
                { flag(Flag::SeriouslyDamaged, "seriously-damaged", ("系统受损严重", "Seriously damaged"), "L3.3b", f.seriously_damaged) }
                { select(Field::Cause, ("原因", "Cause"), "L5", &labels::CAUSES) }
            </fieldset>
            <fieldset>
                <legend>{ bi(("时间线", "Timeline")) }{ " (UTC+08:00)" }</legend>
                { text(Field::InterruptedFrom, ("服务中断开始", "Interrupted from"), "L4.1", ("空 = 未中断", "empty = not interrupted")) }
                { text(Field::RestoredAt, ("恢复正常服务", "Restored at"), "L4.1", ("空 = 仍中断", "empty = still down")) }
                { text(Field::PhoneResponseAt, ("电话响应", "Phone response at"), "L3.3a", T) }
                { text(Field::RemoteAccessAt, ("远程访问开始", "Remote access at"), "L3.3a", T) }
                { text(Field::ResponseAt, ("一般响应", "Response at (general)"), "L3.3c", T) }
            </fieldset>
            <TermsEditor text={f.custom_terms.clone()} errors={p.errors.clone()} on_action={p.on_action.clone()} />
            <HolidaysView form={p.form.clone()} errors={p.errors.clone()} on_action={p.on_action.clone()} />
            <SpansView list={SpanList::ForceMajeure} rows={f.force_majeure.clone()} errors={p.errors.clone()} on_action={p.on_action.clone()} />
            <SpansView list={SpanList::Pauses} rows={f.pauses.clone()} errors={p.errors.clone()} on_action={p.on_action.clone()} />
            <fieldset>
                <legend>{ bi(("解释选项", "Interpretation")) }</legend>
                { text(Field::Tolerance, ("“立即响应”容差(分钟)", "\"Immediately\" tolerance (min)"), "L3.3a", ("0–60", "0–60")) }
                { text(Field::Threshold, ("“多数用户”阈值 %", "\"Majority\" threshold %"), "L2.1", ("1–99", "1–99")) }
                { select(Field::PrioritySource, ("期限依据的优先级", "Priority for deadlines"), "L3.3", &labels::PRIORITY_SOURCES) }
                { for SWITCHES.iter().enumerate().map(|(i, sw)| html! {
                    <SwitchField index={i} value={f.switches.get(i).cloned().unwrap_or_default()}
                        errors={errors_at(&p.errors, sw.path)} on_action={p.on_action.clone()} />
                }) }
            </fieldset>
        </form>
    }
}
