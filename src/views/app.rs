//! The page itself: the one reducer (`state::page`) kept in step with the browser (its
//! storage, the address, the document's language), and the page's parts in order: the
//! header, the ledger row being edited, the result beside the form, the ledger, the
//! printable sheet; or, for an embed address, only the card.

use crate::i18n::lang::Lang;
use crate::interop::{browser, storage};
use crate::state::form::measure_label;
use crate::state::page::{Page, PageAction, Stamped};
use crate::state::share;
use crate::views::embed::EmbedCard;
use crate::views::form::FormView;
use crate::views::header::{actions, as_of_and_share, header, notices, terms_line, title_row};
use crate::views::ledger::{editing_banner, LedgerView};
use crate::views::result::ResultView;
use crate::views::sheet::{LedgerSheet, PrintSheet};
use crate::views::text::bi;
use crate::views::verdict::VerdictCard;
use std::rc::Rc;
use yew::prelude::*;

/// The language the page opens in: the one chosen on an earlier visit, else the first of the
/// browser's languages that is Chinese or English (English when neither is).
fn initial_lang() -> Lang {
    if let Some(lang) = storage::stored_lang() {
        return lang;
    }
    Lang::from_browser(browser::languages().iter().map(String::as_str))
}

/// The page's state, and the one callback every edit goes through (stamped with the
/// browser's clock; components given it re-render only when their own props change: a
/// 1,000-row ledger re-renders only the rows that changed). Keeps the browser in step: the
/// document's language, the work and the ledger in storage, links opened later in the tab
/// (the restore points are kept by the History button, `views::history`).
#[hook]
fn use_page() -> (UseReducerHandle<Page>, Callback<PageAction>) {
    // The page opens the link in its address, if any, before its first render (so an embed
    // card never flashes the full page).
    let page = use_reducer(|| {
        let found = storage::open_saved();
        let mut page = Page::opening(
            browser::link_in_address(),
            found.work,
            found.ledger,
            storage::read_beside(),
            browser::reloaded(),
        );
        page.asides = found.asides;
        page.tabs.id = storage::tab_id();
        page.lang = initial_lang();
        page.refresh_ledger(browser::now());
        page
    });
    let on_page = use_callback(page.dispatcher(), |action: PageAction, d| {
        d.dispatch(Stamped {
            action,
            now: browser::now(),
        })
    });
    // The document says which language it is in (screen readers, fonts, hyphenation).
    use_effect_with(page.lang, |lang| {
        browser::set_document_language(
            lang.tag(),
            lang.pick("SLA 计算器 · slacalc", "SLA calculator · slacalc"),
        )
    });
    // The page is drawn: the loading notice goes, and `make bench` marks the first result.
    use_effect_with((), |_| browser::page_drawn());
    {
        // Nothing typed is lost: every change is kept in the browser's storage; a refusal
        // (e.g. a full quota) is shown, not swallowed.
        let on_page = on_page.clone();
        // Only what differs from what this tab last wrote or took from another tab.
        use_effect_with(page.to_store(), move |saved| {
            if let Some(saved) = saved {
                on_page.emit(match storage::store_work(saved) {
                    Ok(stamped) => PageAction::WorkStored(stamped),
                    Err(e) => PageAction::StorageProblem(e),
                });
            }
        });
    }
    {
        // A tab opened from a link keeps its own work in its own storage (issue #14); any
        // other tab forgets what it kept there (once: its key does not follow its edits).
        let own = page
            .tabs
            .beside
            .as_ref()
            .map(|link| (link.clone(), page.work(), page.ledger.rev));
        let page = page.clone();
        use_effect_with((own, page.embed), move |(_, embed)| {
            // (An embed card leaves the tab's own work alone.)
            if !embed {
                storage::store_beside(page.beside_doc().as_ref());
            }
        });
    }
    {
        // The other tabs' writes of the work and the ledger (issue #14).
        let on_page = on_page.clone();
        use_effect_with((), move |_| {
            let listener = storage::listen_other_tabs(on_page);
            move || drop(listener)
        });
    }
    {
        // Open any link opened in this tab later.
        let on_page = on_page.clone();
        use_effect_with((), move |_| {
            let listener = browser::listen("hashchange", move |_| {
                if let Some(hash) = browser::link_in_address() {
                    on_page.emit(PageAction::OpenLink(hash));
                }
            });
            move || drop(listener)
        });
    }
    storage::use_ledger_storage(
        &page.ledger,
        page.ledger_shared(),
        on_page.reform(|written: Result<Option<String>, String>| match written {
            Ok(text) => PageAction::LedgerStored(text),
            Err(e) => PageAction::StorageProblem(e),
        }),
    );
    (page, on_page)
}

