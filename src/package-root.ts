import { existsSync } from "node:fs";
import * as path from "node:path";

/**
 * The generator's own folder (package.json, templates/, specs/, dist/), found the same way whether
 * this code runs from src/ (jest), from dist/, or from the bundle in dist/bundle/.
 */
export const PACKAGE_ROOT = findPackageRoot(__dirname);

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`ideogram-codegen: no package.json above ${start}`);
  }
}
