import type { Variant } from "../core/emit-client";

/** The fetch variant: the platform's fetch, zero runtime dependencies. */
export const fetchVariant: Variant = {
  name: "fetch",
  readme: () => ({
    transport: "It runs on the platform's `fetch` (Node 20+, browsers, Deno, Bun, edge runtimes) and has no runtime dependencies.",
    rawResponse: "the platform's `Response`",
    clientOption:
      "Pass `fetch` in the client options to use another implementation: undici's with a proxy `dispatcher`, Bun's, node-fetch or a test double. " +
      "The client calls it with the URL as a string and `{ method, headers, body, signal, redirect: \"manual\" }` (`headers` a plain object, `body` a string, " +
      "`Blob` or `null`; the client follows redirects itself) and reads the `Response` it resolves to. Its own limits apply: undici's " +
      "dispatchers give up waiting for headers after 300 s, whatever `timeout` says. In Node, a dispatcher set with undici's " +
      "`setGlobalDispatcher` applies without the option, and the client raises those limits to the attempt's `timeout`.",
    testedOn: "Node 20, 22 and 24, Deno, Bun, Cloudflare's workerd and Chromium",
  }),
};
