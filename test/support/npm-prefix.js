"use strict";
// Plain JavaScript so both the jest suites and `npm run bench` (no TypeScript loader) share it.
const { spawnSync } = require("node:child_process");
const { existsSync, readFileSync } = require("node:fs");
const path = require("node:path");

function readJson(file) {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** True when `folder/node_modules` was installed from its current lockfile (npm's hidden lockfile agrees). */
function installedFromLockfile(folder) {
  const hidden = path.join(folder, "node_modules", ".package-lock.json");
  if (!existsSync(hidden)) return false;
  const wanted = readJson(path.join(folder, "package-lock.json")).packages;
  const installed = readJson(hidden).packages;
  return Object.entries(wanted).every(
    ([where, entry]) => where === "" || entry.optional || (installed[where] && installed[where].version === entry.version),
  );
}

/**
 * Installs a folder that has its own package.json and lockfile (tools the root install should not
 * pull in) with `npm ci`, unless it is installed from that lockfile already. Throws npm's output.
 */
function ensureInstalled(folder, label) {
  if (installedFromLockfile(folder)) return;
  const shown = path.relative(process.cwd(), folder) || folder;
  process.stdout.write(`${label}: installing ${shown} with npm ci (first use or lockfile changed)\n`);
  const run = spawnSync("npm", ["ci", "--prefix", folder, "--no-audit", "--no-fund"], { encoding: "utf8" });
  if (run.error) throw new Error(`${label}: could not run npm ci: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`${label}: npm ci --prefix ${folder} failed:\n${run.stdout}\n${run.stderr}`);
}

module.exports = { ensureInstalled };
