import type { ClientSettings } from "./client-file";
import { compiledNames } from "./module-files";

/** What the generated README says about the files themselves: their names, how to compile and load them. */
export interface ModuleFacts {
  /** The entries as the folder holds them: `index.ts`, `index.mts` or `index.js`. */
  index: string;
  node: string;
  /** How the files fit a build, one markdown paragraph. */
  compile: string;
  /** The `tsconfig.json` that compiles them as they are, when there is one to give. */
  tsconfig?: string;
  /** A paragraph after that `tsconfig.json`. */
  afterTsconfig?: string;
  /** Which runtimes load the files as they are. */
  load: string;
}

/** The entries' file names and the Install and Runtimes prose for the folder's import extension and emit; examples import `./<variant>/…`. */
export function moduleFacts(variant: string, settings: Pick<ClientSettings, "modules" | "emit">): ModuleFacts {
  const { modules, emit } = settings;
  const name = (stem: string) => (emit === "ts" ? modules.file(stem) : compiledNames(modules.file(stem)).js);
  const facts = { index: name("index"), node: name("node") };
  if (emit === "js") {
    return {
      ...facts,
      compile:
        `The files are JavaScript ES modules with \`.d.ts\` declarations beside them: nothing to compile. TypeScript 5.x, 6\n` +
        `and 7 read their types under any \`moduleResolution\` (\`NodeNext\`, \`Bundler\`, \`Node10\`).`,
      load: `Node 20 and later, Deno and Bun load its files as they are.`,
    };
  }
  const typeStripping =
    `Node 22.18 and later, Node 24,\nDeno and Bun load its \`.ts\` files as they are (they use only erasable syntax: no \`enum\`, no \`namespace\`); Node 20 needs\na TypeScript loader or a build step.`;
  const compiled = `Compiled with your code, it runs\nwherever your build's output runs (it uses only erasable syntax, so any TypeScript transpiler takes it).`;
  switch (modules.extension) {
    case ".ts":
      return {
        ...facts,
        compile:
          "The files are TypeScript with `.ts` extensions on their relative imports. These `tsconfig.json` settings compile them\n" +
          "(TypeScript 5.9, 6 and 7 are tested; Node projects also need `@types/node`):",
        tsconfig: tsconfig({ module: "ESNext", moduleResolution: "Bundler", allowImportingTsExtensions: true, noEmit: true }),
        afterTsconfig:
          'To emit JavaScript with `tsc` itself, replace `"noEmit": true` with `"rewriteRelativeImportExtensions": true`\n' +
          "(TypeScript 5.7 or later).",
        load: typeStripping,
      };
    case ".js":
      return {
        ...facts,
        compile:
          "The files are TypeScript whose relative imports end in `.js`, as `NodeNext` (and `Node16`) module resolution asks:\n" +
          "`tsc` compiles them with settings such as these (TypeScript 5.4 to 7 are tested; Node projects also need `@types/node`):",
        tsconfig: tsconfig({ module: "NodeNext", outDir: "dist" }),
        load: compiled,
      };
    case ".mjs":
      return {
        ...facts,
        compile:
          "The files are `.mts` ES modules that import each other with `.mjs`, so a CommonJS project compiles them under\n" +
          "`verbatimModuleSyntax` as they are (`tsc` writes `.mjs` files). CommonJS code imports the client with\n" +
          `\`import sdk = require("./${variant}/index.mjs")\` (TypeScript 5.8 or later with \`NodeNext\`; Node 20.19, 22.12 or later):`,
        tsconfig: tsconfig({ module: "NodeNext", verbatimModuleSyntax: true, outDir: "dist" }),
        load: compiled,
      };
    case "none":
      return {
        ...facts,
        compile:
          "The files are TypeScript with extensionless relative imports, as bundlers resolve them. These `tsconfig.json`\n" +
          "settings type-check them (TypeScript 5.9, 6 and 7 are tested):",
        tsconfig: tsconfig({ module: "ESNext", moduleResolution: "Bundler", noEmit: true }),
        load: compiled,
      };
  }
}

function tsconfig(options: Record<string, string | boolean>): string {
  return JSON.stringify({ compilerOptions: { target: "ES2022", ...options, strict: true } }, null, 2);
}
