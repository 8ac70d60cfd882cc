// Accessibility to WCAG 2.2 AA, screen by screen (the list is in screens.js):
// - axe-core finds no serious or critical problem, in the light and the dark theme (every finding,
//   whatever its impact, is written to test-output/axe/ for a person to read);
// - the chosen dark theme looks exactly like the device's dark theme;
// - the pages reflow at 320 px wide and at 200% zoom, with the largest text size;
// - controls are big enough to tap (44 px for buttons and the navigation, 24 px for the rest);
// - nothing moves when the device asks for reduced motion;
// - a keyboard alone reaches everything in the shell, settings and the backup, with focus always
//   visible and never hidden under the bottom navigation;
// - screenshots of each screen at 360 px in both themes go to test-output/screenshots/.
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp } from "./fixtures.js";
import { SCREENS, openScreen } from "./screens.js";

const OUT = fileURLToPath(new URL("../../test-output/", import.meta.url));
const THEMES = ["light", "dark"];
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** Open a screen with the device in `theme` (the app follows the device unless told otherwise). */
async function openInTheme(page, screen, theme) {
  await page.emulateMedia({ colorScheme: theme });
  await openScreen(page, screen);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(screen.heading);
}

for (const screen of SCREENS) {
  for (const theme of THEMES) {
    test(`axe finds nothing serious on ${screen.name} (${theme})`, async ({ page }, testInfo) => {
      // axe over a whole page is heavy: on the glossary's long list it took over half the default
      // 30 s on a busy machine. Three times the budget (test.slow) gives every screen room.
      test.slow();
      await openInTheme(page, screen, theme);
      const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, "best-practice"]).analyze();
      const found = results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }));
      await mkdir(`${OUT}axe`, { recursive: true });
      await writeFile(
        `${OUT}axe/${testInfo.project.name}-${screen.name}-${theme}.json`,
        JSON.stringify({ url: results.url, violations: found, incomplete: results.incomplete.map((v) => v.id) }, null, 2),
      );
      const serious = found.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious, "serious or critical axe findings").toEqual([]);
    });
  }
}

test("the axe check notices a real problem when there is one", async ({ page }) => {
  // Guards the check above against passing because it looked at nothing: a button with no name
  // put into a page must be reported, as critical.
  await openApp(page, "/settings");
  await page.evaluate(() => document.querySelector("main").append(document.createElement("button")));
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = results.violations.map((v) => [v.id, v.impact]);
  expect(found).toContainEqual(["button-name", "critical"]);
});

test("choosing the dark theme gives the same colours as a device in dark mode", async ({ page }) => {
  const colours = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      const names = ["--bg", "--surface", "--text", "--muted", "--accent", "--accent-text", "--border", "--focus"];
      return Object.fromEntries(names.map((n) => [n, style.getPropertyValue(n).trim()]));
    });
  await page.emulateMedia({ colorScheme: "dark" });
  await openApp(page, "/settings");
  const deviceDark = await colours();
  await page.emulateMedia({ colorScheme: "light" });
  await page.getByRole("radio", { name: "Dark" }).check();
  expect(await colours()).toEqual(deviceDark);
  await page.getByRole("radio", { name: "Light" }).check();
  expect(await colours()).not.toEqual(deviceDark);
});

/** How far the page scrolls sideways (0 when it fits). */
const sidewaysScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

// The checks below go screen by screen, one test each (as the axe checks above): a single test
// over every screen took more than half its 30 s on a busy machine, and each new screen would
// have made it slower still.
for (const screen of SCREENS) {
  test(`${screen.name} fits 320 px and 200% zoom with the largest text, without sideways scrolling`, async ({
    page,
  }) => {
    await openApp(page, "/settings");
    await page.getByRole("radio", { name: "Larger" }).check();
    // 320 CSS px is a small phone, or a 1280 px window at 400%; 640 x 400 is a laptop at 200%.
    for (const viewport of [{ width: 320, height: 640 }, { width: 640, height: 400 }]) {
      await page.setViewportSize(viewport);
      await openScreen(page, screen);
      expect(await sidewaysScroll(page), `${screen.name} at ${viewport.width} px`).toBeLessThanOrEqual(0);
    }
  });
}

