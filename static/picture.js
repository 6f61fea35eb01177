// The timeline as a picture (issue #16, "Copy timeline as image"): the page's SVG drawing,
// its look (the page's CSS) written into each element, drawn on a canvas of the drawing's own
// size (its viewBox), as PNG. Loaded on demand (boot.js), never in the first load.

// The properties of the page's CSS that the drawing's look depends on.
const LOOK = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "opacity",
  "font-family", "font-size", "font-weight", "text-anchor", "dominant-baseline", "visibility"];

// The drawing of `selector` as a PNG blob, and its size.
export async function png(selector) {
  const svg = document.querySelector(selector);
  if (!svg) throw new Error(`${selector}: no drawing`);
  const copy = svg.cloneNode(true);
  const from = [svg, ...svg.querySelectorAll("*")];
  const to = [copy, ...copy.querySelectorAll("*")];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    to[i].setAttribute("style", LOOK.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(";"));
  });
  const { width, height } = svg.viewBox.baseVal;
  copy.setAttribute("width", width);
  copy.setAttribute("height", height);
  const img = new Image();
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(copy));
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width);
  canvas.height = Math.round(height);
  const g = canvas.getContext("2d");
  g.fillStyle = "#fff";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((done, fail) => canvas.toBlob((b) => (b ? done(b) : fail(new Error("no PNG"))), "image/png"));
}

// Saves the drawing of `selector` as the PNG file `name`.
export async function save(selector, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(await png(selector));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
}
