// The worker that reads a workbook's sheet off the page's thread (issue #16: a 10,000-row
// workbook imports while the page stays responsive): the workbook module (workbook.js) loaded
// from this origin, the file's bytes in, `{ sheet }` (format, sheet's name and CSV text, as
// `workbook_grid` gives them) or `{ problem }` out. Started by boot.js's slacalcReadWorkbook.
const module = import("./workbook.js");
self.onmessage = async (e) => {
  try {
    const m = await module;
    self.postMessage({ sheet: m.workbook_grid(e.data, "") });
  } catch (problem) {
    self.postMessage({ problem: String(problem && problem.message ? problem.message : problem) });
  }
};
