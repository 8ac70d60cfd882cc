// A trainee's data on their own device: it survives reloads, unreadable data is set aside and
// never overwritten, two tabs editing in turn lose nothing, and a backup restores into a fresh
// browser exactly. Bad backup files change nothing.
import { readFile } from "node:fs/promises";
import { test, expect, openApp } from "./fixtures.js";

async function chooseTheme(page, name) {
  await openApp(page, "/settings");
  await page.getByRole("radio", { name }).check();
}

/** Wait until the app has saved (debounced), by watching localStorage itself. */
async function waitForSaved(page, key, text) {
  await expect
    .poll(() => page.evaluate((k) => localStorage.getItem(k) ?? "", key))
    .toContain(text);
}

test("settings and data survive a reload", async ({ page }) => {
  await chooseTheme(page, "Dark");
  await waitForSaved(page, "peer-study/settings", '"theme":"dark"');
  await page.reload();
  await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
  await openApp(page, "/my-data");
  await expect(page.getByRole("rowheader", { name: "Settings and profile" })).toBeVisible();
});

test("unreadable stored data is set aside with a calm banner, kept as it was, and offered back", async ({
  page,
}) => {
  await chooseTheme(page, "Dark");
  await waitForSaved(page, "peer-study/settings", '"theme":"dark"');
  const garbled = '{"rev":2,"saved_at":17,"data":[{"title":"My first refl';
  await page.evaluate((g) => localStorage.setItem("peer-study/journal", g), garbled);

  await page.reload();
  await expect(page.getByText("Some saved data couldn't be read")).toBeVisible();
  // The rest of the data still shows.
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  // The original text is still in storage, untouched, and a copy is set aside.
  expect(await page.evaluate(() => localStorage.getItem("peer-study/journal"))).toBe(garbled);

  await page.getByRole("link", { name: "See what was set aside" }).click();
  await expect(page.getByRole("heading", { name: "Set aside" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download it" }).click(),
  ]);
  expect(await readFile(await download.path(), "utf8")).toBe(garbled);

  // A change elsewhere is saved, and still the original is not overwritten.
  await chooseTheme(page, "Light");
  await waitForSaved(page, "peer-study/settings", '"theme":"light"');
  expect(await page.evaluate(() => localStorage.getItem("peer-study/journal"))).toBe(garbled);
});

test("two tabs of the app editing in turn lose nothing", async ({ page, context }) => {
  await chooseTheme(page, "Dark");
  await waitForSaved(page, "peer-study/settings", '"theme":"dark"');

  const other = await context.newPage();
  await openApp(other, "/settings");
  await expect(other.getByRole("radio", { name: "Dark" })).toBeChecked();
  await other.getByRole("radio", { name: "Larger" }).check();
  await waitForSaved(other, "peer-study/settings", '"text_size":"larger"');

  // The first tab picks up the other tab's save without a reload, keeping its own choice.
  await expect(page.getByRole("radio", { name: "Larger" })).toBeChecked();
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "larger");
  await page.getByRole("radio", { name: "Light" }).check();
  await waitForSaved(page, "peer-study/settings", '"theme":"light"');
  await expect(other.getByRole("radio", { name: "Light" })).toBeChecked();

  await other.reload();
  await expect(other.getByRole("radio", { name: "Light" })).toBeChecked();
  await expect(other.getByRole("radio", { name: "Larger" })).toBeChecked();
  await other.close();
});

test("a backup restores into a fresh browser with the same data", async ({ page, browser }) => {
  await chooseTheme(page, "Dark");
  await page.getByRole("radio", { name: "Larger" }).check();
  await waitForSaved(page, "peer-study/settings", '"text_size":"larger"');
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My data" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download a backup" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^peer-study-backup-.*\.json$/);
  const backupPath = await download.path();
  const backup = JSON.parse(await readFile(backupPath, "utf8"));
  expect(backup.type).toBe("peer-study-backup");

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const baseURL = new URL(page.url()).origin;
  await other.goto(`${baseURL}/my-data`);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("My data");
  await expect(other.locator("html")).not.toHaveAttribute("data-theme", "dark");
  await other.getByLabel("Backup file").setInputFiles(backupPath);
  await expect(other.getByRole("heading", { name: "What this backup holds" })).toBeVisible();
  await other.getByRole("button", { name: "Replace everything here" }).click();
  await other.getByRole("button", { name: "Yes, replace everything" }).click();
  await expect(other.getByText(/^Restored/)).toBeVisible();
  await expect(other.locator("html")).toHaveAttribute("data-theme", "dark");
  await other.reload();
  await expect(other.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(other.locator("html")).toHaveAttribute("data-text-size", "larger");
  await fresh.close();
});

