import { toPointer } from "../diagnostics";

/*
 * Walks of the document as a tree. The spec decides how deep it goes, so none of them recurses:
 * each keeps its own stack.
 */

/**
 * Calls `visit` once for each object or array in the document (shared nodes once), with its JSON
 * pointer, parents before children and children in key order.
 */
export function walkObjects(document: unknown, visit: (node: object, pointer: string) => void): void {
  const seen = new Set<object>();
  const stack: [unknown, string][] = [[document, ""]];
  while (stack.length) {
    const [node, pointer] = stack.pop()!;
    if (node === null || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    visit(node, pointer);
    const entries = Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], pointer + toPointer([entries[i]![0]])]);
  }
}

/**
 * A copy of the document in which every object `depth` levels down or deeper is `{}`, and the
 * pointers of the objects so cut; the document itself when nothing is that deep.
 */
export function cutBelow(document: object, depth: number): { copy: object; cut: string[] } {
  const cut: string[] = [];
  const copy: Record<string, unknown> = Array.isArray(document) ? ([] as never) : {};
  const stack: [source: object, target: Record<string, unknown>, level: number, pointer: string][] = [[document, copy, 0, ""]];
  while (stack.length) {
    const [source, target, level, pointer] = stack.pop()!;
    for (const [key, value] of Object.entries(source)) {
      if (value === null || typeof value !== "object") {
        target[key] = value;
      } else if (level + 1 >= depth && !Array.isArray(value)) {
        target[key] = {};
        cut.push(pointer + toPointer([key]));
      } else {
        const child: Record<string, unknown> = Array.isArray(value) ? ([] as never) : {};
        target[key] = child;
        stack.push([value, child, level + 1, pointer + toPointer([key])]);
      }
    }
  }
  return cut.length ? { copy, cut: cut.sort() } : { copy: document, cut };
}
