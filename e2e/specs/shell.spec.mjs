import { test, expect, openApp } from "./fixtures.mjs";

test("the app loads with no console error and no request beyond the loopback server", async ({ page, watched }) => {
  await openApp(page);
  await expect(page.getByRole("heading", { name: "Workshops" })).toBeVisible();
  await expect(page.getByRole("link", { name: "PLA Workshop: all workshops" })).toBeVisible();
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.foreignRequests).toEqual([]);
});

test("opening the app adds no step to the browser's history: the first Back leaves it", async ({ page }) => {
  await page.goto("about:blank");
  await openApp(page);
  await expect(page.getByRole("heading", { name: "Workshops" })).toBeVisible();
  // The app writes its address (#/) in place of the one it opened at.
  await expect.poll(() => page.evaluate(() => location.hash)).toBe("#/");
  await page.goBack();
  expect(page.url()).toBe("about:blank");
});

test("the page carries a Content-Security-Policy that allows only its own origin", async ({ page }) => {
  await openApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain("unsafe-inline");
  // No inline script survives the build: the loader is a file of its own.
  const inlineScripts = await page.locator("script:not([src])").count();
  expect(inlineScripts).toBe(0);
});

test("projector mode toggles from the keyboard and hides editing chrome", async ({ page }, testInfo) => {
  await openApp(page);
  const newWorkshop = page.getByRole("button", { name: "New workshop" });
  await expect(newWorkshop).toBeVisible();
  const normalSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));

  await page.keyboard.press("p");
  await expect(page.locator("html")).toHaveClass(/projector/);
  await expect(newWorkshop).toBeHidden();
  const projectorSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(projectorSize).toBeGreaterThanOrEqual(24);
  expect(projectorSize).toBeGreaterThan(normalSize);
  await page.screenshot({ path: testInfo.outputPath("projector-1280x720.png") });

  await page.keyboard.press("p");
  await expect(page.locator("html")).not.toHaveClass(/projector/);
  await expect(newWorkshop).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("shell-1280x720.png") });
});

test("projector mode and theme are remembered after a reload", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("t");
  await page.keyboard.press("p");
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("html")).toHaveClass(/projector/);
});

test("? lists the keys of the screen, and Escape closes the list", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keys for this screen" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Projector mode");
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("B blacks the screen out and any key brings the picture back", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("b");
  await expect(page.locator(".blackout")).toBeVisible();
  await page.keyboard.press("PageDown");
  await expect(page.locator(".blackout")).toBeHidden();
});

test("a crash shows the overlay with a backup to download", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("n");
  await expect(page.getByRole("heading", { name: "New workshop" })).toBeVisible();
  // Debug builds (which the suite runs) panic on this event, as a bug in a handler would.
  await page.evaluate(() => window.dispatchEvent(new CustomEvent("pla-test-panic")));
  const overlay = page.getByRole("alertdialog");
  await expect(overlay).toContainText("Something went wrong. Your work up to the last change is saved.");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    overlay.getByRole("link", { name: "Download a backup" }).click(),
  ]);
  const text = await (await download.createReadStream()).toArray();
  const backup = JSON.parse(Buffer.concat(text).toString("utf8"));
  expect(backup.format).toBe("pla-workshop");
  expect(backup.workshops.map((w) => w.title)).toEqual(["New workshop"]);
});
