import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import type { GenerateRequest } from "../../src/generate";
import { buildModel, type ModelOptions } from "../../src/ir/build-model";
import type { ApiModel, NamedSchema, Operation } from "../../src/ir/types";
import { loadSpec, type LoadOptions } from "../../src/load/load-spec";

/** The repository root, found from this file so tests run from any working directory. */
export const ROOT = path.resolve(__dirname, "..", "..");
export const FIXTURES = path.join(ROOT, "test", "fixtures");
export const IDEOGRAM_SPEC = path.join(ROOT, "specs", "ideogram-openapi.yml");

/** specs/ideogram.config.json: the settings `generated/` is produced with. */
export const IDEOGRAM_CONFIG = JSON.parse(readFileSync(path.join(ROOT, "specs", "ideogram.config.json"), "utf8")) as Required<
  Pick<GenerateRequest, "clients" | "clientName" | "apiName" | "apiKeyEnv" | "logEnv" | "docsUrl" | "types" | "resources">
> & { spec: string; output: string };

export function fixture(...segments: string[]): string {
  return path.join(FIXTURES, ...segments);
}

/** The feature fixtures: `test/fixtures/<feature>.yml`, top level only, sorted. */
export function featureFixtures(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".yml"))
    .sort();
}

/** Load and IR stages only. */
export async function modelOf(spec: string, options: ModelOptions = {}, load: LoadOptions = {}): Promise<ApiModel> {
  return buildModel(await loadSpec(spec, load), options);
}

/** The Ideogram model with the embedded configuration's tag map. */
export function ideogramModel(): Promise<ApiModel> {
  return modelOf(IDEOGRAM_SPEC, { resources: IDEOGRAM_CONFIG.resources, types: IDEOGRAM_CONFIG.types, docsUrl: IDEOGRAM_CONFIG.docsUrl });
}

/** What `ideogram-codegen generate` runs for `generated/` (both variants): the embedded configuration's every key. */
export const IDEOGRAM_REQUEST: GenerateRequest = (({ spec: _spec, output: _output, ...settings }) => ({ spec: IDEOGRAM_SPEC, ...settings }))(IDEOGRAM_CONFIG);

export function fixtureRequest(name: string): GenerateRequest {
  return { spec: fixture(name), clients: ["fetch", "axios"] };
}

export function operationNamed(model: ApiModel, name: string): Operation {
  const operation = model.operations.find((op) => op.name === name);
  if (!operation) throw new Error(`no operation ${name}; have ${model.operations.map((op) => op.name).join(", ")}`);
  return operation;
}

export function schemaNamed(model: ApiModel, name: string): NamedSchema {
  const schema = model.schemas.find((s) => s.name === name);
  if (!schema) throw new Error(`no schema ${name}`);
  return schema;
}
