import * as path from "node:path";
import type { Warnings } from "../diagnostics";
import type { OpenApiDocument } from "./load-spec";
import { walkObjects } from "./walk";
import { VALIDATORS_DIR } from "./compile-validators";

export interface AjvError {
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
  const nullTypes = document.openapi.startsWith("3.0") ? nullTypePointers(document) : [];
  for (const pointer of nullTypes) {
    warnings.add(`${pointer}/type`, "`type: 'null'` is OpenAPI 3.1; a 3.0 document says `nullable: true` (read as nullable)");
  }
  // Those are reported above; the schema validator's echoes of them (a wrong enum value, and every
  // enclosing schema that is then "not a schema and not a $ref") would only bury that message.
  const echoesNullType = (detail: AjvError) =>
    nullTypes.some((pointer) =>
      detail.keyword === "enum" ? detail.instancePath === `${pointer}/type` : detail.keyword === "required" && detail.params?.missingProperty === "$ref" && pointer.startsWith(detail.instancePath),
    );
  const details = (validator.errors ?? []).filter((detail) => !echoesNullType(detail));
  for (const [pointer, message] of schemaProblems(details)) warnings.add(pointer, message);
}

/** JSON Schema errors as one message per location (pointer → message), summaries left out where details exist. */
export function schemaProblems(details: readonly AjvError[]): Map<string, string> {
  const byPointer = new Map<string, string>();
  for (const detail of details) {
    if (SUMMARY_KEYWORDS.has(detail.keyword) && details.length > 1) continue;
    if (!byPointer.has(detail.instancePath)) byPointer.set(detail.instancePath, describe(detail));
  }
  return byPointer;
}

/** Where a 3.0 document writes 3.1's `type: 'null'` (as FastAPI's 3.0 exports do in `anyOf`). */
function nullTypePointers(document: unknown): string[] {
  const found: string[] = [];
  walkObjects(document, (node, pointer) => {
    if ((node as { type?: unknown }).type === "null") found.push(pointer);
  });
  return found;
}

function describe(detail: AjvError): string {
  const extra = detail.params?.additionalProperty ?? detail.params?.unevaluatedProperty;
  return `${detail.message ?? detail.keyword}${extra === undefined ? "" : ` (${String(extra)})`}`;
}
