import { splitWords } from "../../ir/naming";
import type { NamedSchema, Operation, Property, SchemaNode } from "../../ir/types";
import { propertyKey, stringLiteral, valueLiteral } from "../escape";
import { group } from "../print/doc";
import { arrayLiteral, expr, objectLiteral, type Expr } from "../print/typescript";
import { sideOf } from "./models-file";
import type { Side } from "./type-expression";

/**
 * Example values for the README, typed as the generated params are: the spec's own `example` or
 * `default` when it fits the schema, else a placeholder of the right type. Only required fields
 * are filled. A named schema is typed for the side `sideOf` gives it, so its value is built for
 * that side too. `undefined` means no finite value exists (a required property that recurses).
 */
export interface ExampleBuilder {
  /** A call's params argument (none when every param is optional); undefined when no value fits. */
  params(operation: Operation): ExampleParams | undefined;
}

export interface ExampleParams {
  value: Expr | undefined;
  /** The value reads a file with `fileFromPath` (from the Node entry). */
  usesFile: boolean;
}

type Entry = readonly [key: string, value: Expr];

/** Nesting beyond which no example is built (specs written by others nest arbitrarily deep). */
const MAX_DEPTH = 24;

/** Placeholders for string formats, as literals. */
const STRING_FORMATS: Record<string, string> = {
  // An expression rather than a fixed instant: a timestamp in generated text would look like the generation's own.
  "date-time": "new Date().toISOString()",
  date: '"2025-01-31"',
  email: '"user@example.com"',
  uri: '"https://example.com"',
  url: '"https://example.com"',
  uuid: '"00000000-0000-4000-8000-000000000000"',
  byte: '"aGVsbG8="',
};

