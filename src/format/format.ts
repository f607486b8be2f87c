/** Fixed options: the output must not depend on a prettier config found on the user's machine. */
export const PRETTIER_OPTIONS = { printWidth: 120, trailingComma: "all", endOfLine: "lf" } as const;

const PARSERS: Record<string, string> = { ts: "typescript", md: "markdown", json: "json" };

export function parserFor(path: string): string | undefined {
  return PARSERS[path.slice(path.lastIndexOf(".") + 1)];
}

/** Formats the files named in `which` with prettier, in one process; the others pass through. */
export async function formatFiles(files: ReadonlyMap<string, string>, which: ReadonlySet<string>): Promise<Map<string, string>> {
  const prettier = await import("prettier");
  // The variants share most files verbatim: each distinct text is formatted once.
  const formatted = new Map<string, Promise<string>>();
  const formatOnce = (text: string, parser: string) => {
    const key = `${parser}\0${text}`;
    if (!formatted.has(key)) formatted.set(key, prettier.format(text, { ...PRETTIER_OPTIONS, parser }));
    return formatted.get(key)!;
  };
  const entries = await Promise.all(
    [...files].map(async ([path, text]) => {
      const parser = parserFor(path);
      return [path, parser && which.has(path) ? await formatOnce(text, parser) : text] as const;
    }),
  );
  return new Map(entries);
}
