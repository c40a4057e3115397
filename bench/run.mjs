// The benchmark: measures the release build in headless Chromium (Debian's) and writes
// bench/results.json. Run through `make bench`, which builds and serves the app first.
// Usage: node bench/run.mjs <dist dir> <base url>
import { createRequire } from "node:module";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { join, extname } from "node:path";
import { tmpdir } from "node:os";

const require = createRequire(new URL("../e2e/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const dist = process.argv[2];
const baseURL = process.argv[3];
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotliSize = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (x) => Math.round(x * 100) / 100;
  return { median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0]), max: round(sorted.at(-1)) };
}

// The app's own files: not the benchmark's pages (the floors and the plain-JavaScript map),
// which scripts/bench.sh copies beside them.
const benchOnly = (entry) => !entry.isFile() || /^(floor|vanilla-)/.test(entry.name);
const files = readdirSync(dist, { withFileTypes: true })
  .filter((entry) => !benchOnly(entry))
  .map(({ name }) => ({ name, bytes: readFileSync(join(dist, name)) }));
const byExt = (ext) => files.filter((f) => extname(f.name) === ext);
const sum = (list, size) => list.reduce((total, f) => total + size(f.bytes), 0);
const results = {
  wasm_bytes: sum(byExt(".wasm"), (b) => b.length),
  wasm_gzip_bytes: sum(byExt(".wasm"), gzipSize),
  wasm_brotli_bytes: sum(byExt(".wasm"), brotliSize),
  js_gzip_bytes: sum(byExt(".js"), gzipSize),
  css_gzip_bytes: sum(byExt(".css"), gzipSize),
  // Every module loaded on demand (ui::on_demand): what the service worker fetches after the
  // first picture, and a page only when it opens them. The script that loads them is part of
  // the app's one script, in the first load.
  ondemand_all_gzip_bytes: sum(files.filter((f) => /^(split_|chunk_)/.test(f.name)), gzipSize),
};

const profile = mkdtempSync(join(tmpdir(), "pla-bench-"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
  ],
});

/**
 * `promise`, or an error naming `what` after a minute: a wait inside the page has no timeout
 * of its own, and a benchmark that fails loudly beats one that hangs.
 */
