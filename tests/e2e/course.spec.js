// The course area as a trainee meets it on a phone, by keyboard alone: set up the cohort's dates,
// tick prep from home, mark attendance, log placement time, write a journal entry about a module
// and find it on that module's page. Every course screen fits a 320 px phone, and the tab's title
// names the page it shows, a renamed module's included.
import { test, expect, openApp } from "./fixtures.js";

/** A date as the app stores it (YYYY-MM-DD), in local time. */
function iso(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Mon 23 Nov 2026", as the app shows dates. */
function short(date) {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${days[date.getDay()]} ${date.getDate()} ${months[date.getMonth()]} ${date.getFullYear()}`;
}

/** The Monday after today (a week today, if today is a Monday). */
function nextMonday() {
  const date = new Date();
  date.setDate(date.getDate() + ((1 - date.getDay() + 7) % 7 || 7));
  return date;
}

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page, target, { backwards = false, max = 120 } = {}) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`could not reach ${target} with the keyboard`);
}

test("a trainee sets up their cohort and keeps track of it, by keyboard alone", async ({ page }) => {
  // A whole cohort set up by keyboard: more than half the default 30 s on a busy machine, so
  // three times the budget (test.slow) gives it room without hiding a real hang.
  test.slow();
  const monday = nextMonday();

  // First visit: home invites setting the course dates.
  await openApp(page, "/");
  const setUp = page.getByRole("link", { name: "Set your course start date" });
  await tabTo(page, setUp);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your course dates");

  // A cohort starting next Monday, on Mondays (the start date's own weekday).
  const start = page.getByLabel("Course start date");
  await tabTo(page, start);
  await start.fill(iso(monday));
  await tabTo(page, page.getByRole("button", { name: "Set up my dates" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Your dates are saved" })).toContainText(
    `10 classroom days on Mondays, from ${short(monday)}`,
  );
  await expect(page.getByText(`Day 1 · ${short(monday)}`)).toBeVisible();

  // Back home through the main navigation: the next session, with its prep to tick.
  await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }), {
    backwards: true,
  });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your next session" })).toBeVisible();
  await expect(page.getByText(`Day 1 · ${short(monday)}`)).toBeVisible();
  const first = page.getByRole("checkbox", { name: /Look through the course map/ });
  const second = page.getByRole("checkbox", { name: /Jot down what you hope/ });
  await tabTo(page, first);
  await page.keyboard.press("Space");
  await tabTo(page, second);
  await page.keyboard.press("Space");
  await expect(first).toBeChecked();
  await expect(page.getByText("2 of 4 tasks · 30 of 60 min")).toBeVisible();

  // A reload keeps them ticked.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your next session" })).toBeVisible();
  await expect(first).toBeChecked();
  await expect(second).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Prepare a short introduction/ })).not.toBeChecked();

  // Attendance: a day still to come can't be marked attended or missed yet (marking one ahead
  // used to move home on to the next day and hide its open prep).
  await tabTo(page, page.getByRole("link", { name: "Mark your attendance" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Attendance");
  const day1 = page.getByRole("group", { name: `Day 1 · ${short(monday)}` });
  await expect(day1.getByRole("radio", { name: "Attended" })).toBeDisabled();
  await expect(day1.getByRole("radio", { name: "Missed" })).toBeDisabled();
  await expect(day1.getByRole("radio", { name: "Cancelled" })).toBeEnabled();
  await expect(day1.getByText("You can mark this day attended or missed once it has happened.")).toBeVisible();

  // Eight days on, days 1 and 2 have happened: day 1 attended, day 2 missed; the app says how
  // many more days can be missed.
  const later = new Date(monday);
  later.setDate(later.getDate() + 8);
  later.setHours(12, 0, 0, 0);
  await page.clock.setFixedTime(later);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Attendance");
  await expect(day1.getByRole("radio", { name: "Attended" })).toBeEnabled();
  await tabTo(page, day1.getByRole("radio", { name: "Not marked yet" }));
  for (let i = 0; i < 3; i += 1) await page.keyboard.press("ArrowUp");
  await expect(day1.getByRole("radio", { name: "Attended" })).toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("group", { name: /^Day 2 ·/ }).getByRole("radio", { name: "Missed" })).toBeChecked();
  await expect(page.getByRole("status").filter({ hasText: "on track" })).toHaveText(
    "You're on track. You can miss 1 more day and still graduate (you need to attend 8 of 10 days).",
  );

  // Placement log: one entry, with the totals.
  await page.goto("/course/placement");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Observational placement");
  const hours = page.getByLabel("Hours", { exact: true });
  await tabTo(page, hours);
  await page.keyboard.type("2.5");
  await tabTo(page, page.getByLabel("Setting", { exact: true }));
  await page.keyboard.type("Community wellbeing hub");
  await tabTo(page, page.getByLabel("What I observed", { exact: true }));
  await page.keyboard.type("How the peer worker opened the group.");
  await tabTo(page, page.getByLabel("What I learned", { exact: true }));
  await page.keyboard.type("Silence can be an invitation.");
  await tabTo(page, page.getByRole("button", { name: "Add to log" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("2 hours 30 minutes over 1 day")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Community wellbeing hub/ })).toBeVisible();

  // A journal entry about a module, started from that module's page, then found there.
  await page.goto("/course/what-is-recovery");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is recovery?");
  await tabTo(page, page.getByRole("link", { name: "Write a reflection on this" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reflection journal");
  await expect(page.getByLabel("Which module is it about?")).toHaveValue("what-is-recovery");
  await tabTo(page, page.getByLabel("Title (optional)", { exact: true }));
  await page.keyboard.type("Recovery in my own words");
  await tabTo(page, page.getByLabel("Your reflection", { exact: true }));
  await page.keyboard.type("Recovery is living well with or without symptoms.");
  await tabTo(page, page.getByRole("button", { name: "Save reflection" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved in your journal." })).toBeVisible();
  const entry = page.getByRole("article", { name: "Recovery in my own words" });
  await tabTo(page, entry.getByRole("link", { name: "What is recovery?" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What is recovery?");
  await expect(page.getByRole("article", { name: "Recovery in my own words" })).toContainText(
    "Recovery is living well with or without symptoms.",
  );
});

test("every course screen fits a 320 px wide phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openApp(page, "/");
  // Some of everything, so the lists and forms are all showing.
  const monday = iso(nextMonday());
  await page.evaluate((start) => {
    // Records as the storage layer keeps them: in an envelope, under a versioned schema.
    localStorage.setItem("peer-study/meta", JSON.stringify({ schema_version: 3 }));
    const put = (name, value) =>
      localStorage.setItem(`peer-study/${name}`, JSON.stringify({ rev: 1, saved_at: 0, data: value }));
    put("schedule", { start, weekday: "monday", moved: { 3: "2099-01-01" } });
    put("attendance", { marks: { 1: "attended" }, extra_days: [{ id: "extra-1", date: "2099-02-02", label: "A catch-up day with a rather long name to wrap" }] });
    put("placement", { entries: [{ id: "placement-1", date: start, minutes: 150, setting: "Peer-led-recovery-college-drop-in-session", observed: "Lots", learned: "More" }] });
    put("journal", { entries: [{ id: "journal-1", date: start, module_id: "welcome", title: "", body: "Averyveryveryverylongwordthatmightnotwrapnicelyonasmallphonescreenatall and more" }] });
  }, monday);
  for (const path of [
    "/",
    "/course",
    "/course/dates",
    "/course/attendance",
    "/course/placement",
    "/course/journal",
    "/course/welcome",
  ]) {
    await openApp(page, path);
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `sideways scroll on ${path}`).toBeLessThanOrEqual(0);
  }
  // The seeded data really showed (so the widths above were measured with it in place).
  await openApp(page, "/course/journal");
  await expect(page.getByText(/Averyveryveryverylongword/).first()).toBeVisible();
  await expect(page.getByText("Some saved data couldn't be read")).toHaveCount(0);
});

test("module pages step to the next and previous module", async ({ page }) => {
  await openApp(page, "/course/welcome");
  const steps = page.getByRole("navigation", { name: "Modules before and after this one" });
  // The first module has no previous one.
  await expect(steps.getByRole("link", { name: /Previous module/ })).toHaveCount(0);
  const next = steps.getByRole("link", { name: /Next module/ });
  const nextTitle = (await next.locator(".title").textContent()).trim();
  await next.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nextTitle);
  await page
    .getByRole("navigation", { name: "Modules before and after this one" })
    .getByRole("link", { name: /Previous module/ })
    .click();
  await expect(page).toHaveURL(/\/course\/welcome$/);
});

test("the tab's title names the page once as it opens, and follows a module that is renamed", async ({ page }) => {
  // Count every change to the document's <title>, from before the app starts.
  await page.addInitScript(() => {
    window.__titleWrites = 0;
    new MutationObserver((records) => {
      const title = (r) => r.target.closest?.("title") || r.target.parentElement?.closest("title");
      window.__titleWrites += records.filter(title).length;
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  /** Lets the page's effects run: they come before the next frame and the timer after it. */
  const settle = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  await openApp(page, "/course/welcome");
  const first = (await page.getByRole("heading", { level: 1 }).textContent()).trim();
  await expect(page).toHaveTitle(`${first} · Peer Study`);

  // Renamed to fit the cohort: the heading and the tab's title say the new name.
  await page.getByText("Rename or change what it covers").click();
  await page.getByLabel("Title", { exact: true }).fill("Our first session");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Our first session");
  await expect(page).toHaveTitle("Our first session · Peer Study");

  // A new page: its title is written once, not again when the page's effects first run.
  await settle();
  await page.evaluate(() => (window.__titleWrites = 0));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to Peer Study");
  await expect(page).toHaveTitle("Welcome to Peer Study · Peer Study");
  await settle();
  expect(await page.evaluate(() => window.__titleWrites)).toBe(1);
});
