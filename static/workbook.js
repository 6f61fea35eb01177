// The workbook module (issue #16; scripts/build-workbook): calamine's readers and
// rust_xlsxwriter as their own wasm, loaded by the page with import() the first time a
// workbook is read or written, never in the first load. Its bytes come packed as the page's
// own (scripts/finish-dist), under the same policy; also imported by the reader's worker
// (reader.js), so it needs nothing of the page.
import init, { workbook_grid, export_workbook, document_of_link, xlsx_of_link, rulings_of_text } from "./slacalc_workbook.js";
import * as packed from "./slacalc_workbook_bg.wasm.js";

await init({ module_or_path: packed.bytes() });

export { workbook_grid, export_workbook, document_of_link, xlsx_of_link, rulings_of_text };
