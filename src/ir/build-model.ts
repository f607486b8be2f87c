import { InputError, quote, toPointer } from "../diagnostics";
import type { LoadedSpec } from "../load/load-spec";
import { describer } from "./descriptions";
import { isAuthParameter, operationSecurity, readAuthSchemes } from "./auth";
import { breakCompositionCycles, shortenAliasChains } from "./references";
import { linkReplacements, readDeprecation } from "./deprecation";
import { enumMembers, nameInlineEnums } from "./enums";
import { CLIENT_MEMBERS, NameRegistry, camelCase, operationMethodName, pascalCase, resourceMemberName, resourceName, typeIdentifier, typeName } from "./naming";
import { collectParameters, readParameter } from "./parameters";
import { objectProperties, readRequestBodies } from "./request-body";
import { readResponses } from "./responses";
import { convertSchema, isRecord, type SchemaContext } from "./schema";
import type { ApiModel, Parameter, ErrorBody, HttpMethod, NamedSchema, Operation, RequestBody, RequestBodyKind, SchemaNode, Server, ServerVariable } from "./types";
import { markUsage } from "./usage";
import { findImageLinks } from "./image-links";

export interface ModelOptions {
  /** Tag → resource property name. */
  resources?: Record<string, string>;
  /** operationId → method name. */
  operations?: Record<string, string>;
  /** operationId → the one request body kind its client sends, of several the spec offers. */
  bodies?: Record<string, RequestBodyKind>;
  /** Schema name in `components/schemas` → the TypeScript name to give it instead of the derived one. */
  types?: Record<string, string>;
  /** The site the spec's relative links are relative to; without it they become plain text. */
  docsUrl?: string | undefined;
  /** Names the emitted code defines itself; schemas and params types avoid them. */
  reservedTypeNames?: Iterable<string>;
}

const METHODS: HttpMethod[] = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];

