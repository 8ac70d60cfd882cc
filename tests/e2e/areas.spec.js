// Areas that load when first opened (src/app/lazy_area.rs, scripts/split-build.mjs): the first
// screen fetches only the main module and the first screen's styles, each area's piece comes when
// the trainee opens it (the styles only some areas use come with the first piece), and a piece
// that can't be fetched gives a kind page with "Try again", after which the app still works.
import { test, expect, openApp } from "./fixtures.js";
import { setUpLock, unlock } from "./lock_setup.js";

/** The files ending in `ending` the page itself asks for, as they happen (the service worker's
 * are not here). */
function watchRequests(page, ending) {
  const asked = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith(ending)) asked.push(path.slice(1));
  });
  return asked;
}

/** The wasm files the page itself asks for, as they happen. */
const watchWasm = (page) => watchRequests(page, ".wasm");

/** A link of the main navigation. */
const nav = (page, name) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });

const isPiece = (name) => !/^peer-study-[0-9a-f]+_bg\.wasm$/.test(name);
/** An area's own piece (the code it shares with other pieces is in files named chunk_…). */
const area = (name) => name.match(/^split_([a-z_]+)-[0-9a-f]{16}\.wasm$/)?.[1];
const areasOf = (names) => [...new Set(names.map(area).filter(Boolean))].sort();

test("the home screen fetches the main module, and an area's piece comes when it is opened", async ({
  page,
}) => {
  const asked = watchWasm(page);
  await openApp(page);
  expect(asked.filter((name) => !isPiece(name)), "the main module").toHaveLength(1);
  // The home page's lower cards come just after the page is on show; no area comes with them.
  await expect(page.getByRole("link", { name: "Study flashcards" })).toBeVisible();
  expect(areasOf(asked), "pieces fetched for the home screen").toEqual(["home_cards"]);
  // The code the lower cards share with other pieces comes in a few files, not one per shared
  // chunk (38 fetches and instantiations in one task, before scripts/chunk-groups.mjs): a tap
  // just after the first screen no longer waits behind them.
  expect(asked.filter(isPiece).length, `files for home's lower cards: ${asked.filter(isPiece)}`).toBeLessThanOrEqual(4);

  await nav(page, "Glossary").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Glossary");
  expect(areasOf(asked)).toEqual(["glossary", "home_cards"]);
  // Each piece's name carries a hash of what is in it, so versions can never be mixed up.
  for (const name of asked.filter(isPiece)) expect(name).toMatch(/-[0-9a-f]{16}\.wasm$/);

  // Home and the glossary again: nothing is fetched twice.
  const before = [...asked];
  await nav(page, "Home").click();
  await expect(page.getByRole("link", { name: "Study flashcards" })).toBeVisible();
  await nav(page, "Glossary").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Glossary");
  expect(asked).toEqual(before);
});


test("an area starts to come as a finger goes down on its link, or the link takes focus", async ({ page }) => {
  const asked = watchWasm(page);
  await openApp(page);
  await expect(page.getByRole("link", { name: "Study flashcards" })).toBeVisible();
  expect(areasOf(asked)).toEqual(["home_cards"]);

  // Down on the link, not yet lifted: no click, still home, but the glossary's piece is asked for.
  const box = await nav(page, "Glossary").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await expect.poll(() => areasOf(asked)).toEqual(["glossary", "home_cards"]);
  await expect(page).toHaveURL(/\/$/);
  await page.mouse.up();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Glossary");
  // Opening it asked for nothing more, and nothing twice.
  expect(new Set(asked).size).toBe(asked.length);

  // By keyboard: the course's piece is asked for as its link takes focus.
  await nav(page, "Course").focus();
  await expect.poll(() => areasOf(asked)).toEqual(["course", "glossary", "home_cards"]);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your course");
});

/** How the glossary's row of links is laid out just now: "flex" once the glossary's styles apply. */
const glossaryActionsDisplay = (page) =>
  page.locator(".glossary-actions").evaluate((list) => getComputedStyle(list).display);

test("the glossary's and writing's styles come with the first piece, and an area shows styled", async ({
  page,
}) => {
  const asked = watchRequests(page, ".css");
  await openApp(page);
  // The page links one stylesheet; the later one is asked for by the app, once home is on show.
  expect(asked[0]).toMatch(/^style-[0-9a-f]{16}\.css$/);
  await expect(page.getByRole("link", { name: "Study flashcards" })).toBeVisible();
  await expect.poll(() => asked.some((name) => /^style-later-[0-9a-f]{16}\.css$/.test(name))).toBe(true);

  // Straight into the glossary from a cold start: the first frame it shows in is already styled.
  await page.goto("/glossary");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Glossary");
  expect(await glossaryActionsDisplay(page)).toBe("flex");
});

