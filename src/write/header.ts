import { renderTemplate } from "../emit/core/templates";

/** Prefixes each file with the fixed header: generator, version, spec name and hash; never a time. */
export function addHeaders(files: ReadonlyMap<string, string>, spec: { name: string; sha256: string }, version: string): Map<string, string> {
  const text = renderTemplate("header.hbs", { version, spec: spec.name.replace(/[^\w.@+\-:/%~]/g, "_"), sha256: spec.sha256 }).trim();
  const lines = text.split("\n");
  const result = new Map<string, string>();
  for (const [path, body] of files) {
    if (/\.m?[jt]s$/.test(path)) result.set(path, `${lines.map((l) => `// ${l}`).join("\n")}\n\n${body}`);
    else if (path.endsWith(".md")) result.set(path, `<!-- ${lines.join(" ")} -->\n\n${body}`);
    else result.set(path, body);
  }
  return result;
}
