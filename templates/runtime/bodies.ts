import { SdkError } from "./errors.ts";
import type { Log } from "./log.ts";
import { describeParts, encodeMultipart, ownValue, prepareParts, type FieldSpec } from "./multipart.ts";
import { Payload } from "./payload.ts";
import { formPairs } from "./query.ts";
import { isUploadable, prepareFile, type Uploadable } from "./uploads.ts";

/** A request body prepared once per call, so every attempt sends the same bytes even from one-shot streams. */
export interface PreparedBody {
  /** The bytes for one attempt; sets their Content-Type in `headers`. */
  encode(headers: Record<string, string>): Payload | string;
  /** What a multipart body holds, for the debug log; `quote` shows a text value as the log may. */
  describe?(quote: Log["quote"]): string;
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
  /** The keys a flattened JSON or form body reads, when it is one of several alternatives. */
  keys?: readonly string[];
  /** The bodies an operation accepts, in the order they are tried (for `oneOfBodies`). */
  alternatives?: readonly BodySpec[];
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
    describe: (quote) => describeParts(parts, quote),
  };
};

/** One file as the whole body; a file without a type of its own takes the spec's media type. */
export const binaryBody: BodyKind = async (value, spec) => {
  const { data, contentType } = await prepareFile(value as Uploadable, spec.key!, spec.contentType);
  return {
    encode(headers) {
      headers["content-type"] = contentType;
      return new Payload([data], contentType);
    },
  };
};

export const oneOfBodies: BodyKind = (value, spec) => {
  const given = (value ?? {}) as Record<string, unknown>;
  const names = Object.keys(given);
  const chosen = spec.alternatives!.find((alternative) => {
    const keys = alternative.key ? [alternative.key] : (alternative.keys ?? alternative.fields!.map(([name]) => name));
    const files = fileKeys(alternative);
    return names.every((name) => keys.includes(name) && (files.includes(name) || !holdsFile(given[name])));
  });
  if (!chosen) {
    const listed = names
      .map((name) => `${JSON.stringify(name)}${holdsFile(given[name]) ? " (a file)" : ""}`)
      .join(", ");
    throw new SdkError(
      `no request body of this operation takes all of ${listed}; send them in separate calls or drop one`,
    );
  }
  return chosen.kind(chosen.key ? ownValue(given, chosen.key) : given, chosen);
};

/** The keys where an alternative takes files: a binary body's key, a multipart body's file fields. */
function fileKeys(spec: BodySpec): readonly string[] {
  if (spec.kind === binaryBody) return [spec.key!];
  const files = (spec.fields ?? []).filter(([, encoding]) => encoding === "file" || encoding === "files");
  if (spec.key) return files.length ? [spec.key] : [];
  return files.map(([name]) => name);
}

/** Whether a value is or holds a file: itself, an array item, or (for a body under one key) a property. */
function holdsFile(value: unknown): boolean {
  if (isUploadable(value)) return true;
  if (Array.isArray(value)) return value.some(isUploadable);
  return (
    typeof value === "object" &&
    value !== null &&
    Object.values(value).some((item) => isUploadable(item) || (Array.isArray(item) && item.some(isUploadable)))
  );
}

function stringBody(text: string, contentType: string): PreparedBody {
  return {
    encode(headers) {
      headers["content-type"] = contentType;
      return text;
    },
  };
}
