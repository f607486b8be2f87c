#!/usr/bin/env node
"use strict";
// Generation benchmark: whole process (cold node start) for the Ideogram spec, the largest corpus
// spec and synthetic specs of 100–800 operations; median of N runs after a warm-up, with min, max
// and peak RSS; then the per-stage split from an in-process run.
const { spawnSync } = require("node:child_process");
const { existsSync, mkdtempSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");
const { syntheticSpec } = require("./synthetic-spec.js");

const ROOT = path.resolve(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Runs the CLI in a fresh node process RUNS times after one warm-up; returns time and RSS stats. */
function wholeProcess(args, out) {
  const once = () => {
    const run = spawnSync(process.execPath, [path.join(__dirname, "measure-once.js"), ...args, "--out", out, "-q"], {
      encoding: "utf8",
    });
    const last = run.stderr.trim().split("\n").pop();
    const result = JSON.parse(last);
    if (result.code !== 0) throw new Error(`generation failed: ${run.stderr}`);
    return result;
  };
  once();
  const results = Array.from({ length: RUNS }, once);
  return { ms: stats(results.map((r) => r.ms)), rssMb: stats(results.map((r) => r.maxRssKb / 1024)) };
}

async function stages(spec, clients) {
  const { generate } = require(path.join(ROOT, "dist", "generate.js"));
  await generate({ spec, clients });
  const timings = [];
  for (let i = 0; i < RUNS; i++) timings.push((await generate({ spec, clients })).timings);
  const median = (key) => stats(timings.map((t) => t[key])).median;
  return { load: median("load"), ir: median("ir"), emit: median("emit"), format: median("format") };
}

function row(label, { ms, rssMb }) {
  const f = (s, unit, digits = 0) => `${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
  return `${label.padEnd(36)} ${f(ms, "ms").padEnd(24)} ${f(rssMb, "MiB").padEnd(22)}`;
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "codegen-bench-"));
  try {
    const cases = [["Ideogram, fetch", ["generate", "--client", "fetch"]], ["Ideogram, fetch + axios", ["generate"]]];
    const clerk = path.resolve(ROOT, "..", "shared", "specs", "real", "clerk-2025-11-10.yaml");
    if (existsSync(clerk)) cases.push(["clerk (603 KB), fetch", ["generate", "--spec", clerk, "--client", "fetch"]]);
    const synthetic = [100, 200, 400, 800].map((n) => {
      const file = path.join(work, `synthetic-${n}.json`);
      writeFileSync(file, JSON.stringify(syntheticSpec(n)));
      return [n, file];
    });
    for (const [n, file] of synthetic) cases.push([`synthetic ${n} ops, fetch`, ["generate", "--spec", file, "--client", "fetch"]]);

    process.stdout.write(`generation, whole process, median of ${RUNS} after a warm-up (min–max)\n`);
    const measured = new Map();
    for (const [label, args] of cases) {
      const result = wholeProcess(args, path.join(work, "out"));
      measured.set(label, result);
      process.stdout.write(`${row(label, result)}\n`);
    }
    for (let i = 1; i < synthetic.length; i++) {
      const [n, , ] = synthetic[i];
      const ratio = measured.get(`synthetic ${n} ops, fetch`).ms.median / measured.get(`synthetic ${n / 2} ops, fetch`).ms.median;
      process.stdout.write(`scaling ${n / 2} → ${n} ops: ×${ratio.toFixed(2)} (budget ≤ 2.2) ${ratio <= 2.2 ? "PASS" : "FAIL"}\n`);
    }
    process.stdout.write(`\nper-stage split, in process (warm), median ms\n`);
    const split = [["Ideogram, fetch + axios", path.join(ROOT, "specs", "ideogram-openapi.yml"), ["fetch", "axios"]]];
    if (existsSync(clerk)) split.push(["clerk, fetch", clerk, ["fetch"]]);
    for (const [label, spec, clients] of split) {
      const s = await stages(spec, clients);
      process.stdout.write(`${label.padEnd(36)} load ${s.load}  ir ${s.ir}  emit ${s.emit}  format ${s.format}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
