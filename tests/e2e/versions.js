// Helpers for the service-worker tests: versions of the release build, a server of our own, and
// the service worker's state as the page sees it.
import { cp, rm } from "node:fs/promises";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { expect } from "@playwright/test";

export { startServer, stopServer } from "../../scripts/serve-dist.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const run = promisify(execFile);

/** The port for servers a test starts itself: beside the one the config serves dist/ on. */
export const OWN_PORT = Number(process.env.E2E_PORT ?? 4173) + 10;

/**
 * A version of the release build: dist/ copied and finished again by the real post-build step
 * with another version label, exactly as a new release would be. `drop` removes files after that,
 * as a half-finished deployment would. Resolves with { dir, version }.
 */
export async function makeVersion(label, { drop = [] } = {}) {
  const dir = `${ROOT}test-output/versions/${label}`;
  await rm(dir, { recursive: true, force: true });
  await cp(`${ROOT}dist`, dir, { recursive: true });
  const { stdout } = await run("node", [`${ROOT}scripts/post-build.mjs`, dir], {
    env: { ...process.env, PEER_STUDY_BUILD_LABEL: label },
  });
  const version = /version (\S+);/.exec(stdout)?.[1];
  if (!version) throw new Error(`post-build said: ${stdout}`);
  for (const file of drop) await rm(`${dir}/${file}`);
  return { dir, version };
}

/** The version of Peer Study the page is running (from its index.html). */
export function runningVersion(page) {
  return page.evaluate(() => document.querySelector('meta[name="peer-study-version"]')?.content);
}

/** Wait until a service worker controls the page: from then on it opens offline. */
export async function waitUntilOfflineReady(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
    timeout: 20_000,
  });
}

/** Ask for a new version now, as the app does when it comes back into view. */
export async function checkForUpdate(page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update().catch(() => {});
  });
}

/**
 * Cut the browser off: no network for pages or the service worker. Returns the list of requests
 * that tried to reach the network anyway (each was refused).
 */
export async function goOffline(context) {
  const refused = [];
  await context.setOffline(true);
  await context.route("**/*", (route) => {
    refused.push(route.request().url());
    return route.abort("internetdisconnected");
  });
  return refused;
}

/** The names of the caches the app's service worker keeps. */
export function appCaches(page) {
  return page.evaluate(async () =>
    (await caches.keys()).filter((name) => name.startsWith("peer-study-app-")),
  );
}

export { expect };
