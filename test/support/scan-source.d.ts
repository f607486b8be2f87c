/** What spec text planted by the hostile fixtures and the fuzzer reads as once it has become code. */
export const CODE_MARKERS: RegExp[];
/** TypeScript source split into its code (comments dropped, string literals as `""`), its string values, and the scanner's errors. */
export function scan(text: string): { code: string; strings: string[]; errors: string[] };
/** The code markers found in a generated file, and the scanner's errors: both empty for a safe file. */
export function injected(text: string): { markers: string[]; errors: string[] };
