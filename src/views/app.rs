//! The page: one reducer holds the form; the engine assesses it on every change.

use crate::i18n::labels::{self, bi, use_lang, Bi, Lang};
use crate::state::form::{Action, Field, Flag, FormState, Picker, SpanList, SpanPart, SWITCHES};
use crate::state::page::{Notice, Page, PageAction};
use crate::state::share;
use crate::views::embed::EmbedCard;
use crate::views::sheet::PrintSheet;
use crate::views::timeline::Timeline;
use slacalc::assess::{Assessment, IncidentResult};
use slacalc::{CaseError, Instant};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

impl Reducible for Page {
    type Action = PageAction;

    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        next.refresh_ledger(now());
        Rc::new(next)
    }
}

/// Key of the saved work in `localStorage`.
pub const STORAGE_KEY: &str = "slacalc.page.v1";

/// The work saved by an earlier visit, if any (and readable).
fn load_saved() -> Option<crate::state::page::Saved> {
    let storage = gloo::utils::window().local_storage().ok()??;
    let text = storage.get_item(STORAGE_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

/// Keeps `saved` in `localStorage`; the browser's refusal as text.
fn store(saved: &crate::state::page::Saved) -> Result<(), String> {
    let text = serde_json::to_string(saved).map_err(|e| e.to_string())?;
    let storage = gloo::utils::window()
        .local_storage()
        .map_err(|e| format!("{e:?}"))?
        .ok_or_else(|| "no localStorage".to_string())?;
    storage.set_item(STORAGE_KEY, &text).map_err(|e| {
        js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_else(|| "storage error".into())
    })
}

/// The fragment of the page's address, if it holds a case (`#c=…`).
fn link_in_address() -> Option<String> {
    let hash = gloo::utils::window().location().hash().ok()?;
    hash.contains("c=").then_some(hash)
}

/// The page's address without its fragment: the base of share links.
fn page_address() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The language the page opens in: the one chosen on an earlier visit, else the first of the
/// browser's languages that is Chinese or English (English when neither is).
fn initial_lang() -> Lang {
    let window = gloo::utils::window();
    let stored = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(crate::i18n::lang::STORAGE_KEY).ok().flatten());
    if let Some(lang) = stored.as_deref().and_then(Lang::from_tag) {
        return lang;
    }
    let nav = window.navigator();
    let mut tags: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    tags.extend(nav.language());
    Lang::from_browser(tags.iter().map(String::as_str))
}

/// Remembers the language chosen with the switch (a refusal only loses the choice).
fn store_lang(lang: Lang) {
    if let Ok(Some(s)) = gloo::utils::window().local_storage() {
        let _ = s.set_item(crate::i18n::lang::STORAGE_KEY, lang.code());
    }
}

/// "Now" for pending deadlines, from the browser's clock (the engine reads none), to the
/// minute (so a ledger judged "now" is not reassessed on every keystroke).
fn now() -> Instant {
    let ms = js_sys::Date::now();
    let secs = (ms / 60_000.0).floor() as i64 * 60;
    let utc = chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default();
    Instant(utc.fixed_offset()).local()
}

#[function_component(App)]
pub fn app() -> Html {
    // The page opens the link in its address, if any, before its first render (so an embed
    // card never flashes the full page).
    let page = use_reducer(|| {
        let mut page = Page::opening(
            link_in_address(),
            load_saved(),
            crate::views::ledger::load_ledger(),
        );
        page.lang = initial_lang();
        page.refresh_ledger(now());
        page
    });
    let lang = page.lang;
    // The document says which language it is in (screen readers, fonts, hyphenation).
    use_effect_with(lang, |lang| {
        let doc = gloo::utils::document();
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
        doc.set_title(lang.pick("SLA 计算器 · slacalc", "SLA calculator · slacalc"));
    });
    // The page is drawn: the loading notice of index.html goes, and `make bench` marks when
    // the first assessed result is on the page.
    use_effect_with((), |_| {
        if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
            boot.remove();
        }
        if let Some(p) = gloo::utils::window().performance() {
            let _ = p.mark("slacalc:first-result");
        }
    });
    {
        // Nothing typed is lost: every change is kept in the browser's storage; a refusal
        // (e.g. a full quota) is shown, not swallowed.
        let page = page.clone();
        let saved = page.saved();
        use_effect_with(saved, move |saved| {
            if let Some(saved) = saved {
                if let Err(e) = store(saved) {
                    page.dispatch(PageAction::StorageProblem(e));
                }
            }
        });
    }
    {
        // Open any link opened in this tab later.
        let page = page.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    if let Some(hash) = link_in_address() {
                        page.dispatch(PageAction::OpenLink(hash));
                    }
                });
            move || drop(listener)
        });
    }
    // One callback for the page's life (components given it re-render only when their
    // own props change: a 1,000-row ledger re-renders only the rows that changed).
    let on_page = use_callback(page.dispatcher(), |a: PageAction, d| d.dispatch(a));
    crate::views::ledger::use_ledger_storage(
        &page.ledger,
        on_page.reform(PageAction::StorageProblem),
    );
    let on_action = on_page.reform(PageAction::Form);
    let evaluated = page.evaluate(now());
    if page.embed {
        let href = gloo::utils::window().location().href().unwrap_or_default();
        return html! {
            <ContextProvider<Lang> context={lang}>
                <EmbedCard outcome={Rc::new(evaluated.map(|(_, a)| a))} notice={page.notice.clone()}
                    full={AttrValue::from(share::without_embed(&href))} />
            </ContextProvider<Lang>>
        };
    }
    let errors = Rc::new(evaluated.as_ref().err().cloned().unwrap_or_default());
    let form_ok = evaluated.is_ok();
    let share = evaluated
        .as_ref()
        .ok()
        .map(|(case, a)| slacalc::link::url(&page_address(), case, a));
    let ics = evaluated
        .as_ref()
        .ok()
        .and_then(|(case, a)| share::ics(case, a));
    let sheet = match (&evaluated, &share) {
        (Ok((case, a)), Some(link)) => html! {
            <PrintSheet case={Rc::new(case.clone())} a={Rc::new(a.clone())} link={AttrValue::from(link.clone())} />
        },
        _ => html! {},
    };
    let incident = evaluated
        .as_ref()
        .ok()
        .and_then(|(case, _)| case.incidents.first().cloned().map(Rc::new));
    let outcome = evaluated.map(|(_, a)| a);
    // The terms the result was assessed under (the letter's while the input has problems).
    let (terms_name, terms_id) = match &outcome {
        Ok(a) => (a.terms_name.clone(), a.terms.clone()),
        Err(_) => (
            slacalc::terms::Text {
                zh: "北京亿中邮 服务承诺函(上海电机学院)".into(),
                en: "eyou service commitment letter (Shanghai Dianji University)".into(),
            },
            "eyou-sdju".to_string(),
        ),
    };
    let onclick_example = on_action.reform(|_: MouseEvent| Action::LoadExample);
    let onclick_clear = on_action.reform(|_: MouseEvent| Action::ClearIncident);
    let on_as_of = on_page.reform(|e: InputEvent| {
        PageAction::SetAsOf(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let as_of_errors = errors_at(&errors, "as_of");
    let onclick_lang = {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| {
            let next = page.lang.other();
            store_lang(next);
            page.dispatch(PageAction::SetLang(next));
        })
    };
    html! {
        <ContextProvider<Lang> context={lang}>
        <div class="page">
            <header class="top">
                <div class="title-row">
                    <h1>{ bi(("SLA 计算器", "SLA calculator")) }</h1>
                    // Named in the language it switches to, and marked as such.
                    <button type="button" id="lang-switch" class="lang-switch"
                        title={lang.pick("切换为英文界面", "Switch the page to Chinese")} onclick={onclick_lang}>
                        <span lang={lang.other().tag()}>{ lang.other().own_name() }</span></button>
                </div>
                <p class="sub">
                    { format!("{} ({} {})", lang.pick(&terms_name.zh, &terms_name.en), lang.pick("条款", "terms"), terms_id) }
                </p>
                <div class="actions">
                    <button type="button" id="load-example" onclick={onclick_example}>{ bi(("载入示例", "Worked example")) }</button>
                    <button type="button" id="clear-incident" onclick={onclick_clear}>{ bi(("清空事件", "Clear incident")) }</button>
                </div>
                <NoticeBar notice={page.notice.clone()} can_restore={page.previous.is_some()} on_page={on_page.clone()} />
                <div class="row as-of">
                    <div class={classes!("field", (!as_of_errors.is_empty()).then_some("invalid"))}>
                        <label for="as-of">{ bi(("评估时间", "Assess as of")) }</label>
                        <input type="text" id="as-of" value={page.as_of.clone()} placeholder={lang.pick("空 = 现在", "empty = now")} autocomplete="off" oninput={on_as_of} />
                        <FieldErrors path="as_of" errors={as_of_errors} />
                    </div>
                    <ShareLink link={share.clone()} />
                </div>
                <ShareTools link={share} ics={ics} id={page.form.id.clone()} />
            </header>
            { crate::views::ledger::editing_banner(&page.ledger, &on_page) }
            // The result first: on a phone it comes before the long form (side by side on a wide
            // screen, the form on the left).
            <main class="layout">
                <ResultView outcome={Rc::new(outcome)} {incident} />
                <FormView form={Rc::new(page.form.clone())} errors={errors.clone()} on_action={on_action} />
            </main>
            <crate::views::ledger::LedgerView state={page.ledger.clone()} form_ok={form_ok} on_page={on_page.clone()} />
            <footer>
                { bi(("全部计算在浏览器本地完成,不发送任何数据。", "Everything is computed in your browser; nothing is sent anywhere.")) }
            </footer>
            { sheet }
        </div>
        </ContextProvider<Lang>>
    }
}

#[derive(Properties, PartialEq)]
struct ToolsProps {
    link: Option<String>,
    ics: Option<String>,
    id: String,
}

/// A click that copies `text` to the clipboard and marks `done` (the button then says so).
fn copy_on_click(text: String, done: UseStateHandle<bool>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let clipboard = gloo::utils::window().navigator().clipboard();
        let _ = clipboard.write_text(&text);
        done.set(true);
    })
}

