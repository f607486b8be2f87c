import type { ApiModel, Operation, Server } from "../../ir/types";
import { docText, propertyKey, stringLiteral } from "../escape";
import {
  arrayLiteral,
  atom,
  classDeclaration,
  interfaceDeclaration,
  jsDoc,
  union,
  type TypeMember,
  expr,
  functionLike,
  importDeclaration,
  objectLiteral,
  assignment,
  typeArguments,
  type ClassMember,
  type Expr,
  type Statement,
} from "../print/typescript";
import { credentialDefaults, credentialEnv, credentialMembers, featuredScheme } from "./credentials";
import { docsOf, typeImports } from "./models-file";
import { runtimeValueImports, requestCall } from "./functions-file";
import { operationDocLines } from "./operation-docs";
import { exampleCalls } from "./readme-snippets";
import { paramsShape } from "./params-file";
import { downloadMethod } from "./downloads";
import { successType } from "./responses";
import { createTypePrinter, type TypePrinter } from "./type-expression";
import type { ModuleFiles } from "./module-files";

/** What the generated client fixes beyond the spec. */
export interface ClientSettings {
  /** The client class (`Ideogram`); `<name>Core` is the light client for standalone functions. */
  clientName: string;
  /** How the README names the API in a sentence (`the Ideogram API`); the spec's title otherwise. */
  apiName?: string;
  /** Environment variable the `apiKey` option defaults to. */
  apiKeyEnv?: string;
  /** Environment variable that sets the client's `logLevel` when the option does not. */
  logEnv?: string;
  /** `ideogram-codegen/<version>`, with which the client's User-Agent begins. */
  generator?: string;
  /** Credential option (`bearerToken`, `username`, …) → the environment variable it defaults to. */
  credentialEnv?: Record<string, string>;
  /** Overrides the spec's first server URL. */
  baseUrl?: string;
  /** How the generated files are named and import each other. */
  modules: ModuleFiles;
  /** `js`: the TypeScript printed here is compiled to ES modules with declarations before it is written. */
  emit: Emit;
}

export type Emit = "ts" | "js";

/** `client.ts`: the light core client, one class per resource, and the full client. */
export function clientFile(model: ApiModel, settings: ClientSettings): Statement[] {
  const printer = createTypePrinter(model.schemas);
  const examples = exampleCalls(model);
  const coreName = `${settings.clientName}Core`;
  const { modules } = settings;
  const statements = [
    importDeclaration(modules.specifier("./runtime/api-promise"), { names: ["ApiPromise"], typeOnly: true }),
    importDeclaration(modules.specifier("./runtime/client-core"), {
      names: ["ClientCore", "type ClientDefaults", "type ClientOptions", "type RequestOptions"],
    }),
  ];
  const paramsImports = model.operations.flatMap((op) => paramsShape(op).typeName ?? []);
  if (paramsImports.length) statements.push(importDeclaration(modules.specifier("./params"), { names: paramsImports, typeOnly: true }));
  statements.push(...runtimeValueImports(model.operations, modules));
  const download = downloadMethod(model, modules);
  statements.push(...download.imports);
  const options = optionsInterface(model, settings);
  const optionsType = options ? `${settings.clientName}Options` : "ClientOptions";
  // Without a server to default to, the options (and their baseUrl) are required.
  const optionsParameter = `options: ${optionsType}${defaultServer(model, settings) ? " = {}" : ""}`;
  const body: Statement[] = [
    ...(options ? [options] : []),
    { doc: ["const clientDefaults: ClientDefaults = ", defaultsLiteral(model, settings).doc, ";"], block: false },
    classDeclaration(
      docsOf([
        `The ${settings.clientName} client without resources, for the standalone functions: bundlers keep only the operations you import.`,
      ]),
      `export class ${coreName} extends ClientCore`,
      [{ doc: functionLike("", "constructor", [optionsParameter], "", ["super(options, clientDefaults);"]), property: false }],
    ),
  ];

  for (const resource of model.resources) {
    const operations = model.operations.filter((op) => op.resource === resource.property);
    body.push(
      classDeclaration("", `export class ${resource.className}`, [
        { doc: "readonly #client: ClientCore;", property: true },
        { doc: functionLike("", "constructor", ["client: ClientCore"], "", ["this.#client = client;"]), property: false },
        ...operations.map((op) => method(op, model, "this.#client", printer, examples)),
      ]),
    );
  }

  const overview = model.resources.map((r) => `\`${r.property}\``).join(", ");
  const docs = docsOf([
    `The ${settings.clientName} API client${overview ? `: operations grouped as ${overview}` : ""}.`,
    "",
    "@example",
    `const client = new ${settings.clientName}(${exampleCall(model, settings)}`,
  ]);
  body.push(
    classDeclaration(docs, `export class ${settings.clientName} extends ${coreName}`, [
      ...model.resources.map((r) => ({
        doc: assignment(`public readonly ${r.property}: ${r.className}`, `new ${r.className}(this)`),
        property: true,
      })),
      ...model.operations.filter((op) => op.resource === undefined).map((op) => method(op, model, "this", printer, examples)),
      ...download.members,
    ]),
  );
  return [...statements, ...typeImports(printer, modules, { schemasFrom: "./types" }), ...body];
}

