import type { StatementStructures } from "ts-morph";

export type Statements = (StatementStructures | string)[];

/** Prints each file from ts-morph structures in one in-memory project; no type-checking. */
export function printSourceFiles(files: ReadonlyMap<string, Statements>): Map<string, string> {
  const { Project, IndentationText, QuoteKind } = require("ts-morph") as typeof import("ts-morph");
  const project = new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
  const printed = new Map<string, string>();
  for (const [path, statements] of files) {
    printed.set(path, project.createSourceFile(path, { statements }, { overwrite: true }).getFullText());
  }
  return printed;
}
