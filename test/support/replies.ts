import type { Reply } from "./wire-server";

/** Raw bytes with a content type: an image download, an HTML error page. */
export const bytes =
  (status: number, body: Uint8Array | string, contentType: string, headers: Record<string, string> = {}): Reply =>
  (_request, response) => {
    response.writeHead(status, { "content-type": contentType, ...headers });
    response.end(body);
  };

/** Accepts the request and never answers. */
export const hang: Reply = () => {};

/** Sends the status line, headers and the start of a JSON body, then stalls forever. */
export const stallBody: Reply = (_request, response) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.write('{"created": "2026-');
};

/** Sends a 200 status line and the start of a JSON body, then drops the connection. */
export const cutBody: Reply = (_request, response) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.write('{"created": "2026-', () => response.socket?.destroy());
};

/** Sends a 200 status line and headers, nothing of the body, then resets the connection (TCP RST). */
export const resetAfterHeaders: Reply = (_request, response) => {
  response.writeHead(200, { "content-type": "application/json", "content-length": "200" });
  response.flushHeaders();
  setTimeout(() => response.socket?.resetAndDestroy(), 20);
};

/** Sends a 200 status line and half of a JSON body whose length it announced, then resets the connection. */
export const resetAfterHalfBody: Reply = (_request, response) => {
  const body = JSON.stringify({ created: "2026-01-02T03:04:05Z", data: [] });
  response.writeHead(200, { "content-type": "application/json", "content-length": String(body.length) });
  response.write(body.slice(0, body.length / 2), () => setTimeout(() => response.socket?.resetAndDestroy(), 20));
};

/** Reads the whole request (the wire server does before replying), then resets without a word: the work may be done. */
export const resetAfterReading: Reply = (_request, response) => {
  response.socket?.resetAndDestroy();
};
