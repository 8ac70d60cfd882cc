// `make bench`: measures what bench/build.sh built and prints one table; the same figures, with
// every sample, go to bench-output/bench.json (and the table to bench-output/bench.txt).
// Nothing here ever fails because something is slow: it measures and reports. A part that breaks
// (the app does not start, say) is reported as not measured, the rest still runs, and the exit
// status says something broke.
//
//   node bench/run.mjs     (after bench/build.sh; `make bench` runs both)
//
// Environment: BENCH_PORT (first of three loopback ports, default 4305), BENCH_QUICK=1 (fewer
// runs, for trying the bench itself out).
import { execSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { alexTimes } from "./lib/alex.mjs";
import { chromiumVersion, launchChromium, startServer } from "./lib/browser.mjs";
import { firstLoadSizes, ofKind } from "./lib/size.mjs";
import { startups } from "./lib/startup.mjs";
import { median, ms, ratio, roundsInterval, spread, summary, times } from "./lib/stats.mjs";
import { renderTable } from "./lib/table.mjs";
import { BARE_PAGE, bareTyping, typing } from "./lib/typing.mjs";
import {
  checkerInBrowser,
  firstWords,
  keystrokeInBrowser,
  storageInBrowser,
  unlockInBrowser,
  writeHostPage,
} from "./lib/wasm.mjs";

const QUICK = process.env.BENCH_QUICK === "1";
const PORT = Number(process.env.BENCH_PORT ?? 4305);
const RUNS = {
  // Cold starts of each of the six start-up rows, taken in turn. With 11, the median ratio to the
  // counter at 4x moved between 1.56x and 2.27x from one run to the next on the same build, and
  // with 21 a year's store added +38 ms at 4x in one run and +11 ms in the next; more runs keep
  // one busy moment from deciding the row (docs/build.md, "Where the first screen's time goes"),
  // and each row's 90% interval says how far its figure can be trusted. Five at least even when
  // quick, so that the interval is worked out.
  startup: QUICK ? 5 : 31,
  typingRounds: QUICK ? 1 : 3,
  typingKeys: QUICK ? 30 : 100,
  typingPaceMs: 120,
  storage: QUICK ? 3 : 9,
  unlock: QUICK ? 2 : 5,
  alex: (name) => (name === "5000" ? (QUICK ? 2 : 7) : QUICK ? 1 : 3),
};
const OUT = "bench-output";
const DATA = `${OUT}/data`;
const started = Date.now();
const log = (message) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));
const native = readJson(`${DATA}/native-store.json`);
const nativeChecker = Object.fromEntries(
  readFileSync(`${DATA}/native-checker.jsonl`, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line))
    .map((r) => [String(r.file.match(/text-(\d+)\.txt$/)[1]), { ...r, ms: summary(r.ms) }]),
);
const texts = { 5000: readFileSync(`${DATA}/text-5000.txt`, "utf8"), 50000: readFileSync(`${DATA}/text-50000.txt`, "utf8") };
const STORE_NAMES = ["empty", "typical", "year", "large"];
// The stores the passcode lock's save costs are measured with.
const LOCK_STORES = ["typical", "year"];
const stores = Object.fromEntries(
  [...STORE_NAMES, "typing"].map((name) => [name, readJson(`${DATA}/store-${name}.json`)]),
);
const draftKey = Object.keys(stores.typing).find((k) => k.startsWith("peer-study/draft/"));
const editorPath = `/assignments/${draftKey.slice("peer-study/draft/".length)}`;

