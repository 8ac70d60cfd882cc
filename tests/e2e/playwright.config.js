// End-to-end tests: the release build in dist/, served on loopback, driven in Debian's Chromium
// the way a trainee would use it. `make test-e2e` builds dist/ first.
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets two checkouts run their end-to-end tests at once without sharing a server.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

export default defineConfig({
  testDir: ".",
  outputDir: "../../test-output/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: "phone", use: { ...devices["Pixel 5"], browserName: "chromium", viewport: { width: 360, height: 780 } } },
    { name: "laptop", use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    command: `node ../../scripts/serve-dist.mjs --port ${PORT} --dir ../../dist`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 20_000,
  },
});
