// Type tests of feature fixtures' clients (written to .tmp/fixture-clients by types.test.ts):
// each @ts-expect-error line is a misuse that must not compile.
import { Api as Auth } from "../../.tmp/fixture-clients/auth-alternatives/fetch/index.ts";
import { Api as Bodies } from "../../.tmp/fixture-clients/request-content-types/fetch/index.ts";
import { Api as Relative } from "../../.tmp/fixture-clients/server-relative/fetch/index.ts";
import { Api as Variables, type ApiOptions } from "../../.tmp/fixture-clients/server-variables/fetch/index.ts";

// A spec whose only server is relative: baseUrl is required.
// @ts-expect-error the options and their baseUrl are required
new Relative();
// @ts-expect-error baseUrl is required
new Relative({});
new Relative({ baseUrl: "https://api.example.test/v1" });

// Server variables are typed from the spec.
new Variables();
new Variables({ serverVariables: { basePath: "v2", port: "9000", host: undefined } });
// @ts-expect-error basePath is one of v1, v2
new Variables({ serverVariables: { basePath: "v3" } });
// @ts-expect-error the spec names no variable `region`
new Variables({ serverVariables: { region: "eu" } });
export const options: ApiOptions = { serverVariables: { port: "80" }, timeout: 1000 };

// Several content types: the params are the union of what each accepts.
const bodies = new Bodies();
bodies.images.generateImage({ prompt: "a lighthouse", color_palette: { name: "EMBER" } });
bodies.images.generateImage({ prompt: "a lighthouse", style_reference_images: [new Blob([])] });
// @ts-expect-error prompt is required by both bodies
bodies.images.generateImage({ style_reference_images: [new Blob([])] });
bodies.images.replaceImage({ image_id: "img-1", body: new Blob([]) });
bodies.images.replaceImage({ image_id: "img-1", image: new Blob([]), caption: "dusk" });
// @ts-expect-error each body needs its file: `body` or `image`
bodies.images.replaceImage({ image_id: "img-1", caption: "dusk" });
bodies.auth.createToken({ grant_type: "client_credentials", client_secret: "s3cret" });
// @ts-expect-error grant_type is an enum in both bodies
bodies.auth.createToken({ grant_type: "password" });

// Each scheme's credentials are typed options.
new Auth({ apiKey: "key", bearerToken: "token", appId: "app", session: "s", username: "ada", password: "pw" });
// @ts-expect-error a credential is a string
new Auth({ bearerToken: 42 });
// @ts-expect-error the spec has no such credential
new Auth({ token: "t" });
