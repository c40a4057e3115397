import { test, expect, openApp } from "./fixtures.mjs";

const items = ["Core funding", "Trust with the NHS", "Culturally appropriate services", "Time for relationships", "Service users' voice"];

async function newRanking(page) {
  await openApp(page);
  await page.keyboard.press("n");
  await page.getByRole("button", { name: "Add pair-wise ranking" }).click();
  await expect(page.getByRole("heading", { name: "Pair-wise ranking" })).toBeVisible();
  // Pasting several lines makes one item per line.
  const input = page.getByLabel(/New item/);
  await input.focus();
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, items.join("\n"));
  await expect(page.locator(".item-row")).toHaveCount(5);
  await input.blur();
}

const pairShown = (page) => page.locator(".decide").getAttribute("data-pair");

test("a 5-item matrix decided from the keyboard, resumed after a reload, exported as CSV", async ({ page }, testInfo) => {
  await newRanking(page);
  await page.keyboard.press("d");
  await expect(page.locator(".decide .progress")).toHaveText("1 of 10");
  await page.screenshot({ path: testInfo.outputPath("decide-1280x720.png") });

  // The first pair: a reason, typed without triggering any key action, then "left wins".
  const firstPair = (await pairShown(page)).split("|");
  const reason = page.getByLabel("Why? The reason the group gave");
  await reason.fill("Without core funding nothing else lasts = true");
  await reason.press("Escape");
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator(".decide .progress")).toHaveText("2 of 10");
  // The next pair shares no item with the first, and gets a tie.
  const secondPair = (await pairShown(page)).split("|");
  expect(secondPair.filter((id) => firstPair.includes(id))).toEqual([]);
  await page.keyboard.press("=");
  for (let k = 3; k <= 5; k++) {
    await page.keyboard.press("ArrowRight");
    await expect(page.locator(".decide .progress")).toHaveText(`${k + 1} of 10`);
  }
  const before = await pairShown(page);
  await page.reload();
  await expect(page.locator(".decide .progress")).toHaveText("6 of 10");
  expect(await pairShown(page)).toBe(before);
  for (let k = 6; k <= 10; k++) {
    await page.keyboard.press("1");
    await expect(page.locator(".decide .progress")).toHaveText(k < 10 ? `${k + 1} of 10` : "All 10 pairs decided");
  }

  await page.keyboard.press("r");
  const rows = page.locator("table.scores tbody tr");
  await expect(rows).toHaveCount(5);
  const scoreCells = await page.locator("table.scores tbody tr td:nth-child(5)").allTextContents();
  const total = scoreCells.map(Number).reduce((a, b) => a + b, 0);
  expect(total).toBe(10);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator("details.exports summary").click().then(() => page.getByRole("button", { name: "Scores and ranks CSV" }).click()),
  ]);
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(6);
  const header = lines[0].split(",");
  const scoreColumn = header.findIndex((h) => /score/i.test(h));
  expect(scoreColumn).toBeGreaterThan(-1);
  const csvTotal = lines.slice(1).map((l) => Number(l.split(",")[scoreColumn])).reduce((a, b) => a + b, 0);
  expect(csvTotal).toBe(10);

  const [decisions] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Decisions and reasons CSV" }).click(),
  ]);
  const decisionsCsv = Buffer.concat(await (await decisions.createReadStream()).toArray()).toString("utf8");
  expect(decisionsCsv).toContain("Without core funding nothing else lasts = true");
  expect(decisionsCsv.trim().split(/\r?\n/)).toHaveLength(11);
  expect(decisionsCsv.toLowerCase()).toContain("tie");
});

