import type SwaggerParser from "@apidevtools/swagger-parser";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { InputError, Warnings, quote, toPointer } from "../diagnostics";
import { DEFAULT_FETCH_TIMEOUT, displayUrl, fetchSpec, isSpecUrl } from "./fetch-spec";
import { schemaProblems, validateDocument, type AjvError } from "./validate";
import { cutBelow, walkObjects } from "./walk";

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
  /**
   * The value an internal `$ref` ("#/a/b") points to, read by swagger-parser's `$refs` (a `$ref`
   * found there is followed in turn); undefined when it points to nothing or cannot be read.
   */
  resolveRef(ref: string): unknown;
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
  const { refs, depth } = checkTreeShape(document, fail);
  checkVersion(document, warnings, fail);
  normalizeFields(document, warnings);

  // swagger-parser takes it from here: its checks of the document as an API, then its $ref
  // resolution and bundling, and under --strict its validation.
  const { default: Parser } = await import("@apidevtools/swagger-parser");
  const parser = new Parser();
  const servers = remote ? relativeServers(document) : [];
  const declared = document.openapi as string;
  document.openapi = listedRelease(declared);
  try {
    await parser.parse(absolute, document as never, { resolve: resolve as never });
  } catch (error) {
    return fail("", firstLine((error as Error).message));
  }
  let bundled = document as OpenApiDocument;
  let sources = [absolute];
  const external = refs.some((r) => !r.ref.startsWith("#"));
  if (external) {
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
    bundled = parser.api as unknown as OpenApiDocument;
    sources = parser.$refs.paths("file");
  }
  if (remote) sources = sources.filter((source) => source !== absolute);
  // swagger-parser rewrites a server URL starting with "/" of a spec read from a URL to that URL's
  // host without its port; the IR resolves relative servers itself (port, "./" and "../" kept).
  for (const [server, serverUrl] of servers) server.url = serverUrl;
  // A spec names the same few hundred targets thousands of times: each is resolved once.
  const resolved = new Map<string, unknown>();
  const resolveRef = (ref: string): unknown => {
    if (!ref.startsWith("#")) return undefined;
    if (resolved.has(ref)) return resolved.get(ref);
    let value: unknown;
    try {
      value = parser.$refs.get(ref);
    } catch {
      value = undefined;
    }
    resolved.set(ref, value);
    return value;
  };
  // Bundling rewrites the document in place, so then its references are collected again.
  for (const { ref, pointer } of external ? collectRefs(bundled) : refs) {
    if (!ref.startsWith("#")) fail(pointer, `$ref ${quote(ref)} cannot be resolved`);
    if (resolveRef(ref) === undefined) fail(pointer, `$ref ${quote(ref)} points to nothing in the document`);
  }
  bundled.openapi = declared;
  // The validators recurse once per level; a 3.0 document overflows their stack some 500 levels down.
  const { copy: checkable, cut } = depth >= MAX_VALIDATED_DEPTH || external ? cutBelow(bundled, MAX_VALIDATED_DEPTH) : { copy: bundled, cut: [] };
  if (cut.length) {
    const more = cut.length > 1 ? ` (and ${cut.length - 1} more places)` : "";
    warnings.add(cut[0]!, `nested more than ${MAX_VALIDATED_DEPTH} levels deep below this point${more}; not validated there`);
  }
  if (options.strict) await strictVerdict(Parser, checkable === bundled ? structuredClone(bundled) : (checkable as OpenApiDocument), file);
  else validateDocument(checkable as OpenApiDocument, warnings);

  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { document: bundled, file, ...(url ? { url } : {}), sha256, sources, warnings, resolveRef };
}

/** How many nodes YAML aliases may add to the document once it is read as a tree. */
export const MAX_ALIAS_EXPANSION = 1_000_000;

/** Nesting of objects and arrays in the document (a schema 1,000 levels deep is about 2,000). */
export const MAX_DOCUMENT_DEPTH = 3_000;

/** How deep the document is validated; deeper objects read as `{}` there, with a warning. */
export const MAX_VALIDATED_DEPTH = 256;

/**
 * Everything after the loader reads the document as a tree. A YAML alias (`*name`) repeats a node
 * without copying it: a few lines can stand for billions of nodes, or for an infinite document
 * when an alias sits inside its own anchor. Those are refused here (a JSON document, which has no
 * aliases, is never too large), and so is nesting past MAX_DOCUMENT_DEPTH. The same single walk,
 * without recursion, collects every `$ref` with its location and finds how deep the document goes.
 */
