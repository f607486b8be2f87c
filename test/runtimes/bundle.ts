import { build } from "esbuild";

const HERE = __dirname;

/**
 * Bundles an entry (TypeScript source resolved from this folder) as one ES module for a browser or
 * an edge runtime, as a user's bundler would. Throws when the bundle reaches Node-only code: a
 * `node:` module, or the client's Node entry (`node.ts`, `runtime/node-files.ts`).
 */
export async function bundleForBrowser(contents: string, name: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: HERE, sourcefile: name, loader: "ts" },
    platform: "browser",
    format: "esm",
    target: "es2022",
    bundle: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.entries(result.metafile.inputs);
  const nodeOnly = [
    ...inputs
      .filter(([file]) => file.startsWith("node:") || /(^|\/)(node|node-files)\.ts$/.test(file))
      .map(([file]) => file),
    ...inputs.flatMap(([file, input]) =>
      input.imports.filter((i) => i.path.startsWith("node:")).map((i) => `${file} imports ${i.path}`),
    ),
  ];
  if (nodeOnly.length > 0) throw new Error(`the bundle of ${name} reaches Node-only code:\n${nodeOnly.join("\n")}`);
  return result.outputFiles[0]!.text;
}

/** An entry that imports a variant's main entry and the scenario, then `lines` that use them. */
export function scenarioEntry(variant: "fetch" | "axios", ...lines: string[]): string {
  return [
    `import * as sdk from "../../generated/${variant}/index.ts";`,
    'import { runScenario } from "./scenario.ts";',
    ...lines,
  ].join("\n");
}
