// Keeping a trainee's words on the device (issue 14, part C): the Safari notice on an iPhone or
// iPad when Peer Study was not opened from the Home Screen, the install button where the browser
// offers installing, the last backup with its nudge (on a faked clock), and asking the browser to
// keep Peer Study's data after the first real entry, never on a first visit.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp } from "./fixtures.js";

const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) " +
  "Version/17.5 Mobile/15E148 Safari/604.1";
const DAY = 24 * 60 * 60 * 1000;
// A fixed morning, so "today" and "9 days ago" never straddle midnight.
const START = new Date(2026, 11, 2, 9, 30);

/** The page has finished building home: its last card is there. */
async function homeShown(page) {
  await expect(page.getByRole("heading", { name: "Your words stay with you" })).toBeVisible();
}

/** My data has finished building: its storage card is there. */
async function myDataShown(page) {
  await expect(page.getByRole("heading", { name: "Keep my data on this device" })).toBeVisible();
}

/** Save a reflection in the journal: the trainee's first real entry. */
async function writeReflection(page, words) {
  await openApp(page, "/course/journal");
  await page.getByLabel("Your reflection", { exact: true }).fill(words);
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved in your journal." })).toBeVisible();
  // Saves wait for a pause in typing; the page being hidden saves at once.
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await expect.poll(() => page.evaluate(() => localStorage.getItem("peer-study/journal") ?? "")).toContain(
    words.split(" ")[0],
  );
}

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const safariNotice = (page) => page.getByRole("region", { name: "Keep Peer Study on your Home Screen" });

