import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
/** Prism's CLI entry, run with this Node rather than through the `.bin` shim, so no shell sits in between. */
const PRISM_CLI = require.resolve("@stoplight/prism-cli/dist/index.js", { paths: [ROOT] });
/** How much of Prism's log to keep for failure messages. */
const LOG_TAIL = 16 * 1024;

/** One violation as Prism reports it in `sl-violations` (or, without a spec'd 4xx, in its problem+json body). */
export interface PrismViolation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

/** A free TCP port on 127.0.0.1, found by letting the OS pick one and releasing it. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (address === null || typeof address === "string") throw new Error("could not read the free port");
  return address.port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `prism mock` on 127.0.0.1 as a child process. Prism (without --multiprocess) is one process that
 * starts none of its own, so stopping the child stops all of it. The child stays in jest's process
 * group, so an interrupted run (Ctrl-C) ends it too.
 */
export class PrismMock {
  url = "";
  #child: ChildProcess | undefined;
  #exited: Promise<unknown> | undefined;
  #log = "";

  constructor(private readonly specPath: string) {}

  /**
   * Starts Prism on a free port and resolves once it answers HTTP; rejects with Prism's log if it
   * exits or never answers. A port taken between finding it and Prism binding it is retried.
   */
  async start(readyWithinMs = 60_000): Promise<this> {
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      try {
        await this.#run(port, readyWithinMs);
        return this;
      } catch (error) {
        if (attempt === 3 || !this.#log.includes("EADDRINUSE")) throw error;
      }
    }
  }

  async #run(port: number, readyWithinMs: number): Promise<void> {
    this.#log = "";
    const child = spawn(
      process.execPath,
      [PRISM_CLI, "mock", "--host", "127.0.0.1", "--port", String(port), "--errors=false", this.specPath],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    this.#child = child;
    this.#exited = new Promise((resolve) => child.once("exit", resolve));
    const keep = (text: string) => {
      this.#log = (this.#log + text).slice(-LOG_TAIL);
    };
    child.on("error", (error) => keep(`\n${error.stack}\n`));
    child.stdout!.on("data", (chunk: Buffer) => keep(chunk.toString("utf8")));
    child.stderr!.on("data", (chunk: Buffer) => keep(chunk.toString("utf8")));
    this.url = `http://127.0.0.1:${port}`;

    const deadline = Date.now() + readyWithinMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        this.#child = undefined;
        throw new Error(`prism mock exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${this.#log}`);
      }
      try {
        // Any HTTP answer (Prism says 404 for an unknown path) means it is listening.
        const response = await fetch(`${this.url}/__ready`, { signal: AbortSignal.timeout(2_000) });
        await response.body?.cancel();
        return;
      } catch {
        await sleep(200);
      }
    }
    throw new Error(`prism mock did not answer on ${this.url} within ${readyWithinMs} ms:\n${this.#log}`);
  }

  /** Ends Prism (SIGTERM, then SIGKILL after 5 s) and waits until the process has exited. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (child === undefined) return;
    this.#child = undefined;
    const exited = this.#exited!;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const ended = await Promise.race([
        exited.then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 5_000))),
      ]);
      clearTimeout(timer);
      if (!ended) {
        child.kill("SIGKILL");
        await exited;
      }
    }
  }
}
