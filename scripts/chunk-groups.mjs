// Shared chunks of a split build, joined into a few files (docs/build.md, "Splitting by area",
// step 3).
//
// wasm-split-cli puts every function two or more pieces share into a chunk of its own for each
// set of pieces that shares it: 88 or 89 chunks for 8 pieces. The home page's lower cards needed
// 38 of them, fetched and instantiated one by one just after the first screen (a task of 24-59
// ms unthrottled, in which a tap had to wait), and opening an area after home asked for 22-31
// more.
// Here the chunks are joined into groups, each group one wasm file, so that:
// - what home's lower cards need, and what the lock screen needs, are one or two files each, with
//   nothing in them those pieces don't use (they are fetched at every start);
// - what three or more areas share is one file, and what one or two areas share, one file per
//   pair, so opening an area asks for a handful of files, not dozens, at the price of a few
//   kilobytes it may not use yet;
// - what the banners share is one small file, so a banner never waits for an area's code.
//
// A chunk imports only the main module's memory, function table and stack pointer, and carries
// active data and element segments at fixed places in them, with no exports. Joining chunks is
// then only putting their contents side by side, which binaryen's wasm-merge does once the
// chunks' shared imports are given to it as one module's exports (it would otherwise import the
// memory once per chunk, which needs multi-memory).
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The pieces fetched at start-up, whose chunks are grouped only with what they use. */
const AT_START = ["home_cards", "lock"];

/**
 * The group a chunk joins, given the pieces that use it (the loader's comment above the chunk,
 * names sorted): a file name without its hash.
 */
function groupOf(users) {
  const atStart = users.filter((piece) => AT_START.includes(piece));
  if (atStart.length) return `chunk_${atStart.join("_")}`;
  if (users.includes("banners")) return "chunk_banners_shared";
  if (users.length >= 3) return "chunk_shared";
  return `chunk_${users.join("_")}`;
}

// One chunk's definition in wasm-split-cli's loader, with the comment naming its pieces.
const CHUNK = new RegExp(
  String.raw`/\* ([\w, ]+) \*/\nconst (__chunk_\d+) = makeLoad\(\(\) => \{\n` +
    String.raw`    const src = fetch\(new URL\("\./(chunk_\d+\.wasm)", import\.meta\.url\)\);\n` +
    String.raw`    return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n` +
    String.raw`\}\n, \[\]\);\n`,
  "g",
);

/**
 * wasm-split-cli's loader with its chunks in groups: each group is loaded once, by a loader of its
 * own, and each chunk's name now stands for its group's loader, so the pieces' lists of what they
 * need are untouched. Returns the new loader and the groups (file name -> chunk files); a group of
 * one keeps its chunk's file. Throws if the loader's chunks are not written as expected, or if
 * `chunkFiles` (every chunk the split made) are not exactly the chunks it names.
 */
export function groupChunks(loader, chunkFiles) {
  const chunks = [...loader.matchAll(CHUNK)].map(([text, users, name, file]) => ({
    text,
    users: users.split(", "),
    name,
    file,
  }));
  const named = chunks.map((chunk) => chunk.file).sort();
  const made = [...chunkFiles].sort();
  if (named.join() !== made.join()) {
    throw new Error(
      `split-build: __wasm_split.js names ${named.length} chunks as expected, the split made ${made.length}`,
    );
  }
  const groups = new Map();
  for (const chunk of chunks) {
    const group = `${groupOf(chunk.users)}.wasm`;
    groups.set(group, [...(groups.get(group) ?? []), chunk]);
  }
  let grouped = loader;
  const loaders = [];
  const files = new Map();
  for (const [group, members] of groups) {
    if (members.length < 2) {
      files.set(members[0].file, [members[0].file]);
      continue;
    }
    files.set(group, members.map((m) => m.file));
    const groupLoader = `__${group.slice(0, -".wasm".length)}`;
    loaders.push(
      `/* ${members.map((m) => m.file).join(", ")} */\n` +
        `const ${groupLoader} = makeLoad(() => {\n` +
        `    const src = fetch(new URL("./${group}", import.meta.url));\n` +
        `    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n` +
        `}\n, []);\n`,
    );
    for (const member of members) {
      grouped = grouped.replace(member.text, `/* ${member.users.join(", ")} */\nconst ${member.name} = ${groupLoader};\n`);
    }
  }
  // The groups' loaders go before the first chunk, which now names one of them (nothing before
  // it has changed, so it starts where it did).
  if (loaders.length) {
    const at = loader.indexOf(chunks[0].text);
    grouped = grouped.slice(0, at) + loaders.join("") + grouped.slice(at);
  }
  return { loader: grouped, groups: files };
}

/** The bytes of one LEB128 unsigned number. */
function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

