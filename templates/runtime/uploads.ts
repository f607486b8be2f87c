/**
 * What a file field accepts: a Blob or File (a File keeps its name), bytes (Node's Buffer is a
 * Uint8Array), an ArrayBuffer, a web ReadableStream, or any async iterable of bytes such as
 * Node's fs.createReadStream().
 */
export type Uploadable = Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** A file ready for the wire: its bytes (as given, not copied), a filename and a content type, both never empty. */
export interface PreparedFile {
  data: Blob | Uint8Array;
  filename: string;
  contentType: string;
}

const OCTET_STREAM = "application/octet-stream";

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "application/zip": "zip",
  "text/plain": "txt",
};

/** A downloaded file as `fetch` returns it (the platform's `Response`, undici's, Bun's). */
export interface FetchedFile {
  readonly ok: boolean;
  readonly status: number;
  readonly url: string;
  blob(): Promise<Blob>;
}

/** A downloaded file as axios returns it, read with `responseType` `arraybuffer`, `blob` or `stream`. */
export interface AxiosFetchedFile {
  readonly status: number;
  readonly data: Uploadable;
  readonly config?: { readonly url?: string | undefined } | undefined;
}

/**
 * Wraps data as a `File` with a name and content type, reading streams fully. A response
 * (`await fetch(url)`, an axios response) gives its body, and its URL's last segment for a name;
 * one outside 2xx is refused rather than sent as the file. Without `type`, the content type is
 * taken from the data or sniffed from its first bytes (PNG, JPEG, WebP, GIF, ZIP).
 */
export async function toFile(
  data: Uploadable | FetchedFile | AxiosFetchedFile | PromiseLike<Uploadable | FetchedFile | AxiosFetchedFile>,
  name?: string,
  options: { type?: string | undefined } = {},
): Promise<File> {
  const value = await data;
  const fetched = responseBody(value);
  const blob = fetched ? await fetched.body : await readBlob(value as Uploadable);
  const fileName = name ?? fetched?.name;
  const type = options.type ?? (await contentTypeOf(blob, fileName));
  return new File([blob], fileName ?? `file.${EXTENSIONS[type] ?? "bin"}`, { type });
}

/** The body and name of a fetch or axios response; undefined for anything else. */
function responseBody(value: unknown): { body: Promise<Blob>; name: string | undefined } | undefined {
  if (value === null || typeof value !== "object" || isUploadable(value)) return undefined;
  const response = value as Partial<FetchedFile & AxiosFetchedFile>;
  if (typeof response.status !== "number") return undefined;
  const url = typeof response.url === "string" ? response.url : response.config?.url;
  if (response.status < 200 || response.status > 299) {
    throw new TypeError(
      `toFile: the response${url ? ` from ${lastSegment(url) ?? url}` : ""} is ${response.status}, not a file`,
    );
  }
  const name = url ? lastSegment(url) : undefined;
  if (typeof response.blob === "function") return { body: response.blob(), name };
  if (isUploadable(response.data)) return { body: readBlob(response.data), name };
  return undefined;
}

/** `cat.png` of `https://host/images/cat.png?sig=…`; undefined when the path ends in `/`. */
function lastSegment(url: string): string | undefined {
  const path = url.split(/[?#]/)[0]!;
  const segment = path.slice(path.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(segment) || undefined;
  } catch {
    return segment || undefined;
  }
}

export function isUploadable(value: unknown): value is Uploadable {
  if (value === null || typeof value !== "object") return false;
  return (
    isBlob(value) ||
    value instanceof Uint8Array ||
    value instanceof ArrayBuffer ||
    typeof (value as { getReader?: unknown }).getReader === "function" ||
    Symbol.asyncIterator in value
  );
}

/**
 * Reads an upload once into memory, so every retry sends the same bytes. A file whose type its
 * name and bytes do not tell takes `fallbackType` (the type the spec declares), if given.
 */
export async function prepareFile(value: Uploadable, field: string, fallbackType?: string): Promise<PreparedFile> {
  // Bytes are referenced: a 20 MB upload is not copied before it is sent.
  const data =
    value instanceof Uint8Array ? value : value instanceof ArrayBuffer ? new Uint8Array(value) : await readBlob(value);
  const givenName = nameOf(value);
  const sniffed = await contentTypeOf(data, givenName);
  const contentType = sniffed === OCTET_STREAM && fallbackType ? fallbackType : sniffed;
  return { data, filename: givenName ?? `${field}.${EXTENSIONS[contentType] ?? "bin"}`, contentType };
}

function isBlob(value: object): value is Blob {
  return typeof Blob !== "undefined" && value instanceof Blob;
}

async function readBlob(value: Uploadable): Promise<Blob> {
  if (isBlob(value)) return value;
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return blobOf([value]);
  if (typeof (value as ReadableStream<Uint8Array>).getReader === "function") {
    return readChunks(streamChunks(value as ReadableStream<Uint8Array>));
  }
  if (Symbol.asyncIterator in value) return readChunks(value as AsyncIterable<Uint8Array | string>);
  throw new TypeError("expected a Blob, File, Uint8Array, ArrayBuffer, ReadableStream or async iterable of bytes");
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function readChunks(chunks: AsyncIterable<Uint8Array | string>): Promise<Blob> {
  const parts: (Uint8Array | string)[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return blobOf(parts);
}

/** `new Blob` over byte views whose buffer type TypeScript versions disagree on. */
export function blobOf(parts: readonly unknown[], type?: string): Blob {
  return new Blob(parts as unknown as ConstructorParameters<typeof Blob>[0], type ? { type } : {});
}

function nameOf(value: Uploadable): string | undefined {
  const name = (value as { name?: unknown }).name;
  if (typeof name === "string" && name) return baseName(name);
  const path = (value as { path?: unknown }).path;
  return typeof path === "string" && path ? baseName(path) : undefined;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

async function contentTypeOf(data: Blob | Uint8Array, name: string | undefined): Promise<string> {
  const type = data instanceof Uint8Array ? "" : data.type;
  const declared = type.split(";")[0]!.trim();
  if (declared && declared !== OCTET_STREAM) return type;
  const head =
    data instanceof Uint8Array ? data.subarray(0, 12) : new Uint8Array(await data.slice(0, 12).arrayBuffer());
  const sniffed = sniff(head);
  if (sniffed) return sniffed;
  const extension = name?.split(".").pop()?.toLowerCase();
  const byExtension = Object.keys(EXTENSIONS).find((type) => EXTENSIONS[type] === extension);
  return byExtension ?? (extension === "jpeg" ? "image/jpeg" : OCTET_STREAM);
}

/** Content type from magic bytes. */
export function sniff(head: Uint8Array): string | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    head[8] === 0x57 &&
    head[9] === 0x45 &&
    head[10] === 0x42 &&
    head[11] === 0x50
  ) {
    return "image/webp";
  }
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "application/zip";
  return undefined;
}
