// Writing, as a trainee does it: start the essay, write and come back to it, keep and restore a
// version, export it to Word, Markdown and plain text (read back by independent readers), paste a
// very long text, and write in focus mode using only the keyboard.
import { readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test, expect, openApp, ESSAY_TITLE, startEssay, introduction } from "./fixtures.js";

const READ_DOCX = fileURLToPath(new URL("../tools/read_docx.py", import.meta.url));

/** Click a download button and return [suggested file name, file contents as a Buffer, path]. */
async function downloadWith(page, buttonName) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: buttonName }).click(),
  ]);
  const path = await download.path();
  return [download.suggestedFilename(), await readFile(path), path];
}

const THREE_PARAGRAPHS = [
  "When I first heard the word recovery, I did not think it had anything to do with me.",
  "Over time, small things helped: a walk each morning, a friend who listened, a group where people understood.",
  "Now I want to offer other people the kind of hope that was offered to me.",
];

test("three paragraphs written into the first assignment are there after a reload", async ({ page }) => {
  await startEssay(page);
  const text = THREE_PARAGRAPHS.join("\n\n");
  await introduction(page).fill(text);
  await expect(page.getByText("52 words", { exact: true })).toBeVisible();
  await expect(page.getByText("52 of 1,500 words", { exact: true })).toBeVisible();

  await page.reload();
  await expect(introduction(page)).toHaveValue(text);

  // Typing more, key by key, counts too and survives another reload.
  await introduction(page).press("Control+End");
  await page.keyboard.type(" Thank you.");
  await expect(page.getByText("54 words", { exact: true })).toBeVisible();
  await page.reload();
  await expect(introduction(page)).toHaveValue(`${text} Thank you.`);

  // The list shows where the essay stands, and opens it again.
  await page.getByRole("link", { name: "All assignments" }).click();
  const card = page.getByRole("article", { name: ESSAY_TITLE });
  await expect(card).toContainText("54 of 1,500 words · 1,446 to go");
  await card.getByRole("link", { name: ESSAY_TITLE }).click();
  await expect(introduction(page)).toHaveValue(`${text} Thank you.`);
});

test("a named version can be compared with the text now and restored", async ({ page }) => {
  await startEssay(page);
  await introduction(page).fill("Hope was the first thing I found again.");
  await page.getByRole("textbox", { name: "Name for this version" }).fill("First go");
  await page.getByRole("button", { name: "Save a version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved this version as “First go”." })).toBeVisible();

  await introduction(page).fill("Something quite different now.");
  const version = page.getByRole("listitem").filter({ hasText: "First go" });
  await expect(version).toContainText("8 words");

  await version.getByRole("button", { name: "Compare with now" }).click();
  const comparison = page.getByRole("region", { name: "“First go” compared with your text now" });
  await expect(comparison).toContainText("1 paragraph changed since this version.");
  await expect(comparison).toContainText("Before:Hope was the first thing I found again.");
  await expect(comparison).toContainText("Now:Something quite different now.");

  page.once("dialog", (dialog) => dialog.accept());
  await version.getByRole("button", { name: "Restore" }).click();
  await expect(introduction(page)).toHaveValue("Hope was the first thing I found again.");
  await expect(page.getByRole("status").filter({ hasText: "Restored “First go”." })).toBeVisible();
  // The text from just before the restore is kept as a version of its own.
  const before = page.getByRole("listitem").filter({ hasText: "Before restoring an earlier version" });
  await expect(before).toBeVisible();

  await page.reload();
  await expect(introduction(page)).toHaveValue("Hope was the first thing I found again.");
  await expect(page.getByRole("listitem").filter({ hasText: "First go" })).toBeVisible();

  // Saying no to the question changes nothing.
  await introduction(page).fill("Kept as it is.");
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByRole("listitem").filter({ hasText: "First go" }).getByRole("button", { name: "Restore" }).click();
  await expect(introduction(page)).toHaveValue("Kept as it is.");
});

test("a copy is kept automatically when the page is hidden", async ({ page }) => {
  await startEssay(page);
  await expect(page.getByText("No versions yet")).toBeVisible();
  await introduction(page).fill("Words written just before switching to another app.");
  // What the browser sends when the trainee switches away or closes the tab.
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  const auto = page.getByRole("listitem").filter({ hasText: "Saved automatically" });
  await expect(auto).toContainText("8 words");
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "Saved automatically" })).toBeVisible();
  await expect(page.getByText(/Versions use about \d+ KB of this device's storage\./)).toBeVisible();
});

