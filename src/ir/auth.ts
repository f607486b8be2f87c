import { quote, toPointer, type Warnings } from "../diagnostics";
import { NameRegistry, camelCase } from "./naming";
import { isRecord } from "./schema";
import type { AuthScheme, SecurityRequirement } from "./types";

/** Client options a credential must not take: the runtime's own. */
const CORE_OPTIONS = ["baseUrl", "serverVariables", "timeout", "maxRetries", "maxRetryAfter", "headers", "fetch", "axios"];

/** Of several schemes of a kind, each option is the scheme's name with this suffix: `appId`, `partnerToken`, `adminUsername`. */
const SUFFIXES: Record<string, string> = { bearerToken: "Token", accessToken: "Token", username: "Username", password: "Password" };

/** A scheme as the spec declares it, with the option names it would take were it the only one of its kind. */
type Declared = AuthScheme & { base: string[] };

/**
 * The security schemes the client supports (apiKey in a header, query or cookie; http bearer
 * and basic; oauth2 and openIdConnect as a bearer token), each with its client option names:
 * `apiKey`, `bearerToken`, `accessToken`, `username` + `password` when it is the only one of its
 * kind, otherwise named after the scheme (SUFFIXES).
 */
export function readAuthSchemes(document: Record<string, unknown>, warnings: Warnings): Map<string, AuthScheme> {
  const components = isRecord(document.components) ? document.components : {};
  const schemes = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  const declared: Declared[] = [];
  for (const [schemeName, raw] of Object.entries(schemes)) {
    if (!isRecord(raw)) continue;
    const scheme = declaredScheme(schemeName, raw);
    if (scheme) declared.push(scheme);
    else warnings.add(toPointer(["components", "securitySchemes", schemeName]), "not a supported scheme (apiKey in a header, query or cookie; http bearer or basic; oauth2; openIdConnect); set its credentials through `headers`");
  }
  const names = new NameRegistry(CORE_OPTIONS);
  const result = new Map<string, AuthScheme>();
  for (const scheme of declared) {
    const alone = declared.filter((other) => other.base[0] === scheme.base[0]).length === 1;
    const stem = camelCase(scheme.schemeName);
    const options = scheme.base.map((base) => names.claim(alone ? base : `${stem}${SUFFIXES[base] ?? ""}`));
    const { base: _base, ...rest } = scheme;
    result.set(scheme.schemeName, { ...rest, options });
  }
  return result;
}

function declaredScheme(schemeName: string, raw: Record<string, unknown>): Declared | undefined {
  if (raw.type === "apiKey" && typeof raw.name === "string" && raw.name && (raw.in === "header" || raw.in === "query" || raw.in === "cookie")) {
    return { kind: "apiKey", in: raw.in, name: raw.name, schemeName, options: [], base: ["apiKey"] };
  }
  const scheme = typeof raw.scheme === "string" ? raw.scheme.toLowerCase() : "";
  if (raw.type === "http" && scheme === "bearer") return { kind: "bearer", schemeName, options: [], base: ["bearerToken"] };
  if (raw.type === "http" && scheme === "basic") return { kind: "basic", schemeName, options: [], base: ["username", "password"] };
  if (raw.type === "oauth2" || raw.type === "openIdConnect") return { kind: "bearer", schemeName, options: [], base: ["accessToken"] };
  return undefined;
}

/**
 * What an operation needs: its `security` (else the document's), as alternatives of schemes sent
 * together, in spec order. An alternative naming an unsupported or undeclared scheme cannot be met
 * and is left out with a warning; `{}` (anonymous) stays. An operation that declares an apiKey
 * scheme's header (or query or cookie) parameter itself needs that scheme, as Ideogram's spec says.
 */
export function operationSecurity(
  schemes: ReadonlyMap<string, AuthScheme>,
  operation: Record<string, unknown>,
  document: Record<string, unknown>,
  parameters: readonly { name: string; in: string }[],
  pointer: string,
  warnings: Warnings,
): SecurityRequirement[] {
  const own = Array.isArray(operation.security);
  const raw = own ? (operation.security as unknown[]) : Array.isArray(document.security) ? document.security : [];
  const requirements: SecurityRequirement[] = [];
  raw.forEach((requirement, index) => {
    if (!isRecord(requirement)) return;
    const names = Object.keys(requirement);
    const missing = names.filter((name) => !schemes.has(name));
    if (missing.length === 0) requirements.push(names);
    else warnings.add(own ? `${pointer}/security/${index}` : `/security/${index}`, `${missing.map((n) => quote(n)).join(", ")} is not a supported security scheme here; this alternative is left out`);
  });
  for (const scheme of schemes.values()) {
    if (parameters.some((p) => isAuthParameter(scheme, p)) && !requirements.some((r) => r.includes(scheme.schemeName))) {
      requirements.push([scheme.schemeName]);
    }
  }
  return requirements;
}

/** Whether a declared parameter is an apiKey scheme's credential (the client sets it, so the params do not hold it). */
export function isAuthParameter(scheme: AuthScheme, parameter: { name: string; in: string }): boolean {
  return scheme.kind === "apiKey" && parameter.in === scheme.in && parameter.name.toLowerCase() === scheme.name.toLowerCase();
}
