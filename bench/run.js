#!/usr/bin/env node
"use strict";
// `npm run bench`: generation (ours and the peers' on the same specs), client overhead and bundle
// size, then one PASS/FAIL line per budget line of issue 5. Not part of the test suite.
const { existsSync, mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");
const { budgetLine } = require("./lib/measure.js");
const { measureGeneration, SYNTHETIC_SIZES } = require("./generation.js");

const ROOT = path.resolve(__dirname, "..");

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "codegen-bench-"));
  const ideogram = path.join(ROOT, "specs", "ideogram-openapi.yml");
  const clerkPath = path.resolve(ROOT, "..", "shared", "specs", "real", "clerk-2025-11-10.yaml");
  const clerk = existsSync(clerkPath) ? clerkPath : undefined;
  if (!clerk) process.stdout.write(`note: ${path.relative(ROOT, clerkPath)} is absent; the clerk lines are skipped\n`);
  try {
    const ours = await measureGeneration({ work, ideogram, clerk });

    process.stdout.write(`\n## budget\n`);
    const results = [];
    const time = (key) => ours.get(key).ms.median;
    for (let i = 1; i < SYNTHETIC_SIZES.length; i++) {
      const [half, n] = [SYNTHETIC_SIZES[i - 1], SYNTHETIC_SIZES[i]];
      results.push(budgetLine(`scaling ${half} → ${n} operations (time ratio)`, time(`synthetic:${n}`) / time(`synthetic:${half}`), 2.2));
    }
    if (clerk) results.push(budgetLine("clerk, fetch: peak RSS (MiB)", ours.get("clerk:fetch").rssMb.median, 250, (v) => v.toFixed(0)));
    const failed = results.filter((pass) => !pass).length;
    process.stdout.write(`\nbudget: ${results.length - failed} PASS, ${failed} FAIL\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
