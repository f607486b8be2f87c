import type { RawResponse } from "./transport.ts";

/** The parsed body with the response's status and headers, and the transport's own response object. */
export interface WithResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  /** The platform `Response` (fetch client) or the `AxiosResponse` (axios client). */
  response: RawResponse;
}

/**
 * What every operation returns: await it for the parsed body, or call `withResponse()` for the
 * body and the raw response (status, headers). The request starts immediately either way.
 */
export class ApiPromise<T> implements Promise<T> {
  readonly #result: Promise<WithResponse<T>>;
  readonly [Symbol.toStringTag] = "ApiPromise";

  constructor(result: Promise<WithResponse<T>>) {
    this.#result = result;
  }

  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }

  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#result.then(
      onfulfilled ? (result) => onfulfilled(result.data) : (result) => result.data as unknown as A,
      onrejected,
    );
  }

  catch<B = never>(onrejected?: ((reason: any) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}
