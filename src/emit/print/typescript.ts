/**
 * Documents for the TypeScript the emitters write, laid out as prettier lays them out at
 * printWidth 120 with trailing commas. Layouts prettier decides by rules we do not model are
 * groups marked `unsure`: they print the same when they fit; when they would break, the file
 * goes through prettier instead (see `printSourceFile`).
 */
import { group, hardline, holdsHardLine, ifBreak, indent, indentIfBreak, join, line, printDoc, softline, type Doc } from "./doc";

// ---------------------------------------------------------------------------------------------
// Types

export type TypeExpr =
  /** Anything printed as it is: a name, keyword, literal or `(typeof X)[keyof typeof X]`. */
  | { kind: "atom"; text: string }
  | { kind: "union"; members: TypeExpr[] }
  | { kind: "intersection"; parts: TypeExpr[] }
  | { kind: "array"; element: TypeExpr }
  | { kind: "paren"; inner: TypeExpr }
  | { kind: "object"; members: TypeMember[] };

export interface TypeMember {
  docs: Doc;
  /** `name`, `name?` or `[key: string]`. */
  key: string;
  type: TypeExpr;
}

export const atom = (text: string): TypeExpr => ({ kind: "atom", text });

/** A union of the members, flattening nested unions as the printed text would read. */
export function union(members: TypeExpr[]): TypeExpr {
  const flat = members.flatMap((m) => (m.kind === "union" ? m.members : [m]));
  return flat.length === 1 ? flat[0]! : { kind: "union", members: flat };
}

/** A stable text for a type, for de-duplicating union members. */
export function typeKey(type: TypeExpr): string {
  return printDoc(typeDoc(type)).text;
}

// As prettier's shouldHugType: `undefined` is not among them, so `{ … } | undefined` breaks into bars.
const VOIDISH = new Set(["null", "void"]);

/** `{ … } | null`: prettier keeps one object type and void-ish members on the object's lines. */
function hugs(members: TypeExpr[]): boolean {
  const objects = members.filter((m) => m.kind === "object").length;
  return objects === 1 && members.every((m) => m.kind === "object" || (m.kind === "atom" && VOIDISH.has(m.text)));
}

function typeDoc(type: TypeExpr): Doc {
  switch (type.kind) {
    case "atom":
      return type.text;
    case "array":
      return [typeDoc(type.element), "[]"];
    case "paren":
      return isBarUnion(type.inner) ? ["(", group([indent([softline, unionDoc(type.inner)]), softline]), ")"] : ["(", typeDoc(type.inner), ")"];
    case "object":
      return objectTypeDoc(type.members);
    case "intersection":
      return intersectionDoc(type.parts);
    case "union":
      return isBarUnion(type) ? unionDoc(type) : join(" | ", type.members.map(unionMember));
  }
}

/** A union that breaks into one `| member` a line (any but `{ … } | null`). */
function isBarUnion(type: TypeExpr): boolean {
  return type.kind === "union" && !hugs(type.members);
}

/** `A | B`, or broken: `| A` on each line, members lined up two columns in after their bar. */
function unionDoc(type: TypeExpr): Doc {
  const members = type.kind === "union" ? type.members : [type];
  return group(members.map((m, i) => [i === 0 ? ifBreak("| ") : [line, "| "], indent(unionMember(m))]));
}

/** prettier parenthesises an intersection inside a union. */
function unionMember(type: TypeExpr): Doc {
  return type.kind === "intersection" ? ["(", typeDoc(type), ")"] : typeDoc(type);
}

/** A type after a member's `:`: a union that does not fit moves to the next line, and breaks there if it must. */
export function annotation(type: TypeExpr): Doc {
  return isBarUnion(type) ? [" ", group(indent([softline, unionDoc(type)]))] : [" ", typeDoc(type)];
}

function objectTypeDoc(members: readonly TypeMember[]): Doc {
  if (members.length === 0) return "{}";
  return group(["{", indent(members.map((m) => [hardline, memberDoc(m)])), hardline, "}"]);
}

function memberDoc(member: TypeMember): Doc {
  return [member.docs, member.key, ":", annotation(member.type), ";"];
}

function intersectionDoc(parts: readonly TypeExpr[]): Doc {
  const isObject = (t: TypeExpr) => t.kind === "object";
  const result: Doc[] = [];
  let wasIndented = false;
  parts.forEach((part, i) => {
    const doc = typeDoc(part);
    if (i === 0) result.push(doc);
    else if (!isObject(parts[i - 1]!) && !isObject(part)) result.push(indent([" &", line, doc]));
    else if (isObject(parts[i - 1]!) && isObject(part)) result.push([" & ", wasIndented ? indent(doc) : doc]);
    else {
      if (i > 1) wasIndented = true;
      result.push(" & ", i > 1 ? indent(doc) : doc);
    }
  });
  return group(result);
}

/** `<T>`: a name, keyword or object type hugs the brackets; anything else may break inside them. */
export function typeArguments(type: TypeExpr): Doc {
  if (type.kind === "atom" || type.kind === "object" || (type.kind === "union" && !isBarUnion(type))) return ["<", typeDoc(type), ">"];
  return group(["<", indent([softline, typeDoc(type)]), softline, ">"]);
}

// ---------------------------------------------------------------------------------------------
// Comments

/** A JSDoc block; `compact` prints one line as `/** … *\/`. Lines are already comment-safe. */
export function jsDoc(lines: readonly string[], { compact = true } = {}): Doc {
  if (lines.length === 0) return "";
  if (compact && lines.length === 1) return [`/** ${lines[0]} */`, hardline];
  return ["/**", ...lines.map((l) => [hardline, l ? ` * ${l}` : " *"]), hardline, " */", hardline];
}

