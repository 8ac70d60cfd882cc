// Splits a release build into a main module and one piece of wasm per area of the app, each
// fetched when the trainee first opens that area (src/app/lazy_area.rs explains the Rust side;
// docs/build.md, "Splitting by area", the whole pipeline and its measurements).
//
// Trunk 0.21 cannot split, so `trunk build --release --features split` builds the app as usual
// and scripts/post-build.mjs calls this on Trunk's staging folder before it writes the CSP and the
// service worker. Trunk's own wasm-bindgen and wasm-opt output is replaced; its file names, and so
// its loader script in index.html, are kept.
//
//   1. wasm-split-cli splits cargo's wasm (linked with --emit-relocs by build.rs) into the main
//      module, one piece per area, shared chunks and __wasm_split.js, the loader of the pieces.
//   2. wasm-bindgen makes the main module's JavaScript, as Trunk would have.
//   3. wasm-opt with the options index.html gives Trunk (-Oz --low-memory-unused) on the main module
//      and every piece, one per core at a time.
//   4. The shared chunks are joined into a few files (scripts/chunk-groups.mjs), so that home's
//      lower cards, and opening an area, ask for a handful of files rather than dozens.
//   5. Every piece and the loader get a content hash in their names, so a new version's pieces can
//      never be taken for an old version's (an old main module only ever asks for its own). The
//      loader's list of the main module's exports is sorted first, so the same source always
//      builds the same files (wasm-split-cli writes that list in a different order each run).
//   6. The two JavaScript files (wasm-bindgen's glue and the loader) are minified with esbuild:
//      they are fetched before the first screen, and minified they are 2.4 KB smaller in brotli.
//      Exported names and property keys are kept, so the wasm's imports still find them.
//   7. The files replace Trunk's in the staging folder, the integrity hashes of index.html's
//      preload links are brought up to date, and the loader gets a preload link of its own.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir, availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { transform } from "esbuild";

import { groupChunks, mergeChunks } from "./chunk-groups.mjs";

const run = promisify(execFile);

/** Whether Trunk's build has split points in it: its JavaScript then imports their placeholder. */
export async function hasSplitPoints(dir) {
  const { js } = await trunkOutput(dir);
  return (await readFile(join(dir, js), "utf8")).includes("__wasm_split_placeholder__");
}

/** The names of Trunk's wasm and JavaScript for the app, as its index.html loads them. */
async function trunkOutput(dir) {
  const html = await readFile(join(dir, "index.html"), "utf8");
  const wasm = html.match(/\/(peer-study-[0-9a-f]+_bg\.wasm)/)?.[1];
  const js = html.match(/\/(peer-study-[0-9a-f]+\.js)/)?.[1];
  if (!wasm || !js) throw new Error("split-build: Trunk's index.html names no peer-study wasm and js");
  return { html, wasm, js, stem: js.slice(0, -".js".length) };
}

/** cargo's own wasm for the app: what the splitter needs (with its relocations), not Trunk's copy. */
async function cargoWasm() {
  const { stdout } = await run("cargo", ["metadata", "--format-version", "1", "--no-deps"], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const target = JSON.parse(stdout).target_directory;
  return join(target, "wasm32-unknown-unknown", "release", "peer-study.wasm");
}

/**
 * wasm-opt's options, as the project's index.html gives them to Trunk, so split and unsplit builds
 * match. Read from the source page (Trunk names it in TRUNK_HTML_FILE), not the staging folder's
 * copy: Trunk has replaced the `data-trunk` link there, and reading that copy silently fell back to
 * plain -Oz without the page's own options.
 */
async function wasmOptArgs() {
  const page = process.env.TRUNK_HTML_FILE ?? fileURLToPath(new URL("../index.html", import.meta.url));
  const html = await readFile(page, "utf8");
  const tag = html.match(/<link[^>]*data-trunk[^>]*rel="rust"[^>]*>/)?.[0];
  if (!tag) throw new Error(`split-build: ${page} has no <link data-trunk rel="rust"> to take wasm-opt's options from`);
  const level = tag.match(/data-wasm-opt="([^"]+)"/)?.[1] ?? "z";
  const params = tag.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? "";
  return [`-O${level}`, ...params.split(/\s+/).filter(Boolean)];
}

