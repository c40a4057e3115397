// Shared set-up for every spec: each page records console errors and every request, so a
// test can assert that nothing went wrong and nothing left the machine. Every test, asked or
// not, ends by checking that Leptos never warned of a signal read where nothing tracks it (a
// value that would silently stop updating on screen).
import { test as base, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const test = base.extend({
  watched: [async ({ page, baseURL }, use) => {
    const consoleErrors = [];
    const consoleWarnings = [];
    const foreignRequests = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
      if (message.type() === "warning") consoleWarnings.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(String(error)));
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(baseURL) && !url.startsWith("blob:") && !url.startsWith("data:")) {
        foreignRequests.push(url);
      }
    });
    await use({ consoleErrors, consoleWarnings, foreignRequests });
    expect(consoleWarnings.filter((w) => /reactive|tracking/i.test(w)), "reactive-tracking warnings").toEqual([]);
  }, { auto: true }],
});

/** Opens the app on a clean origin and waits until it has mounted. */
export async function openApp(page, path = "/") {
  await page.goto(path);
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
}

/**
 * Goes to `hash` as a link would, and waits until that screen is drawn: the app has followed
 * the address, and no module loaded on demand (an editor, the report) is still on its way.
 */
export async function goTo(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(hash);
  await screenDrawn(page);
}

/** Waits a frame (the app draws a change within it), then for any module still loading. */
export async function screenDrawn(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  await expect(page.locator(".on-demand-loading")).toHaveCount(0);
}

export { expect };

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core on the page as it is and returns the serious and critical violations,
 * readably. axe goes in as an inline script, so the test must `test.use({ bypassCSP: true })`.
 */
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ content: axeSource });
  }
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** The projector's big map: 31 actors in six groups, with 40 links of four kinds, scattered as
 *  a group drew them. The native layout test (`tests/orgmap/layout.rs`) reads the same file. */
export function thirtyOneActorFile() {
  return readFileSync(new URL("../../tests/fixtures/thirty-one-actors.json", import.meta.url));
}

/** Every `text` in `svg` (or those matching `selector`) as the screen draws it: its font size
 *  times the screen transform, and its box on the screen. */
export async function drawnTexts(locator, selector = "text") {
  return locator.evaluate((svg, selector) => [...svg.querySelectorAll(selector)].filter((t) => t.textContent.trim() !== "").map((t) => {
    const size = Number(t.getAttribute("font-size") ?? getComputedStyle(t).fontSize.replace("px", ""));
    const box = t.getBoundingClientRect();
    return { text: t.textContent, px: size * t.getScreenCTM().a, left: box.left, top: box.top, right: box.right, bottom: box.bottom };
  }), selector);
}
