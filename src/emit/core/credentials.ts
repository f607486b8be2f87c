import type { ApiModel, AuthScheme, Operation, SecurityRequirement } from "../../ir/types";
import { docText, stringLiteral } from "../escape";
import { arrayLiteral, atom, expr, jsDoc, objectLiteral, union, type Expr, type TypeMember } from "../print/typescript";
import type { ClientSettings } from "./client-file";

/** The environment variable a credential option defaults to: `credentialEnv`, else `apiKeyEnv` for `apiKey`. */
export function credentialEnv(option: string, settings: Pick<ClientSettings, "apiKeyEnv" | "credentialEnv">): string | undefined {
  if (settings.credentialEnv && Object.hasOwn(settings.credentialEnv, option)) return settings.credentialEnv[option];
  return option === "apiKey" ? settings.apiKeyEnv : undefined;
}

/** The requirement most operations share, sent as the client's default (`auth: true`): the first operation's. */
export function defaultSecurity(model: ApiModel): SecurityRequirement[] | undefined {
  return model.operations.find((op) => op.security.length > 0)?.security;
}

/** The scheme examples show: the first one the default requirement names, else the first the API has. */
export function featuredScheme(model: ApiModel): AuthScheme | undefined {
  const first = defaultSecurity(model)?.[0]?.[0];
  return model.auth.find((scheme) => scheme.schemeName === first) ?? model.auth[0];
}

const key = (security: SecurityRequirement[]) => JSON.stringify(security);

/** An operation's `auth` in its descriptor: `true` for the default requirement, else indexes into `credentials`. */
export function authDescriptor(operation: Operation, model: ApiModel): Expr | undefined {
  if (operation.security.length === 0) return undefined;
  const fallback = defaultSecurity(model);
  if (fallback && key(fallback) === key(operation.security)) return expr("true");
  return indexes(operation.security, model);
}

function indexes(security: SecurityRequirement[], model: ApiModel): Expr {
  const index = (name: string) => expr(String(model.auth.findIndex((scheme) => scheme.schemeName === name)));
  return arrayLiteral(security.map((alternative) => arrayLiteral(alternative.map(index))));
}

/** `credentials` and `security` of the client's defaults. */
export function credentialDefaults(model: ApiModel, settings: ClientSettings): [string, Expr][] {
  if (model.auth.length === 0) return [];
  const string = (value: string) => expr(stringLiteral(value));
  const credentials = model.auth.map((scheme) => {
    const place: [string, Expr][] = scheme.kind === "apiKey" ? [["in", string(scheme.in)], ["name", string(scheme.name)]] : [];
    const envs = scheme.options.map((option) => credentialEnv(option, settings));
    const env: [string, Expr][] = envs.some(Boolean) ? [["env", arrayLiteral(envs.map((e) => (e ? string(e) : expr("undefined"))))]] : [];
    return objectLiteral([["kind", string(scheme.kind)], ...place, ["options", arrayLiteral(scheme.options.map(string))], ...env]);
  });
  const fallback = defaultSecurity(model);
  return [["credentials", arrayLiteral(credentials)], ...(fallback ? [["security", indexes(fallback, model)] as [string, Expr]] : [])];
}

/** The client options holding each scheme's secrets, documented with where they are sent and their environment variable. */
export function credentialMembers(model: ApiModel, settings: ClientSettings): TypeMember[] {
  return model.auth.flatMap((scheme) =>
    scheme.options.map((option, i) => {
      const env = credentialEnv(option, settings);
      const lines = [`${capitalize(credentialText(scheme, i))}.`, ...(env ? [`Default: the \`${docText(env)}\` environment variable, where the runtime has one.`] : [])];
      return { docs: jsDoc(lines), key: `${option}?`, type: union([atom("string"), atom("undefined")]) };
    }),
  );
}

/** What one secret of a scheme is, for docs: `the API key sent in the \`Api-Key\` header`. */
export function credentialText(scheme: AuthScheme, option = 0): string {
  switch (scheme.kind) {
    case "apiKey":
      return `the API key sent in the \`${docText(scheme.name)}\` ${scheme.in === "query" ? "query parameter" : scheme.in}`;
    case "bearer":
      return "the bearer token sent in the `Authorization` header";
    case "basic":
      return option === 0 ? "the username for HTTP Basic authentication" : "the password for HTTP Basic authentication";
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