/// The result beyond the page: the embed code, the printable sheet, the calendar file.
#[function_component(ShareTools)]
fn share_tools(p: &ToolsProps) -> Html {
    let shown = use_state(|| false);
    let lang = use_lang();
    let Some(link) = p.link.clone() else {
        return html! {};
    };
    let snippet = share::embed_snippet(&link, lang);
    let on_embed = copy_on_click(snippet.clone(), shown.clone());
    let on_print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let calendar = match &p.ics {
        Some(text) => {
            let name: String =
                p.id.chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '-' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
            html! {
                <a id="ics-download" class="button" href={share::ics_data_url(text)}
                    download={format!("slacalc-{name}.ics")}>
                    { bi(("添加期限到日历", "Add deadlines to calendar")) }</a>
            }
        }
        None => html! {
            <button type="button" id="ics-download" disabled=true title={lang.pick("无待办期限", "No pending deadline")}>
                { bi(("添加期限到日历(无待办期限)", "Add deadlines to calendar (none pending)")) }</button>
        },
    };
    html! {
        <div class="tools">
            <div class="actions">
                <button type="button" id="copy-embed" onclick={on_embed}>
                    { bi(if *shown { ("已复制嵌入代码", "Embed code copied") } else { ("复制嵌入代码", "Copy embed code") }) }</button>
                <button type="button" id="print" onclick={on_print}>{ bi(("打印 / PDF", "Print / PDF")) }</button>
                { calendar }
            </div>
            if *shown {
                <div class="field embed-code">
                    <label for="embed-code">{ bi(("嵌入代码(iframe 与自动调整高度的脚本)", "Embed code (iframe and the script that sizes it)")) }</label>
                    <textarea id="embed-code" rows="9" readonly=true spellcheck="false" value={snippet} />
                </div>
            }
        </div>
    }
}

