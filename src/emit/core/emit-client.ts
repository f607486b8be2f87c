import type { ApiModel } from "../../ir/types";
import { clientFile, type ClientSettings } from "./client-file";
import { functionsFile } from "./functions-file";
import { indexFile, nodeEntryFile } from "./index-file";
import { modelsFile } from "./models-file";
import { paramsFile } from "./params-file";
import { readTemplate, sharedRuntimeFiles } from "./runtime-files";
import { renderReadme, type ReadmeFacts } from "./readme";
import { printSourceFiles, type Statements } from "./source-file";

/** What distinguishes one client variant from another: its transport and how its README describes it. */
export interface Variant {
  /** Output folder, and the template folder holding its `transport.ts`. */
  name: "fetch" | "axios";
  /** What the variant's README says of its transport. */
  readme(settings: ClientSettings): ReadmeFacts;
}

/**
 * Emits the files every variant shares (relative paths → unformatted text), from the IR alone:
 * the generated TypeScript and the shared runtime.
 */
export function emitShared(model: ApiModel, settings: ClientSettings): Map<string, string> {
  const sources = new Map<string, Statements>([
    ["types.ts", modelsFile(model)],
    ["params.ts", paramsFile(model)],
    ["functions.ts", functionsFile(model)],
    ["client.ts", clientFile(model, settings)],
    ["index.ts", indexFile(model, settings.clientName)],
    ["node.ts", nodeEntryFile()],
  ]);
  if (!model.operations.some((op) => op.parameters.length || op.body)) sources.delete("params.ts");
  const files = printSourceFiles(sources);
  for (const [path, text] of sharedRuntimeFiles()) files.set(path, text);
  return files;
}

/** The files of one variant's own: its transport and its README. */
export function emitVariant(model: ApiModel, settings: ClientSettings, variant: Variant): Map<string, string> {
  return new Map([
    ["runtime/transport.ts", readTemplate(variant.name, "transport.ts")],
    ["README.md", renderReadme(variant.name, model, settings, variant.readme(settings))],
  ]);
}
