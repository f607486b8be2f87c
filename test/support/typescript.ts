import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";

type TscResult = { status: number | null; output: string };
const shared = require("./type-check.js") as {
  tsc(project: string, packageName?: string): TscResult;
  typeCheckFolder(folder: string, packageName?: string): TscResult;
};

/** Runs a TypeScript compiler from node_modules (`typescript`, `typescript6`, `typescript7`) on a project file. */
export const tsc: (project: string, packageName?: string) => TscResult = shared.tsc;

/** Type-checks every `.ts` file under `folder` in one tsc run, with the strict settings of test/types/tsconfig.json. */
export const typeCheckFolder: (folder: string, packageName?: string) => TscResult = shared.typeCheckFolder;

/** Writes generated files (`<variant>/<file>` → text, as `generate` returns them) under `folder`. */
export function writeGenerated(folder: string, files: ReadonlyMap<string, string>): void {
  for (const [file, text] of files) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
}
