// The glossary as a trainee uses it: search with a misspelling and find the entry; add an entry of
// their own with an "instead of" phrase and see the checker flag it; apply a suggestion and undo
// it; review five flashcards and see the due count change, on the flashcards page and at home.
// Runs on a 360 px phone and a laptop (see playwright.config.js); the main flow also by keyboard.
import { test, expect, openApp } from "./fixtures.js";

/** Press Tab until `target` has focus, as a keyboard user would (at most 40 presses). */
async function tabTo(page, target) {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** The number in "Ready today: … N new." */
function newCount(text) {
  const match = /(\d+) new\./.exec(text);
  return match ? Number(match[1]) : 0;
}

test("a misspelt search finds the entry, and its page explains it", async ({ page }) => {
  await openApp(page, "/glossary");
  const search = page.getByRole("searchbox", { name: "Search the glossary" });
  await search.fill("mutualty");
  const result = page.getByRole("link", { name: "Mutuality", exact: true });
  await expect(result).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "found for “mutualty”" })).toBeVisible();

  await result.click();
  await expect(page).toHaveURL("/glossary/mutuality");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mutuality");
  await expect(page.getByRole("heading", { name: "What it means" })).toBeVisible();

  // Back returns to the same results.
  await page.goBack();
  await expect(page.getByRole("searchbox", { name: "Search the glossary" })).toHaveValue("mutualty");
  await expect(page.getByRole("link", { name: "Mutuality", exact: true })).toBeVisible();
});

test("searching an 'instead of' phrase says what to try", async ({ page }) => {
  await openApp(page, "/glossary");
  await page.getByRole("searchbox", { name: "Search the glossary" }).fill("noncompliant");
  await expect(page.getByText("You searched for “noncompliant”: try “chose not to”")).toBeVisible();
});

test("a search that matches a longer phrase shows what was typed and what it matched", async ({ page }) => {
  await openApp(page, "/glossary");
  await page.getByRole("searchbox", { name: "Search the glossary" }).fill("schizo");
  const via = page.locator(".entry-via").first();
  await expect(via).toContainText("You searched for “schizo”");
  // Never claims the trainee typed the longer phrase.
  await expect(via).not.toContainText("You searched for “schizophren");
});

