// Shared set-up for every spec: each page records console errors and every request, so a
// test can assert that nothing went wrong and nothing left the machine. Every test, asked or
// not, ends by checking that Leptos never warned of a signal read where nothing tracks it (a
// value that would silently stop updating on screen).
import { test as base, expect } from "@playwright/test";

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

export { expect };
