import type { SchemaNode } from "../../ir/types";

/** Names of the named schemas a type refers to directly (not through other named schemas). */
export function referencedNames(nodes: readonly (SchemaNode | undefined)[], into = new Set<string>()): Set<string> {
  const visit = (node: SchemaNode | undefined): void => {
    if (!node) return;
    switch (node.kind) {
      case "ref":
        into.add(node.name);
        return;
      case "array":
        return visit(node.items);
      case "object":
        node.properties.forEach((p) => visit(p.schema));
        return visit(node.additional);
      case "union":
        return node.variants.forEach(visit);
      case "intersection":
        return node.parts.forEach(visit);
      default:
        return;
    }
  };
  nodes.forEach(visit);
  return into;
}

/** Whether a type mentions a binary anywhere outside named schemas (it then needs `Uploadable`). */
export function mentionsBinary(node: SchemaNode | undefined): boolean {
  if (!node) return false;
  switch (node.kind) {
    case "binary":
      return true;
    case "array":
      return mentionsBinary(node.items);
    case "object":
      return node.properties.some((p) => mentionsBinary(p.schema)) || mentionsBinary(node.additional);
    case "union":
      return node.variants.some(mentionsBinary);
    case "intersection":
      return node.parts.some(mentionsBinary);
    default:
      return false;
  }
}
