"use strict";
// Shared measuring for the bench: medians with min–max, whole-process runs of any node CLI
// (ours or a peer's) timed from spawn to exit with peak RSS, and the PASS/FAIL budget lines.
const { spawnSync } = require("node:child_process");
const { mkdtempSync, readFileSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

/**
 * Runs `node <script> ...args` in a fresh process `runs` times (RUNS by default) after one warm-up,
 * under `node` (this process's by default). Time is wall clock around the spawn (cold node start
 * included); RSS comes from the preloaded report-usage.js.
 */
function wholeProcess(script, args, { cwd, node = process.execPath, runs = RUNS } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "codegen-bench-usage-"));
  const report = path.join(dir, "usage.json");
  const once = () => {
    const started = performance.now();
    const run = spawnSync(node, ["--require", path.join(__dirname, "report-usage.js"), script, ...args], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, BENCH_REPORT: report, NO_COLOR: "1" },
    });
    const ms = performance.now() - started;
    if (run.status !== 0) throw new Error(`${path.basename(script)} ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
    return { ms, maxRssKb: JSON.parse(readFileSync(report, "utf8")).maxRssKb };
  };
  try {
    once();
    const results = Array.from({ length: runs }, once);
    return { ms: stats(results.map((r) => r.ms)), rssMb: stats(results.map((r) => r.maxRssKb / 1024)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `median unit (min–max)` */
function spread(s, unit, digits = 0) {
  return `${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/** One budget line: `PASS`/`FAIL`, what was measured and the bound. Returns whether it passed. */
function budgetLine(label, value, limit, format = (v) => v.toFixed(2)) {
  const pass = value <= limit;
  process.stdout.write(`${pass ? "PASS" : "FAIL"}  ${label.padEnd(58)} ${format(value)} (budget ≤ ${format(limit)})\n`);
  return pass;
}

module.exports = { RUNS, stats, wholeProcess, spread, budgetLine };
