/** Fixed options: the output must not depend on a prettier config found on the user's machine. */
const OPTIONS = { printWidth: 120, trailingComma: "all", endOfLine: "lf" } as const;

const PARSERS: Record<string, string> = { ts: "typescript", md: "markdown", json: "json" };

/** Formats every file with prettier, concurrently, in one process. Files of unknown type pass through. */
export async function formatFiles(files: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const prettier = await import("prettier");
  const entries = await Promise.all(
    [...files].map(async ([path, text]) => {
      const parser = PARSERS[path.slice(path.lastIndexOf(".") + 1)];
      return [path, parser ? await prettier.format(text, { ...OPTIONS, parser }) : text] as const;
    }),
  );
  return new Map(entries);
}
