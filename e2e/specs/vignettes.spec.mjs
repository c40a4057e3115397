// Vignettes and the running order, as a facilitator runs a session from the clicker: Page
// Down alone steps through each vignette's parts, the break and the next vignette; the
// note-taker types the group's responses (with `page.keyboard.type`) under the question on
// the screen; the projector's clock shows the time left and says when it is up.
import { readFileSync } from "node:fs";
import { test, expect, openApp } from "./fixtures.mjs";

const file = readFileSync(new URL("../../examples/vignettes-workshop.json", import.meta.url));
const workshop = JSON.parse(file.toString()).workshops[0];
const [crisis, funding] = workshop.exercises;
const vignette = (exercise) => exercise.data.vignette;
const breakItem = workshop.plan.find((item) => item.entry.break);

async function withVignettes(page) {
  await openApp(page);
  await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "vignettes.json", mimeType: "application/json", buffer: file });
  await expect(page.locator(".workshop-card")).toHaveCount(1);
  await page.evaluate((h) => { location.hash = h; }, `#/w/${workshop.id}`);
  await expect(page.locator("main h1")).toHaveText(workshop.title);
  await page.locator("main").focus();
}

const part = (page) => page.locator(".vignette-part");

test("a session stepped through by Page Down alone: each vignette's parts, the break, the next vignette, and back", async ({ page }, testInfo) => {
  await withVignettes(page);
  await page.keyboard.press("p");
  await expect(page.locator("html")).toHaveClass(/projector/);
  await page.keyboard.press("PageDown");
  await expect(page.locator("main h1")).toHaveText(crisis.title);
  await expect(part(page)).toContainText(vignette(crisis).scenario.split("\n")[0].slice(0, 60));
  await page.screenshot({ path: testInfo.outputPath("vignette-scenario-1280x720.png") });
  const questions = vignette(crisis).questions;
  for (const [i, question] of questions.entries()) {
    await page.keyboard.press("PageDown");
    await expect(part(page).locator(".part-label")).toHaveText(`Question ${i + 1} of ${questions.length}`);
    await expect(part(page).locator(".question-text")).toHaveText(question.text);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  }
  await page.screenshot({ path: testInfo.outputPath("vignette-question-1280x720.png") });
  await page.keyboard.press("PageDown");
  await expect(part(page).locator(".part-label")).toHaveText("What happened next");
  await expect(part(page)).toContainText(vignette(crisis).next_part.slice(0, 40));
  // On to the break, then the next vignette.
  await page.keyboard.press("PageDown");
  await expect(page.locator("main h1")).toHaveText(breakItem.entry.break.title);
  await page.keyboard.press("PageDown");
  await expect(page.locator("main h1")).toHaveText(funding.title);
  await expect(part(page)).toContainText(vignette(funding).scenario.slice(0, 40));
  // And back: the break, then the first vignette at its last part.
  await page.keyboard.press("PageUp");
  await expect(page.locator("main h1")).toHaveText(breakItem.entry.break.title);
  await page.keyboard.press("PageUp");
  await expect(page.locator("main h1")).toHaveText(crisis.title);
  await expect(part(page).locator(".part-label")).toHaveText("What happened next");
  // The black screen works here as everywhere.
  await page.keyboard.press("b");
  await expect(page.locator(".blackout.on")).toHaveCount(1);
  await page.keyboard.press("PageDown");
  await expect(page.locator(".blackout.on")).toHaveCount(0);
  await expect(part(page).locator(".part-label")).toHaveText("What happened next");
});

