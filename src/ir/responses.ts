import { convertSchema, isRecord, type SchemaContext } from "./schema";
import type { ResponseBodyKind, ResponseDef } from "./types";

function bodyKind(contentType: string): ResponseBodyKind {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type.endsWith("+json") || type === "*/*") return "json";
  if (type.startsWith("text/")) return "text";
  return "binary";
}

/** Responses in spec order; for each, the first JSON content (else text, else binary). */
export function readResponses(raw: unknown, pointer: string, ctx: SchemaContext): ResponseDef[] {
  if (!isRecord(raw)) return [];
  return Object.entries(raw).map(([status, value]) => {
    const responsePointer = `${pointer}/${status}`;
    const response = isRecord(value) && typeof value.$ref === "string" ? ctx.resolveRef(value.$ref) : value;
    if (!isRecord(response)) return { status, kind: "empty" };
    const description = ctx.describe(response.description);
    const content = isRecord(response.content) ? response.content : {};
    const types = Object.keys(content);
    const contentType =
      types.find((t) => bodyKind(t) === "json") ?? types.find((t) => bodyKind(t) === "text") ?? types[0];
    const base = { status, ...(description ? { description } : {}) };
    if (contentType === undefined) return { ...base, kind: "empty" };
    const kind = bodyKind(contentType);
    const media = isRecord(content[contentType]) ? (content[contentType] as Record<string, unknown>) : {};
    const escaped = contentType.replace(/~/g, "~0").replace(/\//g, "~1");
    const schema =
      kind === "json"
        ? convertSchema(media.schema, `${responsePointer}/content/${escaped}/schema`, ctx)
        : { kind: kind === "text" ? ("string" as const) : ("binary" as const), meta: {} };
    return { ...base, kind, contentType, schema };
  });
}
