//! The terms builder's view (issue #15): the levels as rows and their commitments as columns
//! (as Zendesk, Jira Service Management and ServiceNow edit SLA policies), office hours,
//! damages, exclusions and the other clauses below, each field with the engine's messages
//! about it, and the terms as a clause table in both languages. Every edit goes to the
//! page's terms at once (`dom::send`).

use crate::dom;
use crate::draft::{blank, json_name, letter, Draft, Edit, CAUSES, DAYS, KINDS};
use crate::library::{self, Entry, LibraryError};
use serde_json::Value;
use slacalc::clause_table::{clause_table, ClauseRow};
use slacalc::names::{counting_names, Named};
use slacalc::terms::{Effect, PenaltyDays, Per, TermsSpec};
use slacalc::vocab::Clock;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Where the builder lives: the page's slot, whose `data-terms` and `data-lang` it follows.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The slot element.
    pub slot: web_sys::Element,
}

/// What the builder holds between renders.
#[derive(Clone, PartialEq)]
pub struct State {
    draft: Draft,
    zh: bool,
    /// Edits made here (each one goes to the page).
    edits: u64,
    /// A note about the last thing that could not be done: (Chinese, English).
    note: Option<(String, String)>,
    library: Rc<Vec<Entry>>,
    library_problem: Option<LibraryError>,
    name: String,
    /// The terms the last start (letter, blank, file, library) replaced: one undo away.
    before: Option<Value>,
}

/// What changes the builder.
pub enum Msg {
    /// An edit made here.
    Edit(Edit),
    /// The terms the last start replaced, back.
    Undo,
    /// The page's terms (empty: the letter's; none: only what the builder sent came back)
    /// and language, changed there.
    Page(Option<String>, bool),
    /// Something could not be done.
    Note(&'static str, &'static str),
    /// The name to keep the terms under in the library.
    Name(String),
    /// The library as now kept, or why it could not be.
    Library(Result<Vec<Entry>, LibraryError>),
}

impl Reducible for State {
    type Action = Msg;
    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut s = (*self).clone();
        match msg {
            Msg::Edit(e) => {
                if matches!(e, Edit::Replace(_)) {
                    s.before = Some(s.draft.terms.clone());
                }
                s.draft.apply(e);
                s.edits += 1;
                s.note = None;
            }
            Msg::Page(None, zh) if zh == self.zh => return self,
            Msg::Page(text, zh) => {
                s.zh = zh;
                let Some(text) = text else {
                    return Rc::new(s);
                };
                if text != s.draft.text {
                    match page_terms(&text) {
                        Some(v) => {
                            s.draft = Draft::of(v);
                            s.note = None;
                        }
                        None => {
                            s.note = Some((
                                "页面上的条款 JSON 无法读取:编辑器保留最后一份可读的条款。".into(),
                                "The page's terms JSON does not read: the builder keeps the last terms that did.".into(),
                            ))
                        }
                    }
                }
            }
            Msg::Undo => {
                if let Some(v) = s.before.take() {
                    s.draft.apply(Edit::Replace(v));
                    s.edits += 1;
                }
            }
            Msg::Note(zh, en) => s.note = Some((zh.into(), en.into())),
            Msg::Name(n) => s.name = n,
            Msg::Library(Ok(entries)) => {
                s.library = Rc::new(entries);
                s.library_problem = None;
            }
            Msg::Library(Err(e)) => s.library_problem = Some(e),
        }
        Rc::new(s)
    }
}

/// The terms the page holds (empty: the letter's).
fn page_terms(text: &str) -> Option<Value> {
    if text.trim().is_empty() {
        Some(letter())
    } else {
        Draft::read(text)
    }
}

/// How many terms sent to the page are remembered (the page echoes each one back).
const ECHOES: usize = 32;

