/** A problem in the input, located by file and JSON pointer. */
export interface Diagnostic {
  /** The spec file as the user named it (never made absolute). */
  file: string;
  /** JSON pointer inside that file, "" for the document itself. */
  pointer: string;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}${d.pointer ? `#${terminalSafe(d.pointer)}` : ""}: ${d.message}`;
}

/** Spec text with control characters escaped (`\u000d`), so it cannot break a line or drive the terminal. */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Unusable input: the CLI prints the message and exits with code 2. */
export class InputError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(formatDiagnostic(diagnostic));
    this.name = "InputError";
    this.diagnostic = diagnostic;
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
