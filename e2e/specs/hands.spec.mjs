// The facilitator's hands on the laptop: every field keeps what is typed into it, every key
// does one thing, focus goes somewhere sensible, notices stay out of the way. Typing here is
// always `page.keyboard.type` or `press`, as a person types, never `fill()`.
import { readFileSync } from "node:fs";
import { test, expect, openApp, goTo } from "./fixtures.mjs";

const example = readFileSync(new URL("../../examples/phase-zero-workshop.json", import.meta.url));
const workshop = JSON.parse(example.toString()).workshops[0];
const exerciseOf = (kind, n = 0) => workshop.exercises.filter((e) => e.data[kind])[n];
const map = exerciseOf("organisational_map");
const venn = exerciseOf("power_venn");
const ranking = exerciseOf("pairwise_ranking");
const hashOf = (exercise, view = "") => `#/w/${workshop.id}/e/${exercise.id}${view ? `/${view}` : ""}`;
const vignettes = readFileSync(new URL("../../examples/vignettes-workshop.json", import.meta.url));
const session = JSON.parse(vignettes.toString()).workshops[0];
const vignetteHash = (view = "") => `#/w/${session.id}/e/${session.exercises[0].id}${view ? `/${view}` : ""}`;

/** Adds the vignettes example beside the workshops already there. */
async function withVignettes(page) {
  const count = await page.locator(".workshop-card").count();
  await page.evaluate(() => { location.hash = "#/"; });
  await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "vignettes.json", mimeType: "application/json", buffer: vignettes });
  await expect(page.locator(".workshop-card")).toHaveCount(count + 1);
}

/** Opens the app with the example workshop imported. */
export async function withExample(page) {
  await openApp(page);
  await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "phase-zero.json", mimeType: "application/json", buffer: example });
  await expect(page.locator(".workshop-card")).toHaveCount(1);
}

/** A new workshop with a ranking of these items, typed in, on its decide screen. */
async function newRanking(page, items) {
  await openApp(page);
  await page.keyboard.press("n");
  await expect(page.locator("#field-title")).toBeFocused();
  await page.getByRole("button", { name: "Add pair-wise ranking" }).click();
  await page.getByLabel(/New item/).focus();
  for (const item of items) {
    await page.keyboard.type(item);
    await page.keyboard.press("Enter");
  }
  await expect(page.locator(".item-row")).toHaveCount(items.length);
  await page.keyboard.press("Escape");
  await page.keyboard.press("d");
  await expect(page.locator(".decide .progress")).toHaveText(`1 of ${(items.length * (items.length - 1)) / 2}`);
}

/** The stored exercises (each header's list and each exercise's data, without the times of
 * saving), as one string to compare (never printed whole). */
const storedExercises = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage)
  .filter(([k]) => k.startsWith("pla-workshop/workshop/") || k.startsWith("pla-workshop/exercise/"))
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([k, v]) => [k, k.startsWith("pla-workshop/workshop/") ? JSON.parse(v).workshop.exercises : JSON.parse(v).data])));

/** Goes to a place by its hash, as a link or a reload would, and waits for its heading. */
async function visit(page, hash) {
  await goTo(page, hash);
  await expect(page.locator("main h1").first()).toBeVisible();
}

/** What the room would notice changing by accident: theme, projector mode, the screen. */
const shell = (page) => page.evaluate(() => ({
  theme: document.documentElement.dataset.theme,
  projector: document.documentElement.classList.contains("projector"),
  hash: location.hash,
  blackout: document.querySelector(".blackout.on") !== null,
  dialog: document.querySelector('[aria-modal="true"]') !== null,
}));

const SKIPPED_TYPES = ["checkbox", "radio", "file", "date", "range", "color", "button", "submit"];

/**
 * Types into every visible text field and select of the screen as a person would, and checks
 * after each that the field kept the keyboard and every character, that nothing else changed,
 * and that Escape leaves the field. Returns how many controls it worked.
 */
