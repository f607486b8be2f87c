import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { RecordedRequest } from "../support/wire-server";

/**
 * The server the scenario (`scenario.ts`) runs against, on 127.0.0.1: it answers each step's
 * route as the Ideogram API would (a 429 with `Retry-After: 1` before the retried answer, no
 * answer at all for the timeout and abort steps, a 422 with the spec's error body) and records
 * every request's bytes. It answers CORS preflights and exposes `Retry-After`, so a page on
 * another origin can run the scenario too.
 */
export class ScenarioServer {
  /** Every request but CORS preflights, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** The preflights a browser sent before its requests. */
  readonly preflights: RecordedRequest[] = [];
  url = "";
  #server: Server;
  #sockets = new Set<Socket>();
  #retried = false;

  constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const recorded = {
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks),
        };
        res.setHeader("access-control-allow-origin", "*");
        if (recorded.method === "OPTIONS") {
          this.preflights.push(recorded);
          res.writeHead(204, {
            "access-control-allow-methods": "GET, POST",
            "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "",
            "access-control-max-age": "0",
          });
          res.end();
          return;
        }
        this.requests.push(recorded);
        this.#answer(recorded, res);
      });
    });
    this.#server.on("connection", (socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
  }

  #answer(request: RecordedRequest, res: ServerResponse): void {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        "content-type": "application/json",
        "access-control-expose-headers": "retry-after",
        ...headers,
      });
      res.end(JSON.stringify(body));
    };
    const dataset = (id: string) => ({
      dataset_id: id,
      name: "cats & dogs",
      user_id: "u-1",
      creation_time: "2026-01-02T03:04:05Z",
    });
    const route = `${request.method} ${request.url.split("?")[0]}`;
    switch (route) {
      case "POST /v1/ideogram-v3/generate":
        return json(200, {
          created: "2026-01-02T03:04:05Z",
          data: [
            {
              url: `${this.url}/images/1.png`,
              prompt: "a lighthouse at dusk",
              resolution: "1312x736",
              is_image_safe: true,
              seed: 1,
            },
          ],
        });
      case "POST /datasets":
        return json(200, dataset("ds-1"));
      case "GET /models":
        return json(200, { models: [] });
      case "GET /datasets/ds%201%2Fa":
        if (!this.#retried) {
          this.#retried = true;
          return json(429, { error: "slow down" }, { "retry-after": "1" });
        }
        return json(200, { dataset: dataset("ds 1/a"), file_count: 0, files: [], custom_model_ids: [] });
      case "GET /models/slow":
      case "GET /datasets":
        return; // never answered: the timeout and abort steps end these calls
      case "POST /v1/ideogram-v3/train-model":
        return json(422, { error: "Prompt failed safety check" });
      default:
        return json(404, { error: `no route ${route}` });
    }
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