/// The terms builder.
#[function_component(Builder)]
pub fn builder(p: &Props) -> Html {
    let slot = p.slot.clone();
    let state = use_reducer(move || {
        let (text, zh) = dom::page_state(&slot);
        let (library, library_problem) = match library::load() {
            Ok(l) => (l, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        State {
            draft: Draft::of(page_terms(&text).unwrap_or_else(letter)),
            zh,
            edits: 0,
            note: None,
            library: Rc::new(library),
            library_problem,
            name: String::new(),
            before: None,
        }
    });
    let sent: Rc<RefCell<VecDeque<String>>> = use_mut_ref(VecDeque::new);
    {
        let (slot, sent, dispatch) = (p.slot.clone(), sent.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            let watched = slot.clone();
            dom::watch(&watched, move || {
                let (text, zh) = dom::page_state(&slot);
                // What the page shows of terms sent from here is no news, nor is what it shows
                // before it has shown them.
                let mine = sent.borrow().iter().any(|t| *t == text);
                if mine {
                    dom::arrived();
                }
                let echo = mine || dom::sending();
                dispatch.dispatch(Msg::Page((!echo).then_some(text), zh));
            });
        });
    }
    {
        let (sent, text) = (sent.clone(), state.draft.text.clone());
        use_effect_with(state.edits, move |edits| {
            if *edits > 0 {
                let mut s = sent.borrow_mut();
                s.push_back(text.clone());
                if s.len() > ECHOES {
                    s.pop_front();
                }
                dom::send(text);
            }
        });
    }
    let zh = state.zh;
    let l = move |pair: (&'static str, &'static str)| if zh { pair.0 } else { pair.1 };
    let on: Callback<Edit> = {
        let d = state.dispatcher();
        Callback::from(move |e| d.dispatch(Msg::Edit(e)))
    };
    let d = &state.draft;
    html! {
        <div class="studio" lang={l(("zh-CN", "en"))}>
            { clause_table_view(d, zh) }
            <section class="builder" id="builder">
                <h3>{ l(("条款编辑器", "Terms builder")) }</h3>
                { start_bar(&state, on.clone(), zh) }
                if let Some((nzh, nen)) = &state.note {
                    <p class="note" id="builder-note">{ if zh { nzh } else { nen } }</p>
                }
                { problems_list(d, zh) }
                { general(d, &on, zh) }
                { matrix(d, &on, zh) }
                { office_hours(d, &on, zh) }
                { damages(d, &on, zh) }
                { exclusions(d, &on, zh) }
                { other_clauses(d, &on, zh) }
            </section>
        </div>
    }
}

/// The terms as a clause table in both languages (as `CLAUSES.md`), from the engine's
/// `clause_table`; what the builder holds while its terms do not read is said instead.
fn clause_table_view(d: &Draft, zh: bool) -> Html {
    let rows: Option<Vec<ClauseRow>> = match serde_json::from_str(&d.text) {
        Ok(TermsSpec::Inline(t)) if d.problems.is_empty() => Some(clause_table(&t)),
        _ => None,
    };
    let Some(rows) = rows else {
        return html! {
            <p class="note" id="clause-table-pending">{ if zh {
                "条款尚有问题(见下),改正后显示条款表。"
            } else {
                "The terms have problems (below): the clause table shows once they are mended."
            } }</p>
        };
    };
    html! {
        <table id="clause-table" class="clause-table">
            <thead><tr><th>{ if zh { "条款" } else { "Clause" } }</th><th lang="zh-CN">{ "中文" }</th><th lang="en">{ "English" }</th></tr></thead>
            <tbody>
                { for rows.into_iter().map(|r| html! {
                    <tr><td><span class="clause">{ r.clause }</span></td><td lang="zh-CN">{ r.zh }</td><td lang="en">{ r.en }</td></tr>
                }) }
            </tbody>
        </table>
    }
}

/// Start from the letter, from blank or from a file; export; the library.
fn start_bar(state: &UseReducerHandle<State>, on: Callback<Edit>, zh: bool) -> Html {
    let l = |pair: (&'static str, &'static str)| if zh { pair.0 } else { pair.1 };
    let (o1, o2) = (on.clone(), on.clone());
    let from_letter = Callback::from(move |_: MouseEvent| o1.emit(Edit::Replace(letter())));
    let from_blank = Callback::from(move |_: MouseEvent| o2.emit(Edit::Replace(blank())));
    let dispatch = state.dispatcher();
    let from_file = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            match Draft::read(&text) {
                Some(v) => dispatch.dispatch(Msg::Edit(Edit::Replace(v))),
                None => dispatch.dispatch(Msg::Note(
                    "文件中没有可读的条款(需要条款 JSON,或带有条款的案例 JSON)。",
                    "No terms read in the file (terms JSON is needed, or a case JSON with its terms).",
                )),
            }
        });
    });
    let dispatch = state.dispatcher();
    let undo = Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::Undo));
    let dispatch = state.dispatcher();
    let on_name = Callback::from(move |e: InputEvent| {
        dispatch.dispatch(Msg::Name(
            e.target_unchecked_into::<HtmlInputElement>().value(),
        ))
    });
    let keep = {
        let (s, dispatch) = (state.clone(), state.dispatcher());
        Callback::from(move |_: MouseEvent| {
            let name = if s.name.trim().is_empty() {
                let n = crate::value::text(&s.draft.terms, "name.zh");
                if n.trim().is_empty() {
                    crate::value::text(&s.draft.terms, "id")
                } else {
                    n
                }
            } else {
                s.name.clone()
            };
            let kept = library::with(&s.library, &name, s.draft.terms.clone())
                .and_then(|(entries, text)| library::store(&text).map(|_| entries));
            dispatch.dispatch(Msg::Library(kept));
        })
    };
    let entries = state.library.iter().enumerate().map(|(i, e)| {
        let (o, terms) = (on.clone(), e.terms.clone());
        let use_it = Callback::from(move |_: MouseEvent| o.emit(Edit::Replace(terms.clone())));
        let (s, dispatch, name) = (state.clone(), state.dispatcher(), e.name.clone());
        let drop = Callback::from(move |_: MouseEvent| {
            let (entries, text) = library::without(&s.library, &name);
            dispatch.dispatch(Msg::Library(library::store(&text).map(|_| entries)));
        });
        html! {
            <li class="library-entry">
                <span class="library-name">{ &e.name }</span>
                <button type="button" id={format!("library-use-{i}")} onclick={use_it}>{ l(("使用", "Use")) }</button>
                <button type="button" id={format!("library-drop-{i}")} onclick={drop}>{ l(("删除", "Delete")) }</button>
            </li>
        }
    });
    html! {
        <div class="builder-start">
            <div class="row">
                <button type="button" id="builder-letter" onclick={from_letter}>{ l(("从承诺函开始", "Start from the letter")) }</button>
                <button type="button" id="builder-blank" onclick={from_blank}>{ l(("从空白开始", "Start from blank")) }</button>
                <label class="file">{ l(("从文件导入…", "Import a file…")) }
                    <input type="file" id="builder-file" accept=".json,application/json" onchange={from_file} />
                </label>
                if state.before.is_some() {
                    <button type="button" id="builder-undo" onclick={undo}>{ l(("撤销:恢复被替换的条款", "Undo: the terms replaced")) }</button>
                }
                <a id="builder-export" class="button" download="terms.json" href={dom::json_address(&state.draft.text)}>
                    { l(("导出 JSON", "Export JSON")) }</a>
            </div>
            <div class="row library">
                <div class="field">
                    <label for="library-name">{ l(("存入本浏览器的条款库,名称", "Keep in this browser's library as")) }</label>
                    <input type="text" id="library-name" value={state.name.clone()} oninput={on_name}
                        placeholder={crate::value::text(&state.draft.terms, "name.zh")} />
                </div>
                <button type="button" id="library-keep" onclick={keep}>{ l(("存入条款库", "Keep in library")) }</button>
            </div>
            if let Some(e) = &state.library_problem {
                <p class="field-error" id="library-problem">{ if zh { e.zh() } else { e.to_string() } }</p>
            }
            if !state.library.is_empty() {
                <ul class="library-list" id="library-list">{ for entries }</ul>
            }
        </div>
    }
}

