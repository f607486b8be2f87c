#!/usr/bin/env node
"use strict";
// `npm run bench`: generation (ours and the peers' on the same specs), client overhead and bundle
// size, then one PASS/FAIL line per budget line of issue 5. Not part of the test suite.
const { existsSync, mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");
const { budgetLine } = require("./lib/measure.js");
const { measureGeneration, SYNTHETIC_SIZES, LARGE_SYNTHETIC } = require("./generation.js");
const { githubSpec, measurePeers } = require("./peers.js");
const { measureClientOverhead } = require("./client-overhead.js");
const { measureBundleSize, measurePeerBundle } = require("./bundle-size.js");
const { ensureInstalled } = require("../test/support/npm-prefix.js");
const { measureWatch } = require("./watch.js");

const ROOT = path.resolve(__dirname, "..");

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "codegen-bench-"));
  const ideogram = path.join(ROOT, "specs", "ideogram-openapi.yml");
  const clerkPath = path.resolve(ROOT, "..", "shared", "specs", "real", "clerk-2025-11-10.yaml");
  const clerk = existsSync(clerkPath) ? clerkPath : undefined;
  if (!clerk) process.stdout.write(`note: ${path.relative(ROOT, clerkPath)} is absent; the clerk lines are skipped\n`);
  // The peer needs Node ≥ 22.18: the Node 22 test/runtimes pins runs it, and ours beside it.
  const runtimes = path.join(ROOT, "test", "runtimes");
  ensureInstalled(runtimes, "runtimes");
  const node22 = path.join(runtimes, "node_modules", "node22", "bin", "node");
  const github = githubSpec();
  try {
    const ours = await measureGeneration({ work, ideogram, clerk, github, node22 });
    const peers = await measurePeers({ work, ideogram, clerk, github, node22 });
    const watch = await measureWatch({ work });
    const overhead = await measureClientOverhead({ work });
    const bundles = await measureBundleSize({ work });
    const peerBundle = await measurePeerBundle({ work, heyapiOut: peers.heyapiOut, label: "hey-api, one call (postGenerateImageV3)" });

    process.stdout.write(`\n## budget (medians; ratios are ours / theirs in this run)\n`);
    const results = [];
    const time = (figures, key) => figures.get(key).ms.median;
    const heyApi = (spec) => time(peers, `heyapi:${spec}`);
    const rss = (figures, key) => figures.get(key).rssMb.median;
    results.push(budgetLine("Ideogram, fetch / hey-api fetch client, Node 22 (time)", time(ours, "ideogram:fetch:node22") / heyApi("ideogram"), 0.25));
    results.push(budgetLine("GitHub, fetch / hey-api fetch client, Node 22 (time)", time(ours, "github:fetch:node22") / heyApi("github"), 0.3));
    results.push(budgetLine("GitHub, fetch, Node 22: peak RSS (MiB)", rss(ours, "github:fetch:node22"), 300, (v) => v.toFixed(0)));
    results.push(budgetLine(`synthetic ${LARGE_SYNTHETIC.toLocaleString("en")} operations, fetch (s)`, time(ours, `synthetic:${LARGE_SYNTHETIC}`) / 1000, 60, (v) => v.toFixed(1)));
    results.push(budgetLine(`synthetic ${LARGE_SYNTHETIC.toLocaleString("en")} operations, fetch: peak RSS (MiB)`, rss(ours, `synthetic:${LARGE_SYNTHETIC}`), 2048, (v) => v.toFixed(0)));
    if (clerk) {
      results.push(budgetLine("clerk, fetch / hey-api fetch client, Node 22 (time)", time(ours, "clerk:fetch") / heyApi("clerk"), 0.6));
      results.push(budgetLine("clerk, fetch, Node 22: peak RSS (MiB)", ours.get("clerk:fetch").rssMb.median, 250, (v) => v.toFixed(0)));
    }
    for (let i = 1; i < SYNTHETIC_SIZES.length; i++) {
      const [half, n] = [SYNTHETIC_SIZES[i - 1], SYNTHETIC_SIZES[i]];
      results.push(budgetLine(`scaling ${half} → ${n} operations (time ratio)`, time(ours, `synthetic:${n}`) / time(ours, `synthetic:${half}`), 2.2));
    }
    results.push(budgetLine("generate --watch: regeneration after a spec edit (ms)", watch.regeneration.median, 150, (v) => v.toFixed(0)));
    for (const { label, ratio } of overhead) results.push(budgetLine(`client overhead: ${label}`, ratio, 1.05));
    results.push(budgetLine("one call, standalone function (KB min+gz)", bundles.standalone.gz / 1024, 5, (v) => v.toFixed(2)));
    results.push(budgetLine("one call, resource client / hey-api's one call (KB min+gz)", bundles.oneCall.gz / 1024, peerBundle.gz / 1024, (v) => v.toFixed(2)));
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
