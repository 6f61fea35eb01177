// The workbook module (issue #16; scripts/build-workbook): calamine's readers and
// rust_xlsxwriter as their own wasm, loaded by the page with import() the first time a
// workbook is read or written, never in the first load. Its bytes come packed as the page's
// own (scripts/finish-dist), unpacked by boot.js's `unpack`, under the same policy.
import init, { workbook_grid, export_workbook, document_of_link, xlsx_of_link } from "./slacalc_workbook.js";
import * as packed from "./slacalc_workbook_bg.wasm.js";
import { unpack } from "../boot.js";

await init({ module_or_path: unpack(packed) });

export { workbook_grid, export_workbook, document_of_link };

// Saves bytes as a file named `name` (a link to the bytes, clicked; nothing leaves the browser).
export function download(bytes, name, type) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([bytes], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}

// The ledger a share link holds as an .xlsx file: the assessed ledger and its incidents.
export function saveXlsx(url, lang, name) {
  download(xlsx_of_link(url, lang), name,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}
