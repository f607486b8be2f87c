import * as path from "node:path";
import { PRECOMPILED_TEMPLATES_DIR, type TemplateName } from "./compile-templates";

const cache = new Map<TemplateName, (context: object) => string>();
let runtime: typeof import("handlebars") | undefined;

/** Renders a handlebars template of `templates/`, precompiled by the build (`compile-templates`). */
export function renderTemplate(name: TemplateName, context: object): string {
  let render = cache.get(name);
  if (!render) {
    if (!runtime) {
      runtime = require("handlebars/runtime") as typeof import("handlebars");
      runtime.registerHelper("code", codeSpan);
    }
    render = runtime.template(require(path.join(PRECOMPILED_TEMPLATES_DIR, `${name}.js`)));
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
