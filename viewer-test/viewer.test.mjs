// Heed's HTML attention viewer, opened from disk in the system Chromium (Debian's package, driven by
// playwright-core) and used as a person would: the page loads with no console errors and no network request,
// the layer, head and units selectors change what is drawn, hovering a token highlights what it attends to and
// what attends to it, a copying decoder's copy shares are marked (and where the copy came from), and a screenshot
// is written. The pages are written by HtmlExporterTest during the Maven
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
  for (const name of ["cross.html", "summary.html", "pooling.html", "self-6x12x128.html"]) {
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
  await page.mouse.move(0, 0);
  const allHeadsMs = await page.evaluate(() => new Promise(done => {     // all 12 heads' lines, until painted
    const t0 = performance.now(), head = document.getElementById("head");
    head.value = "-1"; head.dispatchEvent(new Event("change"));
    requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));
  }));
  console.log(`# 6 x 12 x 128: the lines of all 12 heads drawn in ${allHeadsMs.toFixed(0)} ms`);
  assert.ok(allHeadsMs < 3000, allHeadsMs + " ms");
  await page.screenshot({ path: resolve(out, "viewer-self.png") });
  assert.deepEqual(errors, []);
  await page.close();
});

/** The matrix canvas's pixel at cell (t, s), and the grid's geometry. */
const cellAt = (page, t, s) => page.$eval("#matrix", (c, [t, s]) => {
  const d = c.dataset, x = +d.left + s * +d.cell + Math.floor(+d.cell / 2), y = +d.top + t * +d.cell + Math.floor(+d.cell / 2);
  return { x, y, rgb: [...c.getContext("2d").getImageData(x, y, 1, 1).data.slice(0, 3)] };
}, [t, s]);

/** Points at matrix cell (t, s) and returns the tooltip: {row, col, weight, text}. */
async function pointAt(page, t, s) {
  const { x, y } = await cellAt(page, t, s);
  await page.$eval("#matrix", (c, [x, y]) => {                 // bring the cell into the viewport
    const r = c.getBoundingClientRect();
    window.scrollBy(r.left + x - innerWidth / 2, r.top + y - innerHeight / 2);
  }, [x, y]);
  const box = await (await page.$("#matrix")).boundingBox();
  await page.mouse.move(box.x + x, box.y + y);
  return page.$eval("#tip", e => ({ ...e.dataset, text: e.textContent, hidden: e.hidden }));
}

/** Waits until the browser has painted a frame after what was done before. */
const painted = page => page.evaluate(() => new Promise(done => requestAnimationFrame(() => setTimeout(done))));

const close = (a, b, tol = 6) => a.every((v, i) => Math.abs(v - b[i]) <= tol);
const SCALE_0 = [255, 255, 217], SCALE_1 = [8, 29, 88];     // ColorBrewer YlGnBu's ends
const lightness = rgb => rgb[0] + rgb[1] + rgb[2];

