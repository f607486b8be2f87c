import type { ApiModel } from "../../ir/types";
import { exportDeclaration, type Statement } from "../print/typescript";
import { paramsShape } from "./params-file";
import { NODE_EXPORTS, RUNTIME_EXPORTS } from "./runtime-files";

/** Runtime exports that are types only (re-exported with `export type`, as type stripping requires). */
const TYPE_ONLY = new Set([
  "WithResponse", "ClientOptions", "CoreOptions", "RequestOptions", "ClientDefaults", "OperationSpec",
  "DownloadedImage", "DownloadOptions", "ImageLink", "SkippedImage", "RawResponse", "TransportOptions", "Uploadable",
]);

/** `index.ts`: the public entry, safe for browsers and edge runtimes (nothing from `node:*`). */
export function indexFile(model: ApiModel, clientName: string): Statement[] {
  const statements = [
    exportDeclaration('"./client.ts"', { names: [clientName, `${clientName}Core`, ...model.resources.map((r) => r.className)] }),
    exportDeclaration('"./functions.ts"'),
    exportDeclaration('"./types.ts"'),
  ];
  if (model.operations.some((op) => paramsShape(op).typeName)) statements.push(exportDeclaration('"./params.ts"', { typeOnly: true }));
  for (const [file, names] of Object.entries(RUNTIME_EXPORTS)) {
    const values = names.filter((n) => !TYPE_ONLY.has(n));
    const types = names.filter((n) => TYPE_ONLY.has(n));
    const from = `"./runtime/${file}"`;
    statements.push(
      values.length === 0
        ? exportDeclaration(from, { names: types, typeOnly: true })
        : exportDeclaration(from, { names: [...values, ...types.map((n) => `type ${n}`)] }),
    );
  }
  return statements;
}

/** `node.ts`: everything in `index.ts` plus the helpers that need Node's file system. */
export function nodeEntryFile(): Statement[] {
  return [exportDeclaration('"./index.ts"'), exportDeclaration('"./runtime/node-files.ts"', { names: [...NODE_EXPORTS] })];
}
