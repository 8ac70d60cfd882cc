// Finishes a release build: the Content-Security-Policy and the service worker, both of which
// depend on what Trunk has just produced. Trunk runs it as a post_build hook (Trunk.toml) on its
// staging folder; it does nothing for debug builds (`make dev`), which keep live reload and have
// neither a CSP nor a service worker.
//
//   node scripts/post-build.mjs [DIR]   DIR defaults to $TRUNK_STAGING_DIR
//
// 0. A build with split points (`trunk build --release --features split`) is split into a main
//    module and one piece per area first: scripts/split-build.mjs.
// 1. index.html gets a <meta http-equiv="Content-Security-Policy">, with the SHA-256 of Trunk's
//    inline loader script (the only inline script; its text names the hashed wasm and js files,
//    so the hash changes with every build), and a <meta name="peer-study-version">.
// 2. sw-register.js (from sw/register.js, the page's side: registration and the update banner's
//    events) is added, with its <script> tag in index.html.
// 3. The stylesheets and sw-register.js are minified with esbuild (the first screen fetches them;
//    their comments are for us, not for trainees' data plans). The stylesheets become two files:
//    style-*.css, linked in the head, with everything a first screen can need, and
//    style-later-*.css with the styles only the glossary and writing areas use (LATER_STYLES).
//    The later one's <link> waits in <template id="later-styles">, which the app puts in the head
//    with the first piece it fetches (src/app/lazy_area.rs), so the first screen doesn't wait for
//    it. One file for each, rather than one per source file, also compresses better.
// 4. sw.js is written from sw/service-worker.js with this build's version and the list of every
//    file in the build, each with its SHA-256 (the worker checks them when it downloads them).
//
// Running it again on a finished build replaces what it wrote before, so the end-to-end tests
// make a "next version" of a build by running it on a copy with a different PEER_STUDY_BUILD_LABEL
// (an optional label put in front of the version; the version itself is a hash of every file and
// of the worker's code).
import { createHash } from "node:crypto";
import { readFile, readdir, unlink, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

import { transform } from "esbuild";

import { hasSplitPoints, splitBuild } from "./split-build.mjs";

const SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
const publicUrl = process.env.TRUNK_PUBLIC_URL || "/";

if (!process.argv[2] && process.env.TRUNK_PROFILE !== "release") {
  console.log("post-build: debug build, so no service worker and no CSP (live reload stays simple)");
  process.exit(0);
}
if (!dir) {
  console.error("post-build: no folder given and TRUNK_STAGING_DIR is not set");
  process.exit(1);
}

/** The policy. frame-ancestors, which a <meta> cannot carry, is sent as a header by the host. */
function policy({ scriptHashes, styleHashes }) {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the page compile WebAssembly, and nothing else (no eval).
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(" ")}`.trim(),
    `style-src 'self' ${styleHashes.join(" ")}`.trim(),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    // Not Trusted Types: Leptos builds its templates with innerHTML (static strings from the
    // view! macro) and service worker registration takes a script URL, so requiring them would
    // need a permissive default policy, which would protect nothing. That nothing a trainee writes
    // is parsed as HTML is checked in the source instead (tests/e2e/csp.spec.js).
  ].join("; ");
}

const sha256 = (data) => createHash("sha256").update(data).digest("base64");

async function listFiles(root) {
  const out = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    out.push(relative(root, path).split(sep).join("/"));
  }
  return out.sort();
}

async function finishIndex(indexPath) {
  let html = await readFile(indexPath, "utf8");
  // What an earlier run wrote, and Trunk's build-time nonces (a nonce fixed at build time is no
  // protection; the policy uses hashes instead).
  html = html
    .replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/g, "")
    .replace(/\s*<meta name="peer-study-version"[^>]*>/g, "")
    .replace(/\s+nonce="[^"]*"/g, "");

  if (/<[a-z][^>]*\sstyle=/i.test(html)) {
    throw new Error("index.html has a style attribute; the CSP allows none (use the stylesheet)");
  }
  const scriptHashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1])
    .filter((text) => text.trim() !== "")
    .map((text) => `'sha256-${sha256(text)}'`);
  const styleHashes = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map(
    (m) => `'sha256-${sha256(m[1])}'`,
  );
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy({ scriptHashes, styleHashes })}" />`;
  // The policy must come before any script or stylesheet, so it goes right after the charset.
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (!charset.test(html)) throw new Error("index.html has no <meta charset> to put the CSP after");
  html = html.replace(charset, (m) => `${m}\n    ${meta}`);
  // The page's side of the service worker (sw/register.js), in release builds only.
  html = html
    .replace(/\s*<script type="module" src="[^"]*sw-register.js"><\/script>\s*/g, "")
    .replace("</head>", `  <script type="module" src="${publicUrl}sw-register.js"></script>\n  </head>`);
  return { html, scriptHashes };
}

