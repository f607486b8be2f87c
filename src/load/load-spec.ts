import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { InputError, Warnings, toPointer } from "../diagnostics";
import { DEFAULT_FETCH_TIMEOUT, displayUrl, fetchSpec, isSpecUrl } from "./fetch-spec";
import { validateDocument } from "./validate";
import { walkObjects } from "./walk";

export interface LoadOptions {
  /** Validation problems become errors instead of warnings. */
  strict?: boolean;
  /** Resolve http(s) `$ref`s; refused by default. */
  allowRemoteRefs?: boolean;
  /** How the file is named in messages; defaults to the path relative to the working directory. */
  displayName?: string;
  /** Milliseconds to wait for a spec read from a URL. Default 30 000. */
  fetchTimeout?: number;
}

/** An OpenAPI 3.x document with external `$ref`s bundled in; internal `$ref`s are left for the IR. */
export interface LoadedSpec {
  document: OpenApiDocument;
  file: string;
  /** Where the spec was read from, after redirects, when it came from a URL (relative server URLs resolve against it). */
  url?: string;
  /** sha256 of the spec file's bytes. */
  sha256: string;
  /** Absolute paths of the files read: the spec and any local file its `$ref`s reach. */
  sources: string[];
  warnings: Warnings;
}

/** The loader checks only what the IR relies on; everything else is read defensively. */
export interface OpenApiDocument {
  openapi: string;
  info?: { title?: unknown; version?: unknown };
  [key: string]: unknown;
}

