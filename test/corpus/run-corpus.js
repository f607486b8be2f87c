#!/usr/bin/env node
// `npm run corpus`: generates both clients for every OpenAPI document in ../shared/specs (or
// $CORPUS_DIR) and type-checks all outputs with tsc --strict, one line per document and a total.
"use strict";
const { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");
const { typeCheckFolder } = require("../support/type-check.js");
const { writeReadmeModules } = require("../support/readme-blocks.js");

const ROOT = path.resolve(__dirname, "..", "..");
const FOLDERS = ["oai", "real", "feature", "invalid"];

function corpusDir() {
  return process.env.CORPUS_DIR ? path.resolve(process.env.CORPUS_DIR) : path.resolve(ROOT, "..", "shared", "specs");
}

/** Every document of the corpus as `<folder>/<file>`, sorted. */
function corpusDocuments(dir = corpusDir()) {
  return FOLDERS.filter((folder) => existsSync(path.join(dir, folder))).flatMap((folder) =>
    readdirSync(path.join(dir, folder))
      .filter((file) => /\.(ya?ml|json)$/.test(file))
      .sort()
      .map((file) => `${folder}/${file}`),
  );
}

/**
 * Generates every document in memory (fetch + axios), writes the outputs and their READMEs' examples
 * into one temp folder and type-checks them in one tsc run; returns one result per document.
 */
async function runCorpus({ dir = corpusDir(), compiler = "typescript" } = {}) {
  const { generate } = require(path.join(ROOT, "dist", "generate.js"));
  const { InputError } = require(path.join(ROOT, "dist", "diagnostics.js"));
  const { layoutDiffers } = require(path.join(ROOT, "test", "support", "layout.js"));
  const work = mkdtempSync(path.join(tmpdir(), "codegen-corpus-"));
  const results = [];
  try {
    for (const document of corpusDocuments(dir)) {
      const started = performance.now();
      const result = { document, folder: document.split("/")[0], operations: 0, schemas: 0, warnings: 0, ms: 0 };
      try {
        const output = await generate({ spec: path.join(dir, document), clients: ["fetch", "axios"] });
        Object.assign(result, { operations: output.model.operations.length, schemas: output.model.schemas.length });
        result.warnings = output.warnings.length;
        result.formattedByPrettier = output.formattedByPrettier.length;
        const notPrettiers = await layoutDiffers(output.files, (file) => file.startsWith("fetch/") && !file.includes("/runtime/"));
        if (notPrettiers.length) result.layoutDiffs = notPrettiers;
        for (const [file, text] of output.files) {
          const target = path.join(work, slug(document), file);
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, text);
        }
        // The READMEs' examples compile against their clients too.
        writeReadmeModules(path.join(work, slug(document)), output.files, ["fetch", "axios"]);
      } catch (error) {
        result.error = error instanceof InputError ? error.message : `unexpected ${error?.name}: ${error?.message}`;
        result.inputError = error instanceof InputError;
      }
      result.ms = Math.round(performance.now() - started);
      results.push(result);
    }
    const diagnostics = typeCheck(work, compiler);
    for (const result of results) {
      const errors = diagnostics.filter((line) => line.startsWith(`${slug(result.document)}/`));
      if (errors.length) result.typeErrors = errors;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

function slug(document) {
  return document.replace(/[^\w.-]+/g, "_");
}

/** One tsc run over every output; returns its diagnostic lines, paths relative to the folder. */
function typeCheck(work, compiler) {
  const { output } = typeCheckFolder(work, compiler);
  return output.split("\n").filter((line) => line.trim() !== "");
}

function describe(result) {
  if (result.error) return `${result.inputError ? "exit 2" : "CRASH"}: ${result.error}`;
  if (result.typeErrors) return `TYPE ERRORS (${result.typeErrors.length}): ${result.typeErrors[0]}`;
  return result.warnings ? `ok, ${result.warnings} warning(s)` : "ok";
}

async function main() {
  const dir = corpusDir();
  if (!existsSync(dir)) {
    process.stdout.write(`corpus: no specs at ${dir} (set CORPUS_DIR); nothing to do\n`);
    return;
  }
  const results = await runCorpus({ dir, compiler: process.argv.includes("--ts7") ? "typescript7" : "typescript" });
  const width = Math.max(...results.map((r) => r.document.length));
  for (const r of results) {
    const counts = `${String(r.operations).padStart(4)} ops ${String(r.schemas).padStart(4)} schemas ${String(r.ms).padStart(6)} ms`;
    process.stdout.write(`${r.document.padEnd(width)}  ${counts}  ${describe(r)}\n`);
  }
  const ok = results.filter((r) => !r.error && !r.typeErrors).length;
  const rejected = results.filter((r) => r.inputError).length;
  const broken = results.length - ok - rejected;
  const ms = results.reduce((sum, r) => sum + r.ms, 0);
  const warnings = results.reduce((sum, r) => sum + r.warnings, 0);
  const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a));
  process.stdout.write(
    `total: ${results.length} documents, ${ok} generated and type-checked, ${warnings} warnings, ` +
      `${rejected} rejected with exit 2, ${broken} broken; ${ms} ms generating, slowest ${slowest.document} ${slowest.ms} ms\n`,
  );
  process.exitCode = broken ? 1 : 0;
}

module.exports = { runCorpus, corpusDir, corpusDocuments };

if (require.main === module) main();
