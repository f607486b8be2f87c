/**
 * Every spec string that reaches generated code passes through here: comments, string literals
 * and property keys. Identifiers come from `ir/naming.ts` and are safe by construction.
 */

/** What `docText` has to act on: line breaks, control characters, a comment's end and `@` (which would start a tag). */
const UNPLAIN_DOC_TEXT = /[\u0000-\u001f\u007f\u2028\u2029@]|\*\//;

/** Text for a JSDoc block: cannot close the comment, start a tag, or carry control characters. */
export function docText(text: string): string {
  // Most texts are one plain line: nothing to neutralise, nothing to split.
  if (!UNPLAIN_DOC_TEXT.test(text)) return text.trim();
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, " ")
    .replace(/\*\//g, "*\\/")
    .replace(/(^|\s)@/g, "$1\\@")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * The last guard for every line printed inside a block comment, whether or not it came through
 * `docText` (a spec name, a path): nothing in it can end the comment or break its line.
 */
export function commentLine(line: string): string {
  return line.replace(/[\r\n\u2028\u2029]/g, " ").replace(/\*\//g, "*\\/");
}

/**
 * A JavaScript string literal for any value: double-quoted unless the value holds more double
 * quotes than single ones (prettier's choice, so the printed file needs no formatter).
 */
export function stringLiteral(value: string): string {
  const json = JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  const doubles = value.split('"').length - 1;
  if (doubles <= value.split("'").length - 1) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** A literal for an enum or const value. */
export function valueLiteral(value: string | number | boolean | null): string {
  if (typeof value === "string") return stringLiteral(value);
  // As prettier prints a number: `1e21`, not JavaScript's `1e+21`.
  if (typeof value === "number") return Number.isFinite(value) ? String(value).replace("e+", "e") : "number";
  return String(value);
}

/**
 * A key prettier writes without quotes: an ES5 IdentifierName, whose letters and digits are those
 * of the Basic Multilingual Plane, by general category.
 */
const ES5_IDENTIFIER =
  /^(?![^]*[\u{10000}-\u{10ffff}])[\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}$_][\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$_\u200c\u200d]*$/u;
/** A name TypeScript reads as an identifier (Unicode ID_Start, ID_Continue). */
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/**
 * Characters ES5 counted as identifier characters that TypeScript does not, such as U+2E2F:
 * prettier would unquote a key holding them, so a quoted key holds them as `\u` escapes, which
 * prettier leaves quoted.
 */
const ES5_ONLY_IDENTIFIER_CHARS = /(?=[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}])\P{ID_Continue}/gu;

/** A property key in a type or object literal: bare where prettier leaves it bare and TypeScript reads it, quoted otherwise. */
export function propertyKey(name: string): string {
  if (ES5_IDENTIFIER.test(name) && IDENTIFIER.test(name)) return name;
  return stringLiteral(name).replace(ES5_ONLY_IDENTIFIER_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