export function createExampleBuilder(schemas: readonly NamedSchema[]): ExampleBuilder {
  const byName = new Map(schemas.map((s) => [s.name, s]));
  let usedFile = false;

  const file = (name: string): Expr => {
    usedFile = true;
    return expr(`await fileFromPath(${stringLiteral(`${name}.png`)})`);
  };

  let depth = 0;
  /** Runs one level deeper, or gives up past MAX_DEPTH (an example nobody would read anyway). */
  const deeper = <T>(fallback: T, run: () => T): T => {
    if (depth >= MAX_DEPTH) return fallback;
    depth++;
    try {
      return run();
    } finally {
      depth--;
    }
  };

  /** A value for `node`; `name` is the property it fills, for placeholders and file names. */
  const value = (node: SchemaNode, name: string, side: Side, path: ReadonlySet<string>): Expr | undefined =>
    deeper(undefined, () => valueOf(node, name, side, path));

  const valueOf = (node: SchemaNode, name: string, side: Side, path: ReadonlySet<string>): Expr | undefined => {
    for (const candidate of [node.meta.example, node.meta.default]) {
      if (candidate !== undefined && fits(candidate, node, side, path)) return literal(candidate);
    }
    switch (node.kind) {
      case "ref": {
        const target = byName.get(node.name);
        if (!target || path.has(node.name)) return undefined;
        return value(target.schema, name, sideOf(target), new Set(path).add(node.name));
      }
      case "string":
        return expr(STRING_FORMATS[node.format ?? ""] ?? stringLiteral(placeholder(name)));
      case "number":
        return expr("1");
      case "boolean":
        return expr("true");
      case "null":
        return expr("null");
      case "enum":
        return expr(valueLiteral(node.values[0]!));
      case "binary":
        return side === "upload" ? file(name) : expr(stringLiteral(placeholder(name)));
      case "array": {
        const item = value(node.items, name, side, path);
        return arrayLiteral(item ? [item] : []);
      }
      case "unknown":
        return expr("{}");
      case "object":
        return objectOf(node, side, path);
      case "intersection":
        // Objects merge their fields; scalars (`allOf` of two string schemas) take the most specific part.
        return objectOf(node, side, path) ?? value(mostSpecific(node.parts), name, side, path);
      case "union":
        for (const variant of node.variants) {
          const found = value(variant, name, side, path);
          if (found) return found;
        }
        return node.meta.nullable ? expr("null") : undefined;
    }
  };

  const objectOf = (node: SchemaNode, side: Side, path: ReadonlySet<string>): Expr | undefined => {
    const entries = objectEntries(node, side, path);
    return entries && objectLiteral(entries);
  };

  const objectEntries = (node: SchemaNode, side: Side, path: ReadonlySet<string>): Entry[] | undefined => {
    const fields = requiredFields(node, side, path);
    if (!fields) return undefined;
    const entries: Entry[] = [];
    for (const [key, typed] of fields) {
      // A key several parts of an intersection require must fit them all: an enum part narrows a string one.
      const chosen = typed.find((t) => resolve(t.node).kind === "enum") ?? typed[0]!;
      const found = value(chosen.node, key, chosen.side, chosen.path);
      if (!found) return undefined;
      entries.push([propertyKey(key), found]);
    }
    return entries;
  };

  interface Typed {
    node: SchemaNode;
    side: Side;
    path: ReadonlySet<string>;
  }

  /** The required fields of an object-like schema, each with every schema that types it (one per intersection part). */
  const requiredFields = (node: SchemaNode, side: Side, path: ReadonlySet<string>): Map<string, Typed[]> | undefined => {
    switch (node.kind) {
      case "ref": {
        const target = byName.get(node.name);
        if (!target || path.has(node.name)) return undefined;
        return requiredFields(target.schema, sideOf(target), new Set(path).add(node.name));
      }
      case "object":
        return new Map(node.properties.filter((p) => p.required && sent(p, side)).map((p) => [p.name, [{ node: p.schema, side, path }]]));
      case "intersection": {
        const merged = new Map<string, Typed[]>();
        for (const part of node.parts) {
          const fields = requiredFields(part, side, path);
          if (!fields) return undefined;
          for (const [key, typed] of fields) merged.set(key, [...(merged.get(key) ?? []), ...typed]);
        }
        return merged;
      }
      case "union":
        for (const variant of node.variants) {
          const fields = requiredFields(variant, side, path);
          if (fields) return fields;
        }
        return undefined;
      default:
        return node.kind === "unknown" ? new Map() : undefined;
    }
  };

  /** A named schema's own schema (one step; cycles are the callers' concern). */
  const resolve = (node: SchemaNode): SchemaNode => (node.kind === "ref" ? (byName.get(node.name)?.schema ?? node) : node);

  /** Of an intersection's parts, the one whose values fit the others best: an enum before a plain type. */
  const mostSpecific = (parts: readonly SchemaNode[]): SchemaNode => parts.find((p) => resolve(p).kind === "enum") ?? parts[0]!;

  /** Whether `candidate` (a spec value) is assignable to the type printed for `node`. */
  const fits = (candidate: unknown, node: SchemaNode, side: Side, path: ReadonlySet<string>): boolean =>
    deeper(false, () => fitsNode(candidate, node, side, path));

  const fitsNode = (candidate: unknown, node: SchemaNode, side: Side, path: ReadonlySet<string>): boolean => {
    if (candidate === null) return node.meta.nullable === true || node.kind === "null" || node.kind === "unknown";
    switch (node.kind) {
      case "ref": {
        const target = byName.get(node.name);
        return !!target && !path.has(node.name) && fits(candidate, target.schema, sideOf(target), new Set(path).add(node.name));
      }
      case "string":
        return typeof candidate === "string";
      case "number":
        return typeof candidate === "number" && Number.isFinite(candidate) && (!node.integer || Number.isInteger(candidate));
      case "boolean":
        return typeof candidate === "boolean";
      case "enum":
        return node.values.includes(candidate as never);
      case "binary":
        return side !== "upload" && typeof candidate === "string";
      case "array":
        return Array.isArray(candidate) && candidate.every((item) => fits(item, node.items, side, path));
      case "unknown":
        return true;
      case "union":
        return node.variants.some((variant) => fits(candidate, variant, side, path));
      case "intersection":
        return node.parts.every((part) => fits(candidate, part, side, path));
      case "object": {
        if (typeof candidate !== "object" || Array.isArray(candidate)) return false;
        const record = candidate as Record<string, unknown>;
        const known = new Map(node.properties.filter((p) => sent(p, side)).map((p) => [p.name, p]));
        return (
          [...known.values()].every((p) => !p.required || record[p.name] !== undefined) &&
          Object.entries(record).every(([key, field]) => {
            const property = known.get(key);
            if (property) return fits(field, property.schema, side, path);
            return node.additional !== undefined && fits(field, node.additional, side, path);
          })
        );
      }
      case "null":
        return false;
    }
  };

  const params = (operation: Operation): ExampleParams | undefined => {
    usedFile = false;
    const fields: Entry[] = [];
    for (const parameter of operation.parameters.filter((p) => p.required)) {
      const found = value(parameter.schema, parameter.name, "request", new Set());
      if (!found) return undefined;
      fields.push([propertyKey(parameter.key), found]);
    }
    // The first body the client would try is the one an example shows.
    const body = operation.bodies[0];
    if (body?.kind === "multipart" && body.flattened) {
      for (const field of body.fields.filter((f) => f.required)) {
        const side = field.encoding === "file" || field.encoding === "files" ? "upload" : "request";
        const found = value(field.schema, field.name, side, new Set());
        if (!found) return undefined;
        fields.push([propertyKey(field.name), found]);
      }
    } else if (body?.flattened) {
      const bodyFields = objectEntries(body.schema, "request", new Set());
      if (!bodyFields) return undefined;
      fields.push(...bodyFields);
    } else if (body?.required) {
      const found = body.kind === "binary" ? file("body") : value(body.schema, "body", "request", new Set());
      if (!found) return undefined;
      fields.push(["body", found]);
    }
    return { value: fields.length === 0 && !operation.paramsRequired ? undefined : objectLiteral(fields), usesFile: usedFile };
  };

  return { params };
}

/** Whether a request sends the property: read-only ones are the server's. */
function sent(property: Property, side: Side): boolean {
  return side === "response" || property.schema.meta.readOnly !== true;
}

function placeholder(name: string): string {
  const words = splitWords(name).map((w) => w.toLowerCase());
  return words.length ? `example ${words.join(" ")}` : "example";
}

/** A spec value (JSON) as a literal. */
function literal(value: unknown): Expr {
  if (Array.isArray(value)) {
    const array = arrayLiteral(value.map(literal));
    // prettier fills a broken array of numbers several to a line, a layout the printer does not model.
    const numbers = value.length > 1 && value.every((v) => typeof v === "number");
    return numbers ? { ...array, doc: group(array.doc, { unsure: true }) } : array;
  }
  if (value !== null && typeof value === "object") {
    return objectLiteral(Object.entries(value).map(([key, field]) => [propertyKey(key), literal(field)] as const));
  }
  return expr(valueLiteral(value as string | number | boolean | null));
}
