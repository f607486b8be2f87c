import { readFileSync } from "node:fs";
import * as path from "node:path";

/** Everything the runtime exports; schemas and params types must not take these names. */
export const RUNTIME_EXPORTS = {
  "api-promise.ts": ["ApiPromise", "WithResponse"],
  "client-core.ts": ["ClientCore", "ClientOptions", "CoreOptions", "RequestOptions", "ClientDefaults", "OperationSpec"],
  "download.ts": ["downloadImages", "DownloadedImage", "DownloadOptions", "ImageLink", "SkippedImage"],
  "errors.ts": [
    "SdkError", "ApiError", "BadRequestError", "AuthenticationError", "PaymentRequiredError", "PermissionDeniedError",
    "NotFoundError", "ConflictError", "UnprocessableEntityError", "RateLimitError", "InternalServerError",
    "ApiConnectionError", "ApiTimeoutError", "ApiAbortError",
  ],
  "transport.ts": ["RawResponse", "TransportOptions"],
  "uploads.ts": ["toFile", "Uploadable"],
} as const;

/** Names the generated files define besides schemas: the runtime's exports and the error body map. */
export function reservedTypeNames(clientName: string): string[] {
  return [...Object.values(RUNTIME_EXPORTS).flat(), "ErrorBodies", clientName, `${clientName}Core`];
}

const TEMPLATES = path.join(__dirname, "..", "..", "..", "templates");

/** Shared runtime files and the variant's transport, as `runtime/<file>` → source text. */
export function runtimeFiles(variant: string): Map<string, string> {
  const files = new Map<string, string>();
  const shared = ["api-promise.ts", "client-core.ts", "download.ts", "errors.ts", "multipart.ts", "node-files.ts", "retry.ts", "uploads.ts"];
  for (const file of shared) files.set(`runtime/${file}`, readTemplate("runtime", file));
  files.set("runtime/transport.ts", readTemplate(variant, "transport.ts"));
  return files;
}

export function readTemplate(...segments: string[]): string {
  return readFileSync(path.join(TEMPLATES, ...segments), "utf8");
}