function checkTreeShape(document: object, fail: (p: string, m: string) => never): { refs: FoundRef[]; depth: number } {
  const refs: FoundRef[] = [];
  let depth = 0;
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const path: string[] = [];
  const frames: { node: object; entries: [string, unknown][]; next: number; total: number }[] = [];
  // Nodes the document holds once each (every distinct object and its own scalars), against the
  // nodes of the tree they stand for: only YAML aliases make the second larger.
  let stored = 0;
  const enter = (node: object): void => {
    stored++;
    if (open.has(node)) fail(toPointer(path), "a YAML alias repeats a node inside that node itself, so the document never ends");
    if (path.length > MAX_DOCUMENT_DEPTH) {
      fail(toPointer(path.slice(0, 3)), `nested more than ${MAX_DOCUMENT_DEPTH.toLocaleString("en")} levels deep below this point`);
    }
    open.add(node);
    depth = Math.max(depth, path.length);
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string") refs.push({ ref, pointer: toPointer(path) });
    frames.push({ node, entries: Object.entries(node), next: 0, total: 1 });
  };
  enter(document);
  while (frames.length) {
    const frame = frames[frames.length - 1]!;
    if (frame.next < frame.entries.length) {
      const [key, value] = frame.entries[frame.next++]!;
      const scalar = value === null || typeof value !== "object";
      if (scalar) stored++;
      const known = scalar ? 1 : sizes.get(value);
      if (known !== undefined) frame.total += known;
      else {
        path.push(key);
        enter(value as object);
      }
      continue;
    }
    frames.pop();
    open.delete(frame.node);
    sizes.set(frame.node, frame.total);
    if (frames.length) {
      frames[frames.length - 1]!.total += frame.total;
      path.pop();
    }
  }
  if (sizes.get(document)! - stored > MAX_ALIAS_EXPANSION) {
    fail("", `YAML aliases repeat parts of the document to more than ${MAX_ALIAS_EXPANSION.toLocaleString("en")} nodes; name a repeated schema once under components and $ref it`);
  }
  return { refs, depth };
}

/**
 * Fields swagger-parser refuses outright, made usable with a warning each: a number or boolean
 * as `info.version` (or `info.title`, read as the same text), no `paths`.
 */
function normalizeFields(document: Record<string, unknown>, warnings: Warnings): void {
  const fields = document.info;
  if (isObject(fields)) {
    for (const key of ["title", "version"]) {
      const value = fields[key];
      // Any other type is left to the validator's warning; later stages read only strings.
      if (typeof value !== "number" && typeof value !== "boolean") continue;
      fields[key] = String(value);
      warnings.add(`/info/${key}`, `must be a string; read as "${fields[key]}"`);
    }
  }
  if (document.paths === undefined && document.webhooks === undefined) {
    // 3.1 asks for one of paths, components and webhooks; 3.0 for paths.
    if (String(document.openapi).startsWith("3.0")) warnings.add("", "there is no `paths` object; read as one without operations");
    else if (document.components === undefined) warnings.add("", "there is none of `paths`, `components` and `webhooks`; read as a document without operations");
    document.paths = {};
  }
}

/**
 * `--strict`: swagger-parser's `validate()` (the official OpenAPI schema, and its spec rules) on a
 * copy of the bundled document (it dereferences what it validates); every problem it names is an
 * error with its JSON pointer.
 */
async function strictVerdict(Parser: typeof SwaggerParser, document: OpenApiDocument, file: string): Promise<void> {
  document.openapi = listedRelease(document.openapi);
  try {
    await Parser.validate(document as never, { resolve: { external: false }, dereference: { circular: "ignore" } });
  } catch (error) {
    const details = (error as { details?: AjvError[] }).details;
    const problems = details ? [...schemaProblems(details)] : [["", firstLine((error as Error).message)] as const];
    const [first, ...rest] = problems.map(([pointer, message]) => ({ file, pointer, message }));
    throw new InputError(first!, ...rest);
  }
}

/** Every Server object whose `url` starts with "/", with that URL: at the top, on path items and on operations. */
function relativeServers(document: Record<string, unknown>): [Record<string, unknown>, string][] {
  const lists: unknown[] = [document.servers];
  for (const group of [document.paths, document.webhooks]) {
    for (const item of Object.values(isObject(group) ? group : {})) {
      if (!isObject(item)) continue;
      lists.push(item.servers);
      for (const operation of Object.values(item)) if (isObject(operation)) lists.push(operation.servers);
    }
  }
  return lists.flatMap((list) =>
    (Array.isArray(list) ? list : []).flatMap((server: unknown) =>
      isObject(server) && typeof server.url === "string" && server.url.startsWith("/") ? [[server, server.url] as [Record<string, unknown>, string]] : [],
    ),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The version swagger-parser is shown: it refuses patch releases newer than the ones it lists
 * (3.1.3), though every 3.0.x, and every 3.1.x, reads alike. The document gets its own back.
 */
function listedRelease(version: string): string {
  return `${version.slice(0, 3)}.0`;
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
    fail("/openapi", `unsupported OpenAPI version ${quote(version)}; expected 3.0.x or 3.1.x`);
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

function displayPath(specPath: string): string {
  const relative = path.relative(process.cwd(), path.resolve(specPath));
  return (relative === "" ? specPath : relative).split(path.sep).join("/");
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}
