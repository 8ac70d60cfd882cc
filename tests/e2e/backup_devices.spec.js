// Moving to another device with a backup, end to end: two browser contexts play two devices.
// Each writes something different, one sends ("Send to my other device" downloads the file in
// Chromium, which has no share sheet here), the other merges, and both sides' words are there.
// With the passcode lock on, the backup is encrypted: the file holds none of the words, opens on
// a fresh device with the passcode and with the recovery key (real Web Crypto), and a wrong
// passcode is refused and changes nothing.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp } from "./fixtures.js";
import { PASSCODE, setUpLock, unlock } from "./lock_setup.js";

const ON_PHONE = "Sitting in silence at the allotment helped me hear my own pace";
const PHONE_WORDS = ["Sitting", "silence", "allotment", "pace"];
const ON_LAPTOP = "Finding my own route back, one small waymark at a time";

/** Another device: a fresh browser context, watched like the test's own page. */
async function newDevice(browser, baseURL) {
  const context = await browser.newContext();
  const other = await context.newPage();
  const origin = new URL(baseURL).origin;
  const problems = [];
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin) {
      problems.push(`request to ${url}`);
    }
  });
  other.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  other.on("pageerror", (error) => problems.push(String(error)));
  const open = async (path) => {
    await other.goto(`${origin}${path}`);
    await expect(other.locator("main h1")).toBeVisible();
  };
  const close = async () => {
    await context.close();
    expect(problems, "requests to other hosts or console errors on the other device").toEqual([]);
  };
  return { page: other, open, close };
}

/** Opens `path` with the lock on: a fresh load shows the lock screen first. */
async function openUnlocked(page, path) {
  await page.goto(path);
  await unlock(page);
  await expect(page.locator("main h1")).not.toHaveText("Peer Study is locked");
}

async function writeReflection(page, text, open = openApp) {
  await open(page, "/course/journal");
  await page.getByLabel("Your reflection", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved in your journal." })).toBeVisible();
}

/** Everything stored, as one text. */
async function stored(page) {
  return page.evaluate(() => JSON.stringify({ ...localStorage }));
}

/** Chooses the backup file under "Restore from a backup" on My data. */
async function chooseBackup(page, path) {
  await page.getByLabel("Backup file").setInputFiles(path);
}

async function mergeAndCheck(page) {
  await expect(page.getByRole("heading", { name: "What this backup holds" })).toBeVisible();
  await page.getByRole("button", { name: "Merge with what's here" }).click();
  await expect(page.getByText(/^Restored/)).toBeVisible();
}

test("two devices: one sends its backup, the other merges it, and both sides' words are there", async ({ page, browser, baseURL }) => {
  await writeReflection(page, ON_PHONE);

  // The other device has written something of its own: an entry in its own glossary.
  const laptop = await newDevice(browser, baseURL);
  await laptop.open("/glossary/new");
  await laptop.page.getByLabel("Word or phrase").fill("Waymarks");
  await laptop.page.getByLabel("What it means to you").fill(ON_LAPTOP);
  await laptop.page.getByRole("button", { name: "Save entry" }).click();
  await expect(laptop.page).toHaveURL(/\/glossary\/own-\d+$/);
  const ownEntry = new URL(laptop.page.url()).pathname;

  // The phone sends: where there is no share sheet for the file, it downloads.
  await openApp(page, "/my-data");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Send to my other device" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^peer-study-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByRole("status").filter({ hasText: "Move it to your other device" })).toBeVisible();
  await expect(page.getByText("Open Peer Study there, go to My data")).toBeVisible();
  const file = await download.path();
  expect(await readFile(file, "utf8")).toContain("allotment");

  await laptop.open("/my-data");
  await chooseBackup(laptop.page, file);
  await mergeAndCheck(laptop.page);

  // Both sides' words, on screen, after a reload (so they are stored, not just shown).
  await laptop.open("/course/journal");
  await expect(laptop.page.getByText(ON_PHONE)).toBeVisible();
  await laptop.open(ownEntry);
  await expect(laptop.page.getByRole("heading", { level: 1 })).toHaveText("Waymarks");
  await expect(laptop.page.getByText(ON_LAPTOP)).toBeVisible();
  await laptop.close();
});

test("sent through the phone's share sheet, the backup is counted at once: My data says the last backup was today", async ({ page }) => {
  // A phone's share sheet, standing in for the real one: it takes the file and closes.
  await page.addInitScript(() => {
    window.sharedFiles = [];
    navigator.canShare = (data) => Array.isArray(data?.files);
    navigator.share = async (data) => {
      window.sharedFiles.push(...data.files.map((file) => file.name));
    };
  });
  await writeReflection(page, ON_PHONE);
  await openApp(page, "/my-data");
  await expect(page.getByText("No backup yet")).toBeVisible();

  await page.getByRole("button", { name: "Send to my other device" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Sent peer-study-backup-/ })).toBeVisible();
  const shared = await page.evaluate(() => window.sharedFiles);
  expect(shared).toEqual([expect.stringMatching(/^peer-study-backup-\d{4}-\d{2}-\d{2}\.json$/)]);
  // Without a reload: the share sheet answers after the tap, and the page still hears of it.
  await expect(page.getByText("Last backup: today")).toBeVisible();
  await expect(page.getByText("No backup yet")).toHaveCount(0);
});

