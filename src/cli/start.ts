/**
 * How bin/ideogram-codegen.js loads the CLI. A run spends most of its time compiling code it runs
 * once: the build bundles the CLI into one file (no module lookups), and this module compiles that
 * file with a V8 code cache taken at the end of an earlier run. Such a cache holds the bytecode of
 * every function that run called; Node's own compile cache is taken before a module runs and holds
 * little more than its top level.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as vm from "node:vm";
import { PACKAGE_ROOT } from "../package-root";

type Cli = typeof import("./main");

export const CLI_BUNDLE = path.join(PACKAGE_ROOT, "dist", "bundle", "cli.js");
/** The bundle's sha256, written beside it by the build, so that a run need not hash 1.4 MB. */
export const CLI_BUNDLE_HASH = `${CLI_BUNDLE}.sha256`;

/** The CLI from its bundle, with the code cache of an earlier run when there is one, else with a cache written when this run ends. */
export function loadCli(): Cli {
  const source = readFileSync(CLI_BUNDLE, "utf8");
  // V8 checks its version and flags, but of the source only its length: the key names the source.
  const bundleHash = readFileSync(CLI_BUNDLE_HASH, "utf8");
  const key = createHash("sha256").update(`${bundleHash} ${process.version} ${process.arch}`).digest("hex").slice(0, 32);
  const cacheFile = path.join(cacheFolder(), `cli-${key}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: CLI_BUNDLE,
    cachedData,
  });
  if (!cachedData || script.cachedDataRejected) process.once("exit", () => writeCache(cacheFile, script));
  const module = { exports: {} as Cli };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(CLI_BUNDLE), module, CLI_BUNDLE, path.dirname(CLI_BUNDLE));
  return module.exports;
}

/** The caches kept beside a new one: one per Node version a project runs the generator with, within reason. */
const KEPT_CACHES = 4;

/**
 * Written whole or not at all (runs in parallel may race); a folder that cannot be written means no
 * cache. Each upgrade of the generator or of Node writes a new file: beyond the newest few, the
 * others (about 1 MB each) are removed.
 */
function writeCache(file: string, script: vm.Script): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, file);
    const folder = path.dirname(file);
    const caches = readdirSync(folder)
      .filter((name) => /^cli-[0-9a-f]+\.v8$/.test(name))
      .map((name) => ({ name, time: statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time || (a.name < b.name ? -1 : 1));
    for (const { name } of caches.slice(KEPT_CACHES)) rmSync(path.join(folder, name), { force: true });
  } catch {
    // A read-only install runs without the cache.
  }
}

/** Where tools keep caches: node_modules/.cache, in the node_modules that holds this package (or in its own, in a checkout). */
function cacheFolder(): string {
  const parent = path.dirname(PACKAGE_ROOT);
  const nodeModules = path.basename(parent) === "node_modules" ? parent : path.join(PACKAGE_ROOT, "node_modules");
  return path.join(nodeModules, ".cache", "ideogram-codegen");
}
