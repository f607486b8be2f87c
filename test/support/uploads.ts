import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A one-shot web ReadableStream delivering `data` in small chunks (so sniffing spans chunk boundaries). */
export function webStreamOf(data: Uint8Array, chunkSize = 5): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= data.length) return controller.close();
      controller.enqueue(new Uint8Array(data.subarray(offset, offset + chunkSize)));
      offset += chunkSize;
    },
  });
}

/** A temporary directory removed by `remove()`. */
export class TempDir {
  private constructor(readonly path: string) {}

  static async create(): Promise<TempDir> {
    return new TempDir(await mkdtemp(join(tmpdir(), "ideogram-behaviour-")));
  }

  /** Writes `data` to `name` inside the directory and returns the file's path. */
  async file(name: string, data: Uint8Array | string): Promise<string> {
    const path = join(this.path, name);
    await writeFile(path, data);
    return path;
  }

  async remove(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
  }
}
