import { readFileSync } from "node:fs";
import { test, expect, openApp } from "./fixtures.mjs";

const example = readFileSync(new URL("../../examples/phase-zero-workshop.json", import.meta.url));

/** Everything the app keeps in local storage, to compare before and after. */
const storedData = (page) =>
  page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith("pla-workshop/")).map((k) => [k, localStorage.getItem(k)])),
  );

async function readDownload(download) {
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks).toString("utf8");
}

test("a workshop with exercises is there after a reload", async ({ page, watched }) => {
  await openApp(page);
  await page.keyboard.press("n");
  await page.getByLabel("Title", { exact: true }).fill("Community organisations — October");
  await page.getByLabel("Place").fill("St Mark's church hall");
  // The date field becomes the browser's date picker just after the page first paints.
  await expect(page.getByLabel("Date")).toHaveAttribute("type", "date");
  await page.getByLabel("Date").fill("2026-10-14");
  await page.getByLabel("Group", { exact: true }).fill("Community organisations");
  await page.getByLabel("People").fill("20");
  await page.getByRole("button", { name: "Add group" }).click();
  await page.getByRole("button", { name: "Add power venn diagram" }).click();
  await expect(page.getByRole("heading", { name: "Power Venn diagram" })).toBeVisible();
  await page.goBack();
  await page.getByRole("button", { name: "Add pair-wise ranking" }).click();
  await expect(page.getByRole("heading", { name: "Pair-wise ranking" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { name: "Pair-wise ranking" })).toBeVisible();
  await page.getByRole("link", { name: "PLA Workshop: all workshops" }).click();
  const card = page.getByRole("listitem").filter({ hasText: "Community organisations — October" });
  await expect(card).toContainText("St Mark's church hall");
  await expect(card).toContainText("Community organisations (20)");
  await expect(card).toContainText("2 exercises");
  await expect(card).toContainText("2026-10-14");
  await card.getByRole("link").first().click();
  await expect(page.getByLabel("Date")).toHaveAttribute("type", "date");
  await expect(page.getByLabel("Date")).toHaveValue("2026-10-14");
  expect(watched.consoleErrors).toEqual([]);
});

test("typing is one undo step, and a deleted workshop comes back with Ctrl+Z", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("n");
  const title = page.getByLabel("Title", { exact: true });
  await title.fill("");
  await title.pressSequentially("Statutory");
  await title.blur();
  // Clearing the field and typing were one visit to the field: one step back.
  await page.keyboard.press("Control+z");
  await expect(title).toHaveValue("New workshop");
  await page.keyboard.press("Control+Shift+z");
  await expect(title).toHaveValue("Statutory");

  await page.getByRole("link", { name: "PLA Workshop: all workshops" }).click();
  await page.getByRole("button", { name: "Delete Statutory" }).click();
  await expect(page.getByText("No workshops yet.")).toBeVisible();
  await page.keyboard.press("Control+z");
  await expect(page.getByRole("link", { name: "Statutory" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "Statutory" })).toBeVisible();
});

test("unreadable stored data is put aside, reported, and can be downloaded", async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.setItem("pla-workshop/workshop/damaged", '{"format": "pla-workshop", "schema_ver'));
  await page.reload();
  const alert = page.getByRole("alert").filter({ hasText: "could not be read" });
  await expect(alert).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    alert.getByRole("button", { name: "Download the raw data" }).click(),
  ]);
  expect(await readDownload(download)).toBe('{"format": "pla-workshop", "schema_ver');
  // It was moved aside, so nothing can overwrite it, and it is still reported after a reload.
  const stored = await storedData(page);
  expect(stored["pla-workshop/workshop/damaged"]).toBeUndefined();
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "could not be read" })).toBeVisible();
});