test("the matrix view: target rows against source columns, the weight and both tokens under the pointer", async () => {
  const { page, errors } = await open("cross.html");
  await page.selectOption("#view", "matrix");
  assert.ok(await page.$eval("#stage", e => e.hidden), "the lines view is hidden");
  const dims = await page.$eval("#matrix", c => ({ rows: +c.dataset.rows, cols: +c.dataset.cols }));
  assert.deepEqual(dims, { rows: 3, cols: 5 }, "A house . against Ein Ha us . </s>");
  assert.equal(await page.$eval("#head option", o => o.text), "mean of heads");
  const tip = await pointAt(page, 1, 2);
  assert.equal(tip.hidden, false);
  assert.deepEqual([tip.row, tip.col, tip.weight], ["house", "us", "0.451"], JSON.stringify(tip));
  assert.ok(tip.text.includes("house") && tip.text.includes("us") && tip.text.includes("0.45"), tip.text);
  assert.deepEqual(await page.$$eval(".text .tok.focus", els => els.map(e => e.textContent)).then(t => t.sort()),
    ["house", "us"].sort(), "the cell's two tokens are marked in the texts");
  // Colour: near-white where weak, dark where strong.
  const strong = (await cellAt(page, 0, 0)).rgb, weak = (await cellAt(page, 0, 4)).rgb;
  assert.ok(lightness(strong) < lightness(weak) - 300, "A->Ein (0.8) darker than A-></s> (0.05): " + strong + " / " + weak);
  await page.screenshot({ path: resolve(out, "matrix-cross.png"), fullPage: true });
  await page.selectOption("#units", "word");
  const words = await pointAt(page, 1, 1);
  assert.deepEqual([words.row, words.col, words.weight], ["house", "Haus", "0.902"], "Ha + us at words");
  assert.equal(await page.$eval("#matrix", c => c.dataset.cols), "3", "the special token is not a word");
  await page.selectOption("#layer", "0");
  assert.equal((await pointAt(page, 0, 0)).weight, "0.200", "layer 1 is uniform");
  await page.selectOption("#view", "lines");
  assert.equal((await lines(page)).lines, 2 * 9, "back to the lines: both heads, 3 x 3 words");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the legend states what the colour means, on a colour-blind-safe scale, in both views", async () => {
  const { page, errors } = await open("pooling.html");
  const bar = await page.$eval("#colorbar", c => {
    const g = c.getContext("2d");
    return { left: [...g.getImageData(0, 6, 1, 1).data.slice(0, 3)], right: [...g.getImageData(c.width - 1, 6, 1, 1).data.slice(0, 3)] };
  });
  assert.ok(close(bar.left, SCALE_0) && close(bar.right, SCALE_1), "YlGnBu from 0 to 1: " + JSON.stringify(bar));
  assert.deepEqual(await page.$$eval("#legend .bar span", s => s.map(e => e.textContent)), ["0", "1"]);
  assert.match(await page.$eval("#legend-text", e => e.textContent), /weight/);
  await page.hover('#left .tok[data-index="0"]');
  const bg = i => page.$eval(`#right .tok.hl[data-index="${i}"]`, e => getComputedStyle(e).backgroundColor.match(/\d+/g).map(Number));
  const gorgeous = await bg(1), a = await bg(0);
  assert.ok(lightness(gorgeous) < lightness(a) - 250, "'gorgeous' (0.6) stands out, 'a' (0.05) recedes: " + gorgeous + " / " + a);
  assert.ok(lightness(a) > 650, "a weak weight is nearly white: " + a);
  await page.selectOption("#view", "matrix");
  assert.match(await page.$eval("#legend-text", e => e.textContent), /cell colour: the attention weight of the row token on the column token.*white: none; dark blue: all/);
  assert.match(await page.$eval("#axis", e => e.textContent), /row: the answer; columns: the source tokens/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("512 x 512 weights: both views draw and answer the pointer quickly", async () => {
  const { page, errors } = await open("self-512.html");
  let start = Date.now();
  await page.selectOption("#view", "matrix");
  await painted(page);
  const matrixMs = Date.now() - start;
  const tip = await pointAt(page, 300, 17);
  assert.equal(tip.row, "w299");
  assert.equal(tip.col, "w16");
  start = Date.now();
  for (let i = 0; i < 20; i++) await pointAt(page, 10 + i * 20, 500 - i * 20);
  const hoverMs = (Date.now() - start) / 20;
  await page.screenshot({ path: resolve(out, "matrix-512.png") });
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  const linesMs = await page.evaluate(() => new Promise(done => {     // switching, until the next frame is painted
    const t0 = performance.now(), view = document.getElementById("view");
    view.value = "lines"; view.dispatchEvent(new Event("change"));
    requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));
  }));
  assert.equal((await lines(page)).lines, 0, "over 150 tokens no lines until a token is pointed at");
  assert.match(await page.$eval("#legend-text", e => e.textContent), /point at a token to draw its lines/);
  const linesHoverMs = await page.evaluate(() => new Promise(done => {    // pointing, until the next frame is painted
    const t0 = performance.now();
    document.querySelector('#right .tok[data-index="5"]').dispatchEvent(new MouseEvent("mouseenter"));
    requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));
  }));
  assert.ok((await highlighted(page, "target")).length > 0);
  console.log(`# 512 x 512: matrix view ${matrixMs} ms, pointer ${hoverMs.toFixed(1)} ms a cell; lines view ${linesMs.toFixed(0)} ms,`
    + ` pointing at a token ${linesHoverMs.toFixed(0)} ms`);
  assert.ok(matrixMs < 3000 && hoverMs < 300 && linesMs < 1500 && linesHoverMs < 1000,
    JSON.stringify({ matrixMs, hoverMs, linesMs, linesHoverMs }));
  assert.deepEqual(errors, []);
  await page.close();
});