test("with the lock on, the backup is encrypted, holds none of the words, and opens elsewhere with the passcode or the recovery key", async ({ page, browser, baseURL }) => {
  // Three devices and eight passcode derivations (600,000 PBKDF2 iterations each): more time.
  test.slow();
  // A fresh device has written first, so the phone's journal is the newer one when they meet.
  const fresh = await newDevice(browser, baseURL);
  await writeReflection(fresh.page, ON_LAPTOP);

  const recoveryKey = await setUpLock(page);
  await writeReflection(page, ON_PHONE, openUnlocked);
  await openUnlocked(page, "/my-data");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download a backup" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^peer-study-backup-.*-encrypted\.json$/);
  await expect(page.getByRole("status").filter({ hasText: "It is encrypted" })).toBeVisible();
  const path = await download.path();
  const text = await readFile(path, "utf8");
  for (const word of PHONE_WORDS) expect(text, `the backup shows "${word}"`).not.toContain(word);
  expect(text).not.toContain("journal");
  const head = JSON.parse(text);
  expect(head.type).toBe("peer-study-backup");
  expect(head.encrypted).toBe(true);
  expect(head.version).toEqual(expect.any(Number));
  expect(head.exported_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(head.data).toBeUndefined();

  // On the fresh device, a wrong passcode is refused and changes nothing.
  await fresh.open("/my-data");
  const before = await stored(fresh.page);
  await chooseBackup(fresh.page, path);
  await expect(fresh.page.getByRole("heading", { name: "This backup is encrypted" })).toBeVisible();
  const axe = await new AxeBuilder({ page: fresh.page })
    .include("#restore-unlock")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
    .analyze();
  expect(axe.violations.map((v) => v.help), "axe on the passcode form").toEqual([]);
  const passcode = fresh.page.getByLabel("Passcode", { exact: true });
  await passcode.fill("otters hold hands awake");
  await fresh.page.getByRole("button", { name: "Open the backup" }).click();
  await expect(fresh.page.getByText("That passcode doesn't open this backup.")).toBeVisible();
  await expect(passcode).toHaveAttribute("aria-invalid", "true");
  await expect(passcode).toBeFocused();
  await expect(fresh.page.getByRole("heading", { name: "What this backup holds" })).toHaveCount(0);
  expect(await stored(fresh.page)).toBe(before);

  // The right passcode opens it. Merging brings the phone's newer journal in; this device's
  // older one is set aside on My data, so its words are kept too.
  await passcode.fill(PASSCODE);
  await fresh.page.getByRole("button", { name: "Open the backup" }).click();
  await mergeAndCheck(fresh.page);
  await fresh.open("/course/journal");
  await expect(fresh.page.getByText(ON_PHONE)).toBeVisible();
  expect(await stored(fresh.page)).toContain(ON_LAPTOP);
  await fresh.close();

  // Another fresh device, with the recovery key instead.
  const third = await newDevice(browser, baseURL);
  await third.open("/my-data");
  await chooseBackup(third.page, path);
  await third.page.getByRole("button", { name: "Use the recovery key instead" }).click();
  await expect(third.page.getByLabel("Recovery key")).toBeFocused();
  await third.page.getByLabel("Recovery key").fill(recoveryKey);
  await third.page.getByRole("button", { name: "Open the backup" }).click();
  await mergeAndCheck(third.page);
  await third.open("/course/journal");
  await expect(third.page.getByText(ON_PHONE)).toBeVisible();
  await third.close();
});
