import type { Log } from "./log.ts";
import { Payload } from "./payload.ts";
import { isUploadable, prepareFile, type PreparedFile } from "./uploads.ts";

/** How one field travels; see the generator's wire rules. */
export type FieldEncoding = "text" | "texts" | "file" | "files" | "json" | "styled" | "any";

/** What the spec's `encoding` entry adds to a field's part. */
export interface FieldOptions {
  /** The part's Content-Type; for a file, the accepted types, the first used when the file has no type. */
  contentType?: string;
  /** Extra part headers. */
  headers?: Record<string, string>;
  /** How a `styled` field serialises an array or object. */
  style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  explode?: boolean;
}

/** [field name, encoding, options from the spec's `encoding` entry]. */
export type FieldSpec = readonly [name: string, encoding: FieldEncoding, options?: FieldOptions];

export type Part = { name: string; headers?: Record<string, string> } & (
  { text: string; contentType?: string } | { file: PreparedFile }
);

/**
 * Turns a params object into multipart parts, reading every upload once. Absent fields
 * (undefined or null) produce no part; repeated encodings produce one part per item.
 */
export async function prepareParts(fields: readonly FieldSpec[], values: Record<string, unknown>): Promise<Part[]> {
  const parts: Part[] = [];
  for (const [name, encoding, options = {}] of fields) {
    const value = ownValue(values, name);
    if (value === undefined || value === null) continue;
    const extra = options.headers ? { headers: options.headers } : {};
    const text = (partName: string, item: string) =>
      parts.push({
        name: partName,
        text: item,
        ...extra,
        ...(options.contentType ? { contentType: options.contentType } : {}),
      });
    if (encoding === "styled") {
      for (const [partName, item] of styledPairs(
        name,
        value,
        options.style ?? "form",
        options.explode ?? options.style !== "deepObject",
      )) {
        text(partName, item);
      }
      continue;
    }
    const items = (encoding === "texts" || encoding === "files") && Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item === undefined || item === null) continue;
      if (encoding === "file" || encoding === "files" || (encoding === "any" && isUploadable(item))) {
        if (!isUploadable(item)) throw new TypeError(notAFile(name, item));
        parts.push({ name, file: await prepareFile(item, name, concreteType(options.contentType)), ...extra });
      } else if (encoding === "json" || (encoding === "any" && typeof item === "object")) {
        text(name, JSON.stringify(item));
      } else {
        text(name, textOf(item));
      }
    }
  }
  return parts;
}

/** What a file field was given instead of a file: a path or a URL (from plain JavaScript) is named as such. */
function notAFile(field: string, value: unknown): string {
  const expected = `field ${field}: expected a file (Blob, File, bytes or stream)`;
  if (typeof value !== "string") return `${expected}, not ${value === null ? "null" : typeof value}`;
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return `${expected}, not the string ${shown}: read a path with fileFromPath() (Node), a URL with toFile(await fetch(url))`;
}

/** The first type of a declared list (`image/png, image/jpeg`) that names one type, not a range such as `image/*`. */
function concreteType(declared: string | undefined): string | undefined {
  return declared
    ?.split(",")
    .map((entry) => entry.trim())
    .find((entry) => !entry.includes("*"));
}

/** An array or object as a form parameter of `style`: [part name, text] pairs, not percent-encoded. */
function styledPairs(
  name: string,
  value: unknown,
  style: NonNullable<FieldOptions["style"]>,
  explode: boolean,
): [string, string][] {
  const separator = style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",";
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== undefined && item !== null).map(textOf);
    return explode ? items.map((item) => [name, item]) : [[name, items.join(separator)]];
  }
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined && item !== null);
    if (style === "deepObject") return entries.map(([key, item]) => [`${name}[${key}]`, textOf(item)]);
    if (explode) return entries.map(([key, item]) => [key, textOf(item)]);
    return [[name, entries.flatMap(([key, item]) => [key, textOf(item)]).join(separator)]];
  }
  return [[name, textOf(value)]];
}

/**
 * The value the caller set under `key`, never one inherited from Object.prototype: a field or
 * parameter named `constructor` or `toString` that the caller left out is absent, not a function.
 */
export function ownValue(values: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : undefined;
}

function textOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Encodes parts as multipart/form-data. Built by hand rather than with the platform FormData,
 * which cannot send a part with its own Content-Type but no filename, and names Blob parts "blob".
 * File contents are referenced, not copied.
 */
export function encodeMultipart(
  parts: readonly Part[],
  boundary: string = newBoundary(),
): { body: Payload; contentType: string } {
  // Text between two files travels as one chunk: each Blob piece costs time to build and to send.
  const chunks: (Uint8Array | Blob)[] = [];
  const encoder = new TextEncoder();
  let text = "";
  for (const part of parts) {
    text += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(part.name)}"`;
    const extra = Object.entries(part.headers ?? {})
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("");
    if ("file" in part) {
      text += `; filename="${escapeQuoted(part.file.filename)}"\r\nContent-Type: ${part.file.contentType}\r\n${extra}\r\n`;
      chunks.push(encoder.encode(text), part.file.data);
      text = "\r\n";
    } else {
      text += `\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ""}${extra}\r\n`;
      text += `${part.text}\r\n`;
    }
  }
  chunks.push(encoder.encode(`${text}--${boundary}--\r\n`));
  const contentType = `multipart/form-data; boundary=${boundary}`;
  return { body: new Payload(chunks, contentType), contentType };
}

/** The longest text of one part a debug line shows, in characters. */
const MAX_LOGGED_PART = 200;

/** The parts as the debug log shows them: each text field's value as `quote` shows it, each file's name, type and size. */
export function describeParts(parts: readonly Part[], quote: Log["quote"]): string {
  return parts
    .map(({ name, ...part }) => {
      if (!("file" in part)) return `${name} ${quote(part.text, MAX_LOGGED_PART)}`;
      const { data, filename, contentType } = part.file;
      const size = data instanceof Uint8Array ? data.byteLength : data.size;
      return `${name} file ${quote(filename, MAX_LOGGED_PART)} (${contentType}, ${size} bytes)`;
    })
    .join(", ");
}

/** Quoted-string escaping of the HTML standard's form encoding: quotes and line breaks percent-encoded. */
function escapeQuoted(value: string): string {
  return value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function newBoundary(): string {
  const bytes = new Uint8Array(12);
  const crypto = (globalThis as { crypto?: { getRandomValues(array: Uint8Array): Uint8Array } }).crypto;
  if (crypto) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return `----codegen${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