test("one exercise's damaged data, found once the page is up, is put aside alone, and its workshop opens without it", async ({ page }) => {
  // Start-up reads an exercise's data only once the page is on the screen: the damage is
  // found then, not at load, and must be handled as any unreadable data is.
  await openApp(page);
  const workshop = JSON.parse(example.toString()).workshops[0];
  const map = workshop.exercises.find((e) => e.data.organisational_map);
  // The example as version 1 stored it, one key for the whole workshop: moved to one key per
  // exercise when the app starts.
  // (That app wrote the file format's version 1.)
  const asVersion1 = example.toString().replace(/"schema_version": \d+/, '"schema_version": 1');
  expect(asVersion1).toContain('"schema_version": 1,');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [`pla-workshop/workshop/${workshop.id}`, asVersion1]);
  await page.goto(`/#/w/${workshop.id}`);
  await page.reload();
  await expect(page.getByRole("heading", { name: workshop.title })).toBeVisible();
  const key = `pla-workshop/exercise/${workshop.id}/${map.id}`;
  const stored = (await storedData(page))[key];
  expect(stored, "the map has a key of its own").toBeDefined();
  const damaged = stored.replace('"influence":5', '"influence":"very high"');
  expect(damaged).not.toBe(stored);
  await page.evaluate(([k, text]) => localStorage.setItem(k, text), [key, damaged]);
  await page.reload();
  const alert = page.getByRole("alert").filter({ hasText: "could not be read" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('invalid type: string "very high"');
  await expect(alert).toContainText(map.title);
  // The workshop is there, with every other exercise.
  await expect(page.getByRole("heading", { name: workshop.title })).toBeVisible();
  for (const exercise of workshop.exercises.filter((e) => e.id !== map.id)) {
    await expect(page.getByRole("link", { name: exercise.title, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: map.title, exact: true })).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    alert.getByRole("button", { name: "Download the raw data" }).click(),
  ]);
  expect(await readDownload(download)).toBe(damaged);
  expect((await storedData(page))[key]).toBeUndefined();
});

test("a broken import says what is wrong and changes nothing", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("n");
  await page.getByRole("link", { name: "PLA Workshop: all workshops" }).click();
  const before = await storedData(page);
  const broken = example.toString().replace('"influence": 5', '"influence": "very high"');
  await page.locator('input[type="file"]').setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(broken) });
  const alert = page.getByRole("alert").filter({ hasText: "broken.json" });
  await expect(alert).toContainText("was not imported, and nothing was changed");
  const line = example.toString().split("\n").findIndex((l) => l.includes('"influence": 5')) + 1;
  await expect(alert).toContainText(`At line ${line}`);
  await expect(alert).toContainText('invalid type: string "very high"');
  expect(await storedData(page)).toEqual(before);
});

test("importing the example, then again: keep both", async ({ page }) => {
  await openApp(page);
  const input = page.locator('input[type="file"]');
  const file = { name: "phase-zero.json", mimeType: "application/json", buffer: example };
  await input.setInputFiles(file);
  await expect(page.getByRole("link", { name: "Phase zero: how coproduction works" })).toBeVisible();
  await input.setInputFiles(file);
  const dialog = page.getByRole("dialog", { name: "These workshops are already here" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep both" }).click();
  await expect(page.getByRole("link", { name: "Phase zero: how coproduction works (imported)" })).toBeVisible();
  await expect(page.locator(".workshop-card")).toHaveCount(2);
});

test("a change in another tab shows up in this one", async ({ page, context }) => {
  await openApp(page);
  await page.keyboard.press("n");
  const url = page.url();
  const other = await context.newPage();
  await openApp(other, url.replace(/^https?:\/\/[^/]+/, ""));
  await other.getByLabel("Title", { exact: true }).fill("Renamed in the other tab");
  await expect(page.getByRole("heading", { name: "Renamed in the other tab" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "was changed in another tab" })).toBeVisible();
});

test("the app reloads, works and exports with the network off", async ({ page, context }) => {
  await openApp(page);
  await page.keyboard.press("n");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0);
  await expect(page.getByRole("heading", { name: "New workshop" })).toBeVisible();
  await page.getByLabel("Place").click();
  await page.keyboard.type("Offline hall");
  // Exporting needs nothing from the network either: everything came with the first visit.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export everything (.zip)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  expect(readFileSync(await download.path()).subarray(0, 2).toString("latin1")).toBe("PK");
  await page.reload();
  await expect(page.getByLabel("Place")).toHaveValue("Offline hall");
  await context.setOffline(false);
});

test("full storage keeps the change in memory, warns, and saves once there is room", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("n");
  // Fill the origin's storage to the brim with other data.
  await page.evaluate(() => {
    const block = "x".repeat(256 * 1024);
    for (let i = 0; ; i++) {
      try {
        localStorage.setItem(`filler-${i}`, block);
      } catch {
        let small = "x".repeat(1024);
        for (let j = 0; ; j++) {
          try { localStorage.setItem(`filler-small-${j}`, small); } catch { break; }
        }
        break;
      }
    }
  });
  await page.getByLabel("Facilitator notes").fill("A long note that no longer fits. ".repeat(40));
  const warning = page.getByRole("alert").filter({ hasText: "Storage is full" });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole("button", { name: "Export all workshops" })).toBeVisible();
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler-")).forEach((k) => localStorage.removeItem(k)));
  await warning.getByRole("button", { name: "Try saving again" }).click();
  await expect(warning).toBeHidden();
  await page.reload();
  await expect(page.getByLabel("Facilitator notes")).toHaveValue(/no longer fits/);
});

