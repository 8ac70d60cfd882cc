// Every screen of the app, in one place: the end-to-end tests that go screen by screen (offline,
// CSP, accessibility, screenshots) all take their list from here. When a screen lands, add it
// here and every one of those tests covers it.
//
// path: where it opens; name: a short name for test titles and screenshot files; heading: its h1,
// which proves the right screen opened (and not, say, the not-found page).
export const SCREENS = [
  { path: "/", name: "home", heading: "Welcome to Peer Study" },
  { path: "/course", name: "course", heading: "Your course" },
  { path: "/course/dates", name: "course-dates", heading: "Your course dates" },
  { path: "/course/attendance", name: "attendance", heading: "Attendance" },
  { path: "/course/journal", name: "journal", heading: "Reflection journal" },
  { path: "/course/welcome", name: "module", heading: "Welcome and getting to know each other" },
  { path: "/course/placement", name: "placement", heading: "Observational placement" },
  { path: "/assignments", name: "assignments", heading: "Assignments" },
  { path: "/glossary", name: "glossary", heading: "Glossary" },
  { path: "/glossary/hope", name: "glossary-entry", heading: "Hope" },
  { path: "/glossary/new", name: "own-entry", heading: "Add your own entry" },
  { path: "/glossary/flashcards", name: "flashcards", heading: "Flashcards" },
  { path: "/my-data", name: "my-data", heading: "My data" },
  { path: "/settings", name: "settings", heading: "Settings" },
  { path: "/no-such-page", name: "not-found", heading: "Page not found" },
];
