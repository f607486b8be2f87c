import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { generate, type GenerateRequest } from "../../src/generate";
import { fixture, ROOT } from "./specs";
import type { Variant } from "./variants";

/** A fixture's generated client of one variant, loaded as its users import it (`index.ts`). */
export interface FixtureClient {
  variant: Variant;
  /** What `index.ts` exports: the client class `Api`, its resources' types, `toFile`, the errors. */
  sdk: Record<string, any>;
}

/**
 * Generates `test/fixtures/<name>` (both variants, client class `Api`) into `.tmp/fixture-clients/`
 * and loads each as a module, for wire tests against servers on 127.0.0.1. `settings` are added to
 * the request (e.g. `bodies`, or `spec`: the fixture's URL on a test server), and a request with
 * settings gets a folder of its own.
 */
export async function fixtureClients(name: string, settings: Partial<GenerateRequest> = {}): Promise<FixtureClient[]> {
  const request: GenerateRequest = { spec: fixture(name), clients: ["fetch", "axios"], clientName: "Api", ...settings };
  const { files } = await generate(request);
  const tag = Object.keys(settings).length ? `-${createHash("sha256").update(JSON.stringify(settings)).digest("hex").slice(0, 8)}` : "";
  const dir = path.join(ROOT, ".tmp", "fixture-clients", `${name.replace(/\.ya?ml$/, "")}${tag}`);
  replaceFiles(dir, files);
  return request.clients.map((variant) => ({ variant, sdk: require(path.join(dir, variant, "index.ts")) }));
}

/**
 * Writes the files so that a test in another jest worker, loading or type-checking the same
 * fixture's client at that moment, never sees one missing or half-written: each file is written
 * beside its place and renamed over it (the bytes are the same, generation being deterministic).
 * Files an earlier generator version wrote, and this one does not, are removed.
 */
function replaceFiles(dir: string, files: ReadonlyMap<string, string>): void {
  const wanted = new Set([...files.keys()].map((file) => path.join(dir, file)));
  for (const [file, text] of files) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    const staging = `${target}.${process.pid}.tmp`;
    writeFileSync(staging, text);
    renameSync(staging, target);
  }
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(folder, entry.name)) : [path.join(folder, entry.name)],
    );
  for (const file of walk(dir)) if (!wanted.has(file) && !file.endsWith(".tmp")) rmSync(file, { force: true });
}