async function typeIntoEveryField(page, root = "main") {
  const start = await shell(page);
  const fields = await page.locator(["input", "textarea", "select"].map((tag) => `${root} ${tag}:visible`).join(", ")).elementHandles();
  let worked = 0;
  for (const field of fields) {
    const info = await field.evaluate((e) => ({
      tag: e.tagName.toLowerCase(),
      type: (e.getAttribute("type") || "text").toLowerCase(),
      name: e.getAttribute("aria-label") || e.id || e.outerHTML.slice(0, 60),
      connected: e.isConnected,
    }));
    // A field rebuilt by an earlier keystroke would be gone from the page: that is the bug.
    expect(info.connected, `${info.name} is still on the page`).toBe(true);
    if (SKIPPED_TYPES.includes(info.type)) continue;
    await field.focus();
    const focused = () => field.evaluate((e) => document.activeElement === e);
    if (info.tag === "select") {
      const count = await field.evaluate((e) => e.options.length);
      if (count < 2) continue;
      const before = await field.evaluate((e) => e.selectedIndex);
      await page.keyboard.press(before < count - 1 ? "ArrowDown" : "ArrowUp");
      await expect.poll(() => field.evaluate((e) => e.selectedIndex), { message: `${info.name}: arrow key` }).not.toBe(before);
      expect(await focused(), `${info.name} keeps the keyboard after an arrow key`).toBe(true);
      // Type-ahead: the first letter of another option picks it.
      // Type-ahead: the first letter of an option that is the only one starting so picks it.
      const target = await field.evaluate((e) => {
        const first = (o) => o.text.trim()[0]?.toLowerCase();
        const options = [...e.options];
        const index = options.findIndex((o, i) => i !== e.selectedIndex && /^[a-z]/i.test(o.text.trim())
          && options.filter((p) => first(p) === first(o)).length === 1);
        return index < 0 ? null : { letter: first(options[index]), index };
      });
      if (target) {
        await page.keyboard.type(target.letter);
        await expect.poll(() => field.evaluate((e) => e.selectedIndex), { message: `${info.name}: type-ahead` }).toBe(target.index);
        expect(await focused(), `${info.name} keeps the keyboard after type-ahead`).toBe(true);
      }
    } else {
      // To the very end of the text, then type; the letters include shortcut keys (T, P, B).
      await page.keyboard.press(info.tag === "textarea" ? "Control+End" : "End");
      const before = await field.evaluate((e) => e.value);
      const typed = info.type === "number" ? "7" : " xyz tpb";
      await page.keyboard.type(typed);
      await expect.poll(() => field.evaluate((e) => e.value), { message: `${info.name} keeps every character` }).toBe(before + typed);
      expect(await focused(), `${info.name} keeps the keyboard`).toBe(true);
      if (info.type !== "number") {
        expect(await field.evaluate((e) => e.selectionStart === e.value.length), `${info.name}: the caret stays at the end`).toBe(true);
      }
    }
    expect(await shell(page), `typing into ${info.name} changed nothing else`).toEqual(start);
    if (root === "main") {
      await page.keyboard.press("Escape");
      expect(await focused(), `Escape leaves ${info.name}`).toBe(false);
      expect(await shell(page), `Escape in ${info.name} changed nothing else`).toEqual(start);
    }
    worked++;
  }
  return worked;
}

test("every field on every screen keeps what is typed and every key stays in it", async ({ page, watched }) => {
  test.setTimeout(120_000);
  await withExample(page);
  await withVignettes(page);
  const screens = [
    ["#/", 0],
    [`#/w/${workshop.id}`, 8],
    [hashOf(map), 12],
    [hashOf(map, "links"), 1],
    [hashOf(map, "analysis"), 1],
    [hashOf(venn), 20],
    [hashOf(venn, "compare"), 1],
    [hashOf(ranking, "items"), 8],
    ...["matrix", "results", "reasons", "compare"].map((view) => [hashOf(ranking, view), 1]),
    [hashOf(ranking, "ballots"), 3],
    [`#/w/${session.id}`, 8],
    [vignetteHash(), 5],
    [vignetteHash("q1"), 6],
  ];
  for (const [hash, least] of screens) {
    await visit(page, hash);
    const worked = await typeIntoEveryField(page);
    expect(worked, `controls worked on ${hash}`).toBeGreaterThanOrEqual(least);
  }
  // The link dialog's fields keep the keyboard too, and Escape there closes the dialog.
  await visit(page, hashOf(map));
  await page.locator("g.actor").first().focus();
  await page.keyboard.press("l");
  const dialog = page.getByRole("dialog", { name: /A link from/ });
  await expect(dialog).toBeVisible();
  expect(await typeIntoEveryField(page, '[role="dialog"]'), "the link dialog's selects").toBe(2);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.locator("g.actor").first()).toBeFocused();
  // Home's one field: a workshop's new title, while renaming.
  await visit(page, "#/");
  await page.getByRole("button", { name: /^Rename/ }).first().click();
  await expect(page.getByLabel("New title")).toBeFocused();
  const title = await page.getByLabel("New title").inputValue();
  await page.keyboard.press("End");
  await page.keyboard.type(" xyz tpb");
  await expect(page.getByLabel("New title")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(".workshop-card h2").first()).toHaveText(`${title} xyz tpb`);
  expect(await shell(page)).toEqual({ theme: "light", projector: false, hash: "#/", blackout: false, dialog: false });
  expect(watched.consoleErrors).toEqual([]);
});

