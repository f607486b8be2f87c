import { Scope, StructureKind, VariableDeclarationKind, type MethodDeclarationStructure, type OptionalKind } from "ts-morph";
import type { ApiModel, Operation } from "../../ir/types";
import { stringLiteral } from "../escape";
import { docsOf, typeImports } from "./models-file";
import { operationDocLines } from "./operation-docs";
import { paramsShape } from "./params-file";
import { successType } from "./responses";
import type { Statements } from "./source-file";
import { createTypePrinter, type TypePrinter } from "./type-expression";

/** What the generated client fixes beyond the spec. */
export interface ClientSettings {
  /** The client class (`Ideogram`); `<name>Core` is the light client for standalone functions. */
  clientName: string;
  /** Environment variable the API key defaults to. */
  apiKeyEnv?: string;
  /** Overrides the spec's first server URL. */
  baseUrl?: string;
}

/** `client.ts`: the light core client, one class per resource, and the full client. */
export function clientFile(model: ApiModel, settings: ClientSettings): Statements {
  const printer = createTypePrinter(model.schemas);
  const coreName = `${settings.clientName}Core`;
  const statements: Statements = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/api-promise.ts", namedImports: ["ApiPromise"], isTypeOnly: true },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime/client-core.ts",
      namedImports: ["ClientCore", "type ClientDefaults", "type ClientOptions", "type RequestOptions"],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./functions.ts", namespaceImport: "operations" },
  ];
  const paramsImports = model.operations.flatMap((op) => paramsShape(op).typeName ?? []);
  if (paramsImports.length) {
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./params.ts", namedImports: paramsImports, isTypeOnly: true });
  }
  const body: Statements = [];
  body.push({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: "clientDefaults", type: "ClientDefaults", initializer: defaultsLiteral(model, settings) }],
  });
  body.push({
    kind: StructureKind.Class,
    isExported: true,
    name: coreName,
    extends: "ClientCore",
    docs: docsOf([
      `The ${settings.clientName} client without resources, for the standalone functions: bundlers keep only the operations you import.`,
    ]),
    ctors: [{ parameters: [{ name: "options", type: "ClientOptions", initializer: "{}" }], statements: ["super(options, clientDefaults);"] }],
  });

  for (const resource of model.resources) {
    const operations = model.operations.filter((op) => op.resource === resource.property);
    body.push({
      kind: StructureKind.Class,
      isExported: true,
      name: resource.className,
      properties: [{ name: "#client", type: "ClientCore", isReadonly: true }],
      ctors: [{ parameters: [{ name: "client", type: "ClientCore" }], statements: ["this.#client = client;"] }],
      methods: operations.map((op) => method(op, "this.#client", printer)),
    });
  }

  const overview = model.resources.map((r) => `\`${r.property}\``).join(", ");
  body.push({
    kind: StructureKind.Class,
    isExported: true,
    name: settings.clientName,
    extends: coreName,
    docs: docsOf([
      `The ${settings.clientName} API client${overview ? `: operations grouped as ${overview}` : ""}.`,
      "",
      "@example",
      `const client = new ${settings.clientName}(${!model.auth ? ");" : settings.apiKeyEnv ? `); // reads ${settings.apiKeyEnv}` : "{ apiKey });"}`,
    ]),
    properties: model.resources.map((r) => ({
      name: r.property,
      type: r.className,
      isReadonly: true,
      scope: Scope.Public,
      initializer: `new ${r.className}(this)`,
    })),
    methods: model.operations.filter((op) => op.resource === undefined).map((op) => method(op, "this", printer)),
  });
  return [...statements, ...typeImports(printer, { schemasFrom: "./types.ts" }), ...body];
}

function method(operation: Operation, client: string, printer: TypePrinter): OptionalKind<MethodDeclarationStructure> {
  const { typeName, optional } = paramsShape(operation);
  return {
    name: operation.name,
    docs: docsOf(operationDocLines(operation)),
    parameters: [
      ...(typeName ? [{ name: "params", type: typeName, hasQuestionToken: optional }] : []),
      { name: "options", type: "RequestOptions", hasQuestionToken: true },
    ],
    returnType: `ApiPromise<${successType(operation, printer)}>`,
    statements: [`return operations.${operation.name}(${[client, ...(typeName ? ["params"] : []), "options"].join(", ")});`],
  };
}

function defaultsLiteral(model: ApiModel, settings: ClientSettings): string {
  const entries: string[] = [];
  const baseUrl = settings.baseUrl ?? model.servers[0];
  if (baseUrl !== undefined) entries.push(`baseUrl: ${stringLiteral(baseUrl)}`);
  if (settings.apiKeyEnv && model.auth) entries.push(`apiKeyEnv: ${stringLiteral(settings.apiKeyEnv)}`);
  const auth = model.auth;
  if (auth?.kind === "apiKey") {
    entries.push(`credential: { kind: "apiKey", in: ${stringLiteral(auth.in)}, name: ${stringLiteral(auth.name)} }`);
  } else if (auth?.kind === "bearer") {
    entries.push(`credential: { kind: "bearer" }`);
  }
  return `{ ${entries.join(", ")} }`;
}
