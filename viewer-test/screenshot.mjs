// Takes a screenshot of a viewer page for the docs:
//   node screenshot.mjs PAGE.html OUT.png [LAYER HEAD HOVER-INDEX]
//   node screenshot.mjs PAGE.html OUT.png [search=WORDS] [view=matrix] [layer=N] [head=N] [units=word] [cell=T,S] [hover=I]
// (layer and head count from 0, head -1 is all heads; cell points at a matrix cell, hover at a target token.)
import { chromium } from "playwright-core";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [page, out, ...rest] = process.argv.slice(2);
const opts = {};
if (rest.length && !rest[0].includes("=")) [opts.layer, opts.head, opts.hover] = rest;
else for (const kv of rest) { const i = kv.indexOf("="); opts[kv.slice(0, i)] = kv.slice(i + 1); }
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const p = await browser.newPage({ viewport: { width: 900, height: 620 } });
  await p.goto(pathToFileURL(resolve(page)).href);
  await p.waitForSelector("#right .tok");
  if (opts.search !== undefined) await p.fill("#search", opts.search);
  if (opts.view !== undefined) await p.selectOption("#view", opts.view);
  if (opts.layer !== undefined) await p.selectOption("#layer", opts.layer);
  if (opts.head !== undefined) await p.selectOption("#head", opts.head);
  if (opts.units !== undefined) await p.selectOption("#units", opts.units);
  if (opts.hover !== undefined) await p.hover(`#left .tok[data-index="${opts.hover}"]`);
  if (opts.cell !== undefined) {
    const [t, s] = opts.cell.split(",").map(Number);
    const box = await (await p.$("#matrix")).boundingBox();
    const d = await p.$eval("#matrix", c => ({ ...c.dataset }));
    await p.mouse.move(box.x + +d.left + (s + 0.5) * +d.cell, box.y + +d.top + (t + 0.5) * +d.cell);
  }
  await p.screenshot({ path: resolve(out), fullPage: true });
} finally {
  await browser.close();
}