test("a reason typed before deciding stays with its pair through views, a reload and the page", async ({ page }) => {
  await newRanking(page, ["Rent", "Food", "Heating", "Transport"]);
  expect(await typeIntoEveryField(page), "the reason box and the notes").toBe(2);
  const reason = page.getByLabel("Why? The reason the group gave");
  const pair = await page.locator(".decide").getAttribute("data-pair");
  await reason.focus();
  await page.keyboard.press("Control+End");
  const before = await reason.inputValue();
  await page.keyboard.type(" because rent is due");
  await page.keyboard.press("Escape");
  await page.keyboard.press("m");
  await expect(page.locator(".matrix")).toBeVisible();
  await page.keyboard.press("d");
  await expect(page.locator(".decide")).toHaveAttribute("data-pair", pair);
  await expect(reason).toHaveValue(`${before} because rent is due`);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  await expect(page.locator(".decide")).toHaveAttribute("data-pair", pair);
  await expect(reason).toHaveValue(`${before} because rent is due`);
  // The workshop page and back: still there.
  const exerciseHash = await page.evaluate(() => location.hash);
  await page.keyboard.press("PageUp");
  await expect(page.locator("#field-title")).toBeVisible();
  await page.keyboard.press("PageDown");
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(exerciseHash.replace(/\/decide$/, ""));
  await expect(reason).toHaveValue(`${before} because rent is due`);
});

test("a new ranking: the draft becomes the decision's reason and never moves to the next pair; results say they are provisional", async ({ page }) => {
  await newRanking(page, ["Rent", "Food", "Heating", "Transport"]);
  const reason = page.getByLabel("Why? The reason the group gave");
  const first = await page.locator(".decide").getAttribute("data-pair");
  await reason.focus();
  await page.keyboard.type("Rent comes first");
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator(".decide")).not.toHaveAttribute("data-pair", first);
  await expect(reason).toHaveValue("");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("w");
  await expect(page.locator(".reasons")).toContainText("Rent comes first");
  await expect(page.locator(".reasons li")).toHaveCount(2);
  await page.keyboard.press("r");
  await expect(page.locator(".provisional")).toHaveText("2 of 6 pairs decided: ranks are provisional");
  await expect(page.locator(".results-view")).not.toContainText("no result separates them");
  // The view is in the address: a reload comes back to the results.
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  await expect(page.locator(".provisional")).toBeVisible();
});

test("on the black screen Ctrl+Z only brings the picture back and changes no data", async ({ page }) => {
  await newRanking(page, ["Rent", "Food", "Heating"]);
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator(".decide .progress")).toHaveText("2 of 3");
  const before = await storedExercises(page);
  await page.keyboard.press("b");
  await expect(page.locator(".blackout")).toBeVisible();
  await page.keyboard.press("Control+z");
  await expect(page.locator(".blackout")).toBeHidden();
  expect(await storedExercises(page) === before, "Ctrl+Z on the black screen changed the data").toBe(true);
  // With a step to redo, Ctrl+Shift+Z on the black screen still only brings the picture back.
  await page.keyboard.press("Control+z");
  await expect(page.locator(".decide .progress")).toHaveText("1 of 3");
  const undone = await storedExercises(page);
  await page.keyboard.press("b");
  await expect(page.locator(".blackout")).toBeVisible();
  await page.keyboard.press("Control+Shift+z");
  await expect(page.locator(".blackout")).toBeHidden();
  expect(await storedExercises(page) === undone, "Ctrl+Shift+Z on the black screen redid").toBe(true);
  await page.keyboard.press("Control+Shift+z");
  await expect(page.locator(".decide .progress")).toHaveText("2 of 3");
  await page.keyboard.press("b");
  await expect(page.locator(".blackout")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(".blackout")).toBeHidden();
  await expect(page.locator(".decide .progress")).toHaveText("2 of 3");
  expect(await storedExercises(page) === before, "a key on the black screen changed the data").toBe(true);
  // Without the black screen, Ctrl+Z does undo.
  await page.keyboard.press("Control+z");
  await expect(page.locator(".decide .progress")).toHaveText("1 of 3");
});

