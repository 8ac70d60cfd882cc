// Setting up the passcode lock and unlocking, as a trainee does, for every spec that needs the
// lock on (lock.spec.js, backup_devices.spec.js). Not a spec itself: it registers no tests.
import { expect, openApp } from "./fixtures.js";

export const PASSCODE = "otters hold hands asleep";

/** Settings → Passcode lock → set up, saving the recovery key; returns the key as shown. */
export async function setUpLock(page) {
  await openApp(page, "/settings");
  await page.getByRole("button", { name: "Set up a passcode" }).click();
  await page.getByLabel("New passcode", { exact: true }).fill(PASSCODE);
  await page.getByLabel("Repeat new passcode").fill(PASSCODE);
  await page.getByRole("button", { name: "Continue" }).click();
  const box = page.getByRole("group", { name: "Your recovery key" });
  await expect(box).toBeVisible();
  await expect(page.getByText("no one can recover your notes")).toBeVisible();
  const key = (await box.locator("code").textContent()).trim();
  expect(key).toMatch(/^([0-9A-Z]{4} ){6}[0-9A-Z]{4}$/);
  await page.getByLabel("Type your recovery key").fill(key.toLowerCase().replaceAll(" ", "-"));
  await page.getByRole("button", { name: "Turn on passcode lock" }).click();
  await expect(page.getByText("The passcode lock is on.")).toBeVisible();
  return key;
}

/** Types the passcode on the lock screen and presses Unlock. */
export async function unlock(page, passcode = PASSCODE) {
  await page.getByLabel("Passcode", { exact: true }).fill(passcode);
  await page.getByRole("button", { name: "Unlock" }).click();
}
