import { blobOf, isUploadable, prepareFile, type PreparedFile } from "./uploads.ts";

/** How one field travels; see the generator's wire rules. */
export type FieldEncoding = "text" | "texts" | "file" | "files" | "json";

/** [field name, encoding, explicit part content type]. */
export type FieldSpec = readonly [name: string, encoding: FieldEncoding, contentType?: string];

export type Part = { name: string; text: string; contentType?: string } | { name: string; file: PreparedFile };

/**
 * Turns a params object into multipart parts, reading every upload once. Absent fields
 * (undefined or null) produce no part; repeated encodings produce one part per item.
 */
export async function prepareParts(fields: readonly FieldSpec[], values: Record<string, unknown>): Promise<Part[]> {
  const parts: Part[] = [];
  for (const [name, encoding, contentType] of fields) {
    const value = ownValue(values, name);
    if (value === undefined || value === null) continue;
    const items = (encoding === "texts" || encoding === "files") && Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item === undefined || item === null) continue;
      if (encoding === "file" || encoding === "files") {
        // A string is accepted as the file's text, for schemas whose type a JSON response also uses.
        const upload = typeof item === "string" ? blobOf([item], "text/plain") : item;
        if (!isUploadable(upload)) throw new TypeError(`field ${name}: expected a file (Blob, File, bytes or stream)`);
        parts.push({ name, file: await prepareFile(upload, name) });
      } else if (encoding === "json") {
        parts.push({ name, text: JSON.stringify(item), ...(contentType ? { contentType } : {}) });
      } else {
        parts.push({ name, text: textOf(item), ...(contentType ? { contentType } : {}) });
      }
    }
  }
  return parts;
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
): { body: Blob; contentType: string } {
  // Text between two files travels as one chunk: each Blob piece costs time to build and to send.
  const chunks: unknown[] = [];
  let text = "";
  for (const part of parts) {
    text += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(part.name)}"`;
    if ("file" in part) {
      text += `; filename="${escapeQuoted(part.file.filename)}"\r\nContent-Type: ${part.file.contentType}\r\n\r\n`;
      chunks.push(text, part.file.blob);
      text = "\r\n";
    } else {
      text += part.contentType ? `\r\nContent-Type: ${part.contentType}\r\n\r\n` : "\r\n\r\n";
      text += `${part.text}\r\n`;
    }
  }
  chunks.push(`${text}--${boundary}--\r\n`);
  const contentType = `multipart/form-data; boundary=${boundary}`;
  return { body: blobOf(chunks, contentType), contentType };
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
