import { createHash } from "node:crypto";
import { watch, type FSWatcher } from "node:fs";
import * as path from "node:path";
import { displayUrl, fetchSpec } from "../load/fetch-spec";

/**
 * Runs `regenerate` whenever one of the watched files changes, debounced, one run at a time (a
 * change during a run starts one more). Each run returns the files to watch next: the spec's
 * `$ref`s may have changed. Folders are watched rather than files, so an editor that saves by
 * replacing the file is still seen.
 */
export function watchFiles(initial: readonly string[], regenerate: () => Promise<readonly string[]>, debounceMs = 30): { close(): void } {
  let files = new Set(initial.map((f) => path.resolve(f)));
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = false;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  };
  const fire = async () => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    try {
      files = new Set((await regenerate()).map((f) => path.resolve(f)));
      arm();
    } finally {
      running = false;
      if (pending) {
        pending = false;
        schedule();
      }
    }
  };
  const arm = () => {
    const folders = new Set([...files].map((f) => path.dirname(f)));
    for (const [folder, watcher] of watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      watchers.set(
        folder,
        watch(folder, (_event, name) => {
          if (name && files.has(path.join(folder, name.toString()))) schedule();
        }),
      );
    }
  };
  arm();
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
    },
  };
}

/**
 * Fetches `url` every `intervalMs` and runs `regenerate` when the bytes served differ from the
 * last seen (`sha256`, from the run that read it). A failed fetch is reported and tried again.
 */
export function pollUrl(
  url: string,
  sha256: string | undefined,
  intervalMs: number,
  timeoutMs: number,
  regenerate: () => Promise<unknown>,
): { close(): void } {
  let last = sha256;
  let timer: NodeJS.Timeout;
  const poll = async () => {
    try {
      const { bytes } = await fetchSpec(url, timeoutMs, (message) => {
        throw new Error(message);
      });
      const hash = createHash("sha256").update(bytes).digest("hex");
      if (hash !== last) {
        last = hash;
        await regenerate();
      }
    } catch (error) {
      process.stderr.write(`warning: ${displayUrl(url)}: ${(error as Error).message}; trying again in ${intervalMs / 1000} s\n`);
    }
    timer = setTimeout(poll, intervalMs);
  };
  timer = setTimeout(poll, intervalMs);
  return { close: () => clearTimeout(timer) };
}
