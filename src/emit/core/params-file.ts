import { StructureKind } from "ts-morph";
import type { ApiModel, Operation } from "../../ir/types";
import { docText, propertyKey } from "../escape";
import { docsOf, interfaceMembers, typeImports } from "./models-file";
import type { Statements } from "./source-file";
import { createTypePrinter, docLines, type ObjectShape, type TypePrinter } from "./type-expression";

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
export function paramsFile(model: ApiModel): Statements {
  const printer = createTypePrinter(model.schemas);
  const statements: Statements = [];
  for (const operation of model.operations) {
    const { typeName } = paramsShape(operation);
    if (!typeName) continue;
    const { properties, extra } = paramsMembers(operation, printer);
    const docs = docsOf([`Parameters of \`${operation.name}\` (${operation.method} ${docText(operation.path)}).`]);
    if (extra) {
      const literal = properties.length
        ? ` & {\n${properties.map((p) => `${p.key}${p.optional ? "?" : ""}: ${p.type};`).join("\n")}\n}`
        : "";
      statements.push({ kind: StructureKind.TypeAlias, isExported: true, name: typeName, docs, type: `${extra}${literal}` });
    } else {
      statements.push({ kind: StructureKind.Interface, isExported: true, name: typeName, docs, ...interfaceMembers({ properties }) });
    }
  }
  return [...typeImports(printer, { schemasFrom: "./types.ts" }), ...statements];
}

function paramsMembers(operation: Operation, printer: TypePrinter): { properties: ObjectShape["properties"]; extra?: string } {
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
