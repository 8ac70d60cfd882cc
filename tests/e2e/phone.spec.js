// Phone-first, checked on a 390 × 844 phone (the size a new user tried): what the trainee needs
// while studying, searching or writing stays on screen, above the bottom bar and above the
// keyboard; the editor's tools are in reach from the last section; My data backs up first and
// can erase everything, asking first.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, openApp, ESSAY_TITLE, startEssay, introduction } from "./fixtures.js";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** The top edge of the fixed bottom navigation bar, in viewport pixels. */
async function bottomBarTop(page) {
  const box = await page.getByRole("navigation", { name: "Main" }).boundingBox();
  return box.y;
}

test("while studying flashcards, the card's answers sit above the bottom bar", async ({ page }) => {
  await openApp(page, "/glossary/flashcards");
  await page.getByRole("button", { name: "Start studying" }).click();
  await page.getByRole("button", { name: "Show the meaning" }).click();
  const barTop = await bottomBarTop(page);
  for (const name of ["I knew it", "Not yet"]) {
    const box = await page.getByRole("button", { name }).boundingBox();
    expect(box.y, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `${name} ends above the bottom bar`).toBeLessThanOrEqual(barTop);
  }
  // And answering works from there, with no scrolling.
  await page.getByRole("button", { name: "I knew it" }).click();
  await expect(page.getByText("Card 2 of 10")).toBeVisible();
});

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** Whether `locator` lies wholly inside the viewport. */
async function inViewport(page, locator) {
  const box = await locator.boundingBox();
  const { height, width } = page.viewportSize();
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= height && box.x + box.width <= width;
}

test("writing mid-essay, the editor's tools are in reach without scrolling", async ({ page }) => {
  await startEssay(page);
  const section = page.getByRole("textbox", { name: "Peer support and my recovery", exact: true });
  await section.fill("What peer support has meant to me.");
  await section.focus();
  // The versions are far below and the start of the page far above: the bar stays on screen.
  expect(await inViewport(page, page.getByRole("heading", { level: 1 }))).toBe(false);
  expect(await inViewport(page, page.getByRole("heading", { name: "Versions" }))).toBe(false);
  const tools = page.getByRole("button", { name: "Tools" });
  expect(await inViewport(page, tools)).toBe(true);
  expect(await inViewport(page, page.getByRole("button", { name: "Focus mode" }))).toBe(true);
  await expect(tools).toHaveAttribute("aria-expanded", "false");
  await tools.click();
  await expect(tools).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("switch", { name: "Check my language" })).toBeVisible();
  await page.getByRole("button", { name: "Versions" }).click();
  // The panel closes, and the Versions card is where the trainee (and focus) now are.
  await expect(tools).toHaveAttribute("aria-expanded", "false");
  const versions = page.getByRole("heading", { name: "Versions" });
  await expect(versions).toBeFocused();
  expect(await inViewport(page, versions)).toBe(true);
  await tools.click();
  await page.getByRole("button", { name: "Export and print" }).click();
  await expect(page.getByRole("heading", { name: "Export and print" })).toBeFocused();
  expect(await inViewport(page, page.getByRole("heading", { name: "Export and print" }))).toBe(true);
});

test("the tools open and close from the keyboard, and Escape puts focus back on Tools", async ({ page }) => {
  await startEssay(page);
  const tools = page.getByRole("button", { name: "Tools" });
  await tools.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("switch", { name: "Check my language" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByRole("switch", { name: "Check my language" })).toHaveAttribute("aria-checked", "false");
  await expect(page.getByText("Checking is off")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(tools).toHaveAttribute("aria-expanded", "false");
  await expect(tools).toBeFocused();
  await expect(page.getByRole("switch", { name: "Check my language" })).toBeHidden();
});

test("on a phone, focus mode offers a button to leave and never mentions Escape", async ({ page }) => {
  await startEssay(page);
  await page.getByRole("button", { name: "Focus mode" }).click();
  const leave = page.getByRole("button", { name: "Leave focus mode" });
  await expect(leave).toBeVisible();
  await expect(page.getByText(/Escape/)).toBeHidden();
  // Still in reach from the end of the text.
  const conclusion = page.getByRole("textbox", { name: "Conclusion", exact: true });
  await conclusion.focus();
  expect(await inViewport(page, leave)).toBe(true);
  await leave.click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test.describe("with a mouse and keyboard", () => {
  test.use({ viewport: { width: 1280, height: 800 }, hasTouch: false, isMobile: false });

  test("focus mode mentions Escape beside its button", async ({ page }) => {
    await startEssay(page);
    await page.getByRole("button", { name: "Focus mode" }).click();
    await expect(page.getByRole("button", { name: "Leave focus mode" })).toBeVisible();
    await expect(page.getByText("Escape leaves it too.")).toBeVisible();
  });
});

test.describe("at 320 px", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const theme of ["light", "dark"]) {
    test(`the editor's bar and open tools fit and axe finds nothing serious (${theme})`, async ({ page }) => {
      test.slow();
      await page.emulateMedia({ colorScheme: theme });
      await startEssay(page);
      await page.getByRole("button", { name: "Tools" }).click();
      const scrollsSideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(scrollsSideways).toBe(false);
      const results = await new AxeBuilder({ page }).include(".editor-toolbar").withTags(WCAG_TAGS).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => v.id)).toEqual([]);
    });
  }
});