test("the import dialog works by Tab, Enter and Escape alone, and keys behind it do nothing", async ({ page }) => {
  await withExample(page);
  const importButton = page.locator('input[type="file"][accept^=".json"]');
  await importButton.setInputFiles({ name: "phase-zero.json", mimeType: "application/json", buffer: example });
  const dialog = page.getByRole("dialog", { name: "These workshops are already here" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Keep both" })).toBeFocused();
  // Tab goes round inside the dialog, both ways.
  for (const name of ["Replace", "Cancel", "Keep both"]) {
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name })).toBeFocused();
  }
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  // Shortcuts behind it do nothing.
  for (const key of ["n", "p", "t", "?"]) await page.keyboard.press(key);
  expect(await shell(page)).toEqual({ theme: "light", projector: false, hash: "#/", blackout: false, dialog: true });
  await expect(page.locator(".workshop-card")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.locator(".workshop-card")).toHaveCount(1);
  // The app gives the keyboard back once the dialog has left the page (after the next
  // render), so wait for it rather than read it the moment the dialog is gone.
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  // Again, and Enter on "Keep both".
  await importButton.setInputFiles({ name: "phase-zero.json", mimeType: "application/json", buffer: example });
  await expect(dialog.getByRole("button", { name: "Keep both" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.locator(".workshop-card")).toHaveCount(2);
});

test("twenty keystrokes in another tab give one notice, which never moves the page", async ({ page, context }) => {
  await withExample(page);
  await visit(page, `#/w/${workshop.id}`);
  // The import's notice went with the page it was about.
  await expect(page.locator(".notice")).toHaveCount(0);
  const headingBefore = await page.locator("main h1").boundingBox();
  const notesBefore = await page.locator("#field-notes").boundingBox();
  const other = await context.newPage();
  await other.goto(`/#/w/${workshop.id}`);
  await other.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  await other.locator("#field-notes").focus();
  await other.keyboard.press("Control+End");
  await other.keyboard.type("twenty keys typed here");
  await expect(page.locator(".notice")).toHaveCount(1);
  await expect(page.locator(".notice")).toContainText("changed in another tab");
  await expect(page.locator(".notice-count")).toHaveText(" ×22");
  await expect(page.locator("#field-notes")).toHaveValue(/twenty keys typed here$/);
  // The title, typed in the other tab: the same notice counts on, with the newest title.
  await other.locator("#field-title").focus();
  await other.keyboard.press("End");
  await other.keyboard.type(" II");
  await expect(page.locator(".notice-count")).toHaveText(" ×25");
  await expect(page.locator(".notice")).toHaveCount(1);
  await expect(page.locator(".notice")).toContainText(" II” was changed in another tab");
  // The notice floats in a corner: the page's heading stays where it was.
  const headingAfter = await page.locator("main h1").boundingBox();
  expect([headingAfter.x, headingAfter.y]).toEqual([headingBefore.x, headingBefore.y]);
  expect(await page.locator("#field-notes").boundingBox()).toEqual(notesBefore);
  // Information goes when the page changes.
  await page.keyboard.press("PageDown");
  await expect(page.locator(".notice")).toHaveCount(0);
  await other.close();
});

test("focus goes somewhere sensible after a delete and its undo, and the Venn undoes one visit at a time", async ({ page }) => {
  await withExample(page);
  await visit(page, hashOf(venn));
  const circles = page.locator("g.institution");
  const count = await circles.count();
  const firstId = await circles.nth(0).getAttribute("data-id");
  const secondId = await circles.nth(1).getAttribute("data-id");
  await circles.nth(0).focus();
  await page.keyboard.press("Delete");
  await expect(circles).toHaveCount(count - 1);
  await expect(page.locator(`#institution-${secondId}`)).toBeFocused();
  await page.keyboard.press("Control+z");
  await expect(circles).toHaveCount(count);
  await expect(page.locator(`#institution-${firstId}`)).toBeFocused();

  // One visit, three presses; away and back, two presses; one undo takes back the two.
  const centre = () => page.locator(`#institution-${secondId} circle`).first().getAttribute("cx");
  const start = await centre();
  await page.locator(`#institution-${secondId}`).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  const afterFirstVisit = await centre();
  expect(afterFirstVisit).not.toBe(start);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(page.locator(`#institution-${secondId}`)).toBeFocused();
  for (let i = 0; i < 2; i++) await page.keyboard.press("ArrowRight");
  expect(await centre()).not.toBe(afterFirstVisit);
  await page.keyboard.press("Control+z");
  await expect.poll(centre).toBe(afterFirstVisit);
  await expect(page.locator(`#institution-${secondId}`)).toBeFocused();
  await page.keyboard.press("Control+z");
  await expect.poll(centre).toBe(start);

  // A list row: Remove moves the keyboard to the next row's same control.
  await visit(page, hashOf(ranking, "items"));
  const rows = page.locator(".item-row");
  const rowCount = await rows.count();
  await rows.nth(0).getByRole("button", { name: /^Remove/ }).focus();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(rowCount - 1);
  await expect(rows.nth(0).getByRole("button", { name: /^Remove/ })).toBeFocused();
  await page.keyboard.press("Control+z");
  await expect(rows).toHaveCount(rowCount);
  await expect(rows.nth(0).locator("input").first()).toBeFocused();
});

test("? shows this screen's keys first, grouped, and the general keys after them", async ({ page }) => {
  await withExample(page);
  const cases = [
    [hashOf(ranking, "decide"), ["Deciding a pair", "Can't decide", "Back to the previous pair", "Reasons (why)"]],
    [hashOf(venn), ["On a circle (Tab to it)", "Larger or smaller"]],
    [hashOf(map), ["On an actor (Tab to it)", "Draw a link from it"]],
  ];
  for (const [hash, texts] of cases) {
    await visit(page, hash);
    await page.locator("main").focus();
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keys for this screen" });
    await expect(dialog).toBeVisible();
    // The lists arrive with their module on the first `?`: the last one is the general keys.
    await expect(dialog.locator("caption").last()).toHaveText("Everywhere");
    for (const text of texts) await expect(dialog).toContainText(text);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  }
});

test("map tabs and the Venn comparison are kept in the address", async ({ page }) => {
  await withExample(page);
  await visit(page, hashOf(map));
  await page.getByRole("tab", { name: "Analysis" }).click();
  await expect(page).toHaveURL(/\/analysis$/);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  await expect(page.getByRole("tab", { name: "Analysis" })).toHaveAttribute("aria-selected", "true");
  await visit(page, hashOf(venn));
  await page.getByRole("button", { name: "Compare with another diagram" }).click();
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  await expect(page.getByRole("button", { name: "Compare with another diagram" })).toHaveAttribute("aria-pressed", "true");
});

test("groups are added from the keyboard, and a half-typed new name survives a reload", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("n");
  await page.getByLabel("Group", { exact: true }).focus();
  await page.keyboard.type("Community organisations");
  await page.keyboard.press("Enter");
  // Enter goes on to the number of people; Enter there adds the group with it.
  await expect(page.getByLabel("People")).toBeFocused();
  await page.keyboard.type("12");
  await page.keyboard.press("Enter");
  await expect(page.locator(".group-list li")).toHaveText(/Community organisations, 12 people/);
  await expect(page.getByLabel("Group", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Group", { exact: true })).toHaveValue("");
  // Half-typed, then a reload: the text is still there.
  await page.keyboard.type("Statutory serv");
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  await expect(page.getByLabel("Group", { exact: true })).toHaveValue("Statutory serv");
  await page.getByRole("button", { name: "Add organisational map" }).click();
  await page.getByLabel(/New actor/).focus();
  await page.keyboard.type("Mosque women");
  await page.keyboard.press("PageUp");
  await page.keyboard.press("Escape");
  await page.keyboard.press("PageUp");
  await expect(page.locator("#field-title")).toBeVisible();
  await page.keyboard.press("PageDown");
  await expect(page.getByLabel(/New actor/)).toHaveValue("Mosque women");
});

test("Escape closes an open menu and does only that", async ({ page }) => {
  await withExample(page);
  await visit(page, hashOf(venn));
  await page.keyboard.press("p");
  await page.keyboard.press("p");
  const menu = page.locator(".venn details.exports");
  await menu.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("open", "");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(menu).not.toHaveAttribute("open", "");
  await expect(menu.locator("summary")).toBeFocused();
  expect((await shell(page)).hash).toBe(hashOf(venn));
});

test("a broken import says so once", async ({ page }) => {
  await openApp(page);
  const broken = example.toString().replace('"influence": 5', '"influence": "very high"');
  await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(broken) });
  await expect(page.locator(".notice").filter({ hasText: "broken.json" })).toHaveCount(1);
  await expect(page.locator(".notice-count")).toHaveCount(0);
});

