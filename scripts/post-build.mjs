// Trunk post-build hook (runs on every build, in Trunk's staging directory):
// 1. Moves Trunk's inline module script (which loads the wasm) into a file of its own, so the
//    Content-Security-Policy can forbid every inline script.
// 2. In a release build, minifies wasm-bindgen's script (Trunk minifies the HTML and CSS but
//    leaves that script as it is) and puts its new hash in the page's integrity attribute.
// 3. Writes the service worker from static/sw.template.js with the list of every built file,
//    so the app loads and works offline after the first visit.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "../tools/node_modules/esbuild/lib/main.js";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; Trunk runs this script.");
  process.exit(1);
}
const sha = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);

const indexPath = join(dir, "index.html");
const html = readFileSync(indexPath, "utf8");
// A release build's HTML is minified, which drops the quotes: `<script type=module>`.
const inline = /<script type="?module"?(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
let count = 0;
const rewritten = html.replace(inline, (_whole, body) => {
  count += 1;
  const name = `boot-${sha(body)}.js`;
  writeFileSync(join(dir, name), body);
  return `<script type="module" src="/${name}"></script>`;
});
if (count === 0) {
  console.error("post-build: no inline module script in index.html; has Trunk's output changed?");
  process.exit(1);
}

// Measured 2026-12-02: 60,938 → 27,775 bytes, 10,097 → 7,902 gzipped (issue #17). Debug builds
// keep the script readable for the tests' stack traces.
let page = rewritten;
if (process.env.TRUNK_PROFILE === "release") {
  const glue = /<link[^>]*\bhref="?\/([^"\s>]+\.js)"?[^>]*>/g;
  let minified = 0;
  page = page.replace(glue, (tag, name) => {
    if (!/\brel="?modulepreload"?/.test(tag)) return tag;
    const path = join(dir, name);
    const { code } = transformSync(readFileSync(path, "utf8"), {
      minify: true,
      format: "esm",
      target: "es2020",
    });
    writeFileSync(path, code);
    minified += 1;
    const integrity = "sha384-" + createHash("sha384").update(code).digest("base64");
    return tag.replace(/\bintegrity="?[^"\s>]+"?/, `integrity="${integrity}"`);
  });
  if (minified !== 1) {
    console.error(`post-build: expected wasm-bindgen's one script in index.html, found ${minified}.`);
    process.exit(1);
  }
}
writeFileSync(indexPath, page);

const assets = readdirSync(dir).filter((name) => name !== "sw.js" && !name.startsWith("."));
const version = sha(assets.map((name) => name + sha(readFileSync(join(dir, name)))).join("\n"));
const template = readFileSync(new URL("../static/sw.template.js", import.meta.url), "utf8");
const worker = template
  .replace("__VERSION__", version)
  .replace("__ASSETS__", JSON.stringify(["/", ...assets.map((name) => `/${name}`)]));
writeFileSync(join(dir, "sw.js"), worker);
