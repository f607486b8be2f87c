import type { RecordedRequest, Reply, WireServer } from "../support/wire-server";
import { PNG } from "./scenario";

/**
 * How the scenario's server (`scenario.ts` runs against it) answers, as the Ideogram API would: a
 * 429 with `Retry-After: 1` before the retried answer, no answer at all for the timeout and abort
 * steps, a 422 with the spec's error body. It answers CORS preflights and exposes `Retry-After`,
 * so a page on another origin can run the scenario too. The WireServer records every request.
 */
export function scenarioReplies(server: WireServer): Reply {
  let retried = false;
  return (request, res) => {
    res.setHeader("access-control-allow-origin", "*");
    if (request.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers": request.headers["access-control-request-headers"] ?? "",
        // No caching: every request of a browser row must be preflighted, and the test counts them.
        "access-control-max-age": "0",
      });
      res.end();
      return;
    }
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
              url: `${server.url}/images/1.png`,
              prompt: "a lighthouse at dusk",
              resolution: "1312x736",
              is_image_safe: true,
              seed: 1,
            },
          ],
        });
      case "GET /images/1.png":
        res.writeHead(200, { "content-type": "image/png" });
        res.end(Buffer.from(PNG));
        return;
      case "POST /datasets":
        return json(200, dataset("ds-1"));
      case "GET /models":
        return json(200, { models: [] });
      case "GET /datasets/ds%201%2Fa":
        if (!retried) {
          retried = true;
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
  };
}

/** The requests a row made, and the CORS preflights a browser sent before them. */
export function splitPreflights(requests: readonly RecordedRequest[]): {
  calls: RecordedRequest[];
  preflights: RecordedRequest[];
} {
  return {
    calls: requests.filter((r) => r.method !== "OPTIONS"),
    preflights: requests.filter((r) => r.method === "OPTIONS"),
  };
}
