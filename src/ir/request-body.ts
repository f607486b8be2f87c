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
 * Reads a request body (already resolved from `$ref`). `paramNames` are the operation's own
 * parameter keys: a body whose property names collide with them travels under `body`.
 */
export function readRequestBody(
  raw: Record<string, unknown>,
  pointer: string,
  ctx: SchemaContext,
  resolve: SchemaResolver,
  paramNames: ReadonlySet<string>,
): RequestBody | undefined {
  const content = isRecord(raw.content) ? raw.content : {};
  const types = Object.keys(content);
  if (types.length === 0) return undefined;
  let chosen: { kind: RequestBodyKind; contentType: string } | undefined;
  for (const preference of PREFERENCE) {
    const contentType = types.find((t) => preference.matches(t.split(";")[0]!.trim().toLowerCase()));
    if (contentType) {
      chosen = { kind: preference.kind, contentType };
      break;
    }
  }
  const { kind, contentType } = chosen!;
  const media = isRecord(content[contentType]) ? (content[contentType] as Record<string, unknown>) : {};
  const mediaPointer = `${pointer}/content/${contentType.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  const schema: SchemaNode =
    kind === "binary" && media.schema === undefined
      ? { kind: "binary", meta: {} }
      : convertSchema(media.schema, `${mediaPointer}/schema`, ctx);
  const base = {
    contentType,
    required: raw.required === true,
    ...(typeof raw.description === "string" && raw.description.trim() ? { description: raw.description.trim() } : {}),
    schema: kind === "binary" && resolve(schema).kind !== "binary" ? ({ kind: "binary", meta: {} } as SchemaNode) : schema,
  };
  const properties = objectProperties(schema, resolve);
  const flattened =
    kind !== "binary" && kind !== "text" && properties !== undefined && !properties.some((p) => paramNames.has(p.name));

  if (kind === "multipart") {
    const encodings = readEncodings(media.encoding, `${mediaPointer}/encoding`, ctx);
    return { ...base, kind, flattened, fields: multipartFields(properties ?? [], encodings, resolve) };
  }
  return { ...base, kind, flattened };
}

/** One media type, parameters allowed; nothing that could end the part's header line. */
const MEDIA_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;[\t\x20-\x7e]*)?$/;

/**
 * The `encoding` map of a multipart body: field name → the Content-Type its part declares. A value
 * that is not one media type is ignored with a warning, since it would be sent as a header line.
 */
function readEncodings(raw: unknown, pointer: string, ctx: SchemaContext): Record<string, { contentType?: string }> {
  const encodings: Record<string, { contentType?: string }> = Object.create(null);
  if (!isRecord(raw)) return encodings;
  for (const [name, entry] of Object.entries(raw)) {
    const contentType = isRecord(entry) ? entry.contentType : undefined;
    if (contentType === undefined) continue;
    if (typeof contentType === "string" && MEDIA_TYPE.test(contentType)) encodings[name] = { contentType };
    else ctx.warnings.add(`${pointer}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}/contentType`, `${JSON.stringify(contentType)} is not a media type; the part is sent with its default encoding`);
  }
  return encodings;
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
