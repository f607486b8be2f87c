import type { Deprecation, Operation } from "./types";

/**
 * An operation is deprecated when the spec says so or calls it legacy in its summary. Its
 * replacement is the operation that its description sends readers to ("use `POST /x` instead").
 */
export function readDeprecation(
  raw: { deprecated?: unknown; summary?: unknown; description?: unknown },
): Deprecation | undefined {
  const summary = typeof raw.summary === "string" ? raw.summary : "";
  const legacy = /\blegacy\b/i.test(summary);
  if (raw.deprecated !== true && !legacy) return undefined;
  return legacy ? { reason: "The API lists this operation as legacy." } : {};
}

const REFERENCE = /\b(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS)\s+(\/[^\s`'")\]]*)/g;

/** Links each deprecated operation to the operation its description points to, when one exists. */
export function linkReplacements(operations: Operation[]): void {
  const byRoute = new Map(operations.map((op) => [`${op.method} ${op.path}`, op]));
  for (const operation of operations) {
    if (!operation.deprecation || !operation.description) continue;
    for (const match of operation.description.matchAll(REFERENCE)) {
      const target = byRoute.get(`${match[1]} ${match[2]}`);
      if (target && target !== operation) {
        operation.deprecation.replacement = {
          resource: target.resource,
          method: target.memberName,
          path: target.path,
          httpMethod: target.method,
        };
        break;
      }
    }
  }
}
