import { hardline, printDoc, type Doc } from "../print/doc";
import type { Statement } from "../print/typescript";

export interface SourceText {
  text: string;
  /**
   * Whether the text may differ from prettier's layout: a group whose breaking we do not model
   * had to break, or characters whose width prettier counts differently sit in code.
   */
  needsFormatter: boolean;
}

/** Prints a file's statements: block statements (classes, interfaces, functions) set apart by blank lines. */
export function printSourceFile(statements: readonly Statement[]): SourceText {
  const docs: Doc[] = [];
  statements.forEach((statement, i) => {
    if (i > 0) docs.push(statement.block || statements[i - 1]!.block ? [hardline, hardline] : hardline);
    docs.push(statement.doc);
  });
  const { text, unsure } = printDoc(docs);
  return { text: `${text}\n`, needsFormatter: unsure || wideCharactersInCode(text) };
}

/** prettier measures East Asian wide characters and emoji as two columns; outside comments, let it decide. */
function wideCharactersInCode(text: string): boolean {
  if (!/[^\x00-\x7e]/.test(text)) return false;
  return text.split("\n").some((line) => /[^\x00-\x7e]/.test(line) && !/^\s*(\/\*\*|\*)/.test(line));
}
