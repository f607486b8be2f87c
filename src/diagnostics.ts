/** A problem in the input, located by file and JSON pointer. */
export interface Diagnostic {
  /** The spec file as the user named it (never made absolute). */
  file: string;
  /** JSON pointer inside that file, "" for the document itself. */
  pointer: string;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}${d.pointer ? `#${terminalSafe(cut(d.pointer))}` : ""}: ${cut(d.message, MAX_MESSAGE)}`;
}

/** How much of a value from the spec a message shows. */
const MAX_VALUE = 200;
/** Past this, a message (already holding cut values) is cut too: one problem is one readable line. */
const MAX_MESSAGE = 1_000;

/** The first `max` characters of a text from the spec, and its length when that is not all of it. */
export function cut(text: string, max = MAX_VALUE): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length.toLocaleString("en")} characters)`;
}

/** A value from the spec quoted for a message: JSON, cut to its first 200 characters. */
export function quote(value: unknown): string {
  return cut(JSON.stringify(value) ?? String(value));
}

/** Spec text with control characters escaped (`\u000d`), so it cannot break a line or drive the terminal. */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Unusable input: the CLI prints the message (one line per problem) and exits with code 2. */
export class InputError extends Error {
  readonly diagnostic: Diagnostic;
  /** Every problem found, `diagnostic` first. */
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostic: Diagnostic, ...more: Diagnostic[]) {
    super([diagnostic, ...more].map(formatDiagnostic).join("\n"));
    this.name = "InputError";
    this.diagnostic = diagnostic;
    this.diagnostics = [diagnostic, ...more];
  }
}

/** Collects warnings for one run; with `strict`, the first warning becomes an `InputError`. */
export class Warnings {
  readonly list: Diagnostic[] = [];
  constructor(
    readonly file: string,
    readonly strict = false,
  ) {}

  add(pointer: string, message: string): void {
    const diagnostic = { file: this.file, pointer, message };
    if (this.strict) throw new InputError(diagnostic);
    this.list.push(diagnostic);
  }
}

/** Encodes path segments as a JSON pointer (RFC 6901). */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}