test("the draft exports to Word, Markdown and plain text with the words intact", async ({ page }) => {
  await startEssay(page);
  const first = "Hope came back slowly, like spring.";
  const second = "Trust & connection — “not” <compliance>; 10% of it was luck 🌱.";
  await introduction(page).fill(`${first}\n\n${second}`);
  const story = page.getByRole("textbox", { name: "My recovery story", exact: true });
  await story.fill("Turning points came in small steps.");
  await page.getByRole("textbox", { name: "Your name on the document (optional)" }).fill("Sam Taylor");
  await page.getByRole("textbox", { name: "Your name on the document (optional)" }).press("Tab");

  const [docxName, docx, docxPath] = await downloadWith(page, "Download Word document (.docx)");
  expect(docxName).toMatch(/^reflective-essay-my-recovery-story-\d{4}-\d{2}-\d{2}\.docx$/);
  expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
  const [read] = JSON.parse(execFileSync("python3", [READ_DOCX, docxPath]).toString("utf8"));
  expect(read.zip_ok).toBe(true);
  expect(read.headings.slice(0, 3)).toEqual([
    { level: 1, text: ESSAY_TITLE },
    { level: 2, text: "Introduction" },
    { level: 2, text: "My recovery story" },
  ]);
  const texts = read.paragraphs.map((p) => p.text);
  expect(texts).toContain(first);
  expect(texts).toContain(second);
  expect(texts).toContain("Turning points came in small steps.");
  expect(texts.some((t) => t.startsWith("Sam Taylor · Peer support worker training ·"))).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: `Your Word document ${docxName}` })).toBeVisible();

  const [mdName, md] = await downloadWith(page, "Download Markdown (.md)");
  expect(mdName).toMatch(/\.md$/);
  const markdown = md.toString("utf8");
  expect(markdown).toMatch(new RegExp(`^# ${ESSAY_TITLE}\n`));
  expect(markdown).toContain("\n## Introduction\n");
  expect(markdown).toContain(`\n${first}\n`);
  // Markdown escapes the "<" so the text reads back exactly; everything else is as typed.
  expect(markdown).toContain("Trust & connection — “not” \\<compliance>; 10% of it was luck 🌱.");

  const [txtName, txt] = await downloadWith(page, "Download Plain text (.txt)");
  expect(txtName).toMatch(/\.txt$/);
  const plain = txt.toString("utf8");
  expect(plain.startsWith(ESSAY_TITLE)).toBe(true);
  expect(plain).toContain("Introduction");
  expect(plain).toContain(first);
  expect(plain).toContain(second);
  expect(plain).toContain("Sam Taylor");
  // Sections not written yet are left out of the file by default...
  expect(plain).not.toContain("Conclusion");
  // ...and kept, as the outline, when the trainee asks.
  await page.getByRole("checkbox", { name: "Include headings of sections I haven't written yet" }).check();
  const [, withOutline] = await downloadWith(page, "Download Markdown (.md)");
  expect(withOutline.toString("utf8")).toContain("\n## Conclusion\n");

  // The name on the document is remembered, as typed, across a reload.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Your name on the document (optional)" })).toHaveValue("Sam Taylor");
});

test("an empty draft still exports, with a friendly note", async ({ page }) => {
  await startEssay(page);
  const [, txt] = await downloadWith(page, "Download Plain text (.txt)");
  expect(txt.toString("utf8")).toContain("There are no words in this draft yet.");
  await expect(
    page.getByRole("status").filter({ hasText: "There are no words in this draft yet, so it holds the outline" }),
  ).toBeVisible();
});

test("printing shows only the draft, with double spacing when asked", async ({ page }) => {
  await startEssay(page);
  await introduction(page).fill("A paragraph to print.\n\nAnd another.");
  await page.getByRole("checkbox", { name: "Double line spacing when printing" }).check();
  await expect(page.locator("html")).toHaveClass(/print-double-spacing/);
  // What the browser does when printing starts (window.print() and the Print menu alike).
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1, name: ESSAY_TITLE })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 2, name: "Introduction" })).toBeVisible();
  await expect(page.getByText("A paragraph to print.", { exact: true })).toBeVisible();
  await expect(introduction(page)).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  const lineHeight = await page.getByText("And another.", { exact: true }).evaluate(
    (p) => parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize),
  );
  expect(lineHeight).toBeCloseTo(2, 1);
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.emulateMedia({ media: "screen" });
  await expect(introduction(page)).toBeVisible();
});

test("pasting 20,000 words keeps the page responsive", async ({ page }) => {
  await startEssay(page);
  const paragraphs = [];
  for (let p = 0; p < 200; p++) {
    const words = [];
    for (let w = 0; w < 100; w++) words.push(`word${p * 100 + w}`);
    paragraphs.push(words.join(" "));
  }
  await introduction(page).focus();
  await page.keyboard.insertText(paragraphs.join("\n\n"));
  await expect(page.getByText("20,000 words", { exact: true })).toBeVisible();
  await expect(page.getByText("20,000 of 1,500 words", { exact: true })).toBeVisible();
  // Still answering keys straight away.
  await page.keyboard.type(" onwards");
  await expect(page.getByText("20,001 words", { exact: true })).toBeVisible();
});

