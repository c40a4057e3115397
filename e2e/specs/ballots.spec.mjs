// Private ballots on the shared laptop, as a facilitator runs them: each participant decides
// alone by keyboard, nothing of one ballot shows during the next, the results stay hidden
// until the reveal, and the aggregate's numbers come out in its CSV. Typing is
// `page.keyboard.type`, as a person types.
import { test, expect, openApp } from "./fixtures.mjs";

const items = ["Core funding", "Trust with the NHS", "Culturally appropriate services", "Time for relationships", "Service users' voice"];

/** A new workshop with a ranking of `labels`, typed in one by one. */
async function newRanking(page, labels) {
  await openApp(page);
  await page.keyboard.press("n");
  await page.getByRole("button", { name: "Add pair-wise ranking" }).click();
  await page.getByLabel(/New item/).focus();
  for (const label of labels) {
    await page.keyboard.type(label);
    await page.keyboard.press("Enter");
  }
  await expect(page.locator(".item-row")).toHaveCount(labels.length);
  await page.keyboard.press("Escape");
}

/** Decides the pair on the screen by `preference` (labels, best first), with the keys. */
async function decideByPreference(page, preference) {
  const [first, second] = await page.locator(".decide .choice-label").allTextContents();
  await page.keyboard.press(preference.indexOf(first) < preference.indexOf(second) ? "1" : "2");
}

const ready = (page) => page.getByText("Ready for the next participant");

test("three private ballots of five items, by keyboard: each alone, results hidden until the reveal, and the aggregate in its CSV", async ({ page }, testInfo) => {
  await newRanking(page, items);
  await page.keyboard.press("v");
  await expect(ready(page)).toBeVisible();
  await expect(page.locator(".ballot-results")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("ballots-ready-1280x720.png") });
  const preferences = [items, items, [...items].reverse()];
  for (const [n, preference] of preferences.entries()) {
    await page.keyboard.press("Enter");
    await expect(page.locator(".ballot-owner")).toHaveText(`Participant ${n + 1}: your own ballot`);
    // Nothing of the ballot before: the first pair, nothing chosen, an empty reason box.
    await expect(page.locator(".decide .progress")).toHaveText("1 of 10");
    await expect(page.locator(".choice-mark")).toHaveCount(0);
    await expect(page.locator(".revising")).toHaveCount(0);
    const reason = page.getByLabel("Why? The reason the group gave");
    await expect(reason).toHaveValue("");
    await expect(page.locator("main")).not.toContainText("my own reason");
    if (n === 0) {
      // A reason is optional on a ballot, and kept with it.
      await reason.focus();
      await page.keyboard.type("my own reason, participant one");
      await page.keyboard.press("Escape");
    }
    for (let k = 1; k <= 10; k++) {
      await expect(page.locator(".decide .progress")).toHaveText(`${k} of 10`);
      await decideByPreference(page, preference);
    }
    await expect(page.getByText("Your ballot is complete")).toBeVisible();
    if (n === 1) {
      // Revised before handing over: back one pair, and decided again.
      await page.keyboard.press("Backspace");
      await expect(page.locator(".revising")).toBeVisible();
      await decideByPreference(page, preference);
      await expect(page.getByText("Your ballot is complete")).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath("ballot-complete-1280x720.png") });
    }
    await page.keyboard.press("h");
    await expect(ready(page)).toBeVisible();
    await expect(page.locator(".ballot-count")).toHaveText(n === 0 ? "1 ballot handed in." : `${n + 1} ballots handed in.`);
    // Handed over: neither Backspace nor Ctrl+Z brings anything of it back.
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Control+z");
    await expect(ready(page)).toBeVisible();
    await expect(page.locator(".decide")).toHaveCount(0);
    await expect(page.locator(".ballot-results")).toHaveCount(0);
  }
  // The group's own matrix is untouched by the ballots.
  await page.keyboard.press("m");
  await expect(page.locator('table.matrix td.cell[aria-label$="not decided"]')).toHaveCount(10);
  await page.keyboard.press("v");
  await expect(page.locator(".ballot-results")).toHaveCount(0);
  // Before the reveal the ballots' files are not offered either.
  await page.locator("details.exports summary").click();
  await expect(page.getByRole("button", { name: "Ballots CSV", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ballots aggregate CSV" })).toHaveCount(0);
  await page.locator("details.exports summary").click();
  await page.locator("main").focus();
  await page.keyboard.press("o");
  const results = page.locator(".ballot-results");
  await expect(results).toBeVisible();
  await expect(results).toContainText("Bradley–Terry");
  await page.screenshot({ path: testInfo.outputPath("ballots-revealed-1280x720.png"), fullPage: true });

  // The aggregate CSV: every item once, strengths summing to 100, each inside its interval,
  // and the two participants who agree put "Core funding" first.
  await page.locator("details.exports summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Ballots aggregate CSV" }).click()]);
  const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
  // A UTF-8 byte-order mark first, so Excel reads the labels in any script.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const [header, ...rows] = csv.trim().split(/\r?\n/).map((line) => line.split(","));
  expect(rows).toHaveLength(5);
  const column = (name) => header.findIndex((h) => h.toLowerCase().includes(name));
  const [item, strength, low, high, share, rank] = ["item", "strength", "low", "high", "win share", "rank"].map(column);
  expect(Math.min(item, strength, low, high, share, rank), header.join(",")).toBeGreaterThan(-1);
  const total = rows.map((r) => Number(r[strength])).reduce((a, b) => a + b, 0);
  expect(total).toBeCloseTo(100, 1);
  for (const r of rows) {
    expect(Number(r[low])).toBeLessThanOrEqual(Number(r[strength]) + 1e-6);
    expect(Number(r[high])).toBeGreaterThanOrEqual(Number(r[strength]) - 1e-6);
  }
  const first = rows.find((r) => r[rank] === "1");
  expect(first[item]).toBe("Core funding");
  // Two of three ballots put it first and one last: it won 8 of its 12 comparisons.
  expect(Number(first[share])).toBeCloseTo(2 / 3, 2);

  // The reason participant one typed is kept with their ballot.
  const [ballotsFile] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Ballots CSV", exact: true }).click()]);
  const ballotsCsv = Buffer.concat(await (await ballotsFile.createReadStream()).toArray()).toString("utf8");
  expect(ballotsCsv.trim().split(/\r?\n/)).toHaveLength(1 + 3 * 10);
  expect(ballotsCsv.match(/my own reason, participant one/g)).toHaveLength(1);

  // A new ballot hides the results again, and one left half done can be discarded. (Enter
  // on the download button just used would be that button's: the keyboard goes back first.)
  await page.locator("main").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".ballot-results")).toHaveCount(0);
  await expect(page.locator(".ballot-owner")).toHaveText("Participant 4: your own ballot");
  // The participant's Ctrl+Z stops at the start of their ballot: the results stay hidden.
  await page.keyboard.press("Control+z");
  await expect(page.locator(".ballot-owner")).toHaveText("Participant 4: your own ballot");
  await expect(page.locator(".ballot-results")).toHaveCount(0);
  await decideByPreference(page, items);
  await page.getByRole("button", { name: "Discard this ballot" }).click();
  await expect(ready(page)).toBeVisible();
  await expect(page.locator(".ballot-count")).toHaveText("3 ballots handed in.");
});