for (const screen of SCREENS) {
  test(`every control on ${screen.name} is big enough to tap: 44 px for buttons and the navigation, 24 px for the rest`, async ({
    page,
  }) => {
    await openScreen(page, screen);
    const tooSmall = await page.evaluate(() => {
      const found = [];
      for (const el of document.querySelectorAll("button, a[href], input, select, textarea, summary")) {
        if (el.getClientRects().length === 0 || el.type === "hidden") continue; // not shown
        // A link inside a sentence is exempt (WCAG 2.5.8, inline); its line height sets its size.
        if (el.tagName === "A" && el.closest("p")) continue;
        let { width, height } = el.getBoundingClientRect();
        // A radio or checkbox is operated by its label too: the larger of the two counts.
        for (const label of el.labels ?? []) {
          const box = label.getBoundingClientRect();
          width = Math.max(width, box.width);
          height = Math.max(height, box.height);
        }
        const big = el.tagName === "BUTTON" || !!el.closest("header");
        const least = big ? 44 : 24;
        if (width < least - 0.5 || height < least - 0.5) {
          found.push(`${el.tagName} "${(el.textContent || el.id).trim()}" ${Math.round(width)}x${Math.round(height)}`);
        }
      }
      return found;
    });
    expect(tooSmall, screen.name).toEqual([]);
  });
}

for (const screen of SCREENS) {
  test(`with reduced motion asked for, nothing on ${screen.name} animates`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await openScreen(page, screen);
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll("*")]
        .filter((el) => {
          const style = getComputedStyle(el);
          const longest = (list) => Math.max(...list.split(",").map((t) => parseFloat(t) * (t.trim().endsWith("ms") ? 1 : 1000)));
          return longest(style.transitionDuration) > 1 || longest(style.animationDuration) > 1;
        })
        .map((el) => el.tagName + (el.className ? `.${el.className}` : "")),
    );
    expect(moving, screen.name).toEqual([]);
  });
}

/**
 * What has focus, and whether a sighted keyboard user can see it: an outline of at least 2 px, and
 * not hidden under anything else (such as the bottom navigation).
 */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { name: "(nothing)", visible: false };
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const unobscured = !!hit && (el.contains(hit) || hit.contains(el) || hit.closest("label")?.htmlFor === el.id);
    // Its name as a screen reader hears it (near enough): label, aria-label, or visible text.
    const spoken = el.cloneNode(true);
    spoken.querySelectorAll?.("[aria-hidden='true']").forEach((n) => n.remove());
    const label = el.labels?.[0]?.textContent ?? el.getAttribute("aria-label") ?? spoken.textContent;
    return { name: label.trim().replace(/\s+/g, " "), tag: el.tagName, outlined, unobscured };
  });
}

/** Press Tab until the focused element's name is `name`; every stop must show its focus. */
async function tabTo(page, name, stops) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    stops.push(now.name);
    expect(now.outlined, `focus outline on "${now.name}"`).toBe(true);
    expect(now.unobscured, `"${now.name}" is not hidden when focused`).toBe(true);
    if (now.name === name) return;
  }
  throw new Error(`Tab never reached "${name}"; it went: ${stops.join(" | ")}`);
}

test("a keyboard alone reaches the navigation, the theme choice and the backup", async ({ page }) => {
  await openApp(page);
  const stops = [];
  await tabTo(page, "Skip to content", stops);
  for (const name of ["Peer Study", "Home", "Course", "Writing", "Glossary", "My data", "Settings"]) {
    await tabTo(page, name, stops);
  }
  // The order follows the page: skip link, app name, each area, settings; nothing in between.
  expect(stops).toEqual(["Skip to content", "Peer Study", "Home", "Course", "Writing", "Glossary", "My data", "Settings"]);

  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await tabTo(page, "Match my device", []);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect((await focused(page)).outlined).toBe(true);

  // Back to the navigation (Shift+Tab), then on to My data and its backup button.
  for (let i = 0; i < 40 && (await focused(page)).name !== "My data"; i++) {
    await page.keyboard.press("Shift+Tab");
  }
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My data");
  await tabTo(page, "Download a backup", []);
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toMatch(/^peer-study-backup-.*\.json$/);
});

// One test per screen and theme: as one test for every screen, the screenshots took 25 s of its
// 30 s on a quiet machine and failed on a busy one.
for (const screen of SCREENS) {
  for (const theme of THEMES) {
    test(`screenshot of ${screen.name} at 360 px (${theme})`, async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== "phone", "one set is enough; the phone is 360 px wide");
      // A full-page picture of the glossary's long list took over 12 s of the default 30 s on a
      // busy machine; three times the budget (test.slow) gives every screen room.
      test.slow();
      await page.setViewportSize({ width: 360, height: 780 });
      await mkdir(`${OUT}screenshots`, { recursive: true });
      await openInTheme(page, screen, theme);
      await page.screenshot({ path: `${OUT}screenshots/${screen.name}-${theme}.png`, fullPage: true });
    });
  }
}