test("another tab deciding the pair whose reason is being typed never moves the typing to the next pair", async ({ page, context }) => {
  await newRanking(page, ["Rent", "Food", "Heating"]);
  const hash = await page.evaluate(() => location.hash);
  const other = await context.newPage();
  await other.goto(`/${hash}`);
  await other.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  const pair = await page.locator(".decide").getAttribute("data-pair");
  await expect(other.locator(".decide")).toHaveAttribute("data-pair", pair);
  const reason = page.getByLabel("Why? The reason the group gave");
  await reason.focus();
  await page.keyboard.type("Rent first");
  // The other tab decides that pair while this one is still typing.
  await other.locator("main").focus();
  await other.keyboard.press("ArrowLeft");
  await expect(other.locator(".decide .progress")).toHaveText("2 of 3");
  await expect(page.locator(".notice")).toContainText("changed in another tab");
  await page.keyboard.type(" always");
  await expect(reason).toBeFocused();
  await expect(page.locator(".decide")).toHaveAttribute("data-pair", pair);
  await expect(reason).toHaveValue("Rent first always");
  await page.keyboard.press("Escape");
  // The typing went to the pair that was decided, and no draft landed on the next pair.
  await page.keyboard.press("w");
  await expect(page.locator(".reasons li")).toHaveCount(1);
  await expect(page.locator(".reasons")).toContainText("Rent first always");
  await page.keyboard.press("d");
  await expect(page.locator(".decide")).not.toHaveAttribute("data-pair", pair);
  await expect(reason).toHaveValue("");
  await other.close();
});