export function buildModel(spec: LoadedSpec, options: ModelOptions = {}): ApiModel {
  const document = spec.document as Record<string, unknown>;
  const warnings = spec.warnings;
  const components = isRecord(document.components) ? document.components : {};
  const rawSchemas = isRecord(components.schemas) ? components.schemas : {};

  const typeNames = new NameRegistry(options.reservedTypeNames);
  const chosenNames = claimChosenTypeNames(options.types ?? {}, rawSchemas, typeNames);
  const namedRefs = new Map<string, string>();
  const declared = Object.keys(rawSchemas).map((sourceName) => {
    const name = chosenNames.get(sourceName) ?? typeNames.claim(typeName(sourceName));
    const ref = "#" + toPointer(["components", "schemas", sourceName]);
    namedRefs.set(ref, name);
    return { sourceName, name, ref };
  });
  // A `$ref` written otherwise (percent-encoded, or through another `$ref`) is followed, and names
  // the schema it lands on.
  const namedSchemas = new Map<object, string>();
  for (const { sourceName, name } of declared) {
    const raw = rawSchemas[sourceName];
    if (raw !== null && typeof raw === "object" && !namedSchemas.has(raw)) namedSchemas.set(raw, name);
  }
  const ctx: SchemaContext = { resolveRef: spec.resolveRef, namedRefs, namedSchemas, warnings, describe: describer(options.docsUrl) };
  const schemas: NamedSchema[] = declared.map(({ sourceName, name, ref }) => {
    const schema = convertSchema(rawSchemas[sourceName], ref.slice(1), ctx);
    const members = enumMembers(schema);
    return { name, sourceName, schema, ...(members ? { enumMembers: members } : {}), usage: { request: false, response: false, upload: false } };
  });
  const byName = new Map(schemas.map((s) => [s.name, s]));
  breakCompositionCycles(schemas, byName, warnings);
  shortenAliasChains(schemas, byName, warnings);
  const resolve = (node: SchemaNode): SchemaNode => {
    const seen = new Set<string>();
    let current = node;
    while (current.kind === "ref" && !seen.has(current.name)) {
      seen.add(current.name);
      current = byName.get(current.name)?.schema ?? { kind: "unknown", meta: {} };
    }
    return current.kind === "ref" ? { kind: "unknown", meta: {} } : current;
  };

  const schemes = readAuthSchemes(document, warnings);
  const paths = isRecord(document.paths) ? document.paths : {};
  // Own keys only: a tag or operationId such as `constructor` must not find Object.prototype's member.
  const resourceOf = (tag: string) => (options.resources && Object.hasOwn(options.resources, tag) ? options.resources[tag]! : resourceName(tag));
  const taggedResources = Object.values(paths).flatMap((item) =>
    isRecord(item) ? METHODS.flatMap((m) => {
      const op = item[m.toLowerCase()];
      return isRecord(op) && Array.isArray(op.tags) && typeof op.tags[0] === "string" ? [resourceOf(op.tags[0])] : [];
    }) : [],
  );
  // Untagged operations become methods on the client beside the resources and ClientCore's own members;
  // tagged ones are methods of their resource class, where only `constructor` is taken.
  const clientMembers = new Set([...taggedResources, ...CLIENT_MEMBERS]);
  const functionNames = new NameRegistry(["constructor"]);
  // Functions, types and classes are exported side by side from index.ts, so no function takes a
  // type's name (in a script without case they are spelled alike) nor the runtime's (`toFile`).
  const functionAvoids = (untagged: boolean) => ({ has: (n: string) => typeNames.has(n) || (untagged && clientMembers.has(n)) });
  // Tags spelled differently can name one resource (`user-profile`, `userProfile`): their operations share it.
  const firstTagOf = new Map<string, string>();
  const noteTag = (tag: string, pointer: string) => {
    const property = resourceOf(tag);
    const first = firstTagOf.get(property);
    if (first === undefined) firstTagOf.set(property, tag);
    else if (first !== tag && !(options.resources && Object.hasOwn(options.resources, tag))) {
      warnings.add(pointer, `tag ${quote(tag)} names resource ${property}, as tag ${quote(first)} does; their operations share it`);
    }
  };
  const operations: Operation[] = [];
  // Each resource class's members, apart from the functions' names: `repos.get` beside `orgs.get`.
  const memberNames = new Map<string, NameRegistry>();
  const claimMember = (resource: string, candidate: string | undefined, name: string): string => {
    let members = memberNames.get(resource);
    if (!members) memberNames.set(resource, (members = new NameRegistry()));
    return candidate !== undefined && !members.has(candidate) ? members.claim(candidate) : members.claim(name);
  };
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isRecord(pathItem)) continue;
    const pathPointer = toPointer(["paths", path]);
    for (const method of METHODS) {
      const raw = pathItem[method.toLowerCase()];
      if (!isRecord(raw)) continue;
      const pointer = `${pathPointer}/${method.toLowerCase()}`;
      const rawParameters = collectParameters(pathItem.parameters, raw.parameters, pathPointer, pointer, spec.resolveRef);
      const parameters = rawParameters
        .filter(({ raw: p }) => ![...schemes.values()].some((scheme) => isAuthParameter(scheme, { name: String(p.name), in: String(p.in) })))
        .flatMap((p) => readParameter(p, ctx) ?? []);
      assignParameterKeys(parameters);
      const operationId = typeof raw.operationId === "string" && raw.operationId ? raw.operationId : undefined;
      const override = operationId && options.operations && Object.hasOwn(options.operations, operationId) ? options.operations[operationId] : undefined;
      const candidate = override ?? operationMethodName(operationId, method, path);
      const tag = Array.isArray(raw.tags) && typeof raw.tags[0] === "string" ? raw.tags[0] : undefined;
      if (tag !== undefined) noteTag(tag, `${pointer}/tags/0`);
      const name = functionNames.claim(candidate, functionAvoids(tag === undefined));
      const resource = tag === undefined ? undefined : resourceOf(tag);
      const memberName =
        resource === undefined ? name : claimMember(resource, override ?? resourceMemberName(operationId, [tag!, resource], method, path), name);
      if (name !== candidate && operationId) {
        const duplicate = operations.some((op) => op.operationId === operationId);
        const reason = duplicate ? `operationId ${quote(operationId)} is not unique` : `method name ${candidate} is taken`;
        warnings.add(`${pointer}/operationId`, `${reason}; this operation is ${name}`);
      }
      const rawBody = isRecord(raw.requestBody) && typeof raw.requestBody.$ref === "string"
        ? resolvedRecord(spec, raw.requestBody.$ref)
        : isRecord(raw.requestBody) ? raw.requestBody : undefined;
      const offered = rawBody
        ? readRequestBodies(rawBody, `${pointer}/requestBody`, ctx, resolve, new Set(parameters.map((p) => p.key)))
        : [];
      const bodies = pinBody(offered, operationId, options.bodies, spec.file, `${pointer}/requestBody`);
      if (bodies.some((body) => !body.flattened)) freeParameterKey(parameters, "body");
      const deprecation = readDeprecation(raw);
      const summary = ctx.describe(raw.summary);
      const description = ctx.describe(raw.description);
      const typeStem = typeNames.claim(typeIdentifier(`${pascalCase(name)}Params`), functionNames).replace(/Params$/, "");
      if (bodies.length > 1) {
        for (const body of bodies) body.paramsTypeName = typeNames.claim(`${typeStem}${BODY_LABELS[body.kind]}Params`, functionNames);
      }
      operations.push({
        operationId: operationId ?? `${method} ${path}`,
        name,
        memberName,
        resource,
        typeStem,
        method,
        path,
        ...(summary ? { summary } : {}),
        ...(description ? { description } : {}),
        ...(deprecation ? { deprecation } : {}),
        parameters,
        bodies,
        paramsRequired: parameters.some((p) => p.required) || (bodies.length > 0 && bodies.every((body) => bodyRequiresValues(body, resolve))),
        responses: readResponses(raw.responses, `${pointer}/responses`, ctx),
        security: operationSecurity(schemes, raw, document, rawParameters.map(({ raw: p }) => ({ name: String(p.name), in: String(p.in) })), pointer, warnings),
      });
    }
  }
  for (const pinned of Object.keys(options.bodies ?? {})) {
    if (!operations.some((op) => op.operationId === pinned)) {
      throw new InputError({ file: spec.file, pointer: "/paths", message: `the configuration's \`bodies\` names operationId ${quote(pinned)}, which no operation has` });
    }
  }
  linkReplacements(operations);
  const resources = [...new Set(operations.flatMap((op) => op.resource ?? []))].map((property) => ({
    property,
    className: typeNames.claim(typeIdentifier(`${pascalCase(property)}Resource`), functionNames),
  }));
  nameInlineEnums(operations, schemas, byName, (candidate) => typeNames.claim(candidate, functionNames));
  markUsage(operations, byName);
  relaxSharedAccessModes(schemas, warnings);

  const info = isRecord(document.info) ? document.info : {};
  return {
    title: typeof info.title === "string" ? info.title : "API",
    version: typeof info.version === "string" ? info.version : "",
    servers: readServers(document, spec.url, warnings),
    auth: [...schemes.values()].filter((scheme) => operations.some((op) => op.security.some((r) => r.includes(scheme.schemeName)))),
    schemas,
    operations,
    resources,
    errorBodies: collectErrorBodies(operations),
    imageLinks: findImageLinks(operations, byName),
  };
}