test.describe("with the phone's keyboard open", () => {
  // 844 px less about 340 px of on-screen keyboard.
  test.use({ viewport: { width: 390, height: 504 } });

  test("the glossary's first search result is on screen as you type", async ({ page }) => {
    await openApp(page, "/glossary");
    const search = page.getByRole("searchbox", { name: "Search the glossary" });
    await search.click();
    await search.pressSequentially("recov");
    const results = page.getByRole("region", { name: "Search and browse" });
    const first = results.getByRole("listitem").first();
    await expect(first.getByRole("link")).toContainText(/recover/i);
    const box = await first.boundingBox();
    expect(box.y, "the first result starts on screen").toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, "and ends above the bottom bar").toBeLessThanOrEqual(await bottomBarTop(page));
    // The box being typed in is still on screen too.
    const field = await search.boundingBox();
    expect(field.y).toBeGreaterThanOrEqual(0);
  });
});

/** Peer Study's keys in this browser's storage (records, set-aside copies, the lock's keys). */
const ourKeys = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("peer-study/") || k.startsWith("peer-study-lock/"))
      .sort(),
  );

/** Set course dates and write in the essay, so there is plenty stored to erase. */
async function storeSomeWork(page) {
  await openApp(page, "/course/dates");
  await page.getByLabel("Course start date").fill("2027-01-04");
  await page.getByRole("button", { name: "Set up my dates" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your dates are saved" })).toBeVisible();
  await startEssay(page);
  await introduction(page).fill("Words I would miss.");
  // Saved once the trainee pauses.
  await expect.poll(() => ourKeys(page)).toContain("peer-study/draft/recovery-story-essay");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My data" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My data");
}

test("My data puts backing up first", async ({ page }) => {
  await openApp(page, "/my-data");
  const cards = page.locator("main h2");
  await expect(cards.first()).toHaveText("Back up");
  await expect(page.getByRole("button", { name: "Download a backup" })).toBeInViewport();
});

test("cancelling 'Erase everything' erases nothing", async ({ page }) => {
  await storeSomeWork(page);
  const before = await ourKeys(page);
  await page.getByRole("button", { name: "Erase everything…" }).click();
  const question = page.getByRole("group", { name: "Erase everything on this device?" });
  await expect(question.getByRole("heading", { name: "Erase everything on this device?" })).toBeFocused();
  await expect(question).toContainText("every draft, with all its versions");
  await expect(question).toContainText("the passcode lock with its keys");
  await question.getByRole("button", { name: "Cancel, keep everything" }).click();
  await expect(page.getByText("Nothing was erased. Everything is still here.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Erase everything…" })).toBeFocused();
  expect(await ourKeys(page)).toEqual(before);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My data");
  await openApp(page, "/assignments/recovery-story-essay");
  await expect(introduction(page)).toHaveValue("Words I would miss.");
});

test("erasing everything offers a backup first, then leaves nothing stored and starts afresh", async ({ page }) => {
  await storeSomeWork(page);
  // Someone else's data on the same host is not ours to remove.
  await page.evaluate(() => localStorage.setItem("another-app/settings", "{}"));
  await page.getByRole("button", { name: "Erase everything…" }).click();
  const question = page.getByRole("group", { name: "Erase everything on this device?" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    question.getByRole("button", { name: "Download a backup first" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^peer-study-backup-.*\.json$/);
  const backup = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(JSON.stringify(backup)).toContain("Words I would miss.");
  await question.getByRole("button", { name: "Yes, erase everything" }).click();
  // Home, as on a first visit.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Start with your course dates" })).toBeVisible();
  expect(await ourKeys(page)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem("another-app/settings"))).toBe("{}");
  await openApp(page, "/assignments");
  await expect(
    page.getByRole("article", { name: ESSAY_TITLE }).getByRole("button", { name: "Start writing" }),
  ).toBeVisible();
});
