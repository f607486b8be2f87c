#!/usr/bin/env node
// Runs jest and ends with one plain line that CI reads: "tests: N passed, N failed".
"use strict";
const { spawnSync } = require("node:child_process");
const { mkdtempSync, readFileSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");

const dir = mkdtempSync(path.join(tmpdir(), "ideogram-codegen-jest-"));
const report = path.join(dir, "report.json");
const jest = require.resolve("jest/bin/jest");
// prettier 3 loads its plugins with import(), which jest's module sandbox allows only with this flag.
const result = spawnSync(process.execPath, ["--experimental-vm-modules", "--no-warnings=ExperimentalWarning", jest, "--json", `--outputFile=${report}`, ...process.argv.slice(2)], {
  stdio: "inherit",
});
let passed = 0;
let failed = 0;
try {
  const summary = JSON.parse(readFileSync(report, "utf8"));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
} catch {
  failed = 1;
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(result.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
