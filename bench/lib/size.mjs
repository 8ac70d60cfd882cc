// Size: every file of the first load, raw, gzip -9 and brotli -q 11 (Node's zlib, which has both
// built in; brotli at quality 11 with the default 4 MiB window, as `brotli -q 11` does).
//
// "First load" = every file of the build that the page requested while starting up (in a real
// start-up in Chromium, see startup.mjs), plus the favicon and a web app manifest if the build has
// them (a browser asks for those too; headless Chromium does not). Other files in the build are
// listed apart: they are not paid for on the first visit's first screen.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function sizes(path) {
  const data = readFileSync(path);
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_LGWIN]: 22,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
  };
}

const kindOf = (name) =>
  name.endsWith(".wasm")
    ? "wasm"
    : name.endsWith(".js")
      ? "js"
      : name.endsWith(".css")
        ? "css"
        : name.endsWith(".html")
          ? "html"
          : /manifest|\.webmanifest$/.test(name)
            ? "manifest"
            : /favicon|icon/.test(name)
              ? "icon"
              : "other";

/**
 * The first-load files of the build in `dir`, given the URLs the page requested, with their
 * sizes and the totals; and the other files of the build.
 */
export function firstLoadSizes(dir, requestedUrls) {
  const all = filesUnder(dir).map((path) => relative(dir, path));
  // Without a start-up to watch, fall back to the page and every script, wasm and stylesheet.
  if (!requestedUrls?.length) {
    requestedUrls = all
      .filter((name) => name === "index.html" || /^[^/]+\.(js|wasm|css)$/.test(name))
      .map((name) => `http://localhost/${name}`);
  }
  const requested = new Set(
    requestedUrls.map((url) => {
      const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, "");
      return path === "" ? "index.html" : all.includes(path) ? path : "index.html";
    }),
  );
  const isFirstLoad = (name) =>
    requested.has(name) || /favicon/.test(name) || /\.webmanifest$|(^|\/)manifest\.json$/.test(name);
  const files = all
    .filter(isFirstLoad)
    .map((name) => ({ name, kind: kindOf(name), ...sizes(join(dir, name)) }))
    .sort((a, b) => b.raw - a.raw);
  const total = files.reduce(
    (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  const others = all.filter((name) => !isFirstLoad(name));
  const othersRaw = others.reduce((n, name) => n + statSync(join(dir, name)).size, 0);
  // A build split by area: the wasm pieces not in the first load, each with its sizes.
  const pieces = others
    .filter((name) => name.endsWith(".wasm"))
    .map((name) => ({ name, kind: "wasm", ...sizes(join(dir, name)) }))
    .sort((a, b) => b.raw - a.raw);
  return { files, total, others: { files: others, raw: othersRaw }, pieces };
}

/** Sum of one kind's sizes (for example every css file). */
export function ofKind(result, kind) {
  return result.files
    .filter((f) => f.kind === kind)
    .reduce(
      (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
      { raw: 0, gzip: 0, brotli: 0 },
    );
}