/// Every problem the engine finds, with its field path (also shown beside its field).
fn problems_list(d: &Draft, zh: bool) -> Html {
    if d.problems.is_empty() {
        return html! { <p class="note ok" id="builder-ok">{ if zh { "引擎已检查:条款可用。" } else { "Checked by the engine: the terms are usable." } }</p> };
    }
    html! {
        <ul class="builder-problems" id="builder-problems">
            { for d.problems.iter().map(|e| html! {
                <li><code>{ format!("terms.{}", e.path) }</code>{ " " }{ if zh { e.zh() } else { e.en() } }</li>
            }) }
        </ul>
    }
}

/// What a field's value becomes: an edit of its path from the typed text.
type Make = fn(String, String) -> Edit;

/// A text field for the terms' `path`, with the engine's messages about it.
fn text_field(
    d: &Draft,
    on: &Callback<Edit>,
    id: String,
    label: &str,
    path: String,
    make: Make,
) -> Html {
    let errors: Vec<String> = d.problems_at(&path).map(|e| e.en()).collect();
    let zh_errors: Vec<String> = d.problems_at(&path).map(|e| e.zh()).collect();
    let value = d.shown(&path);
    let on = on.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        on.emit(make(
            path.clone(),
            e.target_unchecked_into::<HtmlInputElement>().value(),
        ))
    });
    let invalid = !errors.is_empty();
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{ label }</label>
            <input type="text" id={id} {value} {oninput} spellcheck="false" />
            // One element whatever the messages, so that the field typed in stays the same
            // element (and keeps the focus) when its first message comes.
            <div class="field-errors">
                { for zh_errors.into_iter().zip(errors).map(|(z, e)| html! {
                    <p class="field-error"><span lang="zh-CN">{ z }</span>{ " " }<span class="en" lang="en">{ e }</span></p>
                }) }
            </div>
        </div>
    }
}

