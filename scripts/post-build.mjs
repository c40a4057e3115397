// Trunk post-build hook (runs on every build, in Trunk's staging directory):
// 1. Splits the wasm into the first load and the modules loaded on demand (`ui::on_demand`,
//    issue #17): wasm-split-cli cuts Cargo's own wasm at the `on_demand!` entry points, then
//    wasm-bindgen and (in a release build) wasm-opt make each part as Trunk makes the whole,
//    and they replace Trunk's module. Every part is named by its content, so a new version
//    never meets an old part in a cache.
// 2. Moves Trunk's inline module script (which loads the wasm) into a file of its own, so the
//    Content-Security-Policy can forbid every inline script.
// 3. In a release build, minifies the scripts (Trunk minifies the HTML and CSS but leaves
//    wasm-bindgen's script as it is); marks wasm-bindgen's script to be compiled as it loads;
//    then puts every file's hash in the page's integrity attributes.
// 4. Writes the service worker from static/sw.template.js with the list of every built file,
//    so the app, with every module loaded on demand, loads and works offline after the
//    first visit.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { transformSync } from "../tools/node_modules/esbuild/lib/main.js";

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

// 2. The inline script, moved out.
const indexPath = join(dir, "index.html");
const html = readFileSync(indexPath, "utf8");
// A release build's HTML is minified, which drops the quotes: `<script type=module>`.
const inline = /<script type="?module"?(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
let count = 0;
let page = html.replace(inline, (_whole, body) => {
  count += 1;
  const name = `boot-${sha(body)}.js`;
  writeFileSync(join(dir, name), body);
  return `<script type="module" src="/${name}"></script>`;
});
if (count === 0) fail("no inline module script in index.html; has Trunk's output changed?");

// 3. Minified scripts (release), and the integrity of every file the page preloads.
// Measured 2026-12-02: wasm-bindgen's script 60,938 → 27,775 bytes, 10,097 → 7,902 gzipped.
// Debug builds keep the scripts readable for the tests' stack traces.
if (release) {
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".js") && !n.startsWith("boot-"))) {
    const path = join(dir, name);
    const { code } = transformSync(readFileSync(path, "utf8"), { minify: true, format: "esm", target: "es2020" });
    writeFileSync(path, code);
  }
}
// V8's compile hint, on the first line of wasm-bindgen's script: compile all of it while it
// streams in, on a background thread, instead of each function on the main thread at its
// first call. Start-up calls some 85 of them; traces of 7 cold loads each (2026-12-07, the
// same build with and without the line) put the main thread's JavaScript compiling before
// the first picture at 7.8 ms without the hint and 3.3 ms with it (README, Benchmark).
const script = readFileSync(join(dir, glueName), "utf8");
writeFileSync(join(dir, glueName), `//# allFunctionsCalledOnLoad\n${script}`);
const checked = new Set();
page = page.replace(/<link[^>]*\bhref="?\/([^"\s>]+)"?[^>]*>/g, (tag, name) => {
  if (!/\bintegrity=/.test(tag)) return tag;
  checked.add(name);
  const integrity = "sha384-" + createHash("sha384").update(readFileSync(join(dir, name))).digest("base64");
  return tag.replace(/\bintegrity="?[^"\s>]+"?/, `integrity="${integrity}"`);
});
if (!checked.has(glueName) || !checked.has(`${stem}_bg.wasm`)) {
  fail("index.html no longer preloads wasm-bindgen's script and wasm with their integrity; has Trunk's output changed?");
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