test("a file that is not a good backup gets a clear message and changes nothing", async ({ page }) => {
  await chooseTheme(page, "Dark");
  await waitForSaved(page, "peer-study/settings", '"theme":"dark"');
  const before = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  await openApp(page, "/my-data");
  const cases = [
    { name: "notes.json", text: "this is not json" },
    { name: "other.json", text: '{"type":"someone-elses-backup","version":1,"data":{}}' },
    { name: "future.json", text: '{"type":"peer-study-backup","version":999,"exported_at":"x","data":{}}' },
    { name: "empty.json", text: "" },
    // Well-formed, but a plain string where the journal belongs and 42 where a draft belongs.
    {
      name: "wrong-types.json",
      text: JSON.stringify({
        type: "peer-study-backup",
        version: 2,
        exported_at: "2026-12-01T10:00:00Z",
        data: {
          "peer-study/journal": { rev: 1, saved_at: 1, data: "entries" },
          "peer-study/draft/recovery-story-essay": { rev: 1, saved_at: 1, data: 42 },
        },
      }),
    },
  ];
  for (const c of cases) {
    await page.getByLabel("Backup file").setInputFiles({
      name: c.name,
      mimeType: "application/json",
      buffer: Buffer.from(c.text),
    });
    await expect(page.getByRole("alert")).toContainText("Nothing has been changed");
    await expect(page.getByRole("button", { name: "Replace everything here" })).toHaveCount(0);
  }
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toBe(before);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("data saved by a newer version opens read-only and is never written over", async ({ page }) => {
  await chooseTheme(page, "Dark");
  await waitForSaved(page, "peer-study/settings", '"theme":"dark"');
  await page.evaluate(() => localStorage.setItem("peer-study/meta", '{"schema_version":99}'));
  const before = await page.evaluate(() => JSON.stringify({ ...localStorage }));

  await page.reload();
  await expect(page.getByText("saved by a newer version of Peer Study")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.getByRole("radio", { name: "Light" }).check();
  await page.reload();
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toBe(before);
});

test("with no storage at all the app still works and warns to back up before leaving", async ({
  page,
}) => {
  // Some private modes and locked-down browsers refuse localStorage outright.
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await openApp(page, "/settings");
  await expect(page.getByText("isn't letting Peer Study save anything on this device")).toBeVisible();
  await page.getByRole("radio", { name: "Dark" }).check();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByText("they will only last until you close this tab")).toBeVisible();
});

test("text that looks like HTML is shown as text, after typing it and after a restore", async ({
  page,
  browser,
}) => {
  const tricky = `<img src="x" onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold?</b>`;
  await openApp(page, "/course/journal");
  await page.getByLabel("Title (optional)", { exact: true }).fill("Angle brackets");
  await page.getByLabel("Your reflection", { exact: true }).fill(tricky);
  await page.getByRole("button", { name: "Save reflection" }).click();
  const entry = page.getByRole("article", { name: "Angle brackets" });
  await expect(entry).toContainText(tricky);
  await expect(page.locator("main img, main script, main b")).toHaveCount(0);

  await openApp(page, "/my-data");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download a backup" }).click(),
  ]);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(`${new URL(page.url()).origin}/my-data`);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("My data");
  await other.getByLabel("Backup file").setInputFiles(await download.path());
  await other.getByRole("button", { name: "Merge with what's here" }).click();
  await expect(other.getByText(/^Restored/)).toBeVisible();
  await other.goto(`${new URL(page.url()).origin}/course/journal`);
  await expect(other.getByRole("article", { name: "Angle brackets" })).toContainText(tricky);
  await expect(other.locator("main img, main script, main b")).toHaveCount(0);
  expect(await other.evaluate(() => window.__pwned)).toBeUndefined();
  await fresh.close();
});
