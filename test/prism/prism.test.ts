import { join } from "node:path";
import type { Ideogram, RequestOptions, WithResponse } from "../../generated/fetch/index.ts";
import { API_KEY } from "../support/client";
import { JPEG, PNG, WEBP } from "../support/images";
import { PrismMock, type PrismViolation } from "../support/prism";
import { VARIANTS, type Sdk } from "../support/variants";

/*
 * Stoplight Prism, an OpenAPI implementation that is not ours, as the judge of what the generated
 * clients send: every operation of the Ideogram spec, called through both variants with realistic
 * arguments, must come back with no request violation. Prism runs with --errors=false, so it still
 * answers an invalid request: with the spec's own 400/422 and an `sl-violations` header listing
 * what it found, or (where the spec has no 4xx) with its own 422 whose problem+json body holds the
 * list under `validation`.
 */

const SPEC = join(__dirname, "..", "..", "specs", "ideogram-openapi.yml");

/** A violation that Prism reports for a correct request, because Prism 5 does not implement that part of OpenAPI. */
interface KnownLimitation {
  operation: string;
  field: string;
  message: RegExp;
  /** Why the request is right and Prism is wrong. */
  reason: string;
}

const KNOWN_LIMITATIONS: readonly KnownLimitation[] = [];

/** Forces Prism's 200 example, so each answer can be checked against the success type. */
const PREFER_200: RequestOptions = { headers: { Prefer: "code=200" } };

interface Verdict {
  status: number;
  data: unknown;
  violations: PrismViolation[];
}

function parseViolations(header: string | null): PrismViolation[] {
  if (header === null) return [];
  return JSON.parse(header) as PrismViolation[];
}

/** Runs the call and reads Prism's verdict on the request, whether Prism answered 2xx or 4xx. */
async function verdictOf(sdk: Sdk, call: () => Promise<WithResponse<unknown>>): Promise<Verdict> {
  try {
    const { data, status, headers } = await call();
    return { status, data, violations: parseViolations(headers.get("sl-violations")) };
  } catch (error) {
    if (!(error instanceof sdk.ApiError)) throw error;
    const body = error.body as { validation?: PrismViolation[] } | undefined;
    const violations = error.headers.has("sl-violations")
      ? parseViolations(error.headers.get("sl-violations"))
      : (body?.validation ?? []);
    return { status: error.status, data: error.body, violations };
  }
}

interface Case {
  operation: string;
  /** Makes the call and returns `withResponse()` (an ApiPromise must not be awaited before that: it unwraps to the data). */
  call: (client: Ideogram, sdk: Sdk) => Promise<WithResponse<unknown>>;
}

const CASES: Case[] = [
  {
    operation: "generateImageV3",
    call: (client) =>
      client.generate.generateImageV3(
        {
          prompt: "a lighthouse at dusk, oil painting",
          seed: 12345,
          aspect_ratio: "16x9",
          rendering_speed: "TURBO",
          magic_prompt: "OFF",
          negative_prompt: "fog",
          num_images: 2,
          color_palette: { members: [{ color_hex: "#FF5733", color_weight: 0.6 }, { color_hex: "#33C1FF" }] },
          style_codes: ["1A2B3C4D", "5E6F7A8B"],
          style_reference_images: [PNG, JPEG],
          character_reference_images: [JPEG],
          character_reference_images_mask: [PNG],
        },
        PREFER_200,
      ).withResponse(),
  },
];

let prism: PrismMock;

beforeAll(async () => {
  prism = await new PrismMock(SPEC).start();
}, 90_000);

afterAll(async () => {
  await prism?.stop();
}, 30_000);

describe.each(VARIANTS)("%s client against Prism", (_variant, sdk) => {
  let client: Ideogram;

  beforeAll(() => {
    client = new sdk.Ideogram({ apiKey: API_KEY, baseUrl: prism.url, maxRetries: 0 });
  });

  test.each(CASES)("$operation", async ({ operation, call }) => {
    const verdict = await verdictOf(sdk, () => call(client, sdk));
    console.log(operation, verdict.status, JSON.stringify(verdict.violations, null, 1), JSON.stringify(verdict.data));
    const unexpected = verdict.violations.filter(
      (violation) =>
        !KNOWN_LIMITATIONS.some(
          (known) =>
            known.operation === operation &&
            violation.location[1] === "body" &&
            violation.location[2] === known.field &&
            known.message.test(violation.message),
        ),
    );
    expect(unexpected).toEqual([]);
  });
});