test("an own entry's 'instead of' phrase is flagged by the checker; a suggestion is applied and undone", async ({
  page,
}) => {
  await openApp(page, "/glossary");
  await page.getByRole("link", { name: "Add your own entry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add your own entry");

  // A first try without an explanation is explained beside the field, keeping what was typed.
  await page.getByLabel("Word or phrase").fill("Battling");
  await page.getByRole("button", { name: "Save entry" }).click();
  const explanation = page.getByLabel("What it means to you");
  await expect(explanation).toBeFocused();
  await expect(explanation).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Add a few words on what it means to you")).toBeVisible();
  await expect(page.getByLabel("Word or phrase")).toHaveValue("Battling");

  await explanation.fill("I'd rather not describe my life as a war.");
  await page.getByLabel("“Instead of” phrases (optional)").fill("battling with\nbattles with");
  await page.getByLabel("What to try instead (optional)").fill("working through");
  await page.getByLabel("Why it matters (optional)").fill("It makes every day sound like a fight.");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page).toHaveURL(/\/glossary\/own-\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Battling");

  await page.getByRole("main").getByRole("link", { name: "Back to the glossary" }).last().click();
  const sentence = page.getByLabel("Your sentence");
  await sentence.fill("She has been Battling with anxiety for years.");
  await expect(page.getByText("1 phrase you might put differently.")).toBeVisible();
  await expect(page.getByText("Found: “Battling with”")).toBeVisible();

  await page.getByRole("button", { name: "Use “working through”" }).click();
  await expect(sentence).toHaveValue("She has been Working through anxiety for years.");
  await expect(page.getByText("Nothing to look at again in this text.")).toBeVisible();
  const undo = page.getByRole("button", { name: "Undo" });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(sentence).toHaveValue("She has been Battling with anxiety for years.");
  await expect(sentence).toBeFocused();
});

test("reviewing five flashcards changes the due count, on the flashcards page and at home", async ({
  page,
}) => {
  await openApp(page, "/");
  const homeCard = page.getByRole("region", { name: "Flashcards" });
  await expect(homeCard).toContainText("Ready today:");
  const before = newCount(await homeCard.textContent());
  expect(before).toBeGreaterThan(80);

  await homeCard.getByRole("link", { name: "Study flashcards" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Flashcards");
  await expect(page.getByRole("heading", { name: "How this works" })).toBeVisible();
  await expect(page.getByText(/Leitner boxes/)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Ready today: ${before} new.` })).toBeVisible();

  await page.getByRole("button", { name: "Start studying" }).click();
  for (let i = 0; i < 5; i++) {
    await expect(page.getByText(`Card ${i + 1} of 10`)).toBeVisible();
    await page.getByRole("button", { name: "Show the meaning" }).click();
    // Three known, two to see again.
    await page.getByRole("button", { name: i < 3 ? "I knew it" : "Not yet" }).click();
  }
  const after = `Ready today: 2 to review and ${before - 5} new.`;
  await expect(page.getByRole("status").filter({ hasText: after })).toBeVisible();
  await page.getByRole("button", { name: "Finish for now" }).click();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("region", { name: "Flashcards" })).toContainText(after);

  // Progress is kept on the device.
  await page.reload();
  await expect(page.getByRole("region", { name: "Flashcards" })).toContainText(after);
});

test("the main flow works by keyboard alone", async ({ page }) => {
  // A long keyboard journey: more than half the default 30 s on a busy machine, so three times
  // the budget (test.slow) gives it room without hiding a real hang.
  test.slow();
  await openApp(page, "/glossary");
  const search = page.getByRole("searchbox", { name: "Search the glossary" });
  await tabTo(page, search);
  await page.keyboard.type("intentinal sharing");
  const result = page.getByRole("link", { name: "Intentional sharing", exact: true });
  await tabTo(page, result);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Intentional sharing");

  const favourite = page.getByRole("button", { name: "Favourite" });
  await expect(favourite).toHaveAttribute("aria-pressed", "false");
  await tabTo(page, favourite);
  await page.keyboard.press("Space");
  await expect(favourite).toHaveAttribute("aria-pressed", "true");
  await expect(favourite).toBeFocused();

  // The checker: type, apply a suggestion, undo, all from the keyboard.
  await page.goto("/glossary");
  await tabTo(page, page.getByRole("link", { name: "Try the checker" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Try the checker" })).toBeFocused();
  const sentence = page.getByLabel("Your sentence");
  await page.keyboard.press("Tab");
  await expect(sentence).toBeFocused();
  await page.keyboard.type("He suffers from depression.");
  const use = page.getByRole("button", { name: "Use “lives with”" });
  await tabTo(page, use);
  await page.keyboard.press("Enter");
  await expect(sentence).toHaveValue("He lives with depression.");
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(sentence).toHaveValue("He suffers from depression.");

  // Flashcards: focus follows the card, so Tab and Enter are all it takes.
  await page.goto("/glossary/flashcards");
  await tabTo(page, page.getByRole("button", { name: "Start studying" }));
  await page.keyboard.press("Enter");
  await expect(page.locator("#flashcard-term")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Show the meaning" })).toBeFocused();
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "I knew it" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Card 2 of 10")).toBeVisible();
  await expect(page.locator("#flashcard-term")).toBeFocused();
});

test("deleting an own entry can be undone", async ({ page }) => {
  await openApp(page, "/glossary/new");
  await page.getByLabel("Word or phrase").fill("Thriving");
  await page.getByLabel("What it means to you").fill("Doing well on my own terms.");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thriving");

  await page.getByRole("button", { name: "Delete this entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "“Thriving” has been deleted." })).toBeVisible();
  const undo = page.getByRole("button", { name: "Undo" });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(page.getByRole("button", { name: "Delete this entry" })).toBeFocused();

  await page.getByRole("link", { name: "Edit this entry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit “Thriving”");
  await expect(page.getByLabel("Word or phrase")).toHaveValue("Thriving");
});

test("glossary pages fit the screen without sideways scrolling", async ({ page }) => {
  for (const path of ["/glossary", "/glossary/suffering-from", "/glossary/new", "/glossary/flashcards"]) {
    await openApp(page, path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `sideways scroll on ${path}`).toBeLessThanOrEqual(0);
  }
});
