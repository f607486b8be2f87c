export interface Outcome {
  status: number | string | null;
  stdout: string;
  stderr: string;
}
interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  timeout?: number;
}
/** npm's `pack --json` report of one tarball. */
export interface PackReport {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}
export function packCheckout(): { tarball: string; report: PackReport; work: string };
export function run(command: string, args: readonly string[], options: RunOptions): Promise<Outcome>;
export function npm(args: readonly string[], options: RunOptions): Promise<Outcome>;
export const INSTALL: readonly string[];
export const ROOT: string;
