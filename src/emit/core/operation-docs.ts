import type { Operation } from "../../ir/types";
import { docText } from "../escape";

/** JSDoc lines for an operation: summary, description, route and deprecation with its replacement. */
export function operationDocLines(operation: Operation): string[] {
  const lines: string[] = [];
  if (operation.summary) lines.push(docText(operation.summary), "");
  if (operation.description && operation.description !== operation.summary) lines.push(docText(operation.description), "");
  lines.push(`\`${operation.method} ${docText(operation.path)}\``);
  const deprecation = operation.deprecation;
  if (deprecation) {
    const target = deprecation.replacement;
    const use = target
      ? ` Use \`${target.resource ? `${target.resource}.` : ""}${target.method}()\` (${target.httpMethod} ${docText(target.path)}) instead.`
      : "";
    lines.push(`@deprecated${deprecation.reason ? ` ${docText(deprecation.reason)}` : ""}${use}`);
  }
  return lines.join("\n").split("\n");
}
