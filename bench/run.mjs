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

const files = readdirSync(dist).map((name) => ({ name, bytes: readFileSync(join(dist, name)) }));
const byExt = (ext) => files.filter((f) => extname(f.name) === ext);
const sum = (list, size) => list.reduce((total, f) => total + size(f.bytes), 0);
const results = {
  wasm_bytes: sum(byExt(".wasm"), (b) => b.length),
  wasm_gzip_bytes: sum(byExt(".wasm"), gzipSize),
  wasm_brotli_bytes: sum(byExt(".wasm"), brotliSize),
  js_gzip_bytes: sum(byExt(".js"), gzipSize),
  css_gzip_bytes: sum(byExt(".css"), gzipSize),
};

const profile = mkdtempSync(join(tmpdir(), "pla-bench-"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
  ],
});

const interactive = [];
let transferGzip = 0;
for (let run = 0; run < RUNS; run++) {
  // A fresh context each run: an empty cache, as on a first visit.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const fetched = new Set();
  page.on("request", (request) => fetched.add(new URL(request.url()).pathname));
  await page.goto(baseURL);
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  interactive.push(await page.evaluate(() => performance.getEntriesByName("app-ready")[0].startTime));
  if (run === 0) {
    for (const path of fetched) {
      const name = path === "/" ? "index.html" : path.slice(1);
      const file = files.find((f) => f.name === name);
      if (file) transferGzip += gzipSize(file.bytes);
    }
  }
  await context.close();
}
await browser.close();
rmSync(profile, { recursive: true, force: true });

results.transfer_gzip_bytes = transferGzip;
results.shell_interactive_ms = stats(interactive);
results.measured_at = new Date().toISOString();

writeFileSync(new URL("./results.json", import.meta.url), JSON.stringify(results, null, 2) + "\n");
console.log("figure                       value");
for (const [key, value] of Object.entries(results)) {
  const shown = typeof value === "object" ? `median ${value.median}  p95 ${value.p95}  min ${value.min}  max ${value.max}` : value;
  console.log(`${key.padEnd(28)} ${shown}`);
}