test("a circle in the group's matrix is listed, and each of its pairs opens to be revisited", async ({ page }) => {
  await newRanking(page, ["Funding", "Trust", "Time"]);
  await page.keyboard.press("d");
  // Funding over Trust, Trust over Time, Time over Funding: a circle.
  const beats = { Funding: "Trust", Trust: "Time", Time: "Funding" };
  for (let k = 0; k < 3; k++) {
    const [first, second] = await page.locator(".decide .choice-label").allTextContents();
    await page.keyboard.press(beats[first] === second ? "1" : "2");
  }
  await expect(page.getByText("Every question is answered.")).toBeVisible();
  await page.keyboard.press("m");
  await expect(page.locator(".triad-summary")).toContainText("Once");
  await expect(page.locator(".triad-summary")).toContainText("ζ = 0.00");
  const steps = page.locator(".triad .triad-pair");
  await expect(steps).toHaveText(["Funding over Trust", "Trust over Time", "Time over Funding"]);
  // The last step opens its pair on the decide screen, marked as a revision; deciding it the
  // other way breaks the circle.
  await steps.nth(2).click();
  await expect(page.locator(".revising")).toBeVisible();
  const [first] = await page.locator(".decide .choice-label").allTextContents();
  await page.keyboard.press(first === "Funding" ? "1" : "2");
  await page.keyboard.press("m");
  await expect(page.locator(".triad-summary")).toContainText("No:");
  await expect(page.locator(".triad")).toHaveCount(0);
});
