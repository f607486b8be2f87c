/**
 * A small document printer in the manner of prettier's (Wadler's "prettier printer"): a group
 * prints on one line when it fits the width, else its lines break. The emitters build documents
 * whose printed text is already what prettier makes of it (a test holds every fixture and corpus
 * spec to that), so generation needs neither prettier nor a TypeScript AST.
 */
import { PRETTIER_OPTIONS } from "../../format/format";

export type Doc = string | readonly Doc[] | Group | Indent | IndentIfBreak | Line | IfBreak;

interface Group {
  readonly kind: "group";
  readonly contents: Doc;
  /** Set when the contents hold a hard line: the group can never print flat. */
  readonly broken: boolean;
  /** Breaking this group is a layout prettier may print differently: the file goes to prettier. */
  readonly unsure: boolean;
  /** Names the group for an `indentIfBreak` that follows it. */
  readonly id?: symbol;
}
interface IndentIfBreak {
  readonly kind: "indent-if-break";
  readonly contents: Doc;
  readonly groupId: symbol;
}
interface Indent {
  readonly kind: "indent";
  readonly contents: Doc;
}
interface Line {
  readonly kind: "line";
  /** What the line prints when its group is flat: " " for a line, "" for a softline. */
  readonly flat: string;
  readonly hard: boolean;
}
interface IfBreak {
  readonly kind: "if-break";
  readonly broken: Doc;
  readonly flat: Doc;
}


export const line: Line = { kind: "line", flat: " ", hard: false };
export const softline: Line = { kind: "line", flat: "", hard: false };
export const hardline: Line = { kind: "line", flat: "", hard: true };

/** `broken` forces the group to break, as prettier does for objects written across lines. */
export function group(
  contents: Doc,
  { unsure = false, broken = false, id }: { unsure?: boolean; broken?: boolean; id?: symbol } = {},
): Group {
  return { kind: "group", contents, broken: broken || holdsHardLine(contents), unsure, ...(id ? { id } : {}) };
}

/** Indents the contents when the group named `groupId` (printed before them) broke. */
export function indentIfBreak(contents: Doc, groupId: symbol): IndentIfBreak {
  return { kind: "indent-if-break", contents, groupId };
}

export function indent(contents: Doc): Indent {
  return { kind: "indent", contents };
}

export function ifBreak(broken: Doc, flat: Doc = ""): IfBreak {
  return { kind: "if-break", broken, flat };
}

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  return docs.flatMap((doc, i) => (i === 0 ? [doc] : [separator, doc]));
}

/** Whether the document holds a hard line, so any group around it breaks. */
export function holdsHardLine(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (isArray(doc)) return doc.some(holdsHardLine);
  switch (doc.kind) {
    case "group":
      return doc.broken;
    case "indent":
    case "indent-if-break":
      return holdsHardLine(doc.contents);
    case "line":
      return doc.hard;
    case "if-break":
      return false;
  }
}

function isArray(doc: Doc): doc is readonly Doc[] {
  return Array.isArray(doc);
}

type Mode = "flat" | "break";
type Command = [indentation: number, mode: Mode, doc: Doc];

export interface Printed {
  text: string;
  /** Whether a group marked unsure had to break. */
  unsure: boolean;
}

/** Prints a document at the width (prettier's, as configured); trailing spaces are trimmed from every line. */
export function printDoc(doc: Doc, width: number = PRETTIER_OPTIONS.printWidth): Printed {
  const out: string[] = [];
  let column = 0;
  let unsure = false;
  const groupModes = new Map<symbol, Mode>();
  const stack: Command[] = [[0, "break", doc]];
  while (stack.length) {
    const [indentation, mode, current] = stack.pop()!;
    if (typeof current === "string") {
      out.push(current);
      column += textColumns(current);
    } else if (isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([indentation, mode, current[i]!]);
    } else {
      switch (current.kind) {
        case "indent":
          stack.push([indentation + 2, mode, current.contents]);
          break;
        case "group": {
          const flat = mode === "flat" || (!current.broken && fits([indentation, "flat", current.contents], stack, width - column));
          if (!flat && current.unsure) unsure = true;
          if (current.id) groupModes.set(current.id, flat ? "flat" : "break");
          stack.push([indentation, flat ? "flat" : "break", current.contents]);
          break;
        }
        case "indent-if-break":
          stack.push([indentation + (groupModes.get(current.groupId) === "break" ? 2 : 0), mode, current.contents]);
          break;
        case "if-break":
          stack.push([indentation, mode, mode === "break" ? current.broken : current.flat]);
          break;
        case "line":
          if (mode === "flat" && !current.hard) {
            out.push(current.flat);
            column += textColumns(current.flat);
          } else {
            trimTrailingSpaces(out);
            out.push("\n", " ".repeat(indentation));
            column = indentation;
          }
          break;
      }
    }
  }
  return { text: out.join(""), unsure };
}

/** Whether `next` printed flat, and what follows it up to the next line break, fits in `room`. */
function fits(next: Command, rest: readonly Command[], room: number): boolean {
  const pending: Command[] = [next];
  let restIndex = rest.length;
  while (room >= 0) {
    if (pending.length === 0) {
      if (restIndex === 0) return true;
      pending.push(rest[--restIndex]!);
      continue;
    }
    const [indentation, mode, doc] = pending.pop()!;
    if (typeof doc === "string") {
      room -= textColumns(doc);
    } else if (isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) pending.push([indentation, mode, doc[i]!]);
    } else {
      switch (doc.kind) {
        case "indent":
        case "indent-if-break":
          pending.push([indentation, mode, doc.contents]);
          break;
        case "group":
          pending.push([indentation, doc.broken ? "break" : mode, doc.contents]);
          break;
        case "if-break":
          pending.push([indentation, mode, mode === "break" ? doc.broken : doc.flat]);
          break;
        case "line":
          if (mode === "break" || doc.hard) return true;
          room -= textColumns(doc.flat);
          break;
      }
    }
  }
  return false;
}

const NOT_PLAIN_ASCII = /[^\x20-\x7e]/;
let prettierWidth: ((text: string) => number) | undefined;

/**
 * The columns a text takes as prettier counts them (East Asian wide characters and emoji two,
 * combining marks none): prettier's own measure, loaded the first time a text is not plain ASCII.
 */
export function textColumns(text: string): number {
  if (!NOT_PLAIN_ASCII.test(text)) return text.length;
  prettierWidth ??= (require("prettier") as typeof import("prettier")).util.getStringWidth;
  return prettierWidth(text);
}

function trimTrailingSpaces(out: string[]): void {
  while (out.length) {
    const last = out[out.length - 1]!;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed.length) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
