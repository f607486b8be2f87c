import type { ApiModel } from "../../ir/types";
import { clientFile, type ClientSettings } from "./client-file";
import { functionsFile } from "./functions-file";
import { indexFile, nodeEntryFile } from "./index-file";
import { modelsFile } from "./models-file";
import { paramsFile } from "./params-file";
import { runtimeTemplate, sharedRuntimeFiles } from "./runtime-files";
import { renderReadme, type ReadmeFacts } from "./readme";
import type { Statement } from "../print/typescript";
import { printSourceFile, type Span } from "./source-file";

/** What distinguishes one client variant from another: its transport and how its README describes it. */
export interface Variant {
  /** Output folder, and the template folder holding its `transport.ts`. */
  name: "fetch" | "axios";
  /** What the variant's README says of its transport. */
  readme(settings: ClientSettings): ReadmeFacts;
}

/**
 * Where prettier has to settle a file's layout: the TypeScript statements the printer could not
 * lay out itself, or (`"whole"`) all of a Markdown file.
 */
export type Unsettled = readonly Span[] | "whole";

/** Emitted files (relative path → text), and for the files prettier has to settle, what of them. */
export interface Emitted {
  files: Map<string, string>;
  unsettled: Map<string, Unsettled>;
}

/** Emits the files every variant shares, from the IR alone: the generated TypeScript and the shared runtime. */
export function emitShared(model: ApiModel, settings: ClientSettings): Emitted {
  const { modules } = settings;
  // Each file's statements are built when it is printed: a big spec's trees never all live at once.
  const sources = new Map<string, () => Statement[]>([
    ["types", () => modelsFile(model, modules)],
    ["params", () => paramsFile(model, modules)],
    ["functions", () => functionsFile(model, modules)],
    ["client", () => clientFile(model, settings)],
    ["index", () => indexFile(model, settings)],
    ["node", () => nodeEntryFile(model, modules)],
  ]);
  if (!model.operations.some((op) => op.parameters.length || op.bodies.length)) sources.delete("params");
  const files = new Map<string, string>();
  const unsettled = new Map<string, Unsettled>();
  for (const [stem, statements] of sources) {
    const path = modules.file(stem);
    const printed = printSourceFile(statements());
    files.set(path, printed.text);
    if (printed.unsettled.length) unsettled.set(path, printed.unsettled);
  }
  for (const [path, text] of sharedRuntimeFiles(modules)) files.set(path, text);
  return { files, unsettled };
}

/** The files of one variant's own: its transport and its README. */
export function emitVariant(model: ApiModel, settings: ClientSettings, variant: Variant): Emitted {
  const readme = renderReadme(variant.name, model, settings, variant.readme(settings));
  return {
    files: new Map([
      [settings.modules.file("runtime/transport"), runtimeTemplate(settings.modules, variant.name, "transport")],
      ["README.md", readme.text],
    ]),
    unsettled: new Map(readme.needsFormatter ? [["README.md", "whole" as const]] : []),
  };
}
