// The `test` every end-to-end spec uses. On top of Playwright's own, it watches every test for the
// two things no screen may ever do: send a request to any host but the app's own, or log an error
// to the console. Both are checked after each test, so every spec proves them as it goes. Below it,
// the steps many specs begin with: opening the app, and starting the essay most of them write in.
import { test as base, expect } from "@playwright/test";

export const test = base.extend({
  guard: [
    async ({ page, baseURL }, use) => {
      const appOrigin = new URL(baseURL).origin;
      const foreign = [];
      const consoleErrors = [];
      page.context().on("request", (request) => {
        const url = request.url();
        if (url.startsWith("data:") || url.startsWith("blob:")) return;
        if (new URL(url).origin !== appOrigin) foreign.push(url);
      });
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      page.on("pageerror", (error) => consoleErrors.push(String(error)));
      await use({ foreign, consoleErrors });
      expect(foreign, "requests to other hosts").toEqual([]);
      expect(consoleErrors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Open the app at `path` and wait until it has mounted (its main heading is showing). */
export async function openApp(page, path = "/") {
  await page.goto(path);
  await expect(page.locator("main h1")).toBeVisible();
}

/** The course's essay, the assignment the writing tests start. */
export const ESSAY_TITLE = "Reflective essay: my recovery story";

/** Start the reflective essay from the assignments list, arrive in its editor and return the
 * editor's address. */
export async function startEssay(page) {
  await openApp(page, "/assignments");
  const card = page.getByRole("article", { name: ESSAY_TITLE });
  await card.getByRole("button", { name: "Start writing" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ESSAY_TITLE);
  return new URL(page.url()).pathname;
}

/** The text box of the essay's first section. */
export const introduction = (page) => page.getByRole("textbox", { name: "Introduction", exact: true });
