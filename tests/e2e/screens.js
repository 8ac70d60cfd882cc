// Every screen of the app, in one place: the end-to-end tests that go screen by screen (offline,
// CSP, accessibility, screenshots) all take their list from here. When a screen lands, add it
// here and every one of those tests covers it.
//
// path: where it opens; name: a short name for test titles and screenshot files; heading: its h1,
// which proves the right screen opened (and not, say, the not-found page); prepare (optional):
// what a trainee does first for the screen to exist (the editor needs a started assignment).
import { openApp } from "./fixtures.js";

const ESSAY = "Reflective essay: my recovery story";

/** Start the reflective essay from the assignments list, unless it is already started. */
async function startEssay(page) {
  await openApp(page, "/assignments");
  const start = page.getByRole("article", { name: ESSAY }).getByRole("button", { name: "Start writing" });
  if (await start.count()) await start.click();
}

export const SCREENS = [
  { path: "/", name: "home", heading: "Welcome to Peer Study" },
  { path: "/course", name: "course", heading: "Your course" },
  { path: "/course/dates", name: "course-dates", heading: "Your course dates" },
  { path: "/course/attendance", name: "attendance", heading: "Attendance" },
  { path: "/course/journal", name: "journal", heading: "Reflection journal" },
  { path: "/course/welcome", name: "module", heading: "Welcome and getting to know each other" },
  { path: "/course/placement", name: "placement", heading: "Observational placement" },
  { path: "/course/reading", name: "further-reading", heading: "Further reading" },
  { path: "/course/careers", name: "careers", heading: "Peer support as a career" },
  { path: "/assignments", name: "assignments", heading: "Assignments" },
  { path: "/assignments/recovery-story-essay", name: "editor", heading: ESSAY, prepare: startEssay },
  { path: "/glossary", name: "glossary", heading: "Glossary" },
  { path: "/glossary/hope", name: "glossary-entry", heading: "Hope" },
  { path: "/glossary/new", name: "own-entry", heading: "Add your own entry" },
  { path: "/glossary/flashcards", name: "flashcards", heading: "Flashcards" },
  { path: "/my-data", name: "my-data", heading: "My data" },
  { path: "/settings", name: "settings", heading: "Settings" },
  { path: "/no-such-page", name: "not-found", heading: "Page not found" },
];

/** Open `screen` as a trainee would reach it: its preparation first, if it has one. */
export async function openScreen(page, screen) {
  if (screen.prepare) await screen.prepare(page);
  await openApp(page, screen.path);
}