/**
 * A resource or client method. It sends the request itself rather than calling the standalone
 * function: a browser bundle that uses the client then carries no second layer of functions.
 */
function method(operation: Operation, model: ApiModel, client: string, printer: TypePrinter, examples: ReadonlyMap<Operation, string>): ClassMember {
  const { typeName, optional } = paramsShape(operation);
  const parameters = [...(typeName ? [`params${optional ? "?" : ""}: ${typeName}`] : []), "options?: RequestOptions"];
  const result = typeArguments(successType(operation, printer));
  const request = requestCall(client, operation, model, result, typeName ? "params" : "{}");
  return { doc: functionLike(docsOf(operationDocLines(operation, examples.get(operation))), operation.memberName, parameters, [": ApiPromise", result], [["return ", request, ";"]]), property: false };
}

/** `new Client(…)` in the class's `@example`, from its `(`: no arguments where the environment supplies the credentials. */
function exampleCall(model: ApiModel, settings: ClientSettings): string {
  const scheme = featuredScheme(model);
  const keys = [...(defaultServer(model, settings) ? [] : ["baseUrl"]), ...(scheme?.options ?? [])];
  const envs = (scheme?.options ?? []).map((option) => credentialEnv(option, settings));
  if (scheme && envs.every(Boolean) && keys.length === scheme.options.length) return `); // reads ${envs.join(" and ")}`;
  return keys.length ? `{ ${keys.join(", ")} });` : ");";
}

/** Where the client sends by default: the configured `baseUrl`, else the spec's first absolute server. */
export function defaultServer(model: ApiModel, settings: Pick<ClientSettings, "baseUrl">): Server | undefined {
  if (settings.baseUrl) return { url: settings.baseUrl, absolute: true, variables: [] };
  return model.servers.find((server) => server.absolute);
}

/** Whether the client has an options interface of its own (`<Client>Options`). */
export function hasOptionsInterface(model: ApiModel, settings: ClientSettings): boolean {
  const server = defaultServer(model, settings);
  return model.auth.length > 0 || !server || server.variables.length > 0;
}

/**
 * `<Client>Options`, when the spec adds to the runtime's options: a `baseUrl` the client cannot do
 * without (no absolute server), and the server URL's variables with the values the spec allows.
 */
function optionsInterface(model: ApiModel, settings: ClientSettings): Statement | undefined {
  if (!hasOptionsInterface(model, settings)) return undefined;
  const server = defaultServer(model, settings);
  const members: TypeMember[] = credentialMembers(model, settings);
  if (!server) {
    const relative = model.servers[0] ? ` (it says \`${docText(model.servers[0].url)}\`)` : "";
    members.push({ docs: jsDoc([`Where requests go, e.g. \`https://api.example.com\`: the spec names no absolute server URL${relative}.`]), key: "baseUrl", type: atom("string") });
  }
  if (server?.variables.length) {
    const variables = server.variables.map((v) => ({
      docs: jsDoc([...(v.description ? [docText(v.description)] : []), `Default: \`${docText(v.default)}\`.`]),
      key: `${propertyKey(v.name)}?`,
      type: union([v.enum ? union(v.enum.map((value) => atom(stringLiteral(value)))) : atom("string"), atom("undefined")]),
    }));
    const docs = jsDoc([`Values for the variables of the server URL \`${docText(server.url)}\`.`]);
    members.push({ docs, key: "serverVariables?", type: union([{ kind: "object", members: variables }, atom("undefined")]) });
  }
  return interfaceDeclaration(docsOf([`Options of the ${settings.clientName} client.`]), `${settings.clientName}Options extends ClientOptions`, members);
}

function defaultsLiteral(model: ApiModel, settings: ClientSettings): Expr {
  const string = (value: string) => expr(stringLiteral(value));
  const entries: [string, Expr][] = [];
  const server = defaultServer(model, settings);
  if (server) entries.push(["baseUrl", string(server.url)]);
  if (server?.variables.length) {
    const variables = server.variables.map((v): [string, Expr] => [
      propertyKey(v.name),
      objectLiteral([["default", string(v.default)], ...(v.enum ? [["enum", arrayLiteral(v.enum.map(string))] as [string, Expr]] : [])]),
    ]);
    entries.push(["serverVariables", objectLiteral(variables)]);
  }
  entries.push(...credentialDefaults(model, settings));
  if (settings.logEnv) entries.push(["logEnv", string(settings.logEnv)]);
  entries.push(["logName", string(settings.clientName)]);
  if (settings.generator) entries.push(["generator", string(settings.generator)]);
  return objectLiteral(entries);
}
