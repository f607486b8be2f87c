import type { Constraints, EnumValue, NamedSchema, Property, SchemaMeta, SchemaNode } from "../../ir/types";
import { docText } from "../escape";

/** The words a use of a schema (a property, a parameter) brings with it, which win over the schema's own. */
export interface UseDocs {
  description?: string | undefined;
  deprecated?: boolean | undefined;
  /** Lines of the use's own, printed after the schema's facts and before the tags. */
  notes?: readonly string[];
}

/** A "One of" (or "Fields") line lists up to this many values, else the first few and the count: the alias and its `as const` object hold them all. */
const MAX_LISTED_VALUES = 12;
const LISTED_OF_MANY = 8;

/**
 * JSDoc lines for a value of `node` where it is used: its description, format, constraints,
 * default and deprecation. A reference to a named schema carries that schema's (what a reader
 * hovering the property needs, not only the alias's name), and its allowed values when it is an
 * enum; anything written beside the reference, or given by the use, wins.
 */
export function schemaDocLines(node: SchemaNode, named: (name: string) => NamedSchema | undefined, use: UseDocs = {}): string[] {
  const target = node.kind === "ref" ? referenced(node.name, named) : undefined;
  const meta: SchemaMeta = { ...target?.meta, ...defined(node.meta), ...defined({ description: use.description, deprecated: use.deprecated }) };
  const constraints = { ...target?.meta.constraints, ...node.meta.constraints };
  const facts = [
    ...formatLine(formatOf(node) ?? (target && formatOf(target))),
    ...constraintLines(constraints),
    ...(target?.kind === "enum" ? valuesLine(target.values) : []),
    // The fields stand in for a description the object lacks: with one, the type's name leads to them.
    ...(target?.kind === "object" && !meta.description ? fieldsLine(target.properties) : []),
    ...(use.notes ?? []),
  ];
  const lines = meta.description ? docText(meta.description).split("\n") : [];
  if (lines.length && facts.length) lines.push("");
  lines.push(...facts);
  if (meta.default !== undefined) lines.push(`@default ${docText(JSON.stringify(meta.default) ?? "")}`);
  if (meta.deprecated) lines.push("@deprecated");
  return lines;
}

/** The schema a reference ends at, through aliases of aliases (a cycle ends where it repeats). */
function referenced(name: string, named: (name: string) => NamedSchema | undefined): SchemaNode | undefined {
  const seen = new Set<string>();
  let schema: SchemaNode | undefined;
  for (let next: string | undefined = name; next !== undefined && !seen.has(next); ) {
    seen.add(next);
    const found: NamedSchema | undefined = named(next);
    if (!found) break;
    // An alias's own words count before those of what it refers to.
    schema = schema ? { ...found.schema, meta: { ...found.schema.meta, ...defined(schema.meta) } } : found.schema;
    next = found.schema.kind === "ref" ? found.schema.name : undefined;
  }
  return schema;
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function formatOf(node: SchemaNode): string | undefined {
  return node.kind === "string" || node.kind === "number" ? node.format : undefined;
}

function formatLine(format: string | undefined): string[] {
  return format ? [`Format: ${code(format)}.`] : [];
}

function constraintLines(c: Constraints): string[] {
  const lines: string[] = [];
  if (c.minimum !== undefined && c.maximum !== undefined) lines.push(`From ${c.minimum} to ${c.maximum}.`);
  else {
    if (c.minimum !== undefined) lines.push(`At least ${c.minimum}.`);
    if (c.maximum !== undefined) lines.push(`At most ${c.maximum}.`);
  }
  if (c.exclusiveMinimum !== undefined) lines.push(`Greater than ${c.exclusiveMinimum}.`);
  if (c.exclusiveMaximum !== undefined) lines.push(`Less than ${c.exclusiveMaximum}.`);
  if (c.multipleOf !== undefined) lines.push(`A multiple of ${c.multipleOf}.`);
  lines.push(...countLine(c.minLength, c.maxLength, "character"));
  if (c.pattern !== undefined) lines.push(`Matches ${code(c.pattern)}.`);
  lines.push(...countLine(c.minItems, c.maxItems, "item"));
  if (c.uniqueItems) lines.push("Items are unique.");
  return lines.map(docText);
}

function countLine(min: number | undefined, max: number | undefined, unit: string): string[] {
  const units = (n: number) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (min !== undefined && max !== undefined) return [min === max ? `Exactly ${units(max)}.` : `${min} to ${units(max)}.`];
  if (min !== undefined) return [`At least ${units(min)}.`];
  if (max !== undefined) return [`At most ${units(max)}.`];
  return [];
}

function valuesLine(values: readonly EnumValue[]): string[] {
  const many = values.length > MAX_LISTED_VALUES;
  const listed = (many ? values.slice(0, LISTED_OF_MANY) : values).map((v) => JSON.stringify(v));
  const rest = many ? `, … (${values.length} in all)` : "";
  return [docText(`One of: ${listed.join(", ")}${rest}.`)];
}

/** The fields of a referenced object without a description, which the hover shows only by the type's name otherwise. */
function fieldsLine(properties: readonly Property[]): string[] {
  if (properties.length === 0) return [];
  const many = properties.length > MAX_LISTED_VALUES;
  const listed = (many ? properties.slice(0, LISTED_OF_MANY) : properties).map((p) => `${code(p.name)}${p.required ? " (required)" : ""}`);
  return [`Fields: ${listed.join(", ")}${many ? `, … (${properties.length} in all)` : ""}.`];
}

/** Markdown inline code for any text, with a longer fence when the text holds backticks. */
function code(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  const pad = fence.length > 1 ? " " : "";
  return docText(`${fence}${pad}${text}${pad}${fence}`);
}
