import { printDoc } from "../print/doc";
import type { Statement } from "../print/typescript";

/** Where in a printed file a statement sits: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

export interface SourceText {
  text: string;
  /**
   * The statements whose text may differ from prettier's layout, where a group whose breaking we do
   * not model had to break. prettier lays out each of them alone, and it is spliced back.
   */
  unsettled: Span[];
}

/** Prints a file's statements: block statements (classes, interfaces, functions) set apart by blank lines. */
export function printSourceFile(statements: readonly Statement[]): SourceText {
  const parts: string[] = [];
  const unsettled: Span[] = [];
  let offset = 0;
  statements.forEach((statement, i) => {
    if (i > 0) {
      const separator = statement.block || statements[i - 1]!.block ? "\n\n" : "\n";
      parts.push(separator);
      offset += separator.length;
    }
    // A statement starts at the first column with nothing open around it: it prints the same alone.
    const { text, unsure } = printDoc(statement.doc);
    if (unsure) unsettled.push({ start: offset, end: offset + text.length });
    parts.push(text);
    offset += text.length;
  });
  parts.push("\n");
  return { text: parts.join(""), unsettled };
}
