import { StructureKind } from "ts-morph";
import type { ApiModel, Operation, RequestBody } from "../../ir/types";
import { stringLiteral } from "../escape";
import { docsOf, typeImports } from "./models-file";
import { operationDocLines } from "./operation-docs";
import { paramsShape } from "./params-file";
import { successReader, successType } from "./responses";
import type { Statements } from "./source-file";
import { createTypePrinter } from "./type-expression";

/** `functions.ts`: one standalone, tree-shakeable function per operation. */
export function functionsFile(model: ApiModel): Statements {
  const printer = createTypePrinter(model.schemas);
  const paramsImports = model.operations.flatMap((op) => paramsShape(op).typeName ?? []);
  const statements: Statements = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/api-promise.ts", namedImports: ["ApiPromise"], isTypeOnly: true },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/client-core.ts", namedImports: ["ClientCore", "RequestOptions"], isTypeOnly: true },
  ];
  if (paramsImports.length) {
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./params.ts", namedImports: paramsImports, isTypeOnly: true });
  }
  const functions: Statements = [];
  for (const operation of model.operations) {
    const { typeName, optional } = paramsShape(operation);
    const resultType = successType(operation, printer);
    functions.push({
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
  return [...statements, ...typeImports(printer, { schemasFrom: "./types.ts" }), ...functions];
}

/** The operation's wire description as an object literal (see `OperationSpec` in the runtime). */
function descriptor(operation: Operation): string {
  const entries = [`method: ${stringLiteral(operation.method)}`, `path: ${stringLiteral(operation.path)}`];
  if (operation.parameters.length) {
    const params = operation.parameters.map((p) => {
      const defaultStyle = p.in === "query" ? "form" : "simple";
      const wire = [
        ...(p.key !== p.name ? [`name: ${stringLiteral(p.name)}`] : []),
        ...(p.style !== defaultStyle ? [`style: ${stringLiteral(p.style)}`] : []),
        ...(p.explode !== (p.style === "form") ? [`explode: ${p.explode}`] : []),
      ];
      return `[${[stringLiteral(p.key), stringLiteral(p.in), ...(wire.length ? [`{ ${wire.join(", ")} }`] : [])].join(", ")}]`;
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
