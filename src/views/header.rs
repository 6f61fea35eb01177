//! The page's header: its title and the language switch, the terms the result is assessed
//! under, "worked example", "clear incident" and "history" (the restore points), the notice
//! of the last link opened, the assessment time, and the share link with the other ways to
//! take the result away.

use crate::interop::storage;
use crate::state::form::Action;
use crate::state::page::{Notice, Page, PageAction};
use crate::views::fields::{errors_at, FieldErrors};
use crate::views::history::HistoryButton;
use crate::views::saved::{Failing, SavedNotices, TabNotices};
use crate::views::share::{ShareLink, ShareTools};
use crate::views::text::{bi, use_lang};
use slacalc::assess::Assessment;
use slacalc::terms::Text;
use slacalc::CaseError;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The terms a result was assessed under, by name and id (the letter's while the input has
/// problems).
fn assessed_terms(outcome: &Result<Assessment, Vec<CaseError>>) -> (Text, String) {
    match outcome {
        Ok(a) => (a.terms_name.clone(), a.terms.clone()),
        Err(_) => (
            Text {
                zh: "北京亿中邮 服务承诺函(上海电机学院)".into(),
                en: "eyou service commitment letter (Shanghai Dianji University)".into(),
            },
            "eyou-sdju".to_string(),
        ),
    }
}

/// The header of `page`, whose form was assessed as `outcome` (`errors`: its problems), with
/// its share link and calendar file when it has a result; its edits go to `on_page`.
pub fn header(
    page: &Page,
    on_page: &Callback<PageAction>,
    outcome: &Result<Assessment, Vec<CaseError>>,
    errors: &[CaseError],
    share: Option<String>,
    ics: Option<String>,
) -> Html {
    html! {
        <header class="top">
            { title_row(page, on_page) }
            { terms_line(page, outcome) }
            { actions(page, on_page) }
            { notices(page, on_page) }
            { as_of_and_share(page, on_page, errors, share, ics) }
        </header>
    }
}

/// The page's title and the language switch.
pub fn title_row(page: &Page, on_page: &Callback<PageAction>) -> Html {
    let lang = page.lang;
    let onclick_lang = {
        let (on_page, next) = (on_page.clone(), lang.other());
        Callback::from(move |_: MouseEvent| {
            storage::store_lang(next);
            on_page.emit(PageAction::SetLang(next));
        })
    };
    html! {
        <div class="title-row">
            <h1>{ bi(("SLA 计算器", "SLA calculator")) }</h1>
            // Named in the language it switches to, and marked as such.
            <button type="button" id="lang-switch" class="lang-switch"
                title={lang.pick("切换为英文界面", "Switch the page to Chinese")} onclick={onclick_lang}>
                <span lang={lang.other().tag()}>{ lang.other().own_name() }</span></button>
        </div>
    }
}

/// The terms the result is assessed under, by name and id.
pub fn terms_line(page: &Page, outcome: &Result<Assessment, Vec<CaseError>>) -> Html {
    let lang = page.lang;
    let (terms_name, terms_id) = assessed_terms(outcome);
    let terms = format!(
        "{} ({} {})",
        lang.pick(&terms_name.zh, &terms_name.en),
        lang.pick("条款", "terms"),
        terms_id
    );
    html! { <p class="sub">{ terms }</p> }
}

/// "Worked example", "clear incident" and "history" (the restore points).
pub fn actions(page: &Page, on_page: &Callback<PageAction>) -> Html {
    let onclick_example = on_page.reform(|_: MouseEvent| PageAction::Form(Action::LoadExample));
    let onclick_clear = on_page.reform(|_: MouseEvent| PageAction::Form(Action::ClearIncident));
    html! {
        <div class="actions">
            <button type="button" id="load-example" onclick={onclick_example}>{ bi(("载入示例", "Worked example")) }</button>
            <button type="button" id="clear-incident" onclick={onclick_clear}>{ bi(("清空事件", "Clear incident")) }</button>
            <HistoryButton recorded={page.recorded.clone()} restored={page.restored.clone()} on_page={on_page.clone()} />
        </div>
    }
}

/// What the page has to say: the last link opened, the other tabs, the saved work.
pub fn notices(page: &Page, on_page: &Callback<PageAction>) -> Html {
    html! {
        <>
            <NoticeBar notice={page.notice.clone()} can_restore={page.previous.is_some()} on_page={on_page.clone()} />
            <TabNotices beside={page.tabs.beside.is_some()} other_work={page.tabs.other_work.is_some()}
                other_ledger={page.tabs.other_ledger.is_some()} on_page={on_page.clone()} />
            <SavedNotices asides={page.asides.clone()} failing={Failing::of(page)} on_page={on_page.clone()} />
        </>
    }
}

/// The assessment time, and the share link with the other ways to take the result away.
pub fn as_of_and_share(
    page: &Page,
    on_page: &Callback<PageAction>,
    errors: &[CaseError],
    share: Option<String>,
    ics: Option<String>,
) -> Html {
    let lang = page.lang;
    let on_as_of = on_page.reform(|e: InputEvent| {
        PageAction::SetAsOf(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let as_of_errors = errors_at(errors, "as_of");
    html! {
        <>
            <div class="row as-of">
                <div class={classes!("field", (!as_of_errors.is_empty()).then_some("invalid"))}>
                    <label for="as-of">{ bi(("评估时间", "Assess as of")) }</label>
                    <input type="text" id="as-of" value={page.as_of_shown()} placeholder={lang.pick("空 = 现在", "empty = now")} autocomplete="off" oninput={on_as_of} />
                    <FieldErrors path="as_of" errors={as_of_errors} />
                </div>
                <ShareLink link={share.clone()} />
            </div>
            <ShareTools link={share} ics={ics} id={page.form.id.clone()} />
        </>
    }
}

/// What the notice bar shows and does.
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// The message of the last link opened (or of a refused save); none: no bar.
    pub notice: Option<Notice>,
    /// A link replaced the user's work, which can be brought back.
    pub can_restore: bool,
    /// Where "restore" and "dismiss" go.
    pub on_page: Callback<PageAction>,
}

/// What opening a link did: the case opened (and whether today's rules agree) or why not.
#[function_component(NoticeBar)]
pub fn notice_bar(p: &NoticeProps) -> Html {
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
