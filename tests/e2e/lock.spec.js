// The passcode lock, end to end, with the browser's real Web Crypto: set it up from Settings,
// then check what a person holding the phone could see. Nothing a trainee writes may be in
// localStorage as readable text; after a reload, on any address, only the lock screen shows
// until the right passcode (or the recovery key) is given.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp } from "./fixtures.js";
import { PASSCODE, setUpLock, unlock } from "./lock_setup.js";

const REFLECTION = "Listening without fixing felt unfamiliar but steadied the whole conversation";
const WORDS = ["Listening", "fixing", "unfamiliar", "steadied", "conversation"];
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

async function expectLockScreen(page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Peer Study is locked");
  await expect(page.getByLabel("Passcode", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Forgot your passcode?" })).toBeVisible();
  const html = await page.content();
  for (const word of WORDS) expect(html, `the lock screen shows "${word}"`).not.toContain(word);
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
}

async function storedValues(page) {
  return page.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join("\n"));
}

test("with the lock on, no word of a reflection is stored readably, and only the passcode brings it back", async ({ page }) => {
  await setUpLock(page);
  // Going to the journal by its address is a fresh start: the lock screen first.
  await page.goto("/course/journal");
  await expectLockScreen(page);
  await unlock(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reflection journal");
  await page.getByLabel("Your reflection", { exact: true }).fill(REFLECTION);
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved in your journal." })).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  const stored = await storedValues(page);
  expect(stored).toContain('"sealed"');
  for (const word of WORDS) expect(stored, `"${word}" is stored readably`).not.toContain(word);

  // A reload, and a deep link straight to the journal, show only the lock screen.
  await page.reload();
  await expectLockScreen(page);
  await page.goto("/course/journal");
  await expectLockScreen(page);

  // A wrong passcode is refused kindly.
  await unlock(page, "otters hold hands awake");
  await expect(page.getByRole("status")).toContainText("didn't open Peer Study");
  await expectLockScreen(page);

  // The right one opens the journal at the address asked for, with the reflection.
  await unlock(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reflection journal");
  await expect(page.getByText(REFLECTION)).toBeVisible();
});

test("the recovery key opens the app and sets a new passcode", async ({ page }) => {
  const key = await setUpLock(page);
  await page.reload();
  await expectLockScreen(page);
  await page.getByRole("button", { name: "Forgot your passcode?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Use your recovery key");
  await page.getByLabel("Recovery key").fill(key);
  await page.getByLabel("New passcode", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("Repeat new passcode").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Unlock and set new passcode" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  await page.reload();
  await expectLockScreen(page);
  await unlock(page);
  await expect(page.getByRole("status")).toContainText("didn't open Peer Study");
  await unlock(page, "a brand new passphrase");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
});

test("changing the passcode: a wrong current one changes nothing, then only the new one unlocks", async ({ page }) => {
  await setUpLock(page);
  const NEW = "kingfishers by the weir";
  await page.getByRole("button", { name: "Change passcode" }).click();
  await page.getByLabel("Current passcode").fill("not my passcode");
  await page.getByLabel("New passcode", { exact: true }).fill(NEW);
  await page.getByLabel("Repeat new passcode").fill(NEW);
  await page.getByRole("button", { name: "Change passcode" }).click();
  await expect(page.getByRole("status").filter({ hasText: "isn't your current passcode" })).toBeVisible();
  // A new passcode that is too short is refused before anything is checked.
  await page.getByLabel("Current passcode").fill(PASSCODE);
  await page.getByLabel("New passcode", { exact: true }).fill("short");
  await page.getByLabel("Repeat new passcode").fill("short");
  await page.getByRole("button", { name: "Change passcode" }).click();
  await expect(page.getByRole("status").filter({ hasText: "at least 8 characters" })).toBeVisible();
  await page.getByLabel("New passcode", { exact: true }).fill(NEW);
  await page.getByLabel("Repeat new passcode").fill(NEW);
  await page.getByRole("button", { name: "Change passcode" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your passcode is changed" })).toBeVisible();

  await page.reload();
  await expectLockScreen(page);
  await unlock(page);
  await expect(page.getByRole("status")).toContainText("didn't open Peer Study");
  await expectLockScreen(page);
  await unlock(page, NEW);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
});

test("Lock now, and being hidden with auto-lock set to immediately, both lock the app", async ({ page }) => {
  await setUpLock(page);
  await page.getByRole("link", { name: "Home" }).first().click();
  // "Lock now" fits a 320 px wide phone without sideways scrolling.
  await page.setViewportSize({ width: 320, height: 700 });
  await expect(page.getByRole("button", { name: "Lock now" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.getByRole("button", { name: "Lock now" }).click();
  await expectLockScreen(page);
  await unlock(page);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Peer Study is locked");

  await page.goto("/settings");
  await unlock(page);
  await page.getByLabel("Lock when Peer Study has been out of sight").selectOption({ label: "Immediately" });
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expectLockScreen(page);
});

test("after five wrong passcodes each try waits a little longer", async ({ page }) => {
  await setUpLock(page);
  await page.reload();
  for (let i = 0; i < 6; i++) {
    await unlock(page, `not it ${i}`);
    await expect(page.getByRole("status")).toContainText("didn't open Peer Study");
  }
  await expect(page.getByRole("status")).toContainText("please wait");
  // Even the right passcode waits its turn, and a reload doesn't reset the wait.
  await page.reload();
  await unlock(page);
  await expect(page.getByRole("status")).toContainText("please wait");
  await expectLockScreen(page);
});

test("turning the lock off needs the passcode and leaves everything readable without one", async ({ page }) => {
  await setUpLock(page);
  await page.getByRole("button", { name: "Turn off passcode lock" }).click();
  await page.getByLabel("Passcode", { exact: true }).fill("wrong passcode");
  await page.getByRole("button", { name: "Turn off", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "didn't open" })).toBeVisible();
  await page.getByLabel("Passcode", { exact: true }).fill(PASSCODE);
  await page.getByRole("button", { name: "Turn off", exact: true }).click();
  await expect(page.getByRole("button", { name: "Set up a passcode" })).toBeVisible();
  expect(await storedValues(page)).not.toContain('"sealed"');
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
});

for (const theme of ["light", "dark"]) {
  test(`axe finds nothing serious on the set-up and the lock screen (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    const check = async (where) => {
      const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, "best-practice"]).analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(serious).toEqual([]);
    };
    await openApp(page, "/settings");
    await page.getByRole("button", { name: "Set up a passcode" }).click();
    await check("choosing a passcode");
    await page.getByLabel("New passcode", { exact: true }).fill(PASSCODE);
    await page.getByLabel("Repeat new passcode").fill(PASSCODE);
    await page.getByRole("button", { name: "Continue" }).click();
    const key = (await page.getByRole("group", { name: "Your recovery key" }).locator("code").textContent()).trim();
    await check("the recovery key");
    await page.getByLabel("Type your recovery key").fill(key);
    await page.getByRole("button", { name: "Turn on passcode lock" }).click();
    await expect(page.getByText("The passcode lock is on.")).toBeVisible();
    await check("the lock is on");
    await page.getByRole("button", { name: "Change passcode" }).click();
    await check("changing the passcode");
    await page.reload();
    await expectLockScreen(page);
    await check("the lock screen");
    await page.getByRole("button", { name: "Forgot your passcode?" }).click();
    await check("the recovery form");
  });
}
