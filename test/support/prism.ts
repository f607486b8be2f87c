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
 * `prism mock` on 127.0.0.1, run as its own process group so that stop() ends it and anything it
 * started, whether the tests passed or not.
 */
export class PrismMock {
  url = "";
  #child: ChildProcess | undefined;
  #exited: Promise<unknown> | undefined;
  #log = "";

  constructor(private readonly specPath: string) {}

  /** Starts Prism and resolves once it answers HTTP; rejects with Prism's log if it exits or never does. */
  async start(readyWithinMs = 60_000): Promise<this> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [PRISM_CLI, "mock", "--host", "127.0.0.1", "--port", String(port), "--errors=false", this.specPath],
      { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    this.#child = child;
    this.#exited = once(child, "exit");
    const keep = (chunk: Buffer) => {
      this.#log = (this.#log + chunk.toString("utf8")).slice(-LOG_TAIL);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.url = `http://127.0.0.1:${port}`;

    const deadline = Date.now() + readyWithinMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`prism mock exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${this.#log}`);
      }
      try {
        // Any HTTP answer (Prism says 404 for an unknown path) means it is listening.
        await fetch(`${this.url}/__ready`, { signal: AbortSignal.timeout(2_000) });
        return this;
      } catch {
        await sleep(200);
      }
    }
    throw new Error(`prism mock did not answer on ${this.url} within ${readyWithinMs} ms:\n${this.#log}`);
  }

  /** Prism's recent log lines, for failure messages. */
  get log(): string {
    return this.#log;
  }

  /** Ends Prism's process group (SIGTERM, then SIGKILL) and waits until the process has exited. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (child === undefined || child.pid === undefined) return;
    this.#child = undefined;
    const exited = this.#exited!;
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup(child.pid, "SIGTERM");
      const ended = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
      if (!ended) {
        signalGroup(child.pid, "SIGKILL");
        await exited;
      }
    }
    // Also reaps anything left in the group after Prism itself exited.
    signalGroup(child.pid, "SIGKILL");
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}
