import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request exactly as it reached the server. */
export interface RecordedRequest {
  method: string;
  /** Path and query as sent, e.g. `/models?status=A&status=B`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type Reply = (request: RecordedRequest, response: ServerResponse) => void;

/** A JSON reply with the given status. */
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_request, response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers from a queue of
 * replies (the last one repeats). Tests assert on the recorded bytes.
 */
export class WireServer {
  readonly requests: RecordedRequest[] = [];
  #replies: Reply[] = [json(200, {})];
  #server: Server;
  #sockets = new Set<import("node:net").Socket>();
  url = "";

  constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) };
        this.requests.push(recorded);
        const reply = this.#replies.length > 1 ? this.#replies.shift()! : this.#replies[0]!;
        reply(recorded, res);
      });
    });
    this.#server.on("connection", (socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  /** Replies in order for the next requests; the last one answers every request after them. */
  reply(...replies: Reply[]): void {
    this.#replies = replies;
    this.requests.length = 0;
  }

  get last(): RecordedRequest {
    const request = this.requests[this.requests.length - 1];
    if (!request) throw new Error("no request reached the server");
    return request;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
