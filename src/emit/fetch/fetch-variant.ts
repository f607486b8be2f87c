import type { Variant } from "../core/emit-client";

/** The fetch variant: the platform's fetch, zero runtime dependencies. */
export const fetchVariant: Variant = {
  name: "fetch",
  readme: () => ({
    transport: "It runs on the platform's `fetch` (Node 20+, browsers, Deno, Bun, edge runtimes) and has no runtime dependencies.",
    rawResponse: "the platform's `Response`",
    clientOption: "Pass `fetch` in the client options to use another implementation (a proxy-aware fetch, a test double).",
    testedOn: "Node 20, 22 and 24, Deno, Bun, Cloudflare's workerd and Chromium",
  }),
};
