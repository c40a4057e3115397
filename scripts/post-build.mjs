// Trunk post-build hook (runs on every build, in Trunk's staging directory):
// 1. Splits the wasm into the first load and the modules loaded on demand (`ui::on_demand`,
//    issue #17): wasm-split-cli cuts Cargo's own wasm at the `on_demand!` entry points, then
//    wasm-bindgen and (in a release build) wasm-opt make each part as Trunk makes the whole,
//    and they replace Trunk's module. Every part is named by its content, so a new version
//    never meets an old part in a cache.
// 2. Bundles Trunk's inline module script (which loads the wasm), wasm-bindgen's script and
//    the split's loader into one file (minified in a release build, and marked to be
//    compiled as it loads), so the Content-Security-Policy can forbid every inline script;
//    joins the report's stylesheet to the app's.
// 3. Puts every file's hash in the page's integrity attributes (the wasm's preload aside).
// 4. Writes the service worker from static/sw.template.js with the list of every built file,
//    so the app, with every module loaded on demand, loads and works offline after the
//    first visit.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "../tools/node_modules/esbuild/lib/main.js";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; Trunk runs this script.");
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === "release";
const sha = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const fail = (why) => {
  console.error(`post-build: ${why}`);
  process.exit(1);
};

// 1. The split.
const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const cargoWasm = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", "pla-workshop.wasm");
const glueName = readdirSync(dir).find((name) => /^pla-workshop-[0-9a-f]+\.js$/.test(name));
if (!glueName) fail("no pla-workshop-<hash>.js from Trunk; has its output changed?");
const stem = glueName.slice(0, -".js".length);
const work = mkdtempSync(join(tmpdir(), "pla-split-"));
try {
  const quiet = { stdio: ["ignore", "ignore", "inherit"] };
  execFileSync("wasm-split-cli", [cargoWasm, join(work, "split"), "--out-name", stem], quiet);
  const split = join(work, "split");
  execFileSync("wasm-bindgen", [join(split, `${stem}.wasm`), "--out-dir", join(work, "bound"),
    "--out-name", stem, "--target", "web", "--no-typescript", "--keep-lld-exports"], quiet);
  const parts = readdirSync(split).filter((name) => /^(split|chunk)_.*\.wasm$/.test(name));
  if (parts.length === 0) fail("wasm-split-cli made no module to load on demand; are the on_demand! entry points gone?");
  // wasm-opt -Oz without the producers section, as index.html asked Trunk for before the
  // split, on each part; the features are those Rust's wasm32 target emits.
  const optimise = (from, to) => {
    if (release) execFileSync("wasm-opt", ["-Oz", "--strip-producers", "--enable-bulk-memory",
      "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals",
      "--enable-reference-types", "--enable-multivalue", from, "-o", to], quiet);
    else copyFileSync(from, to);
  };
  let link = readFileSync(join(split, "__wasm_split.js"), "utf8");
  for (const part of parts) {
    const optimised = join(work, part);
    optimise(join(split, part), optimised);
    const bytes = readFileSync(optimised);
    const named = `${part.slice(0, -".wasm".length)}-${sha(bytes)}.wasm`;
    if (!link.includes(`"./${part}"`)) fail(`the split's script does not name ${part}`);
    link = link.replaceAll(`"./${part}"`, `"./${named}"`);
    writeFileSync(join(dir, named), bytes);
  }
  const linkName = `wasm-split-${sha(link)}.js`;
  writeFileSync(join(dir, linkName), link);
  let glue = readFileSync(join(work, "bound", `${stem}.js`), "utf8");
  // Only where the script is imported: the wasm itself still names its imports' module
  // "./__wasm_split.js", so the keys of the imports object keep that name.
  const imports = /(from\s*)(["'])\.\/__wasm_split\.js\2/g;
  if (!imports.test(glue)) fail("wasm-bindgen's script does not import the split's script");
  glue = glue.replace(imports, `$1"./${linkName}"`);
  writeFileSync(join(dir, glueName), glue);
  optimise(join(work, "bound", `${stem}_bg.wasm`), join(dir, `${stem}_bg.wasm`));
} finally {
  rmSync(work, { recursive: true, force: true });
}

// 2. One script and one stylesheet. Trunk's inline module script (which starts the app) is
//    bundled with wasm-bindgen's script and the split's loader into one file, so the
//    Content-Security-Policy can forbid every inline script and the page asks for one script
//    instead of three; the report's stylesheet joins the app's, one request instead of two.
//    A cold load keeps both cores of the benchmark's machine busy from start to finish, so
//    every request the page saves is time saved: on 440bbc7's build, 41 cold loads of each
//    page side by side gave 113.1 ms to the first picture as three scripts and two
//    stylesheets, and 107.7 as one of each (README, Benchmark).
const indexPath = join(dir, "index.html");
let page = readFileSync(indexPath, "utf8");
// A release build's HTML is minified, which drops the quotes: `<script type=module>`.
const inline = /<script type="?module"?(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const starts = [...page.matchAll(inline)];
if (starts.length !== 1) fail("not one inline module script in index.html; has Trunk's output changed?");
const start = starts[0][1];
if (!start.includes(`'/${glueName}'`)) fail("Trunk's script does not import wasm-bindgen's by its path; has its output changed?");
const bundled = buildSync({
  stdin: { contents: start.replace(`'/${glueName}'`, `'./${glueName}'`), resolveDir: dir, sourcefile: "start.js" },
  bundle: true,
  format: "esm",
  // Top-level await, which Trunk's script uses: Chromium 89, Firefox 89, Safari 15.
  target: "es2022",
  // Measured 2026-12-02: wasm-bindgen's script 60,938 → 27,775 bytes, 10,097 → 7,902
  // gzipped. Debug builds keep the script readable for the tests' stack traces.
  minify: release,
  write: false,
  logLevel: "warning",
});
// V8's compile hint, on the script's first line: compile all of it while it streams in, on
// a background thread, instead of each function on the main thread at its first call.
// Start-up calls some 85 of them; traces of 7 cold loads each (2026-12-07, the same build
// with and without the line) put the main thread's JavaScript compiling before the first
// picture at 7.8 ms without the hint and 3.3 ms with it (README, Benchmark).
const script = `//# allFunctionsCalledOnLoad\n${bundled.outputFiles[0].text}`;
const scriptName = `pla-workshop-${sha(script)}.js`;
// The parts, now in the one script.
const bundledParts = readdirSync(dir).filter((n) => /^(pla-workshop|wasm-split)-[0-9a-f]+\.js$/.test(n));
for (const name of bundledParts) rmSync(join(dir, name));
writeFileSync(join(dir, scriptName), script);
const integrityOf = (name) => "sha384-" + createHash("sha384").update(readFileSync(join(dir, name))).digest("base64");
page = page.replace(inline, () =>
  `<script type="module" src="/${scriptName}" integrity="${integrityOf(scriptName)}"></script>`);
// wasm-bindgen's script is in the one script now.
const preloads = /<link[^>]*\brel="?modulepreload"?[^>]*>/g;
if (!preloads.test(page)) fail("index.html no longer preloads wasm-bindgen's script; has Trunk's output changed?");
page = page.replace(preloads, "");

const styles = readdirSync(dir).filter((n) => n.endsWith(".css"));
const mainStyle = styles.find((n) => /^main-[0-9a-f]+\.css$/.test(n));
const reportStyle = styles.find((n) => /^report-[0-9a-f]+\.css$/.test(n));
if (!mainStyle || !reportStyle || styles.length !== 2) fail(`expected main and report stylesheets from Trunk, found ${styles.join(", ")}`);
const style = `${readFileSync(join(dir, mainStyle), "utf8")}\n${readFileSync(join(dir, reportStyle), "utf8")}`;
const styleName = `main-${sha(style)}.css`;
rmSync(join(dir, mainStyle));
rmSync(join(dir, reportStyle));
writeFileSync(join(dir, styleName), style);
const reportLink = new RegExp(`<link[^>]*/${reportStyle.replace(".", "\\.")}[^>]*>`);
if (!reportLink.test(page) || !page.includes(`/${mainStyle}`)) fail("index.html does not link both stylesheets; has Trunk's output changed?");
page = page.replace(reportLink, "").replace(`/${mainStyle}`, `/${styleName}`);

// 3. The integrity of every file the page links, but the wasm's preload: Chromium ignores
//    `integrity` on a preload fetched `as=fetch` and says so in the console on every load
//    (crbug.com/981419), and wasm-bindgen's own fetch of the wasm, which the preload feeds,
//    carries none.
const checked = new Set();
page = page.replace(/<link[^>]*\bhref="?\/([^"\s>]+)"?[^>]*>/g, (tag, name) => {
  if (!/\bintegrity=/.test(tag)) return tag;
  checked.add(name);
  if (/\bas="?fetch"?/.test(tag)) return tag.replace(/\s*\bintegrity="?[^"\s>]+"?/, "");
  return tag.replace(/\bintegrity="?[^"\s>]+"?/, `integrity="${integrityOf(name)}"`);
});
if (!checked.has(`${stem}_bg.wasm`) || !checked.has(styleName)) {
  fail("index.html no longer preloads the wasm and links the stylesheet with their integrity; has Trunk's output changed?");
}
writeFileSync(indexPath, page);

// 4. The service worker.
const assets = readdirSync(dir).filter((name) => name !== "sw.js" && !name.startsWith("."));
const version = sha(assets.map((name) => name + sha(readFileSync(join(dir, name)))).join("\n"));
const template = readFileSync(new URL("../static/sw.template.js", import.meta.url), "utf8");
const worker = template
  .replace("__VERSION__", version)
  .replace("__ASSETS__", JSON.stringify(["/", ...assets.map((name) => `/${name}`)]));
writeFileSync(join(dir, "sw.js"), worker);
