// Test doubles as callers write them, in every setup: typed by the option alone, they see what the client passes.
import { Ideogram, type IdeogramOptions } from "../../../generated/fetch/index.ts";

type Fetch = NonNullable<IdeogramOptions["fetch"]>;

export const doubles: Fetch[] = [
  async () => new Response("{}", { status: 200, headers: { "content-type": "application/json" } }),
  async (url, init) => {
    const method: string = init.method;
    const key: string | undefined = init.headers["api-key"];
    const body: string | Blob | null = init.body;
    init.signal.throwIfAborted();
    return new Response(JSON.stringify({ url: url.toUpperCase(), method, key, body: typeof body }));
  },
  (url, init) => fetch(url, init),
  async (input: string | URL | Request, init?: RequestInit) => fetch(input, init),
];

// @ts-expect-error a fetch must resolve to a response, not its text
new Ideogram({ fetch: async () => "{}" });
// @ts-expect-error the client passes the URL as a string
new Ideogram({ fetch: async (url: URL) => new Response(url.href) });
// @ts-expect-error the init the client passes has no `next` option (Next.js's fetch extension)
new Ideogram({ fetch: async (_url: string, init: { next: { revalidate: number } }) => new Response(String(init.next)) });
