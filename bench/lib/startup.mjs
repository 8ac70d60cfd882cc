// Start-up: from navigation start to interactive, measured inside the page so no DevTools round
// trip is counted. Three moments:
// - mounted: the first screen is shown (Peer Study: the page's h1 is visible; the counter: its
//   button is);
// - responded: the first screen has answered a click (Peer Study: the probe clicks the first link
//   in the main navigation that leads elsewhere, and the app has left the page, showing
//   "Opening…" or the new page; the counter: the probe clicks its button and the count reads 1);
// - interactive: for Peer Study, the clicked page's h1 has replaced the first one, which takes the
//   first opening of an area, its piece fetched and compiled (the issue asks for each area to load
//   when it is first opened, so this is not start-up); for the counter, the same as responded.
// The probe watches the DOM with a MutationObserver (no polling), and all times are
// performance.now(), whose zero is the navigation start.
import { freshPage, seedStorage } from "./browser.mjs";
import { summary } from "./stats.mjs";

/** Runs in the page before any of its scripts. */
function probe(kind) {
  const result = (window.__bench = { done: false });
  const waiters = (window.__benchWaiters = []);
  let state = "waiting";
  let fromTitle = null;
  const visible = (el) => !!el && el.getBoundingClientRect().height > 0;
  const step = () => {
    if (state === "waiting") {
      if (kind === "app") {
        const h1 = document.querySelector("main h1");
        const here = location.pathname;
        const link = [...document.querySelectorAll("nav a[href]")].find(
          (a) => new URL(a.href).pathname !== here,
        );
        if (!visible(h1) || !link) return;
        result.mounted = performance.now();
        fromTitle = h1.textContent;
        result.clicked = link.getAttribute("href");
        state = "clicked";
        link.click();
      } else {
        const button = document.querySelector("button");
        if (!visible(button)) return;
        result.mounted = performance.now();
        state = "clicked";
        button.click();
      }
    }
    if (state === "clicked") {
      const h1 = document.querySelector("main h1");
      const left = !visible(h1) || h1.textContent !== fromTitle;
      if (kind === "app" && left && result.responded === undefined) result.responded = performance.now();
      const ok =
        kind === "app"
          ? visible(h1) && h1.textContent !== fromTitle
          : /\b1\b/.test(document.querySelector("button")?.textContent ?? "");
      if (ok) {
        result.interactive = performance.now();
        if (result.responded === undefined) result.responded = result.interactive;
        result.done = true;
        observer.disconnect();
        for (const wake of waiters) wake();
      }
    }
  };
  const observer = new MutationObserver(step);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  addEventListener("error", (e) => (result.error = String(e.message)));
}

/**
 * How long after its context opens a start-up's navigation begins. The store is written from a
 * page of its own first (below), and on two cores what follows that (the page closing, the
 * browser taking in up to a megabyte and a half of writes) still runs for a while: with 0.6 s a
 * year's store showed +31 ms at 4x before the app's first line had run (DOMContentLoaded, 21 cold
 * starts); with 1.5 s, none (0.0 ms). Every start-up, the counter's included, waits the same.
 */
const SETTLE_MS = 1500;

/**
 * One start-up: a fresh context (cold cache), the store written from a page of its own and that
 * page closed, then a new page, the CPU slowed `throttle` times, and the measured navigation.
 * Returns { mounted, responded, interactive } in ms (see the top of this file), the URLs the page
 * requested before its first screen was mounted (`requested`), and every URL it requested (`all`).
 *
 * Why a page of its own: a browser keeps each origin's localStorage in the renderer that used it,
 * so an app started in the tab that has just written its store finds the store already loaded
 * there, which a trainee's cold start never does. Measured that way a year's store added +5 to
 * +28 ms at 4x; started in a new page, whose renderer has to fetch all of it from the browser,
 * +36 to +76 ms (docs/build.md, "A year's data, measured again"). Every start-up, the empty
 * store's and the counter's too, goes the same way (an empty store clears the origin's), so the
 * rows differ only in what they measure.
 */
export async function startupOnce(browser, { base, kind, store, throttle, path = "/" }) {
  const opened = Date.now();
  const { context, page: seeding } = await freshPage(browser, 1);
  try {
    await seedStorage(seeding, base, store ?? {});
    await seeding.close();
    await new Promise((settled) => setTimeout(settled, Math.max(0, SETTLE_MS - (Date.now() - opened))));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
    await page.addInitScript(probe, kind);
    const requested = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.goto(`${base}${path}`, { waitUntil: "commit" });
    // Wait without polling: the probe wakes this promise when it stops the clock.
    const result = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const finish = () => resolve({ ...window.__bench });
          if (window.__bench.done) finish();
          else window.__benchWaiters.push(finish);
          setTimeout(() => reject(new Error(`never interactive: ${JSON.stringify(window.__bench)}`)), 60_000);
        }),
    );
    // The first load is what the page asked for before its first screen was mounted: an app split
    // by area fetches more afterwards (the home page's lower cards, the area the probe clicks).
    const beforeMount = await page.evaluate(
      (mounted) =>
        performance
          .getEntriesByType("resource")
          .filter((entry) => entry.startTime <= mounted)
          .map((entry) => entry.name),
      result.mounted,
    );
    const firstLoad = requested.filter((url, i) => i === 0 || beforeMount.includes(url));
    return {
      mounted: result.mounted,
      responded: result.responded,
      interactive: result.interactive,
      clicked: result.clicked,
      requested: firstLoad,
      all: requested,
    };
  } finally {
    await context.close();
  }
}

/**
 * `runs` start-ups of each of `configs` (name -> options for startupOnce), taken in turn (one of
 * each, then again), so that whatever else the machine is doing falls on all of them alike; one
 * unrecorded warm-up of each first. Each round starts one configuration further along, so that
 * none always follows the same one: with two cores, what one start leaves running in the browser
 * (its context closing, its writes) lands on the next. Median and spread per config.
 */
export async function startups(browser, configs, runs) {
  const samples = Object.fromEntries(Object.keys(configs).map((name) => [name, { interactive: [], responded: [], mounted: [], requested: [] }]));
  for (const options of Object.values(configs)) await startupOnce(browser, options);
  const entries = Object.entries(configs);
  for (let i = 0; i < runs; i++) {
    const turn = entries.map((_, k) => entries[(i + k) % entries.length]);
    for (const [name, options] of turn) {
      const r = await startupOnce(browser, options);
      samples[name].interactive.push(r.interactive);
      samples[name].responded.push(r.responded);
      samples[name].mounted.push(r.mounted);
      samples[name].requested = r.requested;
      samples[name].all = r.all;
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [
      name,
      {
        interactive: summary(s.interactive),
        responded: summary(s.responded),
        mounted: summary(s.mounted),
        requested: s.requested,
        all: s.all,
      },
    ]),
  );
}