test("six layers of twelve heads over 128 tokens in the matrix view: every head and layer redraws quickly", async () => {
  const { page, errors } = await open("self-6x12x128.html");
  await page.selectOption("#view", "matrix");
  const start = Date.now();
  for (const head of ["0", "5", "11", "-1"]) await page.selectOption("#head", head);
  for (const layer of ["0", "3", "5"]) await page.selectOption("#layer", layer);
  const each = (Date.now() - start) / 7;
  const tip = await pointAt(page, 5, 6);
  assert.equal(tip.row, "w4");
  console.log(`# 6 x 12 x 128: ${each.toFixed(0)} ms a head or layer change in the matrix view`);
  assert.ok(each < 1000, each + " ms");
  await page.screenshot({ path: resolve(out, "matrix-self.png") });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a run of 10,000 records in one file: it opens, the selector and the search find records", async () => {
  const start = Date.now();
  const { page, errors, requests, url } = await open("run-10000.html");
  const openMs = Date.now() - start;
  assert.deepEqual(requests, [url]);
  assert.equal(await page.$eval("#records", e => e.hidden), false, "the record bar is shown for a run");
  assert.equal(await page.$eval("#records", e => e.dataset.matches), "10000");
  assert.match(await page.$eval("#meta", e => e.textContent), /record r1 \(1 of 10000\)/);
  let t = Date.now();
  await page.fill("#search", "zeppelin");
  const searchMs = Date.now() - t;
  assert.equal(await page.$eval("#records", e => e.dataset.matches), "1");
  assert.match(await page.$eval("#meta", e => e.textContent), /record r4242 /, "the only match is shown");
  assert.match(await page.$eval("#text-source", e => e.textContent), /a zeppelin over film number 4242/);
  await page.fill("#search", "quiet loud");                  // "a quiet loud ..." and "a loud quiet ...": 100 each
  assert.equal(await page.$eval("#records", e => e.dataset.matches), "200", "every word must match");
  await page.selectOption("#record", "2009");              // option values are positions in the file
  assert.match(await page.$eval("#meta", e => e.textContent), /record r2010 /);
  await page.click("#next");
  assert.match(await page.$eval("#meta", e => e.textContent), /record r2101 /, "next match");
  await page.click("#prev"); await page.click("#prev");
  assert.match(await page.$eval("#meta", e => e.textContent), /record r2001 /, "previous match");
  await page.selectOption("#view", "matrix");
  assert.equal((await pointAt(page, 0, 1)).col, "loud", "r2001: a loud quiet film number 2001");
  await page.fill("#search", "");
  assert.equal(await page.$eval("#records", e => e.dataset.matches), "10000");
  assert.equal(await page.$eval("#record", s => s.options[s.selectedIndex].text.split(":")[0]), "r2001",
    "the selector names the record shown, even beyond the 500 listed");
  await page.screenshot({ path: resolve(out, "run-10000.png") });
  console.log(`# 10,000 records: opened in ${openMs} ms, searched in ${searchMs} ms`);
  assert.ok(openMs < 10000, openMs + " ms to open");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a page of one record shows no record bar", async () => {
  const { page } = await open("cross.html");
  assert.equal(await page.$eval("#records", e => e.hidden), true);
  await page.close();
});

/** The tokens of one side in the columns marked as having received copied mass, most first: [{text, copied}]. */
const copiedTo = page => page.$$eval('.column .tok.copysrc[data-side="source"]', els =>
  els.map(e => ({ text: e.textContent, copied: +e.dataset.copied })).sort((a, b) => b.copied - a.copied));

