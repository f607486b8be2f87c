import { inspect } from "node:util";
import { rejectionOf } from "../support/client";
import { fixtureClients, type FixtureClient } from "../support/fixture-clients";
import { json, WireServer, type Reply } from "../support/wire-server";

/**
 * Security requirements with alternatives (test/fixtures/auth-alternatives.yml): either of two
 * schemes, two together, HTTP Basic, optional credentials. Each call sends exactly the first
 * alternative whose credentials the client has, and nothing of the others.
 */
const server = new WireServer();
let clients: FixtureClient[];
const TOKEN_ENV = "AUTH_ALTERNATIVES_TEST_TOKEN";

beforeAll(async () => {
  await server.start();
  clients = await fixtureClients("auth-alternatives.yml", { credentialEnv: { bearerToken: TOKEN_ENV } });
});
afterAll(() => server.stop());
beforeEach(() => server.reply(json(200, {})));
afterEach(() => delete process.env[TOKEN_ENV]);

/** The credential-bearing parts of a request: the query, Api-Key, Authorization and Cookie headers. */
const sent = () =>
  server.requests.map((r) => ({ url: r.url, apiKey: r.headers["api-key"], authorization: r.headers.authorization, cookie: r.headers.cookie }));

describe.each(["fetch", "axios"] as const)("%s client", (variant) => {
  const api = (options: Record<string, unknown> = {}) =>
    new (clients.find((c) => c.variant === variant)!.sdk.Api)({ baseUrl: server.url, ...options });

  test("either scheme: the API key alone, the token alone, and with both the first alternative only", async () => {
    await api({ apiKey: "key-1" }).images.generate({ prompt: "a" });
    await api({ bearerToken: "tok-1" }).images.generate({ prompt: "a" });
    await api({ apiKey: "key-1", bearerToken: "tok-1" }).images.generate({ prompt: "a" });
    expect(sent()).toEqual([
      { url: "/generate", apiKey: "key-1", authorization: undefined, cookie: undefined },
      { url: "/generate", apiKey: undefined, authorization: "Bearer tok-1", cookie: undefined },
      { url: "/generate", apiKey: "key-1", authorization: undefined, cookie: undefined },
    ]);
  });

  test("a credential's environment variable (credentialEnv) stands in for the option", async () => {
    process.env[TOKEN_ENV] = "tok-env";
    await api().images.generate({ prompt: "a" });
    expect(sent()).toEqual([{ url: "/generate", apiKey: undefined, authorization: "Bearer tok-env", cookie: undefined }]);
  });

  test("without a credential that would do, the call fails before sending, naming the options", async () => {
    const error = await rejectionOf(api().images.generate({ prompt: "a" }));
    expect(String(error)).toContain(
      `missing credentials for POST /generate: pass apiKey, or bearerToken (or set ${TOKEN_ENV} where the client may read it; Deno: --allow-env) to the client`,
    );
    const half = await rejectionOf(api({ appId: "app-1" }).exports.listExports());
    expect(String(half)).toContain("missing credentials for GET /exports: pass appId and session to the client");
    expect(server.requests).toHaveLength(0);
  });

  test("two schemes together: the query parameter and the cookie, both", async () => {
    await api({ appId: "app 1", session: "s;1", apiKey: "key-1" }).exports.listExports();
    expect(sent()).toEqual([{ url: "/exports?app_id=app%201", apiKey: undefined, authorization: undefined, cookie: "session=s%3B1" }]);
  });

  test("HTTP Basic sends base64 of the UTF-8 username:password; the API key is the alternative", async () => {
    await api({ username: "ada", password: "pä ss", apiKey: "key-1" }).admin.getAdmin();
    await api({ username: "ada", apiKey: "key-1" }).admin.getAdmin();
    expect(sent()).toEqual([
      { url: "/admin", apiKey: undefined, authorization: `Basic ${Buffer.from("ada:pä ss").toString("base64")}`, cookie: undefined },
      { url: "/admin", apiKey: "key-1", authorization: undefined, cookie: undefined },
    ]);
  });

  test("optional credentials: none sent without them, the token when given", async () => {
    await api().admin.getStatus();
    await api({ bearerToken: "tok-1" }).admin.getStatus();
    expect(sent()).toEqual([
      { url: "/status", apiKey: undefined, authorization: undefined, cookie: undefined },
      { url: "/status", apiKey: undefined, authorization: "Bearer tok-1", cookie: undefined },
    ]);
  });

  test("no credential, plain or encoded, reaches an error, even when the server echoes them", async () => {
    const echo: Reply = (request, response) => {
      response.writeHead(401, { "content-type": "application/json" });
      response.end(JSON.stringify({ echoed: request.headers.authorization, password: "pä ss", pair: "ada:pä ss" }));
    };
    server.reply(echo);
    const error = await rejectionOf(api({ username: "ada", password: "pä ss" }).admin.getAdmin());
    const everything = [String(error), (error as Error).stack, inspect(error, { depth: 10 }), JSON.stringify(error)].join("\n");
    expect(everything).toContain("[redacted]");
    for (const secret of ["pä ss", Buffer.from("ada:pä ss").toString("base64"), "ada:pä ss"]) expect(everything).not.toContain(secret);
  });
});
