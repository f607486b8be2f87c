/** The generated files (among those `include` picks) that prettier would change. */
export function layoutDiffers(files: ReadonlyMap<string, string>, include?: (file: string) => boolean): Promise<string[]>;
