// The course companion on a phone (360 px): the course in the trainee's own calendar, where they
// stand on graduating (with "Mark as handed in", undoable), the further reading that opens outside
// the app, and the careers page's private skills checklist. Found by role and label, as a screen
// reader user would.
import { readFile } from "node:fs/promises";

import { test, expect, openApp, ESSAY_TITLE, startEssay, introduction } from "./fixtures.js";

/** A date as date inputs take it (YYYY-MM-DD), in local time. */
function iso(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The date `days` from today. */
function fromToday(days) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date;
}

/** Sets the course dates from the dates page, starting a week today. */
async function setCourseDates(page) {
  await openApp(page, "/course/dates");
  await page.getByLabel("Course start date").fill(iso(fromToday(7)));
  await page.getByRole("button", { name: "Set up my dates" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your dates are saved" })).toBeVisible();
}

/** Clicks `button` and returns the text of the file it downloads, with its suggested name. */
async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

test("the course dates go into the phone's calendar, placement included", async ({ page }) => {
  await openApp(page, "/course/dates");
  const calendar = page.getByRole("region", { name: "Your course in your calendar" });
  await expect(calendar).toContainText("Once your course dates are set");
  await expect(calendar.getByRole("button", { name: "Add to my calendar" })).toHaveCount(0);

  await setCourseDates(page);

  // A last day before the first is refused with a clear message, and nothing is saved.
  const placement = page.getByRole("region", { name: "Placement dates" });
  await placement.getByLabel("First day of placement").fill(iso(fromToday(40)));
  await placement.getByLabel("Last day of placement").fill(iso(fromToday(30)));
  await placement.getByRole("button", { name: "Save placement dates" }).click();
  await expect(placement.getByLabel("Last day of placement")).toHaveAccessibleDescription(
    /is before the first/,
  );
  await placement.getByLabel("Last day of placement").fill(iso(fromToday(60)));
  await placement.getByRole("button", { name: "Save placement dates" }).click();
  await expect(placement.getByRole("status")).toContainText("Your placement dates are saved");

  const { name, text } = await downloadFrom(page, calendar.getByRole("button", { name: "Add to my calendar" }));
  expect(name).toBe("peer-support-course.ics");
  expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(text.replaceAll("\r\n", "")).not.toContain("\n");
  expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(11);
  expect(text).toContain("TZID:Europe/London");
  expect(text).toContain("UID:peer-study-classroom-day-1@peer-study.invalid");
  expect(text).toContain(`DTSTART;TZID=Europe/London:${iso(fromToday(7)).replaceAll("-", "")}T100000`);
  expect(text).toContain(`DTSTART;VALUE=DATE:${iso(fromToday(40)).replaceAll("-", "")}`);
  await expect(calendar.getByRole("status")).toContainText("Your calendar file, peer-support-course.ics, is ready");

  // Day 1 moves; the course map's button gives the file with the new date under the same UID.
  await page.getByText("Change the date of day 1", { exact: true }).click();
  await page.getByLabel("New date for day 1", { exact: true }).fill(iso(fromToday(8)));
  await page.getByRole("button", { name: "Move day 1", exact: true }).click();
  await openApp(page, "/course");
  const again = await downloadFrom(
    page,
    page.getByRole("region", { name: "Your course in your calendar" }).getByRole("button", { name: "Add to my calendar" }),
  );
  const dayOne = again.text.split("BEGIN:VEVENT")[1];
  expect(dayOne).toContain("UID:peer-study-classroom-day-1@peer-study.invalid");
  expect(dayOne).toContain(`DTSTART;TZID=Europe/London:${iso(fromToday(8)).replaceAll("-", "")}T100000`);
});

test("home says where I stand on graduating, and handing in can be marked and undone", async ({ page }) => {
  await setCourseDates(page);
  await openApp(page, "/");
  const card = page.getByRole("region", { name: "Graduating" });
  await expect(card).toContainText("You're on track to graduate");
  await expect(card).toContainText("your assignments are still to start");
  await expect(card.getByRole("listitem").filter({ hasText: ESSAY_TITLE })).toContainText("Not started yet");

  await startEssay(page);

  await openApp(page, "/");
  const essay = card.getByRole("listitem").filter({ hasText: ESSAY_TITLE });
  await expect(essay).toContainText("Drafting: 0 of 1,500 words");
  await essay.getByText("Mark as handed in", { exact: true }).first().click();
  const day = essay.getByLabel(`Day you handed in ${ESSAY_TITLE}`);

  // A day that hasn't come yet is refused kindly, and nothing changes.
  await day.fill(iso(fromToday(3)));
  await essay.getByRole("button", { name: "Mark as handed in", exact: true }).click();
  await expect(day).toHaveAccessibleDescription(/hasn't come yet/);
  await expect(essay).toContainText("Drafting: 0 of 1,500 words");

  await day.fill(iso(fromToday(0)));
  await essay.getByRole("button", { name: "Mark as handed in", exact: true }).click();
  await expect(essay).toContainText("Handed in on");
  await expect(card).toContainText("1 of 2 assignments is handed in");
  const undo = essay.getByRole("button", { name: `Mark as not handed in: ${ESSAY_TITLE}` });
  await expect(undo).toBeFocused();

  // Kept after a reload, and shown on the course map too.
  await page.reload();
  await expect(page.getByRole("region", { name: "Graduating" })).toContainText("1 of 2 assignments is handed in");
  await openApp(page, "/course");
  const mapCard = page.getByRole("region", { name: "Graduating" });
  await expect(mapCard.getByRole("listitem").filter({ hasText: ESSAY_TITLE })).toContainText("Handed in on");

  // Undone: back to drafting, and still so after a reload.
  await mapCard.getByRole("button", { name: `Mark as not handed in: ${ESSAY_TITLE}` }).click();
  await expect(mapCard.getByRole("listitem").filter({ hasText: ESSAY_TITLE })).toContainText("Drafting: 0 of 1,500 words");
  await page.reload();
  await expect(page.getByRole("region", { name: "Graduating" })).toContainText("your assignments are under way");
});

test("further reading opens outside the app only when tapped", async ({ page }) => {
  await openApp(page, "/course");
  await page.getByRole("link", { name: "Further reading" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Further reading");
  const links = page.getByRole("link", { name: /opens outside the app/ });
  await expect(links).toHaveCount(5);
  for (const title of [
    "Developing peer support in the community: a toolkit",
    "Peer Support Hub",
    "Community capacity and peer support guide",
    "Realising the Value programme",
    "Peer support worker: a career",
  ]) {
    const link = page.getByRole("link", { name: `Open ${title} (opens outside the app, in a new tab)` });
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("href", /^https:\/\//);
  }
  // The fixture's guard fails the test if any other host was contacted: none was, untapped.
});

test("the careers page keeps a private skills reflection", async ({ page }) => {
  await openApp(page, "/course");
  await page.getByRole("link", { name: "Peer support as a career" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Peer support as a career");
  await expect(page.getByRole("heading", { name: "Where you might work" })).toBeVisible();

  const have = page.getByRole("region", { name: "Skills I already have" });
  const grow = page.getByRole("region", { name: "Skills I want to grow" });
  await have.getByLabel("Working as part of a team").check();
  await grow.getByLabel("Communicating well, or being willing to learn how").check();

  await page.reload();
  await expect(have.getByLabel("Working as part of a team")).toBeChecked();
  await expect(grow.getByLabel("Working as part of a team")).not.toBeChecked();
  await expect(grow.getByLabel("Communicating well, or being willing to learn how")).toBeChecked();
  await grow.getByLabel("Communicating well, or being willing to learn how").uncheck();
  await page.reload();
  await expect(grow.getByLabel("Communicating well, or being willing to learn how")).not.toBeChecked();
});

test("the placement log goes to the peer supervisor as a Word document and in print", async ({ page }) => {
  // Printing is recorded, not opened: the test checks what would be printed.
  await page.addInitScript(() => {
    window.print = () => {
      window.__printed = (window.__printed ?? 0) + 1;
    };
  });
  await openApp(page, "/course/placement");
  await page.getByLabel("Date", { exact: true }).fill(iso(fromToday(-2)));
  await page.getByLabel("Hours", { exact: true }).fill("2.5");
  await page.getByLabel("Setting", { exact: true }).fill("Community wellbeing hub");
  await page.getByLabel("What I observed", { exact: true }).fill("A welcoming group; tea first.");
  await page.getByRole("button", { name: "Add to log" }).click();

  const share = page.getByRole("region", { name: "For your peer supervisor" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    share.getByRole("button", { name: "Download as a Word document" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^placement-log-\d{4}-\d{2}-\d{2}\.docx$/);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  // The writer stores the XML uncompressed, so its words can be found in the file.
  const xml = bytes.toString("utf8");
  expect(xml).toContain("Peer supervisor&apos;s name:");
  expect(xml).toContain("Community wellbeing hub");
  expect(xml).toContain("A welcoming group; tea first.");
  await expect(share.getByRole("status")).toContainText("ready as a Word document");

  await share.getByRole("button", { name: "Print or save as PDF" }).click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: "print" });
  const printed = page.locator("#placement-print");
  await expect(printed.getByRole("heading", { level: 1 })).toHaveText("Placement log");
  await expect(printed).toContainText("Peer supervisor's name:");
  await expect(printed).toContainText("2 hours 30 minutes");
  await expect(page.getByRole("main")).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expect(printed).toBeHidden();
});

test("a reflection from the journal goes into the essay at the cursor, and can be undone", async ({ page }) => {
  await openApp(page, "/course/journal");
  await page.getByLabel("Title (optional)").fill("What hope means to me");
  await page.getByRole("textbox", { name: "Your reflection" }).fill("Hope came back slowly, through small things.");
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByRole("heading", { name: "What hope means to me" })).toBeVisible();

  await startEssay(page);
  const intro = introduction(page);
  await intro.fill("My opening line.");
  await intro.press("End");

  const section = page.getByRole("region", { name: "Introduction", exact: true });
  await section.getByText("Add from my journal").click();
  await section.getByRole("button", { name: "Add to this section: What hope means to me" }).click();
  await expect(intro).toHaveValue("My opening line.\n\nHope came back slowly, through small things.");
  const undo = section.getByRole("button", { name: "Undo" });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(intro).toHaveValue("My opening line.");

  // Added again and kept: the journal says it was used.
  await section.getByRole("button", { name: "Add to this section: What hope means to me" }).click();
  await expect(intro).toHaveValue(/Hope came back slowly/);
  await openApp(page, "/course/journal");
  await expect(page.getByRole("article", { name: "What hope means to me" })).toContainText("used in your essay");
});