/** Source without its whole-line comments: browsers fetch these often, and the source has them. */
const withoutComments = (code) =>
  code
    .split("\n")
    .filter((line) => !/^\s*\/\//.test(line))
    .join("\n");

/** `code` minified by esbuild as `loader` ("css" or "js"); `name` names it in esbuild's errors. */
async function minified(code, loader, name) {
  return (await transform(code, { loader, minify: true, sourcefile: name })).code;
}

/** The source stylesheets (style/*.css) that only the glossary and writing areas use: they come
 * with the first piece the app fetches, not with the first screen. */
const LATER_STYLES = ["glossary", "writing", "checker"];

/** A stylesheet of the build: `css` saved under a name with its content hash, as Trunk names
 * files, and the <link> for it. */
async function stylesheet(root, stem, css) {
  const name = `${stem}-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  await writeFile(join(root, name), css);
  const integrity = `sha384-${createHash("sha384").update(css).digest("base64")}`;
  return `<link rel="stylesheet" href="${publicUrl}${name}" integrity="${integrity}"/>`;
}

/** Minifies every stylesheet index.html links to and joins them, in the page's order, into the
 * first screen's stylesheet and the later one (see 3. above); gives index.html's text linking
 * them. */
async function joinStylesheets(root, html) {
  // A build finished before (the end-to-end tests finish a copy again) has its later link in the
  // template: take it out, and it joins the later styles again.
  html = html.replace(/\s*<template id="later-styles">([\s\S]*?)<\/template>/, (_, link) => link);
  const links = [...html.matchAll(/\s*<link rel="stylesheet" href="([^"]+\.css)"[^>]*>/g)];
  if (links.length === 0) throw new Error("index.html links no stylesheet");
  const first = [];
  const later = [];
  for (const [, href] of links) {
    const name = href.slice(publicUrl.length);
    const stem = name.replace(/-[0-9a-f]{16}\.css$/, "");
    const isLater = LATER_STYLES.includes(stem) || stem === "style-later";
    (isLater ? later : first).push(
      await minified(await readFile(join(root, name), "utf8"), "css", name),
    );
    await unlink(join(root, name));
  }
  let tags = await stylesheet(root, "style", first.join("\n"));
  if (later.length > 0) {
    const link = await stylesheet(root, "style-later", later.join("\n"));
    tags += `\n    <template id="later-styles">${link}</template>`;
  }
  for (const [link] of links) html = html.replace(link, "");
  return html.replace("</title>", `</title>\n    ${tags}`);
}

async function main() {
  const root = resolve(dir);
  // `--features split` (make build, make test): one piece per area, before anything is hashed.
  if (await hasSplitPoints(root)) await splitBuild(root);
  const indexPath = join(root, "index.html");
  await writeFile(indexPath, await joinStylesheets(root, await readFile(indexPath, "utf8")));
  const { html, scriptHashes } = await finishIndex(indexPath);
  await writeFile(indexPath, html);
  const register = await readFile(join(SOURCE, "sw", "register.js"), "utf8");
  await writeFile(
    join(root, "sw-register.js"),
    `// Registers Peer Study's service worker. Source: sw/register.js\n${await minified(register, "js", "sw/register.js")}`,
  );

  // Every file of the build except the worker itself, with its hash. The version covers them all,
  // so any change anywhere makes a new sw.js, which is what tells browsers there is an update.
  const files = [];
  for (const name of await listFiles(root)) {
    if (name === "sw.js") continue;
    const body = await readFile(join(root, name));
    files.push({ url: publicUrl + name, integrity: `sha256-${sha256(body)}` });
  }
  const label = process.env.PEER_STUDY_BUILD_LABEL?.replace(/[^A-Za-z0-9._-]/g, "") ?? "";
  const template = await readFile(join(SOURCE, "sw", "service-worker.js"), "utf8");
  // The worker's own code counts too: two versions never share a cache name, so a failed install
  // (which deletes its cache) can never delete the cache of the version that is running.
  const digest = createHash("sha256")
    .update(files.map((f) => `${f.url} ${f.integrity}`).join("\n"))
    .update(template)
    .update(label)
    .digest("hex")
    .slice(0, 16);
  const version = label ? `${label}-${digest}` : digest;

  // The version goes into the page too (after hashing, so the hash of index.html in the list
  // would be stale): rewrite index.html's entry once the meta is in.
  const withVersion = html.replace(
    /(<meta http-equiv="Content-Security-Policy"[^>]*>)/,
    `$1\n    <meta name="peer-study-version" content="${version}" />`,
  );
  await writeFile(indexPath, withVersion);
  const index = files.find((f) => f.url === `${publicUrl}index.html`);
  if (!index) throw new Error("the build has no index.html");
  index.integrity = `sha256-${sha256(withVersion)}`;

  const build = { version, shell: `${publicUrl}index.html`, files };
  const marker = /\/\* BUILD \*\/ .*;/;
  if (!marker.test(template)) throw new Error("sw/service-worker.js has lost its /* BUILD */ line");
  const code = withoutComments(template.replace(marker, () => `/* BUILD */ ${JSON.stringify(build)};`));
  const sw = `// Peer Study's service worker, version ${version}. Source: sw/service-worker.js\n${code}`;
  await writeFile(join(root, "sw.js"), sw);

  console.log(
    `post-build: version ${version}; sw.js precaches ${files.length} files; ` +
      `CSP allows ${scriptHashes.length} inline script(s) by hash`,
  );
}

main().catch((error) => {
  console.error(`post-build: ${error.message}`);
  process.exit(1);
});