/** Checks that the only errors logged were failed downloads, never a panic; then clears them. */
function onlyFailedDownloads(guard) {
  const errors = guard.consoleErrors.splice(0);
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(error).not.toMatch(/panic|unreachable|RuntimeError/i);
    expect(error).toMatch(/fetch|ERR_INTERNET_DISCONNECTED|Failed to load|network/i);
  }
}

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
  onlyFailedDownloads(guard);
});

test("the home page's lower cards that can't be fetched say so, and the rest of home works", async ({
  page,
  guard,
}) => {
  const pieces = /\/(split_home_cards|chunk_[a-z0-9_]+)-[0-9a-f]{16}\.wasm$/;
  const cutOff = (route) => route.abort("internetdisconnected");
  await page.route(pieces, cutOff);
  await openApp(page);
  const card = page.getByRole("region", { name: "Some of this page hasn't downloaded yet" });
  await expect(card).toBeVisible();
  await expect(page.getByRole("link", { name: "Study flashcards" })).toHaveCount(0);
  // The top of home is all there and in use.
  await expect(page.getByRole("heading", { name: "Your reflection journal" })).toBeVisible();

  await page.unroute(pieces, cutOff);
  await card.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("link", { name: "Study flashcards" })).toBeVisible();
  await expect(card).toHaveCount(0);
  onlyFailedDownloads(guard);
});

test("an area whose styles can't be fetched says so kindly, and opens styled after Try again", async ({
  page,
  guard,
}) => {
  const later = /\/style-later-[0-9a-f]+\.css$/;
  const cutOff = (route) => route.abort("internetdisconnected");
  await page.route(later, cutOff);
  await openApp(page, "/glossary");
  const heading = page.getByRole("heading", { level: 1 });
  // Never a glossary without its styles: the page waits for them, and says why it can't show.
  await expect(heading).toHaveText("This part hasn't downloaded yet");

  await page.unroute(later, cutOff);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(heading).toHaveText("Glossary");
  expect(await glossaryActionsDisplay(page)).toBe("flex");
  onlyFailedDownloads(guard);
});

test("a storage banner whose piece can't be fetched still says something needs a look", async ({
  page,
  guard,
}) => {
  await openApp(page);
  await page.evaluate(() => localStorage.setItem("peer-study/journal", '{"rev":2,"data":[{"ti'));
  const pieces = /\/(split_banners|chunk_[a-z0-9_]+)-[0-9a-f]{16}\.wasm$/;
  const cutOff = (route) => route.abort("internetdisconnected");
  await page.route(pieces, cutOff);
  await page.reload();
  // The banner's card and home's lower cards' card, each named by its own heading.
  const cards = page.getByRole("region", { name: "Some of this page hasn't downloaded yet" });
  await expect(cards).toHaveCount(2);
  const namedBy = await cards.evaluateAll((found) => found.map((c) => c.getAttribute("aria-labelledby")));
  expect(new Set(namedBy).size, `heading ids ${namedBy}`).toBe(2);
  const card = cards.first();
  await expect(card).toBeVisible();

  await page.unroute(pieces, cutOff);
  await card.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByText("Some saved data couldn't be read")).toBeVisible();
  onlyFailedDownloads(guard);
});

test("the lock screen comes as a piece of its own, and says so kindly if it can't be fetched", async ({
  page,
  guard,
}) => {
  await setUpLock(page);
  const pieces = /\/(split_lock|chunk_[a-z0-9_]+)-[0-9a-f]{16}\.wasm$/;
  const cutOff = (route) => route.abort("internetdisconnected");
  await page.route(pieces, cutOff);
  const asked = watchWasm(page);
  await page.reload();
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("The lock screen hasn't downloaded yet");
  await expect(page.getByText("Everything you've written is safe.")).toBeVisible();
  // Nothing behind the lock is offered, and nothing behind it was fetched.
  await expect(page.getByRole("link", { name: "Go to the home page" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  expect(areasOf(asked), "pieces asked for while locked").toEqual(["lock"]);

  await page.unroute(pieces, cutOff);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(heading).toHaveText("Peer Study is locked");
  await unlock(page);
  // Unlocked at the address it was locked on.
  await expect(heading).toHaveText("Settings");
  onlyFailedDownloads(guard);
});
});
