import type { Answer } from "./client-core.ts";
import type { RawResponse } from "./transport.ts";

/** The parsed body with the response's status and headers, and the transport's own response object. */
export interface WithResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  /** The platform `Response` (fetch client) or the `AxiosResponse` (axios client); its body has been read. */
  response: RawResponse;
}

/**
 * What every operation returns: await it for the parsed body, call `withResponse()` for the body
 * with the status and headers, or `asResponse()` for the response itself, its body unread. The
 * request starts immediately either way.
 */
export class ApiPromise<T> implements Promise<T> {
  readonly #answer: Promise<Answer>;
  #parsed: Promise<WithResponse<T>> | undefined;
  readonly [Symbol.toStringTag] = "ApiPromise";

  constructor(answer: Promise<Answer>) {
    this.#answer = answer;
  }

  withResponse(): Promise<WithResponse<T>> {
    this.#parsed ??= this.#answer.then(async ({ response, read }) => ({
      data: (await read()) as T,
      status: response.status,
      headers: response.headers,
      response: response.raw,
    }));
    return this.#parsed;
  }

  /**
   * The successful response as it arrived, its body not read (call this instead of awaiting the
   * promise): the platform `Response` or the `AxiosResponse`. The client's timeout ends with its
   * headers; errors and retries are as for any call.
   */
  asResponse(): Promise<RawResponse> {
    return this.#answer.then(({ response, release }) => {
      release();
      return response.raw;
    });
  }

  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.withResponse().then(
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
