import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import * as path from "node:path";

/** Files keyed by path relative to the output folder, with "/" separators. */
export type OutputFiles = ReadonlyMap<string, string>;

/**
 * Writes the files in sorted order and removes any other file inside the folders the generator
 * owns (one per variant), so a file dropped from the output does not linger.
 */
export async function writeOutput(outDir: string, files: OutputFiles, ownedDirs: readonly string[]): Promise<void> {
  for (const relative of await listOwned(outDir, ownedDirs)) {
    if (!files.has(relative)) await rm(path.join(outDir, relative));
  }
  for (const relative of [...files.keys()].sort()) {
    const target = path.join(outDir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    const existing = await readFile(target, "utf8").catch(() => undefined);
    if (existing !== files.get(relative)) await writeFile(target, files.get(relative)!);
  }
}

export interface Staleness {
  /** On disk with other content. */
  changed: string[];
  /** Expected but absent. */
  missing: string[];
  /** On disk in an owned folder but not generated. */
  extra: string[];
}

/** Compares the expected files with the output folder, without writing. */
export async function compareOutput(outDir: string, files: OutputFiles, ownedDirs: readonly string[]): Promise<Staleness> {
  const result: Staleness = { changed: [], missing: [], extra: [] };
  for (const relative of [...files.keys()].sort()) {
    const existing = await readFile(path.join(outDir, relative), "utf8").catch(() => undefined);
    if (existing === undefined) result.missing.push(relative);
    else if (existing !== files.get(relative)) result.changed.push(relative);
  }
  result.extra = (await listOwned(outDir, ownedDirs)).filter((relative) => !files.has(relative)).sort();
  return result;
}

async function listOwned(outDir: string, ownedDirs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of ownedDirs) {
    const entries = await readdir(path.join(outDir, dir), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const parent = (entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path: string }).path;
      found.push(path.relative(outDir, path.join(parent, entry.name)).split(path.sep).join("/"));
    }
  }
  return found.sort();
}