test("a copying decoder: each summary token is underlined by its copy share, pointing shows where the copy came from", async () => {
  const { page, errors } = await open("summary.html");
  assert.match(await page.$eval("#meta", e => e.textContent), /copy shares/);
  assert.equal(await page.$eval("#copy-legend", e => e.hidden), false, "the legend line is shown");
  assert.match(await page.$eval("#copy-legend", e => e.textContent), /copied from the source \(1 − p_gen/);
  const marks = await page.$$eval('#left .tok', els => els.map(e => ({ text: e.textContent, copied: e.classList.contains("copied"),
    share: e.dataset.copy, title: e.title, shadow: getComputedStyle(e).boxShadow })));
  assert.deepEqual(marks.map(m => [m.text, m.copied, m.share]),
    [["call", true, "0.100"], ["Gim", true, "0.900"], ["uda", true, "0.800"], ["</s>", true, "0.050"]]);
  assert.match(marks[1].title, /copied from the source: 0\.900/, "the share in the tooltip");
  const alpha = m => +(m.shadow.match(/rgba?\(179, 88, 6(?:, ([\d.]+))?\)/)[1] ?? 1);
  assert.ok(alpha(marks[1]) > 0.85 && alpha(marks[3]) < 0.1, "the underline is as strong as the share: " +
    marks.map(m => m.shadow).join(" / "));
  assert.equal(await page.$$eval('#text-target .tok.copied', els => els.length), 3, "in the summary text too (no </s>)");
  assert.equal(await page.$$eval('.tok.copysrc', els => els.length), 0, "nothing copied-to until a token is pointed at");

  await page.hover('#left .tok[data-index="1"]');             // "Gim", 0.9 copied, 0.85 of its attention on "Gim"
  const to = await copiedTo(page);
  assert.equal(to[0].text, "Gim", JSON.stringify(to));
  assert.ok(Math.abs(to[0].copied - 0.9 * 0.85) < 0.01, "copy share x attention: " + to[0].copied);
  assert.ok(to.slice(1).every(t => t.copied < 0.03), "the rest got little: " + JSON.stringify(to));
  assert.match(await page.$eval('#right .tok.copysrc[data-index="2"]', e => e.title), /received 0\.76\d of the probability of “Gim”/);
  assert.ok((await page.$$eval('#text-source .tok.copysrc', els => els.map(e => e.textContent))).includes("Gim"));
  const underline = i => page.$eval(`#right .tok[data-index="${i}"]`, e => {
    const m = getComputedStyle(e).boxShadow.match(/rgba?\(179, 88, 6(?:, ([\d.]+))?\)/);
    return m ? +(m[1] ?? 1) : 0;
  });
  assert.ok(await underline(2) > 0.95 && await underline(0) < 0.1, "the source word that received most stands out");
  await page.screenshot({ path: resolve(out, "viewer-copy.png"), fullPage: true });

  await page.hover('#right .tok[data-index="0"]');            // a source token: no copy marks, the attention's as before
  assert.equal(await page.$$eval('.tok.copysrc', els => els.length), 0, "pointing elsewhere clears them");

  await page.selectOption("#units", "word");                  // words: a word's share is the mean of its pieces'
  assert.deepEqual(await page.$$eval('#left .tok', els => els.map(e => [e.textContent, e.dataset.copy])),
    [["call", "0.100"], ["Gimuda", "0.850"]]);
  await page.hover('#text-target .tok:text-is("Gimuda")');
  const words = await copiedTo(page);
  assert.equal(words[0].text, "Gimuda", JSON.stringify(words));
  assert.ok(Math.abs(words[0].copied - (0.9 * (0.85 + 0.15 / 7) + 0.8 * (0.25 / 7 + 0.75)) / 2) < 0.01, JSON.stringify(words));
  await page.selectOption("#view", "matrix");
  assert.equal(await page.$eval("#copy-legend", e => e.hidden), false, "the legend stays in the matrix view");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a model that does not copy: no copy marks, no copy legend", async () => {
  for (const name of ["cross.html", "pooling.html"]) {
    const { page, errors } = await open(name);
    assert.equal(await page.$eval("#copy-legend", e => e.hidden), true, name);
    assert.doesNotMatch(await page.$eval("#meta", e => e.textContent), /copy/, name);
    assert.equal(await page.$$eval(".tok.copied, .tok[data-copy]", els => els.length), 0, name);
    await page.hover('#left .tok[data-index="0"]');
    assert.equal(await page.$$eval(".tok.copysrc", els => els.length), 0, name);
    assert.ok((await page.$$eval(".tok.hl", els => els.length)) > 0, name + ": the attention is still highlighted");
    assert.equal(await page.$eval('#left .tok[data-index="0"]', e => e.getAttribute("title")), null, name);
    assert.deepEqual(errors, []);
    await page.close();
  }
});