export async function loadSpec(specPath: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const remote = isSpecUrl(specPath);
  const file = options.displayName ?? (remote ? displayUrl(specPath) : displayPath(specPath));
  const absolute = remote ? specPath : path.resolve(specPath);
  const warnings = new Warnings(file, options.strict);
  const fail = (pointer: string, message: string): never => {
    throw new InputError({ file, pointer, message: message.split(absolute).join(file) });
  };

  let bytes: Buffer;
  let url: string | undefined;
  if (remote) {
    ({ bytes, url } = await fetchSpec(specPath, options.fetchTimeout ?? DEFAULT_FETCH_TIMEOUT, (message) => fail("", message)));
  } else {
    try {
      bytes = await readFile(absolute);
    } catch (error) {
      return fail("", `cannot read the spec file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }

  const { $RefParser } = await import("@apidevtools/json-schema-ref-parser");
  // The document's own bytes, already read: a URL is fetched once, by fetchSpec, and hashed as read.
  const resolve = {
    document: { order: 0, canRead: (candidate: { url: string }) => candidate.url === absolute, read: () => bytes },
  };
  let parsed: unknown;
  try {
    parsed = await new $RefParser().parse(absolute, {
      parse: { json: { allowEmpty: false }, yaml: { allowEmpty: false } },
      resolve: resolve as never,
    });
  } catch (error) {
    return fail("", `not valid YAML or JSON: ${firstLine((error as Error).message)}`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return fail("", "not an OpenAPI document: the top level is not an object");
  }
  const document = parsed as Record<string, unknown>;
  const refs = checkTreeShape(document, fail);
  checkVersion(document, warnings, fail);

  let bundled = document as OpenApiDocument;
  let sources = [absolute];
  const external = refs.some((r) => !r.ref.startsWith("#"));
  if (external) {
    const parser = new $RefParser();
    try {
      await parser.bundle(absolute, document as never, {
        continueOnError: true,
        resolve: { ...resolve, external: true, http: options.allowRemoteRefs ? {} : false } as never,
      });
    } catch (error) {
      const first = (error as { errors?: { message: string; path?: (string | number)[] }[] }).errors?.[0];
      if (!first) return fail("", firstLine((error as Error).message));
      const pointer = first.path ? toPointer(first.path) : "";
      // With the flag, ref-parser still refuses private and loopback hosts (its guard against a spec reaching internal services).
      const remote = /https?:/.test(first.message);
      const hint = !remote ? "" : options.allowRemoteRefs ? " (remote $refs to private, link-local or loopback addresses are never followed)" : " (remote $refs need --allow-remote-refs)";
      return fail(pointer, `$ref cannot be resolved: ${firstLine(first.message)}${hint}`);
    }
    bundled = parser.schema as unknown as OpenApiDocument;
    sources = parser.$refs.paths("file");
  }
  if (remote) sources = sources.filter((source) => source !== absolute);
  // Bundling rewrites the document in place, so then its references are collected again.
  for (const { ref, pointer } of external ? collectRefs(bundled) : refs) {
    if (!ref.startsWith("#")) fail(pointer, `$ref ${JSON.stringify(ref)} cannot be resolved`);
    if (resolvePointer(bundled, ref) === undefined) fail(pointer, `$ref ${JSON.stringify(ref)} points to nothing in the document`);
  }
  validateDocument(bundled, warnings);

  return { document: bundled, file, ...(url ? { url } : {}), sha256: createHash("sha256").update(bytes).digest("hex"), sources, warnings };
}

/** How many nodes YAML aliases may add to the document once it is read as a tree. */
export const MAX_ALIAS_EXPANSION = 1_000_000;

/** Nesting of objects and arrays in the document (a schema 1,000 levels deep is about 2,000). */
export const MAX_DOCUMENT_DEPTH = 3_000;

/**
 * Everything after the loader walks the document as a tree, recursively. A YAML alias (`*name`)
 * repeats a node without copying it: a few lines can stand for billions of nodes, or for an
 * infinite document when an alias sits inside its own anchor. Those are refused here, and so is
 * nesting deep enough to overflow the stack of a recursive walk. The same single walk collects
 * every `$ref` with its location.
 */
function checkTreeShape(document: object, fail: (p: string, m: string) => never): FoundRef[] {
  const refs: FoundRef[] = [];
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const path: string[] = [];
  const size = (node: unknown): number => {
    if (node === null || typeof node !== "object") return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) fail(toPointer(path), "a YAML alias repeats a node inside that node itself, so the document never ends");
    if (path.length > MAX_DOCUMENT_DEPTH) {
      fail(toPointer(path.slice(0, 3)), `nested more than ${MAX_DOCUMENT_DEPTH.toLocaleString("en")} levels deep below this point`);
    }
    open.add(node);
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string") refs.push({ ref, pointer: toPointer(path) });
    let total = 1;
    for (const [key, value] of Object.entries(node)) {
      path.push(key);
      total += size(value);
      path.pop();
    }
    open.delete(node);
    sizes.set(node, total);
    return total;
  };
  const expanded = size(document);
  if (expanded - sizes.size > MAX_ALIAS_EXPANSION) {
    fail("", `YAML aliases repeat parts of the document to more than ${MAX_ALIAS_EXPANSION.toLocaleString("en")} nodes; name a repeated schema once under components and $ref it`);
  }
  return refs;
}

function checkVersion(document: Record<string, unknown>, warnings: Warnings, fail: (p: string, m: string) => never): void {
  if ("swagger" in document) {
    fail("/swagger", `Swagger ${String(document.swagger)} documents are not supported; convert it to OpenAPI 3.x first`);
  }
  const version = document.openapi;
  if (version === undefined) {
    const looksLikeOpenApi = ["paths", "components", "webhooks"].some((key) => typeof document[key] === "object");
    if (!looksLikeOpenApi) fail("", "not an OpenAPI document: there is no `openapi` field");
    warnings.add("", "there is no `openapi` field; read as OpenAPI 3.1.0");
    document.openapi = "3.1.0";
    return;
  }
  if (typeof version === "number" && version >= 3 && version < 4) {
    warnings.add("/openapi", `the version must be a string, e.g. "${version}.0"`);
    document.openapi = version === 3 ? "3.0.0" : `${version}.0`;
    return;
  }
  if (typeof version !== "string" || !/^3\.[01]\.\d+$/.test(version)) {
    fail("/openapi", `unsupported OpenAPI version ${JSON.stringify(version)}; expected 3.0.x or 3.1.x`);
  }
}

interface FoundRef {
  ref: string;
  /** JSON pointer of the object holding the `$ref`. */
  pointer: string;
}

/** Every `$ref` string in the bundled document with the JSON pointer of the object holding it. */
function collectRefs(document: unknown): FoundRef[] {
  const found: FoundRef[] = [];
  walkObjects(document, (node, pointer) => {
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string") found.push({ ref, pointer });
  });
  return found;
}

/** Resolves an internal `$ref` ("#/a/b") against the document; undefined when it points nowhere. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  const pointer = decodeURIComponent(ref.slice(1));
  if (pointer === "") return document;
  let node: unknown = document;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function displayPath(specPath: string): string {
  const relative = path.relative(process.cwd(), path.resolve(specPath));
  return (relative === "" ? specPath : relative).split(path.sep).join("/");
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}
