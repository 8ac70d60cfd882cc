// Areas that load when first opened (src/app/lazy_area.rs, scripts/split-build.mjs): the first
// screen fetches only the main module, each area's piece comes when the trainee opens it, and a
// piece that can't be fetched gives a kind page with "Try again", after which the app still works.
import { test, expect, openApp } from "./fixtures.js";

/** The wasm files the page itself asks for, as they happen (the service worker's are not here). */
function watchWasm(page) {
  const asked = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith(".wasm")) asked.push(path.slice(1));
  });
  return asked;
}

/** A link of the main navigation. */
const nav = (page, name) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });

const isPiece = (name) => !/^peer-study-[0-9a-f]+_bg\.wasm$/.test(name);

test("the home screen fetches the main module only, and an area's piece comes when it is opened", async ({
  page,
}) => {
  const asked = watchWasm(page);
  await openApp(page);
  expect(asked.filter((name) => !isPiece(name)), "the main module").toHaveLength(1);
  expect(asked.filter(isPiece), "pieces fetched for the home screen").toEqual([]);

  await nav(page, "Glossary").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Glossary");
  const forGlossary = asked.filter(isPiece);
  expect(forGlossary.length, "pieces fetched for the glossary").toBeGreaterThan(0);
  // Each piece's name carries a hash of what is in it, so versions can never be mixed up.
  for (const name of forGlossary) expect(name).toMatch(/-[0-9a-f]{16}\.wasm$/);

  // Back home and to the glossary again: nothing is fetched twice.
  await nav(page, "Home").click();
  await nav(page, "Glossary").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Glossary");
  expect(asked.filter(isPiece)).toEqual(forGlossary);
});

test.describe("before the service worker has every piece", () => {
  // No worker: the pieces come from the network alone, as on a first visit before precaching
  // finished (a worker would answer from its cache, out of the test's reach).
  test.use({ serviceWorkers: "block" });

test("an area that can't be fetched says so kindly, and opens after Try again", async ({ page, guard }) => {
  await openApp(page);
  // The network drops before the glossary's piece reached the device.
  let blocked = 0;
  const cutOff = async (route) => {
    blocked += 1;
    await route.abort("internetdisconnected");
  };
  await page.route(/\/split_[^/]*\.wasm$/, cutOff);
  const glossaryLink = nav(page, "Glossary");
  await glossaryLink.click();

  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("This part hasn't downloaded yet");
  await expect(page.getByText("Everything you've written is safe.")).toBeVisible();
  expect(blocked).toBeGreaterThan(0);

  // The rest of the app still works: home opens, and so does another try at the glossary.
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(heading).toHaveText("Welcome to Peer Study");
  await glossaryLink.click();
  await expect(heading).toHaveText("This part hasn't downloaded yet");

  // The connection is back.
  await page.unroute(/\/split_[^/]*\.wasm$/, cutOff);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(heading).toHaveText("Glossary");
  await page.getByRole("searchbox").first().fill("hope");
  await expect(page.getByRole("link", { name: "Hope", exact: true })).toBeVisible();

  // The only errors logged were the failed downloads themselves, never a panic.
  const errors = guard.consoleErrors.splice(0);
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(error).not.toMatch(/panic|unreachable|RuntimeError/i);
    expect(error).toMatch(/fetch|ERR_INTERNET_DISCONNECTED|Failed to load|network/i);
  }
});
});