/** Reads an unsigned LEB128 number at `at`: [value, next]. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** A wasm module's sections: [{ id, start, end }] over its bytes, the header skipped. */
function sections(bytes) {
  const out = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = readLeb(bytes, at + 1);
    out.push({ id, start: at, body, end: body + size });
    at = body + size;
  }
  return out;
}

/** A module's imports: [{ module, field, desc }] with each descriptor's raw bytes. */
function imports(bytes) {
  const section = sections(bytes).find((s) => s.id === 2);
  if (!section) return [];
  const text = new TextDecoder();
  const name = (at) => {
    const [length, start] = readLeb(bytes, at);
    return [text.decode(bytes.subarray(start, start + length)), start + length];
  };
  const limits = (at) => {
    const flags = bytes[at];
    let [, next] = readLeb(bytes, at + 1);
    if (flags & 1) [, next] = readLeb(bytes, next);
    return next;
  };
  let [count, at] = readLeb(bytes, section.body);
  const out = [];
  while (count--) {
    const [module, afterModule] = name(at);
    const [field, afterField] = name(afterModule);
    const kind = bytes[afterField];
    let end;
    if (kind === 0) [, end] = readLeb(bytes, afterField + 1);
    else if (kind === 1) end = limits(afterField + 2);
    else if (kind === 2) end = limits(afterField + 1);
    else if (kind === 3) end = afterField + 3;
    else throw new Error(`split-build: a chunk imports a kind of thing (${kind}) a chunk group cannot join`);
    out.push({ module, field, desc: bytes.subarray(afterField, end) });
    at = end;
  }
  return out;
}

const encodeName = (text) => {
  const data = new TextEncoder().encode(text);
  return [...leb(data.length), ...data];
};

/** `bytes` with `entries` as its import section (in place of the one it has, or added). */
function withImports(bytes, entries) {
  const body = [...leb(entries.length)];
  for (const { module, field, desc } of entries) body.push(...encodeName(module), ...encodeName(field), ...desc);
  const section = [2, ...leb(body.length), ...body];
  const all = sections(bytes);
  const old = all.find((s) => s.id === 2);
  // Imports come right after the type section, wherever there is none yet.
  const at = old ? old.start : (all.find((s) => s.id === 1)?.end ?? 8);
  const after = old ? old.end : at;
  return new Uint8Array([...bytes.subarray(0, at), ...section, ...bytes.subarray(after)]);
}

/** The raw bytes of a module's custom section `name` (empty if it has none). */
function customSection(bytes, name) {
  const text = new TextDecoder();
  for (const section of sections(bytes).filter((s) => s.id === 0)) {
    const [length, start] = readLeb(bytes, section.body);
    if (text.decode(bytes.subarray(start, start + length)) === name) return bytes.subarray(section.start, section.end);
  }
  return new Uint8Array();
}

/**
 * A module that imports `entries` and exports each under its own field name, with `features`
 * (a target_features section: wasm-merge takes the wasm features it allows from its first input).
 */
function reexporting(entries, features) {
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const kinds = [0, 0, 0, 0];
  const exported = [...leb(entries.length)];
  for (const { field, desc } of entries) exported.push(...encodeName(field), desc[0], ...leb(kinds[desc[0]]++));
  const module = new Uint8Array([...header, 7, ...leb(exported.length), ...exported, ...features]);
  return withImports(module, entries);
}

/**
 * Joins the chunks `files` (in `dir`) into `dir/group`: their contents side by side, importing
 * once what any of them imports. Throws if two chunks import one thing as different kinds.
 */
export async function mergeChunks(dir, files, group) {
  const stub = "__chunk_group_shared";
  const chunks = await Promise.all(files.map(async (file) => new Uint8Array(await readFile(join(dir, file)))));
  const shared = new Map();
  for (const [i, chunk] of chunks.entries()) {
    for (const entry of imports(chunk)) {
      const key = `${entry.module}\u0000${entry.field}`;
      const seen = shared.get(key);
      if (seen && Buffer.compare(seen.desc, entry.desc) !== 0) {
        throw new Error(`split-build: ${files[i]} imports ${entry.module}.${entry.field} unlike another chunk, so they cannot be joined`);
      }
      shared.set(key, entry);
    }
  }
  await writeFile(join(dir, `${stub}.wasm`), reexporting([...shared.values()], customSection(chunks[0], "target_features")));
  const args = [join(dir, `${stub}.wasm`), stub];
  for (const [i, chunk] of chunks.entries()) {
    const renamed = join(dir, `${stub}-${i}.wasm`);
    await writeFile(renamed, withImports(chunk, imports(chunk).map((entry) => ({ ...entry, module: stub }))));
    args.push(renamed, `chunk${i}`);
  }
  await run("wasm-merge", [...args, "-o", join(dir, group)], { maxBuffer: 64 * 1024 * 1024 });
}
