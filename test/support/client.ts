import type { Ideogram } from "../../generated/fetch/index.ts";
import type { AnyClientOptions, Sdk } from "./variants";
import type { WireServer } from "./wire-server";

/** Distinctive, so a leak into an error message or a URL is easy to spot. */
export const API_KEY = "sk-test-SECRET-123";

/** The variant's generated client pointed at a local wire server, as a user would construct it. */
export function clientFor(sdk: Sdk, server: WireServer, options: AnyClientOptions = {}): Ideogram {
  return new sdk.Ideogram({ apiKey: API_KEY, baseUrl: server.url, ...options });
}

/** The rejection reason of a call that must fail; fails the test if the call succeeds. */
export async function rejectionOf(call: PromiseLike<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to reject, but it resolved");
}
