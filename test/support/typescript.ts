import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { ROOT } from "./specs";

/**
 * Runs a TypeScript compiler from node_modules (`typescript`, or an aliased version such as
 * `typescript7`) on a project file; returns its exit status and everything it printed, with paths
 * relative to the project's folder.
 */
export function tsc(project: string, packageName = "typescript"): { status: number | null; output: string } {
  const bin = path.join(ROOT, "node_modules", packageName, "bin", "tsc");
  const result = spawnSync(process.execPath, [bin, "-p", project], { cwd: path.dirname(project), encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Writes generated files (`<variant>/<file>` → text, as `generate` returns them) under `folder`. */
export function writeGenerated(folder: string, files: ReadonlyMap<string, string>): void {
  for (const [file, text] of files) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
}

/**
 * Type-checks every `.ts` file under `folder` in one tsc run, with the strict settings generated
 * clients promise (test/types/tsconfig.json). The project file is written into `folder`.
 */
export function typeCheckFolder(folder: string, packageName = "typescript"): { status: number | null; output: string } {
  const project = path.join(folder, "tsconfig.json");
  writeFileSync(
    project,
    JSON.stringify({
      extends: path.join(ROOT, "test", "types", "tsconfig.json"),
      compilerOptions: {
        typeRoots: [path.join(ROOT, "node_modules", "@types")],
        // The axios clients import axios, which lives in this repository's node_modules, not beside the temp folder.
        paths: { axios: [path.join(ROOT, "node_modules", "axios")] },
      },
      include: ["**/*.ts"],
    }),
  );
  return tsc(project, packageName);
}
