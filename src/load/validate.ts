import * as path from "node:path";
import type { Warnings } from "../diagnostics";
import type { OpenApiDocument } from "./load-spec";
import { VALIDATORS_DIR } from "./compile-validators";

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

type Validator = ((document: unknown) => boolean) & { errors?: AjvError[] | null };

/** Keywords whose errors only summarise the more precise errors reported beside them. */
const SUMMARY_KEYWORDS = new Set(["if", "oneOf", "anyOf", "allOf", "propertyNames", "not"]);

/**
 * Checks the document against the official OpenAPI JSON Schema (compiled at build time by
 * compile-validators.ts) and turns every problem into a warning with its JSON pointer: one per location.
 */
export function validateDocument(document: OpenApiDocument, warnings: Warnings): void {
  const file = document.openapi.startsWith("3.1") ? "openapi-3.1.js" : "openapi-3.0.js";
  const validator = require(path.join(VALIDATORS_DIR, file)) as Validator;
  if (validator(document)) return;
  const details = validator.errors ?? [];
  const byPointer = new Map<string, string>();
  for (const detail of details) {
    if (SUMMARY_KEYWORDS.has(detail.keyword) && details.length > 1) continue;
    if (!byPointer.has(detail.instancePath)) byPointer.set(detail.instancePath, describe(detail));
  }
  for (const [pointer, message] of byPointer) warnings.add(pointer, message);
}

function describe(detail: AjvError): string {
  const extra = detail.params?.additionalProperty ?? detail.params?.unevaluatedProperty;
  return `${detail.message ?? detail.keyword}${extra === undefined ? "" : ` (${String(extra)})`}`;
}
