// Offline and updates: after one visit the whole app opens with no network at all (pages and the
// service worker alike are cut off), what the trainee changes offline is kept, a new version waits
// for the trainee's go-ahead and loses nothing on the way, and a broken download of a new version
// leaves the working one in place.
import { fileURLToPath } from "node:url";
import { test, openApp } from "./fixtures.js";
import { SCREENS, openScreen } from "./screens.js";
import {
  OWN_PORT,
  appCaches,
  checkForUpdate,
  expect,
  goOffline,
  makeVersion,
  runningVersion,
  startServer,
  stopServer,
  waitUntilOfflineReady,
} from "./versions.js";

/** Open a screen and check it is the right one: its own heading, not a not-found page. */
async function openChecked(page, screen) {
  await openScreen(page, screen);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(screen.heading);
}

test("after one visit, every screen opens with no network at all", async ({ page, context }) => {
  // Installing the worker and then opening every screen offline took over half the default 30 s
  // on a busy machine; splitting it would install the worker once per screen. Three times the
  // budget (test.slow) instead.
  test.slow();
  await openApp(page);
  await waitUntilOfflineReady(page);
  const refused = await goOffline(context);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SCREENS[0].heading);
  for (const screen of SCREENS) await openChecked(page, screen);
  // Every screen was opened by address (a full load each time), and nothing needed the network.
  expect(refused, "requests that needed the network").toEqual([]);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
});

test("settings changed offline are still there after another offline reload", async ({
  page,
  context,
}) => {
  await openApp(page, "/settings");
  await waitUntilOfflineReady(page);
  await goOffline(context);
  await page.reload();

  await page.getByRole("radio", { name: "Dark" }).check();
  await page.getByRole("radio", { name: "Larger" }).check();
  await page.reload();
  await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Larger" })).toBeChecked();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test.describe("a new version", () => {
  // These tests serve versions of the build themselves, on a port of their own.
  test.use({ baseURL: `http://127.0.0.1:${OWN_PORT}` });
  let server = null;
  test.afterEach(async () => {
    if (server) await stopServer(server);
    server = null;
  });

  test("waits to be accepted, then arrives without losing a change made just before", async ({
    page,
  }, testInfo) => {
    const v1 = await makeVersion("v1");
    const v2 = await makeVersion("v2");
    expect(v1.version).not.toBe(v2.version);
    server = await startServer({ port: OWN_PORT, dir: v1.dir });
    await openApp(page, "/settings");
    await waitUntilOfflineReady(page);
    expect(await runningVersion(page)).toBe(v1.version);
    await page.evaluate(() => (window.stillTheSamePage = true));

    // The next release goes up on the same address.
    await stopServer(server);
    server = await startServer({ port: OWN_PORT, dir: v2.dir });
    await checkForUpdate(page);

    const banner = page.getByRole("status").filter({ hasText: "A new version of Peer Study is ready" });
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await expect(banner.getByRole("button", { name: "Reload to update" })).toBeVisible();
    const shot = new URL(`../../test-output/screenshots/update-banner-${testInfo.project.name}.png`, import.meta.url);
    await page.screenshot({ path: fileURLToPath(shot) });
    // It waits: no reload by itself, the old version carries on, the trainee can keep working.
    await page.waitForTimeout(1_500);
    expect(await page.evaluate(() => window.stillTheSamePage)).toBe(true);
    expect(await runningVersion(page)).toBe(v1.version);

    // A change, then straight away "Reload to update", before the debounced save has run: the
    // change is not in storage yet when the button is pressed.
    const storedWhenAccepted = await page.evaluate(async () => {
      document.getElementById("theme-dark").click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const stored = localStorage.getItem("peer-study/settings") ?? "";
      [...document.querySelectorAll("button")].find((b) => b.textContent === "Reload to update").click();
      return stored;
    });
    expect(storedWhenAccepted).not.toContain('"theme":"dark"');

    await expect.poll(() => runningVersion(page).catch(() => null), { timeout: 20_000 }).toBe(v2.version);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
    await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
    await expect(page.getByText("A new version of Peer Study is ready")).toHaveCount(0);
    // Only the new version's files are kept.
    await expect.poll(() => appCaches(page)).toEqual([`peer-study-app-${v2.version}`]);
  });

  test("a new version that fails to download leaves the working one, offline too", async ({
    page,
    context,
  }) => {
    // Two builds, a failed install, then every screen offline: over half the default 30 s on a
    // busy machine, so three times the budget (test.slow).
    test.slow();
    const v1 = await makeVersion("v1");
    // Half-deployed: the list names a file that the server no longer has.
    const broken = await makeVersion("v2-broken", { drop: ["icons/icon-512.png"] });
    server = await startServer({ port: OWN_PORT, dir: v1.dir });
    await openApp(page);
    await waitUntilOfflineReady(page);

    await stopServer(server);
    server = await startServer({ port: OWN_PORT, dir: broken.dir });
    await checkForUpdate(page);
    // The install failed, and nothing of it is kept.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const r = await navigator.serviceWorker.getRegistration();
          return { installing: !!r.installing, waiting: !!r.waiting };
        }),
      )
      .toEqual({ installing: false, waiting: false });
    await expect.poll(() => appCaches(page)).toEqual([`peer-study-app-${v1.version}`]);
    await expect(page.getByText("A new version of Peer Study is ready")).toHaveCount(0);

    await goOffline(context);
    for (const screen of SCREENS) await openChecked(page, screen);
    expect(await runningVersion(page)).toBe(v1.version);
  });
});
