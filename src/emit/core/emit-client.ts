import type { ApiModel } from "../../ir/types";
import { clientFile, type ClientSettings } from "./client-file";
import { functionsFile } from "./functions-file";
import { indexFile, nodeEntryFile } from "./index-file";
import { modelsFile } from "./models-file";
import { paramsFile } from "./params-file";
import { runtimeFiles } from "./runtime-files";
import { renderReadme, type ReadmeFacts } from "./readme";
import { printSourceFiles, type Statements } from "./source-file";

/** What distinguishes one client variant from another. */
export interface Variant {
  /** Output folder, and the template folder holding its transport. */
  name: "fetch" | "axios";
  /** What the variant's README says of its transport. */
  readme(settings: ClientSettings): ReadmeFacts;
}

/** Emits one variant's files (relative paths → unformatted text), from the IR alone. */
export function emitClient(model: ApiModel, settings: ClientSettings, variant: Variant): Map<string, string> {
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
  for (const [path, text] of runtimeFiles(variant.name)) files.set(path, text);
  files.set("README.md", renderReadme(variant.name, model, settings, variant.readme(settings)));
  return files;
}
