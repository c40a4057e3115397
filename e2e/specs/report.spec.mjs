// The workshop's report, as a facilitator makes it after the session: R on the workshop page,
// then the browser's print dialog (here `page.pdf`, what "Save as PDF" does) or the HTML file.
// The printed PDF must hold every label and reason, one exercise to a page start.
import { readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { test, expect, openApp } from "./fixtures.mjs";

const file = readFileSync(new URL("../../examples/phase-zero-workshop.json", import.meta.url));
const workshop = JSON.parse(file.toString()).workshops[0];

/** Every actor, institution and item label and every reason the example holds. */
function recorded() {
  const texts = [];
  for (const exercise of workshop.exercises) {
    const data = exercise.data;
    if (data.organisational_map) texts.push(...data.organisational_map.actors.map((a) => a.name));
    if (data.power_venn) {
      texts.push(...data.power_venn.institutions.map((i) => i.label));
      texts.push(...data.power_venn.institutions.map((i) => i.notes ?? ""));
    }
    if (data.pairwise_ranking) {
      texts.push(...data.pairwise_ranking.items.map((i) => i.label));
      texts.push(...data.pairwise_ranking.decisions.map((d) => d.reason ?? ""));
    }
  }
  return texts.map((t) => t.trim()).filter((t) => t !== "");
}

/** Text as pdftotext gives it: every run of white space (a wrapped line) one space, and a
 *  ligature the fonts drew ("ﬁ") its letters. */
const flat = (text) => text.normalize("NFKC").replace(/\s+/g, " ");

async function openReport(page) {
  await openApp(page);
  await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "phase-zero.json", mimeType: "application/json", buffer: file });
  await expect(page.locator(".workshop-card")).toHaveCount(1);
  await page.evaluate((h) => { location.hash = h; }, `#/w/${workshop.id}`);
  await expect(page.locator("main h1")).toHaveText(workshop.title);
  await page.locator("main").focus();
  await page.keyboard.press("r");
  await expect(page).toHaveURL(new RegExp(`#/w/${workshop.id}/report$`));
  await expect(page.locator(".report h1")).toHaveText(workshop.title);
}

test("R opens the report; printed to PDF it holds every label and reason, one exercise to a page start", async ({ page }, testInfo) => {
  await openReport(page);
  await expect(page.locator(".report h2")).toHaveText([...workshop.exercises.map((e) => e.title), "Comparisons"]);
  await page.screenshot({ path: testInfo.outputPath("report-1280x720.png") });
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".titlebar")).toBeHidden();
  await expect(page.locator(".report-tools")).toBeHidden();
  const pdfPath = testInfo.outputPath("report.pdf");
  writeFileSync(pdfPath, await page.pdf({ format: "A4" }));

  const pages = execFileSync("pdftotext", [pdfPath, "-"]).toString().split("\f").filter((p) => p.trim() !== "");
  const all = flat(pages.join(" "));
  for (const text of recorded()) {
    expect(all, `the PDF holds ${JSON.stringify(text)}`).toContain(flat(text));
  }
  // Each exercise's title starts a page of its own.
  for (const exercise of workshop.exercises) {
    const starting = pages.filter((p) => flat(p).trim().startsWith(flat(exercise.title)));
    expect(starting, `a page starts with ${exercise.title}`).toHaveLength(1);
  }
  // The footer: the workshop's title and the page's number, on every page.
  for (const [index, text] of pages.entries()) {
    expect(flat(text)).toContain(`Page ${index + 1} of ${pages.length}`);
    expect(flat(text)).toContain(flat(workshop.title));
  }
  // The first pages as pictures, to look at.
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "4", pdfPath, testInfo.outputPath("report-page")]);
  // A wide figure's exercise is printed on a landscape page.
  const sizes = execFileSync("pdfinfo", ["-f", "1", "-l", String(pages.length), pdfPath]).toString();
  const landscape = [...sizes.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].filter(([, w, h]) => Number(w) > Number(h));
  expect(landscape.length).toBeGreaterThan(0);
  expect(sizes).toMatch(/Page\s+1 size:\s+595\.\d+ x 842\.\d+/);
  // US Letter too: the report sets no paper, only the landscape pages' orientation.
  const letterPath = testInfo.outputPath("report-letter.pdf");
  writeFileSync(letterPath, await page.pdf({ format: "Letter" }));
  const letter = execFileSync("pdfinfo", ["-f", "1", "-l", "2", letterPath]).toString();
  expect(letter).toMatch(/Page\s+1 size:\s+612 x 792/);
  expect(letter).toMatch(/Page\s+2 size:\s+792 x 612/);
});