const within = (promise, what) => {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the benchmark waited a minute for ${what}`)), 60_000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/**
 * Resolves with the start time of the User Timing mark `name` once the page has set it.
 * Not `page.waitForFunction`: that first evaluates Playwright's helper script in the page
 * (about 330 KB, some 25 ms of main-thread work), and a trace showed it landing between the
 * app's start and its first frame, inside the very interval being measured.
 */
const markTime = (page, name) =>
  within(page.evaluate(
    (name) =>
      new Promise((resolve) =>
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName(name)[0];
          if (!entry) return;
          observer.disconnect();
          resolve(entry.startTime);
        }).observe({ type: "mark", buffered: true }),
      ),
    name,
  ), `the mark ${name}`);

/**
 * The first visit in a fresh context: waits for the app to start and for its service worker
 * to finish installing. Installing fetches and stores every file of the app, work that
 * would otherwise run beside the next page's measurement; a facilitator reopening the app
 * has it installed already.
 */
async function firstVisit(page) {
  await page.goto(baseURL);
  await markTime(page, "app-ready");
  await within(page.evaluate(() => navigator.serviceWorker.ready.then(() => true)), "the service worker");
}

/** A workshop of about 1 MB: one organisational map with many actors, links and notes. */
function bigWorkshop() {
  const actors = [];
  const links = [];
  for (let i = 0; i < 2400; i++) {
    actors.push({
      id: `actor-${i}`, name: `Organisation ${i}`, group_id: "cbo", influence: i % 6,
      contributions: [{ resource: "relational", text: "Brokers trust between the community and services." }],
      notes: "Met monthly at the community centre; links the faith groups with the trust. ".repeat(2),
      x: (i % 60) * 30, y: Math.floor(i / 60) * 30,
    });
  }
  for (let i = 0; i < 2400; i++) {
    links.push({ id: `link-${i}`, from: `actor-${i}`, to: `actor-${(i * 7 + 1) % 2400}`, kind_id: "information", both_ways: i % 2 === 0, notes: "" });
  }
  // As the app stores it (storage version 2): the workshop's header, and the map's data
  // under a key of its own.
  const header = {
    id: "bench-1mb", title: "A workshop of one megabyte", date: "2026-11-25", place: "Bench", notes: "",
    groups: [], created_at: 0, updated_at: 0,
    exercises: [{ id: "map", title: "Big map", kind: "organisational_map", notes: "" }],
  };
  const data = { organisational_map: { question: "", groups: [], link_kinds: [], actors, links } };
  return [
    ["pla-workshop/exercise/bench-1mb/map", JSON.stringify({ format: "pla-workshop", schema_version: 2, saved_at: 0, data })],
    ["pla-workshop/workshop/bench-1mb", JSON.stringify({ format: "pla-workshop", schema_version: 2, saved_at: 0, workshop: header })],
  ];
}
const bigEntries = bigWorkshop();
/** The map's data: the 1 MB value, for the floor under writing one. */
const bigText = bigEntries[0][1];
results.big_workshop_chars = bigEntries.reduce((sum, [, text]) => sum + text.length, 0);

/**
 * One cold load in a fresh context (an empty cache, as on a first visit): the time from
 * navigation to the app's "app-ready" mark, and the paths the page fetched. With
 * `cpuSlowdown` above 1, DevTools throttles the page's CPU by that factor, as a laptop from
 * 2016 would be.
 */
async function coldLoad(cpuSlowdown, path = "") {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  if (cpuSlowdown > 1) {
    const devtools = await context.newCDPSession(page);
    await devtools.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  }
  const fetched = new Set();
  page.on("request", (request) => fetched.add(new URL(request.url()).pathname));
  await page.goto(`${baseURL}${path}`);
  const readyAt = await markTime(page, "app-ready");
  await context.close();
  return { readyAt, fetched };
}

/** The gzipped size of the files at `paths`, as served from dist/. */
function gzipOfPaths(paths) {
  let total = 0;
  for (const path of paths) {
    const name = path === "/" ? "index.html" : path.slice(1);
    const file = files.find((f) => f.name === name);
    if (file) total += gzipSize(file.bytes);
  }
  return total;
}

// Each cold load of the app is followed by one of each floor, so a machine that slows down
// or speeds up during the run moves all three alike: `shell_floor_ms` is an empty page with
// the app's stylesheet and one module script (bench/floor-shell.*), what a first visit costs
// here before any app code runs; `shell_leptos_floor_ms` is the smallest Leptos app, built
// as the app is (bench/leptos-floor), what Leptos itself costs to start.
const floors = { "floor-shell.html": "shell_floor", "floor-leptos.html": "shell_leptos_floor" };
const interactive = [];
const interactive4x = [];
const floorTimes = {};
let firstLoadPaths = new Set();
for (const [slowdown, times, suffix] of [[1, interactive, "ms"], [4, interactive4x, "4x_ms"]]) {
  for (let run = 0; run < RUNS; run++) {
    const { readyAt, fetched } = await coldLoad(slowdown);
    times.push(readyAt);
    if (slowdown === 1 && run === 0) firstLoadPaths = fetched;
    for (const [path, name] of Object.entries(floors)) {
      (floorTimes[`${name}_${suffix}`] ??= []).push((await coldLoad(slowdown, path)).readyAt);
    }
  }
}
const transferGzip = gzipOfPaths(firstLoadPaths);

// Storage: restore a 1 MB workshop from local storage to its page painted, then save it
// on each keystroke typed into its notes.
//
// Restore is timed twice per run. `restore_1mb_cold_ms` is the first time this browser ever
// opens the workshop: the code that reads it has never run, so the browser runs it from its
// quick baseline compile, at about half speed. `restore_1mb_ms` is the next time, as when a
// facilitator reloads the page: by then the browser has optimised that code and keeps it.
// Either way the interval ends when the workshop's page is painted; the app reads the
// exercises' data just after that (see `Saver::open` in src/storage/saver.rs).
/** When the browser painted the workshop's title, from the moment the app began to read storage. */
const titlePainted = (page) =>
  within(page.evaluate(
    () =>
      new Promise((resolve) =>
        // Element Timing: the app marks the heading with `elementtiming`.
        new PerformanceObserver((list, observer) => {
          const title = list.getEntries().find((entry) => entry.identifier === "workshop-title");
          if (!title) return;
          observer.disconnect();
          resolve(title.renderTime - performance.getEntriesByName("storage-read-start")[0].startTime);
        }).observe({ type: "element", buffered: true }),
      ),
  ), "the workshop's title to paint");
/** When the app had read every exercise's data, from the moment it began to read storage. */
const dataReadAfter = async (page) =>
  (await markTime(page, "exercise-data-read")) -
  (await page.evaluate(() => performance.getEntriesByName("storage-read-start")[0].startTime));
const dataRead = [];
const dataReadCold = [];
const restoreCold = [];
const restore = [];
const save = [];
const saveFloor = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await firstVisit(page);
  await page.evaluate((entries) => entries.forEach(([key, text]) => localStorage.setItem(key, text)), bigEntries);
  await page.goto(`${baseURL}?run=${run}#/w/bench-1mb`);
  restoreCold.push(await titlePainted(page));
  dataReadCold.push(await dataReadAfter(page));
  await page.goto(`${baseURL}?run=${run}&again#/w/bench-1mb`);
  restore.push(await titlePainted(page));
  dataRead.push(await dataReadAfter(page));
  const heading = await page.locator("#workshop-title").textContent();
  if (heading !== "A workshop of one megabyte") throw new Error(`the 1 MB workshop did not open (saw ${heading})`);
  await page.locator("#field-notes").click();
  await page.keyboard.type("abc");
  const saves = await page.evaluate(() => performance.getEntriesByName("save").map((m) => m.duration));
  if (saves.length < 3) throw new Error("typing did not save on every keystroke");
  save.push(...saves);
  // The floor under writing the 1 MB map: the browser's own `localStorage.setItem` of its
  // text, over an earlier value, with nothing of the app's around it. (Typing in the notes
  // writes only the workshop's header since storage version 2; version 1 wrote all of it.)
  saveFloor.push(
    ...(await page.evaluate((text) => {
      const times = [];
      for (let i = 0; i < 4; i++) {
        const value = `${text.slice(0, -1)}${i}`;
        const start = performance.now();
        localStorage.setItem("pla-bench/set-item-floor", value);
        times.push(performance.now() - start);
      }
      localStorage.removeItem("pla-bench/set-item-floor");
      return times.slice(1);
    }, bigText)),
  );
  await context.close();
}
results.save_1mb_ms = stats(save);
results.save_1mb_set_item_floor_ms = stats(saveFloor);
results.restore_1mb_ms = stats(restore);
results.restore_1mb_cold_ms = stats(restoreCold);
results.restore_1mb_data_read_ms = stats(dataRead);
results.restore_1mb_cold_data_read_ms = stats(dataReadCold);

