// The checker and the store in Chromium, through the bench-only wasm (bench/wasm/): Peer Study's
// own library compiled as for the app, but callable from JavaScript. Timed here with
// performance.now() around calls that copy nothing: texts are handed over before the clock starts.
import { writeFileSync } from "node:fs";
import { freshPage } from "./browser.mjs";
import { summary } from "./stats.mjs";

/** Writes the page the bench-only wasm is loaded from. */
export function writeHostPage(dir) {
  writeFileSync(
    `${dir}/index.html`,
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>\n',
  );
}

async function loaded(browser, base, throttle = 1) {
  const { context, page } = await freshPage(browser, throttle);
  await page.goto(`${base}/bench-wasm/index.html`);
  await page.evaluate(async () => {
    const wasm = await import("/bench-wasm/bench_wasm.js");
    await wasm.default();
    window.bench = wasm;
  });
  return { context, page };
}

/**
 * Times full checks of each text. The first check of each text is reported apart ("cold": it
 * runs on the baseline compiler's code, and the very first also compiles the rules); then about
 * a second of checks lets Chromium tier the hot code up, as it does while someone types, before
 * the timed runs.
 */
export async function checkerInBrowser(browser, base, texts) {
  const { context, page } = await loaded(browser, base);
  try {
    const out = {};
    for (const [name, text] of Object.entries(texts)) {
      out[name] = await page.evaluate(
        ({ text }) => {
          window.bench.set_text(text);
          let started = performance.now();
          const findings = window.bench.check();
          const first = performance.now() - started;
          const warmUntil = performance.now() + 1000;
          while (performance.now() < warmUntil) window.bench.check();
          const runs = Math.min(25, Math.max(5, Math.round(1000 / Math.max(first, 0.1))));
          const times = [];
          for (let i = 0; i < runs; i++) {
            started = performance.now();
            window.bench.check();
            times.push(performance.now() - started);
          }
          return { findings, first, times };
        },
        { text },
      );
      out[name].ms = summary(out[name].times);
    }
    return out;
  } finally {
    await context.close();
  }
}

/**
 * Times the recheck after one keystroke in a long draft, with the paragraph cache the editor
 * keeps (so only the paragraph typed in is checked again), at a CPU throttling `rate`. One
 * keystroke is shorter than the browser's 0.1 ms clock step, so each sample times a batch of 20
 * and divides; a second of keystrokes first lets Chromium tier the code up, as typing does.
 */
export async function keystrokeInBrowser(browser, base, text, rate) {
  const { context, page } = await loaded(browser, base, rate);
  try {
    const r = await page.evaluate(
      ({ text }) => {
        const findings = window.bench.set_keystroke_text(text);
        let n = 0;
        const warmUntil = performance.now() + 1000;
        while (performance.now() < warmUntil) window.bench.keystroke(++n);
        const batch = 20;
        const times = [];
        for (let sample = 0; sample < 15; sample++) {
          const started = performance.now();
          for (let i = 0; i < batch; i++) window.bench.keystroke(++n);
          times.push((performance.now() - started) / batch);
        }
        return { findings, times, words: text.split(/\s+/).filter(Boolean).length };
      },
      { text },
    );
    r.ms = summary(r.times);
    return r;
  } finally {
    await context.close();
  }
}

/** The first whole paragraphs of `text` that hold at least `words` words. */
export function firstWords(text, words) {
  const kept = [];
  let count = 0;
  for (const paragraph of text.split("\n\n")) {
    if (count >= words) break;
    kept.push(paragraph);
    count += paragraph.split(/\s+/).filter(Boolean).length;
  }
  return kept.join("\n\n");
}

const PASSCODE = "otters hold hands asleep";

/**
 * Times unlocking as the lock screen does it (the passcode's key derived with PBKDF2-SHA256 in
 * Web Crypto, at the app's iteration count, then the data key unwrapped), `runs` times, at a CPU
 * throttling `rate`. Setting the lock up first is not timed.
 */
export async function unlockInBrowser(browser, base, rate, runs) {
  const { context, page } = await loaded(browser, base, rate);
  try {
    const r = await page.evaluate(
      async ({ runs, passcode }) => {
        await window.bench.lock_on(passcode);
        const times = [];
        let opened = true;
        for (let run = 0; run < runs; run++) {
          const started = performance.now();
          opened = (await window.bench.unlock(passcode)) && opened;
          times.push(performance.now() - started);
        }
        return { times, opened };
      },
      { runs, passcode: PASSCODE },
    );
    if (!r.opened) throw new Error("the bench's passcode did not unlock its own keyring");
    return { ms: summary(r.times), times: r.times };
  } finally {
    await context.close();
  }
}

/**
 * For each store: seed localStorage (not timed), then time the store's load (a batch of loads
 * when one is too quick for the clock's 0.1 ms steps), a save of every
 * record, and a save of one draft (as a debounced save while typing), `runs` times; and the
 * stored size as localStorage holds it (UTF-16 units of keys and values, what the quota counts).
 */
export async function storageInBrowser(browser, base, stores, runs, { sealed = false } = {}) {
  const { context, page } = await loaded(browser, base);
  try {
    // With the passcode lock on, every save seals what it writes (AES-256-GCM). The seeded
    // stores are plain, so with the lock on only the saves are comparable, not the load.
    if (sealed) await page.evaluate((passcode) => window.bench.lock_on(passcode), PASSCODE);
    const out = {};
    for (const [name, store] of Object.entries(stores)) {
      const r = await page.evaluate(
        ({ store, runs, sealed }) => {
          const loadStore = sealed ? window.bench.load_store_sealed : window.bench.load_store;
          const load = [];
          const saveAll = [];
          const saveOne = [];
          let units = 0;
          let records = 0;
          let savedKeys = 0;
          for (let run = 0; run < runs; run++) {
            localStorage.clear();
            for (const [key, value] of Object.entries(store)) localStorage.setItem(key, value);
            // Loads this small would be lost in performance.now()'s 0.1 ms steps: time a batch.
            let started = performance.now();
            records = loadStore();
            const once = performance.now() - started;
            const batch = Math.min(50, Math.max(1, Math.ceil(2 / Math.max(once, 0.02))));
            started = performance.now();
            for (let i = 0; i < batch; i++) loadStore();
            load.push((performance.now() - started) / batch);
            window.bench.touch_all(run + 1);
            started = performance.now();
            window.bench.save();
            saveAll.push(performance.now() - started);
            if (window.bench.touch_one_draft(run + 1)) {
              started = performance.now();
              window.bench.save();
              saveOne.push(performance.now() - started);
            }
          }
          // The size of the store as first saved (seeded again, loaded, and saved as it is).
          localStorage.clear();
          for (const [key, value] of Object.entries(store)) localStorage.setItem(key, value);
          loadStore();
          // With the lock on, every record is rewritten so that all of it is stored sealed.
          if (sealed) window.bench.touch_all(runs + 1);
          window.bench.save();
          savedKeys = localStorage.length;
          for (let i = 0; i < localStorage.length; i++) {
            const key = localStorage.key(i);
            units += key.length + localStorage.getItem(key).length;
          }
          localStorage.clear();
          return { load, saveAll, saveOne, units, records, keys: savedKeys };
        },
        { store, runs, sealed },
      );
      out[name] = {
        records: r.records,
        keys: r.keys,
        units: r.units,
        load_ms: summary(r.load),
        save_all_ms: summary(r.saveAll),
        save_one_draft_ms: summary(r.saveOne),
      };
    }
    return out;
  } finally {
    await context.close();
  }
}
