// One-off measurement (not a test; nothing here is asserted): how long a keystroke takes to reach
// the screen in the editor with a 10,000-word draft, in headless Chromium on the release build.
//
//   trunk build --release && node bench/keystroke-latency.mjs [--port 4299] [--keys 200] [--flagged]
//
// --flagged puts a phrase the language checker flags ("non-compliant") in every paragraph, so the
// checker's marks and findings are on screen while typing (without it, nothing is flagged).
//
// For each key press (sent through the DevTools protocol, so the browser sees trusted events) it
// records, from the keydown event's own timestamp:
//   - "work":   from the input event reaching the page to the end of the app's handling of it
//               (its handler and the effects it set off: draft update, word counts, the save),
//               measured between a capturing listener and one on window that runs after them;
//   - "frame":  the first animation frame after the input was handled (by then the app has updated
//               the draft, the word counts in the page and the save; includes waiting for the
//               frame to come round);
//   - "paint":  a task queued from that frame, which runs once the frame has been produced.
// Three layouts: a bare textarea with 10,000 words and no app (what the browser alone costs), the
// essay with 10,000 words spread over its six sections (typing into the last), and all 10,000 in
// the one section being typed into (the worst case: the whole value crosses into Rust).
import { spawn } from "node:child_process";
import { chromium } from "playwright";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const PORT = Number(option("--port", "4299"));
const KEYS = Number(option("--keys", "200"));
const FLAGGED = args.includes("--flagged");
const BASE = `http://127.0.0.1:${PORT}`;

const server = spawn("node", ["scripts/serve-dist.mjs", "--port", String(PORT), "--dir", "dist"], {
  stdio: "ignore",
});
await new Promise((r) => setTimeout(r, 500));

function words(n, offset = 0) {
  const paragraphs = [];
  for (let start = 0; start < n; start += 100) {
    const ws = [];
    for (let i = start; i < Math.min(n, start + 100); i++) {
      ws.push(FLAGGED && i % 100 === 50 ? "non-compliant" : `word${offset + i}`);
    }
    paragraphs.push(ws.join(" "));
  }
  return paragraphs.join("\n\n");
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(browser, layout) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  if (layout === "baseline") {
    // The browser alone: a bare textarea holding the same 10,000 words, no app at all.
    await page.setContent(
      '<textarea class="section-text" style="width:40rem;height:30rem"></textarea><p id="draft-total"></p>',
    );
  } else {
    await page.goto(`${BASE}/assignments`);
    await page.getByRole("article", { name: "Reflective essay: my recovery story" })
      .getByRole("button", { name: "Start writing" }).click();
  }
  const areas = page.locator("textarea.section-text");
  await areas.first().waitFor();
  const count = await areas.count();
  if (layout === "spread" && count > 1) {
    const per = Math.ceil(10_000 / count);
    for (let i = 0; i < count; i++) await areas.nth(i).fill(words(per, i * per));
  } else {
    await areas.nth(count - 1).fill(words(10_000));
  }
  const target = areas.nth(count - 1);
  await target.click();
  await page.keyboard.press("Control+End");
  await page.evaluate(() => {
    window.__latency = [];
    document.addEventListener("keydown", (e) => {
      window.__keydownAt = e.timeStamp;
      window.__countBefore = document.querySelector("#draft-total").textContent;
    }, true);
    window.addEventListener("input", () => {
      window.__work = performance.now() - window.__inputAt;
    });
    document.addEventListener("input", () => {
      window.__inputAt = performance.now();
      requestAnimationFrame(() => {
        const frame = performance.now() - window.__keydownAt;
        const changed = document.querySelector("#draft-total").textContent !== window.__countBefore;
        setTimeout(() => {
          window.__latency.push({ work: window.__work, frame, paint: performance.now() - window.__keydownAt, changed });
        }, 0);
      });
    }, true);
  });
  const keys = "hope and connection ";
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(keys[i % keys.length] === " " ? "Space" : keys[i % keys.length]);
    await page.waitForFunction((n) => window.__latency.length >= n, i + 1);
    await page.waitForTimeout(30);
  }
  const results = await page.evaluate(() => window.__latency);
  const total = await page.locator("#draft-total").textContent();
  await page.close();
  const work = results.map((r) => r.work).sort((a, b) => a - b);
  const frame = results.map((r) => r.frame).sort((a, b) => a - b);
  const paint = results.map((r) => r.paint).sort((a, b) => a - b);
  const countChanges = results.filter((r) => r.changed).length;
  return {
    layout,
    keys: results.length,
    total,
    work_p50: percentile(work, 50).toFixed(2),
    work_p95: percentile(work, 95).toFixed(2),
    frame_p50: percentile(frame, 50).toFixed(1),
    frame_p95: percentile(frame, 95).toFixed(1),
    paint_p50: percentile(paint, 50).toFixed(1),
    paint_p95: percentile(paint, 95).toFixed(1),
    max_paint: paint[paint.length - 1].toFixed(1),
    count_updated_by_frame: `${countChanges} of ${results.length} (only a key that starts a new word changes it)`,
  };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  for (const layout of ["baseline", "spread", "one-section"]) console.log(JSON.stringify(await measure(browser, layout)));
} finally {
  await browser.close();
  server.kill();
}
