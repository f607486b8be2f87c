import { toPointer, type Warnings } from "../diagnostics";
import { MAX_SCHEMA_DEPTH } from "./schema";
import type { NamedSchema, SchemaNode } from "./types";

/*
 * Named schemas whose references TypeScript cannot print as written, or cannot check: each is
 * rewritten to a type with the same values, with a warning.
 */

/**
 * A schema that names itself through $ref, allOf, oneOf or anyOf alone (`Node: allOf: [$ref Node, {...}]`,
 * or `A: oneOf [B, string]` with `B: oneOf [A, integer]`) prints as a type alias that refers to
 * itself before any object or array defers the reference, which TypeScript rejects. Such a
 * reference adds nothing to the type (X ∩ X = X, X ∪ X = X), so it is dropped with a warning;
 * references under a property, an array item or an index signature stay.
 */
export function breakCompositionCycles(schemas: NamedSchema[], byName: ReadonlyMap<string, NamedSchema>, warnings: Warnings): void {
  const done = new Set<string>();
  const visit = (named: NamedSchema, path: NamedSchema[]): void => {
    if (done.has(named.name)) return;
    path.push(named);
    for (const target of topLevelRefs(named.schema)) {
      const next = byName.get(target);
      if (!next) continue;
      if (path.includes(next)) {
        const via = path.slice(path.indexOf(next)).map((s) => s.sourceName);
        named.schema = withoutTopLevelRef(named.schema, target) ?? { kind: "unknown", meta: named.schema.meta };
        warnings.add(
          toPointer(["components", "schemas", named.sourceName]),
          `refers to itself through $ref, allOf, oneOf or anyOf alone (${[...via, next.sourceName].join(" → ")}); that reference is dropped`,
        );
      } else {
        visit(next, path);
      }
    }
    path.pop();
    done.add(named.name);
  };
  for (const named of schemas) visit(named, []);
}

/** The named schemas a node refers to without an object or array in between, in order. */
function topLevelRefs(node: SchemaNode): string[] {
  switch (node.kind) {
    case "ref":
      return [node.name];
    case "union":
      return [...new Set(node.variants.flatMap(topLevelRefs))];
    case "intersection":
      return [...new Set(node.parts.flatMap(topLevelRefs))];
    default:
      return [];
  }
}

/** The node without its top-level references to `name`; undefined when nothing is left. */
function withoutTopLevelRef(node: SchemaNode, name: string): SchemaNode | undefined {
  if (node.kind === "ref") return node.name === name ? undefined : node;
  if (node.kind !== "union" && node.kind !== "intersection") return node;
  const members = (node.kind === "union" ? node.variants : node.parts).flatMap((m) => withoutTopLevelRef(m, name) ?? []);
  if (members.length === 0) return undefined;
  if (members.length === 1) return { ...members[0]!, meta: { ...members[0]!.meta, ...node.meta } } as SchemaNode;
  return node.kind === "union" ? { ...node, variants: members } : { ...node, parts: members };
}

/**
 * `A0: $ref A1`, `A1: $ref A2`, … prints as a chain of aliases that tsc resolves recursively, and
 * overflows its stack on somewhere under a thousand. An alias more than `MAX_SCHEMA_DEPTH` links
 * from the end of its chain names the end directly: the same type, without the chain.
 */
export function shortenAliasChains(schemas: NamedSchema[], byName: ReadonlyMap<string, NamedSchema>, warnings: Warnings): void {
  for (const named of schemas) {
    if (named.schema.kind !== "ref") continue;
    const chain = new Set<string>();
    let end = named.schema.name;
    let current: SchemaNode = named.schema;
    while (current.kind === "ref" && !current.meta.nullable && !chain.has(current.name)) {
      chain.add((end = current.name));
      const next = byName.get(current.name);
      if (!next) break;
      current = next.schema;
    }
    if (chain.size <= MAX_SCHEMA_DEPTH) continue;
    named.schema = { ...named.schema, name: end };
    warnings.add(
      toPointer(["components", "schemas", named.sourceName]),
      `refers to ${end} through a chain of ${chain.size} aliases; typed as ${end} directly`,
    );
  }
}
