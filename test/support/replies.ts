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
