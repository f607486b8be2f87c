import { spawnSync } from "node:child_process";
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
