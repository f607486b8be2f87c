import type { NamedSchema, SchemaNode } from "../../ir/types";
import { commentLine, propertyKey, valueLiteral } from "../escape";
import { schemaDocLines, type UseDocs } from "./schema-docs";
import { atom, jsDoc, typeKey, union, type TypeExpr, type TypeMember } from "../print/typescript";

/**
 * Which side of the wire a type describes. Requests get closed enums; responses get open enums
 * (servers add values before specs do). A binary is a file only in an upload (a multipart part);
 * inside JSON it can only travel as a string.
 */
export type Side = "request" | "upload" | "response";

export interface TypePrinter {
  print(node: SchemaNode, side: Side): TypeExpr;
  /** JSDoc lines for a use of the schema (see `schemaDocLines`). */
  docs(node: SchemaNode, use?: UseDocs): string[];
  /** The members of an object type, for an interface or an inline type literal. */
  shape(node: SchemaNode & { kind: "object" }, side: Side): ObjectShape;
  /** Named schemas printed so far (sorted), for the file's imports. */
  readonly schemaNames: () => string[];
  /** Whether `Uploadable` was printed, for the file's imports. */
  readonly usedUploadable: () => boolean;
}

export interface ObjectShape {
  properties: { key: string; type: TypeExpr; optional: boolean; docs: string[] }[];
  indexType?: TypeExpr;
}

/** A union member that keeps literal autocompletion while admitting any other string. */
const OPEN_STRING = atom("(string & {})");

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

  const print = (node: SchemaNode, side: Side): TypeExpr =>
    nullable(node) ? union([grouped(node, side, false), atom("null")]) : bare(node, side);

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
        return uniqueTypes(node.variants.map((v) => print(v, side))).length > 1;
      case "intersection":
        return node.parts.length > 1;
      default:
        return false;
    }
  };

  /** The type, parenthesised where it sits inside an array or intersection. */
  const grouped = (node: SchemaNode, side: Side, withNullable = true): TypeExpr => {
    const type = withNullable ? print(node, side) : bare(node, side);
    return compound(node, side, withNullable) ? { kind: "paren", inner: type } : type;
  };

  const bare = (node: SchemaNode, side: Side): TypeExpr => {
    switch (node.kind) {
      case "ref": {
        const target = byName.get(node.name);
        // A file field whose schema is a named binary shared with JSON (there a string) still takes a file.
        if (side === "upload" && target?.schema.kind === "binary") return bare(target.schema, side);
        printedNames.add(node.name);
        return side === "response" && target && isOpenStringEnum(target.schema) ? union([atom(node.name), OPEN_STRING]) : atom(node.name);
      }
      case "string":
      case "number":
      case "boolean":
      case "null":
      case "unknown":
        return atom(node.kind);
      case "binary":
        if (side !== "upload") return atom("string");
        printedUploadable = true;
        return atom("Uploadable");
      case "enum": {
        const literals = node.values.map((v) => atom(valueLiteral(v)));
        if (side === "response" && isOpenStringEnum(node)) literals.push(OPEN_STRING);
        return union(literals);
      }
      case "array":
        return { kind: "array", element: grouped(node.items, side) };
      case "object":
        return { kind: "object", members: members(node, side) };
      case "union":
        return union(uniqueTypes(node.variants.map((v) => print(v, side))));
      case "intersection": {
        const parts = node.parts.map((p) => grouped(p, side));
        return parts.length === 1 ? parts[0]! : { kind: "intersection", parts };
      }
    }
  };

  // A reference with nothing beside it documents alike everywhere: GitHub's spec has thousands of uses of some schemas.
  const bareRefDocs = new Map<string, string[]>();
  const named = (name: string) => byName.get(name);
  const docs = (node: SchemaNode, use?: UseDocs): string[] => {
    if (use || node.kind !== "ref" || Object.keys(node.meta).length) return schemaDocLines(node, named, use);
    let lines = bareRefDocs.get(node.name);
    if (!lines) bareRefDocs.set(node.name, (lines = schemaDocLines(node, named)));
    return lines;
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
      docs: docs(p.schema),
    }));
    if (!node.additional) return { properties };
    // Every declared property must also fit the index signature.
    const types = [print(node.additional, side), ...properties.map((p) => p.type)];
    if (properties.some((p) => p.optional)) types.push(atom("undefined"));
    return { properties, indexType: unionOrUnknown(types) };
  };

  const members = (node: SchemaNode & { kind: "object" }, side: Side): TypeMember[] =>
    objectMembers(shape(node, side), { compactDocs: false });

  return {
    print,
    docs,
    shape,
    schemaNames: () => [...printedNames].sort(),
    usedUploadable: () => printedUploadable,
  };
}

/** An object shape's members; `compactDocs` prints a one-line JSDoc on one line. */
export function objectMembers(shape: ObjectShape, { compactDocs = true } = {}): TypeMember[] {
  const members: TypeMember[] = shape.properties.map((p) => ({
    docs: jsDoc(p.docs.map(commentLine), { compact: compactDocs }),
    key: `${p.key}${p.optional ? "?" : ""}`,
    // `?: T | undefined`: under exactOptionalPropertyTypes a caller may still pass the `undefined` it has.
    type: p.optional ? unionOrUnknown([p.type, atom("undefined")]) : p.type,
  }));
  if (shape.indexType) members.push({ docs: "", key: "[key: string]", type: shape.indexType });
  return members;
}

/** The union of the types without repeats; `unknown` absorbs everything, and no types at all is `unknown` too. */
export function unionOrUnknown(types: readonly TypeExpr[]): TypeExpr {
  const unique = uniqueTypes(types);
  return unique.length === 0 || unique.some((t) => t.kind === "atom" && t.text === "unknown") ? atom("unknown") : union(unique);
}

/** The types without repeats (by printed text), in first-seen order. */
export function uniqueTypes(types: readonly TypeExpr[]): TypeExpr[] {
  const seen = new Map<string, TypeExpr>();
  for (const type of types) {
    const key = typeKey(type);
    if (!seen.has(key)) seen.set(key, type);
  }
  return [...seen.values()];
}
