import type { NamedSchema, Operation, SchemaNode, SchemaUsage } from "./types";

/** Marks each named schema as reachable from requests, multipart uploads and responses (transitively). */
export function markUsage(operations: Operation[], byName: ReadonlyMap<string, NamedSchema>): void {
  const visit = (node: SchemaNode, side: keyof SchemaUsage): void => {
    switch (node.kind) {
      case "ref": {
        const named = byName.get(node.name);
        if (!named || named.usage[side]) return;
        named.usage[side] = true;
        visit(named.schema, side);
        return;
      }
      case "array":
        return visit(node.items, side);
      case "object":
        node.properties.forEach((p) => visit(p.schema, side));
        if (node.additional) visit(node.additional, side);
        return;
      case "union":
        return node.variants.forEach((v) => visit(v, side));
      case "intersection":
        return node.parts.forEach((p) => visit(p, side));
      default:
        return;
    }
  };
  for (const operation of operations) {
    operation.parameters.forEach((p) => visit(p.schema, "request"));
    for (const body of operation.bodies) {
      visit(body.schema, "request");
      if (body.kind === "multipart") visit(body.schema, "upload");
    }
    operation.responses.forEach((r) => r.schema && visit(r.schema, "response"));
  }
}
