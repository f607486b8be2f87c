"use strict";
// Plain JavaScript so both the jest suites and `npm run corpus` (no TypeScript loader) share it.
const { spawnSync } = require("node:child_process");
const { writeFileSync } = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Runs a TypeScript compiler from node_modules (`typescript`, or an aliased version such as
 * `typescript7`) on a project file; returns its exit status and everything it printed, with paths
 * relative to the project's folder.
 */
function tsc(project, packageName = "typescript") {
  const bin = path.join(ROOT, "node_modules", packageName, "bin", "tsc");
  const result = spawnSync(process.execPath, [bin, "-p", project, "--pretty", "false"], {
    cwd: path.dirname(project),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * Type-checks every `.ts` file under `folder` in one tsc run, with the strict settings generated
 * clients promise (test/types/tsconfig.json). The project file is written into `folder`.
 */
function typeCheckFolder(folder, packageName = "typescript") {
  const project = path.join(folder, "tsconfig.json");
  writeFileSync(
    project,
    JSON.stringify({
      extends: path.join(ROOT, "test", "types", "tsconfig.json"),
      compilerOptions: {
        typeRoots: [path.join(ROOT, "node_modules", "@types")],
        // The axios clients import axios, which lives in this repository's node_modules, not beside the folder.
        paths: { axios: [path.join(ROOT, "node_modules", "axios")] },
      },
      include: ["**/*.ts"],
    }),
  );
  return tsc(project, packageName);
}

module.exports = { tsc, typeCheckFolder };
