import { formatDiagnostic, terminalSafe, type Diagnostic } from "../diagnostics";

export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
}

/** ANSI colours for one stream: only on a terminal, and never with NO_COLOR set to anything (no-color.org). */
export function painter(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): Paint {
  const on = stream.isTTY === true && !env.NO_COLOR;
  const wrap = (open: number, close: number) => (text: string) => (on ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22) };
}

/** How many places a grouped warning lists before "and N more" (all of them with `--verbose`). */
const PLACES_SHOWN = 3;

/**
 * Warning lines: one per distinct message, in first-seen order. A message that repeats is printed
 * once with its count and places.
 */
export function warningLines(warnings: readonly Diagnostic[], verbose: boolean): string[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const warning of warnings) {
    const key = `${warning.file}\0${warning.message}`;
    groups.set(key, [...(groups.get(key) ?? []), warning]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group as [Diagnostic];
    if (group.length === 1) return formatDiagnostic(first);
    const places = group.map((w) => `#${terminalSafe(w.pointer)}`);
    const shown = verbose ? places : places.slice(0, PLACES_SHOWN);
    const more = places.length - shown.length;
    return `${first.file}: ${first.message} (${group.length}×: ${shown.join(", ")}${more ? ` and ${more} more` : ""})`;
  });
}

/** `1 warning`, `2 warnings`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