test("the downloaded report is one HTML file with no script and no outside reference", async ({ page }) => {
  await openReport(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download report (HTML)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/-report\.html$/);
  const html = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<link|\shref=|@import|url\(/i);
  for (const label of recorded()) expect(html).toContain(label.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
  // It opens on its own, offline: every figure is inside the file and draws.
  const offline = await page.context().newPage();
  await offline.route("**/*", (route) => route.abort());
  await offline.setContent(html);
  // Its own style is read: tables collapse their borders only by the report's style.
  await expect(offline.locator(".report table").first()).toHaveCSS("border-collapse", "collapse");
  await expect(offline.locator(".report dl.report-facts")).toHaveCSS("display", "grid");
  const images = offline.locator("img");
  await expect(images).toHaveCount(workshop.exercises.length + 1);
  for (const image of await images.all()) {
    expect(await image.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
  }
  await offline.close();
});

test("Export everything downloads one zip that opens, named by exercise, with the report and the workshop's file", async ({ page }, testInfo) => {
  await openApp(page);
  await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "phase-zero.json", mimeType: "application/json", buffer: file });
  await expect(page.locator(".workshop-card")).toHaveCount(1);
  await page.evaluate((h) => { location.hash = h; }, `#/w/${workshop.id}`);
  const button = page.getByRole("button", { name: "Export everything (.zip)" });
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toMatch(/-everything\.zip$/);
  const zipPath = testInfo.outputPath("everything.zip");
  await download.saveAs(zipPath);
  // `unzip -t` checks every file's CRC; Python's zipfile lists them.
  expect(execFileSync("unzip", ["-t", zipPath]).toString()).toContain("No errors detected");
  const names = JSON.parse(execFileSync("python3", ["-c", "import sys, zipfile, json; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))", zipPath]).toString());
  expect(names).toContain("Phase-zero-how-coproduction-works-report.html");
  expect(names).toContain("pla-workshop-Phase-zero-how-coproduction-works.json");
  expect(names).toContain("01-Who-shapes-mental-health-support/Who-shapes-mental-health-support.graphml");
  for (const [index, exercise] of workshop.exercises.entries()) {
    const folder = `${String(index + 1).padStart(2, "0")}-`;
    const inFolder = names.filter((n) => n.startsWith(folder));
    expect(inFolder.some((n) => n.endsWith(".svg")), exercise.title).toBe(true);
    expect(inFolder.some((n) => n.endsWith("@2x.png")), exercise.title).toBe(true);
    expect(inFolder.some((n) => n.endsWith(".csv")), exercise.title).toBe(true);
  }
  // The PNGs are real pictures, drawn at twice the SVG's size.
  const png = execFileSync("unzip", ["-p", zipPath, "02-Venn-now/Venn-now@2x.png"]);
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  const width = png.readUInt32BE(16);
  const svg = execFileSync("unzip", ["-p", zipPath, "02-Venn-now/Venn-now.svg"]).toString();
  expect(width).toBe(2 * Number(svg.match(/<svg[^>]* width="([\d.]+)"/)[1]));
  // The workshop's file in it imports back as the same workshop.
  const json = JSON.parse(execFileSync("unzip", ["-p", zipPath, "pla-workshop-Phase-zero-how-coproduction-works.json"]).toString());
  expect(json.workshops[0].exercises.map((e) => e.title)).toEqual(workshop.exercises.map((e) => e.title));
  await expect(button).toHaveText("Export everything (.zip)");
});

