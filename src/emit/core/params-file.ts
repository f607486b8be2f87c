import type { ApiModel, Operation } from "../../ir/types";
import { docText, propertyKey } from "../escape";
import { interfaceDeclaration, typeAlias, type Statement, type TypeExpr } from "../print/typescript";
import { docsOf, typeImports } from "./models-file";
import { createTypePrinter, docLines, objectMembers, type ObjectShape, type TypePrinter } from "./type-expression";
import type { ModuleFiles } from "./module-files";

/** How an operation's params type is shaped; shared by the params file and the call sites. */
export interface ParamsShape {
  /** The exported type name, undefined when the operation takes no params at all. */
  typeName: string | undefined;
  /** True when every property is optional, so the params argument may be omitted. */
  optional: boolean;
}

export function paramsShape(operation: Operation): ParamsShape {
  if (operation.parameters.length === 0 && !operation.body) return { typeName: undefined, optional: true };
  return { typeName: `${operation.typeStem}Params`, optional: !operation.paramsRequired };
}

/** `params.ts`: one params type per operation holding its path, query, header and body fields. */
export function paramsFile(model: ApiModel, modules: ModuleFiles): Statement[] {
  const printer = createTypePrinter(model.schemas);
  const statements: Statement[] = [];
  for (const operation of model.operations) {
    const { typeName } = paramsShape(operation);
    if (!typeName) continue;
    const { properties, extra } = paramsMembers(operation, printer);
    const docs = docsOf([`Parameters of \`${operation.name}\` (${operation.method} ${docText(operation.path)}).`]);
    if (extra) {
      // The body is not an object: the params are the body's type and the other parameters.
      const literal: TypeExpr = { kind: "object", members: objectMembers({ properties: properties.map((p) => ({ ...p, docs: [] })) }) };
      const body: TypeExpr = extra.kind === "union" ? { kind: "paren", inner: extra } : extra;
      statements.push(typeAlias(docs, typeName, properties.length ? { kind: "intersection", parts: [body, literal] } : extra));
    } else {
      statements.push(interfaceDeclaration(docs, typeName, objectMembers({ properties })));
    }
  }
  return [...typeImports(printer, modules, { schemasFrom: "./types" }), ...statements];
}

function paramsMembers(operation: Operation, printer: TypePrinter): { properties: ObjectShape["properties"]; extra?: TypeExpr } {
  const properties: ObjectShape["properties"] = operation.parameters.map((p) => ({
    key: propertyKey(p.key),
    type: printer.print(p.schema, "request"),
    optional: !p.required,
    docs: [
      ...(p.description ? docLines({ description: p.description }) : []),
      ...(p.deprecated ? ["@deprecated"] : []),
      ...docLines({ ...p.schema.meta, description: undefined }),
    ],
  }));
  const { body } = operation;
  if (!body) return { properties };
  if (body.kind === "multipart" && body.flattened) {
    for (const field of body.fields) {
      const side = field.encoding === "file" || field.encoding === "files" ? "upload" : "request";
      properties.push({ key: propertyKey(field.name), type: printer.print(field.schema, side), optional: !field.required, docs: docLines(field.schema.meta) });
    }
    return { properties };
  }
  if (body.flattened) {
    if (body.schema.kind === "object" && !body.schema.meta.nullable) {
      properties.push(...printer.shape(body.schema, "request").properties);
      return { properties };
    }
    return { properties, extra: printer.print(body.schema, "request") };
  }
  const type = body.kind === "binary" ? printer.print({ kind: "binary", meta: {} }, "upload") : printer.print(body.schema, "request");
  properties.push({ key: "body", type, optional: !body.required, docs: body.description ? docLines({ description: body.description }) : [] });
  return { properties };
}