/// A checkbox.
fn check(id: String, label: &str, checked: bool, change: Callback<bool>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        change.emit(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    html! {
        <label class="b-check"><input type="checkbox" id={id} {checked} {onchange} />{ " " }{ label }</label>
    }
}

/// A choice among `options` (value, label).
fn select(
    id: String,
    label: &str,
    current: &str,
    options: Vec<(String, String)>,
    change: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        change.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
    });
    html! {
        <div class="field">
            <label for={id.clone()}>{ label }</label>
            <select id={id} {onchange}>
                { for options.into_iter().map(|(v, text)| html! {
                    <option selected={v == current} value={v.clone()}>{ text }</option>
                }) }
            </select>
        </div>
    }
}

fn pick(zh: bool, pair: (&str, &str)) -> String {
    if zh { pair.0 } else { pair.1 }.to_string()
}

/// The terms' id, name and what their criteria count.
fn general(d: &Draft, on: &Callback<Edit>, zh: bool) -> Html {
    let t = |id: &str, label: (&str, &str), path: &str| {
        text_field(d, on, id.into(), &pick(zh, label), path.into(), Edit::Text)
    };
    let measure = |lang: &'static str, label: (&str, &str)| {
        let on = on.clone();
        let path = format!("measure.{lang}");
        let make: Make = if lang == "zh" {
            |_, t| Edit::Measure("zh", t)
        } else {
            |_, t| Edit::Measure("en", t)
        };
        let _ = &on;
        text_field(
            d,
            &on,
            format!("b-measure-{lang}"),
            &pick(zh, label),
            path,
            make,
        )
    };
    html! {
        <fieldset class="builder-part">
            <legend>{ pick(zh, ("条款名称", "The terms")) }</legend>
            <div class="row">
                { t("b-id", ("编号(id)", "Id"), "id") }
                { t("b-name-zh", ("名称(中文)", "Name (Chinese)"), "name.zh") }
                { t("b-name-en", ("名称(英文)", "Name (English)"), "name.en") }
            </div>
            <div class="row">
                { measure("zh", ("级别条件所计对象(中文,如 邮箱、用户;空:邮箱)", "What the criteria count, Chinese (e.g. 用户; empty: mailboxes)")) }
                { measure("en", ("所计对象(英文,如 users)", "What the criteria count, English (e.g. users)")) }
            </div>
        </fieldset>
    }
}

