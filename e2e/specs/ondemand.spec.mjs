// Code loaded on demand (issue #17): the first load is the shell and the list of workshops;
// each editor, the report and the file makers are wasm modules of their own, fetched the
// first time they are asked for, and held by the service worker for use with no network.
import { test, expect, openApp, seriousViolations } from "./fixtures.mjs";

/** Every path the page asks for from now on. */
function requestedPaths(page) {
  const paths = [];
  page.on("request", (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}
const onDemandModules = (paths) => paths.filter((p) => /^\/(split|chunk)_[^/]*\.wasm$/.test(p));

/** A new workshop with a power Venn diagram of one institution, typed as a facilitator types. */
async function vennWithOneCircle(page) {
  await page.keyboard.press("n");
  await addVennWithOneCircle(page);
}

/** On a workshop's page: a power Venn diagram, and one institution typed into it. */
async function addVennWithOneCircle(page) {
  await page.getByRole("button", { name: "Add power venn diagram" }).click();
  const input = page.getByLabel("New institution (Enter adds it)");
  await input.click();
  await page.keyboard.type("Citizens Advice");
  await page.keyboard.press("Enter");
  await expect(page.locator('g.institution[aria-label^="Citizens Advice:"]')).toHaveCount(1);
  await expect(input).toBeFocused();
}

async function downloadDiagramSvg(page) {
  await page.locator(".venn details.exports summary").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Diagram SVG" }).click(),
  ]);
  return Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
}

test("the first load is the shell alone; a workshop's page, an editor, its export and the report arrive on first use", async ({ page, watched }) => {
  const paths = requestedPaths(page);
  await openApp(page);
  await expect(page.getByRole("heading", { name: "Workshops" })).toBeVisible();
  expect(paths.some((p) => /_bg\.wasm$/.test(p)), "the app's own module").toBe(true);
  expect(onDemandModules(paths), "modules loaded before they were asked for").toEqual([]);
  // One script and one stylesheet: a cold load keeps the CPU busy, so every request it
  // saves is time saved (README, Benchmark). The service worker's own script comes later.
  expect(paths.filter((p) => p.endsWith(".js") && p !== "/sw.js"), "scripts").toHaveLength(1);
  expect(paths.filter((p) => p.endsWith(".css")), "stylesheets").toHaveLength(1);
  expect(watched.consoleWarnings, "warnings while the first load starts").toEqual([]);
  // The script asks V8 to compile it as it streams in, off the main thread.
  const script = paths.find((p) => /^\/pla-workshop-[0-9a-f]+\.js$/.test(p));
  const text = await page.evaluate(async (path) => (await fetch(path)).text(), script);
  expect(text.split("\n")[0]).toBe("//# allFunctionsCalledOnLoad");

  await page.keyboard.press("n");
  await expect(page.locator("#field-title")).toBeFocused();
  expect(onDemandModules(paths).some((p) => p.startsWith("/split_pages")), "the pages' module").toBe(true);
  expect(onDemandModules(paths).some((p) => p.startsWith("/split_editors")), "the editors, before an exercise is opened").toBe(false);

  await addVennWithOneCircle(page);
  expect(onDemandModules(paths).some((p) => p.startsWith("/split_editors")), "the editors' module").toBe(true);

  const svg = await downloadDiagramSvg(page);
  expect(svg).toContain("Citizens Advice");
  expect(svg).toContain("<metadata");
  // The report and the other file makers are a module of their own, fetched with the report.
  expect(onDemandModules(paths).some((p) => p.startsWith("/split_files")), "the files' module, before the report").toBe(false);
  await page.locator(".crumbs a").click();
  await page.locator("main").focus();
  await page.keyboard.press("r");
  await expect(page.locator(".report h1")).toHaveText("New workshop");
  expect(onDemandModules(paths).some((p) => p.startsWith("/split_files")), "the files' module").toBe(true);
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.foreignRequests).toEqual([]);
});

test("after one visit, every module loaded on demand comes from the service worker with the network off", async ({ page, context, watched }) => {
  const paths = requestedPaths(page);
  await openApp(page);
  // The one visit: the list of workshops, and the worker installed with every file.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  expect(onDemandModules(paths), "modules fetched by the page itself").toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  await vennWithOneCircle(page);
  expect(await downloadDiagramSvg(page)).toContain("Citizens Advice");
  await page.locator(".crumbs a").click();
  await page.locator("main").focus();
  await page.keyboard.press("r");
  await expect(page.locator(".report h1")).toHaveText("New workshop");
  await context.setOffline(false);
  expect(watched.consoleErrors).toEqual([]);
});

test.describe("before the service worker has stored the app", () => {
  // No worker: the page itself fetches each module, as on a first visit whose worker has not
  // finished installing when the network goes.
  // bypassCSP: axe goes into the page as an inline script.
  test.use({ serviceWorkers: "block", bypassCSP: true });

  test("an editor that cannot be fetched says so, with Try again, instead of stopping the app; it opens once the network is back", async ({ page, watched }) => {
    await openApp(page);
    await page.keyboard.press("n");
    await expect(page.locator("#field-title")).toBeFocused();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Hall with no wifi");
    // The network goes before the editors' module has ever been fetched.
    const editorsModule = /\/(split_editors|chunk_)[^/]*\.wasm$/;
    await page.route(editorsModule, (route) => route.abort("internetdisconnected"));
    await page.getByRole("button", { name: "Add power venn diagram" }).click();
    const notHere = page.getByRole("alert").filter({ hasText: "This screen could not be opened." });
    await expect(notHere).toBeVisible();
    await expect(notHere).toContainText("Connect to the internet and try again");
    await expect(page.locator("#crash-overlay")).toHaveCount(0);
    // The rest of the app carries on: the title bar's way home, and the workshop just typed.
    await expect(page.locator(".crumbs a")).toHaveText("Hall with no wifi");
    expect(watched.consoleErrors.length, "the loader reports the failed fetch").toBeGreaterThan(0);
    expect(await seriousViolations(page), "axe, the message in place of the editor").toEqual([]);
    await page.locator("main").focus();
    await page.keyboard.press("p");
    await expect(page.locator("html")).toHaveClass(/projector/);
    expect(await seriousViolations(page), "axe, the message in projector mode").toEqual([]);
    await expect(notHere.getByRole("button", { name: "Try again" })).toBeVisible();
    await page.keyboard.press("p");

    await page.unroute(editorsModule);
    await notHere.getByRole("button", { name: "Try again" }).focus();
    await page.keyboard.press("Enter");
    const input = page.getByLabel("New institution (Enter adds it)");
    await expect(input).toBeVisible();
    await input.click();
    await page.keyboard.type("Citizens Advice");
    await page.keyboard.press("Enter");
    await expect(page.locator('g.institution[aria-label^="Citizens Advice:"]')).toHaveCount(1);
    await expect(notHere).toHaveCount(0);
  });
});
