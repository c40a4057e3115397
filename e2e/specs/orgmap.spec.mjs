import { test, expect, openApp, thirtyOneActorFile, drawnTexts } from "./fixtures.mjs";

const actors = ["Coproduction network", "Pentecostal church", "Mosque women's group", "NHS trust", "Council public health", "Service users' forum"];
const actor = (page, name) => page.locator(`g.actor[aria-label^="${name}:"]`);

async function newMap(page) {
  await openApp(page);
  await page.keyboard.press("n");
  await page.getByRole("button", { name: "Add organisational map" }).click();
  const input = page.getByLabel(/New actor/);
  for (const name of actors) {
    await input.fill(name);
    await input.press("Enter");
  }
  await expect(page.locator("g.actor")).toHaveCount(6);
  await input.blur();
}

/** Draws a link from the keyboard: focus the actor, L, choose the other actor and the kind, Enter. */
async function linkByKeyboard(page, from, to, kindLabel) {
  await actor(page, from).focus();
  await page.keyboard.press("l");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("To").selectOption({ label: to });
  await dialog.getByLabel("Kind").selectOption({ label: kindLabel });
  await dialog.getByLabel("To").press("Enter");
  await expect(dialog).toBeHidden();
}

test("a six-actor map with three link kinds, from the keyboard and with the mouse", async ({ page, watched }, testInfo) => {
  await newMap(page);
  await page.getByRole("button", { name: "Arrange automatically" }).click();
  await linkByKeyboard(page, "Coproduction network", "Pentecostal church", "Partnership / trust");
  await linkByKeyboard(page, "NHS trust", "Coproduction network", "Staff / secondment");
  await linkByKeyboard(page, "Council public health", "Coproduction network", "Funding");

  // With the mouse: drag from the mosque group's link handle to the network.
  await page.getByLabel("New links are").selectOption({ label: "Information" });
  await actor(page, "Mosque women's group").hover();
  const handle = await actor(page, "Mosque women's group").locator("circle.link-handle").boundingBox();
  const target = await actor(page, "Coproduction network").locator("path").nth(1).boundingBox();
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 8; step++) {
    await page.mouse.move(
      handle.x + ((target.x + target.width / 2 - handle.x) * step) / 8,
      handle.y + ((target.y + target.height / 2 - handle.y) * step) / 8,
    );
  }
  await page.mouse.up();
  await expect(page.locator("path.link")).toHaveCount(4);
  await expect(page.locator('path.link[data-kind="information"]')).toHaveCount(1);

  // The analysis names the network as the broker.
  await page.getByRole("tab", { name: "Analysis" }).click();
  await expect(page.locator("ol.brokers li").first()).toContainText("Coproduction network");
  await expect(page.locator(".analysis-panel")).toContainText("Service users' forum");
  await page.getByRole("tab", { name: "Actors" }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath("orgmap-1280x720.png") });
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press("p");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath("orgmap-projector-1280x720.png") });
  expect(watched.consoleErrors).toEqual([]);
});

test("filtering by link kind, and the CSV exports' rows", async ({ page }) => {
  await newMap(page);
  await linkByKeyboard(page, "Coproduction network", "Pentecostal church", "Partnership / trust");
  await linkByKeyboard(page, "NHS trust", "Coproduction network", "Staff / secondment");
  await page.locator(".orgmap-tools details.filters summary").click();
  await page.getByRole("checkbox", { name: "Staff / secondment" }).check();
  await expect(page.locator('path.link[data-kind="staff"]')).not.toHaveClass(/dimmed/);
  await expect(page.locator('path.link[data-kind="trust"]')).toHaveClass(/dimmed/);

  await page.locator(".orgmap-tools details.exports summary").click();
  const read = async (name) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
    return Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8").trim().split(/\r?\n/);
  };
  const nodes = await read("Actors CSV");
  expect(nodes).toHaveLength(7);
  expect(nodes.slice(1).map((l) => l.split(",")[1])).toEqual(expect.arrayContaining(["NHS trust", "Pentecostal church"]));
  const edges = await read("Links CSV");
  expect(edges).toHaveLength(3);
  expect(edges.join("\n")).toContain("NHS trust");
  const graphml = (await read("GraphML")).join("\n");
  expect(graphml).toContain("<graphml");
  expect((graphml.match(/<node /g) || []).length).toBe(6);
});

test("deleting an actor takes its links with it, and undo brings both back", async ({ page }) => {
  await newMap(page);
  await linkByKeyboard(page, "NHS trust", "Coproduction network", "Referral");
  await actor(page, "NHS trust").focus();
  await page.keyboard.press("Delete");
  await expect(page.locator("g.actor")).toHaveCount(5);
  await expect(page.locator("path.link")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(page.locator("g.actor")).toHaveCount(6);
  await expect(page.locator("path.link")).toHaveCount(1);
});

test("the map's SVG carries its data and comes back as a new exercise", async ({ page }) => {
  await newMap(page);
  await linkByKeyboard(page, "NHS trust", "Coproduction network", "Referral");
  await page.locator(".orgmap-tools details.exports summary").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Map SVG" }).click()]);
  const svg = Buffer.concat(await (await download.createReadStream()).toArray());
  expect(svg.toString("utf8")).toContain("<metadata");
  await page.locator(".crumbs a").click();
  await page.locator('input[accept=".svg,image/svg+xml"]').setInputFiles({ name: "map-copy.svg", mimeType: "image/svg+xml", buffer: svg });
  await page.getByRole("link", { name: "map-copy" }).click();
  await expect(page.locator("g.actor")).toHaveCount(6);
  await expect(page.locator("path.link")).toHaveCount(1);
});

for (const [width, height] of [[1280, 720], [1920, 1080]]) {
  test(`a 31-actor map, arranged, fills the projector at ${width}x${height} with every name on screen at 18 px or more`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "big-map.json", mimeType: "application/json", buffer: thirtyOneActorFile() });
    await expect(page.locator(".workshop-card")).toHaveCount(1);
    await page.evaluate(() => (location.hash = "#/w/w31/e/m31"));
    await expect(page.locator("g.actor")).toHaveCount(31);
    await page.getByRole("button", { name: "Arrange automatically" }).click();
    await page.locator("main").focus();
    await page.keyboard.press("p");
    await expect(page.locator("html")).toHaveClass(/projector/);
    const names = await drawnTexts(page.locator(".orgmap-canvas svg"), "g.actor .actor-label");
    expect(names).toHaveLength(31);
    const small = names.filter((t) => t.px < 18).map((t) => `${t.text} ${t.px.toFixed(1)}`);
    expect(small, "names under 18 px").toEqual([]);
    const off = names.filter((t) => t.left < 0 || t.top < 0 || t.right > width || t.bottom > height).map((t) => t.text);
    expect(off, "names off the screen").toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollHeight), "nothing below the frame").toBeLessThanOrEqual(height);
    await page.screenshot({ path: testInfo.outputPath(`map31-projector-${width}x${height}.png`) });
    // The legend waits behind K, over the map, and K puts it away again.
    const legend = page.locator(".orgmap-main .legend");
    await expect(legend).toBeHidden();
    await page.keyboard.press("k");
    await expect(legend).toBeVisible();
    await expect(legend).toBeInViewport({ ratio: 1 });
    await expect(legend).toContainText("Statutory service");
    await page.screenshot({ path: testInfo.outputPath(`map31-projector-legend-${width}x${height}.png`) });
    await page.keyboard.press("k");
    await expect(legend).toBeHidden();
  });
}
