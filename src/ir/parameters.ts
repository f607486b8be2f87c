import { quote } from "../diagnostics";
import { convertSchema, isRecord, type SchemaContext } from "./schema";
import type { Parameter, ParameterLocation } from "./types";

const LOCATIONS = new Set<ParameterLocation>(["path", "query", "header", "cookie"]);
/** Headers that OpenAPI says are ignored as parameters: the transport sets them. */
const TRANSPORT_HEADERS = new Set(["accept", "content-type", "authorization"]);

export interface RawParameter {
  raw: Record<string, unknown>;
  pointer: string;
  /** The `components/parameters` entry it is a `$ref` to, when it is one. */
  component?: string;
}

const COMPONENT_PARAMETER = /^#\/components\/parameters\/([^/]+)$/;

/**
 * Path-level and operation-level parameters merged (the operation's win, by name and location),
 * with `$ref`s followed. Returns them in declaration order, path-level first.
 */
export function collectParameters(
  pathLevel: unknown,
  operationLevel: unknown,
  pathPointer: string,
  operationPointer: string,
  resolveRef: (ref: string) => unknown,
): RawParameter[] {
  const read = (list: unknown, pointer: string): RawParameter[] =>
    (Array.isArray(list) ? list : []).flatMap((entry, i) => {
      const ref = isRecord(entry) && typeof entry.$ref === "string" ? entry.$ref : undefined;
      const raw = ref === undefined ? entry : resolveRef(ref);
      const component = ref && COMPONENT_PARAMETER.exec(ref)?.[1]?.replace(/~1/g, "/").replace(/~0/g, "~");
      if (!isRecord(raw)) return [];
      return [{ raw, pointer: `${pointer}/parameters/${i}`, ...(component ? { component } : {}) }];
    });
  const merged = new Map<string, RawParameter>();
  for (const parameter of [...read(pathLevel, pathPointer), ...read(operationLevel, operationPointer)]) {
    merged.set(`${String(parameter.raw.in)}:${String(parameter.raw.name)}`, parameter);
  }
  return [...merged.values()];
}

export function readParameter({ raw, pointer, component }: RawParameter, ctx: SchemaContext): Parameter | undefined {
  const location = raw.in as ParameterLocation;
  if (typeof raw.name !== "string" || !LOCATIONS.has(location)) {
    ctx.warnings.add(pointer, "a parameter needs a name and one of in: path, query, header, cookie; ignored");
    return undefined;
  }
  if (location === "header" && TRANSPORT_HEADERS.has(raw.name.toLowerCase())) return undefined;
  if (location === "cookie") {
    ctx.warnings.add(pointer, `cookie parameter ${quote(raw.name)} is not supported (browsers forbid setting cookies); ignored`);
    return undefined;
  }
  let schemaSource = raw.schema;
  let schemaPointer = `${pointer}/schema`;
  if (schemaSource === undefined && isRecord(raw.content)) {
    const [mediaType, media] = Object.entries(raw.content)[0] ?? [];
    if (mediaType && isRecord(media)) {
      schemaSource = media.schema;
      schemaPointer = `${pointer}/content/${mediaType.replace(/~/g, "~0").replace(/\//g, "~1")}/schema`;
    }
  }
  const defaultStyle = location === "query" ? "form" : "simple";
  const style = (typeof raw.style === "string" ? raw.style : defaultStyle) as Parameter["style"];
  return {
    name: raw.name,
    key: raw.name,
    in: location,
    required: location === "path" || raw.required === true,
    schema: convertSchema(schemaSource, schemaPointer, ctx),
    ...(ctx.describe(raw.description) ? { description: ctx.describe(raw.description)! } : {}),
    ...(raw.deprecated === true ? { deprecated: true } : {}),
    style,
    explode: typeof raw.explode === "boolean" ? raw.explode : style === "form",
    ...(component ? { component } : {}),
  };
}
