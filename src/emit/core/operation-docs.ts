import type { Operation, ResponseDef } from "../../ir/types";
import { docText } from "../escape";
import { ERROR_CLASSES } from "./readme";

/**
 * JSDoc lines for an operation: summary, description, route, deprecation with its replacement,
 * the example call (a method's, from the README) and the error each declared error response throws.
 */
export function operationDocLines(operation: Operation, example?: string): string[] {
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
  if (example) lines.push("@example", "```ts", ...example.split("\n").map(codeLine), "```");
  for (const response of operation.responses) {
    const errorClass = errorClassOf(response);
    if (errorClass) lines.push(`@throws ${errorClass} ${docText(response.status)}${response.description ? `: ${docText(response.description)}` : ""}`);
  }
  return lines.join("\n").split("\n");
}

/** A code line inside a JSDoc tag: a line starting with `@` would start a tag. */
function codeLine(line: string): string {
  return line.replace(/^(\s*)@/, "$1\\@");
}

/** The class `createApiError` (templates/runtime/errors.ts) throws for an error response; undefined for a success. */
function errorClassOf({ status }: ResponseDef): string | undefined {
  if (/^[45]/.test(status) === false && status !== "default") return undefined;
  if (/^5/.test(status)) return "InternalServerError";
  return ERROR_CLASSES.find(([known]) => known === status)?.[1] ?? "ApiError";
}
