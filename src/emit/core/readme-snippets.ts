import type { ApiModel, Operation } from "../../ir/types";
import { PRETTIER_OPTIONS } from "../../format/format";
import { group, hardline, indent, printDoc, type Doc } from "../print/doc";
import { call, expr, importDeclaration, objectLiteral, type Expr } from "../print/typescript";
import { stringLiteral } from "../escape";
import type { ClientSettings } from "./client-file";
import type { ModuleFiles } from "./module-files";
import { createExampleBuilder } from "./examples";
import { paramsShape } from "./params-file";
import { successReader } from "./responses";

/** A `ts` code block's text, and whether prettier may lay it out differently. */
export interface CodeBlock {
  text: string;
  unsure: boolean;
}

/** One operation's example call, when a value fits its params. */
export interface OperationExample {
  operation: Operation;
  /** `client.generate.generateImageV3`. */
  target: string;
  params: Expr | undefined;
  /** The example reads a file with `fileFromPath` (from the Node entry). */
  usesFile: boolean;
}

/** The README's code: every operation's example call and the blocks built around one chosen operation. */
export interface Snippets {
  examples: OperationExample[];
  /** The operation the guide's sections call: the first that returns images, else the first current one. */
  featured: OperationExample | undefined;
  /** Whether `featured` returns image links, for the download section. */
  featuredReturnsImages: boolean;
  /** The first current operation without parameters: its method takes the options alone. */
  optionsOnly: OperationExample | undefined;
}

/** Built once per model: the client file (each method's `@example`) and each variant's README use them. */
const snippetsByModel = new WeakMap<ApiModel, Snippets>();

export function readmeSnippets(model: ApiModel): Snippets {
  let snippets = snippetsByModel.get(model);
  if (!snippets) snippetsByModel.set(model, (snippets = buildSnippets(model)));
  return snippets;
}

function buildSnippets(model: ApiModel): Snippets {
  const builder = createExampleBuilder(model.schemas);
  const examples = model.operations.flatMap((operation): OperationExample[] => {
    const example = builder.params(operation);
    if (!example) return [];
    return [{ operation, target: callPath(operation.resource, operation.memberName), params: example.value, usesFile: example.usesFile }];
  });
  const current = examples.filter((e) => !e.operation.deprecation && !e.usesFile);
  const withImages = current.find((e) => model.imageLinks?.operations.includes(e.operation.name));
  const optionsOnly = current.find((e) => paramsShape(e.operation).typeName === undefined);
  return { examples, featured: withImages ?? current[0], featuredReturnsImages: withImages !== undefined, optionsOnly };
}

/** Each operation's example call as the README prints it, for its method's `@example`. */
export function exampleCalls(model: ApiModel): Map<Operation, string> {
  return new Map(readmeSnippets(model).examples.map((example) => [example.operation, codeBlock([callStatement(example)]).text]));
}

/** `client.generate.generateImageV3`: how the client reaches a method (untagged ones sit on the client). */
export function callPath(resource: string | undefined, method: string): string {
  return ["client", ...(resource ? [resource] : []), method].join(".");
}

/**
 * `const result = await <target>(<params>);` as prettier prints it: a sole object argument hugs the
 * parentheses; with the `options` argument too, the arguments break one a line. A head longer than
 * the line is prettier's call. `keep: false` drops the `const result =` (the result is not used).
 */
export function callStatement(
  example: OperationExample,
  { keep = true, options, assign }: { keep?: boolean; options?: Record<string, string>; assign?: string } = {},
): Doc {
  assign ??= keep ? resultAssignment(example.operation) : "await ";
  const head = `${assign}${example.target}(`;
  // Without a params type the method takes the options alone; with one, `{}` stands for no params.
  const params = example.params ?? (options && paramsShape(example.operation).typeName ? expr("{}") : undefined);
  const args = [params, options && optionsObject(options)].filter((a) => a !== undefined);
  // A sole argument hugs the parentheses; two break one a line.
  const doc: Doc = args.length === 1 ? [head, args[0]!.doc, ");"] : [assign, call(example.target, args), ";"];
  return headFits(doc, head);
}

/** `const result = await <function>(<core>, <params>);`: the standalone function, its last argument hugged as prettier does. */
export function functionCallStatement(example: OperationExample, core: string): Doc {
  const head = `${resultAssignment(example.operation)}${example.operation.name}(${core}`;
  return headFits(example.params ? [`${head}, `, example.params.doc, ");"] : [head, ");"], `${head}, `);
}

/** `const result = await ` for a call that resolves with a body, else `await `. */
function resultAssignment(operation: OperationExample["operation"]): string {
  return successReader(operation) !== "void" ? "const result = await " : "await ";
}

/** A statement whose head (up to its hugged argument) is longer than the line is prettier's to lay out. */
function headFits(doc: Doc, head: string): Doc {
  return head.length + 2 > PRETTIER_OPTIONS.printWidth ? group(doc, { unsure: true }) : doc;
}

/** Prints statements (a `""` is a blank line) as a code block's text. */
export function codeBlock(statements: readonly Doc[]): CodeBlock {
  const docs: Doc[] = statements.map((s, i) => (i === 0 ? s : [hardline, s]));
  const printed = printDoc(docs);
  return { text: printed.text, unsure: printed.unsure };
}

/** `try { … } catch (error) { if … else throw error; }` with one branch per error class. */
export function tryCatch(body: Doc, branches: readonly (readonly [errorClass: string, handler: string])[]): Doc {
  const chain = branches.map(([errorClass, handler], i) => [
    i === 0 ? "if" : " else if",
    ` (error instanceof ${errorClass}) {`,
    indent([hardline, handler]),
    hardline,
    "}",
  ]);
  return [
    "try {",
    indent([hardline, body]),
    hardline,
    "} catch (error) {",
    indent([hardline, chain, " else {", indent([hardline, "throw error;"]), hardline, "}"]),
    hardline,
    "}",
  ];
}

/** `import { a, b } from "./<variant>/<entry>";` with the names sorted as a reader scans them. */
export function importFrom(variant: string, modules: ModuleFiles, entry: "index" | "node", names: readonly string[]): Doc {
  return importDeclaration(modules.specifier(`./${variant}/${entry}`), { names: [...names].sort() }).doc;
}

/** `const client = new Client({ …options })`; the options object hugs the parentheses. */
export function clientConstruction(settings: ClientSettings, options: Record<string, string> = {}, variable = "client"): Doc {
  const head = `const ${variable} = new ${settings.clientName}(`;
  return headFits([head, Object.keys(options).length ? optionsObject(options).doc : "", ");"], head);
}

/** An options object from its keys and the source of their values. */
function optionsObject(options: Record<string, string>): Expr {
  return objectLiteral(Object.entries(options).map(([key, value]) => [key, expr(value)] as const));
}