/// The levels × commitments matrix (L3.3a–c, L4.1).
fn matrix(d: &Draft, on: &Callback<Edit>, zh: bool) -> Html {
    let n = d.levels();
    let rows = (0..n).map(|i| level_row(d, on, zh, i, n));
    let add = on.reform(|_: MouseEvent| Edit::AddLevel);
    html! {
        <fieldset class="builder-part">
            <legend>{ pick(zh, ("级别与承诺(按顺序判定,最后一级为其余情况)", "Levels and commitments (tried in order; the last is the fallback)")) }</legend>
            <div class="matrix-scroll">
            <table class="builder-matrix" id="builder-matrix">
                <thead><tr>
                    <th>{ pick(zh, ("级别", "Level")) }</th>
                    <th>{ pick(zh, ("建议此级别的条件", "Criteria suggesting it")) }</th>
                    { for KINDS.iter().map(|k| html! { <th>{ pick(zh, k.names()) }</th> }) }
                    <th></th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            </div>
            <button type="button" id="b-add-level" onclick={add}>{ pick(zh, ("+ 添加级别", "+ Add a level")) }</button>
        </fieldset>
    }
}

fn level_row(d: &Draft, on: &Callback<Edit>, zh: bool, i: usize, n: usize) -> Html {
    let p = |f: &str| format!("levels[{i}].{f}");
    let t = |f: &str, label: (&str, &str)| {
        text_field(
            d,
            on,
            format!("b-level-{i}-{}", f.replace('.', "-")),
            &pick(zh, label),
            p(f),
            Edit::Text,
        )
    };
    let condition = |key: &'static str, label: (&str, &str)| {
        let path = p(&format!("when.{key}"));
        let current = match crate::value::get(&d.terms, &path) {
            Some(Value::Bool(true)) => "yes",
            Some(Value::Bool(false)) => "no",
            _ => "",
        };
        let on = on.clone();
        let change = Callback::from(move |v: String| {
            on.emit(Edit::Condition(
                path.clone(),
                match v.as_str() {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => None,
                },
            ))
        });
        select(
            format!("b-level-{i}-{key}"),
            &pick(zh, label),
            current,
            vec![
                ("".into(), pick(zh, ("不论", "either"))),
                ("yes".into(), pick(zh, ("是", "yes"))),
                ("no".into(), pick(zh, ("否", "no"))),
            ],
            change,
        )
    };
    let cells = KINDS.iter().map(|k| cell(d, on, zh, i, *k));
    let up = on.reform(move |_: MouseEvent| Edit::MoveLevel(i, true));
    let down = on.reform(move |_: MouseEvent| Edit::MoveLevel(i, false));
    let remove = on.reform(move |_: MouseEvent| Edit::RemoveLevel(i));
    html! {
        <tr class="level">
            <td class="level-head">
                { t("id", ("编号(申报用)", "Id (declared)")) }
                { t("name.zh", ("名称(中文)", "Name (Chinese)")) }
                { t("name.en", ("名称(英文)", "Name (English)")) }
                { t("clause", ("条款", "Clause")) }
            </td>
            <td class="level-when">
                { condition("system_usable", ("系统可用", "System usable")) }
                { condition("seriously_damaged", ("严重损坏", "Seriously damaged")) }
                { text_field(d, on, format!("b-level-{i}-pct"), &pick(zh, ("受影响超过 %", "Affected over %")), p("when.mailboxes_over_pct"), Edit::Count) }
            </td>
            { for cells }
            <td class="level-move">
                <button type="button" id={format!("b-level-{i}-up")} disabled={i == 0} onclick={up} title={pick(zh, ("上移", "Move up"))}>{ "↑" }</button>
                <button type="button" id={format!("b-level-{i}-down")} disabled={i + 1 >= n} onclick={down} title={pick(zh, ("下移", "Move down"))}>{ "↓" }</button>
                <button type="button" id={format!("b-level-{i}-remove")} onclick={remove} title={pick(zh, ("删除级别", "Remove level"))}>{ "✕" }</button>
            </td>
        </tr>
    }
}

