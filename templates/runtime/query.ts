/** `name=value` pairs of one query parameter in its OpenAPI style, names and values percent-encoded. */
export function queryPairs(name: string, value: unknown, style: string, explode: boolean): string[] {
  const key = encodeURIComponent(name);
  const pair = (k: string, v: unknown) => `${k}=${encodeURIComponent(scalarText(v))}`;
  if (Array.isArray(value)) {
    if (explode) return value.map((item) => pair(key, item));
    const separator = style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",";
    return [`${key}=${value.map((item) => encodeURIComponent(scalarText(item))).join(encodeURIComponent(separator))}`];
  }
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
    if (style === "deepObject") return entries.map(([k, v]) => pair(`${key}%5B${encodeURIComponent(k)}%5D`, v));
    if (explode) return entries.map(([k, v]) => pair(encodeURIComponent(k), v));
    return [
      `${key}=${entries.map(([k, v]) => `${encodeURIComponent(k)},${encodeURIComponent(scalarText(v))}`).join(",")}`,
    ];
  }
  return [pair(key, value)];
}

/** The pairs of an application/x-www-form-urlencoded body: nested objects travel as JSON text. */
export function formPairs(value: Record<string, unknown>): string[] {
  const pairs: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || item === null) continue;
    pairs.push(
      ...queryPairs(key, typeof item === "object" && !Array.isArray(item) ? JSON.stringify(item) : item, "form", true),
    );
  }
  return pairs;
}

export function scalarText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
