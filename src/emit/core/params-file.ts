import type { ApiModel, Operation, Parameter, RequestBody } from "../../ir/types";
import { docText, propertyKey } from "../escape";
import type { Doc } from "../print/doc";
import { atom, interfaceDeclaration, typeAlias, union, type Statement, type TypeExpr } from "../print/typescript";
import { docsOf, typeImports } from "./models-file";
import { createTypePrinter, objectMembers, type ObjectShape, type TypePrinter } from "./type-expression";
import type { ModuleFiles } from "./module-files";

/** How an operation's params type is shaped; shared by the params file and the call sites. */
export interface ParamsShape {
  /** The exported type name, undefined when the operation takes no params at all. */
  typeName: string | undefined;
  /** True when every property is optional, so the params argument may be omitted. */
  optional: boolean;
}

export function paramsShape(operation: Operation): ParamsShape {
  if (operation.parameters.length === 0 && operation.bodies.length === 0) return { typeName: undefined, optional: true };
  return { typeName: `${operation.typeStem}Params`, optional: !operation.paramsRequired };
}

/** `params.ts`: one params type per operation holding its path, query, header and body fields. */
export function paramsFile(model: ApiModel, modules: ModuleFiles): Statement[] {
  const printer = createTypePrinter(model.schemas);
  const statements: Statement[] = [];
  for (const operation of model.operations) {
    const { typeName } = paramsShape(operation);
    if (!typeName) continue;
    const about = `\`${operation.name}\` (${operation.method} ${docText(operation.path)})`;
    if (operation.bodies.length <= 1) {
      statements.push(paramsDeclaration(docsOf([`Parameters of ${about}.`]), typeName, operation, operation.bodies[0], printer));
      continue;
    }
    const alternatives = operation.bodies.map((body) => body.paramsTypeName!);
    for (const body of operation.bodies) {
      const docs = docsOf([`Parameters of ${about} sent as \`${docText(body.contentType)}\`.`]);
      statements.push(paramsDeclaration(docs, body.paramsTypeName!, operation, body, printer));
    }
    const docs = docsOf([
      `Parameters of ${about}, which accepts ${operation.bodies.map((b) => `\`${docText(b.contentType)}\``).join(" or ")}.`,
      "A call sends the first of them whose fields hold every value given, with files only in file fields;",
      "`bodies` in the generator's configuration pins one.",
    ]);
    statements.push(typeAlias(docs, typeName, union(alternatives.map(atom))));
  }
  return [...typeImports(printer, modules, { schemasFrom: "./types" }), ...statements];
}

/** An interface of the parameters and one body's fields, or an intersection when the body is not an object. */
function paramsDeclaration(docs: Doc, typeName: string, operation: Operation, body: RequestBody | undefined, printer: TypePrinter): Statement {
  const { properties, extra } = paramsMembers(operation, body, printer);
  if (!extra) return interfaceDeclaration(docs, typeName, objectMembers({ properties }));
  // The body is not an object: the params are the body's type and the other parameters.
  const literal: TypeExpr = { kind: "object", members: objectMembers({ properties: properties.map((p) => ({ ...p, docs: [] })) }) };
  const bodyType: TypeExpr = extra.kind === "union" ? { kind: "paren", inner: extra } : extra;
  return typeAlias(docs, typeName, properties.length ? { kind: "intersection", parts: [bodyType, literal] } : extra);
}

function paramsMembers(
  operation: Operation,
  body: RequestBody | undefined,
  printer: TypePrinter,
): { properties: ObjectShape["properties"]; extra?: TypeExpr } {
  const properties: ObjectShape["properties"] = operation.parameters.map((p) => {
    const docs = printer.docs(p.schema, { description: p.description, deprecated: p.deprecated });
    return { key: propertyKey(p.key), type: printer.print(p.schema, "request"), optional: !p.required, docs: docs.length ? docs : [whereSent(p, operation)] };
  });
  if (!body) return { properties };
  if (body.kind === "multipart" && body.flattened) {
    for (const field of body.fields) {
      const side = field.encoding === "file" || field.encoding === "files" ? "upload" : "request";
      // A read-only field is the server's to fill in: a request may leave it out, as a JSON body's may.
      const optional = !field.required || field.schema.meta.readOnly === true;
      properties.push({ key: propertyKey(field.name), type: printer.print(field.schema, side), optional, docs: printer.docs(field.schema) });
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
  properties.push({ key: "body", type, optional: !body.required, docs: printer.docs(body.schema, { description: body.description }) });
  return { properties };
}

/** What a parameter the spec does not describe is, at least: where it travels. */
function whereSent(parameter: Parameter, operation: Operation): string {
  const name = docText(parameter.name);
  switch (parameter.in) {
    case "path":
      return `The \`{${name}}\` of \`${operation.method} ${docText(operation.path)}\`.`;
    case "query":
      return `Sent as the \`${name}\` query parameter.`;
    case "header":
      return `Sent as the \`${name}\` header.`;
    case "cookie":
      return `Sent as the \`${name}\` cookie.`;
  }
}
