import { readTemplate } from "./runtime-files";

const cache = new Map<string, (context: object) => string>();

/** Renders a handlebars template from `templates/` (HTML escaping off: the output is not HTML). */
export function renderTemplate(name: string, context: object): string {
  let render = cache.get(name);
  if (!render) {
    const Handlebars = require("handlebars") as typeof import("handlebars");
    Handlebars.registerHelper("code", codeSpan);
    render = Handlebars.compile(readTemplate(...name.split("/")), { noEscape: true, strict: true });
    cache.set(name, render);
  }
  return render(context);
}

/** Markdown inline code that spec text cannot break out of: the fence outgrows any backtick run inside. */
export function codeSpan(text: unknown): string {
  const value = String(text).replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return longest ? `${fence} ${value} ${fence}` : `${fence}${value}${fence}`;
}
