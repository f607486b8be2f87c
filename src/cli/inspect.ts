import { terminalSafe } from "../diagnostics";
import type { ApiModel } from "../ir/types";

/**
 * `inspect`'s table: one row per operation (method, path, how to call it, body kind, deprecated),
 * then the counts. Spec text is shown with control characters escaped, so it cannot drive the terminal.
 */
export function inspectTable(model: ApiModel): string {
  const header = ["method", "path", "call", "body", "deprecated"];
  const rows = model.operations.map((op) => [
    op.method,
    terminalSafe(op.path),
    `${op.resource ? `${op.resource}.` : "client."}${op.name}()`,
    op.bodies.map((body) => body.kind).join("|") || "-",
    op.deprecation ? "deprecated" : "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd();
  const enums = model.schemas.filter((s) => s.enumMembers !== undefined || s.schema.kind === "enum").length;
  const deprecated = model.operations.filter((op) => op.deprecation).length;
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    `${model.operations.length} operations (${deprecated} deprecated) in ${model.resources.length} resources; ` +
      `${model.schemas.length} named schemas, ${enums} of them enums`,
  ].join("\n");
}

/** The model as JSON for tooling: stable key order as built, no undefined fields. */
export function inspectJson(model: ApiModel): string {
  return JSON.stringify(model, null, 2);
}
