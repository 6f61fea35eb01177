//! The printable sheet of a whole ledger (issue #16): the contract, what the ledger comes to
//! (incidents, missed deadlines, the damages after the 5 % cap of L4.3, whether the cap is
//! reached), its incidents in a table, the readings applied, and the ledger's link as a QR
//! code, or, for a ledger too long for any QR code, the note that says so. Printed from the
//! ledger's "Print ledger" button; written as HTML text ([`Markup`]) like the incident's sheet.

use super::{dl, foot, h2, head, interpretation_list};
use crate::i18n::labels::Bi;
use crate::i18n::lang::Lang;
use crate::views::markup::Markup;
use crate::views::text::use_lang;
use slacalc::assess::Assessment;
use slacalc::case::Contract;
use slacalc::deadline::Status;
use std::rc::Rc;
use yew::prelude::*;

/// How many incidents the sheet lists (the link and the exports hold them all).
const LISTED: usize = 40;

/// What the ledger's sheet prints.
#[derive(Properties, PartialEq)]
pub struct LedgerSheetProps {
    /// The contract the ledger is assessed under.
    pub contract: Rc<Contract>,
    /// The ledger's assessment (its incidents without problems, and the totals).
    pub a: Rc<Assessment>,
    /// The ledger's link.
    pub link: AttrValue,
}

/// The ledger's incidents: id, priority, missed deadlines, damages and what counts after
/// the cap, the first [`LISTED`] of them.
fn incidents(m: &mut Markup, a: &Assessment, lang: Lang) {
    let pick = |b: Bi| lang.pick(b.0, b.1);
    m.open("table class=\"sheet-deadlines\" id=\"ledger-sheet-incidents\"")
        .open("thead")
        .open("tr");
    for label in [
        ("事件", "Incident"),
        ("优先级", "Priority"),
        ("未按时", "Missed"),
        ("违约金", "Damages"),
        ("计入(封顶后)", "After the cap"),
    ] {
        m.el("th", pick(label));
    }
    m.close("tr").close("thead").open("tbody");
    for r in a.incidents.iter().take(LISTED) {
        let missed = r
            .deadlines
            .iter()
            .filter(|d| d.status == Status::Missed)
            .count();
        m.open("tr")
            .el("td", &r.id)
            .el("td", lang.pick(&r.priority_name.zh, &r.priority_name.en))
            .el("td", &missed.to_string())
            .el("td", &r.penalty.amount.pretty())
            .el("td", &r.penalty.applied.pretty())
            .close("tr");
    }
    m.close("tbody").close("table");
    if a.incidents.len() > LISTED {
        let more = match lang {
            Lang::Zh => format!(
                "仅列出前 {LISTED} 个,共 {} 个;全部事件见台账链接或导出的文件。",
                a.incidents.len()
            ),
            Lang::En => format!(
                "The first {LISTED} of {} are listed; the ledger's link and its exports hold them all.",
                a.incidents.len()
            ),
        };
        m.el("p class=\"note\"", &more);
    }
}

/// The printable sheet of the ledger.
#[function_component(LedgerSheet)]
pub fn ledger_sheet(p: &LedgerSheetProps) -> Html {
    let lang = use_lang();
    let (a, c) = (&p.a, &p.contract);
    let t = &a.total;
    let mut m = Markup::default();
    head(&mut m, ("SLA 台账评估单", "SLA ledger assessment"), a, lang);
    h2(
        &mut m,
        lang,
        ("合同与台账", "Contract and ledger"),
        "L6 · L4.3",
    );
    let warranty = format!(
        "{} – {}",
        lang.date(c.warranty_start),
        lang.date(c.warranty_end)
    );
    let cap = if t.cap_reached {
        format!(
            "{} · {}",
            t.cap.pretty(),
            lang.pick("已达到上限", "cap reached")
        )
    } else {
        t.cap.pretty()
    };
    m.open("dl class=\"sheet-facts\"");
    dl(
        &mut m,
        lang,
        &[
            (("合同总价", "Contract price"), &c.price.pretty()),
            (("保修期", "Warranty"), &warranty),
            (("事件数", "Incidents"), &a.incidents.len().to_string()),
            (
                ("未按时的期限", "Deadlines missed"),
                &a.missed_deadlines().to_string(),
            ),
            (("未封顶合计", "Before the cap"), &t.uncapped.pretty()),
            (("上限", "Cap"), &cap),
        ],
    );
    m.el("dt", lang.pick("违约金合计(封顶后)", "Total after the cap"))
        .el("dd id=\"ledger-sheet-total\"", &t.penalty.pretty())
        .close("dl");
    h2(&mut m, lang, ("各事件", "Incidents"), "L4.1 · L4.2");
    incidents(&mut m, a, lang);
    interpretation_list(&mut m, a, lang);
    foot(&mut m, "ledger-", &p.link, a, lang);
    html! {
        <section class="print-sheet" id="ledger-sheet">{ m.html() }</section>
    }
}
