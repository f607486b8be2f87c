import { encodeMultipart, prepareParts, type FieldSpec } from "./multipart.ts";
import { formPairs } from "./query.ts";
import { prepareFile, type Uploadable } from "./uploads.ts";

/** A request body prepared once per call, so every attempt sends the same bytes even from one-shot streams. */
export interface PreparedBody {
  /** The bytes for one attempt; sets their Content-Type in `headers`. */
  encode(headers: Record<string, string>): Blob | string;
}

/** Where an operation's body comes from and how it is encoded; generated for each operation. */
export interface BodySpec {
  kind: BodyKind;
  /** The params property holding the body; without it the body is every property that is not a parameter. */
  key?: string;
  /** Multipart fields. */
  fields?: readonly FieldSpec[];
  /** The media type of a text or binary body. */
  contentType?: string;
}

/**
 * Turns the caller's value into a prepared body (undefined: send none). The generated code names
 * the kinds its operations use, so a bundle carries only those encoders.
 */
export type BodyKind = (value: unknown, spec: BodySpec) => PreparedBody | undefined | Promise<PreparedBody | undefined>;

export const jsonBody: BodyKind = (value) =>
  value === undefined ? undefined : stringBody(JSON.stringify(value), "application/json");

export const formBody: BodyKind = (value) =>
  stringBody(formPairs((value ?? {}) as Record<string, unknown>).join("&"), "application/x-www-form-urlencoded");

export const textBody: BodyKind = (value, spec) => stringBody(String(value ?? ""), spec.contentType!);

export const multipartBody: BodyKind = async (value, spec) => {
  const parts = await prepareParts(spec.fields!, (value ?? {}) as Record<string, unknown>);
  return {
    encode(headers) {
      const { body, contentType } = encodeMultipart(parts);
      headers["content-type"] = contentType;
      return body;
    },
  };
};

/** One file as the whole body; a file without a type of its own takes the spec's media type. */
export const binaryBody: BodyKind = async (value, spec) => {
  const { blob, contentType } = await prepareFile(value as Uploadable, spec.key!);
  const type = contentType === "application/octet-stream" ? spec.contentType! : contentType;
  // A Blob body carries its type itself, because some transports (axios in Node) set the header from it.
  const typed = blob.type === type ? blob : blob.slice(0, blob.size, type);
  return {
    encode(headers) {
      headers["content-type"] = type;
      return typed;
    },
  };
};

function stringBody(text: string, contentType: string): PreparedBody {
  return {
    encode(headers) {
      headers["content-type"] = contentType;
      return text;
    },
  };
}
