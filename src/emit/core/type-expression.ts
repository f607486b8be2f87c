import type { NamedSchema, SchemaNode } from "../../ir/types";
import { commentLine, docText, propertyKey, valueLiteral } from "../escape";

/**
 * Which side of the wire a type describes. Requests get closed enums; responses get open enums
 * (servers add values before specs do). A binary is a file only in an upload (a multipart part);
 * inside JSON it can only travel as a string.
 */
export type Side = "request" | "upload" | "response";

export interface TypePrinter {
  print(node: SchemaNode, side: Side): string;
  /** The members of an object type, for an interface or an inline type literal. */
  shape(node: SchemaNode & { kind: "object" }, side: Side): ObjectShape;
  /** Named schemas printed so far (sorted), for the file's imports. */
  readonly schemaNames: () => string[];
  /** Whether `Uploadable` was printed, for the file's imports. */
  readonly usedUploadable: () => boolean;
}

export interface ObjectShape {
  properties: { key: string; type: string; optional: boolean; docs: string[] }[];
  indexType?: string;
}

/** A union member that keeps literal autocompletion while admitting any other string. */
const OPEN_STRING = "(string & {})";

export function createTypePrinter(schemas: readonly NamedSchema[]): TypePrinter {
  const byName = new Map(schemas.map((s) => [s.name, s]));
  const printedNames = new Set<string>();
  let printedUploadable = false;

  /**
   * String enums a response widens with OPEN_STRING. A one-value enum stays closed: it is a tag
   * (a oneOf discriminator), and an open tag would stop `if (x.kind === "circle")` narrowing.
   */
  const isOpenStringEnum = (node: SchemaNode): boolean =>
    node.kind === "enum" && node.values.length > 1 && node.values.every((v) => typeof v === "string");

  const nullable = (node: SchemaNode): boolean =>
    node.meta.nullable === true && node.kind !== "null" && node.kind !== "unknown";

  const print = (node: SchemaNode, side: Side): string =>
    nullable(node) ? `${grouped(node, side, false)} | null` : bare(node, side);

  /** Whether the printed type is a union or intersection at its top level. */
  const compound = (node: SchemaNode, side: Side, withNullable = true): boolean => {
    if (withNullable && nullable(node)) return true;
    switch (node.kind) {
      case "ref": {
        const target = byName.get(node.name);
        return side === "response" && target !== undefined && isOpenStringEnum(target.schema);
      }
      case "enum":
        return node.values.length > 1 || (side === "response" && isOpenStringEnum(node));
      case "union":
        return new Set(node.variants.map((v) => print(v, side))).size > 1;
      case "intersection":
        return node.parts.length > 1;
      default:
        return false;
    }
  };

  /** The type, parenthesised where it sits inside an array or intersection. */
  const grouped = (node: SchemaNode, side: Side, withNullable = true): string => {
    const text = withNullable ? print(node, side) : bare(node, side);
    return compound(node, side, withNullable) ? `(${text})` : text;
  };

  const bare = (node: SchemaNode, side: Side): string => {
    switch (node.kind) {
      case "ref": {
        printedNames.add(node.name);
        const target = byName.get(node.name);
        return side === "response" && target && isOpenStringEnum(target.schema) ? `${node.name} | ${OPEN_STRING}` : node.name;
      }
      case "string":
        return "string";
      case "number":
        return "number";
      case "boolean":
        return "boolean";
      case "null":
        return "null";
      case "unknown":
        return "unknown";
      case "binary":
        if (side !== "upload") return "string";
        printedUploadable = true;
        return "Uploadable";
      case "enum": {
        const literals = node.values.map(valueLiteral);
        if (side === "response" && isOpenStringEnum(node)) literals.push(OPEN_STRING);
        return literals.join(" | ");
      }
      case "array":
        return `${grouped(node.items, side)}[]`;
      case "object":
        return `{\n${members(node, side).join("\n")}\n}`;
      case "union":
        return unique(node.variants.map((v) => print(v, side))).join(" | ");
      case "intersection":
        return node.parts.map((p) => grouped(p, side)).join(" & ");
    }
  };

  const shape = (node: SchemaNode & { kind: "object" }, side: Side): ObjectShape => {
    const properties = node.properties.map((p) => ({
      key: propertyKey(p.name),
      type: print(p.schema, side),
      // A client never sends read-only properties nor receives write-only ones: there they are optional.
      optional:
        !p.required ||
        (side !== "response" && p.schema.meta.readOnly === true) ||
        (side === "response" && p.schema.meta.writeOnly === true),
      docs: docLines(p.schema.meta),
    }));
    if (!node.additional) return { properties };
    // Every declared property must also fit the index signature.
    const types = [print(node.additional, side), ...properties.map((p) => p.type)];
    if (properties.some((p) => p.optional)) types.push("undefined");
    return { properties, indexType: types.includes("unknown") ? "unknown" : unique(types).join(" | ") };
  };

  const members = (node: SchemaNode & { kind: "object" }, side: Side): string[] => {
    const { properties, indexType } = shape(node, side);
    const lines = properties.map((p) => `${docBlock(p.docs)}${p.key}${p.optional ? "?" : ""}: ${p.type};`);
    if (indexType) lines.push(`[key: string]: ${indexType};`);
    return lines;
  };

  return {
    print,
    shape,
    schemaNames: () => [...printedNames].sort(),
    usedUploadable: () => printedUploadable,
  };
}

/** A JSDoc block ("" when there are no lines). */
export function docBlock(lines: string[]): string {
  return lines.length ? `/**\n${lines.map((l) => (l ? ` * ${commentLine(l)}` : " *")).join("\n")}\n */\n` : "";
}

export function docLines(meta: SchemaNode["meta"]): string[] {
  const lines: string[] = [];
  if (meta.description) lines.push(...docText(meta.description).split("\n"));
  if (meta.default !== undefined) lines.push(`@default ${docText(JSON.stringify(meta.default) ?? "")}`);
  if (meta.deprecated) lines.push("@deprecated");
  return lines;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
