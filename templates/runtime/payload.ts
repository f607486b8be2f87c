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
      const size = chunk instanceof Uint8Array ? chunk.byteLength : chunk.size;
      for (let offset = 0; offset < size; offset += PIECE) {
        yield chunk instanceof Uint8Array
          ? chunk.subarray(offset, offset + PIECE)
          : new Uint8Array(await chunk.slice(offset, offset + PIECE).arrayBuffer());
      }
    }
  }
}
