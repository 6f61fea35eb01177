// The terms builder (issue #15; crates/slacalc-studio): the matrix editor of the terms, the
// terms library and the clause table, as their own wasm, loaded by the page with import() the
// first time "Clause table and builder" is clicked, never in the first load. Its bytes come
// packed as the page's own (scripts/finish-dist); its styles are a file of this origin.
import init, { open_builder, open_compare, sheet_terms } from "./slacalc_studio.js";
import * as packed from "./slacalc_studio_bg.wasm.js";

const style = document.createElement("link");
style.rel = "stylesheet";
style.href = new URL("./studio.css", import.meta.url).href;
const styled = new Promise((ok) => {
  style.onload = ok;
  style.onerror = ok;
});
document.head.append(style);

await init({ module_or_path: packed.bytes() });
await styled;

export { open_builder, open_compare, sheet_terms };