/** The type name suffix of each body kind's params type, when an operation accepts several. */
const BODY_LABELS: Record<RequestBodyKind, string> = { json: "Json", multipart: "Multipart", form: "Form", text: "Text", binary: "Binary" };

/** The bodies the client may send: all the spec offers, or the one the configuration pins. */
function pinBody(
  offered: RequestBody[],
  operationId: string | undefined,
  pins: Record<string, RequestBodyKind> | undefined,
  file: string,
  pointer: string,
): RequestBody[] {
  const kind = operationId !== undefined && pins && Object.hasOwn(pins, operationId) ? pins[operationId] : undefined;
  if (kind === undefined) return offered;
  const pinned = offered.filter((body) => body.kind === kind);
  if (pinned.length) return pinned;
  const accepted = offered.map((body) => body.kind).join(", ") || "no request body";
  throw new InputError({
    file,
    pointer,
    message: `the configuration's \`bodies\` pins ${quote(kind)} for ${operationId}, which accepts ${accepted}`,
  });
}

/** Whether a call must give this body something: a required property when flattened, else the body itself. */
function bodyRequiresValues(body: RequestBody, resolve: (node: SchemaNode) => SchemaNode): boolean {
  if (!body.flattened) return body.required;
  return (body.kind === "multipart" ? body.fields : (objectProperties(body.schema, resolve) ?? [])).some((p) => p.required);
}

function resolvedRecord(spec: LoadedSpec, ref: string): Record<string, unknown> | undefined {
  const target = spec.resolveRef(ref);
  return isRecord(target) ? target : undefined;
}

/**
 * The document's servers. A relative URL (`''`, `/v1`) is resolved against the URL the spec was
 * read from, as OpenAPI says; a variable without a usable default is dropped from the list with a
 * warning, since no client could send to it without guessing.
 */