/// The page: the calculator, or the embed card when the address asks for it.
/// Whether the printed sheet is the ledger's (issue #16): set by the ledger's "Print ledger",
/// which prints once its sheet is drawn; back to the incident's sheet after printing.
#[hook]
fn use_printing_ledger() -> UseStateHandle<bool> {
    let printing = use_state(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let after = browser::listen("afterprint", move |_| printing.set(false));
            move || drop(after)
        });
    }
    use_effect_with(*printing, |on| {
        if *on {
            browser::print();
        }
    });
    printing
}

/// The ledger's printable sheet under the form's contract: its assessment and its link
/// (made now, not on every render); `None` while the ledger has problems.
fn ledger_sheet(page: &Page, contract: Option<&slacalc::case::Contract>) -> Option<Html> {
    let a = page.ledger.book.as_ref()?.assessment()?;
    let link = page
        .ledger
        .link(&page.form.to_case_text(), &browser::page_address())?;
    let contract = Rc::new(contract?.clone());
    Some(html! {
        <LedgerSheet {contract} a={Rc::new(a)} link={AttrValue::from(link)} />
    })
}

#[function_component(App)]
pub fn app() -> Html {
    let (page, on_page) = use_page();
    // Whether "Edit this case" starts open: on a desktop, not on a phone.
    let wide = use_memo((), |_| browser::wide());
    let lang = page.lang;
    let evaluated = page.evaluate(browser::now());
    if page.embed {
        let full = share::without_embed(&browser::page_href());
        let outcome = evaluated.map(|(_, a)| a);
        let outcome = match page.verdict(&outcome) {
            Some(a) => Ok(a),
            None => outcome,
        };
        return html! {
            <ContextProvider<Lang> context={lang}>
                <EmbedCard outcome={Rc::new(outcome)} notice={page.notice.clone()}
                    full={AttrValue::from(full)} />
            </ContextProvider<Lang>>
        };
    }
    let errors = Rc::new(evaluated.as_ref().err().cloned().unwrap_or_default());
    let form_ok = evaluated.is_ok();
    let share = evaluated
        .as_ref()
        .ok()
        .map(|(case, a)| slacalc::link::url(&browser::page_address(), case, a));
    let ics = evaluated
        .as_ref()
        .ok()
        .and_then(|(case, a)| share::ics(case, a));
    let printing_ledger = use_printing_ledger();
    let ledger_sheet = (*printing_ledger)
        .then(|| ledger_sheet(&page, evaluated.as_ref().ok().map(|(c, _)| &c.contract)))
        .flatten();
    let sheet = match (ledger_sheet, &evaluated, &share) {
        (Some(sheet), _, _) => sheet,
        (None, Ok((case, a)), Some(link)) => html! {
            <PrintSheet case={Rc::new(case.clone())} a={Rc::new(a.clone())} link={AttrValue::from(link.clone())} />
        },
        _ => html! {},
    };
    let incident = evaluated
        .as_ref()
        .ok()
        .and_then(|(case, _)| case.incidents.first().cloned().map(Rc::new));
    // The share field's label in the custom terms' own words (#15), from the terms the
    // engine read.
    let measure = evaluated
        .as_ref()
        .ok()
        .and_then(|(case, _)| measure_label(&case.terms, page.lang))
        .map(AttrValue::from);
    let outcome = evaluated.map(|(_, a)| a);
    let main = html! {
        <>
            { editing_banner(&page.ledger, &on_page) }
            // The result first: on a phone it comes before the long form (side by side on a wide
            // screen, the form on the left).
            <main class="layout">
                <ResultView outcome={Rc::new(outcome.clone())} {incident} />
                <FormView form={Rc::new(page.form.clone())} errors={errors.clone()} on_action={on_page.reform(PageAction::Form)}
                    measure={measure} />
            </main>
            <LedgerView state={page.ledger.clone()} form_ok={form_ok} on_page={on_page.clone()}
                case_text={AttrValue::from(page.form.to_case_text())}
                on_print={Callback::from(move |_| printing_ledger.set(true))} />
        </>
    };
    let footer = html! {
        <footer>
            { bi(("全部计算在浏览器本地完成,不发送任何数据。", "Everything is computed in your browser; nothing is sent anywhere.")) }
        </footer>
    };
    // Opened from a link (issue #17): the verdict first, everything else one tap away under
    // "Edit this case" (closed on a phone, open on a desktop). The layout stays while the case
    // is edited (a field being typed keeps its focus); the card goes while the case has
    // problems, which the result lists.
    let body = if page.tabs.beside.is_some() {
        let verdict = page.verdict(&outcome).map(Rc::new);
        html! {
            <>
                <header class="top">{ title_row(&page, &on_page) }</header>
                if let Some(a) = verdict { <VerdictCard {a} /> }
                { notices(&page, &on_page) }
                <details class="edit-case" id="edit-case" open={*wide}>
                    <summary>{ bi(("编辑此案例", "Edit this case")) }</summary>
                    <div class="top">
                        { terms_line(&page, &outcome) }
                        { actions(&page, &on_page) }
                        { as_of_and_share(&page, &on_page, &errors, share, ics) }
                    </div>
                    { main }
                </details>
            </>
        }
    } else {
        html! {
            <>
                { header(&page, &on_page, &outcome, &errors, share, ics) }
                { main }
            </>
        }
    };
    html! {
        <ContextProvider<Lang> context={lang}>
        <div class="page">
            { body }
            { footer }
            { sheet }
        </div>
        </ContextProvider<Lang>>
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    //! Component tests in headless Chromium (`make wasm-test`).
    use super::App;
    use crate::views::test_util::{root, settle, text, text_eq, worked};
    use wasm_bindgen::prelude::*;
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
        // The editor opens on the next render (wait for it: a loaded machine is slow).
        let mut area = None;
        for _ in 0..100 {
            settle().await;
            area = root
                .query_selector("#terms-json")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
            if area.is_some() {
                break;
            }
        }
        let area = area.expect("the terms editor opens with the letter's terms");
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
            .and_then(|s| s.get_item(crate::interop::storage::LANG_KEY).ok().flatten());
        assert_eq!(stored.as_deref(), Some("zh"));
    }

    /// `history.replaceState(null, "", url)`: a new address without a hashchange event.
    fn replace_address(url: &str) {
        let history =
            js_sys::Reflect::get(&gloo::utils::window(), &"history".into()).expect("history");
        let replace: js_sys::Function = js_sys::Reflect::get(&history, &"replaceState".into())
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .expect("replaceState");
        replace
            .call3(&history, &JsValue::NULL, &"".into(), &url.into())
            .expect("address replaced");
    }

    #[wasm_bindgen_test]
    async fn an_embed_address_opens_the_card_instead_of_the_form() {
        let (case, a) = worked();
        let href = gloo::utils::window().location().href().expect("href");
        let base = href.split('#').next().unwrap_or_default().to_string();
        let link = slacalc::link::url(&base, &case, &a);
        replace_address(&crate::state::share::embed_url(&link));
        let root = root();
        yew::Renderer::<crate::views::app::App>::with_root(root.clone()).render();
        settle().await;
        replace_address(&base);
        assert_eq!(text(&root, "#verdict-amount").await, "¥5,000.00");
        assert!(root.query_selector("#embed-card").ok().flatten().is_some());
        assert!(root.query_selector("input").ok().flatten().is_none());
        let open = root
            .query_selector("#open-full")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("href"))
            .expect("href");
        assert_eq!(open, link, "the full calculator without &embed=1");
    }

    #[wasm_bindgen_test]
    async fn the_page_has_a_printable_sheet_with_the_qr_code_and_the_tools() {
        let root = root();
        yew::Renderer::<crate::views::app::App>::with_root(root.clone()).render();
        settle().await;
        let path = root
            .query_selector("#share-qr path")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("d"))
            .expect("QR path");
        assert!(path.starts_with("M4 4h7"), "finder pattern first: {path}");
        let clauses = text(&root, "#sheet-clauses").await;
        assert!(
            clauses.contains("L4.2") && clauses.contains("合同总价的0.25%"),
            "{clauses}"
        );
        assert!(
            clauses.contains("0.25 % of the total contract price"),
            "{clauses}"
        );
        assert_eq!(text(&root, "#sheet-penalty").await, "¥5,000.00");
        assert_eq!(text(&root, "#sheet-digest").await.len(), 16);
        assert!(text(&root, "#sheet-link").await.contains("#c=1"));
        // "Copy embed code" shows the snippet with the embed address and the height listener.
        root.query_selector("#copy-embed")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .expect("button")
            .click();
        settle().await;
        let snippet = root
            .query_selector("#embed-code")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            .expect("the snippet")
            .value();
        assert!(snippet.contains("&amp;embed=1\""), "{snippet}");
        assert!(
            snippet.contains("e.data.slacalc !== \"height\""),
            "{snippet}"
        );
    }
}
