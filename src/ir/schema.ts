import { quote, toPointer, type Warnings } from "../diagnostics";
import type { Constraints, EnumValue, Property, SchemaMeta, SchemaNode } from "./types";

export type RawSchema = Record<string, unknown>;

/** What schema conversion needs from the rest of the build: the loader's `$ref` resolution and the named schemas. */
export interface SchemaContext {
  resolveRef(ref: string): unknown;
  /** `#/components/schemas/X` → TypeScript name. */
  namedRefs: ReadonlyMap<string, string>;
  /** Each `components/schemas` entry's schema object → its TypeScript name (where a followed `$ref` lands on one). */
  namedSchemas: ReadonlyMap<object, string>;
  warnings: Warnings;
  /** A description as generated docs show it (see `describer`). */
  describe(raw: unknown): string | undefined;
}

const PRIMITIVE_TYPES = new Set(["string", "number", "integer", "boolean", "null", "object", "array"]);

/**
 * Inline schemas nested deeper than this are typed as unknown, with a warning: the conversion
 * recurses once per level, and tsc gives up comparing two copies of an inline type (a response
 * type in the client and in the function it calls, TS2321) some 50 levels down. Named schemas
 * restart the count (a `$ref` to one is a name).
 */
export const MAX_SCHEMA_DEPTH = 32;

/** Levels of `convertSchema` now on the stack; conversion is synchronous, so one counter serves. */
let depth = 0;

/**
 * Converts a schema object into a `SchemaNode`. `pointer` locates it for warnings. References to
 * `components/schemas` stay references; any other internal `$ref` is followed (a cycle through
 * such a reference degrades to `unknown` with a warning).
 */
export function convertSchema(raw: unknown, pointer: string, ctx: SchemaContext, following: string[] = []): SchemaNode {
  if (depth >= MAX_SCHEMA_DEPTH) {
    ctx.warnings.add(pointer, `nested more than ${MAX_SCHEMA_DEPTH} levels deep; typed as unknown`);
    return { kind: "unknown", meta: {} };
  }
  depth++;
  try {
    return convertSchemaObject(raw, pointer, ctx, following);
  } finally {
    depth--;
  }
}

function convertSchemaObject(raw: unknown, pointer: string, ctx: SchemaContext, following: string[]): SchemaNode {
  if (raw === true || raw === undefined) return { kind: "unknown", meta: {} };
  if (raw === false) return { kind: "unknown", meta: {} };
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    ctx.warnings.add(pointer, "a schema must be an object; treated as unknown");
    return { kind: "unknown", meta: {} };
  }
  const schema = raw as RawSchema;
  const meta = readMeta(schema, ctx);
  warnWidened(schema, pointer, ctx);

  if (typeof schema.$ref === "string") {
    const named = ctx.namedRefs.get(schema.$ref);
    if (named) return { kind: "ref", name: named, meta };
    if (following.includes(schema.$ref)) {
      ctx.warnings.add(pointer, `$ref ${schema.$ref} is circular outside components/schemas; typed as unknown`);
      return { kind: "unknown", meta };
    }
    const target = ctx.resolveRef(schema.$ref);
    const landed = target !== null && typeof target === "object" ? ctx.namedSchemas.get(target) : undefined;
    if (landed) return { kind: "ref", name: landed, meta };
    const node = convertSchema(target, schema.$ref.slice(1), ctx, [...following, schema.$ref]);
    return { ...node, meta: { ...node.meta, ...meta } } as SchemaNode;
  }

  const types = readTypes(schema, pointer, ctx);
  // 3.0's `nullable` also applies beside allOf/oneOf/anyOf (FastAPI writes `allOf: [$ref], nullable: true`).
  if (schema.nullable === true || (types.includes("null") && types.length > 1)) meta.nullable = true;
  const nonNull = types.filter((t) => t !== "null");

  const composed = convertComposition(schema, pointer, ctx, following, meta);
  if (composed) return composed;

  if ("const" in schema) {
    if (isLiteral(schema.const)) return { kind: "enum", values: [schema.const], meta };
    ctx.warnings.add(toPointerChild(pointer, "const"), "object, array and out-of-range number constants are not typed exactly; widened");
  } else if (Array.isArray(schema.enum)) {
    const values = (schema.enum as unknown[]).filter(isLiteral);
    if (values.includes(null)) meta.nullable = true;
    const nonNullValues = values.filter((v) => v !== null);
    if (nonNullValues.length === 0) return { kind: values.length ? "null" : "unknown", meta } as SchemaNode;
    if (values.length === (schema.enum as unknown[]).length) return { kind: "enum", values: nonNullValues, ...enumVarnames(schema), meta };
    ctx.warnings.add(toPointerChild(pointer, "enum"), "object, array and out-of-range number values are not typed exactly; widened");
  }

  if (nonNull.length > 1) {
    const variants = nonNull.map((type) => convertTyped(type, schema, pointer, ctx, following, {}));
    return { kind: "union", variants, meta };
  }
  // `type: "null"` alone (a oneOf branch in 3.1) is the null type, not an unknown one.
  return convertTyped(nonNull[0] ?? (types.includes("null") ? "null" : undefined), schema, pointer, ctx, following, meta);
}