function readServers(document: Record<string, unknown>, specUrl: string | undefined, warnings: LoadedSpec["warnings"]): Server[] {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  return servers.flatMap((server, index): Server[] => {
    if (!isRecord(server) || typeof server.url !== "string") return [];
    const rawVariables = isRecord(server.variables) ? server.variables : {};
    const variables: ServerVariable[] = [];
    for (const name of new Set([...server.url.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!))) {
      const raw = rawVariables[name];
      const values = isRecord(raw) && Array.isArray(raw.enum) ? raw.enum.filter((v): v is string => typeof v === "string") : undefined;
      const fallback = isRecord(raw) && typeof raw.default === "string" ? raw.default : values?.[0];
      if (fallback === undefined) {
        warnings.add(toPointer(["servers", index, "variables", name]), `server variable {${name}} has no default; this server is left out`);
        return [];
      }
      const description = isRecord(raw) && typeof raw.description === "string" && raw.description.trim() ? raw.description.trim() : undefined;
      variables.push({ name, default: fallback, ...(values?.length ? { enum: values } : {}), ...(description ? { description } : {}) });
    }
    const url = resolveServerUrl(server.url, specUrl);
    return [{ url, absolute: /^https?:\/\//i.test(url), variables }];
  });
}

/** `url` against the spec's URL, keeping `{variable}`s as they are (the URL parser would encode them). */
function resolveServerUrl(url: string, specUrl: string | undefined): string {
  if (specUrl === undefined || /^[a-z][a-z\d+.-]*:/i.test(url)) return url;
  const names: string[] = [];
  const marked = url.replace(/\{([^{}]+)\}/g, (_whole, name: string) => `codegen-variable-${names.push(name) - 1}-`);
  const resolved = new URL(marked || ".", specUrl).href.replace(/\/+$/, "");
  return resolved.replace(/codegen-variable-(\d+)-/g, (_whole, i: string) => `{${names[Number(i)]}}`);
}

/** For each error status any operation declares, the union of its body schemas. */
function collectErrorBodies(operations: Operation[]): ErrorBody[] {
  const byStatus = new Map<number, SchemaNode[]>();
  for (const operation of operations) {
    for (const response of operation.responses) {
      const status = Number(response.status);
      if (!Number.isInteger(status) || status < 400) continue;
      const list = byStatus.get(status) ?? [];
      list.push(response.kind === "json" && response.schema ? response.schema : { kind: "unknown", meta: {} });
      byStatus.set(status, list);
    }
  }
  return [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, list]) => ({ status, schema: unionOf(list) }));
}

function unionOf(list: SchemaNode[]): SchemaNode {
  if (list.some((node) => node.kind === "unknown")) return { kind: "unknown", meta: {} };
  const unique = new Map<string, SchemaNode>();
  for (const node of list) unique.set(node.kind === "ref" ? `ref:${node.name}` : JSON.stringify(node), node);
  const variants = [...unique.values()];
  return variants.length === 1 ? variants[0]! : { kind: "union", variants, meta: {} };
}

/** Parameters sharing a wire name in different locations get location-prefixed keys (`queryFoo`). */
function assignParameterKeys(parameters: Parameter[]): void {
  const keys = new NameRegistry();
  const seen = new Set<string>();
  for (const parameter of parameters) {
    parameter.key = keys.claim(seen.has(parameter.name) ? camelCase(`${parameter.in} ${parameter.name}`) : parameter.name);
    seen.add(parameter.name);
  }
}

/** A body sent whole is the params' `body`: a parameter holding that key takes its location's prefix (`queryBody`). */
function freeParameterKey(parameters: Parameter[], key: string): void {
  const holder = parameters.find((p) => p.key === key);
  if (!holder) return;
  holder.key = new NameRegistry([key, ...parameters.map((p) => p.key)]).claim(camelCase(`${holder.in} ${holder.name}`));
}

/**
 * One declaration serves both sides when a schema is used by requests and responses: its required
 * read-only (or write-only) properties become optional there, a sound widening, with a warning.
 */
function relaxSharedAccessModes(schemas: NamedSchema[], warnings: LoadedSpec["warnings"]): void {
  for (const named of schemas) {
    if (!named.usage.request || !named.usage.response || named.schema.kind !== "object") continue;
    for (const property of named.schema.properties) {
      if (!property.required || !(property.schema.meta.readOnly || property.schema.meta.writeOnly)) continue;
      property.required = false;
      warnings.add(
        toPointer(["components", "schemas", named.sourceName, "properties", property.name]),
        "a required read-only or write-only property of a schema used by requests and responses is optional in its type",
      );
    }
  }
}

/**
 * The configuration's `types`, claimed before any derived name so that they win: each must name a
 * schema of the spec, and be a type name no other type has.
 */
function claimChosenTypeNames(chosen: Record<string, string>, rawSchemas: Record<string, unknown>, typeNames: NameRegistry): Map<string, string> {
  const claimed = new Map<string, string>();
  for (const [sourceName, wanted] of Object.entries(chosen)) {
    const fail = (message: string): never => {
      throw new InputError({ file: "configuration", pointer: toPointer(["types", sourceName]), message });
    };
    if (!Object.hasOwn(rawSchemas, sourceName)) fail(`the spec has no schema ${quote(sourceName)} in components/schemas`);
    if (typeName(wanted) !== wanted) fail(`${quote(wanted)} is not a PascalCase type name the client can declare`);
    if (typeNames.has(wanted)) fail(`${quote(wanted)} is taken: the generated code or another entry of \`types\` uses it`);
    claimed.set(sourceName, typeNames.claim(wanted));
  }
  return claimed;
}