// ---------------------------------------------------------------------------------------------
// Declarations

/** A top-level statement; `block` statements (classes, interfaces, functions) get blank lines around them. */
export interface Statement {
  doc: Doc;
  block: boolean;
}

/** `{ a, b }` of an import or export; one name never breaks. */
function namedList(names: readonly string[]): Doc {
  if (names.length === 1) return `{ ${names[0]} }`;
  return group(["{", indent([line, join([",", line], names)]), ifBreak(","), line, "}"]);
}

export function importDeclaration(from: string, clause: { names: readonly string[]; typeOnly?: boolean } | { namespace: string }): Statement {
  const what = "namespace" in clause ? `* as ${clause.namespace}` : namedList(clause.names);
  const keyword = "typeOnly" in clause && clause.typeOnly ? "import type " : "import ";
  return { doc: [keyword, what, ` from ${from};`], block: false };
}

export function exportDeclaration(from: string, { names, typeOnly = false }: { names?: readonly string[]; typeOnly?: boolean } = {}): Statement {
  return { doc: [typeOnly ? "export type " : "export ", names ? namedList(names) : "*", ` from ${from};`], block: false };
}

export function typeAlias(docs: Doc, name: string, type: TypeExpr): Statement {
  const head = `export type ${name} =`;
  if (isBarUnion(type)) return { doc: [docs, group([head, group(indent([line, unionDoc(type)]))]), ";"], block: false };
  // prettier's "fluid" layout: the right side moves to the next line when its first line does not fit.
  const id = Symbol(name);
  return { doc: [docs, group([head, group(indent(line), { id }), indentIfBreak(typeDoc(type), id)]), ";"], block: false };
}

export function interfaceDeclaration(docs: Doc, name: string, members: readonly TypeMember[]): Statement {
  return { doc: [docs, `export interface ${name} `, objectTypeDoc(members)], block: true };
}

/**
 * A function or method: `head(params): returns {` then one statement a line. As in prettier, the
 * parameters share the signature's group (a return type that breaks puts them one a line), except
 * a single parameter before a return type that breaks.
 */
export function functionLike(docs: Doc, head: string, params: readonly string[], returns: Doc, body: readonly Doc[]): Doc {
  const list = params.length ? ["(", indent([softline, join([",", line], params)]), ifBreak(","), softline, ")"] : "()";
  const signature = group([head, params.length === 1 && holdsHardLine(returns) ? group(list) : list, returns]);
  return [docs, signature, " {", indent(body.map((s) => [hardline, s])), hardline, "}"];
}

export interface ClassMember {
  doc: Doc;
  /** Consecutive properties sit together; everything else is set apart by a blank line. */
  property: boolean;
}

export function classDeclaration(docs: Doc, head: string, members: readonly ClassMember[]): Statement {
  const body: Doc[] = [];
  members.forEach((member, i) => {
    if (i > 0) body.push(member.property && members[i - 1]!.property ? hardline : [hardline, hardline]);
    body.push(member.doc);
  });
  // prettier keeps `class A extends B` on one line however long; type parameters or `implements` it may break.
  const heading = /[<]|\bimplements\b/.test(head) ? group(head, { unsure: true }) : head;
  return { doc: [docs, heading, " {", members.length ? [indent([hardline, body]), hardline] : "", "}"], block: true };
}

/** `left = right;`, broken after the `=` as prettier breaks an assignment whose right side is a call or `new`. */
export function assignment(left: string, right: string): Doc {
  return group([left, " =", indent([line, right, ";"])]);
}

// ---------------------------------------------------------------------------------------------
// Expressions

export interface Expr {
  doc: Doc;
  /** Arrays and objects with more than one element: an array of two or more of these always breaks. */
  collection?: { count: number };
  /** A string literal: prettier moves a long one onto the next line after a long enough key. */
  string?: boolean;
}

export const expr = (text: string): Expr => ({ doc: text, ...(/^["']/.test(text) ? { string: true } : {}) });

/** `{ key: value }`; `expanded` keeps it broken, as prettier keeps an object written across lines. */
export function objectLiteral(entries: readonly (readonly [key: string, value: Expr])[], { expanded = false } = {}): Expr {
  if (entries.length === 0) return { doc: "{}", collection: { count: 0 } };
  const properties = entries.map(([key, value]) => property(key, value));
  const doc = group(["{", indent([line, join([",", line], properties)]), ifBreak(","), line, "}"], { broken: expanded });
  return { doc, collection: { count: entries.length } };
}

/**
 * `key: value`. prettier moves a string that does not fit onto the next line after its key
 * ("break-after-operator"), unless the key is shorter than five columns; objects and arrays
 * open on the key's line.
 */
function property(key: string, value: Expr): Doc {
  if (!value.string || key.length < 5) return [key, ": ", value.doc];
  return group([key, ":", group(indent([line, value.doc]))]);
}

export function arrayLiteral(elements: readonly Expr[]): Expr {
  if (elements.length === 0) return { doc: "[]", collection: { count: 0 } };
  // prettier always breaks an array of two or more arrays or objects that each have two or more elements.
  const matrix = elements.length > 1 && elements.every((e) => (e.collection?.count ?? 0) > 1);
  const doc = group(["[", indent([softline, join([",", line], elements.map((e) => e.doc))]), ifBreak(","), softline, "]"], { broken: matrix });
  return { doc, collection: { count: elements.length } };
}

/** `callee(args)`: the arguments fit on the line, else one a line with a trailing comma. */
export function call(callee: Doc, args: readonly Expr[]): Doc {
  if (args.length === 0) return [callee, "()"];
  return [callee, group(["(", indent([softline, join([",", line], args.map((a) => a.doc))]), ifBreak(","), softline, ")"])];
}