test.describe("on an iPhone, in Safari", () => {
  test.use({ userAgent: IPHONE_SAFARI });

  test("home and My data say Safari may clear the data, and how to add Peer Study to the Home Screen", async ({
    page,
  }) => {
    await page.clock.setFixedTime(START);
    await openApp(page, "/");
    const notice = safariNotice(page);
    await expect(notice).toContainText("Safari may clear Peer Study's data after 7 days without a visit");
    await expect(notice).toContainText("Share");
    await expect(notice).toContainText("“Add to Home Screen”");
    await page.getByRole("link", { name: "My data" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My data");
    await expect(safariNotice(page)).toBeVisible();

    // Put away for a while: gone, also after a reload, and focus is on the page's heading.
    await safariNotice(page).getByRole("button", { name: "Hide for 3 days" }).click();
    await expect(safariNotice(page)).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    await page.clock.setFixedTime(START.getTime() + 2 * DAY);
    await page.reload();
    await myDataShown(page);
    await expect(safariNotice(page)).toHaveCount(0);

    // Back once the pause is over, while the risk remains.
    await page.clock.setFixedTime(START.getTime() + 3 * DAY + 60_000);
    await openApp(page, "/");
    await expect(safariNotice(page)).toBeVisible();
  });

  for (const theme of ["light", "dark"]) {
    test(`axe finds nothing serious on home with the notice, the install offer and the backup card (${theme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme });
      await writeReflection(page, "Small steps counted today.");
      await openApp(page, "/");
      await page.evaluate(() => {
        const offer = new Event("beforeinstallprompt", { cancelable: true });
        offer.prompt = () => Promise.resolve({ outcome: "dismissed" });
        window.dispatchEvent(offer);
      });
      await expect(safariNotice(page)).toBeVisible();
      await expect(page.getByRole("button", { name: "Install Peer Study" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Back up now" })).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, "best-practice"]).analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(serious).toEqual([]);
    });
  }

  test("opened from the Home Screen, there is no notice", async ({ page }) => {
    // As an app from the Home Screen: the display-mode media query matches "standalone".
    await page.addInitScript(() => {
      const matchMedia = window.matchMedia.bind(window);
      window.matchMedia = (query) =>
        query.includes("display-mode: standalone")
          ? { matches: true, media: query, addEventListener() {}, removeEventListener() {} }
          : matchMedia(query);
    });
    await openApp(page, "/");
    await homeShown(page);
    await expect(safariNotice(page)).toHaveCount(0);
    await openApp(page, "/my-data");
    await expect(page.getByRole("heading", { name: "Keep my data on this device" })).toBeVisible();
    await expect(safariNotice(page)).toHaveCount(0);
  });
});

test("Chromium on Android or a desktop gets no Safari notice", async ({ page }) => {
  await openApp(page, "/");
  await homeShown(page);
  await expect(safariNotice(page)).toHaveCount(0);
});

test("where the browser offers installing, an Install Peer Study button asks it, once", async ({ page }) => {
  await openApp(page, "/");
  await homeShown(page);
  await expect(page.getByRole("button", { name: "Install Peer Study" })).toHaveCount(0);

  // The browser's offer, as Chromium makes it: an event with a prompt() of its own.
  const prevented = await page.evaluate(() => {
    window.__prompted = 0;
    const offer = new Event("beforeinstallprompt", { cancelable: true });
    offer.prompt = () => {
      window.__prompted += 1;
      return Promise.resolve({ outcome: "accepted" });
    };
    window.dispatchEvent(offer);
    return offer.defaultPrevented;
  });
  expect(prevented, "the offer is kept for the button").toBe(true);

  // Kept while the trainee moves around: the button is on My data too.
  await page.getByRole("link", { name: "My data" }).first().click();
  const install = page.getByRole("button", { name: "Install Peer Study" });
  await expect(install).toBeVisible();
  await install.click();
  await expect.poll(() => page.evaluate(() => window.__prompted)).toBe(1);
  await expect(install).toHaveCount(0);
  await page.getByRole("link", { name: "Home" }).first().click();
  await homeShown(page);
  await expect(page.getByRole("button", { name: "Install Peer Study" })).toHaveCount(0);
});

test("once something is written, home and My data show the last backup, with a nudge after a week", async ({
  page,
}) => {
  await page.clock.setFixedTime(START);
  await openApp(page, "/");
  await homeShown(page);
  // Nothing written yet: nothing to back up, nothing said.
  await expect(page.getByText("No backup yet")).toHaveCount(0);

  await writeReflection(page, "Naming the feeling before fixing it made the conversation slower and kinder.");
  await openApp(page, "/");
  const card = page.getByRole("region", { name: "Your backup" });
  await expect(card.getByText("No backup yet")).toBeVisible();
  await expect(card).toContainText("A backup file keeps a spare copy");

  // One tap.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("button", { name: "Back up now" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^peer-study-backup-.*\.json$/);
  await expect(card.getByText("Last backup: today")).toBeVisible();
  await expect(card).not.toContainText("spare copy");

  // Nine days on: said in days, with a gentle nudge, on home and on My data.
  await page.clock.setFixedTime(START.getTime() + 9 * DAY);
  await openApp(page, "/");
  await expect(card.getByText("Last backup: 9 days ago")).toBeVisible();
  await expect(card).toContainText("It's been a week or more");
  await openApp(page, "/my-data");
  const backUp = page.getByRole("region", { name: "Back up" });
  await expect(backUp.getByText("Last backup: 9 days ago")).toBeVisible();
  await expect(backUp).toContainText("It's been a week or more");

  // A backup from My data counts too.
  await Promise.all([page.waitForEvent("download"), backUp.getByRole("button", { name: "Download a backup" }).click()]);
  await expect(backUp.getByText("Last backup: today")).toBeVisible();
  await expect(backUp).not.toContainText("a week or more");
});

test("the browser is asked to keep the data after the first entry, not on a first visit, and My data shows its answer", async ({
  page,
}) => {
  // The browser's storage manager, stubbed so the test sees each ask (counted across reloads).
  await page.addInitScript(() => {
    const asked = () => Number(sessionStorage.getItem("test-persist-asked") ?? 0);
    navigator.storage.persisted = async () => asked() > 0;
    navigator.storage.persist = async () => {
      sessionStorage.setItem("test-persist-asked", String(asked() + 1));
      return true;
    };
  });
  const asks = () => page.evaluate(() => Number(sessionStorage.getItem("test-persist-asked") ?? 0));

  // A first visit, looking around and choosing a theme: not asked.
  await openApp(page, "/");
  await homeShown(page);
  await openApp(page, "/settings");
  await page.getByRole("radio", { name: "Dark" }).check();
  await expect.poll(() => page.evaluate(() => localStorage.getItem("peer-study/settings") ?? "")).toContain("dark");
  await openApp(page, "/my-data");
  const keep = page.getByRole("region", { name: "Keep my data on this device" });
  await expect(keep).toContainText("Your browser hasn't agreed to keep Peer Study's data yet");
  expect(await asks()).toBe(0);

  // The first real entry: asked once, and My data says the browser agreed.
  await writeReflection(page, "Sitting with silence felt less awkward by the third time.");
  await expect.poll(asks).toBe(1);
  await openApp(page, "/my-data");
  await expect(keep).toContainText("Your browser has agreed to keep Peer Study's data");
  await expect(keep.getByRole("button", { name: "Ask the browser to keep my data" })).toBeDisabled();

  // Asked once only: a reload and a later entry don't ask again.
  await page.reload();
  await writeReflection(page, "Noticed I wanted to fix things again; let it be.");
  await page.getByRole("link", { name: "My data" }).first().click();
  await expect(keep).toContainText("Your browser has agreed to keep Peer Study's data");
  expect(await asks()).toBe(1);

  // Work already stored when the app starts, with no note of asking (a backup restored into a
  // fresh browser, say): asked once, a moment after the first screen is up.
  await page.evaluate(() => localStorage.removeItem("peer-study-device/persist-asked"));
  await openApp(page, "/");
  await homeShown(page);
  await expect.poll(asks, { timeout: 10_000 }).toBe(2);
  expect(await page.evaluate(() => localStorage.getItem("peer-study-device/persist-asked"))).not.toBeNull();
});