/** `x-enum-varnames`, beside the values it names (a `null` value has none). */
function enumVarnames(schema: RawSchema): { varnames?: (string | undefined)[] } {
  const given = schema["x-enum-varnames"];
  if (!Array.isArray(given)) return {};
  const names = (schema.enum as unknown[]).flatMap((value, i) => (value === null ? [] : [typeof given[i] === "string" && given[i] ? (given[i] as string) : undefined]));
  return names.some((n) => n !== undefined) ? { varnames: names } : {};
}

function convertTyped(
  type: string | undefined,
  schema: RawSchema,
  pointer: string,
  ctx: SchemaContext,
  following: string[],
  meta: SchemaMeta,
): SchemaNode {
  switch (type ?? inferType(schema)) {
    case "string":
      return isBinary(schema)
        ? { kind: "binary", meta }
        : { kind: "string", ...(typeof schema.format === "string" ? { format: schema.format } : {}), meta };
    case "integer":
    case "number":
      return {
        kind: "number",
        integer: (type ?? inferType(schema)) === "integer",
        ...(typeof schema.format === "string" ? { format: schema.format } : {}),
        meta,
      };
    case "boolean":
      return { kind: "boolean", meta };
    case "null":
      return { kind: "null", meta };
    case "array":
      return { kind: "array", items: convertItems(schema, pointer, ctx, following), meta };
    case "object":
      return convertObject(schema, pointer, ctx, following, meta);
    default:
      return { kind: "unknown", meta };
  }
}

function convertItems(schema: RawSchema, pointer: string, ctx: SchemaContext, following: string[]): SchemaNode {
  if (Array.isArray(schema.prefixItems)) {
    const variants = (schema.prefixItems as unknown[]).map((item, i) =>
      convertSchema(item, `${pointer}/prefixItems/${i}`, ctx, following),
    );
    if (schema.items !== undefined && schema.items !== false) {
      variants.push(convertSchema(schema.items, `${pointer}/items`, ctx, following));
    }
    return variants.length === 1 ? variants[0]! : { kind: "union", variants, meta: {} };
  }
  return convertSchema(schema.items, `${pointer}/items`, ctx, following);
}

function convertObject(
  schema: RawSchema,
  pointer: string,
  ctx: SchemaContext,
  following: string[],
  meta: SchemaMeta,
): SchemaNode {
  const required = new Set(Array.isArray(schema.required) ? (schema.required as unknown[]).map(String) : []);
  const rawProperties = isRecord(schema.properties) ? schema.properties : {};
  const properties: Property[] = Object.entries(rawProperties).map(([name, value]) => ({
    name,
    required: required.has(name),
    schema: convertSchema(value, `${pointer}/properties/${escapeToken(name)}`, ctx, following),
  }));
  let additional: SchemaNode | undefined;
  const extra = schema.additionalProperties;
  if (extra === true || (isRecord(extra) && Object.keys(extra).length === 0)) additional = { kind: "unknown", meta: {} };
  else if (isRecord(extra)) additional = convertSchema(extra, `${pointer}/additionalProperties`, ctx, following);
  if (isRecord(schema.patternProperties) && Object.keys(schema.patternProperties).length > 0) {
    // TypeScript cannot key a type by a regular expression: every pattern widens to string keys.
    const patterns = Object.entries(schema.patternProperties).map(([key, value]) =>
      convertSchema(value, `${pointer}/patternProperties/${escapeToken(key)}`, ctx, following),
    );
    const variants = additional ? [additional, ...patterns] : patterns;
    additional = variants.length === 1 ? variants[0]! : { kind: "union", variants, meta: {} };
  }
  return { kind: "object", properties, additional, meta };
}

