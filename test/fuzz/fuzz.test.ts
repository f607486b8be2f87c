/*
 * The seeded mutation fuzzer (test/fuzz/run-fuzz.js): 300 mutated copies of the Ideogram spec and
 * of ../shared/specs, the same 300 on every run. Each must end one of two ways: a client that
 * compiles under `tsc --strict` with no spec text as code, or an InputError naming the spec file
 * (and the place, where there is one). Never a hang, never an error of the generator's own.
 */
const { runFuzz, summarize, fuzzSpecs } = require("./run-fuzz.js") as {
  runFuzz(options: { count: number; firstSeed: number }): Promise<FuzzRun>;
  summarize(run: FuzzRun): { counts: Record<string, number>; broken: Outcome[] };
  fuzzSpecs(): string[];
};
const { injected } = require("../support/scan-source.js") as typeof import("../support/scan-source.js");

interface Outcome {
  status: "generated" | "input-error" | "bug" | "hang" | "skipped";
  seed: number;
  spec: string;
  mutations: string[];
  ms: number;
  typeErrors?: string[];
  markers?: unknown[];
  lines?: string[];
  message?: string;
}
interface FuzzRun {
  outcomes: Outcome[];
  strayErrors: string[];
  canaryCaught: boolean;
  totalMs: number;
}

const CASES = 300;
let run: FuzzRun;

beforeAll(async () => {
  run = await runFuzz({ count: CASES, firstSeed: 1 });
}, 600_000);

/** A case as the failure message shows it: enough to rerun it (`mutate(spec, seed)`). */
const shown = (o: Outcome) => ({
  seed: o.seed,
  spec: o.spec,
  status: o.status,
  mutations: o.mutations,
  detail: o.typeErrors?.slice(0, 3) ?? o.markers ?? o.lines?.slice(0, 3) ?? o.message,
});

test("every case generates a client that compiles with no spec text as code, or fails with an InputError on its file", () => {
  expect(summarize(run).broken.map(shown)).toEqual([]);
  expect(run.strayErrors).toEqual([]);
});

test("the run is the one it claims to be: every case ran, the compiler read the clients, and both endings occur", () => {
  expect(run.outcomes.filter(Boolean)).toHaveLength(CASES);
  expect(run.canaryCaught).toBe(true);
  const { counts } = summarize(run);
  expect(counts.generated).toBeGreaterThan(CASES / 2);
  expect(counts["input-error"]).toBeGreaterThan(10);
  // Every kind of mutation was tried, many times over.
  const kinds = new Map<string, number>();
  for (const o of run.outcomes) for (const m of o.mutations) kinds.set(m.split(":")[0]!, (kinds.get(m.split(":")[0]!) ?? 0) + 1);
  expect(kinds.size).toBe(13);
  for (const [kind, times] of kinds) expect({ kind, often: times >= 10 }).toEqual({ kind, often: true });
  // Ideogram's spec is every third case; the rest cover the shared specs.
  const ideogramCases = fuzzSpecs().length === 1 ? CASES : CASES / 3;
  expect(run.outcomes.filter((o) => o.spec === "specs/ideogram-openapi.yml")).toHaveLength(ideogramCases);
  expect(new Set(run.outcomes.map((o) => o.spec)).size).toBe(Math.min(fuzzSpecs().length, 1 + (CASES * 2) / 3));
});

test("the injection check finds spec text that became code, and only that", () => {
  // As the emitters escape it: the comment does not end at `*\/`.
  expect(injected('/** *\\/ x(pwned()) */ const a = "x(pwned())";').markers).toEqual([]);
  expect(injected("/** a */ x(pwned()); /* b */").markers).toEqual(["pwned("]);
  expect(injected('const a = "unterminated').errors).not.toEqual([]);
});