/// The `onchange` of a file input: reads the chosen file as text (in the browser, no network)
/// and hands it to `then`.
fn read_chosen_file(then: Callback<String>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        let then = then.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
                if let Some(text) = text.as_string() {
                    then.emit(text);
                }
            }
        });
    })
}

#[derive(Properties, PartialEq)]
struct NoticeProps {
    notice: Option<Notice>,
    can_restore: bool,
    on_page: Callback<PageAction>,
}

/// What opening a link did: the case opened (and whether today's rules agree) or why not.
#[function_component(NoticeBar)]
fn notice_bar(p: &NoticeProps) -> Html {
    let lang = use_lang();
    let Some(n) = &p.notice else {
        return html! {};
    };
    let restore = p
        .on_page
        .reform(|_: MouseEvent| PageAction::RestorePrevious);
    let dismiss = p.on_page.reform(|_: MouseEvent| PageAction::Dismiss);
    html! {
        <div id="notice" class={classes!("notice", n.error.then_some("error"))} role="status">
            <p>{ lang.pick(&n.zh, &n.en) }</p>
            if p.can_restore {
                <button type="button" id="restore-previous" onclick={restore}>{ bi(("恢复之前的输入", "Restore my previous input")) }</button>
            }
            <button type="button" id="dismiss-notice" onclick={dismiss}>{ bi(("关闭", "Dismiss")) }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ShareProps {
    link: Option<String>,
}

/// The share link of the case on the page, to copy.
#[function_component(ShareLink)]
fn share_link(p: &ShareProps) -> Html {
    let copied = use_state(|| false);
    let Some(link) = p.link.clone() else {
        return html! {};
    };
    let onclick = copy_on_click(link.clone(), copied.clone());
    html! {
        <div class="field share">
            <label for="share-link">{ bi(("分享链接", "Share link")) }</label>
            <div class="row">
                <input type="text" id="share-link" readonly=true value={link} />
                <button type="button" id="copy-link" {onclick}>
                    { bi(if *copied { ("已复制", "Copied") } else { ("复制链接", "Copy link") }) }
                </button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    form: Rc<FormState>,
    errors: Rc<Vec<CaseError>>,
    on_action: Callback<Action>,
}

fn errors_at(errors: &[CaseError], path: &str) -> Vec<CaseError> {
    errors.iter().filter(|e| e.path == path).cloned().collect()
}

#[function_component(FormView)]
fn form_view(p: &FormProps) -> Html {
    let f = &p.form;
    let text = |field: Field, label: Bi, clause: &'static str, hint: Bi| {
        html! {
            <TextField field={field} label={label} clause={clause} hint={hint}
                value={f.get(field).to_string()}
                errors={errors_at(&p.errors, field.path())}
                on_action={p.on_action.clone()} />
        }
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
                    { text(Field::MailboxesPct, ("受影响邮箱 %", "Mailboxes affected %"), "L2.1", ("0–100、most(多数)或 few(少数)", "0–100, most or few")) }
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

#[derive(Properties, PartialEq)]
struct TextProps {
    field: Field,
    label: Bi,
    clause: &'static str,
    hint: Bi,
    value: String,
    errors: Vec<CaseError>,
    on_action: Callback<Action>,
}

#[function_component(TextField)]
fn text_field(p: &TextProps) -> Html {
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
            <label for={id}>{ bi(p.label) }
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

#[derive(Properties, PartialEq)]
struct PickerProps {
    kind: Picker,
    /// The field's typed text.
    typed: String,
    /// The field's label, named in the picker's own.
    label: Bi,
    /// The field's element id.
    id: AttrValue,
    /// The picked value, as the field's typed text.
    on_pick: Callback<String>,
}

/// The browser's date (or date-time) picker beside a typed field, showing only its calendar
/// button; what is picked is typed into the field in the form's own notation.
#[function_component(PickerButton)]
fn picker_button(p: &PickerProps) -> Html {
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

#[derive(Properties, PartialEq)]
struct SelectProps {
    field: Field,
    label: Bi,
    clause: &'static str,
    options: &'static [(&'static str, &'static str, &'static str)],
    value: String,
    errors: Vec<CaseError>,
    on_action: Callback<Action>,
}

#[function_component(SelectField)]
fn select_field(p: &SelectProps) -> Html {
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

#[derive(Properties, PartialEq)]
struct TermsProps {
    text: Option<String>,
    errors: Rc<Vec<CaseError>>,
    on_action: Callback<Action>,
}

/// The contract's terms: the letter's preset, or custom terms as JSON (typed, imported from
/// a file, exported to one), checked by the engine like the rest of the case.
#[function_component(TermsEditor)]
fn terms_editor(p: &TermsProps) -> Html {
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
    let onimport = read_chosen_file(p.on_action.reform(Action::SetTerms));
    let errors: Vec<CaseError> = p
        .errors
        .iter()
        .filter(|e| e.path == "terms" || e.path.starts_with("terms."))
        .cloned()
        .collect();
    let export = p.text.as_ref().map(|t| {
        format!(
            "data:application/json;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(t))
        )
    });
    html! {
        <fieldset>
            <legend>{ bi(("条款", "Terms")) }{ " " }<span class="clause">{ "L1–L6" }</span></legend>
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
                <div class="row">
                    <label class="file">{ bi(("导入…", "Import…")) }
                        <input type="file" id="terms-import" accept=".json,application/json" onchange={onimport} />
                    </label>
                    <a id="terms-export" class="button" download="terms.json" href={export.unwrap_or_default()}>
                        { bi(("导出", "Export")) }</a>
                </div>
            }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct SwitchProps {
    index: usize,
    value: String,
    errors: Vec<CaseError>,
    on_action: Callback<Action>,
}

/// One interpretation switch, labelled with its clause: a choice, or a number typed in.
#[function_component(SwitchField)]
fn switch_field(p: &SwitchProps) -> Html {
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

#[derive(Properties, PartialEq)]
struct FieldErrorsProps {
    path: AttrValue,
    errors: Vec<CaseError>,
}

#[function_component(FieldErrors)]
fn field_errors(p: &FieldErrorsProps) -> Html {
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

#[derive(Properties, PartialEq)]
struct SpansProps {
    list: SpanList,
    rows: Vec<crate::state::form::SpanRow>,
    errors: Rc<Vec<CaseError>>,
    on_action: Callback<Action>,
}

#[function_component(SpansView)]
fn spans_view(p: &SpansProps) -> Html {
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

#[derive(Properties, PartialEq)]
struct ResultProps {
    outcome: Rc<Result<Assessment, Vec<CaseError>>>,
    /// The incident assessed (for its timeline).
    incident: Option<Rc<slacalc::case::Incident>>,
}

#[function_component(ResultView)]
fn result_view(p: &ResultProps) -> Html {
    let lang = use_lang();
    match &*p.outcome {
        Err(errors) => html! {
            <section class="results" id="result" aria-live="polite">
                <div class="problems" id="problems">
                    <h2>{ bi(("请更正标出的输入", "Please correct the marked input")) }</h2>
                    <ul>
                        { for errors.iter().map(|e| html! { <li>{ lang.pick(&e.zh(), &e.en()).to_string() }</li> }) }
                    </ul>
                </div>
            </section>
        },
        Ok(a) => {
            let Some(r) = a.incidents.first() else {
                return html! { <section class="results" id="result"></section> };
            };
            html! {
                <section class="results" id="result" aria-live="polite">
                    <Verdict r={r.clone()} />
                    <Deadlines r={r.clone()} />
                    if let Some(inc) = &p.incident {
                        <div class="card" id="timeline-card">
                            <h2>{ bi(("时间线", "Timeline")) }</h2>
                            <Timeline id="timeline" incident={inc.clone()} result={Rc::new(r.clone())} as_of={a.as_of} />
                        </div>
                    }
                    <PenaltyCard r={r.clone()} a={Rc::new(a.clone())} />
                    <Explanation r={r.clone()} />
                    <MonitoringCard a={Rc::new(a.clone())} />
                    <p class="meta">{ match lang {
                        Lang::Zh => format!("规则版本 {} · 评估时间 {}", a.rules_version, lang.date_time(&a.as_of)),
                        Lang::En => format!("Rules v{} · as of {}", a.rules_version, lang.date_time(&a.as_of)),
                    } }</p>
                </section>
            }
        }
    }
}

#[derive(Properties, PartialEq)]
struct IncidentProps {
    r: IncidentResult,
}

#[function_component(Verdict)]
fn verdict(p: &IncidentProps) -> Html {
    let lang = use_lang();
    let r = &p.r;
    // The suggested level by the name the priority select gives it (its id for custom terms).
    let suggested = labels::PRIORITIES
        .iter()
        .find(|o| o.0 == r.suggested_priority)
        .map(|o| lang.pick(o.1, o.2))
        .unwrap_or(&r.suggested_priority);
    html! {
        <div class="card verdict">
            <dl>
                <dt>{ bi(("优先级", "Priority")) }</dt>
                <dd id="priority">{ lang.pick(&r.priority_name.zh, &r.priority_name.en) }
                    if r.priority_mismatch {
                        <span class="flag" id="priority-mismatch">{ format!(" ⚠ {}{suggested}", lang.pick("建议:", "suggested: ")) }</span>
                    }
                </dd>
                <dt>{ bi(("事件等级", "Event level")) }</dt>
                <dd id="event-level">{ bi(labels::of(&r.event_level)) }</dd>
                <dt>{ bi(("报告渠道", "Channel")) }</dt>
                <dd id="channel">{ bi(labels::of(&r.channel)) }</dd>
                <dt>{ bi(("责任认定", "Coverage")) }</dt>
                <dd id="coverage" data-value={format!("{:?}", r.coverage)}>{ bi(labels::of(&r.coverage)) }</dd>
            </dl>
        </div>
    }
}

#[function_component(Deadlines)]
fn deadlines(p: &IncidentProps) -> Html {
    let lang = use_lang();
    let r = &p.r;
    if r.deadlines.is_empty() {
        return html! { <div class="card"><p id="no-deadlines">{ bi(("无适用时限", "No deadline applies")) }</p></div> };
    }
    html! {
        <div class="card">
            <h2>{ bi(("期限", "Deadlines")) }</h2>
            <table id="deadlines">
                <thead><tr>
                    <th>{ bi(("承诺(条款)", "Commitment (clause)")) }</th>
                    <th>{ bi(("截止", "Due")) }</th><th>{ bi(("实际", "Actual")) }</th><th>{ bi(("结果", "Status")) }</th>
                </tr></thead>
                <tbody>
                { for r.deadlines.iter().map(|d| {
                    html! {
                        <tr class="deadline" data-kind={format!("{:?}", d.kind)}>
                            <td>{ bi(labels::of(&d.kind)) }{ " " }<span class="clause">{ &d.clause }</span></td>
                            <td>{ labels::when(lang, Some(&d.due)) }</td>
                            <td>{ labels::when(lang, d.actual.as_ref()) }</td>
                            <td class={classes!("status", labels::status_class(d.status))}>{ bi(labels::of(&d.status)) }
                                if d.late_seconds > 0 { { " " }{ labels::late(lang, d.late_seconds) } }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PenaltyProps {
    r: IncidentResult,
    a: Rc<Assessment>,
}

#[function_component(PenaltyCard)]
fn penalty_card(p: &PenaltyProps) -> Html {
    let lang = use_lang();
    let pen = &p.r.penalty;
    let t = &p.a.total;
    html! {
        <div class="card penalty">
            <h2>{ bi(("违约金", "Liquidated damages")) }{ " " }<span class="clause">{ "L4.2 · L4.3" }</span></h2>
            <p class="big" id="penalty-amount">{ pen.amount.pretty() }</p>
            <dl>
                <dt>{ bi(("违约天数", "Penalty days")) }</dt><dd id="penalty-days">{ pen.days }
                    if pen.accruing { { " " }<span class="flag">{ bi(("仍在累计", "still accruing")) }</span> }</dd>
                <dt>{ bi(("计入金额(封顶后)", "Applied after cap")) }</dt><dd id="penalty-applied">{ pen.applied.pretty() }</dd>
                <dt>{ bi(("上限 5 %", "Cap 5 %")) }</dt><dd id="cap-amount">{ t.cap.pretty() }</dd>
                <dt>{ bi(("是否达到上限", "Cap reached")) }</dt>
                <dd id="cap-reached">{ if t.cap_reached { bi(("已达到", "yes")) } else { bi(("未达到", "no")) } }</dd>
            </dl>
            if let Some(c) = &p.r.contingent {
                <p class="contingent" id="contingent">
                    { match lang {
                        Lang::Zh => format!("若为厂商原因:{},{};若为其他原因:{}。", lang.days(c.if_vendor.penalty_days), c.if_vendor.penalty_amount.pretty(), c.if_not_vendor.penalty_amount.pretty()),
                        Lang::En => format!("If the vendor caused it: {}, {}; any other cause: {}.", lang.days(c.if_vendor.penalty_days), c.if_vendor.penalty_amount.pretty(), c.if_not_vendor.penalty_amount.pretty()),
                    } }
                </p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LedgerProps {
    a: Rc<Assessment>,
}

/// L3.5: the quarterly monitoring reports of the warranty and where each stands.
#[function_component(MonitoringCard)]
fn monitoring_card(p: &LedgerProps) -> Html {
    use slacalc::ledger::ReportStatus;
    let lang = use_lang();
    if p.a.monitoring.is_empty() {
        return html! {};
    }
    let status = |s: ReportStatus| -> (Bi, &'static str) {
        match s {
            ReportStatus::Delivered => (("已提交", "delivered"), "met"),
            ReportStatus::Due => (("待提交", "due"), "pending"),
            ReportStatus::Overdue => (("已逾期", "overdue"), "missed"),
            ReportStatus::Upcoming => (("未开始", "upcoming"), ""),
        }
    };
    let overdue =
        p.a.monitoring
            .iter()
            .filter(|m| m.status == ReportStatus::Overdue)
            .count();
    let delivered =
        p.a.monitoring
            .iter()
            .filter(|m| m.status == ReportStatus::Delivered)
            .count();
    html! {
        <details class="card" id="monitoring-card">
            <summary><h2>{ bi(("远程监测报告", "Remote-monitoring reports")) }{ " " }<span class="clause">{ "L3.5" }</span>
                { match lang {
                    Lang::Zh => format!(" · 共 {} 份,已提交 {} 份,逾期 {} 份", p.a.monitoring.len(), delivered, overdue),
                    Lang::En => format!(" · {} reports, {} delivered, {} overdue", p.a.monitoring.len(), delivered, overdue),
                } }</h2></summary>
            <p class="note">{ bi(("交付记录写在案例的 monitoring_reports 中(CLI / JSON)。", "Deliveries are recorded in the case's monitoring_reports (CLI / JSON).")) }</p>
            <table id="monitoring">
                <thead><tr>
                    <th>{ "#" }</th><th>{ bi(("周期", "Period")) }</th><th>{ bi(("截止", "Due")) }</th><th>{ bi(("状态", "Status")) }</th>
                </tr></thead>
                <tbody>
                { for p.a.monitoring.iter().map(|m| {
                    let (label, class) = status(m.status);
                    html! {
                        <tr>
                            <td>{ m.period }</td>
                            <td>{ format!("{} – {}", lang.date(m.from), lang.date(m.to)) }</td>
                            <td>{ lang.date(m.due) }</td>
                            <td class={classes!("status", class)}>{ bi(label) }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </details>
    }
}

#[function_component(Explanation)]
fn explanation(p: &IncidentProps) -> Html {
    let lang = use_lang();
    html! {
        <div class="card">
            <h2>{ bi(("计算依据", "How this was worked out")) }</h2>
            <ol class="steps" id="explanation">
                { for p.r.explanation.iter().map(|s| html! {
                    <li><span class="clause">{ &s.clause }</span>{ " " }{ lang.pick(&s.zh, &s.en) }</li>
                }) }
            </ol>
        </div>
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    //! Component tests in headless Chromium (`make wasm-test`).
    use super::App;
    use crate::views::test_util::{settle, text, text_eq};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;
    use web_sys::{Element, HtmlInputElement};

    wasm_bindgen_test_configure!(run_in_browser);

    async fn mount() -> Element {
        let root = crate::views::test_util::root();
        yew::Renderer::<App>::with_root(root.clone()).render();
        settle().await;
        root
    }

    async fn type_into(root: &Element, css: &str, value: &str) {
        let input: HtmlInputElement = root
            .query_selector(css)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into().ok())
            .unwrap_or_else(|| panic!("{css} is an input"));
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let ev = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
        input.dispatch_event(&ev).expect("dispatch");
        settle().await;
    }

    #[wasm_bindgen_test]
    async fn opens_on_the_worked_example_with_its_penalty() {
        let root = mount().await;
        assert_eq!(text(&root, "#penalty-amount").await, "¥5,000.00");
        assert_eq!(text(&root, "#penalty-days").await, "2");
        assert_eq!(text(&root, "#cap-amount").await, "¥50,000.00");
        assert!(text(&root, "#coverage").await.contains("covered"));
        assert!(text(&root, "#explanation").await.contains("L4.2"));
    }

    #[wasm_bindgen_test]
    async fn a_bad_field_is_marked_with_the_engine_message_and_recovers() {
        let root = mount().await;
        type_into(&root, "#contract-price", "12.345").await;
        let err = text(&root, ".field-error[data-path='contract.price']").await;
        assert!(err.contains("more than two decimals"), "{err}");
        assert!(root
            .query_selector("#penalty-amount")
            .ok()
            .flatten()
            .is_none());
        type_into(&root, "#contract-price", "2000000").await;
        // Twice the price, twice the damages: 2 days × 0.25 % × ¥2,000,000.00.
        assert_eq!(text(&root, "#penalty-amount").await, "¥10,000.00");
    }

    #[wasm_bindgen_test]
    async fn custom_terms_are_edited_and_checked_in_place() {
        let root = mount().await;
        let toggle: HtmlInputElement = root
            .query_selector("#custom-terms")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into().ok())
            .expect("toggle");
        toggle.click();
        settle().await;
        let area: web_sys::HtmlTextAreaElement = root
            .query_selector("#terms-json")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into().ok())
            .expect("the terms editor opens with the letter's terms");
        assert!(area.value().contains("\"rate_bp\": 25"));
        // Double the daily rate: 2 days × 0.50 % × ¥1,000,000.00 = ¥10,000.00.
        area.set_value(&area.value().replace("\"rate_bp\": 25", "\"rate_bp\": 50"));
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let ev = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
        area.dispatch_event(&ev).expect("dispatch");
        settle().await;
        assert_eq!(
            text_eq(&root, "#penalty-amount", "¥10,000.00").await,
            "¥10,000.00"
        );
        area.set_value(&area.value().replace("\"cap_bp\": 500", "\"cap_bp\": 20000"));
        area.dispatch_event(&ev).expect("dispatch");
        settle().await;
        let err = text(&root, ".field-error[data-path='terms']").await;
        assert!(err.contains("terms.penalty.cap_bp"), "{err}");
    }

    #[wasm_bindgen_test]
    async fn a_restoration_before_the_interruption_names_its_field() {
        let root = mount().await;
        type_into(&root, "#restored-at", "2025-03-03 07:00").await;
        let err = text(&root, ".field-error[data-path='incidents[0].restored_at']").await;
        assert!(
            err.contains("restoration is before the interruption"),
            "{err}"
        );
        assert!(!err.contains("恢复时间"), "English only: {err}");
    }

    #[wasm_bindgen_test]
    async fn the_language_switch_shows_the_page_in_chinese_and_remembers_it() {
        let root = mount().await;
        type_into(&root, "#restored-at", "2025-03-03 07:00").await;
        let html = gloo::utils::document().document_element().expect("<html>");
        assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
        assert_eq!(text(&root, "#lang-switch").await, "中文");
        root.query_selector("#lang-switch")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .expect("the switch")
            .click();
        settle().await;
        assert_eq!(html.get_attribute("lang").as_deref(), Some("zh-CN"));
        assert_eq!(text(&root, "#lang-switch").await, "English");
        let err = text(&root, ".field-error[data-path='incidents[0].restored_at']").await;
        assert!(err.contains("恢复时间早于中断开始时间"), "{err}");
        assert!(!err.contains("restoration"), "Chinese only: {err}");
        let stored = gloo::utils::window()
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(crate::i18n::lang::STORAGE_KEY).ok().flatten());
        assert_eq!(stored.as_deref(), Some("zh"));
    }
}
