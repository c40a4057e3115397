import { readFileSync } from "node:fs";
import { test, expect, openApp } from "./fixtures.mjs";

const example = readFileSync(new URL("../../examples/phase-zero-workshop.json", import.meta.url));
const names = ["NHS trust", "Council", "Mosque", "Pentecostal church", "GP surgery", "مركز المجتمع"];

// A circle's accessible name starts with its label (wrapped labels split the drawn text).
const circle = (page, label) => page.locator(`g.institution[aria-label^="${label}:"]`);
// Where a circle is drawn: its centre, as the picture shows it.
const transformOf = async (page, label) => {
  const disc = circle(page, label).locator("circle").first();
  return `${await disc.getAttribute("cx")} ${await disc.getAttribute("cy")}`;
};

async function newVenn(page) {
  await openApp(page);
  await page.keyboard.press("n");
  await page.getByRole("button", { name: "Add power venn diagram" }).click();
  const input = page.getByLabel("New institution (Enter adds it)");
  for (const name of names) {
    await input.fill(name);
    await input.press("Enter");
  }
  await expect(page.locator("g.institution")).toHaveCount(6);
  await input.blur();
}

test("a diagram of six institutions built by mouse and keyboard, with its meaning in the table", async ({ page, watched }, testInfo) => {
  await newVenn(page);
  // Mouse: drag the NHS trust into the middle of the community.
  const box = await circle(page, "NHS trust").locator("circle").first().boundingBox();
  const paper = await page.locator(".venn-paper").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 10; step++) {
    await page.mouse.move(
      box.x + box.width / 2 + ((paper.x + paper.width / 2 - (box.x + box.width / 2)) * step) / 10,
      box.y + box.height / 2 + ((paper.y + paper.height / 2 - (box.y + box.height / 2)) * step) / 10,
    );
  }
  await page.mouse.up();
  await expect(page.getByLabel("Closeness of NHS trust")).toHaveValue("inside");

  // Keyboard: Tab to the mosque, move it and make it bigger.
  await circle(page, "Mosque").focus();
  const before = await transformOf(page, "Mosque");
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("ArrowUp");
  await expect(circle(page, "Mosque")).toBeFocused();
  expect(await transformOf(page, "Mosque")).not.toBe(before);
  await page.getByLabel("Size of Mosque").selectOption("large");
  await expect(page.getByLabel("Size of Mosque")).toHaveValue("large");

  // The table moves a circle: "far" puts the council far away.
  await page.getByLabel("Closeness of Council").selectOption("far");
  await expect(page.getByLabel("Closeness of Council")).toHaveValue("far");
  await page.getByLabel("Relation of Council").selectOption("threat");
  await expect(circle(page, "Council").locator("text.mark")).toHaveText("✕");
  await page.evaluate(() => document.activeElement.blur());
  await page.screenshot({ path: testInfo.outputPath("venn-1280x720.png") });
  await page.keyboard.press("p");
  await page.screenshot({ path: testInfo.outputPath("venn-projector-1280x720.png") });
  expect(watched.consoleErrors).toEqual([]);
});

test("a drag is one undo step", async ({ page }) => {
  await newVenn(page);
  const start = await transformOf(page, "Council");
  const box = await circle(page, "Council").locator("circle").first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 12; step++) await page.mouse.move(box.x + box.width / 2 + step * 10, box.y + box.height / 2 + step * 5);
  await page.mouse.up();
  await expect.poll(() => transformOf(page, "Council")).not.toBe(start);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => transformOf(page, "Council")).toBe(start);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect.poll(() => transformOf(page, "Council")).not.toBe(start);
});

test("two diagrams compared, then the SVG exported and imported back", async ({ page }, testInfo) => {
  await openApp(page);
  await page.locator('input[type="file"]').setInputFiles({ name: "phase-zero.json", mimeType: "application/json", buffer: example });
  await page.getByRole("link", { name: "Phase zero: how coproduction works" }).click();
  await page.getByRole("link", { name: "Venn — ideal" }).click();
  await page.getByRole("button", { name: "Compare with another diagram" }).click();
  await page.getByLabel(/Compare with/).selectOption({ label: "Venn — now (Phase zero: how coproduction works)" });
  const changes = page.locator("table.changes");
  await expect(changes).toContainText("NHS mental-health trust");
  await expect(changes.locator("tr", { hasText: "NHS mental-health trust" })).toContainText("closer");
  await expect(changes.locator("tr", { hasText: "NHS mental-health trust" })).toContainText("neutral → ally");
  await page.screenshot({ path: testInfo.outputPath("venn-compare-1280x720.png"), fullPage: false });
  await page.getByRole("button", { name: "Compare with another diagram" }).click();

  await page.locator(".venn details.exports summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Diagram SVG" }).click()]);
  const svg = Buffer.concat(await (await download.createReadStream()).toArray());
  expect(svg.toString("utf8")).toContain("<metadata");
  await page.locator(".crumbs a").click();
  await page.locator('input[accept=".svg,image/svg+xml"]').setInputFiles({ name: "ideal-copy.svg", mimeType: "image/svg+xml", buffer: svg });
  await page.getByRole("link", { name: "ideal-copy" }).click();
  await expect(page.locator("g.institution")).toHaveCount(6);
  await expect(circle(page, "Churches and mosques")).toBeVisible();
});

test("an emoji-labelled circle's label sits where the export puts it", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("n");
  await page.getByRole("button", { name: "Add power venn diagram" }).click();
  const label = "🏥 Health centre 🏥🏥";
  await page.getByLabel("New institution (Enter adds it)").focus();
  await page.keyboard.type(label);
  await page.keyboard.press("Enter");
  await expect(circle(page, label)).toHaveCount(1);
  await page.keyboard.press("Escape");
  // On the screen: the label's first line, from the circle's centre.
  const disc = circle(page, label).locator("circle").first();
  const [cx, cy] = [Number(await disc.getAttribute("cx")), Number(await disc.getAttribute("cy"))];
  const line = page.locator("g.venn-labels tspan", { hasText: "🏥" }).first();
  const screen = { text: await line.textContent(), dx: Number(await line.getAttribute("x")) - cx, dy: Number(await line.getAttribute("y")) - cy };
  // In the exported SVG: the same line, from the same circle's centre.
  await page.locator(".venn details.exports summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Diagram SVG" }).click()]);
  const svg = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  const exported = await page.evaluate(([svg, label, text]) => {
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    const group = [...doc.querySelectorAll("g")].find((g) => g.querySelector("title")?.textContent.startsWith(`${label}:`));
    const disc = group.querySelector("circle");
    const line = [...doc.querySelectorAll("text")].find((t) => t.textContent === text);
    return { text: line.textContent, dx: Number(line.getAttribute("x")) - Number(disc.getAttribute("cx")), dy: Number(line.getAttribute("y")) - Number(disc.getAttribute("cy")) };
  }, [svg, label, screen.text]);
  expect(exported.text).toBe(screen.text);
  // (The export writes its numbers to a tenth of a unit.)
  expect(exported.dx).toBeCloseTo(screen.dx, 0);
  expect(exported.dy).toBeCloseTo(screen.dy, 0);
});
