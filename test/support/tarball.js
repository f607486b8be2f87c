"use strict";
// Plain JavaScript, like npm-prefix.js: the package tests and the consumer matrix share it.
const { spawn, spawnSync } = require("node:child_process");
const { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Packs this checkout as `npm pack` does for a release, without touching the checkout's own
 * dist/ (other test files run the CLI from it meanwhile): the files git tracks or would track are
 * copied to a temporary folder, the checkout's node_modules is linked in, and `npm pack` runs
 * there, so its `prepack` builds dist/ from a tree that has none. Returns the tarball's path and
 * npm's report of what it holds.
 */
function packCheckout() {
  const work = mkdtempSync(path.join(tmpdir(), "codegen-pack-"));
  const checkout = path.join(work, "checkout");
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split("\0").filter(Boolean)) {
    // A file deleted but not yet staged is still listed.
    if (!existsSync(path.join(ROOT, file))) continue;
    mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(checkout, file));
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(checkout, "node_modules"), "dir");
  const pack = spawnSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: checkout, encoding: "utf8" });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stdout}\n${pack.stderr}`);
  // npm prints the lifecycle scripts' output before the JSON report.
  const [report] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("[")));
  return { tarball: path.join(work, report.filename), report, work };
}

/**
 * Runs a command asynchronously (a server in the calling process can answer it meanwhile),
 * stopped after `timeout` ms so that a hung run fails its test instead of outliving it.
 */
function run(command, args, { cwd, env = {}, timeout = 120_000 }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, timeout });
  const outcome = { status: null, stdout: "", stderr: "" };
  child.stdout.setEncoding("utf8").on("data", (text) => (outcome.stdout += text));
  child.stderr.setEncoding("utf8").on("data", (text) => (outcome.stderr += text));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ ...outcome, status: status ?? signal }));
  });
}

/** npm as a user runs it: `npm(["run", "--silent", "build"], { cwd })`. */
function npm(args, options) {
  return run("npm", args, options);
}

/** `npm install` in a fresh project: quiet about audits and funding, from the cache when it can. */
const INSTALL = ["install", "--no-audit", "--no-fund", "--prefer-offline"];

module.exports = { packCheckout, run, npm, INSTALL, ROOT };
