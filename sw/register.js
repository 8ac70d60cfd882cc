// The page's side of the service worker: register it, notice when a new version of Peer Study has
// downloaded and waits, and move to it only when the trainee accepts. Kept in JavaScript, beside
// the worker, so the app's wasm carries none of it; the app only shows the banner.
//
// scripts/post-build.mjs copies this to dist/sw-register.js and adds its <script> tag in release
// builds only: `make dev` has no service worker at all, so live reload never fights a cache.
//
// Talking to the app (src/app/app_update.rs), with events on window:
//   app -> here  "peer-study:app-ready"      the app is listening (so nothing said before is lost)
//   here -> app  "peer-study:update-ready"   a new version is ready; show the banner
//   app -> here  "peer-study:update-accept"  the trainee said yes, and everything is saved
// Nothing here ever reloads the page unless the trainee has accepted.
"use strict";

(() => {
  if (!("serviceWorker" in navigator)) return; // not a secure context, or no support: online only
  const container = navigator.serviceWorker;
  // A page that was already controlled when it loaded: any later change of controller is a new
  // version. (The first install also takes control, and that is no news.)
  const hadController = !!container.controller;
  let waiting = null;
  let ready = false;
  let accepted = false;

  const tellApp = () => ready && dispatchEvent(new Event("peer-study:update-ready"));
  const offer = (worker) => {
    waiting = worker;
    ready = true;
    tellApp();
  };

  addEventListener("peer-study:app-ready", tellApp);
  addEventListener("peer-study:update-accept", () => {
    if (!ready) return;
    accepted = true;
    if (!waiting) return location.reload(); // another tab already moved to the new version
    waiting.postMessage({ type: "skip-waiting" });
    // If it has not taken over by then (replaced by an even newer one, say), reload anyway: the
    // trainee asked for it, and a button that does nothing would be worse.
    setTimeout(() => location.reload(), 5000);
  });

  container.addEventListener("controllerchange", () => {
    if (accepted) location.reload();
    else if (hadController) offer(null); // another tab accepted: offer the reload, never force it
  });

  const follow = (registration) => {
    // Some browsers' settings (and test harnesses) block workers: register then gives nothing.
    if (!registration) return;
    const watch = (worker) => {
      if (!worker) return;
      worker.addEventListener("statechange", () => {
        // Installed while a version is in control: a new one is ready and waiting.
        if (worker.state === "installed" && container.controller) offer(worker);
      });
    };
    if (registration.waiting && container.controller) offer(registration.waiting);
    watch(registration.installing);
    registration.addEventListener("updatefound", () => watch(registration.installing));
    // Look for a new version whenever the app comes back into view, and every hour. Offline
    // these checks fail quietly: there is simply nothing new to find.
    const check = () => registration.update().catch(() => {});
    document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && check());
    setInterval(check, 60 * 60 * 1000);
  };

  // updateViaCache "none": always ask the server for sw.js itself; that is how updates are found.
  const register = () =>
    container
      .register("/sw.js", { scope: "/", updateViaCache: "none" })
      .then(follow, (error) => console.warn("Peer Study could not set up offline use:", error));
  // A first visit installs the worker, which downloads every file of the build (every area's
  // piece among them). That waits until the app has started and its first screen is on show, so
  // it never competes with what the trainee is waiting for. Trunk's loader sets wasmBindings and
  // then says TrunkApplicationStarted once the app has started.
  const soon = () => setTimeout(register, 0);
  if (window.wasmBindings) soon();
  else addEventListener("TrunkApplicationStarted", soon, { once: true });
})();