test("Backspace goes back to revise a pair, and the revision is undoable", async ({ page }) => {
  await newRanking(page);
  await page.keyboard.press("d");
  const first = await pairShown(page);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Backspace");
  expect(await pairShown(page)).toBe(first);
  await expect(page.locator(".revising")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("m");
  const [a, b] = first.split("|");
  const cell = page.locator("table.matrix td.cell").filter({ hasText: /\d/ });
  await expect(cell).toHaveCount(1);
  const rightWins = await cell.getAttribute("aria-label");
  await page.keyboard.press("Control+z");
  const leftWins = await cell.getAttribute("aria-label");
  expect(leftWins).not.toBe(rightWins);
  expect(a).not.toBe(b);

  // A cell is revised from the keyboard as with the mouse: focus it and press Enter.
  await cell.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".revising")).toBeVisible();
  expect((await pairShown(page)).split("|").sort()).toEqual([a, b].sort());
});

test("quick mode is labelled as a different method and orders the items in few questions", async ({ page }) => {
  await newRanking(page);
  await page.getByLabel(/Quick mode: a different, adaptive method/).check();
  await expect(page.locator(".method-badge")).toHaveText("Quick mode: adaptive, not the PLA matrix");
  await page.keyboard.press("d");
  const progress = page.locator(".decide .progress");
  let questions = 0;
  // Always prefer the item on the left; 5 items need at most 7 questions (Ford–Johnson).
  while ((await progress.textContent()).startsWith("Question")) {
    const shown = `Question ${questions + 1} (at most 7)`;
    await expect(progress).toHaveText(shown);
    await page.keyboard.press("ArrowLeft");
    await expect(progress).not.toHaveText(shown);
    questions += 1;
    expect(questions).toBeLessThanOrEqual(7);
  }
  await expect(progress).toHaveText(`All ${questions} questions answered`);
  await expect(page.getByText("Every question is answered.")).toBeVisible();
  await page.keyboard.press("r");
  await expect(page.locator("table.scores tbody tr")).toHaveCount(5);
  await expect(page.locator("table.scores tbody tr td.rank")).toHaveText(["1", "2", "3", "4", "5"]);
});

test("the bar chart exports as PNG at twice its size", async ({ page }) => {
  await newRanking(page);
  await page.keyboard.press("d");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("r");
  await page.locator("details.exports summary").click();
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Chart SVG", exact: true }).click()]);
  const svg = Buffer.concat(await (await svgDownload.createReadStream()).toArray()).toString("utf8");
  const width = Number(/<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg)[1]);
  expect(svg).toContain("Pair-wise ranking");
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Chart PNG 2x", exact: true }).click()]);
  const png = Buffer.concat(await (await pngDownload.createReadStream()).toArray());
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(png.readUInt32BE(16)).toBe(Math.round(width * 2));
});

test("a pair of 80-character labels wraps inside the screen, and Tie, Can't decide and the reason box stay in view in both modes", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("n");
  await page.getByRole("button", { name: "Add pair-wise ranking" }).click();
  const long = [
    "Core funding for community groups that run year after year, not project by project",
    "Trust between the mental-health trust and the community, built slowly over years",
  ];
  for (const label of long) expect(label.length).toBeGreaterThanOrEqual(80);
  const input = page.getByLabel(/New item/);
  for (const label of long) {
    await input.focus();
    await page.keyboard.type(label);
    await page.keyboard.press("Enter");
  }
  await expect(page.locator(".item-row")).toHaveCount(2);
  await page.keyboard.press("Escape");
  await page.keyboard.press("d");
  await expect(page.locator(".decide .progress")).toHaveText("1 of 1");
  const inView = async (locator, what) => {
    const box = await locator.boundingBox();
    expect(box, what).not.toBeNull();
    expect(box.x, what).toBeGreaterThanOrEqual(0);
    expect(box.y, what).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, what).toBeLessThanOrEqual(1280);
    expect(box.y + box.height, what).toBeLessThanOrEqual(720);
  };
  for (const mode of ["normal", "projector"]) {
    if (mode === "projector") {
      await page.keyboard.press("p");
      await expect(page.locator("html")).toHaveClass(/projector/);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: test.info().outputPath(`decide-long-${mode}.png`) });
    for (const label of long) await inView(page.locator(".choice-label", { hasText: label }), `${mode}: ${label}`);
    await inView(page.getByRole("button", { name: /^Tie/ }), `${mode}: Tie`);
    await inView(page.getByRole("button", { name: /^Can't decide/ }), `${mode}: Can't decide`);
    await inView(page.getByLabel("Why? The reason the group gave"), `${mode}: the reason box`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${mode}: no sideways scrolling`).toBeLessThanOrEqual(1280);
  }
});