test("arrow keys through a select are one undo step for that visit", async ({ page }) => {
  await withExample(page);
  await visit(page, hashOf(venn));
  const closeness = page.locator("select[id^=venn-closeness-]").first();
  const start = await closeness.inputValue();
  await closeness.focus();
  // Home, then down twice: two or three changes in one visit.
  await page.keyboard.press("Home");
  const top = await closeness.inputValue();
  await page.keyboard.press("ArrowDown");
  await expect(closeness).not.toHaveValue(top);
  const middle = await closeness.inputValue();
  await page.keyboard.press("ArrowDown");
  await expect(closeness).not.toHaveValue(middle);
  await page.keyboard.press("Control+z");
  await expect(closeness).toHaveValue(start);
  await expect(closeness).toBeFocused();
});

test("Page Down opens the next exercise at its top, whatever the last page's scroll", async ({ page }) => {
  await withExample(page);
  await visit(page, hashOf(ranking, "items"));
  await page.locator("main").focus();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await page.keyboard.press("PageDown");
  await expect(page.locator("main h1")).toHaveText(workshop.exercises[4].title);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page.locator("main h1")).toBeInViewport();
});

test("projector mode shows the exercises as text: no field, select or text box on any screen but the reason box", async ({ page }) => {
  await withExample(page);
  await withVignettes(page);
  await page.locator("main").focus();
  await page.keyboard.press("p");
  await expect(page.locator("html")).toHaveClass(/projector/);
  const controls = "main input:visible, main select:visible, main textarea:visible";
  for (const hash of [
    `#/w/${workshop.id}`,
    hashOf(map),
    hashOf(venn),
    ...["items", "matrix", "results", "reasons", "compare", "ballots"].map((view) => hashOf(ranking, view)),
    `#/w/${session.id}`,
    vignetteHash(),
    vignetteHash("q1"),
    `#/w/${session.id}/b/${session.plan.find((item) => item.entry.break).id}`,
  ]) {
    await visit(page, hash);
    await expect(page.locator(controls), hash).toHaveCount(0);
  }
  // The Venn's table and the ranking's items are there, as text.
  await visit(page, hashOf(venn));
  await expect(page.locator(".venn-table.read-only tbody tr")).toHaveCount(venn.data.power_venn.institutions.length);
  await expect(page.locator(".venn-table.read-only")).toContainText(venn.data.power_venn.institutions[0].label);
  await visit(page, hashOf(ranking, "items"));
  await expect(page.locator(".item-list.read-only li")).toHaveCount(ranking.data.pairwise_ranking.items.length);
});
