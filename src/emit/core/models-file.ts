import { StructureKind, VariableDeclarationKind } from "ts-morph";
import type { ApiModel, NamedSchema } from "../../ir/types";
import { commentLine, docText, propertyKey, valueLiteral } from "../escape";
import type { Statements } from "./source-file";
import { createTypePrinter, docLines, type ObjectShape, type Side, type TypePrinter } from "./type-expression";

/** `types.ts`: one declaration per named schema, then the error body map the error classes read. */
export function modelsFile(model: ApiModel): Statements {
  const printer = createTypePrinter(model.schemas);
  const statements: Statements = model.schemas.flatMap((named) => declaration(named, printer));
  statements.push(errorBodies(model, printer));
  return [...typeImports(printer, { schemasFrom: undefined }), ...statements];
}

/**
 * Type-only imports for what a printer printed: named schemas from `schemasFrom` (undefined
 * inside types.ts itself) and `Uploadable` from the runtime.
 */
export function typeImports(printer: TypePrinter, { schemasFrom }: { schemasFrom: string | undefined }): Statements {
  const imports: Statements = [];
  const names = printer.schemaNames();
  if (schemasFrom && names.length) {
    imports.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: schemasFrom, namedImports: names, isTypeOnly: true });
  }
  if (printer.usedUploadable()) {
    imports.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/uploads.ts", namedImports: ["Uploadable"], isTypeOnly: true });
  }
  return imports;
}

/** Objects reachable from a response use response-side types (open enums) even if requests use them too. */
export function sideOf(named: NamedSchema): Side {
  return named.usage.response ? "response" : named.usage.upload ? "upload" : "request";
}

function declaration(named: NamedSchema, printer: TypePrinter): Statements {
  const { schema, name } = named;
  const docs = docsOf([...docLines(schema.meta), ...(named.sourceName !== name ? [`Spec name: ${docText(JSON.stringify(named.sourceName))}`] : [])]);
  if (named.enumMembers) {
    const members = named.enumMembers.map((m) => `${propertyKey(m.key)}: ${valueLiteral(m.value)},`).join("\n");
    return [
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs,
        declarations: [{ name, initializer: `{\n${members}\n} as const` }],
      },
      { kind: StructureKind.TypeAlias, isExported: true, name, docs, type: `(typeof ${name})[keyof typeof ${name}]${schema.meta.nullable ? " | null" : ""}` },
    ];
  }
  if (schema.kind === "object" && !schema.meta.nullable) {
    return [
      {
        kind: StructureKind.Interface,
        isExported: true,
        name,
        docs,
        ...interfaceMembers(printer.shape(schema, sideOf(named))),
      },
    ];
  }
  return [{ kind: StructureKind.TypeAlias, isExported: true, name, docs, type: printer.print(schema, sideOf(named)) }];
}

function errorBodies(model: ApiModel, printer: TypePrinter): Statements[number] {
  const serverErrors = model.errorBodies.filter((e) => e.status >= 500);
  const members = model.errorBodies.map((e) => ({ name: String(e.status), type: printer.print(e.schema, "response") }));
  if (serverErrors.length) {
    const types = [...new Set(serverErrors.map((e) => printer.print(e.schema, "response")))];
    members.push({ name: '"5xx"', type: types.includes("unknown") ? "unknown" : types.join(" | ") });
  }
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name: "ErrorBodies",
    docs: ["Body types the spec declares per error status; the error classes expose them as `body`."],
    properties: members,
  };
}

export function interfaceMembers(shape: ObjectShape) {
  return {
    properties: shape.properties.map((p) => ({
      name: p.key,
      type: p.type,
      hasQuestionToken: p.optional,
      docs: docsOf(p.docs),
    })),
    indexSignatures: shape.indexType ? [{ keyName: "key", keyType: "string", returnType: shape.indexType }] : [],
  };
}

export function docsOf(lines: string[]): { description: string }[] {
  return lines.length ? [{ description: lines.map(commentLine).join("\n") }] : [];
}
