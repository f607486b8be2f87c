import type { IMPORTED_VALUE_NAMES } from "../../ir/naming";
import type { ApiModel, Operation, Parameter, RequestBody } from "../../ir/types";
import { propertyKey, stringLiteral } from "../escape";
import type { Doc } from "../print/doc";
import {
  arrayLiteral,
  call,
  expr,
  functionLike,
  importDeclaration,
  objectLiteral,
  typeArguments,
  type Expr,
  type Statement,
} from "../print/typescript";
import { authDescriptor } from "./credentials";
import { docsOf, typeImports } from "./models-file";
import { operationDocLines } from "./operation-docs";
import { paramsShape } from "./params-file";
import { successReader, successType } from "./responses";
import { createTypePrinter } from "./type-expression";
import { downloadFunctions } from "./downloads";
import type { ModuleFiles } from "./module-files";

/** `functions.ts`: one standalone, tree-shakeable function per operation, and the download helpers. */
export function functionsFile(model: ApiModel, modules: ModuleFiles): Statement[] {
  const printer = createTypePrinter(model.schemas);
  const paramsImports = model.operations.flatMap((op) => paramsShape(op).typeName ?? []);
  const statements = [
    importDeclaration(modules.specifier("./runtime/api-promise"), { names: ["ApiPromise"], typeOnly: true }),
    importDeclaration(modules.specifier("./runtime/client-core"), { names: ["ClientCore", "RequestOptions"], typeOnly: true }),
  ];
  if (paramsImports.length) statements.push(importDeclaration(modules.specifier("./params"), { names: paramsImports, typeOnly: true }));
  statements.push(...runtimeValueImports(model.operations, modules));
  const functions: Statement[] = [];
  for (const operation of model.operations) {
    const { typeName, optional } = paramsShape(operation);
    const result = typeArguments(successType(operation, printer));
    const parameters = ["client: ClientCore", ...(typeName ? [`params${optional ? "?" : ""}: ${typeName}`] : []), "options?: RequestOptions"];
    const request = requestCall("client", operation, model, result, typeName ? "params" : "{}");
    const doc = functionLike(docsOf(operationDocLines(operation)), `export function ${operation.name}`, parameters, [": ApiPromise", result], [
      ["return ", request, ";"],
    ]);
    functions.push({ doc, block: true });
  }
  const downloads = downloadFunctions(model, printer, modules);
  return [...statements, ...downloads.imports, ...typeImports(printer, modules, { schemasFrom: "./types" }), ...functions, ...downloads.statements];
}

/** `client.request<T>({ …wire description… }, params, options)`: the one call every operation makes. */
export function requestCall(client: string, operation: Operation, model: ApiModel, result: Doc, params: string): Doc {
  return call([`${client}.request`, result], [descriptor(operation, model), expr(params), expr("options")]);
}

/** The operation's wire description as an object literal (see `OperationSpec` in the runtime). */
function descriptor(operation: Operation, model: ApiModel): Expr {
  const entries: [string, Expr][] = [
    ["method", string(operation.method)],
    ["path", string(operation.path)],
  ];
  if (operation.parameters.length) {
    const params = operation.parameters.map((p) => {
      const style = queryStyle(p);
      const wire: [string, Expr][] = [
        ...(p.key !== p.name ? [["name", string(p.name)] as [string, Expr]] : []),
        ...(style ? [["style", expr(style)] as [string, Expr]] : []),
        ...(p.explode !== (p.style === "form") ? [["explode", expr(String(p.explode))] as [string, Expr]] : []),
      ];
      return arrayLiteral([string(p.key), string(p.in), ...(wire.length ? [objectLiteral(wire)] : [])]);
    });
    entries.push(["params", arrayLiteral(params)]);
  }
  if (operation.bodies.length === 1) entries.push(["body", bodyDescriptor(operation.bodies[0]!, false)]);
  if (operation.bodies.length > 1) {
    const alternatives = arrayLiteral(operation.bodies.map((body) => bodyDescriptor(body, true)));
    entries.push(["body", objectLiteral([["kind", expr("oneOfBodies")], ["alternatives", alternatives]])]);
  }
  entries.push(["response", string(successReader(operation))]);
  const auth = authDescriptor(operation, model);
  if (auth) entries.push(["auth", auth]);
  return objectLiteral(entries);
}

