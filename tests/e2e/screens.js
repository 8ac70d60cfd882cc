// Every screen of the app, in one place: the end-to-end tests that go screen by screen (offline,
// CSP, accessibility, screenshots) all take their list from here. When a screen lands, add it
// here and every one of those tests covers it.
//
// path: where it opens; name: a short name for test titles and screenshot files; heading: its h1,
// which proves the right screen opened (and not, say, the not-found page).
export const SCREENS = [
  { path: "/", name: "home", heading: "Welcome to Peer Study" },
  { path: "/course", name: "course", heading: "Your course" },
  { path: "/assignments", name: "assignments", heading: "Assignments" },
  { path: "/glossary", name: "glossary", heading: "Glossary" },
  { path: "/my-data", name: "my-data", heading: "My data" },
  { path: "/settings", name: "settings", heading: "Settings" },
  { path: "/no-such-page", name: "not-found", heading: "Page not found" },
];