/** Every name the example holds, as the publication copy must replace them. */
function names() {
  const found = [workshop.place];
  for (const exercise of workshop.exercises) {
    const data = exercise.data;
    if (data.organisational_map) found.push(...data.organisational_map.actors.map((a) => a.name));
    if (data.power_venn) found.push(...data.power_venn.institutions.map((i) => i.label));
  }
  return [...new Set(found.map((n) => n.trim()).filter((n) => n !== ""))];
}

/** A file's text as a person reads it: the writers' entities decoded. */
const decoded = (text) => text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#10;/g, "\n").replace(/&amp;/g, "&");

test("a publication copy: pseudonyms typed in the table of names, a name left inside a longer word reported, and no original name in any file of its zip", async ({ page }, testInfo) => {
  await openApp(page);
  await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "phase-zero.json", mimeType: "application/json", buffer: file });
  await expect(page.locator(".workshop-card")).toHaveCount(1);
  await page.evaluate((h) => { location.hash = h; }, `#/w/${workshop.id}`);
  // The facilitator's notes mention "the Hindu temples": a name inside a longer word.
  await page.locator("#field-notes").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" We met at the Hindu temples too.");
  await page.keyboard.press("Escape");
  await page.keyboard.press("r");
  await page.getByRole("link", { name: "Copies for publication (pseudonyms)" }).click();
  await expect(page.locator("main h1")).toHaveText(`For publication: ${workshop.title}`);
  const rows = page.locator(".publish-names tbody tr");
  await expect(rows).toHaveCount(names().length);
  await expect(rows.first().locator("th")).toHaveText(workshop.place);
  await expect(rows.first().locator("input")).toHaveAttribute("placeholder", "[Study Location]");
  // Typed as a person types: the field keeps the keyboard through every character.
  const mosque = page.getByRole("textbox", { name: "Pseudonym for Mosque women's group" });
  await mosque.click();
  await page.keyboard.type("Faith group M");
  await expect(mosque).toBeFocused();
  await expect(mosque).toHaveValue("Faith group M");
  // The leftover is listed, with where it is.
  const leftovers = page.locator(".publish-leftovers li");
  await expect(leftovers).toHaveCount(1);
  await expect(leftovers.first()).toContainText("Hindu temple");
  await expect(leftovers.first()).toContainText("Hindu temples too.");
  await page.screenshot({ path: testInfo.outputPath("publish-1280x720.png"), fullPage: true });
  // Leaving out the facilitator's notes takes it away.
  await page.getByRole("checkbox", { name: /The facilitator's notes/ }).check();
  await expect(page.locator(".publish-clean")).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Publication copy of everything (.zip)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/-publication-everything\.zip$/);
  const zipPath = testInfo.outputPath("publication.zip");
  await download.saveAs(zipPath);
  expect(execFileSync("unzip", ["-t", zipPath]).toString()).toContain("No errors detected");
  const files = JSON.parse(execFileSync("python3", ["-c", "import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: z.read(n).decode('utf-8') for n in z.namelist() if not n.endswith('.png')}))", zipPath]).toString());
  expect(Object.keys(files).length).toBeGreaterThan(20);
  for (const [path, text] of Object.entries(files)) {
    const lower = decoded(text).toLowerCase();
    for (const name of names()) expect(lower.includes(name.toLowerCase()), `${name} in ${path}`).toBe(false);
  }
  const report = Object.entries(files).find(([path]) => path.endsWith("-report.html"))[1];
  expect(report).toContain("Faith group M");
  expect(report).toContain("[Study Location]");

  // The copy's workshop file imports as a new workshop beside the original.
  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Publication workshop file (JSON)" }).click()]);
  const text = Buffer.concat(await (await json.createReadStream()).toArray());
  await page.evaluate(() => { location.hash = "#/"; });
  await page.locator('input[type="file"][accept^=".json"]').setInputFiles({ name: "copy.json", mimeType: "application/json", buffer: text });
  await expect(page.locator(".workshop-card")).toHaveCount(2);
});
