import { StructureKind } from "ts-morph";
import type { ApiModel, Operation, RequestBody } from "../../ir/types";
import { stringLiteral } from "../escape";
import { docsOf } from "./models-file";
import { operationDocLines } from "./operation-docs";
import { paramsShape } from "./params-file";
import { referencedNames } from "./references";
import { successReader, successSchemas, successType } from "./responses";
import type { Statements } from "./source-file";
import type { TypePrinter } from "./type-expression";

/** `functions.ts`: one standalone, tree-shakeable function per operation. */
export function functionsFile(model: ApiModel, printer: TypePrinter): Statements {
  const typeImports = [...referencedNames(model.operations.flatMap(successSchemas))].sort();
  const paramsImports = model.operations.flatMap((op) => paramsShape(op).typeName ?? []);
  const statements: Statements = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/api-promise.ts", namedImports: ["ApiPromise"], isTypeOnly: true },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/client-core.ts", namedImports: ["ClientCore", "RequestOptions"], isTypeOnly: true },
  ];
  if (paramsImports.length) {
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./params.ts", namedImports: paramsImports, isTypeOnly: true });
  }
  if (typeImports.length) {
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./types.ts", namedImports: typeImports, isTypeOnly: true });
  }
  for (const operation of model.operations) {
    const { typeName, optional } = paramsShape(operation);
    const resultType = successType(operation, printer);
    statements.push({
      kind: StructureKind.Function,
      isExported: true,
      name: operation.name,
      docs: docsOf(operationDocLines(operation)),
      parameters: [
        { name: "client", type: "ClientCore" },
        ...(typeName ? [{ name: "params", type: typeName, ...(optional ? { initializer: "{}" } : {}) }] : []),
        { name: "options", type: "RequestOptions", hasQuestionToken: true },
      ],
      returnType: `ApiPromise<${resultType}>`,
      statements: [`return client.request<${resultType}>(${descriptor(operation)}, ${typeName ? "params" : "{}"}, options);`],
    });
  }
  return statements;
}

/** The operation's wire description as an object literal (see `OperationSpec` in the runtime). */
function descriptor(operation: Operation): string {
  const entries = [`method: ${stringLiteral(operation.method)}`, `path: ${stringLiteral(operation.path)}`];
  if (operation.parameters.length) {
    const params = operation.parameters.map((p) => {
      const defaultStyle = p.in === "query" ? "form" : "simple";
      const custom = p.style !== defaultStyle || p.explode !== (p.style === "form");
      return `[${[stringLiteral(p.name), stringLiteral(p.in), ...(custom ? [stringLiteral(p.style), String(p.explode)] : [])].join(", ")}]`;
    });
    entries.push(`params: [${params.join(", ")}]`);
  }
  if (operation.body) entries.push(`body: ${bodyDescriptor(operation.body)}`);
  entries.push(`response: ${stringLiteral(successReader(operation))}`);
  if (operation.authenticated) entries.push("auth: true");
  return `{ ${entries.join(", ")} }`;
}

function bodyDescriptor(body: RequestBody): string {
  const key = body.flattened ? "" : `, key: "body"`;
  switch (body.kind) {
    case "multipart": {
      const fields = body.fields.map((f) =>
        `[${[stringLiteral(f.name), stringLiteral(f.encoding), ...(f.contentType ? [stringLiteral(f.contentType)] : [])].join(", ")}]`,
      );
      return `{ kind: "multipart"${key}, fields: [${fields.join(", ")}] }`;
    }
    case "json":
    case "form":
      return `{ kind: ${stringLiteral(body.kind)}${key} }`;
    case "text":
    case "binary":
      return `{ kind: ${stringLiteral(body.kind)}, key: "body", contentType: ${stringLiteral(body.contentType)} }`;
  }
}
