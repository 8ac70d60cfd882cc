// Never lose a word across tabs, restores and unreadable records. Two pages in one browser
// context play two tabs of the app. Each test guards against a way words were lost before:
// an open editor kept stale text and typed it over newer words, a conflict choice or a restore
// in one tab was undone by the other, a half-written reflection vanished when the trainee left
// the page, new work over an unreadable record was called saved and lost, and "Replace
// everything here" replaced without asking.
import { readFile } from "node:fs/promises";
import { test, expect, openApp, startEssay, introduction } from "./fixtures.js";

const DRAFT_KEY = "peer-study/draft/recovery-story-essay";

/** Wait until localStorage under `key` holds `text` (the app saves a moment after typing). */
async function waitForStored(page, key, text) {
  await expect
    .poll(() => page.evaluate((k) => localStorage.getItem(k) ?? "", key))
    .toContain(text);
}

const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k) ?? "", key);

/** Everything set aside, as one string (to find a copy by its words). */
const setAside = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("peer-study/quarantine/"))
      .map((k) => localStorage.getItem(k))
      .join("\n"),
  );

/** Type at the very end of a section's text. */
async function typeAtEnd(page, text) {
  await introduction(page).press("Control+End");
  await page.keyboard.type(text);
}

/** The essay open in two tabs, both showing `base`, which is saved. */
async function essayInTwoTabs(page, context, base) {
  const path = await startEssay(page);
  await introduction(page).fill(base);
  await waitForStored(page, DRAFT_KEY, base);
  const other = await context.newPage();
  await openApp(other, path);
  await expect(introduction(other)).toHaveValue(base);
  return other;
}

/**
 * Type in both tabs before either saves; returns [the tab asked to choose, the other tab]. The
 * pages' clock is held still while both type, so neither save can run in between, however busy
 * the machine is (the clock must have been installed before the tabs opened).
 */
async function typeInBothAtOnce(a, b) {
  await a.context().clock.pauseAt((await a.evaluate(() => Date.now())) + 1_000);
  await introduction(a).press("Control+End");
  await a.keyboard.type(" From A.");
  await introduction(b).press("Control+End");
  await b.keyboard.type(" From B.");
  // Both saves come due together; the second finds the first and asks.
  await a.context().clock.runFor(1_000);
  await a.context().clock.resume();
  const banner = (p) => p.getByText("here and in another tab or window");
  await expect
    .poll(async () => (await banner(a).isVisible()) || (await banner(b).isVisible()))
    .toBe(true);
  return (await banner(a).isVisible()) ? [a, b] : [b, a];
}

/**
 * The essay open in two tabs, saved as "Base.", then typed in both at once: returns the second
 * tab, the tab asked to choose and the other one, and each one's text (`mine` in the tab asked).
 */
async function conflictInTwoTabs(page, context) {
  await context.clock.install();
  const other = await essayInTwoTabs(page, context, "Base.");
  const [asked, first] = await typeInBothAtOnce(page, other);
  const mine = (await introduction(asked).inputValue()).trim();
  const theirs = (await introduction(first).inputValue()).trim();
  return { other, asked, first, mine, theirs };
}

test("two tabs typing in turn keep both tabs' words", async ({ page, context }) => {
  const other = await essayInTwoTabs(page, context, "Alpha base text.");

  await typeAtEnd(page, " Written in A.");
  await waitForStored(page, DRAFT_KEY, "Alpha base text. Written in A.");
  // The other tab's text box follows, not just its word count.
  await expect(introduction(other)).toHaveValue("Alpha base text. Written in A.");

  await typeAtEnd(other, " Written in B.");
  await waitForStored(other, DRAFT_KEY, "Alpha base text. Written in A. Written in B.");
  await expect(introduction(page)).toHaveValue("Alpha base text. Written in A. Written in B.");
  await other.close();
});

