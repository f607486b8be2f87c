import { toPointer } from "../diagnostics";

/** Calls `visit` once for each object or array in the document (shared nodes once), with its JSON pointer. */
export function walkObjects(document: unknown, visit: (node: object, pointer: string) => void): void {
  const seen = new Set<object>();
  const walk = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    visit(node, pointer);
    for (const [key, value] of Object.entries(node)) walk(value, pointer + toPointer([key]));
  };
  walk(document, "");
}
