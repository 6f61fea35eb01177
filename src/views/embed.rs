//! Embed mode (`#c=…&embed=1`): a compact read-only card of a shared result (the verdict card
//! the page leads with when opened from a link, `views::verdict`), for an `<iframe>` in
//! another page. It reports its height to the parent
//! (`{slacalc: "height", height: N}`) on every render and window resize. It is shown in the
//! page's language: the one chosen on the calculator in this browser, else the browser's.

use crate::interop::browser::{self, report_height};
use crate::state::page::Notice;
use crate::views::text::{bi, use_lang};
use crate::views::verdict::VerdictCard;
use slacalc::assess::Assessment;
use slacalc::CaseError;
use std::rc::Rc;
use yew::prelude::*;

/// What the card shows.
#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    /// The assessment of the linked case, or why there is none.
    pub outcome: Rc<Result<Assessment, Vec<CaseError>>>,
    /// What opening the link said (shown when it is a warning or an error).
    pub notice: Option<Notice>,
    /// The same case in the full calculator (the address without `&embed=1`).
    pub full: AttrValue,
}

/// The compact read-only result card.
#[function_component(EmbedCard)]
pub fn embed_card(p: &EmbedProps) -> Html {
    let lang = use_lang();
    let card = use_node_ref();
    {
        let card = card.clone();
        use_effect(move || report_height(&card));
    }
    {
        let card = card.clone();
        use_effect_with((), move |_| {
            let listener = browser::listen("resize", move |_| report_height(&card));
            move || drop(listener)
        });
    }
    let notice = p.notice.as_ref().filter(|n| n.error).map(|n| {
        html! { <p class="embed-notice" id="embed-notice">{ lang.pick(&n.zh, &n.en) }</p> }
    });
    let open = html! {
        <a id="open-full" href={p.full.clone()} target="_blank" rel="noopener">
            { bi(("在完整计算器中打开", "Open in the full calculator")) }{ " ↗" }</a>
    };
    let body = match &*p.outcome {
        Err(errors) => html! {
            <ul class="embed-problems" id="problems">
                { for errors.iter().map(|e| html! { <li>{ lang.pick(&e.zh(), &e.en()).to_string() }</li> }) }
            </ul>
        },
        Ok(a) => html! { <VerdictCard a={Rc::new(a.clone())} /> },
    };
    html! {
        <div class="embed" id="embed-card" ref={card}>
            <p class="embed-title">{ bi(("SLA 评估", "SLA assessment")) }</p>
            { for notice }
            { body }
            <p class="embed-open">{ open }</p>
        </div>
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    //! The embed card in headless Chromium (`make wasm-test`).
    use super::{EmbedCard, EmbedProps};
    use crate::i18n::lang::Lang;
    use crate::views::test_util::{root, settle, text, worked};
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// The embed card in a page whose language is English.
    #[yew::function_component(EnglishCard)]
    fn english_card(p: &EmbedProps) -> yew::Html {
        yew::html! {
            <yew::ContextProvider<Lang> context={Lang::En}>
                <EmbedCard outcome={p.outcome.clone()} notice={p.notice.clone()} full={p.full.clone()} />
            </yew::ContextProvider<Lang>>
        }
    }

    #[wasm_bindgen_test]
    async fn the_embed_card_is_read_only_and_reports_its_height() {
        // The test page is its own parent: the card's message arrives here.
        let heights = Rc::new(Cell::new(0.0));
        let seen = heights.clone();
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "message", move |e| {
                let data = js_sys::Reflect::get(e.as_ref(), &"data".into()).unwrap_or_default();
                let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).unwrap_or_default();
                if get("slacalc").as_string().as_deref() == Some("height") {
                    seen.set(get("height").as_f64().unwrap_or_default());
                }
            });
        let (_, a) = worked();
        let root = root();
        let props = EmbedProps {
            outcome: Rc::new(Ok(a)),
            notice: None,
            full: "http://x.invalid/#c=1abc".into(),
        };
        yew::Renderer::<EnglishCard>::with_root_and_props(root.clone(), props).render();
        settle().await;
        assert_eq!(text(&root, "#verdict-amount").await, "¥5,000.00");
        assert!(text(&root, "#verdict-class").await.contains("covered"));
        let restore = text(&root, "li.deadline[data-kind=Restore]").await;
        assert!(
            restore.contains("missed") && restore.contains("28 h 50 min"),
            "{restore}"
        );
        let clauses = text(&root, "#verdict-clauses").await;
        for id in ["L2.1", "L3.3a", "L4.1", "L4.2", "L4.3"] {
            assert!(clauses.contains(id), "{id} in {clauses}");
        }
        let open = root
            .query_selector("#open-full")
            .ok()
            .flatten()
            .expect("the link to the full calculator");
        assert_eq!(
            open.get_attribute("href").as_deref(),
            Some("http://x.invalid/#c=1abc")
        );
        let controls = root
            .query_selector_all("input, select, textarea, button")
            .expect("query");
        assert_eq!(controls.length(), 0, "no editing control in the card");
        // The height arrives as a message, a task after the card is drawn: wait for it (on a
        // loaded machine one settle was not always enough).
        for _ in 0..50 {
            if heights.get() > 0.0 {
                break;
            }
            settle().await;
        }
        assert!(heights.get() > 0.0, "height reported: {}", heights.get());
        drop(listener);
    }
}