const git = (cmd) => {
  try {
    return execSync(`git ${cmd}`, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
};
const results = {
  when: new Date().toISOString(),
  commit: git("rev-parse --short HEAD"),
  dirty: !!git("status --porcelain --untracked-files=no"),
  node: process.version,
  cores: cpus().length,
  load_average_at_start: loadavg()[0],
  runs: { ...RUNS, alex: { 5000: RUNS.alex("5000"), 50000: RUNS.alex("50000") } },
};

results.errors = {};
/** Runs one part of the bench; if it throws, notes why and carries on with the others. */
async function attempt(part, measure) {
  try {
    await measure();
  } catch (error) {
    results.errors[part] = String(error?.message ?? error).split("\n")[0];
    log(`${part}: not measured: ${results.errors[part]}`);
  }
}

const servers = [];
const browser = await launchChromium();
try {
  results.chromium = await chromiumVersion(browser);
  const app = await startServer("dist", PORT);
  servers.push(app);
  const counter = await startServer(`${OUT}/counter-dist`, PORT + 1);
  servers.push(counter);
  writeHostPage(`${OUT}/bench-wasm`);
  writeFileSync(`${OUT}/bare-textarea.html`, BARE_PAGE);
  const benchPages = await startServer(OUT, PORT + 2);
  servers.push(benchPages);

  // ----- start-up (also tells which files the first load fetches) -----
  results.startup = {};
  await attempt("startup", async () => {
    for (const throttle of [1, 4]) {
      log(`start-up, ${throttle}x CPU: the counter and the app with an empty and a year's store, in turn`);
      const measured = await startups(
        browser,
        {
          [`counter_${throttle}x`]: { base: counter.base, kind: "counter", throttle },
          [`app_empty_${throttle}x`]: { base: app.base, kind: "app", throttle, store: stores.empty },
          [`app_year_${throttle}x`]: { base: app.base, kind: "app", throttle, store: stores.year },
        },
        RUNS.startup,
      );
      Object.assign(results.startup, measured);
    }
  });

  // ----- size -----
  log("sizes");
  await attempt("size", async () => {
    results.size = {
      app: firstLoadSizes("dist", results.startup.app_empty_1x?.requested),
      counter: firstLoadSizes(`${OUT}/counter-dist`, results.startup.counter_1x?.requested),
    };
  });

  // ----- typing -----
  results.typing = {};
  await attempt("typing", async () => {
    for (const throttle of [1, 4]) {
      log(`typing, ${throttle}x CPU`);
      const pace = { throttle, rounds: RUNS.typingRounds, keys: RUNS.typingKeys, paceMs: RUNS.typingPaceMs };
      const editor = await typing(browser, { base: app.base, store: stores.typing, path: editorPath, ...pace });
      const { text, ...kept } = editor;
      results.typing[`${throttle}x`] = kept;
      if (text) {
        log(`typing, ${throttle}x CPU: a bare textarea with the same words`);
        results.typing[`bare_${throttle}x`] = await bareTyping(browser, { base: benchPages.base, text, ...pace });
      }
    }
  });

  // ----- checker -----
  await attempt("checker", async () => {
    log("checker in Chromium (wasm)");
    const wasmChecker = await checkerInBrowser(browser, benchPages.base, texts);
    log("checker: alex in Node");
    const alex = alexTimes(texts, RUNS.alex);
    log("checker: a keystroke in a 10,000-word draft, 1x and 4x CPU");
    const draft = firstWords(texts[50000], 10000);
    const keystroke = {};
    for (const rate of [1, 4]) keystroke[`${rate}x`] = await keystrokeInBrowser(browser, benchPages.base, draft, rate);
    results.checker = { native: nativeChecker, wasm: wasmChecker, alex, keystroke };
  });

  // ----- storage -----
  await attempt("storage", async () => {
    log("storage in Chromium (wasm)");
    results.storage = {
      browser: await storageInBrowser(
        browser,
        benchPages.base,
        Object.fromEntries(STORE_NAMES.map((n) => [n, stores[n]])),
        RUNS.storage,
      ),
      native: native.stores,
      fit_5000_word_drafts: native.fit_5000_word_drafts,
    };
  });

  // ----- the passcode lock -----
  await attempt("lock", async () => {
    log("passcode lock in Chromium: unlock at 1x and 4x CPU, saves with encryption on");
    const unlock = {};
    for (const rate of [1, 4]) unlock[`${rate}x`] = await unlockInBrowser(browser, benchPages.base, rate, RUNS.unlock);
    const sealed = await storageInBrowser(
      browser,
      benchPages.base,
      Object.fromEntries(LOCK_STORES.map((n) => [n, stores[n]])),
      RUNS.storage,
      { sealed: true },
    );
    results.lock = { unlock, sealed };
  });
} finally {
  await browser.close();
  for (const server of servers) server.stop();
}
results.load_average_at_end = loadavg()[0];
results.seconds = Math.round((Date.now() - started) / 1000);

// ----- the table -----
const three = (s) => `${s.raw.toLocaleString("en-GB")} / ${s.gzip.toLocaleString("en-GB")} / ${s.brotli.toLocaleString("en-GB")} B`;
const sections = [];
/** Adds a section; if its figures are missing (that part broke), says so instead. */
function section(part, title, rowsOf) {
  try {
    sections.push({ title, rows: rowsOf() });
  } catch (error) {
    const why = results.errors[part] ?? String(error?.message ?? error);
    sections.push({ title, rows: [{ figure: "all", value: `not measured: ${why}` }] });
  }
}

section("size", "SIZE: raw / gzip -9 / brotli -q 11 (bytes)", () => {
  const { app, counter } = results.size;
  const rows = [
    {
      figure: "first load, total",
      value: three(app.total),
      spread: "exact",
      reference: `counter ${three(counter.total)}`,
      ratio: `br ${times(ratio(app.total.brotli, counter.total.brotli))}`,
    },
  ];
  for (const kind of ["wasm", "js", "css", "html", "manifest", "icon"]) {
    const a = ofKind(app, kind);
    if (!a.raw) continue;
    const c = ofKind(counter, kind);
    const names = app.files.filter((f) => f.kind === kind).map((f) => f.name);
    rows.push({
      figure: `  ${kind} (${names.length === 1 ? names[0].replace(/-[0-9a-f]{8,}/, "-*") : `${names.length} files`})`,
      value: three(a),
      spread: "exact",
      reference: c.raw ? `counter ${three(c)}` : "counter has none",
      ratio: c.raw ? `br ${times(ratio(a.brotli, c.brotli))}` : "",
    });
  }
  // The pieces of a build split by area (scripts/split-build.mjs), each fetched when first needed.
  const pieces = app.pieces ?? [];
  if (pieces.length) {
    const all = pieces.reduce(
      (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
      { raw: 0, gzip: 0, brotli: 0 },
    );
    rows.push({ figure: `pieces fetched later (${pieces.length} files, every one precached)`, value: three(all), spread: "exact" });
    for (const piece of pieces.filter((f) => f.name.startsWith("split_")))
      rows.push({
        figure: `  ${piece.name.replace(/-[0-9a-f]{16}\.wasm$/, "")}`,
        value: three(piece),
        spread: "exact",
        ratio: `br ${times(ratio(piece.brotli, counter.total.brotli))} counter`,
      });
    const chunks = pieces.filter((f) => f.name.startsWith("chunk_"));
    if (chunks.length)
      rows.push({
        figure: `  shared chunks (${chunks.length} files)`,
        value: three(chunks.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 })),
        spread: "exact",
      });
  }
  const otherFiles = app.others.files.filter((name) => !pieces.some((p) => p.name === name));
  if (otherFiles.length)
    rows.push({ figure: `  not in first load: ${otherFiles.length} more files`, value: `${app.others.raw.toLocaleString("en-GB")} B raw, pieces included` });
  return rows;
});

const STARTUP =
  `START-UP: navigation start -> first screen mounted, then answering a click (the app: a link in its navigation; ` +
  `the counter: its button), then the clicked area opened (${RUNS.startup} cold loads each, taken in turn, each round starting one further along)`;
section("startup", STARTUP, () => {
  const rows = [];
  // The three moments (bench/lib/startup.mjs): "mounted" and "responding" are start-up, and the
  // counter's figure for the same moment is the reference; "area opened" adds the first opening
  // of the clicked area (its piece fetched and compiled), against the counter's response.
  const moments = [
    ["mounted", "first screen mounted", "mounted"],
    ["responded", "first screen answering a click", "responded"],
    ["interactive", "clicked area opened (its piece fetched)", "responded"],
  ];
  for (const throttle of [1, 4]) {
    const load = throttle === 1 ? "no throttling" : `${throttle}x CPU throttling`;
    for (const [moment, words, counterMoment] of moments) {
      const c = results.startup[`counter_${throttle}x`][counterMoment];
      const empty = results.startup[`app_empty_${throttle}x`][moment];
      for (const store of ["empty", "year"]) {
        const s = results.startup[`app_${store}_${throttle}x`][moment];
        const units = store === "year" ? ` (${(native.stores.year.utf8_bytes / 1e6).toFixed(2)} MB)` : "";
        const delta = s.median - empty.median;
        // One run's median moves with whatever else the machine did, so each ratio and each
        // year-store difference also gets its 90% interval over the rounds (stats.mjs): a target
        // is met with confidence only when the whole interval is inside it.
        const ratioInterval = roundsInterval([s.samples, c.samples], (app, counter) => median(app) / median(counter));
        const deltaInterval =
          store === "year" ? roundsInterval([s.samples, empty.samples], (year, none) => median(year) - median(none)) : null;
        const signed = (v) => `${v >= 0 ? "+" : ""}${ms(v)}`;
        rows.push({
          figure:
            `  ${words}, ${store} store${units}, ${load}` +
            (store === "year"
              ? `: ${signed(delta)} vs empty` +
                (deltaInterval ? ` (90%: ${signed(deltaInterval[0])} to ${signed(deltaInterval[1])})` : "")
              : ""),
          value: ms(s.median),
          spread: spread(s),
          reference: `counter ${ms(c.median)}`,
          ratio:
            times(ratio(s.median, c.median)) +
            (ratioInterval ? ` (90%: ${ratioInterval.map((r) => r.toFixed(2)).join("-")})` : ""),
          interval: { ratio: ratioInterval, vs_empty: deltaInterval },
        });
      }
    }
  }
  return rows;
});

const TYPING =
  "TYPING: keydown -> next frame produced (keydown timeStamp -> rAF -> MessageChannel), at the end of the longest section" +
  (results.typing["1x"]?.checker ? `; ${results.typing["1x"].checker}` : "");
section("typing", TYPING, () => {
  const rows = [];
  const frame = 1000 / 60;
  for (const throttle of [1, 4]) {
    const t = results.typing[`${throttle}x`];
    const label = throttle === 1 ? "no throttling" : `${throttle}x CPU throttling`;
    if (t.not_measured) {
      rows.push({ figure: `${label}`, value: t.not_measured });
      continue;
    }
    for (const p of ["p50", "p95"]) {
      const perRound = t.rounds.map((r) => r[p]);
      rows.push({
        figure: `${p}, ${label} (${t.keystrokes} keys, ${t.words.toLocaleString("en-GB")} words)`,
        value: ms(t[p]),
        spread: perRound.length > 1 ? `${ms(Math.min(...perRound))} - ${ms(Math.max(...perRound))} (rounds)` : "-",
        reference: p === "p95" ? "budget: one frame, 16.7 ms" : "",
        ratio: p === "p95" ? times(ratio(t[p], frame)) : "",
      });
    }
    const bare = results.typing[`bare_${throttle}x`];
    if (bare) {
      for (const p of ["p50", "p95"])
        rows.push({
          figure: `  ${p}, a bare textarea with the same ${bare.words.toLocaleString("en-GB")} words, ${label}`,
          value: ms(bare[p]),
          spread: bare.rounds.length > 1 ? `${ms(Math.min(...bare.rounds.map((r) => r[p])))} - ${ms(Math.max(...bare.rounds.map((r) => r[p])))} (rounds)` : "-",
          reference: `editor ${ms(t[p])}`,
          ratio: `editor ${times(ratio(t[p], bare[p]))}`,
        });
    }
    for (const p of ["p50", "p95"])
      rows.push({
        figure: `  the page's own work per keystroke (input handlers and their effects), ${p}, ${label}`,
        value: ms(t.work[p]),
        spread: "-",
        reference: bare ? `bare textarea ${ms(bare.work[p])}` : "",
      });
  }
  return rows;
});

section("checker", "CHECKER: one full check of a generated text, and the recheck after one keystroke", () => {
  const rows = [];
  for (const name of ["5000", "50000"]) {
    const words = Number(name).toLocaleString("en-GB");
    const n = results.checker.native[name].ms;
    const w = results.checker.wasm[name].ms;
    const a = results.checker.alex[name].ms;
    rows.push({ figure: `${words} words, native (${results.checker.native[name].findings} findings)`, value: ms(n.median), spread: spread(n) });
    rows.push({
      figure: `${words} words, Chromium wasm (${results.checker.wasm[name].findings} findings; cold first ${ms(results.checker.wasm[name].first)})`,
      value: ms(w.median),
      spread: spread(w),
      reference: `native ${ms(n.median)}`,
      ratio: times(ratio(w.median, n.median)),
    });
    rows.push({
      figure: `${words} words, alex in Node (${results.checker.alex[name].findings} findings)`,
      value: ms(a.median),
      spread: spread(a),
      reference: `Peer Study wasm ${ms(w.median)}`,
      ratio: times(ratio(a.median, w.median)),
    });
  }
  for (const [rate, k] of Object.entries(results.checker.keystroke ?? {})) {
    rows.push({
      figure: `recheck after a keystroke, ${k.words.toLocaleString("en-GB")}-word draft (paragraph cache), Chromium wasm, ${rate} CPU`,
      value: ms(k.ms.median),
      spread: spread(k.ms),
    });
  }
  return rows;
});

const STORAGE =
  "STORAGE: localStorage in Chromium through the real store (sizes in UTF-16 units, as the quota counts; the browser's clock steps by 0.1 ms)";
section("storage", STORAGE, () => {
  const rows = [];
  const { browser: b, native: n, fit_5000_word_drafts: fit } = results.storage;
  for (const name of STORE_NAMES) {
    const s = b[name];
    rows.push({
      figure: `${name}: stored (${s.keys} ${s.keys === 1 ? "key" : "keys"}, as saved)`,
      value: `${s.units.toLocaleString("en-GB")} units`,
      spread: "exact",
      reference: `quota ${fit.quota_units.toLocaleString("en-GB")} units`,
      ratio: `${((100 * s.units) / fit.quota_units).toFixed(1)}%`,
    });
    for (const [what, key] of [
      ["load", "load_ms"],
      [name === "empty" ? "first save (only the meta record)" : "save every record", "save_all_ms"],
      ["save one draft", "save_one_draft_ms"],
    ]) {
      if (!s[key]) continue;
      const nativeMs = n[name].native[key]?.median;
      // A single save timed at one step of the browser's clock or less has no honest ratio.
      const tooQuick = key !== "load_ms" && s[key].median <= 0.1;
      rows.push({
        figure: `${name}: ${what}`,
        value: tooQuick ? "<= 0.1 ms (one clock step)" : ms(s[key].median),
        spread: spread(s[key]),
        reference: nativeMs !== undefined ? `native ${ms(nativeMs)}` : "",
        ratio: nativeMs !== undefined && !tooQuick ? times(ratio(s[key].median, nativeMs)) : "",
      });
    }
  }
  rows.push({
    figure: `5,000-word drafts with history that fit in 5 MiB (each ${fit.per_draft_units.toLocaleString("en-GB")} units, ${fit.history_snapshots} snapshots)`,
    value: `${fit.fit_alone}`,
    spread: "exact",
    reference: `beside a year's other data: ${fit.fit_beside_a_year_of_other_data}`,
  });
  return rows;
});

const LOCK =
  "PASSCODE LOCK: in Chromium (unlock: PBKDF2-SHA256 in Web Crypto, then the data key unwrapped; saves seal every record with AES-256-GCM)";
section("lock", LOCK, () => {
  const rows = [];
  const { unlock, sealed } = results.lock;
  for (const rate of ["1x", "4x"]) {
    rows.push({
      figure: `unlock, ${rate} CPU`,
      value: ms(unlock[rate].ms.median),
      spread: spread(unlock[rate].ms),
      reference: rate === "4x" ? `1x ${ms(unlock["1x"].ms.median)}` : "",
      ratio: rate === "4x" ? times(ratio(unlock["4x"].ms.median, unlock["1x"].ms.median)) : "",
    });
  }
  const plain = results.storage?.browser ?? {};
  for (const name of LOCK_STORES) {
    const s = sealed[name];
    rows.push({
      figure: `${name}, lock on: stored (${s.keys} keys with the keyring, as saved)`,
      value: `${s.units.toLocaleString("en-GB")} units`,
      spread: "exact",
      reference: plain[name] ? `lock off ${plain[name].units.toLocaleString("en-GB")} units` : "",
      ratio: plain[name] ? times(ratio(s.units, plain[name].units)) : "",
    });
    for (const [what, key] of [
      ["save every record", "save_all_ms"],
      ["save one draft", "save_one_draft_ms"],
    ]) {
      if (!s[key]) continue;
      const off = plain[name]?.[key]?.median;
      rows.push({
        figure: `${name}, lock on: ${what}`,
        value: ms(s[key].median),
        spread: spread(s[key]),
        reference: off !== undefined ? `lock off ${ms(off)}` : "",
        ratio: off !== undefined && off > 0.1 ? times(ratio(s[key].median, off)) : "",
      });
    }
  }
  return rows;
});

const header = [
  `Peer Study bench: ${results.when}, commit ${results.commit}${results.dirty ? " (with uncommitted changes)" : ""}`,
  `Chromium ${results.chromium}, Node ${results.node}, ${results.cores} cores, load average ${results.load_average_at_start.toFixed(1)} at start, ${results.load_average_at_end.toFixed(1)} at end` +
    (QUICK ? " (BENCH_QUICK: fewer runs)" : ""),
  "Timings vary with what else the machine is doing: compare runs made under similar load.",
  "",
].join("\n");
const table = header + renderTable(sections) + `\n\nMeasured in ${results.seconds} s. All figures: ${OUT}/bench.json`;
writeFileSync(`${OUT}/bench.json`, JSON.stringify({ ...results, table: sections }, null, 1));
writeFileSync(`${OUT}/bench.txt`, table + "\n");
console.log(table);
if (Object.keys(results.errors).length) {
  console.error(`Not measured because something broke: ${Object.keys(results.errors).join(", ")}`);
  process.exitCode = 1;
}
