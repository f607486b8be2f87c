import type { MultipartEncoding, MultipartField, Property, SchemaNode } from "./types";

/** Follows references until a schema that says what the value is. */
export type SchemaResolver = (node: SchemaNode) => SchemaNode;

/**
 * Classifies each property of a multipart body by DESIGN.md §3: primitives and enums travel as
 * text, binaries as files, arrays of either repeat the field, objects as JSON text. An explicit
 * `encoding.<field>.contentType` overrides the default.
 */
export function multipartFields(
  properties: Property[],
  encodings: Record<string, { contentType?: string }>,
  resolve: SchemaResolver,
): MultipartField[] {
  return properties.map((property) => {
    const declared = encodings[property.name]?.contentType;
    const encoding = declared ? encodingFor(declared, property.schema, resolve) : classify(property.schema, resolve);
    return {
      name: property.name,
      required: property.required,
      encoding,
      ...(declared ? { contentType: declared } : {}),
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
      const kinds = new Set(schema.variants.map((v) => classify(v, resolve, within)));
      return kinds.size === 1 ? [...kinds][0]! : "json";
    }
    case "string":
    case "number":
    case "boolean":
    case "enum":
    case "null":
      return "text";
    case "unknown":
    case "object":
    case "intersection":
    case "ref":
      return "json";
  }
}

function encodingFor(contentType: string, node: SchemaNode, resolve: SchemaResolver): MultipartEncoding {
  const base = contentType.split(";")[0]!.trim().toLowerCase();
  const isArray = resolve(node).kind === "array";
  if (base === "application/json" || base.endsWith("+json")) return "json";
  if (base.startsWith("text/")) return isArray ? "texts" : "text";
  return isArray ? "files" : "file";
}
