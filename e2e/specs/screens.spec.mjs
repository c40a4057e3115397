// Every screen as the room sees it, at the two usual projector sizes, in normal and projector
// mode: nothing runs off the side, and on the projector every diagram's text is drawn at 18 px
// or more (its font size times the screen transform). The screenshots are kept in the test's
// output for a person to look at.
import { readFileSync } from "node:fs";
import { test, expect, openApp, drawnTexts, screenDrawn } from "./fixtures.mjs";

const example = readFileSync(new URL("../../examples/phase-zero-workshop.json", import.meta.url));
const workshop = JSON.parse(example.toString()).workshops[0];
const exerciseOf = (kind, n = 0) => workshop.exercises.filter((e) => e.data[kind])[n];
const hashOf = (exercise, view = "") => `#/w/${workshop.id}/e/${exercise.id}${view ? `/${view}` : ""}`;
const vignettes = readFileSync(new URL("../../examples/vignettes-workshop.json", import.meta.url));
const session = JSON.parse(vignettes.toString()).workshops[0];
const vignetteHash = (view = "") => `#/w/${session.id}/e/${session.exercises[0].id}${view ? `/${view}` : ""}`;
const screens = [
  ["home", "#/"],
  ["workshop", `#/w/${workshop.id}`],
  ["map", hashOf(exerciseOf("organisational_map"))],
  ["venn", hashOf(exerciseOf("power_venn"))],
  ["venn-compare", hashOf(exerciseOf("power_venn"), "compare")],
  ...["items", "decide", "matrix", "results", "reasons", "compare", "ballots"].map((view) => [`ranking-${view}`, hashOf(exerciseOf("pairwise_ranking"), view)]),
  ["session", `#/w/${session.id}`],
  ["vignette-scenario", vignetteHash()],
  ["vignette-question", vignetteHash("q1")],
  ["vignette-next", vignetteHash("next")],
  ["break", `#/w/${session.id}/b/${session.plan.find((item) => item.entry.break).id}`],
];

/** Every visible run of text in `root` outside SVG, with its computed font size. */
function writtenTexts(root) {
  const found = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || element.closest("svg")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || element.closest(".visually-hidden")) continue;
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.clip === "rect(0px, 0px, 0px, 0px)") continue;
    found.push({ text: node.textContent.trim(), px: parseFloat(style.fontSize), left: box.left, right: box.right });
  }
  return found;
}

for (const [width, height] of [[1280, 720], [1920, 1080]]) {
  for (const projector of [false, true]) {
    const mode = projector ? "projector" : "normal";
    test(`every screen at ${width}x${height}, ${mode} mode`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await openApp(page);
      await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "phase-zero.json", mimeType: "application/json", buffer: example });
      await expect(page.locator(".workshop-card")).toHaveCount(1);
      await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "vignettes.json", mimeType: "application/json", buffer: vignettes });
      await expect(page.locator(".workshop-card")).toHaveCount(2);
      if (projector) {
        await page.locator("main").focus();
        await page.keyboard.press("p");
        await expect(page.locator("html")).toHaveClass(/projector/);
      }
      for (const [name, hash] of screens) {
        await page.evaluate((h) => { location.hash = h; }, hash);
        await expect(page.locator("main h1").first()).toBeAttached();
        await expect.poll(() => page.evaluate(() => location.hash)).toBe(hash);
        await screenDrawn(page);
        await page.waitForFunction(() => document.fonts.status === "loaded");
        await page.screenshot({ path: testInfo.outputPath(`${name}-${width}x${height}-${mode}.png`) });
        const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
        expect(scrollWidth, `${name}: no sideways scrolling`).toBeLessThanOrEqual(width);
        // The title bar is one line: every part of it, and every crumb, on the same line.
        const lines = await page.locator(".titlebar").evaluate((bar) => {
          const parts = [...bar.querySelectorAll(".brand, .crumbs a, .crumbs span, .titlebar-actions button")].filter((e) => e.getClientRects().length > 0);
          return { parts: parts.length, rects: parts.map((e) => e.getClientRects().length), middles: parts.map((e) => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; }) };
        });
        expect(lines.parts, `${name}: the title bar has its parts`).toBeGreaterThan(1);
        expect(lines.rects.every((n) => n === 1), `${name}: no part of the title bar wraps`).toBe(true);
        expect(Math.max(...lines.middles) - Math.min(...lines.middles), `${name}: the title bar is one line`).toBeLessThanOrEqual(6);
        if (projector) {
          const small = [...(await drawnTexts(page.locator("main"), "svg text")), ...(await page.locator("main").evaluate(writtenTexts))]
            .filter((t) => t.px < 18 && t.right > t.left)
            .map((t) => `${t.text.slice(0, 30)} ${t.px.toFixed(1)}`);
          expect(small, `${name}: text under 18 px on the projector`).toEqual([]);
        }
      }
    });
  }
}
