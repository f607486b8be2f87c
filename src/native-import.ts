/**
 * `import()` as Node itself runs it. The CLI bundle runs as a vm script (cli/start.ts), where an
 * `import()` would need vm's experimental loader: the build keeps this module out of the bundle,
 * and the bundle's `import()`s are calls of it.
 */
export function nativeImport(specifier: string): Promise<unknown> {
  return import(specifier);
}