/** allOf / oneOf / anyOf, with any sibling object keywords folded in as one more part. */
function convertComposition(
  schema: RawSchema,
  pointer: string,
  ctx: SchemaContext,
  following: string[],
  meta: SchemaMeta,
): SchemaNode | undefined {
  const list = (key: "allOf" | "oneOf" | "anyOf"): SchemaNode[] | undefined => {
    const entries = schema[key];
    if (!Array.isArray(entries)) return undefined;
    // An empty list is not a schema JSON Schema allows; it says nothing about the value.
    if (entries.length === 0) {
      ctx.warnings.add(toPointerChild(pointer, key), `an empty ${key} holds no schema; ignored`);
      return undefined;
    }
    return entries.map((s, i) => convertSchema(s, `${pointer}/${key}/${i}`, ctx, following));
  };
  const allOf = list("allOf");
  const oneOf = list("oneOf") ?? list("anyOf");
  if (!allOf && !oneOf) return undefined;

  const parts: SchemaNode[] = [];
  if (allOf) parts.push(...allOf);
  if (oneOf) parts.push(oneOf.length === 1 ? oneOf[0]! : { kind: "union", variants: oneOf, meta: {} });
  if (isRecord(schema.properties) || schema.type === "object" || schema.additionalProperties !== undefined) {
    const own = convertObject(schema, pointer, ctx, following, {});
    if (own.kind === "object" && (own.properties.length > 0 || own.additional)) parts.push(own);
  }
  if (parts.length === 1) {
    const only = parts[0]!;
    return { ...only, meta: { ...only.meta, ...meta } } as SchemaNode;
  }
  return { kind: "intersection", parts, meta };
}

/**
 * Keywords TypeScript cannot express. They only narrow a schema, so leaving them out gives a
 * wider, still sound type; the warning says where.
 */
const WIDENING_KEYWORDS = [
  "not", "if", "dependentSchemas", "dependentRequired", "propertyNames", "patternProperties",
  "prefixItems", "contains", "unevaluatedProperties", "unevaluatedItems", "$dynamicRef",
];

function warnWidened(schema: RawSchema, pointer: string, ctx: SchemaContext): void {
  const present = WIDENING_KEYWORDS.filter((keyword) => schema[keyword] !== undefined && schema[keyword] !== false);
  if (present.length) {
    ctx.warnings.add(pointer, `${present.join(", ")} cannot be expressed in TypeScript; the type is wider than the schema`);
  }
}

function readTypes(schema: RawSchema, pointer: string, ctx: SchemaContext): string[] {
  const raw = schema.type;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const types = list.filter((t): t is string => typeof t === "string" && PRIMITIVE_TYPES.has(t));
  if (types.length !== list.length) {
    ctx.warnings.add(`${pointer}/type`, `unknown type ${quote(raw)}; treated as unknown`);
  }
  if (schema.nullable === true && !types.includes("null")) types.push("null");
  return types;
}

function inferType(schema: RawSchema): string | undefined {
  if (isRecord(schema.properties) || schema.additionalProperties !== undefined || schema.patternProperties) return "object";
  if (schema.items !== undefined || schema.prefixItems !== undefined) return "array";
  if (isBinary(schema)) return "string";
  return undefined;
}

function isBinary(schema: RawSchema): boolean {
  return schema.format === "binary" || typeof schema.contentMediaType === "string";
}

function readMeta(schema: RawSchema, ctx: SchemaContext): SchemaMeta {
  const meta: SchemaMeta = {};
  const description = ctx.describe(schema.description);
  if (description) meta.description = description;
  if ("default" in schema) meta.default = schema.default;
  if ("example" in schema) meta.example = schema.example;
  else if (Array.isArray(schema.examples) && schema.examples.length) meta.example = schema.examples[0];
  if (schema.deprecated === true) meta.deprecated = true;
  if (schema.readOnly === true) meta.readOnly = true;
  if (schema.writeOnly === true) meta.writeOnly = true;
  const constraints = readConstraints(schema);
  if (constraints) meta.constraints = constraints;
  return meta;
}

const NUMERIC_CONSTRAINTS = ["minimum", "maximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems"] as const;

function readConstraints(schema: RawSchema): Constraints | undefined {
  const constraints: Constraints = {};
  const finite = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
  for (const keyword of NUMERIC_CONSTRAINTS) {
    const value = schema[keyword];
    if (finite(value)) constraints[keyword] = value;
  }
  // 3.0 marks `minimum`/`maximum` exclusive with a boolean; 3.1 gives the exclusive bound itself.
  for (const [exclusive, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    const value = schema[exclusive];
    if (finite(value)) constraints[exclusive] = value;
    else if (value === true && constraints[bound] !== undefined) {
      constraints[exclusive] = constraints[bound];
      delete constraints[bound];
    }
  }
  if (typeof schema.pattern === "string" && schema.pattern) constraints.pattern = schema.pattern;
  if (schema.uniqueItems === true) constraints.uniqueItems = true;
  return Object.keys(constraints).length ? constraints : undefined;
}

/** A value TypeScript can spell as a literal type exactly. */
function isLiteral(value: unknown): value is EnumValue {
  if (typeof value === "number") return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value));
  return value === null || typeof value === "string" || typeof value === "boolean";
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function escapeToken(token: string): string {
  return toPointer([token]).slice(1);
}

function toPointerChild(pointer: string, key: string): string {
  return `${pointer}/${escapeToken(key)}`;
}