/// One commitment of a level: whether it is given, and its duration, clock, pause rule,
/// "immediate" flag and clause.
fn cell(
    d: &Draft,
    on: &Callback<Edit>,
    zh: bool,
    level: usize,
    kind: slacalc::vocab::DeadlineKind,
) -> Html {
    let name = json_name(&kind);
    let id = |f: &str| format!("b-cell-{level}-{name}{f}");
    let at = d.cell(level, kind);
    let o = on.clone();
    let given = check(
        id(""),
        &pick(zh, ("有此承诺", "Committed")),
        at.is_some(),
        Callback::from(move |v| o.emit(Edit::Cell(level, kind, v))),
    );
    let Some(j) = at else {
        return html! { <td class="b-cell empty">{ given }</td> };
    };
    let p = |f: &str| format!("levels[{level}].commitments[{j}].{f}");
    let flag = |f: &'static str, label: (&str, &str)| {
        let (path, o) = (p(f), on.clone());
        let checked = matches!(crate::value::get(&d.terms, &path), Some(Value::Bool(true)));
        check(
            id(&format!("-{f}")),
            &pick(zh, label),
            checked,
            Callback::from(move |v| o.emit(Edit::Flag(path.clone(), v))),
        )
    };
    let clock_path = p("clock");
    let current = match crate::value::get(&d.terms, &clock_path) {
        Some(Value::String(s)) => s.clone(),
        _ => json_name(&Clock::TwentyFourSeven),
    };
    let o = on.clone();
    let clock = select(
        id("-clock"),
        &pick(zh, ("计时", "Clock")),
        &current,
        [Clock::TwentyFourSeven, Clock::OfficeHours]
            .iter()
            .map(|c| (json_name(c), pick(zh, c.names())))
            .collect(),
        Callback::from(move |v| o.emit(Edit::Choice(clock_path.clone(), v))),
    );
    html! {
        <td class="b-cell">
            { given }
            { text_field(d, on, id("-within"), &pick(zh, ("时限(如 30m、2h)", "Within (e.g. 30m, 2h)")), p("within"), Edit::Duration) }
            { clock }
            { flag("pauses", ("客户原因暂停计时", "Customer pauses stop it")) }
            { flag("immediate", ("“立即”(按解释的容差)", "\"Immediately\" (the reading's tolerance)")) }
            { text_field(d, on, id("-clause"), &pick(zh, ("条款", "Clause")), p("clause"), Edit::Text) }
        </td>
    }
}

/// L1.1: the office hours and their calendar.
fn office_hours(d: &Draft, on: &Callback<Edit>, zh: bool) -> Html {
    let days_zh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    let days_en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let open_days: Vec<String> = crate::value::get(&d.terms, "office_hours.days")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let days = DAYS.iter().enumerate().map(|(i, day)| {
        let o = on.clone();
        let label = if zh { days_zh[i] } else { days_en[i] };
        check(
            format!("b-day-{day}"),
            label,
            open_days.iter().any(|d| d == day),
            Callback::from(move |v| o.emit(Edit::Day(day, v))),
        )
    });
    let prc = matches!(
        crate::value::get(&d.terms, "office_hours.prc_holidays"),
        Some(Value::Bool(true))
    );
    let o = on.clone();
    html! {
        <fieldset class="builder-part">
            <legend>{ pick(zh, ("办公时间", "Office hours")) }</legend>
            <div class="row days">{ for days }</div>
            <div class="row">
                { text_field(d, on, "b-open".into(), &pick(zh, ("开始(HH:MM)", "Open (HH:MM)")), "office_hours.open".into(), Edit::Text) }
                { text_field(d, on, "b-close".into(), &pick(zh, ("结束(HH:MM)", "Close (HH:MM)")), "office_hours.close".into(), Edit::Text) }
                { text_field(d, on, "b-oh-clause".into(), &pick(zh, ("条款", "Clause")), "office_hours.clause".into(), Edit::Text) }
                { text_field(d, on, "b-after-hours".into(), &pick(zh, ("非办公时间热线条款(可空)", "Out-of-hours line clause (optional)")), "after_hours_clause".into(), Edit::Optional) }
            </div>
            { check("b-prc".into(), &pick(zh, ("按中国法定节假日与调休上班日", "PRC statutory holidays and make-up workdays")), prc, Callback::from(move |v| o.emit(Edit::Flag("office_hours.prc_holidays".into(), v)))) }
        </fieldset>
    }
}

