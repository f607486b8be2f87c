import { StructureKind } from "ts-morph";
import type { ApiModel } from "../../ir/types";
import { paramsShape } from "./params-file";
import { NODE_EXPORTS, RUNTIME_EXPORTS } from "./runtime-files";
import type { Statements } from "./source-file";

/** Runtime exports that are types only (re-exported with `export type`, as type stripping requires). */
const TYPE_ONLY = new Set([
  "WithResponse", "ClientOptions", "CoreOptions", "RequestOptions", "ClientDefaults", "OperationSpec",
  "DownloadedImage", "DownloadOptions", "ImageLink", "SkippedImage", "RawResponse", "TransportOptions", "Uploadable",
]);

/** `index.ts`: the public entry, safe for browsers and edge runtimes (nothing from `node:*`). */
export function indexFile(model: ApiModel, clientName: string): Statements {
  const statements: Statements = [
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: "./client.ts",
      namedExports: [clientName, `${clientName}Core`, ...model.resources.map((r) => r.className)],
    },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./functions.ts" },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./types.ts" },
  ];
  if (model.operations.some((op) => paramsShape(op).typeName)) {
    statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: "./params.ts", isTypeOnly: true });
  }
  for (const [file, names] of Object.entries(RUNTIME_EXPORTS)) {
    const values = names.filter((n) => !TYPE_ONLY.has(n));
    const types = names.filter((n) => TYPE_ONLY.has(n));
    statements.push({
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: `./runtime/${file}`,
      namedExports: [...values, ...types.map((n) => ({ name: n, isTypeOnly: true }))],
      ...(values.length === 0 ? { isTypeOnly: true, namedExports: [...types] } : {}),
    });
  }
  return statements;
}

/** `node.ts`: everything in `index.ts` plus the helpers that need Node's file system. */
export function nodeEntryFile(): Statements {
  return [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./index.ts" },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./runtime/node-files.ts", namedExports: [...NODE_EXPORTS] },
  ];
}
