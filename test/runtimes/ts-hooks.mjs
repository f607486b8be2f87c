// Module hooks for ts-loader.mjs: a .ts file loads as an ES module with its types stripped.
import { readFile } from "node:fs/promises";
import { transform } from "esbuild";

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return nextLoad(url, context);
  const source = await readFile(new URL(url), "utf8");
  const { code } = await transform(source, { loader: "ts", format: "esm", target: "node20", sourcefile: url });
  return { format: "module", source: code, shortCircuit: true };
}