test("responses typed under the question on the screen, tagged, kept after a reload, and exported as CSV", async ({ page }) => {
  await withVignettes(page);
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  await expect(part(page).locator(".part-label")).toHaveText(/^Question 1 of/);
  const input = page.getByLabel("New response (Enter adds it)");
  await input.focus();
  await page.keyboard.type("The pastor knows him = trusted; nobody asked him");
  await page.keyboard.press("Enter");
  await expect(page.locator(".response-row")).toHaveCount(1);
  await expect(input).toBeFocused();
  await expect(input).toHaveValue("");
  await page.keyboard.type("His sister, who speaks for the family");
  await page.keyboard.press("Enter");
  await expect(page.locator(".response-row")).toHaveCount(2);
  // The clicker still steps while the caret is in the response field.
  await page.keyboard.press("PageDown");
  await expect(part(page).locator(".part-label")).toHaveText(/^Question 2 of/);
  await page.keyboard.press("PageUp");
  await expect(part(page).locator(".part-label")).toHaveText(/^Question 1 of/);
  const first = page.locator(".response-row").first();
  await first.getByLabel("relational").check();
  await first.getByLabel("symbolic").check();
  await first.getByLabel("Said by").selectOption({ label: "Community organisations" });
  // A reload in the middle keeps the question on the screen and every response.
  await page.reload();
  await expect(part(page).locator(".part-label")).toHaveText(/^Question 1 of/);
  await expect(page.locator(".response-row")).toHaveCount(2);
  await expect(page.locator(".response-row").first().getByLabel("relational")).toBeChecked();
  // The next question has none of them.
  await page.locator("main").focus();
  await page.keyboard.press("PageDown");
  await expect(part(page).locator(".part-label")).toHaveText(/^Question 2 of/);
  await expect(page.locator(".response-row")).toHaveCount(0);

  await page.locator(".vignette details.exports summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Responses CSV" }).click()]);
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain("The pastor knows him = trusted; nobody asked him");
  expect(lines[1]).toContain("symbolic; relational");
  expect(lines[1]).toContain("Community organisations");
  expect(lines[2]).toContain("His sister, who speaks for the family");
});

test("the running order: planned against actual, reordered from the keyboard, and the clock on the projector", async ({ page }, testInfo) => {
  await withVignettes(page);
  // The page's clock is the test's from here on, so minutes pass without waiting for them.
  // The clock's own timer starts when it is shown (below), so it runs on the test's clock.
  await page.clock.install();
  const rows = page.locator(".plan-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).locator(".plan-title")).toHaveValue(breakItem.entry.break.title);
  // Alt+↓ on the first step moves it after the break.
  await rows.first().getByRole("button", { name: /later/ }).focus();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(rows.nth(0).locator(".plan-title")).toHaveValue(breakItem.entry.break.title);
  await expect(rows.nth(1)).toContainText(crisis.title);
  await page.keyboard.press("Control+z");
  await expect(rows.nth(0)).toContainText(crisis.title);

  // On the projector, the first step comes on the screen and the clock counts down.
  await page.locator("main").focus();
  await page.keyboard.press("p");
  await page.keyboard.press("PageDown");
  await expect(page.locator("main h1")).toHaveText(crisis.title);
  const clock = page.locator(".clock");
  await expect(clock).toHaveCount(0);
  await page.keyboard.press("a");
  await expect(clock).toHaveText("30 min left");
  await page.clock.runFor("10:00");
  await expect(clock).toHaveText("20 min left");
  await page.screenshot({ path: testInfo.outputPath("clock-1280x720.png") });
  // The clock is in the title bar, never over the exercise.
  const clockBox = await clock.boundingBox();
  const mainBox = await page.locator("main").boundingBox();
  expect(clockBox.y + clockBox.height).toBeLessThanOrEqual(mainBox.y + 1);
  await page.clock.runFor("25:00");
  await expect(clock).toHaveText("⚠ Time is up: 5 min over");
  await expect(clock).toHaveClass(/over/);
  await page.screenshot({ path: testInfo.outputPath("clock-over-1280x720.png") });
  await page.keyboard.press("a");
  await expect(clock).toHaveCount(0);

  // Back on the laptop, the plan says how long it ran.
  await page.keyboard.press("p");
  await page.evaluate((h) => { location.hash = h; }, `#/w/${workshop.id}`);
  await expect(rows.first().locator(".plan-actual")).toHaveText("35 min on screen (over)");
});
