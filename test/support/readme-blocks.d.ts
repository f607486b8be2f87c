/** A fenced code block of a generated README. */
export interface FencedBlock {
  language: string;
  text: string;
  /** The README line of the block's first code line. */
  line: number;
  /** The `## ` section it sits in. */
  section: string;
}

/** A `ts` block as a module to compile: its own text, or the "Use" block's followed by it. */
export interface ReadmeModule {
  /** Where the block is: `fetch-readme-L42.ts`. */
  file: string;
  text: string;
}

export function fencedBlocks(readme: string): FencedBlock[];
export function readmeModules(readme: string, variant: string): ReadmeModule[];
export function documentedCompilerOptions(readme: string): Record<string, unknown>;
/** Writes each variant's README modules into `folder`, beside the generated `<variant>/` folders they import. */
export function writeReadmeModules(folder: string, files: ReadonlyMap<string, string>, variants: readonly string[]): void;
