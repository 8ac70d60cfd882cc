// Typing: keystroke to next frame in the assignment editor with a 10,000-word draft open.
//
// How: keys are sent through the DevTools protocol (trusted events, as a keyboard's). A capturing
// keydown listener notes the event's own timeStamp (when the key was pressed, so time spent
// queued counts too) and asks for the next animation frame; from that frame's callback it posts
// a MessageChannel message, which runs once the frame has been produced. Latency = that moment
// minus the keydown timeStamp: everything the page does for the key (the input handler, the word
// count, the checker if it runs on the keystroke, layout and paint) until the frame showing it.
// Keys come at a steady typing pace, so debounced work (saves, checks) falls between them as it
// does for a person typing; if it is still running when the next key arrives, that key waits,
// and its latency shows it.
import { freshPage, seedStorage } from "./browser.mjs";
import { percentile } from "./stats.mjs";

const TEXT = "hope and connection grow ";

/**
 * Installed in the page: records one latency per keydown, and the page's own work per keystroke:
 * from the first `input` listener (capturing, on the document, so before the page's own) until a
 * MessageChannel message posted then is delivered, which is after the input handlers and every
 * microtask they queued (Leptos runs its effects in microtasks). It also counts the browser's own
 * work in between: the rest of its editing after the event, and a frame when one is due before the
 * message (a bare textarea, with no handlers at all, shows 14-16 ms p95 at 4x throttling). So the
 * app's share is the editor's figure against the bare textarea's beside it.
 */
function listen() {
  window.__latencies = [];
  window.__work = [];
  window.__wake = null;
  document.addEventListener(
    "input",
    () => {
      const start = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__work.push(performance.now() - start);
      channel.port2.postMessage(null);
    },
    true,
  );
  document.addEventListener(
    "keydown",
    (event) => {
      const pressed = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          window.__latencies.push(performance.now() - pressed);
          if (window.__wake) window.__wake();
        };
        channel.port2.postMessage(null);
      });
    },
    true,
  );
}

/**
 * Types `rounds` x `keys` keystrokes at the end of the longest section of the draft, `paceMs`
 * apart. Returns { not_measured: reason } when the editor route shows no textarea: the editor is
 * not built yet (the route is the app's "not found" page), or the page shows something else (its
 * h1 says what).
 */
export async function typing(browser, { base, store, path, throttle, rounds, keys, paceMs }) {
  const { context, page } = await freshPage(browser, 1);
  try {
    await seedStorage(page, base, store);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
    await page.goto(`${base}${path}`);
    await page.locator("main h1").first().waitFor({ timeout: 30_000 });
    const areas = page.locator("main textarea");
    try {
      await areas.first().waitFor({ timeout: 5_000 });
    } catch {
      const title = (await page.locator("main h1").first().textContent()).trim();
      return {
        not_measured: /not found/i.test(title) && /^page/i.test(title)
          ? "not measured: the editor is not built yet"
          : `not measured: no textarea on ${path} (its heading says "${title}")`,
      };
    }
    // Turn the checker on if the editor has a switch for it (a checkbox, a switch, or a toggle
    // button), and say in the table what was found.
    const name = /check|language/i;
    const box = page.getByRole("checkbox", { name }).or(page.getByRole("switch", { name })).first();
    const pressable = page.locator("main button[aria-pressed]").filter({ hasText: name }).first();
    let checker = "no checker switch in the editor: measured as the editor opens";
    if (await box.count()) {
      if (!(await box.isChecked())) await box.check();
      checker = "checker switched on";
    } else if (await pressable.count()) {
      if ((await pressable.getAttribute("aria-pressed")) !== "true") await pressable.click();
      checker = "checker switched on";
    }
    // The longest section: type at its end.
    const lengths = await areas.evaluateAll((els) => els.map((el) => el.value.length));
    const longest = lengths.indexOf(Math.max(...lengths));
    const target = areas.nth(longest);
    await target.click();
    await target.evaluate((el) => {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    });
    const words = await page.evaluate(() =>
      [...document.querySelectorAll("main textarea")].reduce(
        (n, el) => n + (el.value.match(/\S+/g) ?? []).length,
        0,
      ),
    );
    const typed = await typeKeys(page, { rounds, keys, paceMs });
    const typedText = await target.evaluate((el) => el.value.slice(-40));
    // The draft's whole text, for the bare textarea it is compared with (not kept in the results).
    const text = await page.evaluate(() =>
      [...document.querySelectorAll("main textarea")].map((el) => el.value).join("\n\n"),
    );
    return { words, checker, typed_tail: typedText, sections: lengths.length, ...typed, text };
  } finally {
    await context.close();
  }
}

/**
 * Presses `rounds` x `keys` keys into the focused text box, `paceMs` apart, with the probe
 * installed; the latencies' and the page's own work's percentiles, per round too.
 */
async function typeKeys(page, { rounds, keys, paceMs }) {
  await page.evaluate(listen);
  await page.waitForTimeout(1_000);
  const perRound = [];
  let typed = 0;
  for (let round = 0; round < rounds; round++) {
    const samples = [];
    for (let i = 0; i < keys; i++) {
      const ch = TEXT[typed++ % TEXT.length];
      const before = await page.evaluate(() => window.__latencies.length);
      await page.keyboard.press(ch === " " ? "Space" : ch);
      const latency = await page.evaluate(
        (n) =>
          new Promise((resolve) => {
            const done = () => window.__latencies.length > n && resolve(window.__latencies[n]);
            window.__wake = done;
            done();
          }),
        before,
      );
      samples.push(latency);
      await page.waitForTimeout(paceMs);
    }
    perRound.push(samples);
  }
  const all = perRound.flat();
  const work = await page.evaluate(() => window.__work);
  return {
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    max: Math.max(...all),
    rounds: perRound.map((s) => ({ p50: percentile(s, 50), p95: percentile(s, 95) })),
    keystrokes: all.length,
    samples: all,
    work: { p50: percentile(work, 50), p95: percentile(work, 95), samples: work },
  };
}

/** The bare textarea the editor is compared with: the page `bench/run.mjs` writes. */
export const BARE_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bare textarea</title></head>' +
  '<body><textarea aria-label="Text" rows="20" cols="80"></textarea></body></html>\n';

/**
 * The same keystrokes, at the same pace and throttling, in a bare textarea holding `text` (the
 * editor's draft, all of it): what the browser alone costs, so the editor's figures can be read
 * as a ratio to it.
 */
export async function bareTyping(browser, { base, text, throttle, rounds, keys, paceMs }) {
  const { context, page } = await freshPage(browser, 1);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
    await page.goto(`${base}/bare-textarea.html`);
    const area = page.locator("textarea");
    await area.evaluate((el, value) => {
      el.value = value;
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    }, text);
    const words = (text.match(/\S+/g) ?? []).length;
    return { words, ...(await typeKeys(page, { rounds, keys, paceMs })) };
  } finally {
    await context.close();
  }
}
