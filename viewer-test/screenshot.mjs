// Takes a screenshot of a viewer page for the docs: node screenshot.mjs PAGE.html OUT.png [LAYER HEAD HOVER-INDEX]
import { chromium } from "playwright-core";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [page, out, layer, head, hover] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const p = await browser.newPage({ viewport: { width: 900, height: 620 } });
  await p.goto(pathToFileURL(resolve(page)).href);
  await p.waitForSelector("#right .tok");
  if (layer !== undefined) await p.selectOption("#layer", layer);
  if (head !== undefined) await p.selectOption("#head", head);
  if (hover !== undefined) await p.hover(`#left .tok[data-index="${hover}"]`);
  await p.screenshot({ path: resolve(out), fullPage: true });
} finally {
  await browser.close();
}
