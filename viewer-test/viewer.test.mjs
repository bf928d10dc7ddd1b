// Heed's HTML attention viewer, opened from disk in the system Chromium (Debian's package, driven by
// playwright-core) and used as a person would: the page loads with no console errors and no network request,
// the layer, head and units selectors change what is drawn, hovering a token highlights what it attends to and
// what attends to it, and a screenshot is written. The pages are written by HtmlExporterTest during the Maven
// build (toolkit-core/target/viewer); run `./mvnw verify` (or that test) first.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { existsSync, mkdirSync } from "node:fs";
import { resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pages = resolve(process.env.HEED_VIEWER_PAGES ?? resolve(here, "../toolkit-core/target/viewer"));
const out = resolve(here, "out");
let browser;

before(async () => {
  assert.ok(existsSync(resolve(pages, "cross.html")), "no viewer pages in " + pages + ": run the Maven build first");
  mkdirSync(out, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
});

after(async () => { await browser?.close(); });

/** Opens a page, recording console errors, page errors and every request. */
async function open(name) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = [];
  const requests = [];
  page.on("console", m => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", e => errors.push(String(e)));
  page.on("request", r => requests.push(r.url()));
  const url = pathToFileURL(resolve(pages, name)).href;
  await page.goto(url);
  await page.waitForSelector("#right .tok");
  return { page, errors, requests, url };
}

const lines = page => page.$eval("#lines", c => ({ lines: +c.dataset.lines, weight: +c.dataset.weight }));

/** The highlighted tokens of one side in the columns, strongest first: [{text, weight}]. */
const highlighted = (page, side) => page.$$eval(`.column .tok.hl[data-side="${side}"]`, els =>
  els.map(e => ({ text: e.textContent, weight: +e.dataset.weight })).sort((a, b) => b.weight - a.weight));

test("the page loads from disk with no console errors and no network request", async () => {
  for (const name of ["cross.html", "pooling.html", "self-6x12x128.html"]) {
    const { page, errors, requests, url } = await open(name);
    assert.deepEqual(errors, [], name + ": console errors");
    assert.deepEqual(requests, [url], name + ": the only request is the page itself");
    await page.close();
  }
});

test("the layer, head and units selectors change what is drawn", async () => {
  const { page, errors } = await open("cross.html");
  const allHeads = await lines(page);
  assert.equal(allHeads.lines, 2 * 15, "two heads, 3 x 5 weights each, all >= 0.01");
  await page.selectOption("#head", "0");
  const oneHead = await lines(page);
  assert.equal(oneHead.lines, 15);
  await page.selectOption("#layer", "0");
  const firstLayer = await lines(page);
  assert.equal(firstLayer.lines, 15);
  assert.ok(Math.abs(firstLayer.weight - 15 * 0.2) < 0.05, "layer 1 is uniform, 0.2 each: " + firstLayer.weight);
  await page.selectOption("#layer", "1");
  assert.equal(await page.$$eval("#right .tok", els => els.length), 5, "subwords: Ein Ha us . </s>");
  await page.selectOption("#units", "word");
  assert.deepEqual(await page.$$eval("#right .tok", els => els.map(e => e.textContent)), ["Ein", "Haus", "."],
    "words: pieces joined, the special token dropped");
  assert.deepEqual(errors, []);
  await page.close();
});

test("hovering a token highlights what it attends to and what attends to it", async () => {
  const { page, errors } = await open("cross.html");
  await page.hover('#left .tok[data-index="1"]');            // target "house"
  const attended = await highlighted(page, "source");
  assert.deepEqual(attended.slice(0, 2).map(t => t.text).sort(), ["Ha", "us"], JSON.stringify(attended));
  assert.ok(Math.abs(attended[0].weight - 0.45) < 0.01);
  assert.equal((await lines(page)).lines, 2 * 5, "only the hovered token's lines, both heads");

  await page.hover('#right .tok[data-index="0"]');           // source "Ein"
  const attending = await highlighted(page, "target");
  assert.equal(attending[0].text, "A", JSON.stringify(attending));
  assert.ok(Math.abs(attending[0].weight - 0.8) < 0.01);

  await page.selectOption("#units", "word");
  await page.hover('#text-source .tok:text-is("Haus")');     // the word in the original text
  const fromText = await highlighted(page, "target");
  assert.equal(fromText[0].text, "house", JSON.stringify(fromText));
  assert.ok(Math.abs(fromText[0].weight - 0.9) < 0.01, "Ha + us: " + fromText[0].weight);
  await page.screenshot({ path: resolve(out, "viewer-cross.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("pooling attention: the label's strongest word lights up in the text", async () => {
  const { page, errors } = await open("pooling.html");
  await page.hover('#left .tok[data-index="0"]');            // the label "positive"
  const words = await highlighted(page, "source");
  assert.equal(words[0].text, "gorgeous");
  const inText = await page.$$eval('#text-source .tok.hl', els => els.map(e => e.textContent));
  assert.ok(inText.includes("gorgeous"), "highlighted in the original text too: " + inText);
  assert.deepEqual(errors, []);
  await page.close();
});

test("six layers of twelve heads over 128 tokens: every selector works and the page stays responsive", async () => {
  const { page, errors } = await open("self-6x12x128.html");
  assert.equal(await page.$$eval("#layer option", o => o.length), 6);
  assert.equal(await page.$$eval("#head option", o => o.length), 13, "all heads + 12");
  const start = Date.now();
  await page.selectOption("#head", "11");
  await page.selectOption("#layer", "2");
  await page.hover('#right .tok[data-index="5"]');
  assert.ok((await highlighted(page, "target")).length > 0);
  assert.ok(Date.now() - start < 5000, "selecting and hovering took " + (Date.now() - start) + " ms");
  await page.screenshot({ path: resolve(out, "viewer-self.png") });
  assert.deepEqual(errors, []);
  await page.close();
});
