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
    const parser = busboy({ headers: request.headers as Record<string, string>, limits: { fieldSize: 50 * 1024 * 1024 } });
    parser.on("field", (name, value, info) => {
      parts.push({ name, contentType: info.mimeType, data: Buffer.from(value, "utf8") });
    });
    parser.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => parts.push({ name, filename: info.filename, contentType: info.mimeType, data: Buffer.concat(chunks) }));
    });
    parser.on("close", () => resolve(parts));
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
