import type { PartEncoding } from "./encoding";
import type { MultipartEncoding, MultipartField, Property, SchemaNode } from "./types";

/** Follows references until a schema that says what the value is. */
export type SchemaResolver = (node: SchemaNode) => SchemaNode;

/**
 * Classifies each property of a multipart body by DESIGN.md §3: primitives and enums travel as
 * text, binaries as files, arrays of either repeat the field, objects as JSON text, a schema that
 * says nothing by its value. An `encoding` entry overrides that: `contentType` (JSON, text or file
 * by the media type), `style`/`explode` for arrays and objects (which then ignore `contentType`, as
 * OpenAPI 3.1 says), and extra `headers`.
 */
export function multipartFields(properties: Property[], encodings: Record<string, PartEncoding>, resolve: SchemaResolver): MultipartField[] {
  return properties.map((property) => {
    const declared = encodings[property.name] ?? {};
    const natural = classify(property.schema, resolve);
    const styled = (declared.style !== undefined || declared.explode !== undefined) && (natural === "texts" || natural === "json");
    const encoding: MultipartEncoding = styled
      ? "styled"
      : declared.contentType
        ? encodingFor(declared.contentType, property.schema, resolve)
        : natural;
    const style = declared.style ?? "form";
    return {
      name: property.name,
      required: property.required,
      encoding,
      ...(declared.contentType && !styled ? { contentType: declared.contentType } : {}),
      ...(declared.headers ? { headers: declared.headers } : {}),
      ...(styled ? { style: { style, explode: declared.explode ?? style === "form" } } : {}),
      schema: property.schema,
    };
  });
}

/** `inside`: the schemas being classified further up; a value that contains itself can only be JSON. */
function classify(node: SchemaNode, resolve: SchemaResolver, inside: ReadonlySet<SchemaNode> = new Set()): MultipartEncoding {
  const schema = resolve(node);
  if (inside.has(schema)) return "json";
  const within = new Set(inside).add(schema);
  switch (schema.kind) {
    case "binary":
      return "file";
    case "array": {
      const item = classify(schema.items, resolve, within);
      return item === "file" ? "files" : item === "text" ? "texts" : "json";
    }
    case "union": {
      // `null` only makes the field optional on the wire: an absent value sends no part.
      const present = schema.variants.filter((v) => resolve(v).kind !== "null");
      const kinds = new Set(present.map((v) => classify(v, resolve, within)));
      if (kinds.size === 1) return [...kinds][0]!;
      return kinds.size === 0 ? "text" : kinds.has("any") || [...kinds].every((k) => k === "text" || k === "file") ? "any" : "json";
    }
    case "string":
    case "number":
    case "boolean":
    case "enum":
    case "null":
      return "text";
    case "unknown":
      return "any";
    case "object":
    case "intersection":
    case "ref":
      return "json";
  }
}

/** The encoding a declared Content-Type (or list of them: the first decides) gives a property. */
function encodingFor(contentType: string, node: SchemaNode, resolve: SchemaResolver): MultipartEncoding {
  const base = contentType.split(/[;,]/)[0]!.trim().toLowerCase();
  const isArray = resolve(node).kind === "array";
  if (base === "application/json" || base.endsWith("+json")) return "json";
  if (base.startsWith("text/")) return isArray ? "texts" : "text";
  return isArray ? "files" : "file";
}
