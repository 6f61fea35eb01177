// The JS API (docs/js-api.md; crates/slacalc-js): the engine's assess and share links as their
// own wasm, loaded by `await slacalcApi()` (boot.js) on first use, never in the page's first
// load; its TableSource reads the ledger's imports in the page's worker (reader.js). Its bytes come packed as the page's own (scripts/finish-dist): `bytes()` gives them back.
import init, { assess, link, TableSource } from "./slacalc_js.js";
import * as packed from "./slacalc_js_bg.wasm.js";

await init({ module_or_path: packed.bytes() });

export { assess, link, TableSource };
