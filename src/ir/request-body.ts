import { toPointer } from "../diagnostics";
import { readEncodings } from "./encoding";
import { convertSchema, isRecord, type SchemaContext } from "./schema";
import { multipartFields, type SchemaResolver } from "./multipart";
import type { Property, RequestBody, RequestBodyKind, SchemaNode } from "./types";

/** Media types in the order the client prefers to send them. */
const PREFERENCE: { kind: RequestBodyKind; matches: (type: string) => boolean }[] = [
  { kind: "json", matches: (t) => t === "application/json" || /^application\/[^;]*\+json$/.test(t) },
  { kind: "multipart", matches: (t) => t === "multipart/form-data" },
  { kind: "form", matches: (t) => t === "application/x-www-form-urlencoded" },
  { kind: "text", matches: (t) => t.startsWith("text/") },
  { kind: "binary", matches: () => true },
];

/**
 * Reads a request body (already resolved from `$ref`): one `RequestBody` per kind of content it
 * offers, in PREFERENCE order; of several media types of one kind (`image/png`, `image/jpeg`) the
 * first in the spec stands for all. `paramNames` are the operation's own parameter keys: a body
 * whose property names collide with them travels under `body`.
 */
export function readRequestBodies(
  raw: Record<string, unknown>,
  pointer: string,
  ctx: SchemaContext,
  resolve: SchemaResolver,
  paramNames: ReadonlySet<string>,
): RequestBody[] {
  const content = isRecord(raw.content) ? raw.content : {};
  const types = Object.keys(content);
  const claimed = new Set<string>();
  return PREFERENCE.flatMap(({ kind, matches }) => {
    const contentType = types.find((t) => !claimed.has(t) && matches(t.split(";")[0]!.trim().toLowerCase()));
    if (contentType === undefined) return [];
    claimed.add(contentType);
    const media = isRecord(content[contentType]) ? (content[contentType] as Record<string, unknown>) : {};
    return [readBody(raw, kind, contentType, media, pointer + toPointer(["content", contentType]), ctx, resolve, paramNames)];
  });
}

function readBody(
  raw: Record<string, unknown>,
  kind: RequestBodyKind,
  contentType: string,
  media: Record<string, unknown>,
  mediaPointer: string,
  ctx: SchemaContext,
  resolve: SchemaResolver,
  paramNames: ReadonlySet<string>,
): RequestBody {
  const schema: SchemaNode =
    kind === "binary" && media.schema === undefined
      ? { kind: "binary", meta: {} }
      : convertSchema(media.schema, `${mediaPointer}/schema`, ctx);
  const base = {
    contentType,
    required: raw.required === true,
    ...(ctx.describe(raw.description) ? { description: ctx.describe(raw.description)! } : {}),
    schema: kind === "binary" && resolve(schema).kind !== "binary" ? ({ kind: "binary", meta: {} } as SchemaNode) : schema,
  };
  const properties = objectProperties(schema, resolve);
  const flattened =
    kind !== "binary" && kind !== "text" && properties !== undefined && !properties.some((p) => paramNames.has(p.name));

  const keys = flattened ? properties.map((p) => p.name) : ["body"];
  if (kind === "multipart") {
    const encodings = readEncodings(media.encoding, `${mediaPointer}/encoding`, ctx);
    return { ...base, kind, keys, flattened, fields: multipartFields(properties ?? [], encodings, resolve) };
  }
  return { ...base, kind, keys, flattened };
}

/**
 * The properties of an object-shaped body (an object, a reference to one, or an allOf of
 * them), or undefined when the body is not a plain object (index signatures, unions, arrays).
 */
export function objectProperties(node: SchemaNode, resolve: SchemaResolver): Property[] | undefined {
  const schema = resolve(node);
  if (schema.kind === "object") return schema.additional ? undefined : schema.properties;
  if (schema.kind === "intersection") {
    const parts = schema.parts.map((part) => objectProperties(part, resolve));
    if (parts.some((p) => p === undefined)) return undefined;
    return parts.flatMap((p) => p!);
  }
  return undefined;
}
