// Nothing leaves the device: the guard in fixtures.js fails any test that requests another host.
// This spec proves the guard itself works, so a silent guard can never pass for a private app.
import { test as base, expect } from "@playwright/test";
import { test, openApp } from "./fixtures.js";

test("a session through every screen makes requests only to the app's own origin", async ({
  page,
  baseURL,
}) => {
  const seen = [];
  page.on("request", (request) => seen.push(request.url()));
  for (const path of ["/", "/course", "/assignments", "/glossary", "/my-data", "/settings"]) {
    await openApp(page, path);
  }
  expect(seen.length).toBeGreaterThan(0);
  for (const url of seen) expect(new URL(url).origin).toBe(new URL(baseURL).origin);
});

base.describe("the guard itself", () => {
  // The app's CSP (connect-src 'self') already refuses such a request before it leaves the page
  // (csp.spec.js proves that); it is turned off here so the guard's own watch can be proven.
  base.use({ bypassCSP: true });

  base("the request guard notices a request to another host", async ({ page, baseURL }) => {
    const origin = new URL(baseURL).origin;
    const foreign = [];
    page.context().on("request", (r) => {
      if (new URL(r.url()).origin !== origin) foreign.push(r.url());
    });
    // Block it so nothing really goes out; the point is that the listener sees it.
    await page.route("http://example.invalid/**", (route) => route.abort());
    await page.goto("/");
    await page.evaluate(() => fetch("http://example.invalid/ping").catch(() => {}));
    await expect.poll(() => foreign.length).toBe(1);
  });
});