test("typing in both tabs at once, then using the other tab's version, keeps both texts", async ({
  page,
  context,
}) => {
  const { other, asked, first, mine, theirs } = await conflictInTwoTabs(page, context);
  expect(mine).not.toBe(theirs);

  await asked.getByRole("button", { name: "Use the other tab's version" }).click();
  // The text box now shows the other tab's words, and says which is which.
  await expect(introduction(asked)).toHaveValue(theirs);
  await expect(asked.getByText("You're now working on the other tab's version")).toBeVisible();
  // This tab's words are kept aside, not lost.
  await expect.poll(() => setAside(asked)).toContain(mine.replace("Base.", "").trim());

  await typeAtEnd(asked, " And more.");
  await waitForStored(asked, DRAFT_KEY, `${theirs} And more.`);
  await expect(introduction(first)).toHaveValue(`${theirs} And more.`);
  await other.close();
});

test("typing in both tabs at once, then keeping this tab's version, keeps both texts", async ({
  page,
  context,
}) => {
  const { other, asked, first, mine, theirs } = await conflictInTwoTabs(page, context);

  await asked.getByRole("button", { name: "Keep this tab's version" }).click();
  await expect(asked.getByText("You're carrying on with this tab's version")).toBeVisible();
  await waitForStored(asked, DRAFT_KEY, mine);
  // The other tab follows instead of writing its older text back over this one.
  await expect(introduction(first)).toHaveValue(mine);
  await expect.poll(() => setAside(first)).toContain(theirs.replace("Base.", "").trim());

  await typeAtEnd(first, " Carried on.");
  await waitForStored(first, DRAFT_KEY, `${mine} Carried on.`);
  await expect(introduction(asked)).toHaveValue(`${mine} Carried on.`);
  await other.close();
});

test("a restore in one tab is not undone by the editor open in another", async ({ page, context }) => {
  const path = await startEssay(page);
  await introduction(page).fill("Before the backup.");
  await waitForStored(page, DRAFT_KEY, "Before the backup.");

  const other = await context.newPage();
  await openApp(other, "/my-data");
  const [download] = await Promise.all([
    other.waitForEvent("download"),
    other.getByRole("button", { name: "Download a backup" }).click(),
  ]);
  const backupPath = await download.path();

  await typeAtEnd(page, " After the backup.");
  await waitForStored(page, DRAFT_KEY, "Before the backup. After the backup.");

  await other.getByLabel("Backup file").setInputFiles(backupPath);
  await other.getByRole("button", { name: "Replace everything here" }).click();
  await other.getByRole("button", { name: "Yes, replace everything" }).click();
  await expect(other.getByText(/^Restored/)).toBeVisible();

  // The open editor shows the restored text, and typing carries on from it.
  await expect(introduction(page)).toHaveValue("Before the backup.");
  await typeAtEnd(page, " Then this.");
  await waitForStored(page, DRAFT_KEY, "Before the backup. Then this.");
  expect(await stored(page, DRAFT_KEY)).not.toContain("After the backup.");
  await openApp(other, path);
  await expect(introduction(other)).toHaveValue("Before the backup. Then this.");
  await other.close();
});

