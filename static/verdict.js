// The verdict of a shared link before the engine has arrived (issue #17). A link carries its
// result in brief (crates/slacalc/src/link.rs, `Recorded` and `card`): this script unpacks it
// with the browser's own DecompressionStream and paints the verdict card (the same elements
// and classes as src/views/verdict.rs) in the loading notice, marked "precomputed, checking…".
// The page replaces the notice, and the card with it, once the engine has recomputed the case;
// if today's rules give another result, the page says so. Nothing here decides a rule: every
// status, amount and clause is read from the link. Without DecompressionStream, or with a
// link that cannot be read, the loading notice stays as it is.

// words:begin (the engine's names, checked against it by tests/verdict_words.rs)
const WORDS = {
  coverage: {
    covered: ["适用恢复承诺", "covered"],
    no_interruption: ["服务未中断", "no interruption"],
    excluded_customer_side: ["客户方原因(尽力恢复数据)", "customer-side cause (best-effort data recovery)"],
    outside_free_maintenance: ["不在免费维护范围(收费)", "outside free maintenance (billable)"],
    outside_warranty: ["保修期外", "outside the warranty period"],
    consultation: ["咨询,无时限", "consultation, no timer"],
    contingent: ["取决于原因", "contingent on the cause"],
  },
  level: {
    e: ["紧急事件", "emergency event"],
    g: ["一般事件", "general event"],
    c: ["咨询", "consultation"],
  },
  kind: {
    p: ["电话响应", "phone response", "PhoneResponse"],
    a: ["远程访问", "remote access", "RemoteAccess"],
    r: ["响应", "response", "Response"],
    s: ["恢复服务", "restore", "Restore"],
  },
  status: {
    "+": ["达成", "met", "met"],
    "-": ["超时", "missed", "missed"],
    "?": ["未到期", "pending", "pending"],
  },
  priority: {
    urgent: ["紧急", "urgent"],
    serious: ["严重", "serious"],
    general: ["一般", "general"],
  },
};
// words:end

// The page's language: the one chosen on an earlier visit, else the browser's first Chinese
// or English one, else English (src/i18n/lang.rs).
function chinese() {
  let tags;
  try {
    const kept = localStorage.getItem("slacalc.lang");
    tags = kept ? [kept] : null;
  } catch (e) {
    tags = null;
  }
  for (const tag of tags || navigator.languages || [navigator.language]) {
    const primary = String(tag).trim().split(/[-_]/)[0].toLowerCase();
    if (primary === "zh") return true;
    if (primary === "en") return false;
  }
  return false;
}

