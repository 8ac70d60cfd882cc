// Servers and a headless Chromium for `make bench`: the same Chromium and flags as the
// end-to-end tests (tests/e2e/playwright.config.js), and the same static server (scripts/serve-dist.mjs).
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../tests/e2e/playwright.config.js";

/** Serves `dir` on 127.0.0.1:`port` with the project's static server; resolves once it listens. */
export async function startServer(dir, port) {
  const child = spawn(process.execPath, ["scripts/serve-dist.mjs", "--port", String(port), "--dir", dir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`server for ${dir} exited with ${code} (is port ${port} free?)`)));
    child.stdout.on("data", (chunk) => {
      if (String(chunk).includes("Serving")) resolve();
    });
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

/**
 * A fresh context (empty cache, empty storage) and page, phone-sized, with the CPU slowed down
 * `throttle` times through the DevTools protocol (1 = not slowed).
 */
export async function freshPage(browser, throttle = 1) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  return { context, page, cdp };
}

/**
 * Puts a store (key -> value, as localStorage holds it) into the origin's localStorage from a
 * page that is not the app (a 404 page of the same origin), so the seeding costs nothing in the
 * navigation that is then measured.
 */
export async function seedStorage(page, base, store) {
  await page.goto(`${base}/__bench-seed.txt`);
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, store);
}

export async function chromiumVersion(browser) {
  return browser.version();
}