const string = (value: string): Expr => expr(stringLiteral(value));

/** The runtime's body kind for each IR body kind (exports of `runtime/bodies.ts`). */
const BODY_KINDS = {
  json: "jsonBody",
  form: "formBody",
  multipart: "multipartBody",
  text: "textBody",
  binary: "binaryBody",
} as const satisfies Record<RequestBody["kind"], (typeof IMPORTED_VALUE_NAMES)[number]>;

/** The runtime's serialiser for each query style other than `form` (exports of `runtime/query.ts`). */
const QUERY_STYLES: Partial<Record<Parameter["style"], (typeof IMPORTED_VALUE_NAMES)[number]>> = {
  spaceDelimited: "spaceDelimitedStyle",
  pipeDelimited: "pipeDelimitedStyle",
  deepObject: "deepObjectStyle",
};

/** The serialiser a query parameter names; none for `form` (the runtime's default) and for other locations. */
function queryStyle(parameter: Parameter): string | undefined {
  return parameter.in === "query" ? QUERY_STYLES[parameter.style] : undefined;
}

/**
 * Imports of the runtime values the operations' descriptors name (body kinds, query styles), for
 * a file that holds the descriptors: a bundle then carries only the encoders a spec uses.
 */
export function runtimeValueImports(operations: readonly Operation[], modules: ModuleFiles): Statement[] {
  const bodies = new Set<string>(operations.flatMap((op) => op.bodies.map((body) => BODY_KINDS[body.kind])));
  if (operations.some((op) => op.bodies.length > 1)) bodies.add("oneOfBodies");
  const styles = new Set(operations.flatMap((op) => op.parameters.flatMap((p) => queryStyle(p) ?? [])));
  return [
    ...(bodies.size ? [importDeclaration(modules.specifier("./runtime/bodies"), { names: [...bodies].sort() })] : []),
    ...(styles.size ? [importDeclaration(modules.specifier("./runtime/query"), { names: [...styles].sort() })] : []),
  ];
}

/**
 * One body's descriptor. Of several alternatives, a flattened JSON or form body lists the keys it
 * reads, so the runtime can tell which alternative a call's values fit.
 */
function bodyDescriptor(body: RequestBody, alternative: boolean): Expr {
  const kind: [string, Expr] = ["kind", expr(BODY_KINDS[body.kind])];
  const key: [string, Expr][] = body.flattened ? [] : [["key", string("body")]];
  const keys: [string, Expr][] = alternative && body.flattened ? [["keys", arrayLiteral(body.keys.map(string))]] : [];
  switch (body.kind) {
    case "multipart": {
      const fields = body.fields.map((f) => {
        const options: [string, Expr][] = [
          ...(f.contentType ? [["contentType", string(f.contentType)] as [string, Expr]] : []),
          ...(f.headers ? [["headers", objectLiteral(f.headers.map(([name, value]) => [propertyKey(name), string(value)]))] as [string, Expr]] : []),
          ...(f.style ? [["style", string(f.style.style)], ["explode", expr(String(f.style.explode))]] as [string, Expr][] : []),
        ];
        return arrayLiteral([string(f.name), string(f.encoding), ...(options.length ? [objectLiteral(options)] : [])]);
      });
      return objectLiteral([kind, ...key, ["fields", arrayLiteral(fields)]]);
    }
    case "json":
    case "form":
      return objectLiteral([kind, ...key, ...keys]);
    case "text":
    case "binary":
      return objectLiteral([kind, ["key", string("body")], ["contentType", string(body.contentType)]]);
  }
}