test("a reflection left mid-sentence is still there after leaving the page", async ({ page }) => {
  await openApp(page, "/course/what-is-recovery");
  await page.getByRole("link", { name: "Write a reflection on this" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reflection journal");
  await page.getByLabel("Title (optional)", { exact: true }).fill("Half a thought");
  await page.getByLabel("Your reflection", { exact: true }).fill("Today I noticed that hope");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Reflection journal");
  await page.goBack();
  await expect(page.getByLabel("Your reflection", { exact: true })).toHaveValue(
    "Today I noticed that hope",
  );
  await expect(page.getByLabel("Title (optional)", { exact: true })).toHaveValue("Half a thought");

  // It survives a reload too, and once saved the form starts empty again.
  await waitForStored(page, "peer-study/unsent", "Today I noticed that hope");
  await page.reload();
  const body = page.getByLabel("Your reflection", { exact: true });
  await expect(body).toHaveValue("Today I noticed that hope");
  await body.press("End");
  await page.keyboard.type(" is catching.");
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved in your journal." })).toBeVisible();
  await expect(page.getByRole("article", { name: "Half a thought" })).toContainText(
    "Today I noticed that hope is catching.",
  );
  await expect(body).toHaveValue("");
  await page.reload();
  await expect(page.getByLabel("Your reflection", { exact: true })).toHaveValue("");
});

test("a placement log entry left mid-sentence is still there after a reload, and saving clears it", async ({ page }) => {
  await openApp(page, "/course/placement");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Observational placement");
  await page.getByLabel("Setting", { exact: true }).fill("Community wellbeing hub");
  await page.getByLabel("What I observed", { exact: true }).fill("How the peer worker opened");

  await waitForStored(page, "peer-study/unsent", "How the peer worker opened");
  await page.reload();
  const observed = page.getByLabel("What I observed", { exact: true });
  await expect(observed).toHaveValue("How the peer worker opened");
  await expect(page.getByLabel("Setting", { exact: true })).toHaveValue("Community wellbeing hub");

  await page.getByLabel("Hours", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Add to log" }).click();
  await expect(page.getByRole("heading", { name: /Community wellbeing hub/ })).toBeVisible();
  await expect(observed).toHaveValue("");
  await page.reload();
  await expect(page.getByLabel("What I observed", { exact: true })).toHaveValue("");
  await expect(page.getByRole("heading", { name: /Community wellbeing hub/ })).toBeVisible();
});

test("a checklist task left half-typed is still there after a reload, and adding it clears it", async ({ page }) => {
  await openApp(page, "/course/what-is-recovery");
  await page.getByText("Add a task of your own").click();
  await page.getByLabel("Task", { exact: true }).fill("Reread the recovery stories");

  await waitForStored(page, "peer-study/unsent", "Reread the recovery stories");
  await page.reload();
  await page.getByText("Add a task of your own").click();
  const task = page.getByLabel("Task", { exact: true });
  await expect(task).toHaveValue("Reread the recovery stories");

  await page.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Task added to your checklist." })).toBeVisible();
  await expect(task).toHaveValue("");
  await page.reload();
  await page.getByText("Add a task of your own").click();
  await expect(page.getByLabel("Task", { exact: true })).toHaveValue("");
});

test("a module of their own left half-typed is still there after a reload, and adding it clears it", async ({ page }) => {
  await openApp(page, "/course");
  await page.getByText("Add a module of your own").click();
  await page.getByLabel("Module title", { exact: true }).fill("Peer supervision");
  await page.getByLabel("What it covers (optional)", { exact: true }).fill("Using supervision well");

  await waitForStored(page, "peer-study/unsent", "Using supervision well");
  await page.reload();
  await page.getByText("Add a module of your own").click();
  await expect(page.getByLabel("Module title", { exact: true })).toHaveValue("Peer supervision");
  await expect(page.getByLabel("What it covers (optional)", { exact: true })).toHaveValue("Using supervision well");

  await page.getByRole("button", { name: "Add module" }).click();
  await expect(page.getByText("“Peer supervision” is added at the end of your course.")).toBeVisible();
  await expect.poll(() => stored(page, "peer-study/unsent")).not.toContain("Using supervision well");
});

test("an own glossary entry left half-written is still there after a reload, and saving clears it", async ({ page }) => {
  await openApp(page, "/glossary/new");
  await page.getByLabel("Word or phrase", { exact: true }).fill("Mutuality");
  await page.getByLabel("What it means to you", { exact: true }).fill("We both learn from each other");

  await waitForStored(page, "peer-study/unsent", "We both learn from each other");
  await page.reload();
  const meaning = page.getByLabel("What it means to you", { exact: true });
  await expect(meaning).toHaveValue("We both learn from each other");
  await expect(page.getByLabel("Word or phrase", { exact: true })).toHaveValue("Mutuality");

  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mutuality");
  await expect.poll(() => stored(page, "peer-study/unsent")).not.toContain("We both learn");
  await openApp(page, "/glossary/new");
  await expect(page.getByLabel("What it means to you", { exact: true })).toHaveValue("");
});

test("replacing everything asks first, says what would go, and offers a download", async ({ page }) => {
  await openApp(page, "/course/journal");
  await page.getByLabel("Your reflection", { exact: true }).fill("Written before the backup.");
  await page.getByRole("button", { name: "Save reflection" }).click();
  await waitForStored(page, "peer-study/journal", "Written before the backup.");

  await openApp(page, "/my-data");
  const [backup] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download a backup" }).click(),
  ]);
  const backupPath = await backup.path();

  await openApp(page, "/course/journal");
  for (const n of [1, 2, 3]) {
    await page.getByLabel("Your reflection", { exact: true }).fill(`Written after, number ${n}.`);
    await page.getByRole("button", { name: "Save reflection" }).click();
    await expect(page.getByRole("article", { name: new RegExp(`number ${n}`) })).toBeVisible();
  }
  await waitForStored(page, "peer-study/journal", "Written after, number 3.");

  await openApp(page, "/my-data");
  await page.getByLabel("Backup file").setInputFiles(backupPath);
  await expect(page.getByRole("heading", { name: "What this backup holds" })).toBeVisible();
  await expect(page.getByText("Reflections: 1")).toBeVisible();
  await expect(page.getByText(/^Made on \d{1,2} [A-Z][a-z]+ at \d\d:\d\d\.$/)).toBeVisible();
  await page.getByRole("button", { name: "Replace everything here" }).click();

  // Nothing has changed yet; the question says what would be removed.
  await expect(page.getByRole("heading", { name: "Replace everything here?" })).toBeVisible();
  await expect(
    page.getByText("3 reflections written here that aren't in the backup will be removed."),
  ).toBeVisible();
  expect(await stored(page, "peer-study/journal")).toContain("Written after, number 3.");

  // The download offered first holds what is here now.
  const [safety] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "First, download what's here now" }).click(),
  ]);
  const safetyCopy = JSON.parse(await readFile(await safety.path(), "utf8"));
  expect(JSON.stringify(safetyCopy.data["peer-study/journal"])).toContain("Written after, number 3.");

  // Going back changes nothing; saying yes replaces.
  await page.getByRole("button", { name: "Go back" }).click();
  expect(await stored(page, "peer-study/journal")).toContain("Written after, number 3.");
  await page.getByRole("button", { name: "Replace everything here" }).click();
  await page.getByRole("button", { name: "Yes, replace everything" }).click();
  await expect(page.getByText(/^Restored/)).toBeVisible();
  await expect.poll(() => stored(page, "peer-study/journal")).not.toContain("Written after");
});