test("focus mode is entered and left with the keyboard alone", async ({ page }) => {
  await startEssay(page);
  const toggle = page.getByRole("button", { name: "Focus mode" });
  await toggle.focus();
  await page.keyboard.press("Enter");
  // The same button now says how to leave, so there is always a visible way out.
  const leave = page.getByRole("button", { name: "Leave focus mode" });
  await expect(leave).toBeFocused();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Versions" })).toBeHidden();
  await expect(page.getByText("Some questions to get you started:").first()).toBeHidden();

  // Tab goes straight to the writing.
  await page.keyboard.press("Tab");
  await expect(introduction(page)).toBeFocused();
  await page.keyboard.type("Calm words.");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Focus mode" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(introduction(page)).toBeFocused();
  await expect(introduction(page)).toHaveValue("Calm words.");

  // Space toggles it too, and Escape from the button returns focus to the button.
  await page.getByRole("button", { name: "Focus mode" }).focus();
  await page.keyboard.press("Space");
  await expect(leave).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Focus mode" })).toBeFocused();
});

test("a section with words is kept when removed, and can be merged instead", async ({ page }) => {
  await startEssay(page);
  const story = page.getByRole("textbox", { name: "My recovery story", exact: true });
  await story.fill("Words worth keeping.");
  const section = page.getByRole("region", { name: "My recovery story" });
  await section.getByText("Rename, move or remove").click();
  await section.getByRole("button", { name: "Remove section" }).click();
  await expect(section.getByRole("status").filter({ hasText: "still has 3 words" })).toContainText(
    "still has 3 words in it, so we have kept it",
  );
  await section.getByRole("combobox", { name: "Move its words to the end of" }).selectOption("Introduction");
  await section.getByRole("button", { name: "Merge and remove" }).click();
  await expect(page.getByRole("region", { name: "My recovery story" })).toHaveCount(0);
  await expect(introduction(page)).toHaveValue("Words worth keeping.");
  await expect(introduction(page)).toBeFocused();
});

test("an assignment of your own is added, with a kind word if the title is missing", async ({ page }) => {
  await openApp(page, "/assignments");
  const title = page.getByRole("textbox", { name: "Title of your assignment" });
  await title.fill("   ");
  await page.getByRole("button", { name: "Add assignment" }).click();
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("A title needs at least one word.")).toBeVisible();
  await title.fill("Placement reflections");
  await page.getByRole("button", { name: "Add assignment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Placement reflections");

  // A hand-in date set in the draft shows on the list with the days to go.
  await page.getByText("Title, word target and hand-in date").click();
  const due = new Date();
  due.setDate(due.getDate() + 13);
  const iso = `${due.getFullYear()}-${String(due.getMonth() + 1).padStart(2, "0")}-${String(due.getDate()).padStart(2, "0")}`;
  await page.getByLabel("Hand-in date").fill(iso);
  await page.getByLabel("Hand-in date").press("Tab");
  await expect(page.getByRole("status").filter({ hasText: "Hand-in date saved." })).toBeVisible();
  await page.getByRole("link", { name: "All assignments" }).click();
  const card = page.getByRole("article", { name: "Placement reflections" });
  await expect(card).toContainText("13 days to go");
  await expect(card).toContainText("0 words");
});

test("the editor fits a 320 px wide phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await startEssay(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("home says which assignment is due next, and links to it", async ({ page }) => {
  await openApp(page, "/");
  const card = page.getByRole("region", { name: "Assignments" });
  await expect(card).toContainText("You haven't started an assignment yet");
  await startEssay(page);
  await introduction(page).fill("Where my story starts.");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await expect(card.getByRole("link", { name: ESSAY_TITLE })).toBeVisible();
  await expect(card).toContainText("of 1,500 words");
  await card.getByRole("link", { name: ESSAY_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ESSAY_TITLE);
});

test("the Versions card lists the copies it says are kept as you write", async ({ page }) => {
  // The page's clock is the test's: a minute's pause passes at once, with no real waiting.
  await page.clock.install();
  await startEssay(page);
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions).toContainText("One is saved automatically, marked “Saved automatically”, when you pause for a minute");
  await introduction(page).fill("The first words of my story.");
  await page.clock.fastForward(61_000);
  await expect(versions.getByRole("listitem").filter({ hasText: "Saved automatically" })).toHaveCount(1);
  await versions.getByRole("textbox", { name: "Name for this version" }).fill("First go");
  await versions.getByRole("button", { name: "Save a version" }).click();
  await expect(versions.getByRole("listitem")).toHaveCount(2);
  await expect(versions.getByRole("listitem").first()).toContainText("First go");
});
