#!/usr/bin/env node
"use strict";
// The seeded mutation fuzzer: `node test/fuzz/run-fuzz.js [cases] [first seed]` prints its totals;
// test/fuzz/fuzz.test.ts runs it in the test suite and holds every case to the generator's promises.
const { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");
const { Worker } = require("node:worker_threads");
const { typeCheckFolder } = require("../support/type-check.js");

const ROOT = path.resolve(__dirname, "..", "..");
const IDEOGRAM = path.join(ROOT, "specs", "ideogram-openapi.yml");
const SHARED = path.resolve(ROOT, "..", "shared", "specs");
/** A case that takes longer than this is a hang. */
const CASE_TIMEOUT_MS = 60_000;

/** The specs cases start from: Ideogram's, and every document of ../shared/specs when it is there, sorted. */
function fuzzSpecs() {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(ya?ml|json)$/.test(name)) found.push(file);
    }
  };
  if (existsSync(SHARED)) walk(SHARED);
  return [IDEOGRAM, ...found];
}

/**
 * Runs `count` cases from `firstSeed` on `threads` workers. Every third case mutates the Ideogram
 * spec, the others one of the shared specs in turn; every fourth case also type-checks its axios
 * client. Returns each case's outcome (`generated` ones with `typeErrors`), the compiler's errors
 * outside any case, whether it caught the canary's, and the time taken.
 */
async function runFuzz({ count = 300, firstSeed = 1, threads = 2 } = {}) {
  const specs = fuzzSpecs();
  const work = mkdtempSync(path.join(tmpdir(), "codegen-fuzz-"));
  const jobs = Array.from({ length: count }, (_, i) => {
    const shared = i - Math.ceil(i / 3); // how many cases before this one were not Ideogram's
    const spec = i % 3 === 0 || specs.length === 1 ? specs[0] : specs[1 + (shared % (specs.length - 1))];
    return { index: i, seed: firstSeed + i, spec, dir: path.join(work, `case-${i}`), variants: i % 4 === 0 ? ["fetch", "axios"] : ["fetch"] };
  });
  const outcomes = new Array(count);
  const started = performance.now();
  let next = 0;
  const runWorker = async () => {
    let worker;
    const start = () => {
      worker = new Worker(path.join(__dirname, "fuzz-worker.js"));
      worker.unref();
    };
    start();
    while (next < jobs.length) {
      const job = jobs[next++];
      const caseStarted = performance.now();
      const outcome = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ status: "hang", mutations: [] }), CASE_TIMEOUT_MS);
        worker.once("message", (message) => {
          clearTimeout(timer);
          resolve(message);
        });
        worker.once("error", (error) => {
          clearTimeout(timer);
          resolve({ status: "bug", mutations: [], message: String(error && error.message), stack: String(error && error.stack) });
        });
        worker.postMessage({ seed: job.seed, spec: job.spec, dir: job.dir, variants: job.variants });
      });
      worker.removeAllListeners("message");
      worker.removeAllListeners("error");
      if (outcome.status === "hang" || outcome.status === "bug") {
        await worker.terminate();
        start();
      }
      outcomes[job.index] = { ...outcome, seed: job.seed, spec: path.relative(ROOT, job.spec), ms: Math.round(performance.now() - caseStarted) };
    }
    await worker.terminate();
  };
  await Promise.all(Array.from({ length: threads }, runWorker));
  const generatedMs = Math.round(performance.now() - started);

  // One run of the native compiler over every generated client, its errors sorted to their case;
  // a file with a known error shows that it read them.
  mkdirSync(path.join(work, "canary"));
  writeFileSync(path.join(work, "canary", "canary.ts"), 'export const canary: number = "not a number";\n');
  const checked = typeCheckFolder(work, "typescript7");
  const canaryCaught = /^canary\/canary\.ts\(1,14\): error TS2322/m.test(checked.output);
  for (const outcome of outcomes) if (outcome.status === "generated") outcome.typeErrors = [];
  const strayErrors = [];
  for (const line of checked.output.split("\n")) {
    const match = /^case-(\d+)\//.exec(line);
    if (match) outcomes[Number(match[1])].typeErrors?.push(line);
    else if (line.trim() && !line.startsWith("canary/")) strayErrors.push(line);
  }
  rmSync(work, { recursive: true, force: true });
  return { outcomes, strayErrors, canaryCaught, generatedMs, totalMs: Math.round(performance.now() - started) };
}

/** Counts of each kind of ending, and the cases that broke a promise. */
function summarize({ outcomes }) {
  const counts = {};
  for (const outcome of outcomes) counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
  const broken = outcomes.filter(
    (o) =>
      o.status === "hang" ||
      o.status === "bug" ||
      (o.status === "generated" && (o.typeErrors.length > 0 || o.markers.length > 0)) ||
      (o.status === "input-error" && (o.elsewhere.length > 0 || o.lines.some((line) => line.length > 2_000))),
  );
  return { counts, broken };
}

module.exports = { runFuzz, summarize, fuzzSpecs };

if (require.main === module) {
  const [count = "300", firstSeed = "1"] = process.argv.slice(2);
  runFuzz({ count: Number(count), firstSeed: Number(firstSeed) }).then((result) => {
    const { counts, broken } = summarize(result);
    for (const o of broken) {
      const detail = o.status === "generated" ? [...o.typeErrors.slice(0, 3), ...o.markers.map((m) => JSON.stringify(m))] : o.status === "bug" ? [o.message] : o.lines ?? [];
      process.stdout.write(`BROKEN seed ${o.seed} ${o.spec} ${o.status} [${o.mutations.join("; ")}]\n  ${detail.map((d) => d.slice(0, 300)).join("\n  ")}\n`);
    }
    for (const line of result.strayErrors) process.stdout.write(`tsc: ${line}\n`);
    const slowest = [...result.outcomes].sort((a, b) => b.ms - a.ms)[0];
    process.stdout.write(
      `fuzz: ${result.outcomes.length} cases, ${JSON.stringify(counts)}, ${broken.length} broke a promise; ` +
        `generation ${result.generatedMs} ms, with tsc ${result.totalMs} ms; slowest case ${slowest.ms} ms (seed ${slowest.seed}, ${slowest.spec})\n`,
    );
  });
}
