// Starts the page under its Content-Security-Policy (index.html): no inline script, and
// `connect-src 'none'`, so the page cannot fetch anything, not even its own wasm. The wasm
// therefore arrives as a script module (slacalc-web_bg.wasm.js, written by
// scripts/finish-dist: one character per byte, renumbered by frequency, smaller after gzip)
// whose `bytes()` gives the wasm back, instantiated from bytes, which the policy allows with
// 'wasm-unsafe-eval'. The on-demand modules (workbook/) come the same way.
import init, * as bindings from "./slacalc-web.js";
import * as packed from "./slacalc-web_bg.wasm.js";

let wasm;
try {
  wasm = await init({ module_or_path: packed.bytes() });
} catch (e) {
  // The loading notice says what went wrong instead of waiting for ever (e.g. a browser
  // without WebAssembly).
  const boot = document.getElementById("boot");
  if (boot) {
    boot.replaceChildren();
    for (const [lang, words] of [["zh-CN", "计算器无法启动:"], ["en", "The calculator could not start: "]]) {
      const p = document.createElement("p");
      p.lang = lang;
      p.className = "boot-error";
      p.textContent = words + e;
      boot.append(p);
    }
  }
  throw e;
}

// The parts loaded on demand (issue #16), from this origin, never in the first load
// (src/interop/workbook.rs): the workbook module (workbook/workbook.js: the readers, the .xlsx
// writer, the table for documents) and the timeline's picture (workbook/picture.js).
const part = (name) => import(`./workbook/${name}.js`);
window.slacalcWorkbook = () => part("workbook");
// The ledger's import (issue #16): a file read by the workbook module in a worker of this
// origin (workbook/reader.js), off the page's thread, which stays responsive and shows the
// progress (`progress(rows read, rows)`); resolves to the JSON of what was read. `data` is
// the file (a workbook's bytes or a CSV's text), or undefined to read the file last given
// again (with other answers about its columns). A newer call ends an older one.
let reader;
let asked = 0;
window.slacalcReadTable = (data, workbook, terms, columns, progress) =>
  new Promise((ok, no) => {
    const id = ++asked;
    reader ??= new Worker(new URL("./workbook/reader.js", import.meta.url), { type: "module" });
    reader.onmessage = (e) => {
      const d = e.data;
      if (d.id !== id) return;
      if (d.progress) progress(d.progress[0], d.progress[1]);
      else if (d.read !== undefined) ok(d.read);
      else {
        // A problem may leave the module stopped (a panic in a reader): the next read starts
        // a new worker.
        reader.terminate();
        reader = undefined;
        no(d.problem);
      }
    };
    reader.onerror = (e) => {
      reader.terminate();
      reader = undefined;
      no(e.message || "the reader stopped");
    };
    reader.postMessage({ id, data, workbook, terms, columns }, data instanceof Uint8Array ? [data.buffer] : []);
  });
// The clipboard is written at once, while the click still counts as the person's; what goes on
// it follows when its part has loaded.
const clip = (items) => navigator.clipboard.write([new ClipboardItem(items)]);
window.slacalcCopyDocument = (url, lang) => {
  const doc = part("workbook").then((m) => m.document_of_link(url, lang).split("\u001f"));
  const blob = (i, type) => doc.then((d) => new Blob([d[i]], { type }));
  return clip({ "text/html": blob(0, "text/html"), "text/plain": blob(1, "text/plain") });
};
window.slacalcCopyText = (text) => navigator.clipboard.writeText(text);
// The terms assumed as a clause table, and the terms builder (issue #15): the studio module
// opens in its slot, whose data-terms and data-lang it follows; what it builds it writes
// into the page's terms field, as typed.
window.slacalcClauseTable = () =>
  part("studio").then((m) => m.open_builder(document.getElementById("clause-table-slot")));
// The ledger's offers compared (issue #15): the studio module opens the comparison of the
// ledger of `url` (its share link) below the ledger panel.
window.slacalcCompare = (url, lang) => part("studio").then((m) => m.open_compare(url, lang));
// Custom terms print with their clause table (issue #15): the studio module writes it as a
// sheet of its own (#sheet-terms) before the print dialog (slacalcPrintDialog) opens. The
// letter's terms are quoted by the page's sheet itself.
window.slacalcPrintDialog = window.print.bind(window);
const printNow = () => window.slacalcPrintDialog();
window.print = () => {
  const slot = document.getElementById("clause-table-slot");
  const terms = slot?.dataset.terms;
  document.getElementById("sheet-terms")?.parentElement.remove();
  if (!terms) return printNow();
  part("studio")
    .then((m) => m.sheet_terms(terms, document.documentElement.lang.startsWith("zh")))
    .catch(() => {})
    .finally(printNow);
};
// The ledger a link holds as an .xlsx file (assessed ledger and incidents), written by the module.
window.slacalcSaveWorkbook = (url, lang) =>
  part("workbook").then((m) => {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([m.xlsx_of_link(url, lang)]));
    a.download = "slacalc-ledger.xlsx";
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  });
// The timeline's picture on the clipboard; where the browser refuses, saved as a PNG file.
window.slacalcCopyPicture = (selector, name) =>
  clip({ "image/png": part("picture").then((m) => m.png(selector)) })
    .catch(() => part("picture").then((m) => m.save(selector, name)));

// The page's own exports, as with Trunk's own loader. The JS API (docs/js-api.md,
// examples/js-api.html) is a module of its own: `await slacalcApi()` gives { assess, link }.
window.wasmBindings = bindings;
window.slacalcApi = () => part("api");
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));

// Offline after the first visit (issue #6): the service worker keeps the app's own files.
if ("serviceWorker" in navigator && window.isSecureContext) {
  navigator.serviceWorker.register("./sw.js").catch(() => {});
}
