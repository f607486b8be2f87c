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

/** What the Node entry adds to `index.ts`, from `runtime/node-files.ts`. */
export const NODE_EXPORTS = ["fileFromPath", "saveImages"] as const;

/**
 * Names the generated files define besides schemas and operations: the runtime's exports, the
 * Node entry's, the error body map and the client classes. Neither schemas nor operations take them.
 */
export function reservedTypeNames(clientName: string): string[] {
  return [...Object.values(RUNTIME_EXPORTS).flat(), ...NODE_EXPORTS, "ErrorBodies", clientName, `${clientName}Core`];
}

const TEMPLATES = path.join(__dirname, "..", "..", "..", "templates");

const SHARED_RUNTIME = [
  "api-promise.ts", "bodies.ts", "client-core.ts", "download.ts", "errors.ts", "multipart.ts", "node-files.ts", "query.ts", "retry.ts",
  "uploads.ts",
];

/** The runtime files every variant shares, as `runtime/<file>` → source text (the transport is the variant's). */
export function sharedRuntimeFiles(): Map<string, string> {
  return new Map(SHARED_RUNTIME.map((file) => [`runtime/${file}`, readTemplate("runtime", file)]));
}

export function readTemplate(...segments: string[]): string {
  return readFileSync(path.join(TEMPLATES, ...segments), "utf8");
}