test("the app warns well before the browser's storage quota is reached", async ({ page }) => {
  await openApp(page);
  await expect(page.getByText("Storage is nearly full")).toBeHidden();
  // 4.1 million characters of the app's own data: past the warning, short of the ~5 M quota.
  await page.evaluate(() =>
    localStorage.setItem(
      "pla-workshop/quarantine/big/1",
      JSON.stringify({ original_key: "pla-workshop/workshop/big", reason: "test", quarantined_at: 0, raw: "x".repeat(4_100_000) }),
    ),
  );
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Storage is nearly full" })).toBeVisible();
});

test("rename from the home screen, and undo it inside the workshop", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("n");
  await page.getByRole("link", { name: "PLA Workshop: all workshops" }).click();
  await page.getByRole("button", { name: "Rename New workshop" }).click();
  const input = page.getByLabel("New title");
  await expect(input).toBeFocused();
  await input.fill("Faith groups — March");
  await input.press("Enter");
  await expect(page.getByRole("link", { name: "Faith groups — March" })).toBeVisible();
  await page.getByRole("link", { name: "Faith groups — March" }).click();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator("#workshop-title")).toHaveText("New workshop");
});

test("a file dropped on the window is imported", async ({ page }) => {
  await openApp(page);
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "dropped.json", { type: "application/json" }));
    window.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, example.toString());
  await expect(page.getByRole("link", { name: "Phase zero: how coproduction works" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Imported 1 workshop" })).toBeVisible();
});

test("markup in an imported label is shown as text and never run", async ({ page, watched }) => {
  await openApp(page);
  const hostile = '<img src=x onerror="window.__ran=1"><b>bold</b>';
  const text = example.toString().replace("Phase zero: how coproduction works", hostile.replaceAll('"', '\\"'));
  await page.locator('input[type="file"]').setInputFiles({ name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await expect(page.getByRole("link", { name: hostile })).toBeVisible();
  expect(await page.locator(".workshop-card img, .workshop-card b").count()).toBe(0);
  expect(await page.evaluate(() => window.__ran)).toBeUndefined();
  expect(watched.foreignRequests).toEqual([]);
});

/** `bytes`, a wasm module, with a custom section `name` holding `text` at its end. */
function withCustomSection(bytes, name, text) {
  const leb = (n) => {
    const out = [];
    do {
      let byte = n & 0x7f;
      n >>>= 7;
      if (n) byte |= 0x80;
      out.push(byte);
    } while (n);
    return Buffer.from(out);
  };
  const content = Buffer.concat([leb(Buffer.byteLength(name)), Buffer.from(name), Buffer.from(text)]);
  return Buffer.concat([bytes, Buffer.from([0]), leb(content.length), content]);
}

test("a new version of the app takes over on the next load with all its modules, and keeps every workshop", async ({ page, context, watched }) => {
  // A copy of the built app on a server of its own, so the test can publish a "new version"
  // of it: a service worker with another version, a changed page, and every wasm module
  // (the first load's and those loaded on demand) marked with the version it belongs to.
  const { cpSync, mkdtempSync, readdirSync, readFileSync: read, writeFileSync, rmSync } = await import("node:fs");
  const { createHash } = await import("node:crypto");
  const { spawn } = await import("node:child_process");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const root = mkdtempSync(join(tmpdir(), "pla-update-"));
  cpSync(new URL("../../dist-e2e", import.meta.url).pathname, root, { recursive: true });
  const port = 8192;
  const server = spawn("node", [new URL("../serve.mjs", import.meta.url).pathname, root, String(port)]);
  // Which version each wasm module the page starts belongs to, in order.
  await page.addInitScript(() => {
    window.__modules = [];
    const record = (result) => {
      const module = result.module ?? result;
      if (module instanceof WebAssembly.Module) {
        const [mark] = WebAssembly.Module.customSections(module, "app-build");
        window.__modules.push(mark ? new TextDecoder().decode(mark) : "first");
      }
      return result;
    };
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...args) => streaming(...args).then(record);
    const plain = WebAssembly.instantiate;
    WebAssembly.instantiate = (...args) => plain(...args).then(record);
  });
  const modules = () => page.evaluate(() => window.__modules);
  try {
    await new Promise((resolve, reject) => {
      server.stdout.on("data", (chunk) => String(chunk).includes("serving") && resolve());
      server.on("exit", (code) => reject(new Error(`the server stopped (${code})`)));
    });
    const origin = `http://127.0.0.1:${port}`;
    const cacheNames = () => page.evaluate(() => caches.keys());
    const version = () => /const VERSION = "([^"]*)"/.exec(read(join(root, "sw.js"), "utf8"))[1];

    await openApp(page, `${origin}/`);
    await page.keyboard.press("n");
    await page.getByLabel("Place").fill("Hall of the first version");
    await page.getByRole("button", { name: "Add power venn diagram" }).click();
    await expect(page.getByLabel("New institution (Enter adds it)")).toBeVisible();
    const vennUrl = page.url();
    await page.goBack();
    // The first load's module, then the Venn editor's (and any it shares code with).
    expect((await modules()).length).toBeGreaterThan(1);
    expect(new Set(await modules())).toEqual(new Set(["first"]));
    const first = version();
    // The first version's worker is installed and in control of the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
      }
    });
    expect(await cacheNames()).toEqual([`pla-workshop-${first}`]);

    // Publish the next version: a new service worker, a page that says which it is, and
    // every module marked "next" (the page's integrity for the preloaded one follows).
    let html = read(join(root, "index.html"), "utf8").replace("<head>", '<head><meta name="app-build" content="next">');
    for (const name of readdirSync(root).filter((n) => n.endsWith(".wasm"))) {
      const before = read(join(root, name));
      const after = withCustomSection(before, "app-build", "next");
      writeFileSync(join(root, name), after);
      const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
      html = html.replace(sri(before), sri(after));
    }
    writeFileSync(join(root, "index.html"), html);
    writeFileSync(join(root, "sw.js"), read(join(root, "sw.js"), "utf8").replace(first, `${first}-next`));
    // This load still runs the first version; the browser finds the new worker meanwhile,
    // which installs beside it and takes over. The old version's files stay, for a page
    // still running it, until the version after.
    await page.reload();
    await expect(page.getByLabel("Place")).toHaveValue("Hall of the first version");
    await expect.poll(cacheNames, { timeout: 20_000 }).toEqual([`pla-workshop-${first}`, `pla-workshop-${first}-next`]);
    // Its cache exists from the start of its install: wait until it has every file and is
    // the worker in charge.
    await expect.poll(() => page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return !registration.installing && !registration.waiting && registration.active?.state === "activated";
    }), { timeout: 20_000 }).toBe(true);

    // The next load is the new version, from its own cache (the network is off), with the
    // workshop as it was; the editor it loads on demand is the new version's too.
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('meta[name="app-build"]')).toHaveAttribute("content", "next");
    await expect(page.getByLabel("Place")).toHaveValue("Hall of the first version");
    // The first load's module and the workshop page's, each of the new version.
    expect(new Set(await modules())).toEqual(new Set(["next"]));
    const started = (await modules()).length;
    await page.goto(vennUrl);
    await expect(page.getByLabel("New institution (Enter adds it)")).toBeVisible();
    expect((await modules()).length).toBeGreaterThan(started);
    expect(new Set(await modules())).toEqual(new Set(["next"]));
    await context.setOffline(false);
    expect(watched.consoleErrors).toEqual([]);
  } finally {
    server.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
