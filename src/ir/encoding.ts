import { quote, toPointer } from "../diagnostics";
import { isRecord, type SchemaContext } from "./schema";
import type { MultipartStyle } from "./types";

/** What an `encoding` entry of a multipart body says about one part, checked for the wire. */
export interface PartEncoding {
  contentType?: string;
  headers?: [name: string, value: string][];
  style?: MultipartStyle;
  explode?: boolean;
}

/** `type/subtype` with `token=token` parameters: nothing that could end a header line or open a quote. */
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MEDIA_RANGE = new RegExp(`^(?:${TOKEN}/${TOKEN}|\\*/\\*)(?:\\s*;\\s*${TOKEN}=${TOKEN})*$`);
const HEADER_NAME = new RegExp(`^${TOKEN}$`);
/** Visible ASCII and inner spaces: no CR, LF or other control characters, no quotes. */
const HEADER_VALUE = /^[\x21\x23-\x7e](?:[\x20\x21\x23-\x7e]*[\x21\x23-\x7e])?$/;
const STYLES: readonly MultipartStyle[] = ["form", "spaceDelimited", "pipeDelimited", "deepObject"];

/**
 * The `encoding` map of a multipart body: field name → how its part travels. Anything that would
 * reach a header line unchecked (CR/LF, quotes, a value that is not a media type) is dropped with a
 * warning naming its pointer, and the part keeps its default.
 */
export function readEncodings(raw: unknown, pointer: string, ctx: SchemaContext): Record<string, PartEncoding> {
  const encodings: Record<string, PartEncoding> = Object.create(null);
  if (!isRecord(raw)) return encodings;
  for (const [name, entry] of Object.entries(raw)) {
    if (!isRecord(entry)) continue;
    const at = (...segments: string[]) => pointer + toPointer([name, ...segments]);
    const encoding: PartEncoding = {};
    if (entry.contentType !== undefined) {
      const contentType = mediaTypeList(entry.contentType);
      if (contentType) encoding.contentType = contentType;
      else ctx.warnings.add(at("contentType"), `${quote(entry.contentType)} is not a media type or a list of them; the part is sent with its default Content-Type`);
    }
    const headers = isRecord(entry.headers) ? partHeaders(entry.headers, (header, message) => ctx.warnings.add(at("headers", header), message)) : [];
    if (headers.length) encoding.headers = headers;
    if (entry.style !== undefined) {
      if (STYLES.includes(entry.style as MultipartStyle)) encoding.style = entry.style as MultipartStyle;
      else ctx.warnings.add(at("style"), `style ${quote(entry.style)} is not one of ${STYLES.join(", ")}; the part is sent with its default encoding`);
    }
    if (typeof entry.explode === "boolean") encoding.explode = entry.explode;
    if (Object.keys(encoding).length) encodings[name] = encoding;
  }
  return encodings;
}

/** `image/png, image/jpeg` → the same list normalised; undefined when an entry is not a media range. */
function mediaTypeList(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const entries = value.split(",").map((entry) => entry.trim());
  return entries.every((entry) => MEDIA_RANGE.test(entry)) ? entries.join(", ") : undefined;
}

/**
 * Extra part headers with the value the spec fixes (schema `const`, a single `enum` value or
 * `default`); a header without one cannot be sent, and Content-Type belongs to `contentType`.
 */
function partHeaders(raw: Record<string, unknown>, warn: (header: string, message: string) => void): [string, string][] {
  const headers: [string, string][] = [];
  for (const [name, header] of Object.entries(raw)) {
    if (!HEADER_NAME.test(name)) {
      warn(name, `${quote(name)} is not a header name; it is not sent`);
      continue;
    }
    if (name.toLowerCase() === "content-type") {
      warn(name, "a part's Content-Type is set by `contentType`, not `headers`; this entry is ignored");
      continue;
    }
    const schema = isRecord(header) && isRecord(header.schema) ? header.schema : {};
    const fixed = schema.const ?? (Array.isArray(schema.enum) && schema.enum.length === 1 ? schema.enum[0] : schema.default);
    const value = typeof fixed === "string" || typeof fixed === "number" || typeof fixed === "boolean" ? String(fixed) : undefined;
    if (value === undefined) warn(name, "the spec gives this part header no value to send (schema const, a single enum value or default); it is not sent");
    else if (!HEADER_VALUE.test(value)) warn(name, `${quote(value)} cannot be a header value (line breaks, quotes or control characters); it is not sent`);
    else headers.push([name, value]);
  }
  return headers;
}
