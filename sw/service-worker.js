// Peer Study's service worker: the app opens and works with no network after one visit.
//
// This file is a template. `scripts/post-build.mjs` (a Trunk post_build hook, release builds only)
// writes it to dist/sw.js with BUILD filled in: the version and every file of that build with its
// SHA-256, so the list is never written by hand and can never go stale.
//
// - Install: fetch every file of the build into a cache named for this version, checking each
//   against its hash (a file from some other build, half-deployed, fails the install). If anything
//   fails, the install fails and the cache is deleted: the version already running keeps serving
//   its own complete cache, so a bad or partial download never leaves a broken offline app.
// - Waiting: a new version installs and then waits. It takes over only when the trainee accepts
//   the "new version is ready" banner (the page posts "skip-waiting"), or when every tab is closed.
// - Activate: only now are other versions' caches deleted; then it takes control of open pages.
// - Fetch: files of the build come from the cache (their names carry a content hash, or they are
//   checked against the hash above); any navigation inside the app gets the cached app shell
//   (index.html), so /course or /settings open offline. Anything else goes to the network as usual.
"use strict";

const BUILD = /* BUILD */ { version: "template", shell: "/index.html", files: [] };

const PREFIX = "peer-study-app-";
const CACHE = PREFIX + BUILD.version;
const FILES = new Map(BUILD.files.map((file) => [file.url, file]));

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    // Download everything before storing anything, so a failure part-way stores nothing.
    const responses = await Promise.all(
      BUILD.files.map(async (file) => {
        // "no-cache": revalidate with the server, never take a stale copy from the HTTP cache.
        const request = new Request(file.url, { cache: "no-cache", integrity: file.integrity });
        const response = await fetch(request);
        if (!response.ok) throw new Error(`${file.url}: HTTP ${response.status}`);
        return [file.url, response];
      }),
    );
    await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (FILES.has(url.pathname)) {
    event.respondWith(fromCache(url.pathname, request));
  } else if (request.mode === "navigate" && isAppRoute(url.pathname)) {
    event.respondWith(fromCache(BUILD.shell, request));
  }
  // Anything else is not part of the app: the browser fetches it as if we were not here.
});

/** An address the app itself routes (no file extension), such as /course or /settings. */
function isAppRoute(pathname) {
  const last = pathname.slice(pathname.lastIndexOf("/") + 1);
  return !last.includes(".");
}

/** This version's cached copy of `url`; the network only if the cache has somehow lost it. */
async function fromCache(url, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url);
  if (cached) return cached;
  return fetch(request.mode === "navigate" ? url : request);
}
