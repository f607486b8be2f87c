import { existsSync } from "node:fs";
// The runner is plain JavaScript so `npm run corpus` needs no TypeScript loader.
const { corpusDir, corpusDocuments, runCorpus } = require("./run-corpus.js") as {
  corpusDir(): string;
  corpusDocuments(): string[];
  runCorpus(): Promise<CorpusResult[]>;
};

interface CorpusResult {
  document: string;
  folder: string;
  operations: number;
  warnings: number;
  error?: string;
  inputError?: boolean;
  typeErrors?: string[];
  /** Generated files prettier would still change. */
  layoutDiffs?: string[];
  /** Files prettier laid out (a statement or a README), because the printer could not. */
  formattedByPrettier?: number;
}

const available = existsSync(corpusDir());
if (!available) {
  // Not an error: the corpus lives beside the repository, not in it.
  // Straight to stderr: jest holds back console output of a suite whose tests are all skipped.
  process.stderr.write(`corpus tests skipped: no specs at ${corpusDir()} (set CORPUS_DIR to run them)\n`);
}
const documents = available ? corpusDocuments() : [];
const valid = documents.filter((d) => !d.startsWith("invalid/"));
const invalid = documents.filter((d) => d.startsWith("invalid/"));

const describeCorpus = available ? describe : describe.skip;

describeCorpus("the corpus of specs written by others", () => {
  let results: Map<string, CorpusResult>;
  beforeAll(async () => {
    results = new Map((await runCorpus()).map((r) => [r.document, r]));
  }, 600_000);

  test("holds the 118 documents the issue names (oai 8, real 2, feature 104, invalid 4)", () => {
    const count = (folder: string) => documents.filter((d) => d.startsWith(`${folder}/`)).length;
    expect({ oai: count("oai"), real: count("real"), feature: count("feature"), invalid: count("invalid") }).toEqual({
      oai: 8,
      real: 2,
      feature: 104,
      invalid: 4,
    });
  });

  test.each(valid)("%s generates both clients, they type-check under --strict, and the printer alone lays them out as prettier would", (document) => {
    const result = results.get(document)!;
    // No statement left to prettier: `--no-format` writes the same bytes as the default.
    expect({ error: result.error, typeErrors: result.typeErrors, layoutDiffs: result.layoutDiffs, formattedByPrettier: result.formattedByPrettier }).toEqual({
      error: undefined,
      typeErrors: undefined,
      layoutDiffs: undefined,
      formattedByPrettier: 0,
    });
  });

  test.each(invalid)("%s generates with warnings or is rejected naming the file and pointer, never broken", (document) => {
    const result = results.get(document)!;
    if (result.error) {
      expect(result.inputError).toBe(true);
      expect(result.error).toMatch(new RegExp(`${document.split("/")[1]!.replace(".", "\\.")}(#/\\S*)?: `));
    } else {
      expect(result.warnings).toBeGreaterThan(0);
      expect(result.typeErrors).toBeUndefined();
    }
  });
});
