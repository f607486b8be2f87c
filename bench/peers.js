"use strict";
// Peers: whole-process generation time and peak RSS of @hey-api/openapi-ts (fetch client) and
// openapi-typescript (types only) on the same specs as ours, measured exactly like ours
// (lib/measure.js wholeProcess). The peers live in bench/peers (own package.json + lockfile) and are
// installed there with `npm ci` on first use, so the root install never pulls them in.
//
// Notes on the peers (checked against the installed versions):
// - typescript is pinned to ~6.0: hey-api imports the `typescript` JS API, which typescript 7
//   (native) no longer ships. openapi-typescript declares a `typescript@^5.x` peer but works with
//   6.0, so bench/peers/package.json overrides that peer to the root's typescript.
// - hey-api's bin (bin/run.js) only re-spawns `node dist/run.mjs`, so measuring the bin would report
//   the wrapper's RSS, not the generator's. We run dist/run.mjs directly: one node process.
//   openapi-typescript's bin (bin/cli.js) generates in process and spawns nothing.
// - hey-api 0.99 needs Node ≥ 22.18; it runs under the Node 22 that test/runtimes installs.
// - hey-api 0.95 does not format by default (output.postProcess defaults to []). Its `prettier`
//   post-processor is not a CLI flag (config file only) and runs the `prettier` command as a child
//   process, which would need prettier on PATH and fall outside the measured RSS, so we keep the
//   default: its output is unformatted, whereas ours is formatted with prettier in process.
// - Both run with the output folder's parent as cwd, so no config file (openapi-ts.config.*,
//   redocly.yaml) from the repository is picked up.
const { existsSync, mkdirSync, readdirSync, readFileSync, statSync } = require("node:fs");
const path = require("node:path");
const { RUNS, wholeProcess } = require("./lib/measure.js");
const { row } = require("./generation.js");
const { ensureInstalled } = require("../test/support/npm-prefix.js");

const PEERS = path.join(__dirname, "peers");
const MODULES = path.join(PEERS, "node_modules");

function readJson(file) {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** The installed version of a peer, and `major.minor` for the labels. */
function installed(name) {
  const { version } = readJson(path.join(MODULES, name, "package.json"));
  return { version, short: version.split(".").slice(0, 2).join(".") };
}

/** Path of a peer's JS entry file, checked to exist. */
function entry(name, relative) {
  const file = path.join(MODULES, name, relative);
  if (!existsSync(file)) throw new Error(`peers: ${name} has no ${relative}; has its layout changed? (${file})`);
  return file;
}

function binOf(name, bin) {
  const field = readJson(path.join(MODULES, name, "package.json")).bin;
  return entry(name, typeof field === "string" ? field : field[bin]);
}

/** Throws unless `target` (a folder or a file) holds generated output. */
function assertGenerated(label, target) {
  const files = !existsSync(target) ? [] : statSync(target).isDirectory() ? readdirSync(target, { recursive: true }) : [target];
  const nonEmpty = files.filter((f) => {
    const file = path.resolve(target, f);
    return statSync(file).isFile() && statSync(file).size > 0;
  });
  if (nonEmpty.length === 0) throw new Error(`peers: ${label} exited 0 but generated nothing in ${target}`);
}

/**
 * Measures both peers on Ideogram, clerk (when given) and (hey-api only) GitHub, writing into
 * `work`. Returns the wholeProcess figures keyed `heyapi:<spec>` and `openapi-typescript:<spec>`,
 * and `heyapiOut`, where hey-api wrote Ideogram's client (for the bundle comparison).
 */
async function measurePeers({ work, ideogram, clerk, github, node22 }) {
  ensureInstalled(PEERS, "peers");
  const heyapi = { ...installed("@hey-api/openapi-ts"), script: entry("@hey-api/openapi-ts", "dist/run.mjs") };
  const oats = { ...installed("openapi-typescript"), script: binOf("openapi-typescript", "openapi-typescript") };

  const specs = [["ideogram", "Ideogram", ideogram]];
  if (clerk) specs.push(["clerk", "clerk", clerk]);
  specs.push(["github", "GitHub", github]);

  const cases = [];
  for (const [key, name, spec] of specs) {
    const heyapiDir = path.join(work, "peers", `heyapi-${key}`);
    cases.push({
      key: `heyapi:${key}`,
      label: `hey-api ${heyapi.short} (fetch client): ${name} (Node 22)`,
      script: heyapi.script,
      cwd: heyapiDir,
      target: path.join(heyapiDir, "out"),
      args: ["-i", spec, "-o", path.join(heyapiDir, "out"), "-c", "@hey-api/client-fetch", "--silent", "--no-log-file"],
      // It needs Node ≥ 22.18: the Node 22 that test/runtimes pins.
      options: { node: node22, runs: key === "github" ? 3 : RUNS },
    });
    if (key === "github") continue;
    const oatsDir = path.join(work, "peers", `openapi-typescript-${key}`);
    cases.push({
      key: `openapi-typescript:${key}`,
      label: `openapi-typescript ${oats.short} (types): ${name}`,
      script: oats.script,
      cwd: oatsDir,
      target: path.join(oatsDir, "schema.d.ts"),
      args: [spec, "-o", path.join(oatsDir, "schema.d.ts")],
    });
  }

  process.stdout.write(`\n## peers, whole process, median of ${RUNS} after a warm-up (min–max), peak RSS\n`);
  const measured = new Map();
  for (const { key, label, script, cwd, target, args, options } of cases) {
    mkdirSync(cwd, { recursive: true });
    const result = wholeProcess(script, args, { cwd, ...options });
    assertGenerated(label, target);
    measured.set(key, result);
    process.stdout.write(`${row(label, result)}\n`);
  }
  measured.heyapiOut = path.join(work, "peers", "heyapi-ideogram", "out");
  return measured;
}

/** Where npm `@octokit/openapi` (a bench peer) keeps GitHub's REST spec. */
function githubSpec() {
  ensureInstalled(PEERS, "peers");
  return entry("@octokit/openapi", "generated/api.github.com.json");
}

module.exports = { measurePeers, githubSpec };
