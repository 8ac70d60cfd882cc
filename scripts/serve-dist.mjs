// A tiny static server for the release build in dist/, used by the end-to-end tests and the bench.
// Loopback only. Any path without a file extension that is not a file gets index.html, so the
// app's own routes (/course, /settings...) load on a reload as they would on a real host.
//
// It sends the headers a real host should send too: the page's Content-Security-Policy (read
// from the <meta> that scripts/post-build.mjs wrote into index.html) plus `frame-ancestors
// 'none'`, which only a header can carry, so no other site can frame the app.
//
//   node scripts/serve-dist.mjs [--port 4173] [--dir dist]
// or, from a test: `const server = await startServer({ port, dir }); ... await stopServer(server)`.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** The policy in index.html's CSP <meta>, with what only a header can say added. */
function securityHeaders(html) {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html);
  const headers = { "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" };
  headers["content-security-policy"] = meta
    ? `${meta[1]}; frame-ancestors 'none'`
    : "frame-ancestors 'none'";
  return headers;
}

async function fileFor(root, urlPath) {
  const safe = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const candidate = join(root, safe);
  if (!candidate.startsWith(root)) return null;
  try {
    const info = await stat(candidate);
    if (info.isFile()) return candidate;
    if (info.isDirectory()) return join(candidate, "index.html");
  } catch {
    // Not a file: an app route falls back to the app; a missing asset is a real 404.
    if (!extname(safe)) return join(root, "index.html");
  }
  return null;
}

/** Serve `dir` on 127.0.0.1:`port`; resolves with the listening server. */
export function startServer({ port, dir }) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const path = await fileFor(root, url.pathname);
    if (!path) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    try {
      const body = await readFile(path);
      const type = TYPES[extname(path)] ?? "application/octet-stream";
      const headers = { "content-type": type, "cache-control": "no-cache" };
      if (type.startsWith("text/html")) Object.assign(headers, securityHeaders(body.toString()));
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => done(server));
  });
}

/** Stop a server from startServer, closing its open connections too. */
export function stopServer(server) {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const port = Number(option("--port", "4173"));
  const dir = option("--dir", "dist");
  await startServer({ port, dir });
  console.log(`Serving ${resolve(dir)} on http://127.0.0.1:${port}`);
}
