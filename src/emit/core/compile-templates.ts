/**
 * Build step (`npm run build`, src/build.ts): precompiles the handlebars templates of `templates/` into modules under
 * `dist/templates/`, so a run loads handlebars' small runtime and ready templates instead of its compiler.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { readTemplate } from "./runtime-files";
import { PACKAGE_ROOT } from "../../package-root";

/** In the build output, whether this module runs from dist/ or (under jest) from src/. */
export const PRECOMPILED_TEMPLATES_DIR = path.join(PACKAGE_ROOT, "dist", "templates");

export const TEMPLATE_NAMES = ["client-readme.md.hbs", "header.hbs"] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** HTML escaping off (the output is not HTML); a missing context field is an error, not an empty string. */
const OPTIONS = { noEscape: true, strict: true } as const;

export function compileTemplates(): void {
  const Handlebars = require("handlebars") as typeof import("handlebars");
  mkdirSync(PRECOMPILED_TEMPLATES_DIR, { recursive: true });
  for (const name of TEMPLATE_NAMES) {
    const spec = Handlebars.precompile(readTemplate(name), OPTIONS);
    writeFileSync(path.join(PRECOMPILED_TEMPLATES_DIR, `${name}.js`), `module.exports = ${String(spec)};\n`);
  }
}
