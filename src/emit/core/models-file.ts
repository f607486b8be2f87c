import type { ApiModel, InlineEnumSite, NamedSchema } from "../../ir/types";
import type { Doc } from "../print/doc";
import { commentLine, docText, propertyKey, valueLiteral } from "../escape";
import { atom, expr, importDeclaration, interfaceDeclaration, jsDoc, objectLiteral, typeAlias, union, type Statement } from "../print/typescript";
import { createTypePrinter, objectMembers, unionOrUnknown, type Side, type TypePrinter } from "./type-expression";
import type { ModuleFiles } from "./module-files";

/** `types.ts`: one declaration per named schema, then the error body map the error classes read. */
export function modelsFile(model: ApiModel, modules: ModuleFiles): Statement[] {
  const printer = createTypePrinter(model.schemas);
  const statements = model.schemas.flatMap((named) => declaration(named, printer));
  statements.push(errorBodies(model, printer));
  return [...typeImports(printer, modules, { schemasFrom: undefined }), ...statements];
}

/**
 * Type-only imports for what a printer printed: named schemas from `schemasFrom` (undefined
 * inside types.ts itself) and `Uploadable` from the runtime.
 */
export function typeImports(printer: TypePrinter, modules: ModuleFiles, { schemasFrom }: { schemasFrom: string | undefined }): Statement[] {
  const imports: Statement[] = [];
  const names = printer.schemaNames();
  if (schemasFrom && names.length) imports.push(importDeclaration(modules.specifier(schemasFrom), { names, typeOnly: true }));
  if (printer.usedUploadable()) imports.push(importDeclaration(modules.specifier("./runtime/uploads"), { names: ["Uploadable"], typeOnly: true }));
  return imports;
}

/** Objects reachable from a response use response-side types (open enums) even if requests use them too. */
export function sideOf(named: NamedSchema): Side {
  return named.usage.response ? "response" : named.usage.upload ? "upload" : "request";
}

function declaration(named: NamedSchema, printer: TypePrinter): Statement[] {
  const { schema, name } = named;
  const notes = named.inline
    ? [inlineSiteText(named.inline)]
    : named.sourceName !== name ? [`Spec name: ${docText(JSON.stringify(named.sourceName))}`] : [];
  const docs = docsOf(printer.docs(schema, { notes }));
  if (named.enumMembers) {
    const members = objectLiteral(
      named.enumMembers.map((m) => [propertyKey(m.key), expr(valueLiteral(m.value))] as const),
      { expanded: true },
    );
    const valueOf = atom(`(typeof ${name})[keyof typeof ${name}]`);
    return [
      { doc: [docs, `export const ${name} = `, members.doc, " as const;"], block: false },
      typeAlias(docs, name, schema.meta.nullable ? union([valueOf, atom("null")]) : valueOf),
    ];
  }
  if (schema.kind === "object" && !schema.meta.nullable) {
    return [interfaceDeclaration(docs, name, objectMembers(printer.shape(schema, sideOf(named))))];
  }
  return [typeAlias(docs, name, printer.print(schema, sideOf(named)))];
}

/** Where an inline enum the IR named was written, for its declaration's docs. */
function inlineSiteText({ at, owner, key }: InlineEnumSite): string {
  const [k, o] = [docText(key), docText(owner)];
  switch (at) {
    case "parameter":
      return `Values of the \`${k}\` parameter of \`${o}\`.`;
    case "body":
      return `Values of \`${k}\` in the request body of \`${o}\`.`;
    case "schema":
      return `Values of \`${k}\` in \`${o}\`.`;
    case "shared parameter":
      return `Values of the \`${k}\` parameter, as \`components/parameters/${o}\` gives it to every operation that uses it.`;
  }
}

function errorBodies(model: ApiModel, printer: TypePrinter): Statement {
  const serverErrors = model.errorBodies.filter((e) => e.status >= 500);
  const members = model.errorBodies.map((e) => ({ docs: "", key: String(e.status), type: printer.print(e.schema, "response") }));
  if (serverErrors.length) {
    members.push({ docs: "", key: '"5xx"', type: unionOrUnknown(serverErrors.map((e) => printer.print(e.schema, "response"))) });
  }
  const docs = docsOf(["Body types the spec declares per error status; the error classes expose them as `body`."]);
  return interfaceDeclaration(docs, "ErrorBodies", members);
}

/** A JSDoc block for lines of text: one line prints as `/** … *\/`. */
export function docsOf(lines: readonly string[]): Doc {
  return jsDoc(lines.flatMap((l) => l.split("\n")).map(commentLine));
}