// Pair-wise ranking with 30 items: keypress to the next pair painted, and the full
// 30-item matrix from its key to painted.
function rankingWorkshop() {
  const items = Array.from({ length: 30 }, (_, i) => ({ id: `item-${i}`, label: `Priority number ${i + 1}`, description: "" }));
  const decisions = [];
  for (let i = 0; i < 30; i++) {
    for (let j = i + 1; j < 30; j++) {
      decisions.push({ a: items[i].id, b: items[j].id, outcome: (i + j) % 7 === 0 ? "tie" : { wins: items[(i * j) % 2 ? i : j].id }, reason: "Because the group said so.", decided_at: 0 });
    }
  }
  const exercise = (id, withDecisions, ballots = []) => ({
    id, title: id, notes: "", data: { pairwise_ranking: { method: "matrix", items, decisions: withDecisions ? decisions : [], ballots } },
  });
  // A participant's ballot just started, on a ranking whose group decided every pair.
  const openBallot = [{ id: "ballot-1", label: "Participant 1", group_id: "", method: "matrix", decisions: [], handed_over: false }];
  // 30 sealed ballots of 12 items, each a different order, results revealed.
  const twelve = items.slice(0, 12);
  const sealed = Array.from({ length: 30 }, (_, n) => {
    const place = (i) => (i * (n + 5) + n * 7) % 13;
    const decisions = [];
    for (let i = 0; i < 12; i++) {
      for (let j = i + 1; j < 12; j++) {
        decisions.push({ a: twelve[i].id, b: twelve[j].id, outcome: (i + j + n) % 11 === 0 ? "tie" : { wins: twelve[place(i) < place(j) ? i : j].id }, reason: "", decided_at: 0 });
      }
    }
    return { id: `ballot-${n}`, label: `Participant ${n + 1}`, group_id: "", method: "matrix", decisions, handed_over: true };
  });
  const voted = { id: "voted", title: "voted", notes: "", data: { pairwise_ranking: { method: "matrix", items: twelve, decisions: [], ballots: sealed, results_revealed: true } } };
  const workshop = {
    id: "bench-ranking", title: "Ranking benchmark", date: "", place: "", notes: "", groups: [], created_at: 0, updated_at: 0,
    exercises: [exercise("open", false), exercise("full", true), exercise("ballot", true, openBallot), voted],
  };
  return JSON.stringify({ format: "pla-workshop", schema_version: 1, saved_at: 0, workshops: [workshop] });
}
const rankingText = rankingWorkshop();
// Resolves once the page has painted after the next keydown brought what `check` names.
const armPaintAfterKey = (page, check) =>
  page.evaluate((check) => {
    // The page's Content-Security-Policy forbids eval, so the checks are spelled out here.
    const ready = (before) =>
      check === "next pair"
        ? document.querySelector(".decide").dataset.pair !== before
        : document.querySelectorAll("table.matrix td.cell").length === 435;
    const before = document.querySelector(".decide")?.dataset.pair ?? null;
    window.__measured = new Promise((resolve) => {
      let start = null;
      window.addEventListener("keydown", () => { start = performance.now(); }, { once: true, capture: true });
      const observer = new MutationObserver(() => {
        if (start !== null && ready(before)) {
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  }, check);
const nextPair = [];
const ballotNextPair = [];
const ballotsAggregate = [];
const matrixRender = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await firstVisit(page);
  await page.evaluate((text) => localStorage.setItem("pla-workshop/workshop/bench-ranking", text), rankingText);
  await page.goto(`${baseURL}?run=${run}#/w/bench-ranking/e/open`);
  await page.locator(".decide .choice").first().waitFor();
  for (let press = 0; press < 5; press++) {
    await armPaintAfterKey(page, "next pair");
    await page.keyboard.press("ArrowLeft");
    nextPair.push(await within(page.evaluate(() => window.__measured), "the next pair to paint"));
  }
  await page.goto(`${baseURL}?run=${run}#/w/bench-ranking/e/ballot/ballots`);
  await page.locator(".ballots .decide .choice").first().waitFor();
  for (let press = 0; press < 5; press++) {
    await armPaintAfterKey(page, "next pair");
    await page.keyboard.press("ArrowLeft");
    ballotNextPair.push(await within(page.evaluate(() => window.__measured), "the ballot's next pair to paint"));
  }
  // The ballots taken together, in the page: 30 ballots of 12 items, 1,000 bootstrap samples.
  await page.goto(`${baseURL}?run=${run}#/w/bench-ranking/e/voted/ballots`);
  await page.locator(".ballot-strengths").waitFor();
  ballotsAggregate.push(await page.evaluate(() => performance.getEntriesByName("ballots-aggregate").at(-1).duration));
  await page.goto(`${baseURL}?run=${run}#/w/bench-ranking/e/full`);
  await page.locator(".decide").waitFor();
  await armPaintAfterKey(page, "matrix");
  await page.keyboard.press("m");
  matrixRender.push(await within(page.evaluate(() => window.__measured), "the matrix to paint"));
  await context.close();
}
results.ranking_next_pair_ms = stats(nextPair);
results.ballot_next_pair_ms = stats(ballotNextPair);
results.ballots_aggregate_ms = stats(ballotsAggregate);
results.ranking_matrix_render_ms = stats(matrixRender);
/** Main-thread milliseconds per pointer move while dragging the element `selector` finds. */
async function dragCost(page, context, selector) {
  const box = await page.locator(selector).first().boundingBox();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const taskSeconds = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value;
  const moves = 60;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // A few moves first, so the first frame's one-off work (pointer capture, hover styles,
  // the picture's first paint) is not counted as dragging.
  for (let step = 1; step <= 5; step++) await page.mouse.move(box.x + box.width / 2 - step, box.y + box.height / 2 - step);
  const before = await taskSeconds();
  for (let step = 1; step <= moves; step++) await page.mouse.move(box.x + box.width / 2 + step * 5, box.y + box.height / 2 + step * 3);
  const after = await taskSeconds();
  await page.mouse.up();
  await cdp.detach();
  return ((after - before) * 1000) / moves;
}

// The floor: the same drag of one circle on an otherwise empty page (bench/floor-drag.*).
// What any drag costs in this browser on this machine, before the app does anything.
const floorDrag = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${baseURL}floor-drag.html`);
  await page.waitForFunction(() => document.body.dataset.ready === "yes");
  floorDrag.push(await dragCost(page, context, "#disc"));
  await context.close();
}
results.drag_frame_floor_ms = stats(floorDrag);

// Power Venn with 40 circles: main-thread time per frame while dragging one (DevTools
// Protocol Performance.getMetrics around a scripted drag), SVG export, and PNG at 2x.
function vennWorkshop() {
  const institutions = Array.from({ length: 40 }, (_, i) => ({
    id: `inst-${i}`, label: `Institution ${i + 1}`, group: "Other",
    x: 90 + (i % 10) * 160, y: 110 + Math.floor(i / 10) * 220, radius: 50 + (i % 3) * 25,
    relation: ["ally", "neutral", "threat"][i % 3], notes: "",
  }));
  const diagram = {
    community_label: "Our community", community_x: 800, community_y: 450, community_radius: 220,
    groups: ["Other"], institutions,
  };
  const workshop = {
    id: "bench-venn", title: "Venn benchmark", date: "2026-11-25", place: "", notes: "", groups: [], created_at: 0, updated_at: 0,
    exercises: [{ id: "venn", title: "Venn", notes: "", data: { power_venn: diagram } }],
  };
  return JSON.stringify({ format: "pla-workshop", schema_version: 1, saved_at: 0, workshops: [workshop] });
}
const vennText = vennWorkshop();
const dragFrame = [];
const svgExport = [];
const png2x = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  await firstVisit(page);
  await page.evaluate((text) => localStorage.setItem("pla-workshop/workshop/bench-venn", text), vennText);
  await page.goto(`${baseURL}?run=${run}#/w/bench-venn/e/venn`);
  await page.locator('g.institution[data-id="inst-0"] circle').first().waitFor();
  dragFrame.push(await dragCost(page, context, 'g.institution[data-id="inst-0"] circle'));

  await page.locator(".venn details.exports summary").click();
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Diagram SVG" }).click();
  svgExport.push(...(await page.evaluate(() => performance.getEntriesByName("venn-svg-export").map((m) => m.duration))));
  await page.getByRole("button", { name: "PNG 2x" }).click();
  await page.waitForFunction(() => performance.getEntriesByName("png-export").length > 0);
  png2x.push(await page.evaluate(() => performance.getEntriesByName("png-export")[0].duration));
  await context.close();
}
results.venn_drag_frame_ms = stats(dragFrame);
results.venn_svg_export_ms = stats(svgExport);
results.venn_png_2x_ms = stats(png2x);

// The first export after a load: the facilitator opens the diagram and asks for its SVG.
// Timed in the page, from the button's click to the file handed to the browser (the
// "file-downloaded" mark in ui::download_blob), so it includes anything the export has to
// fetch first. As in the room, the app has been visited before, so its service worker
// serves whatever that is from its cache. What the page fetches beyond the first load's
// files, from opening the diagram to the file, is `ondemand_gzip_bytes`.
const firstExport = [];
let onDemandPaths = new Set();
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  await firstVisit(page);
  await page.evaluate((text) => localStorage.setItem("pla-workshop/workshop/bench-venn", text), vennText);
  const fetched = new Set();
  page.on("request", (request) => fetched.add(new URL(request.url()).pathname));
  await page.goto(`${baseURL}?run=${run}#/w/bench-venn/e/venn`);
  await page.locator('g.institution[data-id="inst-0"] circle').first().waitFor();
  await page.locator(".venn details.exports summary").click();
  const button = page.getByRole("button", { name: "Diagram SVG" });
  await button.waitFor();
  await button.evaluate((element) => {
    performance.mark("export-asked");
    element.click();
  });
  const downloadedAt = await markTime(page, "file-downloaded");
  firstExport.push(downloadedAt - (await page.evaluate(() => performance.getEntriesByName("export-asked")[0].startTime)));
  if (run === 0) onDemandPaths = new Set([...fetched].filter((path) => !firstLoadPaths.has(path)));
  await context.close();
}
results.first_export_ms = stats(firstExport);
results.ondemand_gzip_bytes = gzipOfPaths(onDemandPaths);

// Organisational map with 300 actors and 600 links: main-thread time per frame while
// dragging one actor, the same drag on a plain-JavaScript page (bench/vanilla-map.*), the
// automatic layout, the analysis and the SVG export.
function mapWorkshop() {
  const kinds = ["funding", "information", "staff", "referral", "trust"];
  const groups = ["network", "cbo", "faith", "statutory", "service-users", "other"];
  const actors = Array.from({ length: 300 }, (_, i) => ({
    id: `actor-${i}`, name: `Actor ${i + 1}`, group_id: groups[i % groups.length], influence: i % 6,
    contributions: [], notes: "", x: 40 + (i % 25) * 62, y: 40 + Math.floor(i / 25) * 70,
  }));
  const links = Array.from({ length: 600 }, (_, i) => ({
    id: `link-${i}`, from: `actor-${i % 300}`, to: `actor-${(i * 7 + 3) % 300}`, kind_id: kinds[i % kinds.length], both_ways: i % 4 === 0, notes: "",
  })).filter((l) => l.from !== l.to);
  const map = { question: "", actors, links };
  const workshop = {
    id: "bench-map", title: "Map benchmark", date: "2026-11-25", place: "", notes: "", groups: [], created_at: 0, updated_at: 0,
    exercises: [{ id: "map", title: "Map", notes: "", data: { organisational_map: map } }],
  };
  return JSON.stringify({ format: "pla-workshop", schema_version: 1, saved_at: 0, workshops: [workshop] });
}
const mapText = mapWorkshop();
const mapDrag = [];
const vanillaDrag = [];
const mapLayout = [];
const mapAnalysis = [];
const mapSvg = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${baseURL}vanilla-map.html`);
  await page.waitForFunction(() => document.body.dataset.ready === "yes");
  vanillaDrag.push(await dragCost(page, context, 'g.actor[data-actor="actor-0"]'));
  await firstVisit(page);
  await page.evaluate((text) => localStorage.setItem("pla-workshop/workshop/bench-map", text), mapText);
  await page.goto(`${baseURL}?run=${run}#/w/bench-map/e/map`);
  await page.locator('g.actor[data-actor="actor-0"]').waitFor();
  mapDrag.push(await dragCost(page, context, 'g.actor[data-actor="actor-0"] path'));
  await page.getByRole("tab", { name: "Analysis" }).click();
  await page.waitForFunction(() => performance.getEntriesByName("map-analysis").length > 0);
  mapAnalysis.push(await page.evaluate(() => performance.getEntriesByName("map-analysis").at(-1).duration));
  await page.locator(".orgmap-tools details.exports summary").click();
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Map SVG" }).click();
  mapSvg.push(...(await page.evaluate(() => performance.getEntriesByName("map-svg-export").map((m) => m.duration))));
  await page.getByRole("button", { name: "Arrange automatically" }).click();
  await page.waitForFunction(() => performance.getEntriesByName("map-layout").length > 0);
  mapLayout.push(await page.evaluate(() => performance.getEntriesByName("map-layout")[0].duration));
  await context.close();
}
results.map_drag_frame_ms = stats(mapDrag);
results.map_drag_frame_vanilla_ms = stats(vanillaDrag);
results.map_drag_ratio = Math.round((results.map_drag_frame_ms.median / results.map_drag_frame_vanilla_ms.median) * 100) / 100;
results.map_layout_ms = stats(mapLayout);
results.map_analysis_ms = stats(mapAnalysis);
results.map_svg_export_ms = stats(mapSvg);

if (process.env.QUICK_QUESTIONS) results.ranking_quick_questions_n30 = Number(process.env.QUICK_QUESTIONS);
// The same work natively (release), for comparison with the page's figure above.
if (process.env.BALLOTS_AGGREGATE_MS) results.ballots_aggregate_native_ms = Number(process.env.BALLOTS_AGGREGATE_MS);

await browser.close();
rmSync(profile, { recursive: true, force: true });

results.transfer_gzip_bytes = transferGzip;
results.shell_interactive_ms = stats(interactive);
results.shell_interactive_4x_ms = stats(interactive4x);
for (const [key, times] of Object.entries(floorTimes)) results[key] = stats(times);
results.measured_at = new Date().toISOString();

writeFileSync(new URL("./results.json", import.meta.url), JSON.stringify(results, null, 2) + "\n");
console.log("figure                       value");
for (const [key, value] of Object.entries(results)) {
  const shown = typeof value === "object" ? `median ${value.median}  p95 ${value.p95}  min ${value.min}  max ${value.max}` : value;
  console.log(`${key.padEnd(28)} ${shown}`);
}
