"use strict";
// A worker thread of the fuzz suite: for each case it is sent, mutates its spec by the case's seed,
// runs the built generator (dist/, as the CLI does) on it and reports how that ended. The suite
// times every case and ends a worker that takes too long: a hang is a finding, not a stuck run.
const { mkdirSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { parentPort } = require("node:worker_threads");
const { mutate } = require("./mutate.js");
const { injected } = require("../support/scan-source.js");

const ROOT = path.resolve(__dirname, "..", "..");
const { generate } = require(path.join(ROOT, "dist", "generate.js"));
const { InputError, formatDiagnostic } = require(path.join(ROOT, "dist", "diagnostics.js"));
const { $RefParser } = require("@apidevtools/json-schema-ref-parser");

/** Parsed originals, by path: every case of a spec starts from the same tree. */
const originals = new Map();

async function original(spec) {
  if (!originals.has(spec)) originals.set(spec, await new $RefParser().parse(spec));
  return originals.get(spec);
}

/**
 * One case: `{ seed, spec, dir, variants }` → `{ status, mutations, ... }`. `generated` cases write
 * the clients of `variants` under `dir` for the suite's one tsc run and report code markers found
 * outside comments and strings; `input-error` cases report their message lines; `bug` cases (any
 * other error) their message and stack.
 */
async function runCase({ seed, spec, dir, variants }) {
  const { document, mutations } = mutate(await original(spec), seed);
  let text;
  try {
    text = JSON.stringify(document);
  } catch {
    return { status: "skipped", mutations };
  }
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "spec.json");
  writeFileSync(file, text);
  const shown = path.relative(process.cwd(), file).split(path.sep).join("/");
  try {
    const result = await generate({ spec: file, clients: ["fetch", "axios"] });
    const markers = [];
    for (const [name, source] of result.files) {
      const variant = name.split("/")[0];
      if (!variants.includes(variant)) continue;
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), source);
      if (name.endsWith(".ts") && !name.includes("/runtime/")) {
        const found = injected(source);
        if (found.markers.length || found.errors.length) markers.push({ file: name, ...found });
      }
    }
    return { status: "generated", mutations, markers };
  } catch (error) {
    if (error instanceof InputError) {
      const lines = error.diagnostics.map(formatDiagnostic);
      const elsewhere = error.diagnostics.filter((d) => d.file !== shown && d.file !== "configuration").map((d) => d.file);
      return { status: "input-error", mutations, lines, elsewhere };
    }
    return { status: "bug", mutations, message: String(error && error.message), stack: String(error && error.stack) };
  }
}

parentPort.on("message", (job) => {
  runCase(job).then(
    (outcome) => parentPort.postMessage(outcome),
    (error) => parentPort.postMessage({ status: "bug", mutations: [], message: String(error && error.message), stack: String(error && error.stack) }),
  );
});
