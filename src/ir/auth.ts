import type { Warnings } from "../diagnostics";
import { isRecord } from "./schema";
import type { AuthScheme } from "./types";

/**
 * Picks the one credential the client manages. A scheme counts when the spec applies it
 * (global or per-operation `security`) or when operations declare its header as a parameter,
 * as Ideogram's spec does with `Api-Key`. The first usable scheme in `securitySchemes` wins.
 */
export function readAuthScheme(document: Record<string, unknown>, warnings: Warnings): AuthScheme | undefined {
  const components = isRecord(document.components) ? document.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  for (const [schemeName, raw] of Object.entries(schemes)) {
    if (!isRecord(raw)) continue;
    if (raw.type === "apiKey" && typeof raw.name === "string" && (raw.in === "header" || raw.in === "query")) {
      return { kind: "apiKey", in: raw.in, name: raw.name, schemeName };
    }
    if (raw.type === "http" && typeof raw.scheme === "string" && raw.scheme.toLowerCase() === "bearer") {
      return { kind: "bearer", schemeName };
    }
    if (raw.type === "oauth2" || raw.type === "openIdConnect") return { kind: "bearer", schemeName };
  }
  if (Object.keys(schemes).length > 0) {
    warnings.add("/components/securitySchemes", "no supported scheme (apiKey in header or query, http bearer); set credentials through `headers`");
  }
  return undefined;
}

/** Whether an operation needs the credential: by `security`, or by declaring the auth header itself. */
export function operationNeedsAuth(
  auth: AuthScheme | undefined,
  operation: Record<string, unknown>,
  document: Record<string, unknown>,
  parameterNames: { name: string; in: string }[],
): boolean {
  if (!auth) return false;
  if (auth.kind === "apiKey" && parameterNames.some((p) => isAuthParameter(auth, p))) return true;
  const security = Array.isArray(operation.security) ? operation.security : Array.isArray(document.security) ? document.security : [];
  return security.some((requirement) => isRecord(requirement) && auth.schemeName in requirement);
}

export function isAuthParameter(auth: AuthScheme | undefined, parameter: { name: string; in: string }): boolean {
  return (
    auth?.kind === "apiKey" && parameter.in === auth.in && parameter.name.toLowerCase() === auth.name.toLowerCase()
  );
}