// The link's payload, unpacked (format "1": base64url of raw DEFLATE of JSON), or null.
async function payload() {
  const found = /(?:^#|&)c=([^&]*)/.exec(location.hash);
  if (!found || found[1][0] !== "1" || typeof DecompressionStream !== "function") return null;
  const b64 = found[1].slice(1).replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "===".slice((b64.length + 3) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return JSON.parse(await new Response(stream).text());
}

// `5000.00` → `¥5,000.00` (Fen::pretty).
function money(s) {
  const [int, frac = "00"] = s.split(".");
  return "¥" + int.replace(/\B(?=(\d{3})+$)/g, ",") + "." + frac;
}

// A moment in UTC+08:00 as people read it: `2026年1月1日 00:00` / `2026-01-01 00:00`.
function when(t, zh) {
  const short = /^~(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)$/.exec(t);
  let p;
  if (short) {
    p = short.slice(1).map(Number);
  } else {
    const d = new Date(Date.parse(t.replace(/(:\d\d)\.\d+/, "$1")) + 8 * 3600e3);
    if (isNaN(d)) return t;
    p = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
  }
  const two = (n) => String(n).padStart(2, "0");
  return zh
    ? `${p[0]}年${p[1]}月${p[2]}日 ${two(p[3])}:${two(p[4])}`
    : `${p[0]}-${two(p[1])}-${two(p[2])} ${two(p[3])}:${two(p[4])}`;
}

// How late, as the page writes it: `+28小时50分钟` / `+28 h 50 min`.
function late(secs, zh) {
  const h = Math.floor(secs / 3600), m = Math.floor((secs % 3600) / 60), s = secs % 60;
  const parts = [];
  if (h > 0) parts.push(zh ? `${h}小时` : `${h} h`);
  if (m > 0 || (h === 0 && s === 0)) parts.push(zh ? `${m}分钟` : `${m} min`);
  if (s > 0) parts.push(zh ? `${s}秒` : `${s} s`);
  return "+" + parts.join(zh ? "" : " ");
}

function node(tag, cls, ...children) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.append(...children);
  return e;
}

// The card of payload `p` in Chinese (`zh`) or English, or null when the link has no brief.
function card(p, zh) {
  const pick = (pair) => (zh ? pair[0] : pair[1]);
  const rec = p.AI || {};
  const cards = rec.AK || [];
  const incidents = rec.I || [];
  // One incident's card, or a ledger's count of missed deadlines (`#3`).
  const ledger = incidents.length > 1 && cards.length === 1 && /^#\d+$/.exec(cards[0]);
  const one = incidents.length === 1 && cards.length === 1 && cards[0].split("|");
  if ((!ledger && !(one && one.length === 4)) || typeof rec.AL !== "string") return null;
  const section = node("section", "verdict-card");
  section.id = "precomputed";
  const what = node("p", "vc-what");
  if (ledger) {
    const n = incidents.length, missed = cards[0].slice(1);
    what.append(zh ? `${n} 个事件 · ${missed} 项期限超时` : `${n} incidents · ${missed} deadlines missed`);
  } else {
    what.append(zh ? "事件 " : "Incident ", node("strong", "", incidents[0][0]));
  }
  const amount = node("span", "big", money(rec.AL));
  amount.id = "pre-amount";
  const total = node("p", "vc-amount", node("span", "vc-label", zh ? "违约金(封顶后)" : "Damages after the cap"), amount);
  section.append(what, total);
  if (one) {
    const b = {
      priority: one[0],
      level: one[1],
      clauses: one[2] ? one[2].split(" ").map((id) => (id[0] === "'" ? id.slice(1) : /^\d/.test(id) ? "L" + id : id)) : [],
      deadlines: [...one[3].matchAll(/([pars])([-+?])(\d*)/g)].map((m) => [m[1], m[2], Number(m[3] || 0)]),
    };
    const terms = p.AH && p.AH.B;
    const level = typeof terms === "object" && terms && Array.isArray(terms.levels)
      ? terms.levels.find((l) => l && l.id === b.priority)
      : null;
    const priority = level && level.name ? pick([level.name.zh, level.name.en]) : pick(WORDS.priority[b.priority] || [b.priority, b.priority]);
    const cls = node("p", "vc-class", [
      pick(WORDS.coverage[incidents[0][1]] || [incidents[0][1], incidents[0][1]]),
      priority,
      pick(WORDS.level[b.level] || [b.level, b.level]),
    ].join(" · "));
    cls.id = "pre-class";
    section.append(cls);
    if (b.deadlines.length) {
      const list = node("ul", "vc-deadlines");
      list.id = "pre-deadlines";
      for (const [k, s, secs] of b.deadlines) {
        const kind = WORDS.kind[k], status = WORDS.status[s];
        const li = node("li", "deadline", pick(kind) + " ");
        li.dataset.kind = kind[2];
        li.append(node("span", "status " + status[2], pick(status) + (secs > 0 ? " " + late(secs, zh) : "")));
        list.append(li);
      }
      section.append(list);
    }
    const chips = node("p", "vc-clauses");
    chips.id = "pre-clauses";
    for (const id of b.clauses) chips.append(node("span", "clause", id), " ");
    section.append(chips);
  }
  const asOf = node("p", "meta", (zh ? "评估时间 " : "As of ") + when(String(p.AG), zh));
  asOf.id = "pre-as-of";
  const checking = node("p", "vc-checking", zh ? "预先计算的结果,正在核对…" : "Precomputed, checking…");
  checking.id = "pre-checking";
  section.append(asOf, checking);
  return section;
}

try {
  const p = await payload();
  const boot = document.getElementById("boot");
  const zh = chinese();
  const painted = p && boot && card(p, zh);
  if (painted) {
    boot.replaceChildren(painted);
    boot.classList.add("boot-verdict");
    // `make bench`: the frame the verdict is painted in.
    requestAnimationFrame(() => performance.mark("slacalc:verdict"));
  }
} catch (e) {
  // A link that cannot be read: the loading notice stays, and the page says why.
}
