// The worker that reads files for the ledger's import off the page's thread (issue #16: a
// 10,000-row file imports while the page stays responsive, with its progress shown). Every
// file is read by the engine's table mapping in the JS API module (api.js: TableSource); a
// workbook is first turned into CSV text by the workbook module (workbook.js), which is loaded
// only then. The file last opened is kept, so the user's answers about its columns read it
// again without opening it again. Started by boot.js's slacalcReadTable.
//
// In: { id, data (the file: bytes of a workbook, or text; absent: the file kept), workbook,
// terms (JSON), columns (JSON) }. Out, for that id: { progress: [rows read, rows] } between
// slices, then { read } (JSON of the engine's table::Imported) or { problem }. A newer
// request ends an older one at its next slice.
const api = import("./api.js");
let source;
let latest = 0;
const pause = () => new Promise((done) => setTimeout(done, 0));

// The file as a TableSource of the engine's reader.
async function open(data, workbook) {
  const { TableSource } = await api;
  if (!workbook) return TableSource.text(data);
  const { workbook_grid } = await import("./workbook.js");
  // Its format, its sheet's name and its CSV text, separated by U+001F (the text may hold more).
  const out = workbook_grid(data, "");
  const a = out.indexOf("\u001f");
  const b = out.indexOf("\u001f", a + 1);
  const s = TableSource.text(out.slice(b + 1));
  s.set_workbook(out.slice(0, a), out.slice(a + 1, b));
  return s;
}

self.onmessage = async (e) => {
  const { id, data, workbook, terms, columns } = e.data;
  latest = id;
  try {
    if (data !== undefined) {
      if (source) source.free();
      source = undefined;
      source = await open(data, workbook);
    }
    if (!source) throw new Error("no file to read");
    const job = source.reading(terms, columns);
    let since = performance.now();
    while (!job.step(200)) {
      if (performance.now() - since > 50) {
        self.postMessage({ id, progress: Array.from(job.progress()) });
        await pause();
        if (latest !== id) return job.free();
        since = performance.now();
      }
    }
    self.postMessage({ id, read: job.finish() });
    job.free();
  } catch (problem) {
    self.postMessage({ id, problem: String(problem && problem.message ? problem.message : problem) });
  }
};