/** Runs `task` on every item, `width` at a time. */
async function eachAtOnce(items, width, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

const hash = (data, algorithm = "sha256") => createHash(algorithm).update(data).digest();
const shortHash = (data) => hash(data).toString("hex").slice(0, 16);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `source`, an ES module, minified; `name` is for the error if esbuild cannot read it. */
async function minified(source, name) {
  const { code } = await transform(source, { loader: "js", format: "esm", minify: true, sourcefile: name });
  return code;
}

/**
 * The loader with the main module's shared exports listed in one order, sorted by name.
 *
 * wasm-split-cli writes them (`const { a, b, c, } = initSync(...)`, then `Object.assign(..., {
 * a, b, c, })`) in hash-set order, which changes from one run to the next. So the same source
 * gave a loader with a new name each build, a glue with Trunk's unchanged name but new content
 * (it imports the loader by name), and a new version for the service worker to offer the trainee
 * when nothing had changed. Sorted, the same source builds the same files.
 */
export function withSortedSharedExports(loader) {
  const list = loader.match(/const \{ ((?:[\w$]+, )+) \} = initSync\(undefined, undefined\);/)?.[1];
  if (!list) throw new Error("split-build: __wasm_split.js no longer takes the main module's exports as expected");
  const sorted = list.split(", ").filter(Boolean).sort().map((name) => `${name}, `).join("");
  const lists = loader.split(`{ ${list} }`).length - 1;
  if (lists !== 2) throw new Error(`split-build: __wasm_split.js lists the main module's exports ${lists} times, not 2`);
  return loader.replaceAll(`{ ${list} }`, `{ ${sorted} }`);
}

/** Splits the release build in `dir` (Trunk's staging folder) in place. */
export async function splitBuild(dir) {
  const started = Date.now();
  const { html, wasm, js, stem } = await trunkOutput(dir);
  const work = await mkdtemp(join(tmpdir(), "peer-study-split-"));
  try {
    const split = join(work, "split");
    const bound = join(work, "bound");
    await run("wasm-split-cli", ["--target", "web", "--out-name", stem, await cargoWasm(), split]);
    await run("wasm-bindgen", [
      "--target", "web", "--no-typescript", "--keep-lld-exports",
      "--out-dir", bound, "--out-name", stem, join(split, `${stem}.wasm`),
    ]);

    // Every piece, and the main module, through wasm-opt.
    const pieces = (await readdir(split)).filter((name) => name.endsWith(".wasm") && name !== `${stem}.wasm`);
    const optArgs = await wasmOptArgs();
    const jobs = [[join(bound, wasm), join(dir, wasm)], ...pieces.map((p) => [join(split, p), join(work, p)])];
    await eachAtOnce(jobs, Math.max(1, availableParallelism()), ([from, to]) =>
      run("wasm-opt", [...optArgs, from, "-o", to]),
    );

    // The shared chunks joined into a few files (scripts/chunk-groups.mjs says which and why).
    const chunks = pieces.filter((name) => /^chunk_\d+\.wasm$/.test(name));
    const grouped = groupChunks(withSortedSharedExports(await readFile(join(split, "__wasm_split.js"), "utf8")), chunks);
    for (const [group, members] of grouped.groups) {
      if (members.length > 1) await mergeChunks(work, members, group);
    }
    const files = [...pieces.filter((name) => !chunks.includes(name)), ...grouped.groups.keys()];

    // Content-hashed names: each piece, then the loader that names them.
    let loader = grouped.loader;
    for (const piece of files) {
      const data = await readFile(join(work, piece));
      const named = `${piece.slice(0, -".wasm".length)}-${shortHash(data)}.wasm`;
      const mentions = loader.match(new RegExp(escape(piece), "g"))?.length ?? 0;
      if (mentions === 0) throw new Error(`split-build: __wasm_split.js never names ${piece}`);
      loader = loader.replaceAll(piece, named);
      await writeFile(join(dir, named), data);
    }
    loader = await minified(loader, "__wasm_split.js");
    const loaderName = `__wasm_split-${shortHash(loader)}.js`;
    let mainJs = await readFile(join(bound, `${stem}.js`), "utf8");
    // Only the JavaScript imports are renamed: the wasm's own import names ("./__wasm_split.js",
    // the keys of its import object) stay as they are.
    const imports = /(import \* as \w+ from ")\.\/__wasm_split\.js(")/g;
    if (!imports.test(mainJs)) throw new Error("split-build: the main module never imports __wasm_split.js");
    mainJs = await minified(mainJs.replace(imports, `$1./${loaderName}$2`), js);
    await writeFile(join(dir, loaderName), loader);
    await writeFile(join(dir, js), mainJs);

    // Trunk's preload links carry integrity hashes of its own (now replaced) files.
    let page = html;
    for (const file of [js, wasm]) {
      const integrity = `sha384-${hash(await readFile(join(dir, file)), "sha384").toString("base64")}`;
      page = page.replace(
        new RegExp(`(<link[^>]*href="[^"]*${escape(file)}"[^>]*integrity=")[^"]*(")`),
        `$1${integrity}$2`,
      );
    }
    // The loader is imported by the glue, so without a hint the browser would ask for it only
    // once the glue had arrived and been parsed: a second round trip before the app can start
    // (its request began 16 ms after the glue arrived unthrottled, 117 ms at 4x CPU throttling;
    // docs/build.md, "Where the first screen's time goes").
    const glueLink = new RegExp(`<link rel="modulepreload"[^>]*href="[^"]*${escape(js)}"[^>]*>`);
    const glueTag = page.match(glueLink)?.[0];
    if (!glueTag) throw new Error("split-build: index.html has no modulepreload link for the glue");
    const loaderIntegrity = `sha384-${hash(loader, "sha384").toString("base64")}`;
    const loaderTag = glueTag
      .replace(js, loaderName)
      .replace(/integrity="[^"]*"/, `integrity="${loaderIntegrity}"`);
    page = page.replace(glueTag, glueTag + loaderTag);
    await writeFile(join(dir, "index.html"), page);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`split-build: main module and ${files.length} pieces (${chunks.length} chunks in ${grouped.groups.size} files), wasm-opt ${optArgs.join(" ")}, in ${seconds} s`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
