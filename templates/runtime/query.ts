/** Serialises one query parameter (its name already percent-encoded) as percent-encoded `name=value` pairs. */
export type QueryStyle = (key: string, value: unknown, explode: boolean) => string[];

/** OpenAPI's default style for query parameters; generated code imports the others where a spec uses them. */
export const formStyle: QueryStyle = (key, value, explode) => delimited(key, value, explode, ",");

export const spaceDelimitedStyle: QueryStyle = (key, value, explode) => delimited(key, value, explode, " ");

export const pipeDelimitedStyle: QueryStyle = (key, value, explode) => delimited(key, value, explode, "|");

export const deepObjectStyle: QueryStyle = (key, value, explode) =>
  isObject(value)
    ? presentEntries(value).map(([k, v]) => pair(`${key}%5B${encodeURIComponent(k)}%5D`, v))
    : formStyle(key, value, explode);

/** The pairs of an application/x-www-form-urlencoded body: nested objects travel as JSON text. */
export function formPairs(value: Record<string, unknown>): string[] {
  return presentEntries(value).flatMap(([key, item]) =>
    formStyle(encodeURIComponent(key), isObject(item) ? JSON.stringify(item) : item, true),
  );
}

export function scalarText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function delimited(key: string, value: unknown, explode: boolean, separator: string): string[] {
  if (Array.isArray(value)) {
    if (explode) return value.map((item) => pair(key, item));
    return [`${key}=${value.map((item) => encodeURIComponent(scalarText(item))).join(encodeURIComponent(separator))}`];
  }
  if (isObject(value)) {
    const entries = presentEntries(value);
    if (explode) return entries.map(([k, v]) => pair(encodeURIComponent(k), v));
    return [
      `${key}=${entries.map(([k, v]) => `${encodeURIComponent(k)},${encodeURIComponent(scalarText(v))}`).join(",")}`,
    ];
  }
  return [pair(key, value)];
}

function pair(key: string, value: unknown): string {
  return `${key}=${encodeURIComponent(scalarText(value))}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function presentEntries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
}
