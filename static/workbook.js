// The workbook module (issue #16; scripts/build-workbook): calamine's readers and
// rust_xlsxwriter as their own wasm, loaded by the page with import() the first time a
// workbook is read or written, never in the first load. Its bytes come packed as the page's
// own (scripts/finish-dist), unpacked by boot.js's `unpack`, under the same policy.
import init, { workbook_grid, export_workbook, document_of_link, xlsx_of_link, rulings_of_text, clause_table_of } from "./slacalc_workbook.js";
import * as packed from "./slacalc_workbook_bg.wasm.js";
import { unpack } from "../boot.js";

await init({ module_or_path: unpack(packed) });

export { workbook_grid, export_workbook, document_of_link, xlsx_of_link, rulings_of_text, clause_table_of };
