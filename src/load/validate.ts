import type { Warnings } from "../diagnostics";
import type { OpenApiDocument } from "./load-spec";

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Keywords whose errors only summarise the more precise errors reported beside them. */
const SUMMARY_KEYWORDS = new Set(["if", "oneOf", "anyOf", "allOf", "propertyNames", "not"]);

/**
 * Checks the document against the official OpenAPI JSON Schema (through swagger-parser's
 * validator) and turns every problem into a warning with its JSON pointer: one per location.
 */
export function validateDocument(document: OpenApiDocument, warnings: Warnings): void {
  // swagger-parser exposes no public entry for schema-only validation on an undereferenced document.
  const validateSchema = require("@apidevtools/swagger-parser/lib/validators/schema.js") as (api: unknown) => void;
  try {
    validateSchema(document);
  } catch (error) {
    const details = (error as { details?: AjvError[] }).details;
    if (!details) {
      warnings.add("", `could not be validated: ${(error as Error).message}`);
      return;
    }
    const byPointer = new Map<string, string>();
    for (const detail of details) {
      if (SUMMARY_KEYWORDS.has(detail.keyword) && details.length > 1) continue;
      if (!byPointer.has(detail.instancePath)) byPointer.set(detail.instancePath, describe(detail));
    }
    for (const [pointer, message] of byPointer) warnings.add(pointer, message);
  }
}

function describe(detail: AjvError): string {
  const extra = detail.params?.additionalProperty ?? detail.params?.unevaluatedProperty;
  return `${detail.message ?? detail.keyword}${extra === undefined ? "" : ` (${String(extra)})`}`;
}
