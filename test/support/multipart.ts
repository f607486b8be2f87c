import busboy from "busboy";
import type { RecordedRequest } from "./wire-server";

/** One part of a multipart body, as a real parser (busboy) reads it. */
export interface ParsedPart {
  name: string;
  /** Present only for file parts (a `filename` in Content-Disposition). */
  filename?: string;
  /** The part's Content-Type; busboy reports text/plain for parts without one. */
  contentType: string;
  data: Buffer;
}

/** Parses a recorded multipart/form-data request into its parts, in wire order. */
export function parseMultipart(request: RecordedRequest): Promise<ParsedPart[]> {
  return new Promise((resolve, reject) => {
    const parts: ParsedPart[] = [];
    const files: Promise<void>[] = [];
    const parser = busboy({ headers: request.headers as Record<string, string>, limits: { fieldSize: 50 * 1024 * 1024 } });
    parser.on("field", (name, value, info) => {
      parts.push({ name, contentType: info.mimeType, data: Buffer.from(value, "utf8") });
    });
    parser.on("file", (name, stream, info) => {
      // Take the part's place now: its stream ends after later fields are already reported.
      const part: ParsedPart = { name, filename: info.filename, contentType: info.mimeType, data: Buffer.alloc(0) };
      parts.push(part);
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      files.push(
        new Promise<void>((done) =>
          stream.on("end", () => {
            part.data = Buffer.concat(chunks);
            done();
          }),
        ),
      );
    });
    parser.on("close", () => Promise.all(files).then(() => resolve(parts), reject));
    parser.on("error", reject);
    parser.end(request.body);
  });
}

/** Text fields as name → values (repeated fields keep every value in order). */
export function textFields(parts: ParsedPart[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const part of parts) if (part.filename === undefined) (fields[part.name] ??= []).push(part.data.toString("utf8"));
  return fields;
}

export function fileParts(parts: ParsedPart[], name: string): ParsedPart[] {
  return parts.filter((p) => p.name === name && p.filename !== undefined);
}

/**
 * A part reduced to what the wire rules speak about, so whole bodies compare with one `toEqual`:
 * a text field (its Content-Type only when it sent one) or a file part with filename, type and bytes.
 */
export type WirePart =
  | { name: string; field: string; contentType?: string }
  | { name: string; filename: string; contentType: string; bytes: Buffer };

export function field(name: string, value: string): WirePart {
  return { name, field: value };
}

export function file(name: string, filename: string, contentType: string, data: Uint8Array | string): WirePart {
  return { name, filename, contentType, bytes: Buffer.from(data as Uint8Array) };
}

/**
 * Checks the request is multipart/form-data whose Content-Type names the boundary the body actually
 * uses, then returns its parts in wire order.
 */
export async function multipartParts(request: RecordedRequest): Promise<WirePart[]> {
  const contentType = String(request.headers["content-type"]);
  const boundary = /^multipart\/form-data; boundary=([^;\s]+)$/.exec(contentType)?.[1];
  if (!boundary) throw new Error(`not multipart/form-data with a boundary: ${contentType}`);
  const body = request.body.toString("latin1");
  if (!body.startsWith(`--${boundary}\r\n`) || !body.endsWith(`\r\n--${boundary}--\r\n`)) {
    throw new Error(`body is not delimited by the declared boundary ${boundary}`);
  }
  return (await parseMultipart(request)).map((part): WirePart => {
    if (part.filename !== undefined) {
      return { name: part.name, filename: part.filename, contentType: part.contentType, bytes: part.data };
    }
    const text = part.data.toString("utf8");
    return part.contentType === "text/plain" ? { name: part.name, field: text } : { name: part.name, field: text, contentType: part.contentType };
  });
}

/**
 * Each part's header lines as name (lower case) → value, in wire order, read by a second real
 * parser (@remix-run/multipart-parser): busboy reports only a part's name, filename and media type,
 * not the charset or the extra headers an `encoding` entry adds.
 */
export async function partHeaders(request: RecordedRequest): Promise<Record<string, string>[]> {
  const { getMultipartBoundary, parseMultipart: parse } = await import("@remix-run/multipart-parser");
  const boundary = getMultipartBoundary(String(request.headers["content-type"]));
  if (!boundary) throw new Error(`no boundary in ${String(request.headers["content-type"])}`);
  return [...parse(new Uint8Array(request.body), { boundary })].map((part) =>
    Object.fromEntries(Object.entries(part.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name.toLowerCase(), value]] : []))),
  );
}
