import { splitWords } from "./naming";
import type { ImageLinkField, ImageLinks, NamedSchema, Operation, SchemaNode } from "./types";

/** How deep into a result a link is looked for: results nest their images a level or two down. */
const MAX_DEPTH = 8;

/**
 * The fields of the API's results that link to an image it made (links that expire, so the client
 * offers to download them): a string property holding a URL (`format: uri`/`url`, or a name ending
 * in `url`) whose name or description, or its object's name or description, speaks of an image. Found in every 2xx JSON
 * response, through references, arrays and compositions; undefined when no result has one.
 */
export function findImageLinks(operations: readonly Operation[], schemas: ReadonlyMap<string, NamedSchema>): ImageLinks | undefined {
  const fields = new Map<string, ImageLinkField>();
  const results: SchemaNode[] = [];
  const resultKeys = new Set<string>();
  const imageOperations: string[] = [];
  for (const operation of operations) {
    const success = operation.responses.filter((response) => /^2/.test(response.status));
    let linked = 0;
    for (const response of success) {
      if (response.kind !== "json" || !response.schema) continue;
      const found = linksIn(response.schema, schemas);
      if (found.length === 0) continue;
      linked++;
      for (const field of found) fields.set(JSON.stringify(field.path), fields.get(JSON.stringify(field.path)) ?? field);
      const key = response.schema.kind === "ref" ? response.schema.name : JSON.stringify(response.schema);
      if (!resultKeys.has(key)) {
        resultKeys.add(key);
        results.push(response.schema);
      }
    }
    if (linked > 0 && linked === success.length) imageOperations.push(operation.name);
  }
  return fields.size ? { fields: [...fields.values()], results, operations: imageOperations } : undefined;
}

function linksIn(root: SchemaNode, schemas: ReadonlyMap<string, NamedSchema>): ImageLinkField[] {
  const found: ImageLinkField[] = [];
  const walk = (node: SchemaNode, path: (string | null)[], context: string[], seen: ReadonlySet<string>): void => {
    if (path.length > MAX_DEPTH) return;
    if (node.kind === "ref") {
      const named = schemas.get(node.name);
      if (named && !seen.has(node.name)) walk(named.schema, path, [named.sourceName], new Set([...seen, node.name]));
      return;
    }
    if (node.kind === "array") walk(node.items, [...path, null], context, seen);
    else if (node.kind === "union") for (const variant of node.variants) walk(variant, path, context, seen);
    else if (node.kind === "intersection") for (const part of node.parts) walk(part, path, context, seen);
    else if (node.kind === "object") {
      for (const property of node.properties) {
        const value = resolve(property.schema, schemas);
        const words = [property.name, property.schema.meta.description ?? "", value?.meta.description ?? "", node.meta.description ?? "", ...context];
        if (value?.kind === "string" && holdsUrl(property.name, value.format) && speaksOfImage(words)) {
          const flag = node.properties.find((p) => p !== property && resolve(p.schema, schemas)?.kind === "boolean" && isSafetyFlag(p.name));
          found.push({ path: [...path, property.name], ...(flag ? { safeFlag: flag.name } : {}) });
        } else {
          walk(property.schema, [...path, property.name], [property.name], seen);
        }
      }
    }
  };
  walk(root, [], [], new Set());
  return found;
}

/** The schema a node stands for, references followed (nullable `type: [string, null]` is a string with `nullable`). */
function resolve(node: SchemaNode, schemas: ReadonlyMap<string, NamedSchema>): SchemaNode | undefined {
  const seen = new Set<string>();
  let current: SchemaNode | undefined = node;
  while (current?.kind === "ref" && !seen.has(current.name)) {
    seen.add(current.name);
    current = schemas.get(current.name)?.schema;
  }
  if (current?.kind === "union") {
    const present = current.variants.filter((v) => v.kind !== "null");
    return present.length === 1 ? resolve(present[0]!, schemas) : current;
  }
  return current?.kind === "ref" ? undefined : current;
}

function holdsUrl(name: string, format: string | undefined): boolean {
  if (format === "uri" || format === "url") return true;
  return /url$/i.test(name) && splitWords(name).at(-1)?.toLowerCase() === "url";
}

function speaksOfImage(texts: readonly string[]): boolean {
  // Splitting a description into words is slow; most never mention an image at all.
  return texts.some((text) => /image/i.test(text) && splitWords(text).some((word) => /^images?$/i.test(word)));
}

/** `is_image_safe`, `safe`: true when the image passed the safety checks (`unsafe`, `nsfw` mean the opposite). */
function isSafetyFlag(name: string): boolean {
  return splitWords(name).some((word) => word.toLowerCase() === "safe");
}
