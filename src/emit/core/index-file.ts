import type { ApiModel } from "../../ir/types";
import { exportDeclaration, type Statement } from "../print/typescript";
import { paramsShape } from "./params-file";
import { NODE_EXPORTS, RUNTIME_EXPORTS } from "./runtime-files";
import type { ModuleFiles } from "./module-files";
import { hasOptionsInterface, type ClientSettings } from "./client-file";
import { saveImagesFunction } from "./downloads";

/** Runtime exports that are types only (re-exported with `export type`, as type stripping requires). */
const TYPE_ONLY = new Set([
  "WithResponse", "ClientOptions", "CoreOptions", "RequestOptions", "ClientDefaults", "OperationSpec",
  "DownloadedImage", "DownloadOptions", "FailedImage", "ImageLink", "ImageOutcome", "SkippedImage",
  "SavedImage", "SaveOptions", "SaveOutcome", "RawResponse", "TransportOptions", "Uploadable", "LogLevel", "Logger",
]);

/** `index.ts`: the public entry, safe for browsers and edge runtimes (nothing from `node:*`). */
export function indexFile(model: ApiModel, settings: ClientSettings): Statement[] {
  const { clientName, modules } = settings;
  const options = hasOptionsInterface(model, settings) ? [`type ${clientName}Options`] : [];
  const statements = [
    exportDeclaration(modules.specifier("./client"), { names: [clientName, `${clientName}Core`, ...model.resources.map((r) => r.className), ...options] }),
    exportDeclaration(modules.specifier("./functions")),
    exportDeclaration(modules.specifier("./types")),
  ];
  if (model.operations.some((op) => paramsShape(op).typeName)) statements.push(exportDeclaration(modules.specifier("./params"), { typeOnly: true }));
  for (const [module, names] of Object.entries(RUNTIME_EXPORTS)) {
    const values = names.filter((n) => !TYPE_ONLY.has(n));
    const types = names.filter((n) => TYPE_ONLY.has(n));
    const from = modules.specifier(`./runtime/${module}`);
    statements.push(
      values.length === 0
        ? exportDeclaration(from, { names: types, typeOnly: true })
        : exportDeclaration(from, { names: [...values, ...types.map((n) => `type ${n}`)] }),
    );
  }
  return statements;
}

/** `node.ts`: everything in `index.ts` plus the helpers that need Node's file system. */
export function nodeEntryFile(model: ApiModel, modules: ModuleFiles): Statement[] {
  const names = NODE_EXPORTS.map((name) => (TYPE_ONLY.has(name) ? `type ${name}` : name));
  const save = saveImagesFunction(model, modules);
  return [...save.imports, exportDeclaration(modules.specifier("./index")), exportDeclaration(modules.specifier("./runtime/node-files"), { names }), ...save.statements];
}
