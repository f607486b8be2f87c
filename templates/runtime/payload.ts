import { blobOf } from "./uploads.ts";

/** The pieces a request body is read in: small enough that streaming one never holds much at once. */
const PIECE = 65_536;

/**
 * A request body assembled from parts, kept as given: byte arrays are referenced, not copied, and
 * Blobs are read piece by piece as the body is sent. `blob()` assembles it for transports that
 * need a real Blob (browsers); `stream()` hands it out in pieces for those that can stream. It
 * also has the shape axios reads a Blob by (`size`, `type`, `stream()`), so axios in Node streams it.
 */
export class Payload {
  readonly [Symbol.toStringTag] = "Blob";
  readonly chunks: readonly (Uint8Array | Blob)[];
  readonly type: string;
  readonly size: number;

  constructor(chunks: ReadonlyArray<Uint8Array | Blob>, type: string) {
    this.chunks = chunks;
    this.type = type;
    this.size = chunks.reduce(
      (total, chunk) => total + (chunk instanceof Uint8Array ? chunk.byteLength : chunk.size),
      0,
    );
  }

  blob(): Blob {
    return blobOf(this.chunks, this.type);
  }

  stream(): ReadableStream<Uint8Array> {
    const pieces = this.#pieces();
    return new ReadableStream({
      async pull(controller) {
        const { done, value } = await pieces.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: () => void pieces.return(undefined),
    });
  }

  async *#pieces(): AsyncGenerator<Uint8Array> {
    for (const chunk of this.chunks) {
      if (chunk instanceof Uint8Array) {
        for (let offset = 0; offset < chunk.byteLength; offset += PIECE) yield chunk.subarray(offset, offset + PIECE);
        continue;
      }
      // A Blob's own stream reads it once, in pieces; `slice().arrayBuffer()` per piece would read
      // each piece and then copy it, twice the garbage an upload of a file on disk leaves behind.
      const reader = chunk.stream().getReader();
      try {
        for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
      } finally {
        await reader.cancel();
      }
    }
  }
}
