// Phone-first, checked on a 390 × 844 phone (the size a new user tried): what the trainee needs
// while studying or searching stays on screen, above the bottom bar and above the keyboard.
import { test, expect, openApp } from "./fixtures.js";

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