/// L4.2, L4.3: the damages.
fn damages(d: &Draft, on: &Callback<Edit>, zh: bool) -> Html {
    let per = crate::value::text(&d.terms, "penalty.per");
    let per_v = if per == "hour" { Per::Hour } else { Per::Day };
    let counting = crate::value::text(&d.terms, "penalty.counting");
    let (o1, o2) = (on.clone(), on.clone());
    let per_select = select(
        "b-per".into(),
        &pick(zh, ("每", "Per")),
        &per,
        vec![
            (json_name(&Per::Day), pick(zh, ("天", "day"))),
            (json_name(&Per::Hour), pick(zh, ("小时", "hour"))),
        ],
        Callback::from(move |v| o1.emit(Edit::Choice("penalty.per".into(), v))),
    );
    let counting_select = select(
        "b-counting".into(),
        &pick(zh, ("计数方式", "Counting")),
        &counting,
        [
            PenaltyDays::StartedPeriods,
            PenaltyDays::PastDeadline,
            PenaltyDays::WholeDays,
            PenaltyDays::ProRata,
            PenaltyDays::CalendarDays,
        ]
        .iter()
        .map(|c| {
            let (z, e) = counting_names(*c, per_v);
            (json_name(c), if zh { z } else { e })
        })
        .collect(),
        Callback::from(move |v| o2.emit(Edit::Choice("penalty.counting".into(), v))),
    );
    html! {
        <fieldset class="builder-part">
            <legend>{ pick(zh, ("违约金", "Damages")) }</legend>
            <div class="row">
                { text_field(d, on, "b-rate".into(), &pick(zh, ("费率(合同价的 %)", "Rate (% of the price)")), "penalty.rate_bp".into(), Edit::Percent) }
                { per_select }
                { counting_select }
                { text_field(d, on, "b-rate-clause".into(), &pick(zh, ("条款", "Clause")), "penalty.clause".into(), Edit::Text) }
            </div>
            <div class="row">
                { text_field(d, on, "b-cap".into(), &pick(zh, ("上限(合同价的 %,整个合同期)", "Cap (% of the price, whole contract)")), "penalty.cap_bp".into(), Edit::Percent) }
                { text_field(d, on, "b-cap-clause".into(), &pick(zh, ("上限条款", "Cap clause")), "penalty.cap_clause".into(), Edit::Text) }
            </div>
        </fieldset>
    }
}

