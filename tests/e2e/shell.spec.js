// The app shell as a trainee meets it: it opens, every area is reachable by its link, settings
// survive a reload, unknown addresses are handled kindly, and nothing leaves the device.
import { test, expect, openApp } from "./fixtures.js";

const AREAS = [
  { link: "Course", path: "/course", heading: "Your course" },
  { link: "Writing", path: "/assignments", heading: "Assignments" },
  { link: "Glossary", path: "/glossary", heading: "Glossary" },
  { link: "My data", path: "/my-data", heading: "My data" },
  { link: "Home", path: "/", heading: "Welcome to Peer Study" },
];

test("the app opens on the home page with its name and main landmarks", async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle("Welcome to Peer Study · Peer Study");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to Peer Study");
  await expect(page.getByRole("link", { name: "Peer Study" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
});

test("every area is reached by clicking its link in the navigation", async ({ page }) => {
  await openApp(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const area of AREAS) {
    await nav.getByRole("link", { name: area.link, exact: true }).click();
    await expect(page).toHaveURL(area.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(area.heading);
    await expect(nav.getByRole("link", { name: area.link, exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
    // Focus moves to the new page's heading so a screen reader announces it.
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  }
  await page.getByRole("banner").getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL("/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
});

test("the navigation marks one area as current, the right one on an area's own pages too", async ({ page }) => {
  const current = () =>
    page.getByRole("banner").locator('a[aria-current="page"]').allTextContents();
  await openApp(page, "/course/dates");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await current()).toEqual(["Course"]);
  // Home is current on the home page only, never on the addresses under it.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to Peer Study");
  expect(await current()).toEqual(["Home"]);
  await openApp(page, "/no-such-page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  expect(await current()).toEqual([]);
});

test("the theme and text size chosen in settings survive a reload", async ({ page }) => {
  await openApp(page, "/settings");
  await page.getByRole("radio", { name: "Dark" }).check();
  await page.getByRole("radio", { name: "Larger" }).check();
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(html).toHaveAttribute("data-text-size", "larger");
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.reload();
  await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Larger" })).toBeChecked();
  await expect(html).toHaveAttribute("data-theme", "dark");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);

  await page.getByRole("radio", { name: "Light" }).check();
  await page.reload();
  await expect(page.getByRole("radio", { name: "Light" })).toBeChecked();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
    darkBackground,
  );
});

test("the theme can be chosen by keyboard alone", async ({ page }) => {
  await openApp(page, "/settings");
  await page.getByRole("radio", { name: "Match my device" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Light" })).toBeChecked();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
});

test("an unknown address shows a kind not-found page with a way home", async ({ page }) => {
  await openApp(page, "/no-such-page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to Peer Study");
});

test("a direct visit to an area's address opens that area", async ({ page }) => {
  for (const area of AREAS) {
    await openApp(page, area.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(area.heading);
  }
});

test("pages fit a 320 px wide phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/", "/course", "/assignments", "/glossary", "/my-data", "/settings"]) {
    await openApp(page, path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `sideways scroll on ${path}`).toBeLessThanOrEqual(0);
  }
});
