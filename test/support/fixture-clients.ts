import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import * as path from "node:path";
import { generate, type GenerateRequest } from "../../src/generate";
import { fixture, ROOT } from "./specs";
import { writeGenerated } from "./typescript";
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
  rmSync(dir, { recursive: true, force: true });
  writeGenerated(dir, files);
  return request.clients.map((variant) => ({ variant, sdk: require(path.join(dir, variant, "index.ts")) }));
}
