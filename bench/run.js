#!/usr/bin/env node
"use strict";
// `npm run bench`: generation (ours and the peers' on the same specs), client overhead and bundle
// size, then one PASS/FAIL line per budget line of issue 5. Not part of the test suite.
const { existsSync, mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");
const { budgetLine } = require("./lib/measure.js");
const { measureGeneration, SYNTHETIC_SIZES } = require("./generation.js");
const { measurePeers } = require("./peers.js");
const { measureClientOverhead } = require("./client-overhead.js");
const { measureBundleSize } = require("./bundle-size.js");
const { measureWatch } = require("./watch.js");

const ROOT = path.resolve(__dirname, "..");

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "codegen-bench-"));
  const ideogram = path.join(ROOT, "specs", "ideogram-openapi.yml");
  const clerkPath = path.resolve(ROOT, "..", "shared", "specs", "real", "clerk-2025-11-10.yaml");
  const clerk = existsSync(clerkPath) ? clerkPath : undefined;
  if (!clerk) process.stdout.write(`note: ${path.relative(ROOT, clerkPath)} is absent; the clerk lines are skipped\n`);
  try {
    const ours = await measureGeneration({ work, ideogram, clerk });
    const peers = await measurePeers({ work, ideogram, clerk });
    const watch = await measureWatch({ work });
    const overhead = await measureClientOverhead({ work });
    const bundles = await measureBundleSize({ work });

    process.stdout.write(`\n## budget (medians; ratios are ours / theirs in this run)\n`);
    const results = [];
    const time = (figures, key) => figures.get(key).ms.median;
    const heyApi = (spec) => time(peers, `heyapi:${spec}`);
    results.push(budgetLine("Ideogram, fetch / hey-api fetch client (time)", time(ours, "ideogram:fetch") / heyApi("ideogram"), 0.9));
    results.push(budgetLine("Ideogram, fetch + axios / hey-api fetch client (time)", time(ours, "ideogram:both") / heyApi("ideogram"), 1.1));
    if (clerk) {
      results.push(budgetLine("clerk, fetch / hey-api fetch client (time)", time(ours, "clerk:fetch") / heyApi("clerk"), 0.6));
      results.push(budgetLine("clerk, fetch: peak RSS (MiB)", ours.get("clerk:fetch").rssMb.median, 250, (v) => v.toFixed(0)));
    }
    for (let i = 1; i < SYNTHETIC_SIZES.length; i++) {
      const [half, n] = [SYNTHETIC_SIZES[i - 1], SYNTHETIC_SIZES[i]];
      results.push(budgetLine(`scaling ${half} → ${n} operations (time ratio)`, time(ours, `synthetic:${n}`) / time(ours, `synthetic:${half}`), 2.2));
    }
    results.push(budgetLine("generate --watch: regeneration after a spec edit (ms)", watch.regeneration.median, 150, (v) => v.toFixed(0)));
    for (const { label, ratio } of overhead) results.push(budgetLine(`client overhead: ${label}`, ratio, 1.1));
    results.push(budgetLine("one-call bundle, fetch variant (KB min+gz)", bundles.oneCall.gz / 1024, 5, (v) => v.toFixed(2)));
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