/// L5.2, L5.3: causes excluded and what they do.
fn exclusions(d: &Draft, on: &Callback<Edit>, zh: bool) -> Html {
    let rows = (0..d.exclusions()).map(|i| {
        let causes: Vec<String> = crate::value::get(&d.terms, &format!("exclusions[{i}].causes"))
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect())
            .unwrap_or_default();
        let boxes = CAUSES.iter().map(|c| {
            let (o, cause) = (on.clone(), *c);
            let name = json_name(c);
            check(format!("b-ex-{i}-{name}"), &pick(zh, c.names()), causes.contains(&name), Callback::from(move |v| o.emit(Edit::Cause(i, cause, v))))
        });
        let effect_path = format!("exclusions[{i}].effect");
        let effect = crate::value::text(&d.terms, &effect_path);
        let o = on.clone();
        let effect_select = select(
            format!("b-ex-{i}-effect"),
            &pick(zh, ("效果", "Effect")),
            &effect,
            [Effect::NoSla, Effect::BestEffort, Effect::Extend]
                .iter()
                .map(|e| (json_name(e), pick(zh, e.names())))
                .collect(),
            Callback::from(move |v| o.emit(Edit::Choice(effect_path.clone(), v))),
        );
        let remove = on.reform(move |_: MouseEvent| Edit::RemoveExclusion(i));
        html! {
            <div class="exclusion">
                <div class="row causes">{ for boxes }</div>
                <div class="row">
                    { effect_select }
                    if effect == "extend" {
                        { text_field(d, on, format!("b-ex-{i}-extend"), &pick(zh, ("顺延(如 4h)", "Extended by (e.g. 4h)")), format!("exclusions[{i}].extend_by"), Edit::Optional) }
                    }
                    { text_field(d, on, format!("b-ex-{i}-clause"), &pick(zh, ("条款", "Clause")), format!("exclusions[{i}].clause"), Edit::Text) }
                    <button type="button" id={format!("b-ex-{i}-remove")} onclick={remove}>{ pick(zh, ("删除", "Remove")) }</button>
                </div>
            </div>
        }
    });
    let add = on.reform(|_: MouseEvent| Edit::AddExclusion);
    html! {
        <fieldset class="builder-part">
            <legend>{ pick(zh, ("免责", "Exclusions")) }</legend>
            { for rows }
            <button type="button" id="b-add-exclusion" onclick={add}>{ pick(zh, ("+ 添加免责条款", "+ Add an exclusion")) }</button>
        </fieldset>
    }
}

/// The clauses cited for the rest: priority, restore, force majeure, pauses, event levels,
/// and the monitoring reports (L3.5).
fn other_clauses(d: &Draft, on: &Callback<Edit>, zh: bool) -> Html {
    let t = |id: &str, label: (&str, &str), path: &str| {
        text_field(d, on, id.into(), &pick(zh, label), path.into(), Edit::Text)
    };
    let event = |which: &'static str, label: (&str, &str)| {
        let make: Make = match which {
            "emergency" => |_, t| Edit::EventClause("emergency", t),
            "general" => |_, t| Edit::EventClause("general", t),
            _ => |_, t| Edit::EventClause("consultation", t),
        };
        text_field(
            d,
            on,
            format!("b-event-{which}"),
            &pick(zh, label),
            format!("event_clauses.{which}"),
            make,
        )
    };
    let monitoring = crate::value::get(&d.terms, "monitoring").is_some();
    let o = on.clone();
    html! {
        <fieldset class="builder-part">
            <legend>{ pick(zh, ("其他条款", "Other clauses")) }</legend>
            <div class="row">
                { t("b-priority-clause", ("申报级别条款", "Priority clause"), "priority_clause") }
                { t("b-restore-clause", ("恢复承诺条款", "Restore clause"), "restore_clause") }
                { t("b-fm-clause", ("不可抗力条款", "Force majeure clause"), "force_majeure_clause") }
                { t("b-pause-clause", ("客户原因暂停条款", "Customer pause clause"), "pause_clause") }
            </div>
            <div class="row">
                { event("emergency", ("紧急事件条款(可空)", "Emergency event clause (optional)")) }
                { event("general", ("一般事件条款", "General event clause")) }
                { event("consultation", ("咨询条款", "Consultation clause")) }
            </div>
            { check("b-monitoring".into(), &pick(zh, ("定期远程监控报告", "Periodic monitoring reports")), monitoring, Callback::from(move |v| o.emit(Edit::Monitoring(v)))) }
            if monitoring {
                <div class="row">
                    { text_field(d, on, "b-monitoring-months".into(), &pick(zh, ("每几个月一次", "Every (months)")), "monitoring.every_months".into(), Edit::Count) }
                    { t("b-monitoring-clause", ("条款", "Clause"), "monitoring.clause") }
                </div>
            }
        </fieldset>
    }
}