test("a journal that can't be read says so on opening, and a new reflection is kept, not called saved", async ({
  page,
}) => {
  await openApp(page, "/course/journal");
  // Readable as stored text, but not a journal: the app finds out when the page asks for it.
  const wrong = '{"rev":2,"saved_at":17,"data":"a plain string"}';
  await page.evaluate((w) => localStorage.setItem("peer-study/journal", w), wrong);
  await page.goto("/course/journal");
  await expect(page.getByText("Some saved data couldn't be read: your reflection journal")).toBeVisible();

  await page.getByLabel("Your reflection", { exact: true }).fill("Written while it was set aside.");
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kept safe on this device, but not yet in" })).toBeVisible();
  await expect(page.getByText("Saved in your journal.")).toHaveCount(0);
  await waitForStored(page, "peer-study/quarantine/journal@new-work", "Written while it was set aside.");
  expect(await stored(page, "peer-study/journal")).toBe(wrong);

  // After a reload the reflection is still there.
  await page.reload();
  await expect(page.getByRole("article").filter({ hasText: "Written while it was set aside." })).toBeVisible();

  // Keeping the unreadable copy and carrying on puts the reflection in the journal itself.
  await openApp(page, "/my-data");
  await page.getByRole("button", { name: "Keep it and carry on" }).click();
  await waitForStored(page, "peer-study/journal", "Written while it was set aside.");
  await expect(page.getByText("Some saved data couldn't be read")).toHaveCount(0);
});
