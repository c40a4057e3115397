// axe-core (from npm) on every screen, tab and dialog, in both themes and in projector mode:
// no serious or critical issue anywhere.
import { readFileSync } from "node:fs";
import { test, expect, openApp, goTo, seriousViolations } from "./fixtures.mjs";

const example = readFileSync(new URL("../../examples/phase-zero-workshop.json", import.meta.url));
const workshop = JSON.parse(example.toString()).workshops[0];
const exerciseOf = (kind) => workshop.exercises.find((e) => e.data[kind]);
const vignettes = readFileSync(new URL("../../examples/vignettes-workshop.json", import.meta.url));
const session = JSON.parse(vignettes.toString()).workshops[0];
const firstVignette = `#/w/${session.id}/e/${session.exercises[0].id}`;
const breakStep = session.plan.find((item) => item.entry.break);
const hashOf = (kind, view = "") => `#/w/${workshop.id}/e/${exerciseOf(kind).id}${view ? `/${view}` : ""}`;

// The page's own CSP forbids inline scripts, which is how axe is put into the page
// (`seriousViolations`).
test.use({ bypassCSP: true });

async function go(page, hash) {
  await goTo(page, hash);
  await expect(page.locator("main h1").first()).toBeVisible();
}

/** Every place the app can be, as a hash and an optional step that opens a dialog. */
const places = [
  ["home", "#/"],
  ["workshop", `#/w/${workshop.id}`],
  ["map: actors", hashOf("organisational_map")],
  ["map: links", hashOf("organisational_map", "links")],
  ["map: analysis", hashOf("organisational_map", "analysis")],
  ["venn with its table", hashOf("power_venn")],
  ["venn comparison", hashOf("power_venn", "compare")],
  ...["items", "decide", "matrix", "results", "reasons", "compare", "ballots"].map((view) => [`ranking: ${view}`, hashOf("pairwise_ranking", view)]),
  ["a workshop with its running order", `#/w/${session.id}`],
  ["vignette: scenario", firstVignette],
  ["vignette: a question", `${firstVignette}/q1`],
  ["vignette: what happened next", `${firstVignette}/next`],
  ["a break", `#/w/${session.id}/b/${breakStep.id}`],
  ["the report", `#/w/${workshop.id}/report`],
  ["the report with the running order", `#/w/${session.id}/report`],
  ["copies for publication", `#/w/${workshop.id}/publish`],
];

for (const [theme, projector] of [["light", false], ["dark", false], ["light", true], ["dark", true]]) {
  test(`axe finds nothing serious: ${theme} theme${projector ? ", projector mode" : ""}`, async ({ page }) => {
    test.setTimeout(120_000);
    await openApp(page);
    await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "phase-zero.json", mimeType: "application/json", buffer: example });
    await expect(page.locator(".workshop-card")).toHaveCount(1);
    await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "vignettes.json", mimeType: "application/json", buffer: vignettes });
    await expect(page.locator(".workshop-card")).toHaveCount(2);
    await page.locator("main").focus();
    if (theme === "dark") await page.keyboard.press("t");
    if (projector) await page.keyboard.press("p");
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    const found = {};
    for (const [name, hash] of places) {
      await go(page, hash);
      const violations = await seriousViolations(page);
      if (violations.length) found[name] = violations;
    }
    // The dialogs: the keys (?), the keyboard's link dialog (L on an actor), the import
    // conflict (a file given to the import control, which projector mode hides).
    await go(page, hashOf("organisational_map"));
    await page.locator("main").focus();
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog")).toBeVisible();
    let violations = await seriousViolations(page);
    if (violations.length) found["keys dialog"] = violations;
    await page.keyboard.press("Escape");
    {
      await page.locator("g.actor").first().focus();
      await page.keyboard.press("l");
      await expect(page.getByRole("dialog", { name: /A link from/ })).toBeVisible();
      violations = await seriousViolations(page);
      if (violations.length) found["link dialog"] = violations;
      await page.keyboard.press("Escape");
      await go(page, "#/");
      await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "phase-zero.json", mimeType: "application/json", buffer: example });
      await expect(page.getByRole("dialog", { name: "These workshops are already here" })).toBeVisible();
      violations = await seriousViolations(page);
      if (violations.length) found["import conflict dialog"] = violations;
      await page.keyboard.press("Escape");
    }
    expect(found).toEqual({});
  });
}
