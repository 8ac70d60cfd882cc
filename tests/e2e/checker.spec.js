// The recovery-language checker in the editor, as a trainee uses it: an "instead of" phrase of
// their own is flagged while they write (marked in the text and listed under it); a suggestion is
// applied and undone; a spot is dismissed and stays dismissed after a reload; "Check my language"
// turns the marks off and stays off. Runs on a 360 px phone and a laptop (playwright.config.js).
import { test, expect, openApp, startEssay, introduction } from "./fixtures.js";

const introSection = (page) => page.getByRole("region", { name: "Introduction" });

/** Add an own glossary entry with an "instead of" phrase, as on /glossary/new. */
async function addOwnEntry(page) {
  await openApp(page, "/glossary/new");
  await page.getByLabel("Word or phrase").fill("Battling");
  await page.getByLabel("What it means to you").fill("I'd rather not describe my life as a war.");
  await page.getByLabel("“Instead of” phrases (optional)").fill("battling with");
  await page.getByLabel("What to try instead (optional)").fill("working through\nliving with");
  await page.getByLabel("Why it matters (optional)").fill("It makes every day sound like a fight.");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Battling");
}

test("an own 'instead of' phrase is flagged in a draft, applied, undone, and dismissed for good", async ({
  page,
}) => {
  await addOwnEntry(page);
  await startEssay(page);
  const section = introSection(page);
  await introduction(page).fill("For years I was battling with my mood.");

  // Marked in place, and listed with its why and what to try.
  await expect(section.locator(".lc-backdrop mark")).toHaveText(["battling with"]);
  await expect(section.getByText("1 phrase you might put differently:")).toBeVisible();
  const finding = section.getByRole("listitem").filter({ hasText: "“battling with”" });
  await expect(finding).toContainText("It makes every day sound like a fight.");

  await finding.getByRole("button", { name: "Use “working through”" }).click();
  await expect(introduction(page)).toHaveValue("For years I was working through my mood.");
  await expect(section.locator(".lc-backdrop mark")).toHaveCount(0);
  await expect(
    section.getByRole("status").filter({ hasText: "Changed “battling with” to “working through”." }),
  ).toBeVisible();
  const undo = section.getByRole("button", { name: "Undo" });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(introduction(page)).toHaveValue("For years I was battling with my mood.");
  await expect(section.locator(".lc-backdrop mark")).toHaveText(["battling with"]);

  // With a keyboard, Ctrl+Z in the text takes an applied suggestion back too.
  if (test.info().project.name === "laptop") {
    await section.getByRole("button", { name: "Use “living with”" }).click();
    await expect(introduction(page)).toHaveValue("For years I was living with my mood.");
    await introduction(page).focus();
    await page.keyboard.press("Control+z");
    await expect(introduction(page)).toHaveValue("For years I was battling with my mood.");
    await expect(section.locator(".lc-backdrop mark")).toHaveText(["battling with"]);
  }

  // "Not here" for this spot; after a reload it is still not flagged, though the same phrase
  // written somewhere else is.
  await section.getByRole("button", { name: "Not here" }).click();
  await expect(section.locator(".lc-backdrop mark")).toHaveCount(0);
  await expect(section.getByRole("status").filter({ hasText: "won't be flagged in this spot" })).toBeVisible();
  await page.reload();
  await expect(introduction(page)).toHaveValue("For years I was battling with my mood.");
  await expect(introSection(page).getByRole("button", { name: "Not here" })).toHaveCount(0);
  await expect(introSection(page).locator(".lc-backdrop mark")).toHaveCount(0);
  await introduction(page).press("Control+End");
  await page.keyboard.type("\n\nBattling with it daily helps nobody.");
  await expect(introSection(page).locator(".lc-backdrop mark")).toHaveText(["Battling with"]);
  await expect(
    introSection(page).getByRole("button", { name: "Don't flag “Battling with” in this draft" }),
  ).toBeVisible();
});

test("Check my language hides the marks and stays off after a reload", async ({ page }) => {
  await startEssay(page);
  await introduction(page).fill("The team called him non-compliant.");
  const section = introSection(page);
  await expect(section.locator(".lc-backdrop mark")).toHaveText(["non-compliant"]);
  await page.getByRole("button", { name: "Tools" }).click();
  const toggle = page.getByRole("switch", { name: "Check my language" });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect(page.getByText("Checking is on")).toBeVisible();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(page.getByText("Checking is off")).toBeVisible();
  await expect(section.locator(".lc-backdrop mark")).toHaveCount(0);
  await expect(section.getByRole("button", { name: /^Use / })).toHaveCount(0);
  await page.reload();
  await page.getByRole("button", { name: "Tools" }).click();
  await expect(page.getByRole("switch", { name: "Check my language" })).toHaveAttribute("aria-checked", "false");
  await expect(introSection(page).locator(".lc-backdrop mark")).toHaveCount(0);
  await page.getByRole("switch", { name: "Check my language" }).click();
  await expect(introSection(page).locator(".lc-backdrop mark")).toHaveText(["non-compliant"]);
});

test("marks sit on their words in a long, wrapped text, and the page fits a narrow phone", async ({ page }) => {
  await startEssay(page);
  const long = Array.from({ length: 12 }, (_, i) => `Sentence ${i} wraps over several lines on a narrow screen, kindly.`).join(" ");
  await introduction(page).fill(`${long}\n\n${long}\nIn the end he was non-compliant`);
  const section = introSection(page);
  const mark = section.locator(".lc-backdrop mark");
  await expect(mark).toHaveText(["non-compliant"]);
  // The backdrop wraps exactly as the textarea does: both hold the same text up to the mark,
  // which is the last thing written, so they are the same height.
  const [backdropHeight, textHeight] = await section.evaluate((s) => [
    s.querySelector(".lc-backdrop").scrollHeight,
    s.querySelector("textarea").scrollHeight,
  ]);
  expect(Math.abs(backdropHeight - textHeight)).toBeLessThanOrEqual(2);
  // And the mark's last line is the textarea's last line.
  const markBox = await mark.boundingBox();
  const areaBox = await introduction(page).boundingBox();
  expect(markBox.y + markBox.height).toBeLessThanOrEqual(areaBox.y + areaBox.height);
  expect(areaBox.y + areaBox.height - (markBox.y + markBox.height)).toBeLessThan(40);

  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
