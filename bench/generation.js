"use strict";
// Generation: whole process (cold node start) for the Ideogram spec, clerk, GitHub's REST spec and
// synthetic specs of 100–800 and 10,000 operations, with peak RSS, under this process's node (20)
// and, for Ideogram and GitHub, Node 22 (as the peer runs); then the per-stage split in process.
const { existsSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { RUNS, stats, wholeProcess, spread } = require("./lib/measure.js");
const { syntheticSpec } = require("./synthetic-spec.js");

const ROOT = path.resolve(__dirname, "..");
const CLI = path.join(ROOT, "bin", "ideogram-codegen.js");
const SYNTHETIC_SIZES = [100, 200, 400, 800];
/** The size the budget holds to a minute and 2 GiB: ~47 MB of JSON, a million nodes. */
const LARGE_SYNTHETIC = 10_000;

function row(label, { ms, rssMb }) {
  return `${label.padEnd(44)} ${spread(ms, "ms").padEnd(24)} ${spread(rssMb, "MiB")}`;
}

/** The in-process split: generate()'s own stage timings, then writing the files (a fresh folder each run). */
async function stages(spec, clients, work) {
  const { generate } = require(path.join(ROOT, "dist", "generate.js"));
  const { writeOutput } = require(path.join(ROOT, "dist", "write", "output.js"));
  const once = async (i) => {
    const result = await generate({ spec, clients });
    const started = performance.now();
    await writeOutput(path.join(work, `split-${path.basename(spec)}-${i}`), result.files, clients);
    return { ...result.timings, write: Math.round(performance.now() - started) };
  };
  await once("warm-up");
  const timings = [];
  for (let i = 0; i < RUNS; i++) timings.push(await once(i));
  const median = (key) => stats(timings.map((t) => t[key])).median.toFixed(0);
  return Object.keys(timings[0]).map((key) => `${key} ${median(key)}`).join("  ");
}

/**
 * Measures every generation case into `work`; returns the figures keyed by case:
 * `ideogram:fetch`, `ideogram:both` (and `:js` for emit js), `clerk:fetch` (when the corpus is
 * present), `synthetic:<n>`.
 */
async function measureGeneration({ work, ideogram, clerk, github, node22 }) {
  const out = path.join(work, "ours");
  const node20 = `Node ${process.versions.node.split(".")[0]}`;
  const cases = [
    ["ideogram:fetch", `Ideogram, fetch (${node20})`, ["--client", "fetch"]],
    ["ideogram:fetch:node22", "Ideogram, fetch (Node 22)", ["--client", "fetch"], { node: node22 }],
    ["ideogram:both", "Ideogram, fetch + axios", []],
    // emit js: the same TypeScript, compiled by ts-morph (loading it is part of the cost).
    ["ideogram:fetch:js", "Ideogram, fetch, emit js", ["--client", "fetch", "--emit", "js", "--import-extension", ".js"]],
    ["ideogram:both:js", "Ideogram, fetch + axios, emit js", ["--emit", "js", "--import-extension", ".js"]],
  ];
  if (clerk) cases.push(["clerk:fetch", "clerk (603 KB), fetch (Node 22)", ["--spec", clerk, "--client", "fetch"], { node: node22 }]);
  // The large ones three times (GitHub) and once (10,000 operations), each after its warm-up.
  cases.push(["github:fetch", `GitHub (13 MB), fetch (${node20})`, ["--spec", github, "--client", "fetch"], { runs: 3 }]);
  cases.push(["github:fetch:node22", "GitHub (13 MB), fetch (Node 22)", ["--spec", github, "--client", "fetch"], { runs: 3, node: node22 }]);
  const large = path.join(work, `synthetic-${LARGE_SYNTHETIC}.json`);
  writeFileSync(large, JSON.stringify(syntheticSpec(LARGE_SYNTHETIC, { fields: 22 })));
  cases.push([`synthetic:${LARGE_SYNTHETIC}`, `synthetic ${LARGE_SYNTHETIC.toLocaleString("en")} ops (47 MB), fetch`, ["--spec", large, "--client", "fetch"], { runs: 1 }]);
  for (const n of SYNTHETIC_SIZES) {
    const file = path.join(work, `synthetic-${n}.json`);
    writeFileSync(file, JSON.stringify(syntheticSpec(n)));
    cases.push([`synthetic:${n}`, `synthetic ${n} ops, fetch`, ["--spec", file, "--client", "fetch"]]);
  }
  process.stdout.write(`\n## generation, whole process, median of ${RUNS} after a warm-up (min–max), peak RSS\n`);
  const measured = new Map();
  for (const [key, label, args, options] of cases) {
    const result = wholeProcess(CLI, ["generate", ...args, "--out", out, "-q"], options);
    measured.set(key, result);
    process.stdout.write(`${row(`ours: ${label}`, result)}\n`);
  }
  const ratio = (js, ts) => (measured.get(js).ms.median / measured.get(ts).ms.median).toFixed(2);
  process.stdout.write(`emit js / emit ts: fetch ${ratio("ideogram:fetch:js", "ideogram:fetch")}×, fetch + axios ${ratio("ideogram:both:js", "ideogram:both")}×\n`);
  process.stdout.write(`\n## per-stage split, in process (warm), median ms\n`);
  process.stdout.write(`${"Ideogram, fetch + axios".padEnd(44)} ${await stages(ideogram, ["fetch", "axios"], work)}\n`);
  if (clerk) process.stdout.write(`${"clerk, fetch".padEnd(44)} ${await stages(clerk, ["fetch"], work)}\n`);
  return measured;
}

module.exports = { measureGeneration, row, SYNTHETIC_SIZES, LARGE_SYNTHETIC };