test("an Arabic item's matrix row reads its number first, its label isolated", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("n");
  await page.getByRole("button", { name: "Add pair-wise ranking" }).click();
  const input = page.getByLabel(/New item/);
  for (const label of ["مركز المجتمع", "Core funding"]) {
    await input.focus();
    await page.keyboard.type(label);
    await page.keyboard.press("Enter");
  }
  await expect(page.locator(".item-row")).toHaveCount(2);
  await page.keyboard.press("Escape");
  await page.keyboard.press("m");
  const row = page.locator("table.matrix tbody th").first();
  await expect(row).toHaveText("1. مركز المجتمع");
  // The number and its dot stay outside the label's own direction, on the left.
  await expect(row.locator("bdi")).toHaveText("مركز المجتمع");
  expect(await row.evaluate((th) => getComputedStyle(th).direction)).toBe("ltr");
  const [numberBox, labelBox] = await row.evaluate((th) => {
    const range = document.createRange();
    range.setStart(th.firstChild, 0);
    range.setEnd(th.firstChild, 2);
    return [range.getBoundingClientRect().left, th.querySelector("bdi").getBoundingClientRect().left];
  });
  expect(numberBox).toBeLessThan(labelBox);
});

test("on the projector at 1280x720 the results chart's text is at least 18 px", async ({ page }) => {
  await newRanking(page);
  await page.keyboard.press("d");
  for (let i = 0; i < 10; i++) {
    await expect(page.locator(".decide .progress")).toHaveText(`${i + 1} of 10`);
    await page.keyboard.press(i % 3 === 0 ? "=" : "ArrowLeft");
  }
  await page.keyboard.press("r");
  await page.keyboard.press("p");
  await expect(page.locator("html")).toHaveClass(/projector/);
  const sizes = await page.locator(".chart svg").evaluate((svg) =>
    [...svg.querySelectorAll("text")].map((t) => Number(t.getAttribute("font-size") ?? getComputedStyle(t).fontSize.replace("px", "")) * t.getScreenCTM().a),
  );
  expect(sizes.length).toBeGreaterThan(5);
  expect(Math.min(...sizes), `chart text sizes ${sizes.map((s) => s.toFixed(1)).join(", ")}`).toBeGreaterThanOrEqual(18);
  const box = await page.locator(".chart svg").boundingBox();
  expect(box.y + box.height, "the chart is on the screen").toBeLessThanOrEqual(720);
});

test("a 30-item matrix fits 1280 px wide, in both modes, with no sideways scrolling", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("n");
  await page.getByRole("button", { name: "Add pair-wise ranking" }).click();
  const input = page.getByLabel(/New item/);
  await input.focus();
  const thirty = Array.from({ length: 30 }, (_, i) => `Priority number ${i + 1} for the community`);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, thirty.join("\n"));
  await expect(page.locator(".item-row")).toHaveCount(30);
  await page.keyboard.press("Escape");
  await page.keyboard.press("m");
  await expect(page.locator("table.matrix tbody tr")).toHaveCount(30);
  for (const mode of ["normal", "projector"]) {
    if (mode === "projector") {
      await page.keyboard.press("p");
      await expect(page.locator("html")).toHaveClass(/projector/);
    }
    const { right, scroll, numberSize } = await page.evaluate(() => ({
      right: document.querySelector("table.matrix").getBoundingClientRect().right,
      scroll: document.documentElement.scrollWidth,
      numberSize: parseFloat(getComputedStyle(document.querySelector("table.matrix thead th:last-child")).fontSize),
    }));
    expect(right, `${mode}: the matrix's right edge`).toBeLessThanOrEqual(1280);
    expect(scroll, `${mode}: the page's width`).toBeLessThanOrEqual(1280);
    expect(numberSize, `${mode}: the column numbers' size`).toBeGreaterThanOrEqual(16);
  }
});
